#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M001Test, FiresOnEachTodoField) {
  const auto run = RunRule("M001", R"(
success:
  metric: f1
  threshold: TODO
  owner: TODO who signs off?
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.Position(0), "4:14");
  EXPECT_EQ(run.Text(0), "TODO");
  EXPECT_EQ(run.diagnostics[0].message, "`success.threshold` is still TODO: fill this in");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.threshold"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(run.Position(1), "5:10");
  EXPECT_EQ(run.diagnostics[1].fields, std::vector<std::string>{"success.owner"});
}

TEST(M001Test, FiresOnTodoSectionsAndListItems) {
  const auto run = RunRule("M001", R"(
team: TODO
plan:
  methods:
    - name: gradient boosting
      effort:
        likely: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.Position(0), "2:7");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"team"});
  EXPECT_EQ(run.diagnostics[1].fields, std::vector<std::string>{"plan.methods[0].effort.likely"});
}

TEST(M001Test, SilentOnFinishedCharter) {
  const auto run = RunRule("M001", R"(
project:
  name: churn prediction
  owner: Head of Customer Success
success:
  metric: recall
  threshold: 0.8
  owner: Head of Customer Success
  sign_off: 2025-03-01
summary: predict which customers leave, so the TODO list of the retention team is shorter
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
