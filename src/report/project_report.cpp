#include "report/project_report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "report/evidence_report.hpp"
#include "report/forecast_report.hpp"
#include "report/gate_report.hpp"
#include "report/numbers.hpp"
#include "report/plan_report.hpp"

namespace foresight::report {
namespace {

using core::ProjectReport;
using core::Signal;
using core::SignalKind;

std::string Html(std::string_view text) { return EscapeMarkup(text); }

// Escaped text whose `backquoted` spans become code: the sentences name commands that way.
std::string Prose(std::string_view text) {
  std::string out;
  bool code = false;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != '`') continue;
    const std::string part = Html(text.substr(start, i - start));
    if (i == text.size() && code) {  // an unmatched backquote: keep it as written
      out += "`" + part;
      break;
    }
    out += code ? "<code>" + part + "</code>" : part;
    code = !code;
    start = i + 1;
  }
  return out;
}

// "2026-12-02T13:53:23Z" as "2026-12-02 13:53 UTC".
std::string When(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  return iso.substr(0, 10) + " " + iso.substr(11, 5) + " UTC";
}

// A word the shell reads as one argument: as is when safe, else in single quotes.
std::string Shell(std::string_view word) {
  const bool safe = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '/' || c == ':' || c == '=' || c == ',';
  });
  if (safe) return std::string(word);
  std::string out = "'";
  for (const char c : word) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// `forecast --method` measures its points with its own resamples (kCurveResamples), and the
// report's curves with the same: only a seed is carried over.
std::string SeedFlag(const core::ReportSettings& s) {
  return s.seed != 0 ? fmt::format(" --seed {}", s.seed) : "";
}

// The options that make a command compute with the report's settings (the defaults left out).
std::string SettingsFlags(const core::ReportSettings& s) {
  std::string out;
  if (s.confidence != 0.95) out += fmt::format(" --ci {}", s.confidence);
  if (s.resamples != 2000) out += fmt::format(" --resamples {}", s.resamples);
  if (s.seed != 0) out += fmt::format(" --seed {}", s.seed);
  return out;
}

std::string Pct(double share) {
  return std::isfinite(share) ? fmt::format("{}%", Percent(share)) : "unknown";
}

std::string Conf(const ProjectReport& r) {
  return fmt::format("{}% confidence", Percent(r.settings.confidence));
}

// A difference in the metric's units, or in points for metrics in [0, 1].
std::string Diff(double v, bool unit_interval) {
  if (!std::isfinite(v)) return "n/a";
  return unit_interval ? fmt::format("{:.1f} points", v * 100) : fmt::format("{:.4g}", v);
}

std::string Examples(double size) {
  if (!std::isfinite(size)) return "an unknown number of";
  if (size >= 1e6) return fmt::format("{:.1f} million", size / 1e6);
  return fmt::format("{}", static_cast<long long>(std::llround(size)));
}

std::string_view VerdictWord(core::Verdict v) {
  switch (v) {
    case core::Verdict::kOk:
      return "on track";
    case core::Verdict::kAtRisk:
      return "at risk";
    case core::Verdict::kFailing:
      return "failing";
  }
  return "";
}

std::string_view VerdictClass(core::Verdict v) {
  switch (v) {
    case core::Verdict::kOk:
      return "ok";
    case core::Verdict::kAtRisk:
      return "risk";
    case core::Verdict::kFailing:
      return "fail";
  }
  return "";
}

// Numbered footnotes: each gives the command that reproduces the numbers it marks.
class Footnotes {
 public:
  // The footnote's number for `command` (one per distinct command).
  size_t Add(const std::string& command) {
    for (size_t i = 0; i < commands_.size(); ++i) {
      if (commands_[i] == command) return i + 1;
    }
    commands_.push_back(command);
    return commands_.size();
  }
  // A superscript link to it.
  std::string Ref(const std::string& command) {
    const size_t n = Add(command);
    return fmt::format(
        R"(<sup class="fn"><a href="#fn{0}" aria-label="source {0}">[{0}]</a></sup>)", n);
  }
  const std::vector<std::string>& commands() const { return commands_; }

 private:
  std::vector<std::string> commands_;
};

// --- Charts: inline SVG, readable without scripts, each with a text alternative. ---

constexpr int kChartWidth = 640;
constexpr int kLabelWidth = 190;
constexpr int kRowHeight = 22;

struct Scale {
  double lo = 0;
  double hi = 1;
  double x0 = kLabelWidth;
  double x1 = kChartWidth - 20;
  double operator()(double v) const {
    if (!(hi > lo)) return (x0 + x1) / 2;
    return x0 + (std::clamp(v, lo, hi) - lo) / (hi - lo) * (x1 - x0);
  }
};

// A scale over the finite values given, padded by 5% on each side.
Scale ScaleOver(const std::vector<double>& values) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (const double v : values) {
    if (!std::isfinite(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (!std::isfinite(lo)) return Scale{};
  const double pad = hi > lo ? (hi - lo) * 0.05 : std::max(0.01, std::fabs(lo) * 0.05);
  return Scale{lo - pad, hi + pad};
}

std::string Axis(const Scale& s, int y) {
  std::string out = fmt::format(R"(<line x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" class="axis"/>)",
                                s.x0, y, s.x1, y);
  for (int i = 0; i <= 4; ++i) {
    const double v = s.lo + (s.hi - s.lo) * i / 4;
    out += fmt::format(R"(<text x="{:.1f}" y="{}" class="tick" text-anchor="middle">{:.3g}</text>)",
                       s(v), y + 14, v);
  }
  return out;
}

struct IntervalRow {
  std::string label;
  double estimate = 0;
  std::optional<double> lower;
  std::optional<double> upper;
  bool highlight = false;
};

// A forest plot: one row per interval, a dashed line at `reference` when given.
std::string ForestChart(std::string_view id, const std::string& title, const std::string& desc,
                        const std::vector<IntervalRow>& rows, std::optional<double> reference,
                        const std::string& reference_label) {
  std::vector<double> values;
  for (const auto& r : rows) {
    values.push_back(r.estimate);
    if (r.lower) values.push_back(*r.lower);
    if (r.upper) values.push_back(*r.upper);
  }
  if (reference) values.push_back(*reference);
  const Scale s = ScaleOver(values);
  const int height = 20 + static_cast<int>(rows.size()) * kRowHeight + 24;
  size_t bands = 0;
  for (const auto& r : rows) bands += r.lower && r.upper ? 1 : 0;
  std::string svg =
      fmt::format(R"(<svg class="chart" data-chart="{0}" data-points="{1}" data-bands="{2}" )"
                  R"(viewBox="0 0 {3} {4}" width="{3}" height="{4}" role="img" )"
                  R"(aria-labelledby="{0}-title {0}-desc"><title id="{0}-title">{5}</title>)"
                  R"(<desc id="{0}-desc">{6}</desc>)",
                  id, rows.size(), bands, kChartWidth, height, Html(title), Html(desc));
  int y = 20;
  for (const auto& r : rows) {
    const std::string cls = r.highlight ? " highlight" : "";
    std::string label = r.label.size() > 28 ? r.label.substr(0, 27) + "…" : r.label;
    svg += fmt::format(R"(<text x="{}" y="{}" class="label{}" text-anchor="end">{}</text>)",
                       kLabelWidth - 8, y + 4, cls, Html(label));
    if (r.lower && r.upper) {
      svg += fmt::format(R"(<line x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" class="band{}"/>)",
                         s(*r.lower), y, s(*r.upper), y, cls);
    }
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{}" r="4" class="point{}"/>)", s(r.estimate), y,
                       cls);
    y += kRowHeight;
  }
  if (reference) {
    svg += fmt::format(
        R"(<line x1="{0:.1f}" y1="8" x2="{0:.1f}" y2="{1}" class="target"/>)"
        R"(<text x="{0:.1f}" y="{2}" class="target-label" text-anchor="middle">{3}</text>)",
        s(*reference), y - kRowHeight + 10, 10, Html(reference_label));
  }
  svg += Axis(s, y - kRowHeight + 14);
  return svg + "</svg>";
}

