#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M004Test, FiresOnPercentByDateWithoutMethods) {
  const auto run = RunRule("M004", R"(
plan:
  milestones:
    - date: 2025-03-31
      goal: 90% accuracy on the holdout set
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:13");
  EXPECT_EQ(run.Text(0), "90% accuracy on the holdout set");
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"90%", "accuracy"}));
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"plan.milestones[0].goal", "plan.milestones[0].methods"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "milestone '90% accuracy on the holdout set' promises a number (90% accuracy) by "
            "2025-03-31 but names no methods to try to get there");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M004Test, FiresOnMetricWordAndNumber) {
  const auto run = RunRule("M004", R"(
plan:
  milestones:
    - date: 2025-01-15
      goal: "F1 of 0.85 on top-1 retrieval"
      methods: []
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"f1", "0.85", "top-1"}));
}

TEST(M004Test, SilentWhenMilestoneNamesMethodsOrHasNoNumber) {
  const auto run = RunRule("M004", R"(
plan:
  milestones:
    - date: 2025-03-31
      goal: 90% recall on fraud cases
      methods: [gradient boosting, graph features]
    - date: 2025-04-30
      goal: ship v2 of the scoring service and map 3 regions
    - date: 2025-05-31
      goal: decide between the top-1 candidates
    - date: 2025-06-30
      goal: 0.8 precision
      methods: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M004Test, SilentForRolloutSharesYearsAndErrorAnalysis) {
  const auto run = RunRule("M004", R"(
plan:
  milestones:
    - date: 2026-06-30
      goal: roll out to 100% of stores
    - date: 2026-06-01
      goal: A/B test on 10% of traffic for two weeks
    - date: 2026-03-31
      goal: error analysis of the 500 worst product-store pairs
    - date: 2026-02-28
      goal: score the 2025 backlog
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M004Test, StillFiresOnABarePercentOrAShareThatIsAMetric) {
  const auto run = RunRule("M004", R"(
plan:
  milestones:
    - date: 2026-03-31
      goal: 90% by March
    - date: 2026-06-30
      goal: recall of 80% on 2026 fraud cases
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"90%"}));
  EXPECT_EQ(run.diagnostics[1].words, (std::vector<std::string>{"recall", "80%"}));
}

}  // namespace
}  // namespace foresight::rules
