#include "app/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "app/table_input.hpp"
#include "stats/curves/forecast.hpp"
#include "table/table.hpp"

namespace foresight::app {
namespace {

namespace curves = stats::curves;

core::ForecastBand ToCore(const curves::Band& b) { return {b.estimate, b.lower, b.upper}; }

core::ForecastWarning ToCore(curves::ForecastWarning w) {
  switch (w) {
    case curves::ForecastWarning::kNothingToForecast:
      return core::ForecastWarning::kNothingToForecast;
    case curves::ForecastWarning::kUntested:
      return core::ForecastWarning::kUntested;
    case curves::ForecastWarning::kWorsens:
      return core::ForecastWarning::kWorsens;
    case curves::ForecastWarning::kSpeedsUp:
      return core::ForecastWarning::kSpeedsUp;
  }
  return core::ForecastWarning::kUntested;
}

// How the values move with the size: the least-squares slope over log size and its t
// statistic (the slope over its standard error: infinite when the points lie on a line, 0
// when they are flat).
struct Trend {
  double slope = 0;
  double t = 0;
};
Trend TrendOf(const std::vector<curves::CurvePoint>& points) {
  std::vector<double> x;
  x.reserve(points.size());
  for (const auto& p : points) x.push_back(std::log(p.size));
  const auto n = static_cast<double>(points.size());
  double mx = 0;
  double my = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    mx += x[i];
    my += points[i].value;
  }
  mx /= n;
  my /= n;
  double sxx = 0;
  double sxy = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    sxx += (x[i] - mx) * (x[i] - mx);
    sxy += (x[i] - mx) * (points[i].value - my);
  }
  Trend trend;
  if (sxx <= 0) return trend;
  trend.slope = sxy / sxx;
  // A change over the whole curve below rounding is no change.
  const auto [low, high] = std::minmax_element(x.begin(), x.end());
  if (std::fabs(trend.slope) * (*high - *low) <= 1e-12 * std::max(1.0, std::fabs(my))) {
    trend.slope = 0;
    return trend;
  }
  double residual = 0;
  for (size_t i = 0; i < points.size(); ++i) {
    const double error = points[i].value - (my + trend.slope * (x[i] - mx));
    residual += error * error;
  }
  const double se = n > 2 ? std::sqrt(residual / (n - 2) / sxx) : 0;
  trend.t = se > 0 ? trend.slope / se
                   : std::copysign(std::numeric_limits<double>::infinity(), trend.slope);
  return trend;
}

// A slope within this many standard errors of 0 is no clear trend.
constexpr double kClearTrend = 2;
// An asymptote band wider than this many times the range of the values measured is not
// determined by them.
constexpr double kAsymptoteBandOverRange = 2;