// A learning curve: measured points with their standard errors, the forecast's band and
// line over log size, and the target.
std::string CurveChart(const std::string& id, const core::ReportCurve& c) {
  const core::Forecast& f = c.forecast;
  constexpr int kHeight = 260;
  constexpr double kLeft = 60;
  constexpr double kRight = kChartWidth - 20;
  constexpr double kTop = 20;
  constexpr double kBottom = kHeight - 40;
  double sx0 = std::numeric_limits<double>::infinity();
  double sx1 = 0;
  std::vector<double> ys;
  for (const auto& p : f.points) {
    sx0 = std::min(sx0, p.size);
    sx1 = std::max(sx1, p.size);
    ys.push_back(p.value);
    if (p.standard_error) {
      ys.push_back(p.value - *p.standard_error);
      ys.push_back(p.value + *p.standard_error);
    }
  }
  for (const auto& at : f.curve) {
    sx0 = std::min(sx0, at.size);
    sx1 = std::max(sx1, at.size);
    ys.push_back(at.value.estimate);
    ys.push_back(at.value.lower);
    ys.push_back(at.value.upper);
  }
  if (f.target) ys.push_back(f.target->value);
  const Scale vy = ScaleOver(ys);
  const double lx0 = std::log(std::max(sx0, 1.0));
  const double lx1 = std::log(std::max(sx1, sx0 * 1.0001));
  const auto to_x = [&](double size) {
    return kLeft + (std::log(std::max(size, 1.0)) - lx0) / (lx1 - lx0) * (kRight - kLeft);
  };
  const auto to_y = [&](double v) {
    const double t = (std::clamp(v, vy.lo, vy.hi) - vy.lo) / (vy.hi - vy.lo);
    return kBottom - t * (kBottom - kTop);
  };
  const size_t bands = f.curve.empty() ? 0 : 1;
  std::string svg = fmt::format(
      R"(<svg class="chart" data-chart="{0}" data-points="{1}" data-bands="{2}" )"
      R"(viewBox="0 0 {3} {4}" width="{3}" height="{4}" role="img" )"
      R"(aria-labelledby="{0}-title {0}-desc"><title id="{0}-title">Learning curve of {5}</title>)"
      R"(<desc id="{0}-desc">{6}</desc>)",
      id, f.points.size(), bands, kChartWidth, kHeight, Html(c.method),
      Html(RenderForecastVerdict(f)));
  if (!f.curve.empty()) {
    std::string upper;
    std::string lower;
    std::string line;
    for (const auto& at : f.curve) {
      upper += fmt::format("{:.1f},{:.1f} ", to_x(at.size), to_y(at.value.upper));
      line += fmt::format("{:.1f},{:.1f} ", to_x(at.size), to_y(at.value.estimate));
    }
    for (size_t i = f.curve.size(); i-- > 0;) {
      lower += fmt::format("{:.1f},{:.1f} ", to_x(f.curve[i].size), to_y(f.curve[i].value.lower));
    }
    svg += fmt::format(R"(<polygon points="{}{}" class="band area"/>)", upper, lower);
    svg += fmt::format(R"(<polyline points="{}" class="fit"/>)", line);
  }
  if (f.target) {
    svg += fmt::format(R"(<line x1="{0}" y1="{1:.1f}" x2="{2}" y2="{1:.1f}" class="target"/>)"
                       R"(<text x="{2}" y="{3:.1f}" class="target-label" text-anchor="end">target )"
                       "{4}</text>",
                       kLeft, to_y(f.target->value), kRight, to_y(f.target->value) - 4,
                       f.target->value);
  }
  for (const auto& p : f.points) {
    if (p.standard_error) {
      svg += fmt::format(
          R"(<line x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}" class="errbar"/>)",
          to_x(p.size), to_y(p.value - *p.standard_error), to_y(p.value + *p.standard_error));
    }
    svg += fmt::format(R"(<circle cx="{:.1f}" cy="{:.1f}" r="3.5" class="point"/>)", to_x(p.size),
                       to_y(p.value));
  }
  // Axes: sizes at the measured extremes and the end of the forecast; values at quarters.
  svg += fmt::format(R"(<line x1="{}" y1="{}" x2="{}" y2="{}" class="axis"/>)", kLeft, kBottom,
                     kRight, kBottom);
  std::vector<double> ticks = {sx0, sx1};
  if (!f.points.empty()) ticks.push_back(f.points.back().size);
  std::sort(ticks.begin(), ticks.end());
  ticks.erase(std::unique(ticks.begin(), ticks.end()), ticks.end());
  for (const double t : ticks) {
    svg += fmt::format(R"(<text x="{:.1f}" y="{}" class="tick" text-anchor="middle">{}</text>)",
                       to_x(t), kBottom + 16, Examples(t));
  }
  svg +=
      fmt::format(R"(<text x="{}" y="{}" class="tick" text-anchor="middle">training examples (log )"
                  "scale)</text>",
                  (kLeft + kRight) / 2, kHeight - 6);
  for (int i = 0; i <= 4; ++i) {
    const double v = vy.lo + (vy.hi - vy.lo) * i / 4;
    svg += fmt::format(R"(<text x="{}" y="{:.1f}" class="tick" text-anchor="end">{:.3g}</text>)",
                       kLeft - 6, to_y(v) + 4, v);
  }
  return svg + "</svg>";
}

