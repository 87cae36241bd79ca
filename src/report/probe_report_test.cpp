#include "report/probe_report.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "base/result.hpp"

namespace foresight::report {
namespace {

using ::testing::HasSubstr;

TEST(ProbeGapTest, TheVerdictSaysWhoIsAheadAndWhatItCosts) {
  core::ProbeGap g;
  g.black_box = "boosting";
  g.glass_box = "additive";
  const auto say = [&](double d, double lo, double hi, bool higher = true, bool rate = true) {
    g.difference = d;
    g.lower = lo;
    g.upper = hi;
    return GapVerdict(g, higher, "roc_auc", rate, 0.95);
  };
  // Significant and small, significant and large.
  EXPECT_EQ(say(0.012, 0.005, 0.019),
            "the black box (boosting) is ahead of the glass box (additive) by 1.2 roc_auc points "
            "(95% CI 0.5 to 1.9): interpretability costs about 1.2 roc_auc points here, which is "
            "little");
  EXPECT_THAT(say(0.05, 0.03, 0.07), HasSubstr("costs about 5.0 roc_auc points here; decide"));
  // The glass box significantly better; ahead but not significantly.
  EXPECT_EQ(say(-0.033, -0.058, -0.008),
            "the glass box (additive) beats the best black box (boosting) by 3.3 roc_auc points "
            "(95% CI 0.8 to 5.8): interpretability costs nothing here");
  EXPECT_THAT(say(-0.007, -0.033, 0.014),
              HasSubstr("the glass box (additive) is ahead of the best black box (boosting) by "
                        "0.7 roc_auc points (95% CI -1.4 to 3.3): a glass box does as well"));
  // Not significant: a small possible cost, or a large one only more data can settle.
  EXPECT_THAT(say(0.008, -0.002, 0.019), HasSubstr("not significant, and interpretability costs "
                                                   "little here"));
  EXPECT_THAT(say(0.02, -0.01, 0.05),
              HasSubstr("may cost up to 5.0 roc_auc points; more data would tell"));
  // Lower-is-better metrics read the other way round: a negative difference favours the
  // black box.
  // Outside [0, 1] there is no "little": a wide interval is said to be wide.
  EXPECT_THAT(say(-3000, -8000, 500, false, false),
              HasSubstr("not significant, but interpretability may cost up to 8000.0 roc_auc"));
  EXPECT_THAT(say(-5.4, -9.8, -1.8, false, false),
              HasSubstr("the black box (boosting) is ahead of the glass box (additive) by 5.4 "
                        "roc_auc (95% CI 1.8 to 9.8)"));
}

TEST(ProbeTextTest, TheFirstLineSaysHowThePositiveClassWasChosen) {
  core::ProbeResult r;
  r.data = "credit-g.arff";
  r.task = "binary";
  r.task_inferred = true;
  r.target = "class";
  r.classes = {"good", "bad"};
  r.rows = 1000;
  r.features = 20;
  const auto first_line = [&r] {
    const std::string text = RenderProbeText(r);
    return text.substr(0, text.find('\n'));
  };
  EXPECT_EQ(first_line(),
            "Probe of credit-g.arff: predicting 'class' (binary, inferred, positive class 'bad') "
            "from 1,000 rows and 20 features.");
  r.positive_inferred = core::InferredPositive::kRarer;
  EXPECT_THAT(first_line(),
              HasSubstr("(binary, inferred, positive class 'bad': the rarer; " FORESIGHT_FIELD(
                  "positive") " chooses)"));
  r.classes = {"-1", "1"};
  r.positive_inferred = core::InferredPositive::kKnownPair;
  EXPECT_THAT(first_line(),
              HasSubstr("positive class '1': the usual positive of -1/1; " FORESIGHT_FIELD(
                  "positive") " chooses)"));
  EXPECT_THAT(RenderProbeJson(r), HasSubstr("\"positive_inferred\": \"known_pair\""));
}

TEST(ProbeTextTest, WarningsAndNotesAreWordedFromTheirKinds) {
  using Kind = core::ProbeWarning::Kind;
  core::ProbeResult r;
  const core::ColumnDrop too_many{
      .reason = core::ColumnDrop::Reason::kTooManyValues, .values = 9900, .rows = 9900};
  r.columns.push_back({.name = "code", .kind = "categorical", .role = "dropped", .drop = too_many});
  r.warnings = {
      {.kind = Kind::kTypeRefused, .column = "grade", .type = "numeric"},
      {.kind = Kind::kTypeRefused, .column = "s", .type = "boolean", .declared = true},
      {.kind = Kind::kRowsWithoutTarget, .count = 1},
      {.kind = Kind::kClassBelowFolds, .name = "rare", .count = 3, .limit = 5},
      {.kind = Kind::kRareClass, .name = "yes", .count = 5},
      {.kind = Kind::kLevelsGrouped, .column = "city", .count = 150, .limit = 99},
      {.kind = Kind::kColumnDropped,
       .column = "note",
       .drop = {.reason = core::ColumnDrop::Reason::kAllMissing}},
      {.kind = Kind::kColumnDropped, .column = "code", .drop = too_many},
      {.kind = Kind::kMetricNotForTask, .name = "roc_auc", .task = "regression", .used = "mae"},
      {.kind = Kind::kFewerThreads, .reason = "running on 1 of 2 threads: no more threads"},
  };
  core::ProbeLearner tree;
  tree.name = "tree";
  tree.notes = {{.kind = core::ProbeNote::Kind::kNotTrained,
                 .sizes = {16, 23},
                 .reason = "the training rows hold one class only"},
                {.kind = core::ProbeNote::Kind::kNoForecast, .reason = "too few sizes"}};
  r.learners.push_back(tree);
  // One sentence per element, some too long for a line (not a missing comma).
  // NOLINTBEGIN(bugprone-suspicious-missing-comma)
  const std::vector<std::string> warnings = {
      "column 'grade' cannot be numeric: its values are not all numbers; its type is inferred "
      "instead",
      "column 's' cannot be boolean: its values are not all one boolean pair; its type is the "
      "file's declaration instead",
      "1 row without a target value were left out",
      "class 'rare' has 3 examples: fewer than the 5 folds, so some folds test none of it",
      "class 'yes' has only 5 examples: the smallest training sizes hold none of it, and every "
      "interval will be wide",
      "column 'city' has 150 values: the 99 most frequent are kept, the other 51 are grouped as "
      "one",
      "column 'note' was left out: missing in every row; to silence this, " FORESIGHT_FIELD(
          "ignore") " it",
      "column 'code' was left out: 9900 distinct values in 9900 rows: an identifier or free "
      "text, not a category; to silence this, " FORESIGHT_FIELD("ignore") " it",
      "the charter's metric 'roc_auc' does not apply to a regression target; the probe uses mae "
      "(choose with " FORESIGHT_FIELD("metric") ")",
      "running on 1 of 2 threads: no more threads",
  };
  // NOLINTEND(bugprone-suspicious-missing-comma)
  const std::string text = RenderProbeText(r);
  for (const std::string& w : warnings) EXPECT_THAT(text, HasSubstr("\nwarning: " + w + "\n"));
  EXPECT_THAT(text, HasSubstr("\nnote: tree: not trained on 16, 23 examples: the training rows "
                              "hold one class only\nnote: tree: no forecast: too few sizes\n"));

  const nlohmann::json json = nlohmann::json::parse(RenderProbeJson(r));
  EXPECT_EQ(json["warnings"], nlohmann::json(warnings));
  EXPECT_EQ(json["learners"][0]["notes"],
            nlohmann::json({"not trained on 16, 23 examples: the training rows hold one class "
                            "only",
                            "no forecast: too few sizes"}));
  EXPECT_EQ(json["columns"][0]["note"],
            "9900 distinct values in 9900 rows: an identifier or free text, not a category");
}

}  // namespace
}  // namespace foresight::report
