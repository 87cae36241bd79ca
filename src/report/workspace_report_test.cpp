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

TEST(EvalSetAddedTest, SaysHowASliceWasBinnedOrWhyItIsTooFine) {
  core::EvalSetInfo e{.name = "holdout",
                      .task = core::EvalTask::kBinary,
                      .rows = 400,
                      .classes = {"0", "1"},
                      .slices = {"age", "zip"},
                      .created_at = "2026-12-02T08:00:00Z"};
  e.slice_summaries = {
      {.column = "age", .distinct = 61, .binned = true, .levels = {"[18, 30)", "[30, 79]"}},
      {.column = "zip",
       .distinct = 150,
       .levels = std::vector<std::string>(150, "z"),
       .small_levels = 149}};
  const std::string text = RenderEvalSetAdded(e);
  EXPECT_NE(text.find("note: slice 'age' is a number with 61 distinct values, one slice each "
                      "would be too small to measure: binned at its quartiles into [18, 30) "
                      "[30, 79]\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("note: slice 'zip' has 150 values and 149 of them have fewer than 10 "
                      "examples"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace foresight::report