const core::RankingGroup* PrimaryGroup(const ProjectReport& r) {
  if (!r.ranking) return nullptr;
  for (const auto& g : r.ranking->groups) {
    if (g.evalset == r.primary_evalset) return &g;
  }
  return nullptr;
}

std::string CriterionWords(const core::Criterion& c) {
  return fmt::format("{} {} {}", c.metric, c.higher_is_better ? "of at least" : "of at most",
                     c.threshold);
}

const Signal* Weightiest(const core::FactorAssessment& f) {
  const Signal* worst = nullptr;
  // The heaviest; between equals, the evidence before the charter's general verdict.
  for (const auto& s : f.signals) {
    if (worst == nullptr || s.weight > worst->weight ||
        (s.weight == worst->weight && worst->kind == SignalKind::kCharter &&
         s.kind != SignalKind::kCharter)) {
      worst = &s;
    }
  }
  return worst;
}

// The sentences of a factor: its signals, the charter's last unless it is the only one.
// The command that reproduces a fact's numbers; empty when it has none.
// The command that reproduces the plan's outlook.
std::string PlanCommand(const ProjectReport& r) {
  return r.plan_today.empty() ? "foresight plan outlook"
                              : fmt::format("foresight plan outlook --today {}", r.plan_today);
}

std::string SignalCommand(const Signal& s, const ProjectReport& r) {
  const std::string flags = SettingsFlags(r.settings);
  switch (s.kind) {
    case SignalKind::kTargetMet:
    case SignalKind::kTargetNotYetKnown:
    case SignalKind::kTargetNotMet:
      return fmt::format("foresight rank --evalset {}{}", Shell(r.primary_evalset), flags);
    case SignalKind::kCannotTellApart:
    case SignalKind::kBeatsRunnerUp:
    case SignalKind::kInterpretabilityCost:
    case SignalKind::kInterpretabilityFree:
      return fmt::format(
          "foresight compare {} {} --metric {}{}",
          Shell(s.kind == SignalKind::kCannotTellApart || s.kind == SignalKind::kBeatsRunnerUp
                    ? s.run
                    : s.other),
          Shell(s.kind == SignalKind::kCannotTellApart || s.kind == SignalKind::kBeatsRunnerUp
                    ? s.other
                    : s.run),
          Shell(s.metric), flags);
    case SignalKind::kTargetReachable:
    case SignalKind::kCurveMeetsTarget:
    case SignalKind::kTargetOutOfReach:
      return fmt::format("foresight forecast --method {} --evalset {}{}", Shell(s.method),
                         Shell(r.primary_evalset), SeedFlag(r.settings));
    case SignalKind::kGatePassed:
    case SignalKind::kGateFailed:
    case SignalKind::kGateUndecided:
      return fmt::format("foresight gate --run {}", Shell(s.run));
    case SignalKind::kCharter:
      return r.check ? fmt::format("foresight check {}", Shell(r.check->path)) : "";
    case SignalKind::kPlanOutlook:
      return PlanCommand(r);
    case SignalKind::kNoCharter:
    case SignalKind::kNoRuns:
    case SignalKind::kNoCriterion:
    case SignalKind::kNoCurve:
      return "";
  }
  return "";
}

// The facts of a factor, each with the command behind it: its signals, the charter's last
// unless it is the only one.
std::vector<std::pair<std::string, std::string>> Facts(const core::FactorAssessment& f,
                                                       const ProjectReport& r) {
  std::vector<std::pair<std::string, std::string>> facts;
  for (const auto& s : f.signals) {
    if (s.kind != SignalKind::kCharter) {
      facts.emplace_back(SignalSentence(s, r), SignalCommand(s, r));
    }
  }
  for (const auto& s : f.signals) {
    if (s.kind == SignalKind::kCharter && (s.weight != core::Verdict::kOk || facts.empty())) {
      facts.emplace_back(SignalSentence(s, r), SignalCommand(s, r));
    }
  }
  return facts;
}

}  // namespace

