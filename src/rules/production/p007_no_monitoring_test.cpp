#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P007Test, FiresAtTheTopWithoutMonitoring) {
  const auto run = RunRule("P007", R"(
project:
  name: churn
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "1:1");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"monitoring"});
}

TEST(P007Test, FiresOnAnEmptyMonitoringSection) {
  const auto run = RunRule("P007", R"(
monitoring:
  owner: ml team
  drift: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:1");
  EXPECT_EQ(run.Text(0), "monitoring");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"monitoring.metrics", "monitoring.drift"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "monitoring lists no metrics to watch and turns drift checks off: once deployed, "
            "nobody will notice when the model's quality decays");
}

TEST(P007Test, SilentWithMetricsOrDrift) {
  EXPECT_TRUE(RunRule("P007", R"(
monitoring:
  metrics: [weekly precision on audited sample, share of abstentions]
  owner: ml team
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("P007", "\nmonitoring:\n  drift: true\n").diagnostics.empty());
}

TEST(P007Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("P007", "\nmonitoring: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P007", "\nmonitoring:\n  metrics: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P007", "\nmonitoring:\n  drift: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
