#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M010Test, FiresWhenMethodsHaveNoBudget) {
  const auto run = RunRule("M010", R"(
summary: fraud detection
plan:
  iteration_days: 3
  methods:
    - name: gradient boosting
      effort: {optimistic: 1, likely: 2, pessimistic: 4}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:1");
  EXPECT_EQ(run.Text(0), "plan");
  EXPECT_EQ(run.diagnostics[0].message,
            "the plan lists 1 method but no time budget: nothing says when to stop trying");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"plan.budget_person_weeks"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M010Test, SilentWithBudgetTodoOrNoMethods) {
  const auto run = RunRule("M010", R"(
plan:
  budget_person_weeks: 12
  methods:
    - name: gradient boosting
      effort: {optimistic: 1, likely: 2, pessimistic: 4}
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  EXPECT_TRUE(RunRule("M010", R"(
plan:
  budget_person_weeks: TODO
  methods:
    - name: gradient boosting
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("M010", R"(
plan:
  iteration_days: 3
)")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
