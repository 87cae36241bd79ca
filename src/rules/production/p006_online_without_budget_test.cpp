#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P006Test, FiresOnOnlineDeploymentWithoutBudget) {
  const auto run = RunRule("P006", R"(
constraints:
  interpretability: none
  deployment: online
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:15");
  EXPECT_EQ(run.Text(0), "online");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"constraints.deployment", "constraints.latency_ms",
                                      "constraints.cost_per_1000"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "the model is served online with no latency or cost budget: an accurate model that "
            "is too slow or too expensive per call cannot ship");
}

TEST(P006Test, FiresOnEdgeDeployment) {
  const auto run = RunRule("P006", "\nconstraints:\n  deployment: edge\n");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "edge");
}

TEST(P006Test, SilentWithALatencyBudgetOrInBatch) {
  EXPECT_TRUE(RunRule("P006", R"(
constraints:
  deployment: online
  latency_ms: 150
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P006", R"(
constraints:
  deployment: online
  cost_per_1000: 0.05
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P006", "\nconstraints:\n  deployment: batch\n").diagnostics.empty());
}

TEST(P006Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("P006", "\nconstraints:\n  deployment: online\n  latency_ms: TODO\n")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P006", "\nconstraints:\n  deployment: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
