#include "report/evidence_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace foresight::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

core::Comparison Significant(std::string metric, bool unit_interval, std::string test) {
  core::Comparison c;
  c.a = "a";
  c.b = "b";
  c.metric = std::move(metric);
  c.difference = -0.05;
  c.lower = -0.08;
  c.upper = -0.02;
  c.p_value = 0.004;
  c.test = std::move(test);
  c.interval_method = "paired bootstrap";
  c.n = 500;
  c.higher_is_better = false;
  c.unit_interval = unit_interval;
  c.significant = true;
  return c;
}

TEST(CompareVerdictTest, PointsOnlyForMetricsInTheUnitInterval) {
  // An MAE of 0.3 against 0.35: values in [0, 1], but MAE is not a share: no "points".
  const std::string mae = CompareVerdict(Significant("mae", false, "paired bootstrap"), 0.95);
  EXPECT_EQ(mae, "b beats a on mae by 0.05 (95% CI 0.02 to 0.08, p = 0.004)");
  const std::string brier = CompareVerdict(Significant("brier", true, "paired bootstrap"), 0.95);
  EXPECT_THAT(brier, HasSubstr("by 5 points (95% CI 2 to 8"));
}

TEST(CompareVerdictTest, AnIntervalFromAnotherMethodIsLabelled) {
  core::Comparison c = Significant("accuracy", true, "mcnemar (exact)");
  c.higher_is_better = true;
  c.difference = 0.05;
  c.lower = 0.02;
  c.upper = 0.08;
  EXPECT_EQ(CompareVerdict(c, 0.95),
            "b beats a on accuracy by 5 points (95% CI 2 to 8, paired bootstrap, mcnemar (exact) "
            "p = 0.004)");
  c.significant = false;
  c.examples_to_resolve = 900;
  EXPECT_THAT(CompareVerdict(c, 0.95), HasSubstr("no detectable difference in accuracy"));
  EXPECT_THAT(CompareVerdict(c, 0.95),
              HasSubstr("about 900 examples would, with an 80% chance, if the difference seen "
                        "is real"));
  c.significant = true;
  c.p_adjusted = 0.012;
  EXPECT_THAT(CompareVerdict(c, 0.95), HasSubstr("p = 0.012, Holm-adjusted"));
}

