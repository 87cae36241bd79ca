#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P008Test, FiresOnAutomatedHighStakesDecisions) {
  const auto run = RunRule("P008", R"(
decision:
  affected: loan applicants
  mode: automate
  stakes: high
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  const auto& d = run.diagnostics[0];
  EXPECT_EQ(run.Position(0), "4:9");
  EXPECT_EQ(run.Text(0), "automate");
  EXPECT_EQ(d.fields, (std::vector<std::string>{"decision.stakes", "decision.mode",
                                                "decision.fallback", "decision.human_oversight"}));
  EXPECT_EQ(d.message,
            "the model decides alone in a high-stakes setting (stakes: high), with no fallback "
            "and no human oversight: nobody catches its mistakes");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(run.file->TextOf(d.related[0].span), "high");
}

TEST(P008Test, FiresInAnAnnexIiiAreaWhenTheModeIsNotStated) {
  const auto run = RunRule("P008", R"(
domain:
  area: employment
decision:
  affected: job applicants
  human_oversight: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "decision");
  EXPECT_EQ(run.diagnostics[0].fields[0], "domain.area");
  EXPECT_NE(
      run.diagnostics[0].message.find("in a high-stakes setting (high-risk area: employment)"),
      std::string::npos);
}

TEST(P008Test, SilentWithAFallbackOrOversight) {
  EXPECT_TRUE(RunRule("P008", R"(
decision:
  mode: automate
  stakes: high
  fallback: claims under 0.8 confidence go to an adjuster
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P008", R"(
decision:
  mode: automate
  stakes: high
  human_oversight: true
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P008", R"(
decision:
  mode: assist
  stakes: high
)")
                  .diagnostics.empty());
}

TEST(P008Test, SilentForLowStakesOrPlaceholders) {
  EXPECT_TRUE(RunRule("P008", R"(
domain:
  area: retail
decision:
  mode: automate
  stakes: low
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P008", "\ndecision:\n  stakes: high\n  mode: TODO\n").diagnostics.empty());
  EXPECT_TRUE(
      RunRule("P008", "\ndecision:\n  stakes: high\n  fallback: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P008", "\ndomain:\n  area: credit\ndecision: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
