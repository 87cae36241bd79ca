#include "report/evidence_report.hpp"
#include "report/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace foresight::report {
namespace {

using Json = nlohmann::ordered_json;

// ">=" or "<=": how a value meets a threshold in the metric's direction (">=" when unknown).
const char* Meets(std::optional<bool> higher_is_better) {
  return higher_is_better.value_or(true) ? ">=" : "<=";
}

std::string CriterionInWords(const std::string& metric, const std::optional<double>& threshold,
                             std::optional<bool> higher_is_better) {
  return fmt::format("{} {}", metric.empty() ? "(no metric)" : metric,
                     threshold ? fmt::format("{} {}", Meets(higher_is_better), *threshold) : "");
}

std::string EvalNoteText(const core::EvalNote& n) {
  switch (n.kind) {
    case core::EvalNote::Kind::kSliceMetric:
      return fmt::format("run '{}', {} on {}: {}", n.run, n.measure, n.slice, n.reason);
    case core::EvalNote::Kind::kFairnessGap:
      return fmt::format("run '{}', slice {}: {}", n.run, n.slice, n.reason);
    case core::EvalNote::Kind::kFairnessRange:
      return fmt::format("run '{}', {} over {}: {}", n.run, n.measure, n.slice, n.reason);
    case core::EvalNote::Kind::kCharterMetricNotForTask:
      return fmt::format(
          "the charter's metric {} does not apply to evaluation set '{}': its runs are measured "
          "on {} instead",
          n.measure, n.slice, n.reason);
    case core::EvalNote::Kind::kBelowChance:
      return fmt::format(
          "run '{}': {} is {:.3f}, below 0.5 (chance) with its whole interval (up to {:.3f}): "
          "the scores rank the classes the wrong way round. Check that they are the positive "
          "class's (with scikit-learn, predict_proba[:, 1] is the class model.classes_[1]) and "
          "that the evaluation set's positive class is the one meant",
          n.run, n.measure, n.estimate, n.upper);
  }
  return n.reason;
}

// Every note of an eval result, one sentence each: a changed criterion first.
std::vector<std::string> EvalNotes(const core::EvalResult& r) {
  std::vector<std::string> notes;
  if (r.criterion_change) {
    const core::CriterionChange& c = *r.criterion_change;
    notes.push_back(fmt::format(
        "the success criterion changed: it was {} (recorded {}), it is now {}; every run below "
        "is re-scored from its stored predictions",
        CriterionInWords(c.previous.metric, c.previous.threshold, c.previous_higher_is_better),
        c.previous.seen_at,
        CriterionInWords(c.current.metric, c.current.threshold, c.current_higher_is_better)));
  }
  for (const core::EvalNote& n : r.notes) notes.push_back(EvalNoteText(n));
  return notes;
}

// "Wilson's score interval", "Hanley and McNeil's score interval".
std::string ScoreIntervalName(core::ScoreMethod method) {
  return method == core::ScoreMethod::kWilson ? "Wilson's score interval"
                                              : "Hanley and McNeil's score interval";
}

// What a run's verdict on the criterion rests on, when it is not the bootstrap alone.
std::string CriterionBasisNote(const core::CriterionRow& row, const std::string& metric) {
  switch (row.basis) {
    case core::CriterionBasis::kBootstrap:
      return "";
    case core::CriterionBasis::kScore:
      return fmt::format(" ({}: on {} examples the bootstrap alone is too sure)",
                         ScoreIntervalName(*row.score_method), row.n);
    case core::CriterionBasis::kTooFewExamples:
      return fmt::format(
          ": {} examples are too few to judge {} by the bootstrap alone (at least {} needed)",
          row.n, metric, core::kMinExamplesForBootstrapVerdict);
  }
  return "";
}

// "p < 0.001", or two significant digits: "p = 0.011". Every p-value printed goes through it.
std::string FormatP(double p) {
  if (p < 0.001) return "p < 0.001";
  return fmt::format("p = {:.2g}", p);
}

}  // namespace