std::string SignalSentence(const Signal& s, const ProjectReport& r) {
  switch (s.kind) {
    case SignalKind::kCharter:
      return s.weight == core::Verdict::kOk ? "The charter check finds no problem here."
                                            : fmt::format("The charter check: {}", s.why);
    case SignalKind::kNoCharter:
      return "There is no readable charter (foresight.yaml), so nothing checks whether the "
             "project is doomed from the start or what production needs.";
    case SignalKind::kNoRuns:
      return "No model's predictions are stored yet, so nothing has been measured.";
    case SignalKind::kNoCriterion:
      return "The charter sets no success criterion (a metric and a threshold), so no model can "
             "be judged against one.";
    case SignalKind::kTargetMet:
      return fmt::format(
          "The best model, '{}', meets the target: {} {}, {} {} with {} against a target of {} "
          "(chance the target is met: {}).",
          s.run, s.metric, Number(s.value), s.higher_is_better ? "at least" : "at most",
          Number(s.lower), Conf(r), s.threshold, Pct(s.probability));
    case SignalKind::kTargetNotYetKnown:
      return fmt::format(
          "The best model, '{}', may or may not meet the target: its {} is {}, but with {} only "
          "{} {}, against a target of {} (chance the target is met: {}). More evaluation examples "
          "would settle it.",
          s.run, s.metric, Number(s.value), Conf(r), s.higher_is_better ? "at least" : "at most",
          Number(s.lower), s.threshold, Pct(s.probability));
    case SignalKind::kTargetNotMet:
      return fmt::format(
          "Even the best model, '{}', misses the target: its {} is {} against a target of {} "
          "(chance the target is met: {}).",
          s.run, s.metric, Number(s.value), s.threshold, Pct(s.probability));
    case SignalKind::kCannotTellApart:
      if (s.count2 == std::numeric_limits<size_t>::max()) {
        return fmt::format("The best two models, '{}' and '{}', score the same on {}.", s.run,
                           s.other, s.metric);
      }
      return fmt::format(
          "The best two models, '{}' and '{}', cannot be told apart on this evaluation set ({} "
          "examples); about {} examples would tell them apart.",
          s.run, s.other, s.count, s.count2);
    case SignalKind::kBeatsRunnerUp:
      return fmt::format("The lead is real: {}.",
                         r.comparisons.empty()
                             ? std::string()
                             : CompareVerdict(r.comparisons.front(), r.settings.confidence));
    case SignalKind::kCurveMeetsTarget:
      return fmt::format("The learning curve of '{}' already reaches the target of {}.", s.method,
                         s.threshold);
    case SignalKind::kTargetReachable:
      return fmt::format(
          "The learning curve of '{}' reaches the target of {} with about {} training examples "
          "(chance the target is reachable at all: {}).",
          s.method, s.threshold, Examples(s.size), Pct(s.probability));
    case SignalKind::kTargetOutOfReach:
      return fmt::format(
          "No learning curve reaches the target of {}: the closest, '{}', levels off near {} "
          "(chance the target is reachable: {}). More data alone will likely not get there.",
          s.threshold, s.method, Number(s.value), Pct(s.probability));
    case SignalKind::kNoCurve:
      return "No method has runs at three or more training sizes, so nothing says what more "
             "data would buy.";
    case SignalKind::kGatePassed:
      return fmt::format(
          "The readiness gate lets '{}' through: every condition the charter sets passes.", s.run);
    case SignalKind::kGateFailed:
      return fmt::format(
          "The readiness gate holds '{}' back: {} fail{}.", s.run,
          Plural(s.count, "condition", "conditions"),
          s.count2 > 0 ? fmt::format(" and {} cannot be decided yet", s.count2) : "");
    case SignalKind::kGateUndecided:
      return fmt::format("The readiness gate cannot decide on '{}' yet: {} need more evidence.",
                         s.run, Plural(s.count2, "condition", "conditions"));
    case SignalKind::kInterpretabilityCost:
      return fmt::format(
          "The best black box ('{}') beats the best interpretable model ('{}') by {} on {} ({} "
          "to {} with {}): that is what interpretability costs here.",
          s.run, s.other, Diff(std::fabs(s.value), s.unit_interval), s.metric,
          Diff(std::min(std::fabs(s.lower), std::fabs(s.upper)), s.unit_interval),
          Diff(std::max(std::fabs(s.lower), std::fabs(s.upper)), s.unit_interval), Conf(r));
    case SignalKind::kInterpretabilityFree:
      if (s.significant) {
        return fmt::format(
            "The best interpretable model ('{}') beats the best black box ('{}') on {} by {}: "
            "interpretability costs nothing here.",
            s.other, s.run, s.metric, Diff(std::fabs(s.value), s.unit_interval));
      }
      return fmt::format(
          "The best interpretable model ('{}') is as good as the best black box ('{}') on {} as "
          "far as this evaluation set can tell: interpretability costs nothing detectable.",
          s.other, s.run, s.metric);
    case SignalKind::kPlanOutlook:
      if (s.significant) {
        return fmt::format(
            "Simulating the rest of the plan, the chance that the success criterion is met by "
            "the deadline ({}) is {}.",
            s.other, Pct(s.probability));
      }
      return fmt::format(
          "Simulating the rest of the plan, the chance that the planned work is over by the "
          "deadline ({}) is {}; no method has a learning curve to say whether it will meet the "
          "criterion.",
          s.other, Pct(s.probability));
  }
  return "";
}

std::string FactorNextStep(const core::FactorAssessment& f) {
  const Signal* s = Weightiest(f);
  if (s == nullptr || s->weight == core::Verdict::kOk) return "Nothing needs doing here now.";
  switch (s->kind) {
    case SignalKind::kCharter:
      return "Fix the charter's findings listed below (`foresight check` shows each with its fix).";
    case SignalKind::kNoCharter:
      return "Write a charter with `foresight init`, then check it with `foresight check`.";
    case SignalKind::kNoRuns:
      return "Store a first model's predictions with `foresight run add`, or run `foresight "
             "probe` on the data.";
    case SignalKind::kNoCriterion:
      return "Agree a success metric and threshold with the business owner and write them in "
             "the charter's success section.";
    case SignalKind::kTargetNotYetKnown:
      return "Add evaluation examples to narrow the interval, or keep improving the model.";
    case SignalKind::kTargetNotMet:
      return "Try the next method in the plan, and read the learning curves: do they say more "
             "data would help?";
    case SignalKind::kTargetOutOfReach:
      return "Rethink the method or the data (features, labels): the curves level off below the "
             "target.";
    case SignalKind::kNoCurve:
      return "Store runs trained on several data sizes (`run add --train-size`), or run "
             "`foresight probe`, so the forecast can say what more data buys.";
    case SignalKind::kGateFailed:
    case SignalKind::kGateUndecided:
      return "Read the readiness gate's section: each condition that holds the model back says "
             "what to do.";
    case SignalKind::kInterpretabilityCost:
      return "Decide with the business whether the black box's gain is worth its opacity, before "
             "the budget is spent.";
    case SignalKind::kPlanOutlook:
      return "Read the plan's outlook below: what would raise the chance most (people earlier, "
             "more data, a cheaper method), and re-plan before the deadline is spent.";
    case SignalKind::kTargetMet:
    case SignalKind::kCannotTellApart:
    case SignalKind::kBeatsRunnerUp:
    case SignalKind::kTargetReachable:
    case SignalKind::kCurveMeetsTarget:
    case SignalKind::kGatePassed:
    case SignalKind::kInterpretabilityFree:
      break;
  }
  return "Nothing needs doing here now.";
}

