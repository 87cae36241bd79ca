#include "report/forecast_report.hpp"
#include "report/numbers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/result.hpp"

namespace foresight::report {
namespace {

std::string ForecastWarningText(core::ForecastWarning w) {
  switch (w) {
    case core::ForecastWarning::kNothingToForecast:
      return "every value is already the best possible; there is nothing left to forecast";
    case core::ForecastWarning::kUntested:
      return "too few points to test the families on the curve itself: they are weighted "
             "equally and the band is wide";
    case core::ForecastWarning::kWorsens:
      return "the curve is ill-behaved: the metric got worse with more data somewhere, so no "
             "curve family fits it well; the band is widened";
    case core::ForecastWarning::kSpeedsUp:
      return "the curve is ill-behaved: the improvement sped up over the last doubling of "
             "data, which no curve family follows; the forecast may be too pessimistic, and "
             "the band is widened";
    case core::ForecastWarning::kNoTrend:
      return "the values neither clearly rise nor fall with the size (the slope is within two "
             "standard errors of none): the forecast extends noise, and more data of this kind "
             "shows no clear sign of helping";
    case core::ForecastWarning::kAsymptoteUndetermined:
      return "the curve does not say where it levels off: the band for that level is more than "
             "twice as wide as the whole range of the values measured";
  }
  return "";
}

std::vector<std::string> ForecastWarnings(const core::Forecast& f) {
  std::vector<std::string> out;
  for (const core::ForecastWarning w : f.warnings) out.push_back(ForecastWarningText(w));
  return out;
}

// What the forecast left out or simplified, one sentence each.
std::vector<std::string> ForecastNotes(const core::Forecast& f) {
  std::vector<std::string> notes;
  if (f.points_with_stderr > 0) {
    notes.push_back(
        fmt::format("{} of {} points have a standard error; the fit weighs all points equally",
                    f.points_with_stderr, f.points_given));
  }
  for (const std::string& run : f.runs_without_size) {
    notes.push_back(fmt::format("run '{}' records no train size ({}), so it is not on the curve",
                                run, FieldRef("train_size")));
  }
  return notes;
}

using Json = nlohmann::ordered_json;

// A metric value: three significant digits.
std::string ThreeDigits(double v) { return std::isfinite(v) ? fmt::format("{:.3g}", v) : "n/a"; }

// A size in examples, with thousands separators: 12,800.
std::string Size(double v) {
  if (!std::isfinite(v)) return "unbounded";
  if (v >= 1e15) return fmt::format("{:.2g}", v);
  auto digits = std::to_string(static_cast<long long>(std::llround(v)));
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return digits;
}

// How many times the largest size seen: "3.2x".
std::string Times(double size, double largest) {
  const double r = size / largest;
  return r < 10 ? fmt::format("{:.1f}x", r) : fmt::format("{:.0f}x", r);
}

Json BandJson(const core::ForecastBand& b) {
  return {{"estimate", JsonNumber(b.estimate)},
          {"lower", JsonNumber(b.lower)},
          {"upper", JsonNumber(b.upper)}};
}

// The mean value measured at the largest size (several points may share it).
double ValueAtLargest(const core::Forecast& f) {
  double sum = 0;
  int count = 0;
  for (const auto& p : f.points) {
    if (p.size == f.points.back().size) {
      sum += p.value;
      ++count;
    }
  }
  return sum / count;
}

std::string Verdict(const core::Forecast& f) {
  const double largest = f.points.back().size;
  const int band = Percent(f.band);
  std::string out;
  if (!f.predictions.empty()) {
    const core::ForecastAt& far = f.predictions.back();
    out += fmt::format(
        "With {} the data ({} examples), {} should be about {} ({}% band {} to {}); "
        "it is {} at {} examples now.\n",
        Times(far.size, largest), Size(far.size), f.metric == "value" ? "the value" : f.metric,
        ThreeDigits(far.value.estimate), band, ThreeDigits(far.value.lower),
        ThreeDigits(far.value.upper), ThreeDigits(ValueAtLargest(f)), Size(largest));
  }
  const bool undetermined =
      std::find(f.warnings.begin(), f.warnings.end(),
                core::ForecastWarning::kAsymptoteUndetermined) != f.warnings.end();
  if (undetermined) {
    const auto [low, high] =
        std::minmax_element(f.points.begin(), f.points.end(),
                            [](const core::ForecastPoint& a, const core::ForecastPoint& b) {
                              return a.value < b.value;
                            });
    out += fmt::format(
        "Where the curve levels off is not determined: its {}% band runs from {} to {}, wider "
        "than everything measured ({} to {}). Measure more sizes before trusting a level.\n",
        band, ThreeDigits(f.asymptote.lower), ThreeDigits(f.asymptote.upper),
        ThreeDigits(low->value), ThreeDigits(high->value));
  } else {
    out += fmt::format("The curve levels off near {} ({}% band {} to {}).\n",
                       ThreeDigits(f.asymptote.estimate), band, ThreeDigits(f.asymptote.lower),
                       ThreeDigits(f.asymptote.upper));
  }
  if (f.target) {
    const core::ForecastTarget& t = *f.target;
    if (t.already_met) {
      out += fmt::format("The target {} is already met by a point seen.\n", ThreeDigits(t.value));
    } else if (!t.size_needed) {
      out += fmt::format(
          "The target {} is not reachable with this method at {}% confidence: the chance that "
          "more data of this kind ever reaches it is about {}%. Change the method, the data or "
          "the target.\n",
          ThreeDigits(t.value), band, Percent(t.probability_reachable));
    } else {
      const core::ForecastBand& s = *t.size_needed;
      // The pessimistic side may never reach the target within the search range.
      const std::string range =
          std::isfinite(s.upper)
              ? fmt::format("{}% band {} to {}", band, Size(s.lower), Size(s.upper))
              : fmt::format("{}% band: from {}, while the pessimistic side never gets there", band,
                            Size(s.lower));
      if (std::isfinite(s.estimate)) {
        out += fmt::format(
            "The target {} needs about {} the data: {} examples ({}); chance it is reachable "
            "at all: {}%.\n",
            ThreeDigits(t.value), Times(s.estimate, largest), Size(s.estimate), range,
            Percent(t.probability_reachable));
      } else {
        out += fmt::format(
            "The target {} might be reached, but only on the optimistic side of the band (from "
            "{} examples); the central forecast does not reach it. Chance it is reachable at "
            "all: {}%.\n",
            ThreeDigits(t.value), Size(s.lower), Percent(t.probability_reachable));
      }
    }
  }
  return out;
}

}  // namespace

std::string RenderForecastVerdict(const core::Forecast& forecast) { return Verdict(forecast); }

std::string RenderForecastPlot(const core::Forecast& f, int width, int height) {
  if (f.curve.empty() || f.points.empty() || width < 16 || height < 4) return "";
  const double x0 = std::log(f.curve.front().size);
  const double x1 = std::log(f.curve.back().size);
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  const auto extend = [&](double v) {
    if (std::isfinite(v)) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  };
  // The vertical range: the points, the forecast, and its band where it forecasts (beyond
  // the largest size seen); the band over the points seen is drawn only where it fits.
  const double largest = f.points.back().size;
  for (const auto& p : f.points) extend(p.value);
  for (const auto& c : f.curve) {
    extend(c.value.estimate);
    if (c.size >= largest) {
      extend(c.value.lower);
      extend(c.value.upper);
    }
  }
  if (f.target) extend(f.target->value);
  if (!(hi > lo)) hi = lo + 1;
  const auto column = [&](double size) {
    const double t = x1 > x0 ? (std::log(size) - x0) / (x1 - x0) : 0;
    return std::clamp(static_cast<int>(std::lround(t * (width - 1))), 0, width - 1);
  };
  const auto row = [&](double v) {  // row 0 is the top
    const double t = (v - lo) / (hi - lo);
    return std::clamp(static_cast<int>(std::lround((1 - t) * (height - 1))), 0, height - 1);
  };
  std::vector<std::string> grid(static_cast<size_t>(height),
                                std::string(static_cast<size_t>(width), ' '));
  const auto put = [&](int r, int c, char ch) {
    grid[static_cast<size_t>(r)][static_cast<size_t>(c)] = ch;
  };
  // Band and curve, interpolated across every column.
  for (int c = 0; c < width; ++c) {
    const double x = std::exp(x0 + (x1 - x0) * c / std::max(1, width - 1));
    size_t k = 0;
    while (k + 2 < f.curve.size() && f.curve[k + 1].size < x) ++k;
    const auto& a = f.curve[k];
    const auto& b = f.curve[std::min(k + 1, f.curve.size() - 1)];
    const double t = b.size > a.size
                         ? (std::log(x) - std::log(a.size)) / (std::log(b.size) - std::log(a.size))
                         : 0;
    const auto mix = [&](double u, double v) { return u + std::clamp(t, 0.0, 1.0) * (v - u); };
    const int top = row(mix(a.value.upper, b.value.upper));
    const int bottom = row(mix(a.value.lower, b.value.lower));
    for (int r = std::min(top, bottom); r <= std::max(top, bottom); ++r) put(r, c, '.');
    if (f.target) put(row(f.target->value), c, '=');
    put(row(mix(a.value.estimate, b.value.estimate)), c, '-');
  }
  for (const auto& p : f.points) put(row(p.value), column(p.size), 'o');
  std::string out;
  for (int r = 0; r < height; ++r) {
    std::string label;
    if (r == 0) label = ThreeDigits(hi);
    if (r == height - 1) label = ThreeDigits(lo);
    out += fmt::format("{:>9} |{}\n", label, grid[static_cast<size_t>(r)]);
  }
  const std::string left = Size(f.curve.front().size);
  const std::string right = Size(f.curve.back().size);
  out += fmt::format("{:>9} +{}\n", "", std::string(static_cast<size_t>(width), '-'));
  const int gap = std::max(1, width - static_cast<int>(left.size() + right.size()));
  out += fmt::format("{:>9}  {}{}{}  (examples, log scale)\n", "", left,
                     std::string(static_cast<size_t>(gap), ' '), right);
  out += fmt::format("{:>9}  o measured   - forecast   . {}% band{}\n", "", Percent(f.band),
                     f.target ? "   = target" : "");
  return out;
}

std::string RenderForecastText(const core::Forecast& f) {
  std::string out;
  out += fmt::format("Forecast for {}: {} ({} is better), {} points from {} to {} examples\n",
                     f.subject, f.metric, f.higher_is_better ? "higher" : "lower", f.points.size(),
                     Size(f.points.front().size), Size(f.points.back().size));
  if (f.direction_inferred) {
    out += fmt::format(
        "(assumed {} is better, since the values {} as the size grows; say "
        "--{}-is-better if not)\n",
        f.higher_is_better ? "higher" : "lower", f.higher_is_better ? "rise" : "fall",
        f.higher_is_better ? "lower" : "higher");
  }
  out += "\n" + Verdict(f) + "\n";
  const int band = Percent(f.band);
  out += fmt::format("  {:<14} {:>10}  {}\n", "size", f.metric.size() > 10 ? "forecast" : f.metric,
                     fmt::format("{}% band", band));
  for (const auto& p : f.predictions) {
    out += fmt::format("  {:<14} {:>10}  [{}, {}]\n", Size(p.size), ThreeDigits(p.value.estimate),
                       ThreeDigits(p.value.lower), ThreeDigits(p.value.upper));
  }
  out += fmt::format("  {:<14} {:>10}  [{}, {}]\n", "asymptote", ThreeDigits(f.asymptote.estimate),
                     ThreeDigits(f.asymptote.lower), ThreeDigits(f.asymptote.upper));
  out += "\nFamilies, weighted by how well each predicted the curve's own later points:\n  ";
  std::string list;
  size_t shown = 0;
  double rest = 0;
  for (const auto& fam : f.families) {
    if (shown == 6 || fam.weight < 0.05) {
      rest += fam.weight;
      continue;
    }
    list += fmt::format("{}{} {:.2f}", list.empty() ? "" : ", ", fam.name, fam.weight);
    ++shown;
  }
  if (rest > 0.005) list += fmt::format(", others {:.2f}", rest);
  out += (list.empty() ? "(none)" : list) + "\n\n";
  out += RenderForecastPlot(f);
  for (const core::ForecastWarning w : f.warnings) {
    // The verdict above says it already, with the band and the range measured.
    if (w == core::ForecastWarning::kAsymptoteUndetermined) continue;
    out += "warning: " + ForecastWarningText(w) + "\n";
  }
  for (const auto& n : ForecastNotes(f)) out += "note: " + n + "\n";
  return out;
}

std::string RenderForecastJson(const core::Forecast& f) {
  Json points = Json::array();
  for (const auto& p : f.points) {
    points.push_back({{"size", p.size},
                      {"value", p.value},
                      {"stderr", p.standard_error ? Json(*p.standard_error) : Json(nullptr)}});
  }
  Json predictions = Json::array();
  for (const auto& p : f.predictions) {
    predictions.push_back({{"size", p.size},
                           {"estimate", JsonNumber(p.value.estimate)},
                           {"lower", JsonNumber(p.value.lower)},
                           {"upper", JsonNumber(p.value.upper)}});
  }
  Json target = nullptr;
  if (f.target) {
    target = {
        {"value", f.target->value},
        {"size_needed", f.target->size_needed ? BandJson(*f.target->size_needed) : Json(nullptr)},
        {"probability_reachable", f.target->probability_reachable},
        {"already_met", f.target->already_met}};
  }
  Json families = Json::array();
  for (const auto& fam : f.families) {
    families.push_back(
        {{"name", fam.name},
         {"weight", fam.weight},
         {"backtest_error", fam.backtest_error ? Json(*fam.backtest_error) : Json(nullptr)}});
  }
  Json curve = Json::array();
  for (const auto& c : f.curve) {
    curve.push_back({{"size", c.size},
                     {"estimate", JsonNumber(c.value.estimate)},
                     {"lower", JsonNumber(c.value.lower)},
                     {"upper", JsonNumber(c.value.upper)}});
  }
  Json out = {{"version", 1},
              {"subject", f.subject},
              {"metric", f.metric},
              {"higher_is_better", f.higher_is_better},
              {"band", f.band},
              {"points", points},
              {"predictions", predictions},
              {"asymptote", BandJson(f.asymptote)},
              {"target", target},
              {"families", families},
              {"ill_behaved", f.ill_behaved},
              {"warnings", ForecastWarnings(f)},
              {"notes", ForecastNotes(f)},
              {"curve", curve}};
  return out.dump(2) + "\n";
}

}  // namespace foresight::report