// Runs the forecaster on points and fills the plain result.
Result<core::Forecast> Run(std::vector<curves::CurvePoint> points, std::string subject,
                           std::string metric, std::optional<bool> higher_is_better,
                           std::optional<double> best, const ForecastSettings& settings) {
  core::Forecast f;
  f.subject = std::move(subject);
  f.metric = std::move(metric);
  f.direction_inferred = !higher_is_better.has_value();
  const Trend trend = TrendOf(points);
  const bool clear_trend = std::fabs(trend.t) >= kClearTrend;
  if (!higher_is_better && !clear_trend) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the values neither clearly rise nor fall as the size grows (a slope "
                            "of {:.3g} per doubling, {:.2g} standard errors from none), so which "
                            "way is better cannot be read from them; say it with {} or {}",
                            trend.slope * std::log(2.0), std::fabs(trend.t),
                            FieldRef("lower_is_better"), FieldRef("higher_is_better")));
  }
  f.higher_is_better = higher_is_better.value_or(trend.slope > 0);
  f.band = settings.band;
  curves::ForecastOptions options;
  options.lower_is_better = !f.higher_is_better;
  options.best = best;
  options.at = settings.at;
  options.target = settings.target;
  options.band = settings.band;
  auto result = curves::Forecast(points, options);
  if (!result) return Fail(result.error());
  for (const auto& p : points) f.points.push_back({p.size, p.value, p.stderr_});
  std::sort(
      f.points.begin(), f.points.end(),
      [](const core::ForecastPoint& a, const core::ForecastPoint& b) { return a.size < b.size; });
  for (const auto& p : result->predictions) f.predictions.push_back({p.size, ToCore(p.value)});
  for (const auto& p : result->curve) f.curve.push_back({p.size, ToCore(p.value)});
  f.asymptote = ToCore(result->asymptote);
  if (result->target) {
    core::ForecastTarget t;
    t.value = result->target->value;
    if (result->target->size_needed) t.size_needed = ToCore(*result->target->size_needed);
    t.probability_reachable = result->target->probability_reachable;
    t.already_met = result->target->already_met;
    f.target = t;
  }
  for (const auto& fam : result->families) {
    f.families.push_back({fam.name, fam.weight,
                          std::isfinite(fam.backtest_error)
                              ? std::optional<double>(fam.backtest_error)
                              : std::nullopt});
  }
  f.ill_behaved = result->ill_behaved;
  for (const curves::ForecastWarning w : result->warnings) f.warnings.push_back(ToCore(w));
  const bool nothing_to_forecast =
      std::find(f.warnings.begin(), f.warnings.end(), core::ForecastWarning::kNothingToForecast) !=
      f.warnings.end();
  if (!clear_trend && !nothing_to_forecast) f.warnings.push_back(core::ForecastWarning::kNoTrend);
  const auto [low, high] = std::minmax_element(
      f.points.begin(), f.points.end(),
      [](const core::ForecastPoint& a, const core::ForecastPoint& b) { return a.value < b.value; });
  const double range = high->value - low->value;
  if (!nothing_to_forecast &&
      !(f.asymptote.upper - f.asymptote.lower <= kAsymptoteBandOverRange * range)) {
    f.warnings.push_back(core::ForecastWarning::kAsymptoteUndetermined);
  }
  return f;
}

}  // namespace

Result<ForecastOutcome> ForecastFromFile(const std::string& path,
                                         const ForecastSettings& settings) {
  auto file = LoadTable(path);
  if (!file) return Fail(file.error());
  return ForecastFromSource(std::move(*file), table::FormatForPath(path), settings);
}

