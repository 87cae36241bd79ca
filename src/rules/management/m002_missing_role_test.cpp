#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M002Test, FiresWhenManualLabelsHaveNoAnnotators) {
  const auto run = RunRule("M002", R"(
labels:
  source: manual
team:
  - role: data-scientist
    count: 2
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:11");
  EXPECT_EQ(run.Text(0), "manual");
  EXPECT_EQ(run.diagnostics[0].message,
            "manual labels need annotators or domain experts, but the team has neither");
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"labels.source", "team"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  ASSERT_EQ(run.diagnostics[0].related.size(), 1u);
}

TEST(M002Test, FiresOncePerMissingRole) {
  const auto run = RunRule("M002", R"(
data:
  sources:
    - name: hospital records
      access: requested
    - name: web reviews
      collection: scraped
constraints:
  deployment: online
team:
  - role: data-scientist
  - role: annotator
    count: 0
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  // Sorted by position: the data sources come first.
  EXPECT_EQ(run.Position(0), "5:15");
  EXPECT_EQ(run.Text(0), "requested");
  EXPECT_EQ(
      run.diagnostics[0].fields,
      (std::vector<std::string>{"data.sources[0].access", "data.sources[1].collection", "team"}));
  EXPECT_EQ(
      run.diagnostics[0].message,
      "access to 'hospital records' is only requested: someone must obtain the data and build "
      "its pipeline, but the team has no data-engineer");
  EXPECT_EQ(run.Text(1), "online");
  EXPECT_EQ(run.diagnostics[1].fields,
            (std::vector<std::string>{"constraints.deployment", "team"}));
}

TEST(M002Test, SilentWhenTheTeamCoversThePlan) {
  const auto run = RunRule("M002", R"(
data:
  sources:
    - name: transactions
      access: granted
      collection: internal
    - name: credit bureau
      access: negotiating
      collection: purchased
labels:
  source: crowd
constraints:
  deployment: edge
team:
  - role: data-scientist
  - role: data-engineer
    from_week: 0
  - role: annotator
    count: 3
  - role: ml-engineer
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M002Test, SilentWithoutTeamOrWithPlaceholders) {
  EXPECT_TRUE(RunRule("M002", R"(
labels:
  source: manual
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("M002", R"(
labels:
  source: manual
team: TODO
)")
                  .diagnostics.empty());
  const auto run = RunRule("M002", R"(
labels:
  source: manual
team:
  - role: data-scientist
  - role: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  EXPECT_TRUE(RunRule("M002", R"(
labels:
  source: TODO
team:
  - role: data-scientist
)")
                  .diagnostics.empty());
}

TEST(M002Test, DescribesAccessStatesInWords) {
  const auto run = RunRule("M002", R"(
data:
  sources:
    - name: herbarium archive
      access: negotiating
team:
  - role: data-scientist
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "access to 'herbarium archive' is still being negotiated: someone must obtain the "
            "data and build its pipeline, but the team has no data-engineer");
}

TEST(M002Test, SilentWhileATeamMemberIsPlaceholder) {
  const auto run = RunRule("M002", R"(
data:
  sources:
    - name: herbarium archive
      access: negotiating
team:
  - role: data-scientist
  - TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
