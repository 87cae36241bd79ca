#include <string>

#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D003Test, FiresOnSocialCreditScore) {
  const auto run = RunRule("D003", R"(
summary: a social credit score for residents, used to prioritise access to housing
task:
  type: regression
  target: score from 0 to 1000
inputs:
  - name: fines, complaints and volunteering history
    kind: behaviour
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:12");
  EXPECT_EQ(run.Text(0), "social credit");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"social credit"});
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"summary"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D003Test, FiresOnDeclaredSocialScore) {
  const auto run = RunRule("D003", R"(
task:
  type: regression
  target: how reliable the tenant is as a person
  target_kind: social-score
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:16");
  EXPECT_EQ(run.Text(0), "social-score");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"task.target_kind"});
}

TEST(D003Test, FiresOnCitizenScoringInTheTarget) {
  const auto run = RunRule("D003", R"(
task:
  target: Citizen scoring for benefit eligibility
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "Citizen scoring");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"citizen scoring"});
}

TEST(D003Test, SilentForLoanCreditScoring) {
  const auto run = RunRule("D003", R"(
summary: credit score for consumer loan applications
domain:
  area: credit
task:
  type: binary
  target: default within 12 months
  target_kind: outcome
inputs:
  - name: repayment history
    kind: personal-data
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D003Test, SilentWhileTargetKindIsPlaceholder) {
  const auto run = RunRule("D003", R"(
task:
  target: TODO
  target_kind: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// Social scoring in other words: paraphrases written for this test (not the screening
// corpus), and scores that are not social scoring.
TEST(D003Test, FindsSocialScoringInOtherWords) {
  for (const char* charter : {
           R"(
summary: Each villager gets a good citizen grade from their social media posts and neighbour
  complaints; the grade decides who receives social housing first.
)",
           R"(
summary: Gym members are ranked on how respectfully they behave in the community app, and
  low-ranked members are refused class bookings.
)",
           R"(
task:
  target: a reliability score per tenant from their lifestyle and online reviews they wrote,
    which landlords use to demand bigger deposits
)",
       }) {
    const auto run = RunRule("D003", charter);
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(c)"), std::string::npos);
  }
}

TEST(D003Test, SilentForScoresThatAreNotSocialScoring) {
  for (const char* charter : {
           R"(
summary: Default risk score per applicant from repayment history and income, used to decide
  on loans.
)",
           R"(
summary: Quarterly performance rating per employee from sales figures, used for bonuses.
)",
           R"(
summary: Loyalty tier per customer from their purchases; the gold tier gets priority delivery.
)",
           R"(
summary: Toxicity score per post on our forum; posts above 0.9 are held for review.
)",
           R"(
summary: A driving behaviour score per driver from telematics sets the insurance premium.
)",
       }) {
    EXPECT_TRUE(RunRule("D003", charter).diagnostics.empty()) << charter;
  }
}

// Petty conduct in everyday places (library fines, fare dodging, noise) added up per person
// and deciding what they may book: social scoring in other words.
TEST(D003Test, FiresOnPettyConductDecidingAccess) {
  const auto run = RunRule("D003", R"(
summary: a civic standing for each patron of the swimming pools, from overdue fees, noise warnings
  and fare-dodging records, that decides access to discounted season passes
task:
  target: standing per patron
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "civic standing");
}

// The same words about a place or a service, not a person's standing: silent.
TEST(D003Test, SilentForNoiseComplaintsPerStreet) {
  const auto run = RunRule("D003", R"(
summary: counts noise complaints and recycling rates per street to plan where the city adds bins
  and where discounted parking passes are sold
task:
  target: complaints per street next month
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}
// A lender's default risk from overdue payments, a hotel recommender from guests' ratings, a
// patient's early-warning score: scores of people, but not of their social life. Silent.
TEST(D003Test, SilentForDefaultRiskRecommenderAndEarlyWarning) {
  for (const char* summary :
       {"default risk score per applicant from overdue payments and income, used to decide on "
        "loans",
        "recommends hotels from guests' ratings and the reviews they write, to rank offers on the "
        "booking page",
        "an early-warning score per patient from vital signs and nursing staff notes sets ICU bed "
        "priority",
        "ranks customers by churn risk from complaints from the call centre, to offer discounts "
        "to long-standing members in good standing"}) {
    SCOPED_TRACE(summary);
    const auto run = RunRule("D003", std::string("summary: ") + summary + "\n");
    ASSERT_TRUE(run.problems.empty());
    EXPECT_TRUE(run.diagnostics.empty());
  }
}
// Any occupation WordNet files under a worker counts as a person scored.
TEST(D003Test, ReadsAnyOccupationAsAPersonScored) {
  const auto run = RunRule("D003", R"(
summary: each welder gets a conduct band from parking tickets and posts on social media
task:
  target: the band, which decides who gets overtime allocation
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_EQ(run.diagnostics.size(), 1u);
}

}  // namespace
}  // namespace foresight::rules