// The plan's outlook: its sentences for a leader, the chance by each date, a chart of the
// chance by week with the dates marked, and the levers.
std::string PlanSection(const core::PlanOutlook& o, const std::string& ref) {
  std::string body = R"(<section id="plan" aria-labelledby="h-plan"><h2 id="h-plan">The )"
                     "plan's outlook</h2>";
  body += fmt::format(
      R"(<p class="meaning">The rest of the plan simulated {} times: each method's effort )"
      "drawn from its estimate and scaled by how the team's estimates have fared, the work "
      "scheduled on the people present each week, each method's chance of reaching the "
      "criterion from its learning curve.{}</p>",
      o.futures, ref);
  body += "<p>" + Prose(RenderOutlookSummary(o)) + "</p>";
  if (!o.dates.empty()) {
    body +=
        "<table><caption>The chance by the plan's dates</caption><thead><tr><th "
        R"(scope="col">Date</th><th scope="col">What</th><th scope="col">Criterion met</th>)"
        R"(<th scope="col">Work over</th></tr></thead><tbody>)";
    for (const core::OutlookDate& d : o.dates) {
      const bool passed = d.week < o.now_week;
      body += fmt::format(
          R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>)", Html(d.date),
          Html(d.label),
          passed ? "passed" : (o.criterion_known ? Pct(d.p_met) : std::string("unknown")),
          passed ? "passed" : Pct(d.p_ended));
    }
    body += "</tbody></table>";
  }
  // The chance by week: a step line over the weeks, the dates as dashed lines.
  if (o.curve.size() >= 2) {
    const bool met = o.criterion_known;
    const double w0 = o.curve.front().week;
    const double w1 = o.curve.back().week;
    const double x0 = 60;
    const double x1 = kChartWidth - 20;
    const double y0 = 190;
    const double y1 = 20;
    const auto x = [&](double week) { return x0 + (week - w0) / (w1 - w0) * (x1 - x0); };
    const auto y = [&](double p) { return y0 + p * (y1 - y0); };
    std::string points;
    for (const core::OutlookPoint& p : o.curve) {
      points += fmt::format("{:.1f},{:.1f} ", x(p.week), y(met ? p.p_met : p.p_ended));
    }
    const std::string what = met ? "the success criterion is met" : "the planned work is over";
    std::string svg = fmt::format(
        R"(<svg class="chart" data-chart="plan" role="img" viewBox="0 0 {} 230" )"
        R"(aria-labelledby="plan-t plan-d">)"
        R"(<title id="plan-t">The chance that {} by each week</title>)"
        R"(<desc id="plan-d">From week {} to week {}; dashed lines mark the plan's dates.</desc>)",
        kChartWidth, what, fmt::format("{:g}", w0), fmt::format("{:g}", w1));
    for (const double p : {0.0, 0.5, 1.0}) {
      svg += fmt::format(R"(<line class="axis" x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}"/>)"
                         R"(<text class="tick" x="{:.1f}" y="{:.1f}" text-anchor="end">{}</text>)",
                         x0, y(p), x1, y(p), x0 - 6, y(p) + 4, Pct(p));
    }
    for (const core::OutlookDate& d : o.dates) {
      if (d.week < w0 || d.week > w1) continue;
      svg += fmt::format(
          R"(<line class="target" x1="{0:.1f}" y1="{1:.1f}" x2="{0:.1f}" y2="{2:.1f}"/>)"
          R"(<text class="target-label" x="{0:.1f}" y="{3:.1f}" text-anchor="middle">{4}</text>)",
          x(d.week), y0, y1, y1 - 6, Html(d.date));
    }
    svg += fmt::format(R"(<polyline class="fit" points="{}"/>)", points);
    for (const core::OutlookPoint& p : o.curve) {
      svg += fmt::format(R"(<circle class="point" cx="{:.1f}" cy="{:.1f}" r="2.5"/>)", x(p.week),
                         y(met ? p.p_met : p.p_ended));
    }
    svg += fmt::format(
        R"(<text class="tick" x="{:.1f}" y="{}" text-anchor="start">week {}</text>)"
        R"(<text class="tick" x="{:.1f}" y="{}" text-anchor="end">week {}</text></svg>)",
        x0, 212, fmt::format("{:g}", w0), x1, 212, fmt::format("{:g}", w1));
    body += svg;
  }
  if (!o.sensitivity.empty()) {
    body += "<h3>What moves it most</h3><ol>";
    for (size_t i = 0; i < std::min<size_t>(5, o.sensitivity.size()); ++i) {
      body += "<li>" + Prose(RenderOutlookLever(o, i)) + "</li>";
    }
    body += "</ol>";
  }
  return body + "</section>\n";
}

