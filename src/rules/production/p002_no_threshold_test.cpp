#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P002Test, FiresAtTheMetricWithoutAThreshold) {
  const auto run = RunRule("P002", R"(
success:
  metric: recall
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:11");
  EXPECT_EQ(run.Text(0), "recall");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.threshold"});
  EXPECT_EQ(run.diagnostics[0].message,
            "the primary metric recall has no threshold: nobody has agreed on the number that "
            "means success");
}

TEST(P002Test, FiresAtTheSuccessSectionWithoutAMetric) {
  const auto run = RunRule("P002", R"(
success:
  owner: head of operations
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "success");
}

TEST(P002Test, SilentWithAThreshold) {
  const auto run = RunRule("P002", R"(
success:
  metric: recall
  threshold: 0.8
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P002Test, SilentWithoutASuccessSectionOrOnPlaceholders) {
  EXPECT_TRUE(RunRule("P002", "\nproject:\n  name: x\n").diagnostics.empty());
  EXPECT_TRUE(
      RunRule("P002", "\nsuccess:\n  metric: recall\n  threshold: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P002", "\nsuccess: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
