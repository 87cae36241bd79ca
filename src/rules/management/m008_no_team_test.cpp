#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M008Test, FiresAtTopWhenTeamIsAbsent) {
  const auto run = RunRule("M008", R"(
summary: churn model
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "1:1");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"team"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M008Test, FiresAtKeyWhenTeamIsEmpty) {
  const auto run = RunRule("M008", R"(
summary: churn model
team: []
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:1");
  EXPECT_EQ(run.Text(0), "team");
  EXPECT_EQ(run.diagnostics[0].message, "the team list is empty: nobody is named to do the work");
}

TEST(M008Test, SilentWithTeamOrPlaceholder) {
  const auto run = RunRule("M008", R"(
team:
  - role: data-scientist
    count: 2
  - role: product-owner
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  EXPECT_TRUE(RunRule("M008", "\nteam: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