std::string RenderReportHtml(const ProjectReport& r) {
  Footnotes notes;
  const std::string flags = SettingsFlags(r.settings);
  const std::string seed_flag = SeedFlag(r.settings);
  const core::RankingGroup* group = PrimaryGroup(r);
  std::string body;

  // The project in one paragraph.
  std::string lede = r.summary.empty() ? "" : Html(r.summary) + " ";
  if (group != nullptr && group->criterion) {
    lede +=
        fmt::format("Success means {} on the evaluation set '{}' ({} examples), judged with {}. ",
                    Html(CriterionWords(*group->criterion)), Html(r.primary_evalset), group->n,
                    Percent(group->criterion->confidence) == 0
                        ? Conf(r)
                        : fmt::format("{}% confidence", Percent(group->criterion->confidence)));
  }
  lede += fmt::format("The workspace holds {} on {}.", Plural(r.runs, "model run", "model runs"),
                      Plural(r.evalsets, "evaluation set", "evaluation sets"));
  body += fmt::format(R"(<header><h1>{}</h1><p class="lede">{}</p><p class="meta">)",
                      Html(r.project), lede);
  if (!r.owner.empty()) body += fmt::format("Owner: {}. ", Html(r.owner));
  body += fmt::format(
      "Report made {} by foresight {}{}.</p></header>\n", Html(When(r.generated_at)),
      Html(r.tool_version),
      r.charter_path.empty() ? "" : fmt::format(" from the charter {}", Html(r.charter_path)));

  // Verdicts first.
  body += R"(<section id="verdicts" aria-labelledby="h-verdicts"><h2 id="h-verdicts">Where the )"
          R"(project stands</h2><p class="meaning">Most ML projects that fail die of one of four )"
          "causes. For each, the verdict and the facts behind it.</p><div class=\"factors\">\n";
  for (const auto& f : r.factors) {
    body += fmt::format(
        R"(<article class="factor {}" data-factor="{}"><h3>{} <span class="badge">{}</span>)"
        "</h3><ul>",
        VerdictClass(f.verdict), core::FactorName(f.factor), Html(core::FactorTitle(f.factor)),
        VerdictWord(f.verdict));
    for (const auto& [fact, command] : Facts(f, r)) {
      body += "<li>" + Prose(fact) + (command.empty() ? "" : notes.Ref(command)) + "</li>";
    }
    body += fmt::format("</ul><p class=\"next\"><strong>Next:</strong> {}</p></article>\n",
                        Prose(FactorNextStep(f)));
  }
  body += "</div></section>\n";

  // The success criterion: every contender against the threshold.
  if (group != nullptr) {
    const std::string cmd =
        fmt::format("foresight rank --evalset {}{}", Shell(group->evalset), flags);
    body += R"(<section id="criterion" aria-labelledby="h-criterion"><h2 id="h-criterion">)"
            "The success criterion</h2>";
    std::vector<IntervalRow> rows;
    std::string table;
    size_t shown = 0;
    for (const auto& run : group->runs) {
      if (shown == 20) break;
      ++shown;
      IntervalRow row{run.run, run.estimate, run.lower, run.upper, run.run == r.best_run};
      rows.push_back(row);
      std::string chance = "—";
      std::string status = run.screen == core::RankScreen::kContender
                               ? ""
                               : std::string(core::RankScreenName(run.screen));
      if (run.criterion) {
        chance = Pct(run.criterion->probability);
        status = std::string(core::CriterionStatusName(run.criterion->status));
      }
      table += fmt::format(
          R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
          Html(run.run), Html(run.method), Number(run.estimate),
          run.lower && run.upper ? fmt::format("{} to {}", Number(*run.lower), Number(*run.upper))
                                 : "—",
          Html(status.empty() ? chance : fmt::format("{} ({})", status, chance)));
    }
    std::string meaning;
    if (group->criterion) {
      meaning = fmt::format(
          "Each line is a model's {} with its {} interval; the dashed line is the target ({}). A "
          "model meets the target only when its whole interval clears the line: a point estimate "
          "above it is not enough.",
          Html(group->metric), Conf(r), group->criterion->threshold);
    } else {
      meaning = fmt::format(
          "Each line is a model's {} with its {} interval. The charter sets no threshold for "
          "this metric, so no model is judged against one.",
          Html(group->metric), Conf(r));
    }
    body += fmt::format(R"(<p class="meaning">{}{}</p>)", meaning, notes.Ref(cmd));
    body += ForestChart(
        "criterion",
        fmt::format("{} of the best {} on {}", group->metric,
                    Plural(rows.size(), "model", "models"), group->evalset),
        fmt::format("Estimates and {} intervals; the best model is {}.", Conf(r), r.best_run), rows,
        group->criterion ? std::optional<double>(group->criterion->threshold) : std::nullopt,
        group->criterion ? fmt::format("target {}", group->criterion->threshold) : "");
    body += fmt::format(
        R"(<table><caption>{} on '{}', best first{}</caption><thead><tr><th scope="col">Run</th>)"
        R"(<th scope="col">Method</th><th scope="col">{}</th><th scope="col">{} )"
        R"(interval</th><th scope="col">Against the target (chance met)</th></tr></thead><tbody>{})"
        "</tbody></table>",
        Html(group->metric), Html(group->evalset),
        group->runs.size() > shown ? fmt::format(" ({} of {} shown)", shown, group->runs.size())
                                   : "",
        Html(group->metric), Conf(r), table);
    body += "</section>\n";
  }

  // Comparisons.
  if (!r.comparisons.empty()) {
    std::string others;
    for (const auto& c : r.comparisons) others += " " + Shell(c.b);
    const std::string cmd =
        fmt::format("foresight compare --baseline {}{} --metric {}{}", Shell(r.best_run), others,
                    Shell(r.comparisons.front().metric), flags);
    body += R"(<section id="comparisons" aria-labelledby="h-comparisons"><h2 )"
            R"(id="h-comparisons">Who beats whom</h2>)";
    body += fmt::format(
        R"(<p class="meaning">The best model against the next ones, example by example on the )"
        "same evaluation set (a paired test). A difference the test cannot detect is not a "
        "reason to prefer either model.{}</p><ul>",
        notes.Ref(cmd));
    for (const auto& c : r.comparisons) {
      body += "<li>" + Html(CompareVerdict(c, r.settings.confidence)) + "</li>";
    }
    body += "</ul></section>\n";
  }

  // Slices and fairness gaps of the best run.
  if (r.best) {
    std::vector<IntervalRow> rows;
    std::string worst_label;
    double worst = std::numeric_limits<double>::quiet_NaN();
    for (const auto& w : r.best->worst_slices) {
      if (w.run == r.best_run && w.slice) {
        worst_label = *w.slice;
        worst = w.estimate;
      }
    }
    std::optional<double> whole;
    for (const auto& row : r.best->rows) {
      if (row.run != r.best_run) continue;
      if (!row.slice) {
        whole = row.estimate;
        continue;
      }
      rows.push_back(
          IntervalRow{*row.slice, row.estimate, row.lower, row.upper, row.slice == worst_label});
    }
    if (!rows.empty()) {
      const std::string cmd =
          fmt::format("foresight eval --slices {} --metric {}{}", Shell(r.best_run),
                      Shell(r.best->rows.front().metric), flags);
      body += R"(<section id="slices" aria-labelledby="h-slices"><h2 id="h-slices">Slices )"
              "and fairness</h2>";
      body += fmt::format(
          R"(<p class="meaning">How the best model, '{}', does on each group of examples. A model )"
          "can meet the target overall and still fail one group; the worst group is highlighted{}."
          "{}</p>",
          Html(r.best_run),
          worst_label.empty()
              ? ""
              : fmt::format(" ({}: {}, against the whole set's {})", Html(worst_label),
                            Number(worst), whole ? Number(*whole) : "n/a"),
          notes.Ref(cmd));
      body += ForestChart(
          "slices", fmt::format("{} per slice of {}", r.best->rows.front().metric, r.best_run),
          fmt::format("Estimates and {} intervals per slice value; the worst is "
                      "{}.",
                      Conf(r), worst_label.empty() ? "not marked" : worst_label),
          rows, whole, "whole set");
      if (!r.best->fairness.empty()) {
        body +=
            "<table><caption>Fairness gaps between the values of each slice column (at a "
            R"(threshold of 0.5)</caption><thead><tr><th scope="col">Slice column</th><th )"
            R"(scope="col">Gap</th><th scope="col">Estimate</th><th scope="col">)"
            "Interval</th></tr></thead><tbody>";
        for (const auto& g : r.best->fairness) {
          body += fmt::format(
              R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{} to {}</td></tr>)",
              Html(g.slice), Html(g.measure), Number(g.estimate), Number(g.lower), Number(g.upper));
        }
        body += "</tbody></table>";
      }
      body += "</section>\n";
    }
  }

  // Learning curves.
  if (!r.curves.empty()) {
    body += R"(<section id="curves" aria-labelledby="h-curves"><h2 id="h-curves">Learning )"
            R"(curves: what more data buys</h2><p class="meaning">Each method's score as its )"
            "training data grows, with the forecast's band: whether more data would reach the "
            "target, and how much. Progress is not linear; the curve says where it levels off."
            "</p>";
    size_t i = 0;
    for (const auto& c : r.curves) {
      const std::string cmd = fmt::format("foresight forecast --method {} --evalset {}{}",
                                          Shell(c.method), Shell(c.evalset), seed_flag);
      body += fmt::format("<h3>{}</h3><p>{}{}</p>", Html(c.method),
                          Html(RenderForecastVerdict(c.forecast)), notes.Ref(cmd));
      body += CurveChart(fmt::format("curve-{}", i++), c);
      if (!c.forecast.predictions.empty()) {
        body +=
            "<table><caption>Forecast at larger training sizes</caption><thead><tr><th "
            R"(scope="col">Training examples</th><th scope="col">Forecast</th><th )"
            R"(scope="col">Band</th></tr></thead><tbody>)";
        for (const auto& p : c.forecast.predictions) {
          body += fmt::format(R"(<tr><th scope="row">{}</th><td>{}</td><td>{} to {}</td></tr>)",
                              Examples(p.size), Number(p.value.estimate), Number(p.value.lower),
                              Number(p.value.upper));
        }
        body += "</tbody></table>";
      }
    }
    body += "</section>\n";
  }

  // The interpretability gap.
  if (r.gap) {
    const auto& c = r.gap->comparison;
    const std::string cmd = fmt::format("foresight compare {} {} --metric {}{}", Shell(c.a),
                                        Shell(c.b), Shell(c.metric), flags);
    body += R"(<section id="interpretability" aria-labelledby="h-interpretability"><h2 )"
            R"(id="h-interpretability">The interpretability gap</h2>)";
    body += fmt::format(
        R"(<p class="meaning">The best model people can understand ('{}', {}) against the best )"
        "black box ('{}', {}). If the gap is small, the team can keep the model it can explain; "
        "if it is large, the business must decide early whether it accepts the black box.{}</p>"
        "<p>{}</p></section>\n",
        Html(c.a), Html(r.gap->glass_method), Html(c.b), Html(r.gap->black_method), notes.Ref(cmd),
        Html(CompareVerdict(c, r.settings.confidence)));
  }

  // The readiness gate.
  if (r.gate) {
    const auto& g = *r.gate;
    const std::string cmd = fmt::format("foresight gate --run {}", Shell(g.candidate));
    body += R"(<section id="gate" aria-labelledby="h-gate"><h2 id="h-gate">Ready for )"
            "production?</h2>";
    body += fmt::format(
        R"(<p class="meaning">The conditions the charter sets before a model ships, judged on )"
        "'{}'. Each passes, fails, or cannot be decided yet on the evidence. core::Verdict: "
        "<strong>{}</strong>.{}</p>",
        Html(g.candidate), g.Passed() ? "ready" : "not ready", notes.Ref(cmd));
    body += R"(<table><caption>Gate conditions</caption><thead><tr><th scope="col">Condition)"
            R"(</th><th scope="col">Result</th><th scope="col">Requirement</th><th )"
            R"(scope="col">Evidence</th></tr></thead><tbody>)";
    for (const auto& c : g.conditions) {
      body += fmt::format(
          R"(<tr class="gate-{}"><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>)",
          c.status == core::GateStatus::kPass   ? "pass"
          : c.status == core::GateStatus::kFail ? "fail"
                                                : "open",
          core::GateConditionId(c.kind), core::GateStatusName(c.status),
          Prose(GateRequirement(c, g.confidence)), Prose(GateEvidence(c, g)));
    }
    body += "</tbody></table></section>\n";
  }

  // The plan's outlook.
  if (r.outlook) {
    body += PlanSection(*r.outlook, notes.Ref(PlanCommand(r)));
  }

  // The charter's findings by factor.
  if (r.check) {
    const std::string cmd = fmt::format("foresight check {}", Shell(r.check->path));
    body += R"(<section id="charter" aria-labelledby="h-charter"><h2 id="h-charter">The )"
            "charter's findings</h2>";
    body += fmt::format(
        R"(<p class="meaning">What the project charter's check found, by failure factor, with )"
        "how to fix each. Errors mean the project should not go ahead as written.{}</p>",
        notes.Ref(cmd));
    if (!r.check->readable) {
      body += "<p>The charter could not be read: run the command in the footnote to see why.</p>";
    }
    for (const core::Factor factor : core::kAllFactors) {
      std::string items;
      for (const auto& d : r.check->diagnostics) {
        if (d.code.empty() || d.code[0] != core::FactorLetter(factor)) continue;
        const Location at = d.file != nullptr ? d.file->LocationOf(d.span.begin) : Location{};
        items += fmt::format(
            R"(<li><span class="sev-{0}">{0}</span> <code>{1}</code> (line {2}): {3}{4}</li>)",
            SeverityName(d.severity), Html(d.code), at.line, Html(d.message),
            d.help.empty() ? "" : fmt::format("<br><em>Fix:</em> {}", Html(d.help.back())));
      }
      if (items.empty()) continue;
      body += fmt::format("<h3>{}</h3><ul>{}</ul>", Html(core::FactorTitle(factor)), items);
    }
    body += "</section>\n";
  }

  // History of the criteria.
  if (!r.history.empty()) {
    body += R"(<section id="history" aria-labelledby="h-history"><h2 id="h-history">How )"
            "the success criteria changed</h2>";
    body += fmt::format(
        R"(<p class="meaning">Every version of the success criterion foresight has seen, and )"
        "what it made of the models stored today: each is re-scored from its stored predictions, "
        "so a changed metric needs no retraining.{}</p>",
        notes.Ref("foresight history"));
    body +=
        "<table><caption>Criteria versions, oldest first</caption><thead><tr><th "
        R"(scope="col">Seen</th><th scope="col">Criterion</th><th scope="col">Runs )"
        R"(reaching it (point estimate)</th><th scope="col">Best run</th></tr></thead><tbody>)";
    for (const auto& h : r.history) {
      const auto& v = h.version;
      const std::string criterion =
          v.metric.empty() ? "(no metric)"
          : v.threshold    ? fmt::format("{} {} {}", v.metric,
                                      h.higher_is_better.value_or(true) ? "≥" : "≤", *v.threshold)
                           : v.metric;
      std::string reach = "—";
      std::string best = "—";
      if (h.runs > 0) {
        const std::string cmd = fmt::format("foresight rank --metric {}{}", Shell(v.metric), flags);
        reach = fmt::format("{} of {}{}", h.meeting, h.runs, notes.Ref(cmd));
        if (h.best_run) best = fmt::format("{} ({})", Html(*h.best_run), Number(h.best));
      }
      body += fmt::format(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>)",
                          Html(v.seen_at.substr(0, 10)), Html(criterion), reach, best);
    }
    body += "</tbody></table></section>\n";
  }

  if (!r.skipped.empty()) {
    body += R"(<section id="skipped" aria-labelledby="h-skipped"><h2 id="h-skipped">Not )"
            "shown</h2><ul>";
    for (const auto& [section, why] : r.skipped) {
      body += fmt::format("<li>{}: {}</li>", Html(section), Html(why));
    }
    body += "</ul></section>\n";
  }

  // Where each number comes from.
  body += R"(<section id="sources" aria-labelledby="h-sources"><h2 id="h-sources">Where )"
          R"(each number comes from</h2><p class="meaning">Run these in the project's folder to )"
          R"(reproduce the numbers marked with the footnote's number.</p><ol class="footnotes">)";
  for (size_t i = 0; i < notes.commands().size(); ++i) {
    body += fmt::format(R"(<li id="fn{}"><code>{}</code></li>)", i + 1, Html(notes.commands()[i]));
  }
  body += "</ol></section>\n";

  static constexpr std::string_view kStyle = R"(
