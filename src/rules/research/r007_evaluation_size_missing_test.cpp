#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(R007Test, FiresAtTheEvaluationSectionWhenSizeIsMissing) {
  const auto run = RunRule("R007", R"(
success:
  metric: accuracy
  threshold: 0.9
  evaluation:
    name: March sample
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:3");
  EXPECT_EQ(run.Text(0), "evaluation");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.evaluation.size"});
  EXPECT_EQ(run.diagnostics[0].message,
            "the target 0.9 is set but the size of the evaluation set is not: nobody can tell "
            "how precisely 0.9 will be measured");
}

TEST(R007Test, FiresAtTheSuccessSectionWithoutEvaluation) {
  const auto run = RunRule("R007", R"(
success:
  threshold: 0.9
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "success");
}

TEST(R007Test, SilentWhenSizeIsDeclared) {
  const auto run = RunRule("R007", R"(
success:
  metric: accuracy
  threshold: 0.9
  evaluation:
    name: March sample
    size: 4000
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(R007Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("R007", "\nsuccess:\n  threshold: 0.9\n  evaluation:\n    size: TODO\n")
                  .diagnostics.empty());
  EXPECT_TRUE(
      RunRule("R007", "\nsuccess:\n  threshold: 0.9\n  evaluation: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("R007", "\nsuccess:\n  threshold: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
