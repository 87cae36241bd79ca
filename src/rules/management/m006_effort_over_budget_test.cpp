#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M006Test, FiresWhenPertMeanExceedsBudget) {
  const auto run = RunRule("M006", R"(
plan:
  budget_person_weeks: 10
  methods:
    - name: gradient boosting
      effort: {optimistic: 2, likely: 3, pessimistic: 10}
    - name: fine-tune BERT
      effort:
        optimistic: 4
        likely: 6
        pessimistic: 14
    - name: rules
      status: done
      effort: {likely: 20}
    - name: graph features
      status: running
      effort: {likely: 1}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:24");
  EXPECT_EQ(run.Text(0), "10");
  // (2 + 12 + 10) / 6 = 4, (4 + 24 + 14) / 6 = 7, and 1: 12 person-weeks.
  EXPECT_EQ(run.diagnostics[0].message,
            "the 3 methods still to do need 12 person-weeks on average (PERT), but the budget is "
            "10 person-weeks");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"plan.budget_person_weeks", "plan.methods"}));
  ASSERT_EQ(run.diagnostics[0].related.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].related[0].label,
            "the largest, method 'fine-tune BERT', needs 7 person-weeks");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(M006Test, SilentWhenTheMeanFitsEvenIfThePessimisticDoesNot) {
  const auto run = RunRule("M006", R"(
plan:
  budget_person_weeks: 12
  methods:
    - name: gradient boosting
      effort: {optimistic: 2, likely: 3, pessimistic: 10}
    - name: fine-tune BERT
      effort: {optimistic: 4, likely: 6, pessimistic: 14}
    - name: deep ensembles
      status: dropped
      effort: {likely: 30}
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M006Test, SilentWhenBudgetIsTodoOrAbsent) {
  EXPECT_TRUE(RunRule("M006", R"(
plan:
  budget_person_weeks: TODO
  methods:
    - name: fine-tune BERT
      effort: {likely: 60}
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("M006", R"(
plan:
  methods:
    - name: fine-tune BERT
      effort: {likely: 60}
)")
                  .diagnostics.empty());
}

TEST(M006Test, SingularMessageForOneMethod) {
  const auto run = RunRule("M006", R"(
plan:
  budget_person_weeks: 4
  methods:
    - name: fine-tune a pretrained model
      effort: {optimistic: 4, likely: 6, pessimistic: 14}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "the 1 method still to do needs 7 person-weeks on average (PERT), but the budget is "
            "4 person-weeks");
}

}  // namespace
}  // namespace foresight::rules
