#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(R001Test, FiresWhenThresholdHasNoConfidence) {
  const auto run = RunRule("R001", R"(
success:
  metric: accuracy
  threshold: 0.9
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:14");
  EXPECT_EQ(run.Text(0), "0.9");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"success.threshold", "success.confidence"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "the target 0.9 has no confidence level: is 0.9 on one lucky evaluation enough?");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(R001Test, SilentWhenConfidenceIsDeclared) {
  const auto run = RunRule("R001", R"(
success:
  metric: accuracy
  threshold: 0.9
  confidence: 0.95
  evaluation:
    size: 5000
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(R001Test, SilentOnPlaceholders) {
  const auto run = RunRule("R001", R"(
success:
  metric: accuracy
  threshold: 0.9
  confidence: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  EXPECT_TRUE(RunRule("R001", "\nsuccess:\n  threshold: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
