#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(R003Test, FiresAtTheSuccessSectionWhenBaselinesAreAbsent) {
  const auto run = RunRule("R003", R"(
project:
  name: churn
success:
  metric: accuracy
  threshold: 0.84
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "success");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"baselines"});
  EXPECT_EQ(run.diagnostics[0].message,
            "no baseline is declared: nobody can tell whether accuracy 0.84 is good, or "
            "better than what exists today");
}

TEST(R003Test, FiresAtAnEmptyBaselinesList) {
  const auto run = RunRule("R003", R"(
success:
  metric: f1
baselines: []
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "baselines");
}

TEST(R003Test, FiresAtTheTopWhenNothingIsWritten) {
  const auto run = RunRule("R003", R"(
project:
  name: churn
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].span.begin, 0u);
}

TEST(R003Test, SilentWithABaseline) {
  const auto run = RunRule("R003", R"(
success:
  metric: accuracy
  threshold: 0.84
baselines:
  - kind: heuristic
    name: last month's label
    value: 0.78
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(R003Test, SilentWhenBaselinesArePlaceholder) {
  const auto run = RunRule("R003", R"(
success:
  metric: accuracy
baselines: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
