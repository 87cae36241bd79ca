#include "report/probe_report.hpp"
#include "report/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "report/forecast_report.hpp"

namespace foresight::report {
namespace {

// What was not trained, one phrase per learner: "boosting at 512, 800 examples".
std::vector<std::string> Skipped(const core::ProbeResult& r) {
  std::vector<std::string> out;
  for (const core::ProbeLearner& pl : r.learners) {
    if (pl.skipped_sizes.empty()) continue;
    out.push_back(fmt::format("{} at {} examples", pl.name, fmt::join(pl.skipped_sizes, ", ")));
  }
  return out;
}

// Why a column was left out, as a phrase.
std::string DropText(const core::ColumnDrop& drop) {
  switch (drop.reason) {
    case core::ColumnDrop::Reason::kAllMissing:
      return "missing in every row";
    case core::ColumnDrop::Reason::kTooManyValues:
      return fmt::format(
          "{} distinct values in {} rows: an identifier or free text, not a category", drop.values,
          drop.rows);
  }
  return "";
}

std::string ProbeWarningText(const core::ProbeWarning& w) {
  using Kind = core::ProbeWarning::Kind;
  switch (w.kind) {
    case Kind::kTypeRefused:
      return fmt::format(
          "column '{}' cannot be {}: its values are not all {}; its type is {} instead", w.column,
          w.type, w.type == "numeric" ? "numbers" : "one boolean pair",
          w.declared ? "the file's declaration" : "inferred");
    case Kind::kRowsWithoutTarget:
      return fmt::format("{} without a target value were left out", Plural(w.count, "row", "rows"));
    case Kind::kClassBelowFolds:
      return fmt::format(
          "class '{}' has {}: fewer than the {} folds, so some folds test none of it", w.name,
          Plural(w.count, "example", "examples"), w.limit);
    case Kind::kRareClass:
      return fmt::format(
          "class '{}' has only {}: the smallest training sizes hold none of it, and every "
          "interval will be wide",
          w.name, Plural(w.count, "example", "examples"));
    case Kind::kLevelsGrouped:
      return fmt::format(
          "column '{}' has {} values: the {} most frequent are kept, the other {} are grouped as "
          "one",
          w.column, w.count, w.limit, w.count - w.limit);
    case Kind::kColumnDropped:
      return fmt::format(
          "column '{}' was left out: {}; to silence this, " FORESIGHT_FIELD("ignore") " it",
          w.column, DropText(w.drop));
    case Kind::kMetricNotForTask:
      return fmt::format(
          "the charter's metric '{}' does not apply to a {} target; the probe uses {} (choose "
          "with " FORESIGHT_FIELD("metric") ")",
          w.name, w.task, w.used);
    case Kind::kFewerThreads:
      return w.reason;
  }
  return "";
}

std::vector<std::string> ProbeWarnings(const core::ProbeResult& r) {
  std::vector<std::string> out;
  for (const core::ProbeWarning& w : r.warnings) out.push_back(ProbeWarningText(w));
  return out;
}

std::string ProbeNoteText(const core::ProbeNote& n) {
  switch (n.kind) {
    case core::ProbeNote::Kind::kNotTrained:
      return fmt::format("not trained on {} examples: {}", fmt::join(n.sizes, ", "), n.reason);
    case core::ProbeNote::Kind::kNoForecast:
      return fmt::format("no forecast: {}", n.reason);
  }
  return n.reason;
}

std::string GapVerdictOf(const core::ProbeResult& r) {
  return GapVerdict(*r.gap, r.higher_is_better, r.metric, r.unit_interval, r.confidence);
}

using Json = nlohmann::ordered_json;

// A metric value: three decimals for values in [0, 1], else four significant digits.
std::string Value(double v) {
  if (!std::isfinite(v)) return "n/a";
  return v >= 0 && v <= 1 ? fmt::format("{:.3f}", v) : fmt::format("{:.4g}", v);
}

std::string Count(double v) {
  if (!std::isfinite(v)) return "unbounded";
  const std::string digits = std::to_string(static_cast<long long>(std::llround(v)));
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    const size_t left = digits.size() - i;
    if (i > 0 && left % 3 == 0 && digits[i - 1] != '-') out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::string Kind(const core::ProbeLearner& l) {
  if (l.name == "majority") return "floor";
  return l.interpretable ? "glass box" : "black box";
}

// The forecast value at `times` the largest size, when there is one.
const core::ForecastAt* At(const core::ProbeLearner& l, double times) {
  if (!l.forecast || l.forecast->points.empty()) return nullptr;
  const double want = l.forecast->points.back().size * times;
  for (const core::ForecastAt& a : l.forecast->predictions) {
    if (std::abs(a.size - want) <= 0.5 + 1e-9 * want) return &a;
  }
  return nullptr;
}

// Data needed for the target, in a table cell.
std::string TargetCell(const core::ProbeLearner& l) {
  if (!l.forecast || !l.forecast->target) return "";
  const core::ForecastTarget& t = *l.forecast->target;
  // "met now" only when eval's verdict says so: a point estimate at the target is not yet
  // a target met at the charter's confidence.
  if (t.already_met) {
    return l.criterion && l.criterion->status == core::CriterionStatus::kMet ? "met now"
                                                                             : "reached, unproven";
  }
  if (!t.size_needed || !std::isfinite(t.size_needed->estimate)) {
    return fmt::format("unlikely ({}%)", Percent(t.probability_reachable));
  }
  return fmt::format("~{} ex.", Count(t.size_needed->estimate));
}

std::string Table(const std::vector<std::vector<std::string>>& rows, size_t left_columns) {
  std::vector<size_t> width;
  for (const auto& r : rows) {
    if (width.size() < r.size()) width.resize(r.size(), 0);
    for (size_t c = 0; c < r.size(); ++c) width[c] = std::max(width[c], r[c].size());
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line = " ";
    for (size_t c = 0; c < r.size(); ++c) {
      line += c < left_columns ? fmt::format(" {:<{}}", r[c], width[c])
                               : fmt::format("  {:>{}}", r[c], width[c]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

// "13 categorical, 7 numeric (as the file declares them)"; for inferred types, which columns
// are which non-numeric kind, so a wrong guess is easy to spot (and fix with --type).
std::string ColumnsSummary(const core::ProbeResult& r) {
  std::map<std::string, std::vector<std::string>> kinds;
  std::set<std::string> origins;
  for (const auto& c : r.columns) {
    if (c.role != "feature") continue;
    kinds[c.kind].push_back(c.name);
    origins.insert(c.origin);
  }
  std::string parts;
  for (const auto& [kind, names] : kinds) {
    parts += fmt::format("{}{} {}", parts.empty() ? "" : ", ", names.size(), kind);
  }
  size_t overridden = 0;
  for (const auto& c : r.columns) overridden += c.role == "feature" && c.origin == "override";
  const std::string overrides =
      overridden ? fmt::format("; {} as " FORESIGHT_FIELD("type") " says", overridden)
                 : std::string();
  if (!origins.count("inferred")) {
    return fmt::format("{} (as the file declares them{})", parts, overrides);
  }
  std::string out =
      fmt::format("{} (inferred from the values{}; " FORESIGHT_FIELD("type") " corrects a guess)",
                  parts, overrides);
  constexpr size_t kShown = 8;
  for (const auto& [kind, names] : kinds) {
    if (kind == "numeric") continue;
    std::vector<std::string> shown(
        names.begin(), names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), kShown)));
    out += fmt::format(
        "; {}: {}{}", kind, fmt::join(shown, ", "),
        names.size() > kShown ? fmt::format(" and {} more", names.size() - kShown) : std::string());
  }
  return out;
}

// The first lines: the table, the target and its task, the features, the protocol, the
// metric (and the charter's target), then the warnings.
std::string Overview(const core::ProbeResult& r) {
  std::string out;
  std::string classes;
  if (r.task == "binary" && r.classes.size() == 2) {
    classes = fmt::format(", positive class '{}'", r.classes[1]);
    if (r.positive_inferred == core::InferredPositive::kKnownPair) {
      classes +=
          fmt::format(": the usual positive of {}/{}; " FORESIGHT_FIELD("positive") " chooses",
                      r.classes[0], r.classes[1]);
    } else if (r.positive_inferred == core::InferredPositive::kRarer) {
      classes += ": the rarer; " FORESIGHT_FIELD("positive") " chooses";
    }
  }
  const std::string rows =
      r.sampled_from > 0
          ? fmt::format("a random sample of {} of its {} rows (" FORESIGHT_FIELD("sample") ")",
                        Count(static_cast<double>(r.rows)),
                        Count(static_cast<double>(r.sampled_from)))
          : fmt::format("{} rows", Count(static_cast<double>(r.rows)));
  out +=
      fmt::format("Probe of {}: predicting '{}' ({}{}{}) from {} and {} features.\n", r.data,
                  r.target, r.task, r.task_inferred ? ", inferred" : "", classes, rows, r.features);
  out += fmt::format("Features: {}.\n", ColumnsSummary(r));
  out += fmt::format(
      "{}-fold cross-validation (seed {}): every row is predicted by models that never saw it, "
      "trained on up to {} rows.\n",
      r.folds, r.seed, Count(static_cast<double>(r.full_size)));
  out +=
      fmt::format("Metric: {} ({} is better)", r.metric, r.higher_is_better ? "higher" : "lower");
  if (r.criterion) {
    out += fmt::format("; the charter's target is {} {} {}", r.criterion->metric,
                       r.higher_is_better ? ">=" : "<=", Value(r.criterion->threshold));
  }
  out += ".\n";
  for (const std::string& w : ProbeWarnings(r)) out += fmt::format("warning: {}\n", w);
  return out;
}

// What each learner reaches at full size, with its interval, the chance of meeting the
// charter's target, the forecasts at 2x and 10x the data, and its seconds.
std::string LearnerTable(const core::ProbeResult& r) {
  const int level = Percent(r.confidence);
  std::string out = fmt::format("\nWhat each model reaches, trained on {} rows ({}% intervals):\n",
                                Count(static_cast<double>(r.full_size)), level);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header = {"learner", "kind", r.metric, fmt::format("{}% CI", level)};
  if (r.criterion) header.emplace_back("P(target met)");
  header.insert(header.end(), {"2x data", "10x data"});
  if (r.criterion) header.emplace_back("data for target");
  // Each learner's training and predicting time over every fold and size; learners and
  // folds run side by side, so the column can add up to more than the probe took.
  header.emplace_back("seconds (summed)");
  rows.push_back(header);
  for (const core::ProbeLearner& l : r.learners) {
    std::vector<std::string> row = {l.name, Kind(l)};
    if (l.metric) {
      row.push_back(Value(l.metric->estimate));
      row.push_back(fmt::format("{} to {}", Value(l.metric->lower), Value(l.metric->upper)));
    } else {
      row.insert(row.end(), {"-", "not trained"});
    }
    if (r.criterion) {
      // As eval prints it: a probability with two decimals ("?" when withheld).
      row.push_back(!l.criterion ? ""
                    : std::isfinite(l.criterion->probability)
                        ? fmt::format("{:.2f}", l.criterion->probability)
                        : "?");
    }
    const core::ForecastAt* twice = At(l, 2);
    const core::ForecastAt* tenfold = At(l, 10);
    row.push_back(twice ? Value(twice->value.estimate) : "");
    row.push_back(tenfold ? Value(tenfold->value.estimate) : "");
    if (r.criterion) row.push_back(TargetCell(l));
    row.push_back(fmt::format("{:.1f}", l.seconds));
    rows.push_back(std::move(row));
  }
  return out + Table(rows, 2);
}

std::string GapSection(const core::ProbeResult& r) {
  if (r.gap) return fmt::format("\nInterpretability: {}.\n", GapVerdictOf(r));
  return "\nInterpretability: no gap measured (it needs a glass box and a black box that both "
         "trained at full size).\n";
}

// Learning curves, one column per learner; nothing when no learner has a curve.
std::string CurvesSection(const core::ProbeResult& r) {
  std::set<int64_t> sizes;
  for (const auto& l : r.learners) {
    for (const auto& p : l.curve) sizes.insert(p.size);
  }
  if (sizes.empty()) return "";
  std::string out =
      fmt::format("\nLearning curves ({} by training size, out-of-fold on all {} rows):\n",
                  r.metric, Count(static_cast<double>(r.rows)));
  std::vector<std::vector<std::string>> curve = {{"size"}};
  for (const auto& l : r.learners) curve[0].push_back(l.name);
  for (const int64_t s : sizes) {
    std::vector<std::string> row = {Count(static_cast<double>(s))};
    for (const auto& l : r.learners) {
      const auto it = std::find_if(l.curve.begin(), l.curve.end(),
                                   [s](const core::ProbeCurvePoint& p) { return p.size == s; });
      row.push_back(it == l.curve.end() ? "-" : Value(it->estimate));
    }
    curve.push_back(std::move(row));
  }
  return out + Table(curve, 0);
}

// Each line of `text` that is not empty, indented by four spaces.
std::string Indented(const std::string& text) {
  std::string out;
  for (size_t start = 0; start < text.size();) {
    const size_t end = text.find('\n', start);
    const std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty()) out += fmt::format("    {}\n", line);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

// Each learner's forecast verdict; nothing when no learner has a forecast.
std::string ForecastsSection(const core::ProbeResult& r) {
  std::string out;
  for (const auto& l : r.learners) {
    if (!l.forecast) continue;
    if (out.empty()) out += "\nWhat more data would buy (learning-curve forecasts):\n";
    out += fmt::format("  {}{}:\n{}", l.name, l.forecast->ill_behaved ? " (irregular curve)" : "",
                       Indented(RenderForecastVerdict(*l.forecast)));
  }
  return out;
}

// What was not trained (and the time budget, if any), then each learner's notes.
std::string SkippedAndNotes(const core::ProbeResult& r) {
  std::string out;
  if (const std::vector<std::string> skipped = Skipped(r); !skipped.empty()) {
    out += fmt::format("\nSkipped{}: ", r.time_budget
                                            ? fmt::format(" (time budget {:g} s)", *r.time_budget)
                                            : std::string());
    out += fmt::format("{}.\n", fmt::join(skipped, "; "));
  }
  for (const auto& l : r.learners) {
    for (const auto& n : l.notes) out += fmt::format("note: {}: {}\n", l.name, ProbeNoteText(n));
  }
  return out;
}

// Where the numbers come from, the commands that re-derive them, and the time taken.
std::string Provenance(const core::ProbeResult& r) {
  std::string out = fmt::format(
      "\nEvery number above comes from runs stored in the workspace (evaluation set '{}', "
      "runs '{}/<learner>/<size>'), so it can be re-derived:\n",
      r.evalset, r.evalset);
  if (r.gap) {
    out += fmt::format("  foresight eval {} {}\n", r.gap->glass_run, r.gap->black_run);
    out +=
        fmt::format("  foresight compare --baseline {} {}\n", r.gap->glass_run, r.gap->black_run);
    out += fmt::format("  foresight forecast --method {} --evalset {} --resamples {}\n",
                       r.gap->glass_box, r.evalset, r.curve_resamples);
  }
  out += fmt::format("Done in {:.1f} s.\n", r.seconds);
  return out;
}

Json ColumnJson(const core::ProbeColumn& c) {
  Json col = {{"name", c.name},
              {"kind", c.kind},
              {"origin", c.origin},
              {"missing", c.missing},
              {"role", c.role}};
  if (c.kind == "categorical") col["levels"] = c.levels;
  if (c.drop) col["note"] = DropText(*c.drop);
  return col;
}

Json LearnerJson(const core::ProbeLearner& l) {
  Json o;
  o["name"] = l.name;
  o["interpretable"] = l.interpretable;
  o["description"] = l.description;
  o["run"] = l.run.empty() ? Json(nullptr) : Json(l.run);
  o["metric"] = l.metric ? Json{{"name", l.metric->metric},
                                {"estimate", JsonNumber(l.metric->estimate)},
                                {"lower", JsonNumber(l.metric->lower)},
                                {"upper", JsonNumber(l.metric->upper)},
                                {"n", l.metric->n}}
                         : Json(nullptr);
  o["probability_target_met"] = l.criterion ? JsonNumber(l.criterion->probability) : Json(nullptr);
  Json curve = Json::array();
  for (const auto& p : l.curve) {
    curve.push_back({{"size", p.size},
                     {"estimate", JsonNumber(p.estimate)},
                     {"standard_error", JsonNumber(p.standard_error)},
                     {"run", p.run}});
  }
  o["curve"] = std::move(curve);
  o["forecast"] = l.forecast ? Json::parse(RenderForecastJson(*l.forecast)) : Json(nullptr);
  o["seconds"] = l.seconds;
  o["skipped_sizes"] = l.skipped_sizes;
  Json notes = Json::array();
  for (const core::ProbeNote& n : l.notes) notes.push_back(ProbeNoteText(n));
  o["notes"] = std::move(notes);
  return o;
}

// The gap's numbers and its verdict; `r.gap` is set.
Json GapJson(const core::ProbeResult& r) {
  return {{"black_box", r.gap->black_box},
          {"glass_box", r.gap->glass_box},
          {"black_run", r.gap->black_run},
          {"glass_run", r.gap->glass_run},
          {"difference", JsonNumber(r.gap->difference)},
          {"lower", JsonNumber(r.gap->lower)},
          {"upper", JsonNumber(r.gap->upper)},
          {"p_value", JsonNumber(r.gap->p_value)},
          {"test", r.gap->test},
          {"verdict", GapVerdictOf(r)}};
}

}  // namespace

std::string RenderProbeText(const core::ProbeResult& r) {
  return Overview(r) + LearnerTable(r) + GapSection(r) + CurvesSection(r) + ForecastsSection(r) +
         SkippedAndNotes(r) + Provenance(r);
}

std::string RenderProbeJson(const core::ProbeResult& r) {
  Json j;
  j["version"] = 1;
  j["data"] = r.data;
  j["probe"] = r.evalset;
  j["task"] = r.task;
  j["task_inferred"] = r.task_inferred;
  j["target"] = r.target;
  j["classes"] = r.classes;
  j["positive_inferred"] =
      r.positive_inferred ? Json(core::InferredPositiveName(*r.positive_inferred)) : Json(nullptr);
  j["rows"] = r.rows;
  if (r.sampled_from > 0) j["sampled_from"] = r.sampled_from;
  j["features"] = r.features;
  j["folds"] = r.folds;
  j["seed"] = r.seed;
  j["train_size"] = r.full_size;
  j["metric"] = {{"name", r.metric}, {"higher_is_better", r.higher_is_better}};
  j["confidence"] = r.confidence;
  j["criterion"] = r.criterion ? Json{{"metric", r.criterion->metric},
                                      {"threshold", r.criterion->threshold},
                                      {"confidence", r.criterion->confidence}}
                               : Json(nullptr);
  Json columns = Json::array();
  for (const auto& c : r.columns) columns.push_back(ColumnJson(c));
  j["columns"] = std::move(columns);
  Json learners = Json::array();
  for (const auto& l : r.learners) learners.push_back(LearnerJson(l));
  j["learners"] = std::move(learners);
  j["gap"] = r.gap ? GapJson(r) : Json(nullptr);
  j["time_budget"] = r.time_budget ? Json(*r.time_budget) : Json(nullptr);
  j["skipped"] = Skipped(r);
  j["warnings"] = ProbeWarnings(r);
  j["seconds"] = r.seconds;
  return j.dump(2) + "\n";
}

// The gap in plain words: how much better the best black box is than the best glass box
// (negative: worse), with its interval, in metric points for metrics in [0, 1].
std::string GapVerdict(const core::ProbeGap& g, bool higher, const std::string& metric, bool rate,
                       double confidence) {
  const double sign = higher ? 1.0 : -1.0;
  const double scale = rate ? 100.0 : 1.0;
  const double adv = g.difference * sign * scale;
  const double lo = std::min(g.lower * sign, g.upper * sign) * scale;
  const double hi = std::max(g.lower * sign, g.upper * sign) * scale;
  const std::string unit = rate ? fmt::format("{} points", metric) : metric;
  const int level = static_cast<int>(std::lround(confidence * 100));
  const std::string measured = fmt::format(
      "the black box ({}) is ahead of the glass box ({}) by {:.1f} {} ({}% CI {:.1f} "
      "to {:.1f})",
      g.black_box, g.glass_box, adv, unit, level, lo, hi);
  if (lo > 0) {
    return fmt::format("{}: interpretability costs about {:.1f} {} here{}", measured, adv, unit,
                       rate && hi < 2 ? ", which is little" : "; decide whether that is worth it");
  }
  if (hi < 0) {
    return fmt::format(
        "the glass box ({}) beats the best black box ({}) by {:.1f} {} ({}% CI {:.1f} to {:.1f}): "
        "interpretability costs nothing here",
        g.glass_box, g.black_box, -adv, unit, level, -hi, -lo);
  }
  if (adv <= 0) {
    return fmt::format(
        "the glass box ({}) is ahead of the best black box ({}) by {:.1f} {} ({}% CI {:.1f} to "
        "{:.1f}): a glass box does as well, so interpretability costs nothing measurable here",
        g.glass_box, g.black_box, -adv, unit, level, -hi, -lo);
  }
  if (rate && hi <= 2) {
    return fmt::format(
        "{}: the difference is not significant, and interpretability costs "
        "little here",
        measured);
  }
  return fmt::format(
      "{}: the difference is not significant, but interpretability may cost up to "
      "{:.1f} {}; more data would tell",
      measured, hi, unit);
}

}  // namespace foresight::report