std::string CompareVerdict(const core::Comparison& c, double confidence) {
  const int level = static_cast<int>(std::lround(confidence * 100));
  const double p = c.p_adjusted.value_or(c.p_value);
  const std::string p_label = (c.test == c.interval_method ? "" : c.test + " ") + FormatP(p) +
                              (c.p_adjusted ? ", Holm-adjusted" : "");
  if (!c.significant) {
    if (c.examples_to_resolve == SIZE_MAX) {
      return fmt::format(
          "no detectable difference in {}: the two runs score the same on this evaluation set",
          c.metric);
    }
    return fmt::format(
        "no detectable difference in {} — this evaluation set ({} examples) cannot tell them "
        "apart; about {} examples would, with an {:.0f}% chance, if the difference seen is real",
        c.metric, c.n, c.examples_to_resolve, c.resolve_power * 100);
  }
  const bool b_better = (c.difference > 0) == c.higher_is_better;
  const std::string& winner = b_better ? c.b : c.a;
  const std::string& loser = b_better ? c.a : c.b;
  // Express the gap in the winner's favour: positive numbers.
  const double sign = c.difference > 0 ? 1.0 : -1.0;
  double gap = c.difference * sign;
  double lo = std::min(c.lower * sign, c.upper * sign);
  double hi = std::max(c.lower * sign, c.upper * sign);
  std::string unit;
  if (c.unit_interval) {
    gap *= 100;
    lo *= 100;
    hi *= 100;
    unit = " points";
  }
  const std::string interval_label = c.test == c.interval_method ? "" : ", " + c.interval_method;
  return fmt::format("{} beats {} on {} by {:.3g}{} ({}% CI {:.3g} to {:.3g}{}, {})", winner, loser,
                     c.metric, gap, unit, level, lo, hi, interval_label, p_label);
}

std::string RenderEvalText(const core::EvalResult& r, double confidence) {
  std::string out;
  const std::vector<std::string> notes = EvalNotes(r);
  for (const std::string& note : notes) out += "note: " + note + "\n";
  if (!notes.empty()) out += "\n";
  const int level = static_cast<int>(std::lround(confidence * 100));
  const size_t run_width =
      ColumnWidth(20, r.rows, [](const core::EvalRow& row) -> std::string_view { return row.run; });
  const size_t metric_width = ColumnWidth(
      28, r.rows, [](const core::EvalRow& row) -> std::string_view { return row.metric; });
  const size_t slice_width = ColumnWidth(20, r.rows, [](const core::EvalRow& row) {
    return row.slice ? std::string_view(*row.slice) : std::string_view("(all)");
  });
  out += fmt::format("{:<{}} {:<{}} {:<{}} {:>9}  {:<21} {:>8}\n", "RUN", run_width, "METRIC",
                     metric_width, "SLICE", slice_width, "ESTIMATE", fmt::format("{}% CI", level),
                     "N");
  std::vector<core::ScoreMethod> widened;
  for (const core::EvalRow& row : r.rows) {
    // A "*" after an interval widened to the metric's score interval, explained below.
    out +=
        fmt::format("{:<{}} {:<{}} {:<{}} {:>9}  [{}, {}]{}{:>8}\n", row.run, run_width, row.metric,
                    metric_width, row.slice.value_or("(all)"), slice_width, Number(row.estimate),
                    Number(row.lower), Number(row.upper), row.widened_by ? "*" : " ", row.n);
    if (row.widened_by &&
        std::find(widened.begin(), widened.end(), *row.widened_by) == widened.end()) {
      widened.push_back(*row.widened_by);
    }
  }
  for (const core::ScoreMethod method : widened) {
    out += fmt::format(
        "* widened: {} reaches further than the bootstrap's here, and the interval shown "
        "covers both (as on small sets, near 0 or 1, or with perfect predictions; "
        "docs/small-samples.md)\n",
        ScoreIntervalName(method));
  }
  if (!r.worst_slices.empty()) {
    out += "\nWorst slice per run and metric\n";
    for (const core::EvalRow& row : r.worst_slices) {
      out +=
          fmt::format("  {} {}: {} = {} [{}, {}] on {} examples\n", row.run, row.metric, *row.slice,
                      Number(row.estimate), Number(row.lower), Number(row.upper), row.n);
    }
  }
  if (!r.fairness.empty()) {
    out += "\nFairness gaps between slice values (at threshold 0.5; 0 is parity)\n";
    for (const core::FairnessRow& row : r.fairness) {
      out += fmt::format("  {} over {}: {} = {} [{}, {}]\n", row.run, row.slice, row.measure,
                         Number(row.estimate), Number(row.lower), Number(row.upper));
    }
  }
  if (r.criterion) {
    const auto& c = *r.criterion;
    out += fmt::format("\nSuccess criterion (from the charter): {} {} {} at {}% confidence\n",
                       c.metric, Meets(c.higher_is_better), c.threshold,
                       static_cast<int>(std::lround(c.confidence * 100)));
    const size_t width = ColumnWidth(
        20, r.criteria, [](const core::CriterionRow& row) -> std::string_view { return row.run; });
    for (const core::CriterionRow& row : r.criteria) {
      if (row.basis == core::CriterionBasis::kTooFewExamples) {
        out +=
            fmt::format("  {:<{}} {:<14} P(target met) unknown{}\n", row.run, width,
                        core::CriterionStatusName(row.status), CriterionBasisNote(row, c.metric));
        continue;
      }
      out += fmt::format("  {:<{}} {:<14} P(target met) = {:.2f}, one-sided bound {}{}\n", row.run,
                         width, core::CriterionStatusName(row.status), row.probability,
                         Number(row.bound), CriterionBasisNote(row, c.metric));
    }
  }
  return out;
}

