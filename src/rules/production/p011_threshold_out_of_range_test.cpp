#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P011Test, FiresOnATargetTheMetricCannotTake) {
  const auto run = RunRule("P011", R"(
success:
  metric: roc_auc
  threshold: 1.5
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "1.5");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  EXPECT_EQ(run.diagnostics[0].message,
            "the target 1.5 is impossible: roc_auc is always between 0 and 1");
  ASSERT_FALSE(run.diagnostics[0].help.empty());
  EXPECT_EQ(run.diagnostics[0].help[0], "choose a value between 0 and 1");
}

TEST(P011Test, APercentageIsReadAsOne) {
  const auto run = RunRule("P011", R"(
success:
  metric: accuracy
  threshold: 95
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].help[0], "write the target as a share: 0.95 rather than 95");
}

TEST(P011Test, GuardrailLimitsAndOtherScales) {
  const auto run = RunRule("P011", R"(
success:
  metric: r2
  threshold: 1.2
  guardrails:
    - metric: mae
      max: -3
    - metric: mcc
      min: -0.5
    - metric: accuracy
      slice: region
      max: 0.05
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.diagnostics[0].message, "the target 1.2 is impossible: r2 is never above 1");
  EXPECT_EQ(run.diagnostics[1].message,
            "the guardrail's maximum -3 is impossible: mae is never below 0");
  EXPECT_EQ(run.diagnostics[1].fields, std::vector<std::string>{"success.guardrails[0].max"});
}

TEST(P011Test, SilentOnPossibleValuesAndUnknownMetrics) {
  EXPECT_TRUE(
      RunRule("P011", "success:\n  metric: roc_auc\n  threshold: 0.8\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P011", "success:\n  metric: roc_auc\n  threshold: 1\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P011", "success:\n  metric: bleu\n  threshold: 40\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
