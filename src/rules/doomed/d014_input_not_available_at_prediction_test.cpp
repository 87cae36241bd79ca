#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D014Test, FiresOnEachUnavailableInput) {
  const auto run = RunRule("D014", R"(
task:
  type: binary
  target: patient readmitted within 30 days
inputs:
  - name: admission vitals
    kind: tabular
    available_at_prediction: true
  - name: discharge summary
    kind: text
    available_at_prediction: false
  - name: length of stay
    kind: tabular
    available_at_prediction: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.Position(0), "11:30");
  EXPECT_EQ(run.Text(0), "false");
  EXPECT_EQ(run.diagnostics[0].fields,
            std::vector<std::string>{"inputs[1].available_at_prediction"});
  EXPECT_EQ(run.diagnostics[0].message,
            "input 'discharge summary' is not available when the model predicts: a model "
            "trained with it looks accurate offline and fails in production");
  EXPECT_EQ(run.Position(1), "14:30");
  EXPECT_EQ(run.diagnostics[1].severity, Severity::kError);
}

TEST(D014Test, SilentWhenInputsAreAvailableOrUnstated) {
  const auto run = RunRule("D014", R"(
inputs:
  - name: basket contents
    kind: tabular
    available_at_prediction: true
  - name: session clicks
    kind: behaviour
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D014Test, SilentWhilePlaceholder) {
  const auto run = RunRule("D014", R"(
inputs:
  - name: final invoice amount
    available_at_prediction: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
