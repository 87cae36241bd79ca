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
      {.column = "age", .distinct = 61, .ranges = {"[18, 30)", "[30, 79]"}, .small_levels = 0},
      {.column = "zip", .distinct = 150, .ranges = {}, .small_levels = 149}};
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

// The CSV `run export` writes: the layout `run add` reads, fields quoted when they must be,
// and numbers that read back to the same double.
TEST(PredictionsCsvTest, WritesWhatRunAddReads) {
  core::RunPredictions binary{.run = "r",
                              .task = core::EvalTask::kBinary,
                              .ids = {"a", "b,c", "say \"hi\""},
                              .classes = {},
                              .predictions = {0.1, 1.0 / 3.0, 1e-300}};
  EXPECT_EQ(RenderPredictionsCsv(binary),
            "id,score\na,0.1\n\"b,c\",0.3333333333333333\n\"say \"\"hi\"\"\",1e-300\n");
  core::RunPredictions multi{.run = "m",
                             .task = core::EvalTask::kMulticlass,
                             .ids = {"x", "y"},
                             .classes = {"ash", "oak"},
                             .predictions = {0.25, 0.75, 1, 0}};
  EXPECT_EQ(RenderPredictionsCsv(multi), "id,proba_ash,proba_oak\nx,0.25,0.75\ny,1,0\n");
  core::RunPredictions regression{.run = "g",
                                  .task = core::EvalTask::kRegression,
                                  .ids = {"1"},
                                  .classes = {},
                                  .predictions = {-12.5}};
  EXPECT_EQ(RenderPredictionsCsv(regression), "id,prediction\n1,-12.5\n");
}

}  // namespace
}  // namespace foresight::report
