#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M011Test, FiresForAnUnknownStageAndMethod) {
  const auto run = RunRule("M011", R"(
plan:
  stages:
    - name: modelling
  methods:
    - name: trees
      stage: modeling
    - name: stacking
      after: [tree]
)");
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.diagnostics[0].message,
            "method 'trees' belongs to stage 'modeling', but plan.stages has no such stage");
  EXPECT_EQ(run.Text(0), "modeling");
  EXPECT_EQ(run.diagnostics[1].message,
            "method 'stacking' comes after 'tree', but plan.methods has no such method");
  EXPECT_EQ(run.diagnostics[1].severity, Severity::kError);
}

TEST(M011Test, FiresForACircle) {
  const auto run = RunRule("M011", R"(
plan:
  methods:
    - name: a
      after: [c]
    - name: b
      after: [a]
    - name: c
      after: [b]
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "method 'b' comes after 'a', but 'a' waits for it too (a circle of `after`): none of "
            "them can start");
}

TEST(M011Test, SilentForAPlanThatResolves) {
  EXPECT_TRUE(RunRule("M011", R"(
plan:
  stages:
    - name: data
  methods:
    - name: a
      stage: data
    - name: b
      after: [a]
)")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
