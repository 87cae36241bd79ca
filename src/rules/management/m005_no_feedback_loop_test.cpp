#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M005Test, FiresWhenPlanHasNoIterationOrFeedback) {
  const auto run = RunRule("M005", R"(
summary: churn model
plan:
  budget_person_weeks: 20
  feedback_loops: []
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:1");
  EXPECT_EQ(run.Text(0), "plan");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"plan.iteration_days", "plan.feedback_loops"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M005Test, SilentWithEitherIterationOrFeedback) {
  EXPECT_TRUE(RunRule("M005", R"(
plan:
  budget_person_weeks: 20
  iteration_days: 3
)")
                  .diagnostics.empty());
  const auto run = RunRule("M005", R"(
plan:
  budget_person_weeks: 20
  feedback_loops:
    - weekly error review with the support team
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M005Test, SilentWithoutPlanOrWithPlaceholders) {
  EXPECT_TRUE(RunRule("M005", "\nsummary: churn model\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("M005", "\nplan: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("M005", R"(
plan:
  iteration_days: TODO
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("M005", R"(
plan:
  feedback_loops: TODO
)")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
