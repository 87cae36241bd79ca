#include "report/workspace_report.hpp"

#include <gtest/gtest.h>

namespace foresight::report {
namespace {

TEST(EvalSetAddedTest, SaysWhichClassIsPositiveWhenItWasInferred) {
  core::EvalSetInfo e{.name = "holdout",
                      .task = core::EvalTask::kBinary,
                      .rows = 100,
                      .classes = {"dog", "cat"},
                      .slices = {"sex"},
                      .created_at = "2026-11-28T12:00:00Z"};
  EXPECT_EQ(RenderEvalSetAdded(e),
            "added evaluation set 'holdout': 100 examples, binary task, classes dog, cat, slices "
            "sex\n");
  e.positive_inferred = core::InferredPositive::kRarer;
  EXPECT_EQ(RenderEvalSetAdded(e),
            "added evaluation set 'holdout': 100 examples, binary task, classes dog, cat, positive "
            "class 'cat' (the rarer; --positive chooses), slices sex\n");
  e.classes = {"0", "1"};
  e.positive_inferred = core::InferredPositive::kKnownPair;
  e.slices.clear();
  EXPECT_EQ(RenderEvalSetAdded(e),
            "added evaluation set 'holdout': 100 examples, binary task, classes 0, 1, positive "
            "class '1' (the usual positive of 0/1; --positive chooses)\n");
}

}  // namespace
}  // namespace foresight::report
