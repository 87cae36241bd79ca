#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(R006Test, FiresOnASingleMethod) {
  const auto run = RunRule("R006", R"(
plan:
  budget_person_weeks: 20
  methods:
    - name: fine-tune a large language model
      hypothesis: it reads the tickets like an agent would
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:3");
  EXPECT_EQ(run.Text(0), "methods");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"plan.methods"});
  EXPECT_EQ(run.diagnostics[0].message,
            "the plan has a single method ('fine-tune a large language model'): if it does not "
            "work there is no plan B");
  ASSERT_EQ(run.diagnostics[0].related.size(), 1u);
}

TEST(R006Test, FiresAtThePlanWhenNoMethodIsListed) {
  const auto run = RunRule("R006", R"(
plan:
  budget_person_weeks: 20
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:1");
  EXPECT_EQ(run.Text(0), "plan");
}

TEST(R006Test, SilentWithSeveralMethods) {
  const auto run = RunRule("R006", R"(
plan:
  methods:
    - name: logistic regression on ticket keywords
    - name: gradient boosting on ticket metadata
    - name: fine-tuned transformer
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(R006Test, SilentWhenThePlanIsAbsentOrAPlaceholder) {
  EXPECT_TRUE(RunRule("R006", "\nproject:\n  name: x\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("R006", "\nplan: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("R006", "\nplan:\n  methods: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