Result<ForecastOutcome> ForecastFromSource(std::unique_ptr<SourceFile> file,
                                           table::TableFormat format,
                                           const ForecastSettings& settings) {
  ForecastOutcome outcome;
  outcome.file = std::move(file);
  const SourceFile& src = *outcome.file;
  const std::string path(src.path());
  diag::DiagnosticSink sink;
  std::optional<table::Table> t = table::ReadTable(src, format, sink);
  auto& out = outcome.diagnostics;
  if (!t) {
    out = sink.diagnostics();
    return outcome;
  }
  const auto size_col = RequireColumn(*t, src, "size", "the points file's format", out);
  const auto value_col = RequireColumn(*t, src, "value", "the points file's format", out);
  const std::optional<size_t> se_col = t->Column("stderr");
  if (!out.empty()) return outcome;
  if (t->rows() == 0) {
    out.push_back(FileProblem(src, "the file has a header but no points",
                              "add one row per measured point: size,value[,stderr]"));
    return outcome;
  }
  RowProblems bad_size("with a size that is not a number of examples (2 or more)",
                       "sizes are training-set sizes, such as 1000");
  RowProblems bad_value("with a value that is not a finite number",
                        "write the metric as a plain number, such as 0.87");
  RowProblems bad_se("with a standard error that is not a finite number >= 0",
                     "leave the stderr cell empty when it is not known");
  std::vector<curves::CurvePoint> points;
  for (size_t r = 0; r < t->rows(); ++r) {
    const auto size = table::ParseNumber(t->Cell(r, *size_col));
    const auto value = table::ParseNumber(t->Cell(r, *value_col));
    bool ok = true;
    if (!size || !std::isfinite(*size) || *size < 2) {
      bad_size.Add(t->CellOffset(r, *size_col), fmt::format("'{}'", t->Cell(r, *size_col)));
      ok = false;
    }
    if (!value || !std::isfinite(*value)) {
      bad_value.Add(t->CellOffset(r, *value_col), fmt::format("'{}'", t->Cell(r, *value_col)));
      ok = false;
    }
    std::optional<double> se;
    if (se_col && !t->Cell(r, *se_col).empty() && !t->IsNull(r, *se_col)) {
      se = table::ParseNumber(t->Cell(r, *se_col));
      if (!se || !std::isfinite(*se) || *se < 0) {
        bad_se.Add(t->CellOffset(r, *se_col), fmt::format("'{}'", t->Cell(r, *se_col)));
        ok = false;
      }
    }
    if (ok) points.push_back({*size, *value, se});
  }
  bad_size.Report(src, out);
  bad_value.Report(src, out);
  bad_se.Report(src, out);
  if (!out.empty()) return outcome;
  // Standard errors count only when every point has one; say so when some are missing.
  const auto with_se = std::count_if(points.begin(), points.end(), [](const curves::CurvePoint& p) {
    return p.stderr_.has_value();
  });
  size_t partial_stderr = 0;
  size_t given = 0;
  if (with_se > 0 && static_cast<size_t>(with_se) < points.size()) {
    partial_stderr = static_cast<size_t>(with_se);
    given = points.size();
    for (auto& p : points) p.stderr_.reset();
  }
  auto forecast =
      Run(std::move(points), path, "value", settings.higher_is_better, std::nullopt, settings);
  if (!forecast) return Fail(forecast.error().WithContext(path));
  forecast->points_with_stderr = partial_stderr;
  forecast->points_given = given;
  outcome.forecast = std::move(*forecast);
  return outcome;
}

Result<core::Forecast> ForecastFromCurve(const MethodCurve& curve,
                                         const ForecastSettings& settings) {
  std::vector<curves::CurvePoint> points;
  for (const RunMeasurement& m : curve.points) {
    points.push_back({static_cast<double>(m.train_size), m.estimate, m.standard_error});
  }
  ForecastSettings s = settings;
  if (!s.target) s.target = curve.target;
  // Stored metrics have a known direction and best value (unless the user overrides the
  // direction, when the best value is left to the forecaster).
  const bool higher = settings.higher_is_better.value_or(curve.higher_is_better);
  const std::optional<double> best =
      higher == curve.higher_is_better ? std::optional<double>(curve.best) : std::nullopt;
  auto forecast =
      Run(std::move(points), fmt::format("method '{}' on '{}'", curve.method, curve.evalset),
          curve.metric, higher, best, s);
  if (!forecast) {
    return Fail(forecast.error().WithContext(fmt::format("forecasting method '{}'", curve.method)));
  }
  forecast->runs_without_size = curve.runs_without_size;
  return forecast;
}

Result<ForecastOutcome> ForecastFromMethod(store::Store& store, const std::string& method,
                                           const std::optional<std::string>& metric,
                                           const CurveRuns& runs, const ForecastSettings& settings,
                                           const EvidenceOptions& evidence,
                                           const std::optional<Criteria>& criteria) {
  auto curve = MeasureMethod(store, method, metric, runs, evidence, criteria);
  if (!curve) return Fail(curve.error());
  auto forecast = ForecastFromCurve(*curve, settings);
  if (!forecast) return Fail(forecast.error());
  ForecastOutcome outcome;
  outcome.forecast = std::move(*forecast);
  return outcome;
}

}  // namespace foresight::app