std::string RenderEvalJson(const core::EvalResult& r, double confidence) {
  Json results = Json::array();
  for (const core::EvalRow& row : r.rows) {
    results.push_back({{"run", row.run},
                       {"metric", row.metric},
                       {"slice", row.slice ? Json(*row.slice) : Json(nullptr)},
                       {"estimate", JsonNumber(row.estimate)},
                       {"lower", JsonNumber(row.lower)},
                       {"upper", JsonNumber(row.upper)},
                       {"n", row.n},
                       {"higher_is_better", row.higher_is_better},
                       {"widened_by", row.widened_by ? Json(core::ScoreMethodName(*row.widened_by))
                                                     : Json(nullptr)}});
  }
  Json worst = Json::array();
  for (const core::EvalRow& row : r.worst_slices) {
    worst.push_back({{"run", row.run},
                     {"metric", row.metric},
                     {"slice", *row.slice},
                     {"estimate", JsonNumber(row.estimate)},
                     {"lower", JsonNumber(row.lower)},
                     {"upper", JsonNumber(row.upper)},
                     {"n", row.n}});
  }
  Json out;
  out["version"] = 1;
  out["confidence"] = confidence;
  out["results"] = std::move(results);
  out["worst_slices"] = std::move(worst);
  Json fairness = Json::array();
  for (const core::FairnessRow& row : r.fairness) {
    fairness.push_back({{"run", row.run},
                        {"slice", row.slice},
                        {"measure", row.measure},
                        {"estimate", JsonNumber(row.estimate)},
                        {"lower", JsonNumber(row.lower)},
                        {"upper", JsonNumber(row.upper)}});
  }
  out["fairness"] = std::move(fairness);
  if (r.criterion) {
    Json runs = Json::array();
    for (const core::CriterionRow& row : r.criteria) {
      runs.push_back(
          {{"run", row.run},
           {"status", core::CriterionStatusName(row.status)},
           {"probability", JsonNumber(row.probability)},
           {"bound", JsonNumber(row.bound)},
           {"basis", core::CriterionBasisName(row.basis)},
           {"score_method",
            row.score_method ? Json(core::ScoreMethodName(*row.score_method)) : Json(nullptr)},
           {"n", row.n}});
    }
    out["criterion"] = {{"metric", r.criterion->metric},
                        {"threshold", r.criterion->threshold},
                        {"confidence", r.criterion->confidence},
                        {"runs", std::move(runs)}};
  } else {
    out["criterion"] = nullptr;
  }
  out["notes"] = EvalNotes(r);
  return out.dump(2) + "\n";
}

