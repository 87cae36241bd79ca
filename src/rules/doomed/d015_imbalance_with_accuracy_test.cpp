#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D015Test, FiresOnAccuracyWithRarePositives) {
  const auto run = RunRule("D015", R"(
task:
  type: binary
  target: transaction is fraudulent
data:
  minority_class_fraction: 0.03
success:
  metric: accuracy
  threshold: 0.95
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "8:11");
  EXPECT_EQ(run.Text(0), "accuracy");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"success.metric", "data.minority_class_fraction"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "with 3% positives, predicting the majority class scores 97% accuracy: accuracy "
            "cannot tell a useful model from one that never finds the rare cases");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(D015Test, SilentWithAnImbalanceAwareMetric) {
  const auto run = RunRule("D015", R"(
task:
  type: binary
data:
  minority_class_fraction: 0.03
success:
  metric: pr_auc
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D015Test, SilentForBalancedClasses) {
  const auto run = RunRule("D015", R"(
task:
  type: multiclass
data:
  minority_class_fraction: 0.25
success:
  metric: accuracy
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D015Test, SilentWhileFractionIsPlaceholder) {
  const auto run = RunRule("D015", R"(
data:
  minority_class_fraction: TODO
success:
  metric: accuracy
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D015Test, MulticlassMessageDoesNotClaimAMajorityShare) {
  // Three classes at 4%, 48% and 48%: predicting one class scores 48%, not 96%.
  const auto run = RunRule("D015", R"(
task:
  type: multiclass
  classes: 3
data:
  minority_class_fraction: 0.04
success:
  metric: accuracy
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "with 4% of examples in the smallest class, a model that never predicts it loses at "
            "most 4% of accuracy: accuracy cannot tell a useful model from one that never finds "
            "the rare cases");
}

}  // namespace
}  // namespace foresight::rules
