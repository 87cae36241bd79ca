#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P001Test, FiresAtTheSuccessSectionWithoutAMetric) {
  const auto run = RunRule("P001", R"(
project:
  name: churn
success:
  threshold: 0.9
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "success");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.metric"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(P001Test, FiresAtTheTopWithoutASuccessSection) {
  const auto run = RunRule("P001", R"(
project:
  name: churn
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "1:1");
  EXPECT_NE(run.diagnostics[0].message.find("no success section"), std::string::npos);
}

TEST(P001Test, SilentWithAMetric) {
  const auto run = RunRule("P001", R"(
success:
  metric: recall
  threshold: 0.8
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P001Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("P001", "\nsuccess:\n  metric: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P001", "\nsuccess: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
