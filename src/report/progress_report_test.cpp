#include "report/progress_report.hpp"

#include <gtest/gtest.h>

#include "base/strings.hpp"

namespace foresight::report {
namespace {

Progress::Snapshot At(uint64_t done, uint64_t total, std::string subject = "r · roc_auc") {
  Progress::Snapshot s;
  s.done = done;
  s.total = total;
  s.subject = std::move(subject);
  return s;
}

TEST(ProgressReportTest, ShowsShareBarSubjectAndTimeLeft) {
  EXPECT_EQ(RenderProgressLine("eval", At(25, 100), 10, 200),
            "eval  25% [#####               ] r · roc_auc, about 30 s left");
  // 99.9% is not done: rounded down, never 100% early.
  EXPECT_EQ(RenderProgressLine("eval", At(999, 1000), 100, 200),
            "eval  99% [################### ] r · roc_auc, about 1 s left");
  EXPECT_EQ(RenderProgressLine("eval", At(1000, 1000), 100, 200),
            "eval 100% [####################] r · roc_auc");
}

TEST(ProgressReportTest, NoGuessBeforeThePaceIsKnown) {
  EXPECT_EQ(RenderProgressLine("eval", At(1, 100), 30, 200),
            "eval   1% [                    ] r · roc_auc");
  EXPECT_EQ(RenderProgressLine("eval", At(50, 100), 0.5, 200),
            "eval  50% [##########          ] r · roc_auc");
  EXPECT_EQ(RenderProgressLine("eval", At(0, 0, ""), 3, 200), "eval   0% [                    ]");
}

TEST(ProgressReportTest, CutToTheTerminalsWidthInCodePoints) {
  const std::string line = RenderProgressLine("eval", At(25, 100, "ünïcödé-run · roc_auc"), 10, 40);
  EXPECT_EQ(CodePoints(line), 40u);
  EXPECT_EQ(line, "eval  25% [#####               ] ünïcödé");
}

TEST(ProgressReportTest, RoughDurations) {
  EXPECT_EQ(RoughDuration(0.2), "1 s");
  EXPECT_EQ(RoughDuration(42.4), "42 s");
  EXPECT_EQ(RoughDuration(200), "3 min");
  EXPECT_EQ(RoughDuration(3900), "65 min");
  EXPECT_EQ(RoughDuration(7500), "2 h 5 min");
  EXPECT_EQ(RoughDuration(-1), "?");
}

}  // namespace
}  // namespace foresight::report

namespace foresight::report {
namespace {

TEST(ProbeProgressLineTest, SaysWhatTrainsAndHowFar) {
  EXPECT_EQ(RenderProbeProgressLine("boosting", 400, 12, 30, 3.2),
            "probe:  40% (12/30 fits, 3 s) boosting on 400 examples");
  EXPECT_EQ(RenderProbeProgressLine("", 0, 30, 30, 61.0),
            "probe: 30 fits done (61 s); measuring intervals, curves and forecasts");
}

}  // namespace
}  // namespace foresight::report
