#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using ::testing::HasSubstr;
using testing::RunRule;

TEST(P010Test, FiresOnAMisspelledPrimaryMetricWithDidYouMean) {
  const auto run = RunRule("P010", R"(
task:
  type: binary
success:
  metric: roc_acu
  threshold: 0.8
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "roc_acu");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.metric"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
  ASSERT_FALSE(run.diagnostics[0].help.empty());
  EXPECT_THAT(run.diagnostics[0].help[0], HasSubstr("did you mean 'roc_auc'?"));
}

TEST(P010Test, FiresOnAMetricOfAnotherTask) {
  const auto run = RunRule("P010", R"(
task:
  type: regression
success:
  metric: roc_auc
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_THAT(run.diagnostics[0].help[0], HasSubstr("not regression"));
}

TEST(P010Test, FiresOnAGuardrailItCannotCompute) {
  const auto run = RunRule("P010", R"(
success:
  metric: recall_at_precision{p=0.9}
  guardrails:
    - metric: latency_p99
      max: 0.2
    - metric: recall_gap
      slice: sex
      max: 0.05
    - metric: accuracy
      min: 0.7
    - metric: demographic_parity_difference
      slice: age_band
      max: 0.1
    - metric: smile_gap
      slice: age_band
      max: 0.1
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.Text(0), "latency_p99");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.guardrails[0].metric"});
  EXPECT_EQ(run.Text(1), "smile_gap");
  EXPECT_THAT(run.diagnostics[1].help, ::testing::Contains(HasSubstr("<metric>_gap")));
}

TEST(P010Test, SilentOnComputableMetricsPlaceholdersAndOtherTasks) {
  EXPECT_TRUE(RunRule("P010", "\nsuccess:\n  metric: fbeta{beta=2}\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P010", "\nsuccess:\n  metric: MAE\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P010", "\nsuccess:\n  metric: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P010", "\ntask:\n  type: detection\nsuccess:\n  metric: map50\n")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
