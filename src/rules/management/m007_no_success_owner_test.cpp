#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M007Test, FiresWhenOwnerAndSignOffAreMissing) {
  const auto run = RunRule("M007", R"(
project:
  name: churn
success:
  metric: recall
  threshold: 0.8
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "success");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"success.owner", "success.sign_off"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M007Test, FiresWhenOnlySignOffIsMissing) {
  const auto run = RunRule("M007", R"(
success:
  metric: recall
  owner: Head of Retention
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message,
            "the success criteria have an owner (Head of Retention) but no sign-off date: they "
            "have not agreed to them yet");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.sign_off"});
}

TEST(M007Test, SilentWhenOwnedAndSignedOff) {
  const auto run = RunRule("M007", R"(
success:
  metric: recall
  threshold: 0.8
  owner: Head of Retention
  sign_off: 2025-02-01
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(M007Test, SilentWhenFieldsAreTodoOrSuccessIsAbsent) {
  EXPECT_TRUE(RunRule("M007", R"(
success:
  metric: recall
  owner: TODO
  sign_off: TODO
)")
                  .diagnostics.empty());
  EXPECT_TRUE(RunRule("M007", "\nsuccess: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("M007", "\nsummary: churn\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
