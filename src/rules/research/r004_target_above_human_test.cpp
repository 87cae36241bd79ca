#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(R004Test, FiresWhenTargetBeatsHumans) {
  const auto run = RunRule("R004", R"(
success:
  metric: accuracy
  threshold: 0.95
baselines:
  - kind: heuristic
    value: 0.7
  - kind: human
    name: radiologist panel
    value: 0.92
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  const auto& d = run.diagnostics[0];
  EXPECT_EQ(run.Position(0), "4:14");
  EXPECT_EQ(run.Text(0), "0.95");
  EXPECT_EQ(d.fields, (std::vector<std::string>{"success.threshold", "baselines[1].value",
                                                "baselines[1].kind"}));
  EXPECT_EQ(d.message,
            "the target 0.95 is above human-level performance (0.92, radiologist panel): the "
            "project must beat the best anyone has done");
  ASSERT_EQ(d.related.size(), 1u);
  EXPECT_EQ(run.file->TextOf(d.related[0].span), "0.92");
}

TEST(R004Test, FiresForLowerIsBetterAgainstPublishedResults) {
  const auto run = RunRule("R004", R"(
success:
  metric: wer
  threshold: 0.04
baselines:
  - kind: published
    value: 0.05
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "the target 0.04 (lower is better) is below the published state of the art (0.05): "
            "the project must beat the best anyone has done");
}

TEST(R004Test, SilentWhenTargetIsBelowHumanLevel) {
  const auto run = RunRule("R004", R"(
success:
  metric: accuracy
  threshold: 0.88
baselines:
  - kind: heuristic
    value: 0.7
  - kind: human
    value: 0.92
  - kind: published
    value: 0.9
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(R004Test, SilentWhenOnlyHeuristicsAreBeatenOrValuesArePlaceholders) {
  EXPECT_TRUE(RunRule("R004", R"(
success:
  threshold: 0.95
baselines:
  - kind: heuristic
    value: 0.9
  - kind: human
    value: TODO
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("R004", R"(
success:
  threshold: TODO
baselines:
  - kind: human
    value: 0.9
)")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
