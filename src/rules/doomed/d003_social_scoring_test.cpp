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

}  // namespace
}  // namespace foresight::rules