std::string RenderCompareText(const std::vector<core::Comparison>& comparisons, double confidence) {
  std::string out;
  for (const core::Comparison& c : comparisons) {
    out += CompareVerdict(c, confidence) + "\n";
    // The p-values as the verdict above prints them: one rule, so the two lines agree.
    out += fmt::format("  {} {} = {}, {} {} = {}; difference {} [{}, {}], {}{} ({})\n", c.a,
                       c.metric, Number(c.estimate_a), c.b, c.metric, Number(c.estimate_b),
                       Number(c.difference), Number(c.lower), Number(c.upper), FormatP(c.p_value),
                       c.p_adjusted ? ", Holm-adjusted " + FormatP(*c.p_adjusted) : "", c.test);
  }
  return out;
}

std::string RenderCompareJson(const std::vector<core::Comparison>& comparisons, double confidence) {
  Json list = Json::array();
  for (const core::Comparison& c : comparisons) {
    list.push_back({{"a", c.a},
                    {"b", c.b},
                    {"metric", c.metric},
                    {"estimate_a", JsonNumber(c.estimate_a)},
                    {"estimate_b", JsonNumber(c.estimate_b)},
                    {"difference", JsonNumber(c.difference)},
                    {"lower", JsonNumber(c.lower)},
                    {"upper", JsonNumber(c.upper)},
                    {"p_value", c.p_value},
                    {"p_adjusted", c.p_adjusted ? Json(*c.p_adjusted) : Json(nullptr)},
                    {"test", c.test},
                    {"interval_method", c.interval_method},
                    {"significant", c.significant},
                    {"n", c.n},
                    {"verdict", CompareVerdict(c, confidence)}});
  }
  return Json{{"version", 1}, {"confidence", confidence}, {"comparisons", std::move(list)}}.dump(
             2) +
         "\n";
}

std::string RenderHistoryText(const std::vector<core::CriteriaVersion>& versions) {
  if (versions.empty()) return "no charter version recorded yet; `foresight eval` records it\n";
  const size_t width = ColumnWidth(
      30, versions, [](const core::CriteriaVersion& v) -> std::string_view { return v.metric; });
  std::string out = fmt::format("{:<22} {:<18} {:<{}} {:>10} {:>11}\n", "SEEN", "CHARTER", "METRIC",
                                width, "THRESHOLD", "CONFIDENCE");
  for (const auto& v : versions) {
    out += fmt::format("{:<22} {:<18} {:<{}} {:>10} {:>11}\n", v.seen_at, v.charter_hash,
                       v.metric.empty() ? "-" : v.metric, width,
                       v.threshold ? fmt::format("{}", *v.threshold) : "-",
                       v.confidence ? fmt::format("{}", *v.confidence) : "-");
  }
  return out;
}

std::string RenderHistoryJson(const std::vector<core::CriteriaVersion>& versions) {
  Json list = Json::array();
  for (const auto& v : versions) {
    list.push_back({{"seen_at", v.seen_at},
                    {"charter_hash", v.charter_hash},
                    {"metric", v.metric.empty() ? Json(nullptr) : Json(v.metric)},
                    {"threshold", v.threshold ? Json(*v.threshold) : Json(nullptr)},
                    {"confidence", v.confidence ? Json(*v.confidence) : Json(nullptr)}});
  }
  return Json{{"version", 1}, {"history", std::move(list)}}.dump(2) + "\n";
}

}  // namespace foresight::report
