#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D006Test, FiresOnDarkPatternsForVulnerableUsers) {
  const auto run = RunRule("D006", R"(
summary: choose the checkout dark patterns that keep indebted gamblers depositing
task:
  type: ranking
  target: deposit after the nudge
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:30");
  EXPECT_EQ(run.Text(0), "dark patterns");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"dark patterns"});
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"summary"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D006Test, FiresOnDeclaredManipulation) {
  const auto run = RunRule("D006", R"(
task:
  target: whether the user buys after the message
  target_kind: manipulation
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:16");
  EXPECT_EQ(run.Text(0), "manipulation");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"task.target_kind"});
}

TEST(D006Test, SilentForPreventingManipulationOfUsers) {
  const auto run = RunRule("D006", R"(
task:
  type: binary
  target: scam message trying to manipulate the recipient, to flag it
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForAnOrdinaryRecommender) {
  const auto run = RunRule("D006", R"(
summary: recommend products customers are likely to buy next
task:
  type: ranking
  target: click on a recommended product
  target_kind: outcome
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForDetectingMarketManipulation) {
  const auto run = RunRule("D006", R"(
summary: detect market manipulation in order flow
task:
  type: binary
  target: market manipulation case confirmed by compliance
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForRobotManipulation) {
  const auto run = RunRule("D006", R"(
task:
  type: binary
  target: successful robot grasp and manipulation of the part
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// Article 5(1)(b) in other words: a commercial push aimed at a vulnerable state. These
// paraphrases and look-alikes were written for the rule, apart from the screening corpus.
TEST(D006Test, FiresOnAPushAimedAtAVulnerableState) {
  const char* const charters[] = {
      R"(
summary: Re-engagement pushes for the betting app.
task:
  target: which players chasing their losses take a deposit match offer within the hour
)",
      R"(
task:
  target: the script that gets a confused elderly caller to agree to the extended plan
decision:
  affected: callers to the sales line
)",
      R"(
summary: In-game store tuning for our under-13 audience.
task:
  target: the price point at which a frustrated young player buys extra lives
)",
      R"(
summary: Short-term credit adverts.
task:
  target: whether a household in arrears clicks a loan advert on payday
)",
      R"(
summary: Grief-time sales for the memorial business.
task:
  target: which widows sign a premium memorial contract in the first week
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D006", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(b)"), std::string::npos);
    EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  }
}

TEST(D006Test, ShowsTheVulnerableStateAndThePush) {
  const auto run = RunRule("D006", R"(
task:
  target: the bonus that keeps a problem gambler playing
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "problem gambler");
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"problem gambler", "bonus"}));
  EXPECT_NE(run.diagnostics[0].message.find("('bonus')"), std::string::npos);
}

TEST(D006Test, SilentForInnocentLookAlikes) {
  const char* const charters[] = {
      // a helpline sells nothing
      R"(
summary: Route chats at the gambling-addiction helpline to the right counsellor.
task:
  target: topic of each chat, such as debt worries or relapse
)",
      // a shop for children's things sells to adults
      R"(
summary: Discount planning for a children's clothing shop.
task:
  target: units sold per product on discount days
)",
      // a protective tool withholds the push
      R"(
summary: Safer gambling. Players who show problem gambling signs get no bonus offers.
task:
  target: whether a player shows problem gambling signs, to contact them with help
)",
      // an offer of help to people in debt
      R"(
summary: Debt advice charity triage.
task:
  target: which clients in arrears should be offered advice first
)",
      // marketing with no vulnerable group
      R"(
summary: Churn model so we can send a check-in offer to members drifting away.
task:
  target: probability a member cancels within two months
)",
      // parents buying for their children
      R"(
task:
  target: which toys parents are likely to buy for their kids next
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D006", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    EXPECT_TRUE(run.diagnostics.empty()) << charter << run.diagnostics[0].message;
  }
}

// Article 5(1)(a) in other words: a technique people cannot notice, or a deception, that
// steers what they do. Written for the rule, apart from the screening corpus.
TEST(D006Test, FiresOnATechniqueBelowAwarenessThatSteersADecision) {
  const char* const charters[] = {
      R"(
task:
  target: which scent pulses, too faint for diners to notice, raise dessert purchases
)",
      R"(
summary: Renewal flow where the cancel button is disguised as a help link.
task:
  target: share of members who renew after visiting the account page
)",
      R"(
summary: A sales bot that poses as a neighbour recommending the roofing firm.
task:
  target: whether the homeowner signs the quote
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D006", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(a)"), std::string::npos);
  }
}

TEST(D006Test, SilentForFindingDeceptionOrOtherSensesOfItsWords) {
  const char* const charters[] = {
      R"(
task:
  target: whether a product review is fake, so it is removed before shoppers buy
)",
      R"(
summary: Spot fake invoices before payment.
task:
  target: probability an invoice is fabricated
)",
      R"(
task:
  target: next purchase of a customer, from a model with two hidden layers
)",
  };
  for (const char* charter : charters) {
    const auto run = RunRule("D006", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    EXPECT_TRUE(run.diagnostics.empty()) << charter << run.diagnostics[0].message;
  }
}

TEST(D006Test, SilentWhileTargetKindIsPlaceholder) {
  const auto run = RunRule("D006", R"(
task:
  target: conversion after the message
  target_kind: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// A technique below awareness said as a perception denied, in words no list holds: a denial
// and a word of perceiving, a few words apart. Checking for it, or a denial that is about
// something else, stays silent.
TEST(D006Test, FiresOnAPerceptionDenied) {
  for (const char* summary :
       {"checkout music carries a spoken slogan too quiet for shoppers to notice; the model tunes "
        "it to raise sales of the house brand",
        "the renewal screen shows the upgrade offer for a moment too brief for members to see "
        "it, and the model picks the moment that keeps them subscribed"}) {
    SCOPED_TRACE(summary);
    const auto run = RunRule("D006", std::string("summary: ") + summary + "\n");
    ASSERT_TRUE(run.problems.empty());
    ASSERT_EQ(run.diagnostics.size(), 1u);
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(a)"), std::string::npos);
  }
}

TEST(D006Test, SilentWhenThePerceptionIsNotDeniedOrIsChecked) {
  for (const char* summary :
       {"a regulator's tool flags radio ads whose price disclosures are too quiet for listeners "
        "to notice",
        "shoppers notice the new shelf labels; the model predicts sales per label design",
        "defects too small to see are found by the camera before the parts are sold"}) {
    SCOPED_TRACE(summary);
    const auto run = RunRule("D006", std::string("summary: ") + summary + "\n");
    ASSERT_TRUE(run.problems.empty());
    EXPECT_TRUE(run.diagnostics.empty()) << run.diagnostics[0].message;
  }
}

// A child made to ask a parent is the one the push aims at, even when the data records the
// parent's purchase.
TEST(D006Test, FiresWhenTheChildIsMadeToAskAParent) {
  const auto run = RunRule("D006", R"(
summary: a talking robot learns which lines make a six year old child ask their parents for
  new costume packs
task:
  target: parent purchase within a day of the robot's line
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(b)"), std::string::npos);
}

}  // namespace
}  // namespace foresight::rules
