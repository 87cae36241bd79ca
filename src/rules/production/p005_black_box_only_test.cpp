#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P005Test, FiresWhenEveryPlannedMethodIsABlackBox) {
  const auto run = RunRule("P005", R"(
constraints:
  interpretability: required
plan:
  methods:
    - name: gradient boosting
      interpretable: false
    - name: deep network
    - name: scorecard
      interpretable: true
      status: dropped
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  const auto& d = run.diagnostics[0];
  EXPECT_EQ(run.Position(0), "3:21");
  EXPECT_EQ(run.Text(0), "required");
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_EQ(d.fields, (std::vector<std::string>{"constraints.interpretability",
                                                "plan.methods[0].interpretable",
                                                "plan.methods[1].interpretable"}));
  EXPECT_EQ(d.message,
            "interpretability is required but none of the 2 planned methods (gradient boosting, "
            "deep network) is interpretable");
  ASSERT_EQ(d.related.size(), 2u);
  EXPECT_EQ(run.file->TextOf(d.related[0].span), "false");
  EXPECT_EQ(run.file->TextOf(d.related[1].span), "deep network");
}

TEST(P005Test, SilentWithAnInterpretableMethod) {
  const auto run = RunRule("P005", R"(
constraints:
  interpretability: required
plan:
  methods:
    - name: logistic regression with monotone constraints
      interpretable: true
    - name: gradient boosting
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P005Test, SilentWhenInterpretabilityIsOnlyPreferredOrUndecided) {
  EXPECT_TRUE(RunRule("P005", R"(
constraints:
  interpretability: preferred
plan:
  methods:
    - name: deep network
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P005", R"(
constraints:
  interpretability: required
plan:
  methods:
    - name: deep network
    - name: scorecard
      interpretable: TODO
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P005", "\nconstraints:\n  interpretability: TODO\n").diagnostics.empty());
}

TEST(P005Test, SilentWhileAMethodIsPlaceholder) {
  const auto run = RunRule("P005", R"(
constraints:
  interpretability: required
plan:
  methods:
    - name: gradient-boosted trees
      interpretable: false
    - TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