// The headline and the detail line print a p-value by one rule: 0.0009996 is "p < 0.001" in
// both, not "p < 0.001" above "p = 0.001".
TEST(CompareTextTest, TheHeadlineAndTheDetailAgreeOnThePValue) {
  core::Comparison c = Significant("roc_auc", true, "delong");
  c.interval_method = "delong";
  c.p_value = 0.0009996;
  const std::string text = RenderCompareText({c}, 0.95);
  EXPECT_THAT(text, Not(HasSubstr("p = 0.001")));
  size_t count = 0;
  for (size_t at = text.find("p < 0.001"); at != std::string::npos;
       at = text.find("p < 0.001", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 2U) << text;
  c.p_value = 0.01234;
  c.p_adjusted = 0.0246;
  const std::string adjusted = RenderCompareText({c}, 0.95);
  EXPECT_THAT(adjusted, HasSubstr("p = 0.012, Holm-adjusted p = 0.025 (delong)")) << adjusted;
}

TEST(EvalReportTest, TheCriterionReadsInTheMetricsDirection) {
  core::EvalResult r;
  r.criterion = core::Criterion{"log_loss", 0.3, 0.9, false};
  core::CriterionChange change;
  change.previous = {"h1", "roc_auc", 0.8, 0.95, "2026-11-01T10:00:00Z"};
  change.current = {"h2", "log_loss", 0.3, 0.9, ""};
  change.previous_higher_is_better = true;
  change.current_higher_is_better = false;
  r.criterion_change = change;
  const std::string text = RenderEvalText(r, 0.95);
  EXPECT_THAT(text, HasSubstr("Success criterion (from the charter): log_loss <= 0.3 at 90%"));
  EXPECT_THAT(text, HasSubstr("it was roc_auc >= 0.8 (recorded 2026-11-01T10:00:00Z), it is now "
                              "log_loss <= 0.3"));
  EXPECT_THAT(text, Not(HasSubstr("log_loss >=")));
}

TEST(EvalReportTest, SaysWhatASmallSetsVerdictRestsOn) {
  core::EvalResult r;
  core::EvalRow widened{
      "perfect", "accuracy", std::nullopt, 1.0, 0.7575, 1.0, 12, true, core::ScoreMethod::kWilson};
  core::EvalRow plain{"big", "accuracy", std::nullopt, 0.9, 0.88, 0.92, 900, true, std::nullopt};
  r.rows = {widened, plain};
  r.criterion = core::Criterion{"accuracy", 0.9, 0.95, true};
  core::CriterionRow by_score;
  by_score.run = "perfect";
  by_score.probability = 0.876;
  by_score.bound = 0.816;
  by_score.basis = core::CriterionBasis::kScore;
  by_score.score_method = core::ScoreMethod::kWilson;
  by_score.n = 12;
  core::CriterionRow too_few;
  too_few.run = "tiny";
  too_few.probability = std::nan("");
  too_few.basis = core::CriterionBasis::kTooFewExamples;
  too_few.n = 12;
  r.criteria = {by_score, too_few};
  const std::string text = RenderEvalText(r, 0.95);
  EXPECT_THAT(text, HasSubstr("[0.7575, 1.0000]*"));
  EXPECT_THAT(text, HasSubstr("[0.8800, 0.9200] "));
  EXPECT_THAT(text, HasSubstr("* widened: Wilson's score interval reaches further"));
  EXPECT_THAT(text, HasSubstr("P(target met) = 0.88, one-sided bound 0.8160 (Wilson's score "
                              "interval: on 12 examples the bootstrap alone is too sure)"));
  EXPECT_THAT(text, HasSubstr("tiny                 not yet known  P(target met) unknown: 12 "
                              "examples are too few to judge accuracy by the bootstrap alone"));
  const std::string json = RenderEvalJson(r, 0.95);
  EXPECT_THAT(json, HasSubstr("\"widened_by\": \"wilson score\""));
  EXPECT_THAT(json, HasSubstr("\"basis\": \"too few examples\""));
  EXPECT_THAT(json, HasSubstr("\"probability\": null"));
}

// A run name longer than the column widens it: every row's columns start where the
// header's do.
TEST(EvalReportTest, LongNamesWidenTheirColumnInsteadOfBreakingIt) {
  core::EvalResult r;
  const std::string long_name = "a-very-long-run-name-that-goes-on-and-on";
  r.rows = {{long_name, "roc_auc", std::nullopt, 0.9, 0.85, 0.95, 300, false, std::nullopt},
            {"short", "roc_auc", std::string("region=north-west-and-the-islands"), 0.8, 0.7, 0.9,
             40, false, std::nullopt}};
  const std::string text = RenderEvalText(r, 0.95);
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = text.find('\n', start)) != std::string::npos;
       start = end + 1) {
    lines.push_back(text.substr(start, end - start));
  }
  ASSERT_GE(lines.size(), 3U);
  for (const char* column : {"METRIC", "SLICE", "95% CI"}) {
    const size_t at = lines[0].find(column);
    ASSERT_NE(at, std::string::npos) << column;
    for (size_t i = 1; i < 3; ++i) {
      EXPECT_EQ(lines[i][at - 1], ' ') << column << " in: " << lines[i];
      EXPECT_NE(lines[i][at], ' ') << column << " in: " << lines[i];
    }
  }
  EXPECT_EQ(lines[0].find("METRIC"), long_name.size() + 1);
}

TEST(EvalReportTest, AnAucBelowChanceIsExplained) {
  core::EvalResult r;
  core::EvalNote note;
  note.kind = core::EvalNote::Kind::kBelowChance;
  note.run = "iono-rf";
  note.measure = "roc_auc";
  note.estimate = 0.017;
  note.upper = 0.04;
  r.notes = {note};
  EXPECT_THAT(RenderEvalText(r, 0.95),
              HasSubstr("note: run 'iono-rf': roc_auc is 0.017, below 0.5 (chance) with its whole "
                        "interval (up to 0.040): the scores rank the classes the wrong way round"));
}

}  // namespace
}  // namespace foresight::report
