#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M003Test, FiresWhenAnnotatorsJoinAfterLabellingStarts) {
  const auto run = RunRule("M003", R"(
team:
  - role: data-scientist
  - role: annotator
    count: 3
    from_week: 6
plan:
  stages:
    - name: labelling
      start_week: 2
      needs: [annotator]
    - name: relabelling
      start_week: 4
      needs: [annotator, data-scientist]
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:16");
  EXPECT_EQ(run.Text(0), "6");
  EXPECT_EQ(run.diagnostics[0].message,
            "annotators join in week 6, but stage 'labelling' starts in week 2 and needs them");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"team[1].from_week", "plan.stages[0].start_week",
                                      "plan.stages[0].needs[0]"}));
  ASSERT_EQ(run.diagnostics[0].related.size(), 2u);
  EXPECT_EQ(run.diagnostics[0].related[1].label,
            "stage 'relabelling' also starts before they join");
}

TEST(M003Test, UsesTheEarliestMemberOfTheRole) {
  const auto run = RunRule("M003", R"(
team:
  - role: ml-engineer
    from_week: 10
  - role: ml-engineer
    from_week: 8
plan:
  stages:
    - name: serving
      start_week: 4
      needs: [ml-engineer]
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:16");
  EXPECT_EQ(run.diagnostics[0].fields[0], "team[1].from_week");
}

TEST(M003Test, SilentWhenRolesArriveInTime) {
  const auto run = RunRule("M003", R"(
team:
  - role: data-scientist
    from_week: 0
  - role: annotator
    from_week: 2
  - role: ml-engineer
    from_week: 8
plan:
  stages:
    - name: labelling
      start_week: 2
      needs: [annotator]
    - name: serving
      start_week: 10
      needs: [ml-engineer]
    - name: exploration
      start_week: 0
      needs: [domain-expert]
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M003Test, SilentWhenWeeksAreTodo) {
  const auto run = RunRule("M003", R"(
team:
  - role: annotator
    from_week: TODO
  - role: ml-engineer
    from_week: 9
plan:
  stages:
    - name: labelling
      start_week: 2
      needs: [annotator]
    - name: serving
      start_week: TODO
      needs: [ml-engineer]
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M003Test, SilentWhileATeamMemberIsPlaceholder) {
  // The TODO member might be the ML engineer who joins on time.
  const auto run = RunRule("M003", R"(
team:
  - role: ml-engineer
    from_week: 18
  - TODO
plan:
  stages:
    - name: deployment
      start_week: 16
      needs: [ml-engineer]
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
