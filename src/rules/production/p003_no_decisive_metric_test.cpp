#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P003Test, FiresOnSecondaryMetricsWithoutAPrimary) {
  const auto run = RunRule("P003", R"(
success:
  secondary_metrics: [precision, recall, latency]
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:3");
  EXPECT_EQ(run.Text(0), "secondary_metrics");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"success.secondary_metrics", "success.metric"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "3 metrics are listed (precision, recall, latency) but none is the primary one: "
            "without a single decisive number every result can be argued as a success");
}

TEST(P003Test, FiresOnAGuardrailWithoutLimits) {
  const auto run = RunRule("P003", R"(
success:
  metric: recall
  threshold: 0.8
  guardrails:
    - metric: precision
      min: 0.6
    - metric: false_positive_rate
      slice: women over 60
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "8:15");
  EXPECT_EQ(run.Text(0), "false_positive_rate");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"success.guardrails[1].min", "success.guardrails[1].max"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "the guardrail on false_positive_rate has neither a min nor a max: it cannot fail, "
            "so it guards nothing");
}

TEST(P003Test, SilentOnAWellFormedSuccessSection) {
  const auto run = RunRule("P003", R"(
success:
  metric: recall
  threshold: 0.8
  secondary_metrics: [precision, latency]
  guardrails:
    - metric: precision
      min: 0.6
    - metric: p95_latency_ms
      max: 200
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P003Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("P003", R"(
success:
  metric: TODO
  secondary_metrics: [precision, recall]
  guardrails:
    - metric: precision
      min: TODO
)")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules

namespace foresight::rules {
namespace {

TEST(P003Test, SilentForATodoGuardrail) {
  const auto run = testing::RunRule("P003", R"(
success:
  metric: roc_auc
  guardrails:
    - TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
