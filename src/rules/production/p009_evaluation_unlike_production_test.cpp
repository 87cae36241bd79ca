#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P009Test, FiresWhenEvaluationIsNotDrawnLikeProduction) {
  const auto run = RunRule("P009", R"(
success:
  metric: accuracy
  evaluation:
    name: public benchmark
    size: 5000
    drawn_like_production: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "7:28");
  EXPECT_EQ(run.Text(0), "false");
  EXPECT_EQ(run.diagnostics[0].fields,
            std::vector<std::string>{"success.evaluation.drawn_like_production"});
  EXPECT_EQ(run.diagnostics[0].message,
            "the evaluation set (public benchmark) is not drawn like production data: the score "
            "measured on it says little about the score in production");
}

TEST(P009Test, FiresAtTheEvaluationSectionWhenNotStated) {
  const auto run = RunRule("P009", R"(
success:
  evaluation:
    size: 5000
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:3");
  EXPECT_EQ(run.Text(0), "evaluation");
  EXPECT_NE(run.diagnostics[0].message.find("does not state"), std::string::npos);
}

TEST(P009Test, SilentWhenDrawnLikeProduction) {
  const auto run = RunRule("P009", R"(
success:
  metric: accuracy
  evaluation:
    name: random sample of last month's tickets
    size: 5000
    drawn_like_production: true
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P009Test, SilentWithoutEvaluationOrOnPlaceholders) {
  EXPECT_TRUE(RunRule("P009", "\nsuccess:\n  metric: accuracy\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P009", "\nsuccess:\n  evaluation: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P009", "\nsuccess:\n  evaluation:\n    drawn_like_production: TODO\n")
                  .diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