:root{--ink:#1a1a1a;--muted:#4a4a4a;--line:#d0d0d0;--blue:#1f4e79;--red:#a4001d;--amber:#7a4a00;--green:#1d5e20}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 "DejaVu Sans",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.9rem;margin:.2rem 0}
h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
.lede{font-size:1.1rem}
.meta,.meaning{color:var(--muted)}
.factors{display:grid;grid-template-columns:repeat(auto-fit,minmax(24rem,1fr));gap:1rem}
.factor{border:1px solid var(--line);border-left:6px solid var(--line);border-radius:4px;padding:.6rem .9rem}
.factor h3{margin:.2rem 0}
.factor ul{padding-left:1.1rem;margin:.4rem 0}
.factor.ok{border-left-color:var(--green)}.factor.risk{border-left-color:var(--amber)}.factor.fail{border-left-color:var(--red)}
.badge{font-size:.85rem;font-weight:bold;padding:.05rem .45rem;border-radius:3px;color:#fff;white-space:nowrap}
.ok .badge{background:var(--green)}.risk .badge{background:var(--amber)}.fail .badge{background:var(--red)}
.next{margin:.3rem 0 0}
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:.92rem}
caption{text-align:left;font-weight:bold;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
.gate-fail td:nth-child(2){color:var(--red);font-weight:bold}.gate-open td:nth-child(2){color:var(--amber);font-weight:bold}
.sev-error{color:var(--red);font-weight:bold}.sev-warning{color:var(--amber);font-weight:bold}.sev-info{color:var(--muted)}
code{font-family:"DejaVu Sans Mono",ui-monospace,monospace;font-size:.9em;background:#f3f3f3;padding:0 .2rem}
sup.fn a{color:var(--blue);text-decoration:none;font-size:.8em;margin-left:.1rem}
.footnotes li{margin:.2rem 0}
svg.chart{max-width:100%;height:auto;display:block;margin:.6rem 0}
svg .label{font-size:12px;fill:var(--ink)}svg .tick{font-size:11px;fill:var(--muted)}
svg .axis{stroke:var(--muted);stroke-width:1}
svg .band{stroke:var(--blue);stroke-width:3}svg .point{fill:var(--blue)}
svg .area{fill:#1f4e79;fill-opacity:.18;stroke:none}svg .fit{fill:none;stroke:var(--blue);stroke-width:2}
svg .errbar{stroke:var(--ink);stroke-width:1.5}
svg .highlight{stroke:var(--red);fill:var(--red);font-weight:bold}
svg .target{stroke:var(--red);stroke-width:1.5;stroke-dasharray:5 4}svg .target-label{font-size:11px;fill:var(--red)}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}svg.chart,table,.factor{break-inside:avoid}sup.fn a{color:var(--ink)}}
)";
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta "
      "name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta "
      "name=\"generator\" content=\"foresight {}\">\n<title>{} — foresight report</title>\n"
      "<style>{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
      Html(r.tool_version), Html(r.project), kStyle, body);
}

std::string RenderReportMarkdown(const ProjectReport& r) {
  std::string md = fmt::format("## foresight report: {}\n\n", EscapeMarkdownCell(r.project));
  md += "| Failure factor | Verdict | Why |\n|---|---|---|\n";
  for (const auto& f : r.factors) {
    const Signal* s = Weightiest(f);
    std::string why = s == nullptr ? "" : SignalSentence(*s, r);
    md += fmt::format("| {} | {} {} | {} |\n", core::FactorTitle(f.factor), VerdictIcon(f.verdict),
                      VerdictWord(f.verdict), EscapeMarkdownCell(why));
  }
  md += '\n';
  const core::RankingGroup* group = PrimaryGroup(r);
  if (group != nullptr && group->criterion) {
    md += fmt::format("**Success criterion:** {} on `{}` ({} examples), at {}% confidence.\n\n",
                      CriterionWords(*group->criterion), group->evalset, group->n,
                      Percent(group->criterion->confidence));
  } else if (group != nullptr) {
    md +=
        fmt::format("**Success criterion:** none declared; runs ranked on {}.\n\n", group->metric);
  }
  if (group != nullptr && !group->runs.empty()) {
    const auto& best = group->runs.front();
    std::string line = fmt::format("**Best run:** `{}`{} — {} {}", best.run,
                                   best.method.empty() ? "" : fmt::format(" ({})", best.method),
                                   group->metric, Number(best.estimate));
    if (best.lower && best.upper) {
      line += fmt::format(" ({}% CI {} to {})", Percent(r.settings.confidence), Number(*best.lower),
                          Number(*best.upper));
    }
    if (best.criterion) {
      line += fmt::format("; target {}, chance met {}",
                          core::CriterionStatusName(best.criterion->status),
                          Pct(best.criterion->probability));
    }
    md += line + ".\n\n";
  }
  if (r.gate) {
    md += fmt::format(
        "**Gate:** `{}` {} — {} passed, {} failed, {} cannot tell "
        "(`foresight gate --run {}`).\n\n",
        r.gate->candidate, r.gate->Passed() ? "is ready" : "is not ready",
        r.gate->Count(core::GateStatus::kPass), r.gate->Count(core::GateStatus::kFail),
        r.gate->Count(core::GateStatus::kCannotTell), Shell(r.gate->candidate));
  }
  if (r.outlook) {
    std::string summary = RenderOutlookSummary(*r.outlook);
    std::replace(summary.begin(), summary.end(), '\n', ' ');
    while (!summary.empty() && summary.back() == ' ') summary.pop_back();
    md += fmt::format("**Plan:** {} (`{}`).\n\n", summary, PlanCommand(r));
  }
  if (!r.base.empty()) {
    md += fmt::format("**Since `{}`:** ", r.base);
    if (r.since_base) {
      md += CompareVerdict(*r.since_base, r.settings.confidence) + ". ";
    } else if (r.best_run == r.base) {
      md += "it is still the best run. ";
    }
    if (r.new_runs.empty()) {
      md += "No run was added after it.\n";
    } else {
      std::string list;
      const size_t shown = std::min<size_t>(r.new_runs.size(), 10);
      for (size_t i = 0; i < shown; ++i) {
        list += fmt::format("{}`{}`", i > 0 ? ", " : "", r.new_runs[i]);
      }
      if (r.new_runs.size() > shown) {
        list += fmt::format(" and {} more", r.new_runs.size() - shown);
      }
      md += fmt::format("{} added after it: {}.\n", Plural(r.new_runs.size(), "run", "runs"), list);
    }
    md += '\n';
  }
  md += "The full report: `foresight report -o report.html`.\n";
  return md;
}

std::string RenderReportWritten(const std::string& path, size_t bytes) {
  return fmt::format("wrote {} ({} KB)\n", path, (bytes + 1023) / 1024);
}

}  // namespace foresight::report
