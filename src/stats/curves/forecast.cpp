#include "stats/curves/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "stats/curves/fit.hpp"
#include "stats/distributions.hpp"

namespace foresight::stats::curves {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Backtests extrapolate from the points up to 1/h of the largest size, for these h.
constexpr double kBacktestHorizons[] = {2, 4, 8};
// The local fits use the points of the last 1.5 doublings of size (at least 5 sizes).
constexpr double kLocalWindow = 2.83;
// The share of the families' disagreement that counts in the band. The disagreement
// overstates the uncertainty (a family that extrapolates badly also gets little weight);
// two fifths of it calibrate the 80% band to about 80% on LCDB's curves (PERFORMANCE.md).
constexpr double kSpreadShare = 0.4;
// Changes in the curve smaller than this share of the worst loss seen are not flagged.
constexpr double kNegligible = 0.01;
// How many of the most weighted models are refitted on half-samples of the points.
constexpr size_t kResampledModels = 3;
// How far the size-needed search looks: up to this multiple of the largest size seen.
constexpr double kSearchLimit = 1e4;

// The points as a scaled loss over sizes relative to the largest, and the way back.
struct Frame {
  bool lower_is_better = true;
  double best = 0;   // metric value of loss 0
  double scale = 1;  // metric units per unit of scaled loss
  double x_ref = 1;  // the largest size seen
  double worst = 0;  // the worst loss seen, in metric units (0: every value is the best)
  double ToLoss(double value) const {
    return (lower_is_better ? value - best : best - value) / scale;
  }
  double ToMetric(double loss) const {
    return lower_is_better ? best + loss * scale : best - loss * scale;
  }
  // A band in loss units to metric units (a lower loss is a better metric).
  Band ToMetric(double estimate, double low_loss, double high_loss) const {
    const double a = ToMetric(low_loss);
    const double b = ToMetric(high_loss);
    return {ToMetric(estimate), std::min(a, b), std::max(a, b)};
  }
};

// A fitted model: one family's parameters, or the last value.
struct Model {
  const Family* family = nullptr;  // null: the "last value" baseline
  Params params{};
  double last = 0;   // the baseline's loss
  size_t id = 0;     // which candidate: 0 the baseline, then families, then local fits
  double u_min = 0;  // a local fit says nothing below its window: NaN there (left out)
  double Predict(double u, double x) const {
    if (family == nullptr) return last;
    if (u < u_min) return std::nan("");
    return std::max(0.0, family->value(u, x, params.data()));
  }
  bool IsLocal() const { return u_min > 0; }
  double Asymptote() const {
    if (family == nullptr) return last;
    return family->asymptote(params.data());
  }
};

// The mean of `values` (one per point) over the points at the largest size among the
// first n (several points may share it).
double MeanAtLargest(const CurveData& data, std::span<const double> values, size_t n) {
  double sum = 0;
  size_t count = 0;
  for (size_t i = n; i-- > 0 && data.u[i] == data.u[n - 1];) {
    sum += values[i];
    ++count;
  }
  return sum / static_cast<double>(count);
}

size_t DistinctSizes(const CurveData& data, size_t n) {
  size_t distinct = 0;
  for (size_t i = 0; i < n; ++i) distinct += (i == 0 || data.u[i] != data.u[i - 1]) ? 1U : 0U;
  return distinct;
}

// Families also fitted on the recent part of the curve only (the last few doublings):
// curves whose early part follows another law extrapolate better from their recent part.
const char* const kLocalFamilies[] = {"pow3", "log2", "pow4", "mmf4"};

// The first n points' recent part: the last kLocalWindow of sizes, widened backwards until
// it holds at least 5 distinct sizes.
CurveData RecentPoints(const CurveData& data, size_t n) {
  size_t begin = n;
  size_t sizes_in = 0;
  while (begin > 0) {
    const bool new_size = begin == n || data.u[begin - 1] != data.u[begin];
    if (data.u[begin - 1] < data.u[n - 1] / kLocalWindow && sizes_in >= 5 && new_size) break;
    sizes_in += new_size ? 1U : 0U;
    --begin;
  }
  CurveData recent;
  for (size_t i = begin; i < n; ++i) {
    recent.u.push_back(data.u[i]);
    recent.x.push_back(data.x[i]);
    recent.y.push_back(data.y[i]);
    recent.weight.push_back(data.weight[i]);
  }
  return recent;
}

// Fits every family (that has fewer parameters than the distinct sizes among the first
// n points), the baseline, and the local families on the recent points. Index 0 is the
// baseline; a model's id says which candidate it is whether or not the others fitted.
std::vector<Model> FitAll(const CurveData& data, size_t n) {
  std::vector<Model> models;
  models.push_back({nullptr, {}, MeanAtLargest(data, data.y, n), 0});
  const size_t distinct = DistinctSizes(data, n);
  size_t id = 1;
  for (const Family& f : Families()) {
    const size_t this_id = id++;
    if (f.params >= distinct) continue;
    const FitResult fit = Fit(f, data, n);
    if (fit.ok) models.push_back({&f, fit.params, 0, this_id, 0});
  }
  const CurveData recent = RecentPoints(data, n);
  const size_t recent_distinct = DistinctSizes(recent, recent.size());
  for (const char* name : kLocalFamilies) {
    const Family& f = *FindFamily(name);
    const size_t this_id = id++;
    if (f.params >= recent_distinct || recent_distinct < 4) continue;
    const FitResult fit = Fit(f, recent, recent.size());
    if (fit.ok) models.push_back({&f, fit.params, 0, this_id, recent.u.front()});
  }
  return models;
}

// How far a prediction misses the points in the last half-doubling of sizes (the "truth"
// a backtest predicts): |mean prediction - mean loss| over those points. NaN when the
// prediction is not finite there.
template <typename Predict>
double ErrorOnTail(const CurveData& data, Predict predict) {
  const double u_last = data.u.back();
  double truth = 0;
  double predicted = 0;
  size_t count = 0;
  for (size_t i = 0; i < data.size(); ++i) {
    if (data.u[i] < u_last / std::sqrt(2.0)) continue;
    truth += data.y[i];
    predicted += predict(data.u[i], data.x[i]);
    ++count;
  }
  return std::abs(predicted - truth) / static_cast<double>(count);  // count >= 1: the last point
}

double WeightedMean(std::span<const double> values, std::span<const double> weights) {
  double sum = 0;
  double total = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (weights[i] <= 0 || !std::isfinite(values[i])) continue;
    sum += weights[i] * values[i];
    total += weights[i];
  }
  return total > 0 ? sum / total : std::nan("");
}

double WeightedSd(std::span<const double> values, std::span<const double> weights, double mean) {
  double sum = 0;
  double total = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (weights[i] <= 0 || !std::isfinite(values[i])) continue;
    sum += weights[i] * (values[i] - mean) * (values[i] - mean);
    total += weights[i];
  }
  return total > 0 ? std::sqrt(sum / total) : 0;
}

// --- Stage 1: inputs no forecast can come from ---------------------------------------------

Status CheckInputs(std::span<const CurvePoint> points, const ForecastOptions& options) {
  if (!(options.band > 0 && options.band < 1)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the band must be between 0 and 1 (exclusive), got {}", options.band));
  }
  for (size_t i = 0; i < points.size(); ++i) {
    const CurvePoint& p = points[i];
    if (!std::isfinite(p.size) || p.size < 2) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("point {}: the size must be a number of examples, at least 2; got {}",
                              i + 1, p.size));
    }
    if (!std::isfinite(p.value)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("point {}: the value is not a finite number ({})", i + 1, p.value));
    }
    if (p.stderr_ && (!std::isfinite(*p.stderr_) || *p.stderr_ < 0)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("point {}: the standard error must be a finite number >= 0; got {}",
                              i + 1, *p.stderr_));
    }
  }
  for (const double s : options.at) {
    if (!std::isfinite(s) || s < 2) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("sizes to forecast must be at least 2; got {}", s));
    }
  }
  if (options.target && !std::isfinite(*options.target)) {
    return Fail(ErrorCode::kInvalidArgument, "the target must be a finite number");
  }
  return {};
}

// The points by size (stably: points of one size keep their order); fails with fewer than 3
// distinct sizes.
Result<std::vector<CurvePoint>> SortBySize(std::span<const CurvePoint> points) {
  std::vector<CurvePoint> sorted(points.begin(), points.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const CurvePoint& a, const CurvePoint& b) { return a.size < b.size; });
  size_t distinct = 0;
  for (size_t i = 0; i < sorted.size(); ++i) {
    distinct += (i == 0 || sorted[i].size != sorted[i - 1].size) ? 1U : 0U;
  }
  if (distinct < 3) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("a forecast needs points at 3 or more different sizes; got {}", distinct));
  }
  return sorted;
}

// --- Stage 2: the frame and the points in it ----------------------------------------------

// Loss 0 at the best value (given, or the metric's natural bound, or beyond the points),
// scaled so the worst loss seen is 1. Fails when a value is better than the best.
Result<Frame> MakeFrame(const std::vector<CurvePoint>& sorted, const ForecastOptions& options) {
  Frame frame;
  frame.lower_is_better = options.lower_is_better;
  double lo = kInf;
  double hi = -kInf;
  for (const CurvePoint& p : sorted) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  const double range = hi > lo ? hi - lo : std::max(std::abs(hi), 1.0) * 0.1;
  if (options.best) {
    frame.best = *options.best;
  } else if (options.lower_is_better) {
    frame.best = lo >= 0 ? 0 : lo - range;
  } else {
    frame.best = hi <= 1 ? 1 : hi + range;
  }
  frame.x_ref = sorted.back().size;
  for (const CurvePoint& p : sorted) {
    const double loss = options.lower_is_better ? p.value - frame.best : frame.best - p.value;
    if (loss < -1e-12 * std::max(1.0, std::abs(frame.best))) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("a value ({}) is better than the best possible value ({}); check "
                              "--lower-is-better / --higher-is-better",
                              p.value, frame.best));
    }
    frame.worst = std::max(frame.worst, loss);
  }
  frame.scale = frame.worst > 0 ? frame.worst : 1;
  return frame;
}

// The points in the frame: sizes as fractions of the largest, values as scaled losses.
struct FramedPoints {
  CurveData data;
  std::vector<double> stderrs;  // the scaled standard errors of the points that have one
  bool AllHaveStderr() const { return stderrs.size() == data.size(); }
};

// Weights from the standard errors (when every point has one), floored at a tenth of their
// median so that one point reported with an error of 0 cannot take over the fit; normalised
// to mean 1. Else all 1.
std::vector<double> PointWeights(const FramedPoints& points) {
  if (!points.AllHaveStderr()) return std::vector<double>(points.data.size(), 1);
  std::vector<double> copy = points.stderrs;
  std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(copy.size() / 2),
                   copy.end());
  const double floor = std::max(copy[copy.size() / 2], 1e-6);
  std::vector<double> weight;
  double total = 0;
  for (const double se : points.stderrs) {
    weight.push_back(1 / std::pow(std::max(se, floor), 2));
    total += weight.back();
  }
  for (double& w : weight) w *= static_cast<double>(weight.size()) / total;
  return weight;
}

FramedPoints ToFrame(const std::vector<CurvePoint>& sorted, const Frame& frame) {
  FramedPoints out;
  for (const CurvePoint& p : sorted) {
    out.data.u.push_back(p.size / frame.x_ref);
    out.data.x.push_back(p.size);
    out.data.y.push_back(std::max(0.0, frame.ToLoss(p.value)));
    if (p.stderr_) out.stderrs.push_back(*p.stderr_ / frame.scale);
  }
  out.data.weight = PointWeights(out);
  return out;
}

// --- Stage 3: the ensemble, weighted by backtests -----------------------------------------

// Every model fitted on the points up to 1/h of the largest size.
struct Backtest {
  double horizon;
  std::vector<Model> models;
};

// The backtests, for each horizon as long as the prefix holds 3 or more distinct sizes.
std::vector<Backtest> FitBacktests(const CurveData& data) {
  const size_t n = data.size();
  std::vector<Backtest> backtests;
  for (const double h : kBacktestHorizons) {
    size_t cut = 0;
    while (cut < n && data.u[cut] <= data.u.back() / h) ++cut;
    if (DistinctSizes(data, cut) < 3) break;
    backtests.push_back({h, FitAll(data, cut)});
  }
  return backtests;
}

// Per model of `models`, the mean error of its backtests (its candidate's fits on
// prefixes); +inf when it has none.
std::vector<double> BacktestScores(const CurveData& data, const std::vector<Model>& models,
                                   const std::vector<Backtest>& backtests) {
  std::vector<double> error_sum(models.size(), 0);
  std::vector<size_t> error_count(models.size(), 0);
  for (const Backtest& bt : backtests) {
    for (const Model& m : bt.models) {
      const double e = ErrorOnTail(data, [&m](double u, double x) { return m.Predict(u, x); });
      if (!std::isfinite(e)) continue;
      for (size_t k = 0; k < models.size(); ++k) {
        if (models[k].id == m.id) {
          error_sum[k] += e;
          ++error_count[k];
        }
      }
    }
  }
  std::vector<double> score(models.size(), kInf);
  for (size_t k = 0; k < models.size(); ++k) {
    if (error_count[k] == 0) continue;
    score[k] = error_sum[k] / static_cast<double>(error_count[k]);
  }
  return score;
}

// Weights (summing to 1) by out-of-sample skill: 1 / (score + 5% of the best score); equal
// weights when no model has a score (the curve is too short to backtest).
std::vector<double> SkillWeights(const std::vector<double>& score) {
  std::vector<double> weights(score.size(), 0);
  double best_score = kInf;
  for (const double s : score) best_score = std::min(best_score, s);
  if (std::isfinite(best_score)) {
    const double eps = 0.05 * best_score + 1e-9;
    for (size_t k = 0; k < score.size(); ++k) weights[k] = 1 / (score[k] + eps);
  } else {
    std::fill(weights.begin(), weights.end(), 1.0);
  }
  const double weight_total = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (double& w : weights) w /= weight_total;
  return weights;
}

// The weighted mean of the models' predictions at (u, x).
double EnsembleAt(const std::vector<Model>& models, const std::vector<double>& weights, double u,
                  double x) {
  std::vector<double> values(models.size());
  for (size_t k = 0; k < models.size(); ++k) values[k] = models[k].Predict(u, x);
  return WeightedMean(values, weights);
}

// The models fitted on all points, their weights and backtest scores.
struct Ensemble {
  std::vector<Model> models;
  std::vector<double> weights;
  std::vector<double> score;  // mean backtest error in loss units; +inf: not backtested
  std::vector<Backtest> backtests;
  bool Backtested() const {
    return std::any_of(score.begin(), score.end(), [](double s) { return std::isfinite(s); });
  }
};

Ensemble FitEnsemble(const CurveData& data) {
  Ensemble e;
  e.models = FitAll(data, data.size());
  e.backtests = FitBacktests(data);
  e.score = BacktestScores(data, e.models, e.backtests);
  e.weights = SkillWeights(e.score);
  return e;
}

// --- Stage 4: what the band is made of ----------------------------------------------------

// The ensemble's own backtest error per doubling of extrapolation (root mean square over
// the backtests). Without backtests: a tenth of the curve's range per doubling, a
// deliberately wide guess.
double ExtrapolationRate(const CurveData& data, const Ensemble& ensemble) {
  double rate_sq = 0;
  size_t rate_count = 0;
  for (const Backtest& bt : ensemble.backtests) {
    // Each backtest model weighs what its candidate weighs in the ensemble.
    std::vector<double> ws(bt.models.size(), 0);
    for (size_t j = 0; j < bt.models.size(); ++j) {
      for (size_t k = 0; k < ensemble.models.size(); ++k) {
        if (ensemble.models[k].id == bt.models[j].id) ws[j] = ensemble.weights[k];
      }
    }
    const double e =
        ErrorOnTail(data, [&](double u, double x) { return EnsembleAt(bt.models, ws, u, x); });
    if (!std::isfinite(e)) continue;
    const double per_doubling = e / std::log2(bt.horizon);
    rate_sq += per_doubling * per_doubling;
    ++rate_count;
  }
  return rate_count > 0 ? std::sqrt(rate_sq / static_cast<double>(rate_count)) : 0.1;
}

// The noise of a point at the largest size: its standard error when every point has one,
// else the residual spread of the ensemble on the points seen.
double MeasurementNoise(const FramedPoints& points, const Ensemble& ensemble) {
  const CurveData& data = points.data;
  const size_t n = data.size();
  if (points.AllHaveStderr()) return MeanAtLargest(data, points.stderrs, n);
  double residual_sq = 0;
  for (size_t i = 0; i < n; ++i) {
    const double r =
        data.y[i] - EnsembleAt(ensemble.models, ensemble.weights, data.u[i], data.x[i]);
    residual_sq += r * r;
  }
  return std::sqrt(residual_sq / static_cast<double>(n));
}

// A resampling of the points: the most weighted models (up to kResampledModels, not the
// baseline) refitted on each half of the points (alternate sizes), started from their fit
// on all. Two half-sample fits differ by about twice the standard deviation of the fit on
// all points (var(even - odd) = 2 var(half) = 4 var(all)), so their gap measures how much
// the points' noise moves each model's forecast.
struct HalfFits {
  double weight;
  Model even;
  Model odd;
};

std::vector<HalfFits> FitHalves(const CurveData& data, const Ensemble& ensemble) {
  const std::vector<Model>& models = ensemble.models;
  const std::vector<double>& weights = ensemble.weights;
  std::vector<size_t> order(models.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return weights[a] > weights[b]; });
  std::vector<HalfFits> halves;
  for (const size_t k : order) {
    if (halves.size() == kResampledModels) break;
    const Model& m = models[k];
    if (m.family == nullptr || weights[k] <= 0) continue;
    CurveData half[2];
    for (size_t i = 0; i < data.size(); ++i) {
      if (data.u[i] < m.u_min) continue;
      CurveData& h = half[i % 2];
      h.u.push_back(data.u[i]);
      h.x.push_back(data.x[i]);
      h.y.push_back(data.y[i]);
      h.weight.push_back(data.weight[i]);
    }
    if (DistinctSizes(half[0], half[0].size()) <= m.family->params ||
        DistinctSizes(half[1], half[1].size()) <= m.family->params) {
      continue;
    }
    const FitResult even = FitFrom(*m.family, half[0], half[0].size(), m.params, 30);
    const FitResult odd = FitFrom(*m.family, half[1], half[1].size(), m.params, 30);
    if (!even.ok || !odd.ok) continue;
    HalfFits hf{weights[k], m, m};
    hf.even.params = even.params;
    hf.odd.params = odd.params;
    halves.push_back(hf);
  }
  return halves;
}

// The resampling's standard deviation of the forecast at (u, x), weighted over models.
double ResampleSd(const std::vector<HalfFits>& halves, double u, double x) {
  double sum = 0;
  double total = 0;
  for (const HalfFits& h : halves) {
    const double gap = h.even.Predict(u, x) - h.odd.Predict(u, x);
    if (!std::isfinite(gap)) continue;
    sum += h.weight * gap * gap / 4;
    total += h.weight;
  }
  return total > 0 ? std::sqrt(sum / total) : 0.0;
}

// --- Stage 5: curves no family follows ----------------------------------------------------

// The noise of a point: its standard error when given (the median), else estimated from
// the differences between neighbouring points (their median absolute value is 0.954 sigma
// for Gaussian noise).
double TypicalPointNoise(const FramedPoints& points) {
  const CurveData& data = points.data;
  std::vector<double> spread;
  if (points.AllHaveStderr()) {
    spread = points.stderrs;
  } else {
    for (size_t i = 1; i < data.size(); ++i) {
      spread.push_back(std::abs(data.y[i] - data.y[i - 1]) / 0.954);
    }
  }
  std::nth_element(spread.begin(), spread.begin() + static_cast<std::ptrdiff_t>(spread.size() / 2),
                   spread.end());
  return spread[spread.size() / 2];
}

// The loss rises by more than `tolerance` over a doubling or more of data.
bool Worsens(const CurveData& data, double tolerance) {
  for (size_t i = 0; i < data.size(); ++i) {
    for (size_t j = i + 1; j < data.size(); ++j) {
      if (data.u[j] >= 2 * data.u[i] && data.y[j] - data.y[i] > tolerance) return true;
    }
  }
  return false;
}

// The last doubling of data gained more than the one before, by more than the noise allows
// (and by at least kNegligible); needs 4 sizes spanning two doublings.
bool SpeedsUp(const CurveData& data, double point_noise) {
  // The loss at size fraction u, interpolated in log size between per-size means.
  const size_t n = data.size();
  std::vector<double> us;
  std::vector<double> means;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    double sum = 0;
    while (j < n && data.u[j] == data.u[i]) sum += data.y[j++];
    us.push_back(data.u[i]);
    means.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  const auto loss_at = [&](double u) {
    size_t k = 1;
    while (k + 1 < us.size() && us[k] < u) ++k;
    const double t = (std::log(u) - std::log(us[k - 1])) / (std::log(us[k]) - std::log(us[k - 1]));
    return means[k - 1] + t * (means[k] - means[k - 1]);
  };
  const double last = us.back();
  if (us.size() < 4 || us.front() > last / 4) return false;
  const double recent_gain = loss_at(last / 2) - means.back();
  const double earlier_gain = loss_at(last / 4) - loss_at(last / 2);
  return recent_gain - earlier_gain > std::max(3 * std::sqrt(2.0) * point_noise, kNegligible);
}

// Ill-behaved curves, which no family can follow: the loss rises by more than three noise
// levels (and at least 1% of the worst loss seen: a rise too small to matter is not worth a
// warning, however precise the points) over a doubling or more of data; or, the other way
// (not convex), the improvement speeds up at the end, so the forecast may be too pessimistic.
// Returns kWorsens or kSpeedsUp, or nothing for a well-behaved curve.
std::optional<ForecastWarning> FindIrregularity(const FramedPoints& points) {
  const double point_noise = TypicalPointNoise(points);
  if (Worsens(points.data, std::max(3 * point_noise, kNegligible))) {
    return ForecastWarning::kWorsens;
  }
  if (SpeedsUp(points.data, point_noise)) return ForecastWarning::kSpeedsUp;
  return std::nullopt;
}

// --- Stage 6: the ensemble and its band at any size ---------------------------------------

struct Prediction {
  double mean;  // in loss units
  double low;
  double high;
  double sigma;
};

// The band at size s combines part of the models' disagreement, the ensemble's backtest
// error grown with the extrapolation's doublings, the half-sample fits' spread and the noise
// of a point, widened for an ill-behaved curve.
struct Predictor {
  const Ensemble& ensemble;
  std::vector<HalfFits> halves;
  double rate = 0;   // backtest error per doubling
  double noise = 0;  // of a point
  double widen = 1;
  double z = 0;  // the band's normal quantile
  double x_ref = 1;

  Prediction At(double x) const {
    const double u = x / x_ref;
    const std::vector<Model>& models = ensemble.models;
    std::vector<double> values(models.size());
    for (size_t k = 0; k < models.size(); ++k) values[k] = models[k].Predict(u, x);
    const double mean = WeightedMean(values, ensemble.weights);
    const double spread = WeightedSd(values, ensemble.weights, mean);
    const double doublings = std::max(0.0, std::log2(u));
    const double resampled = ResampleSd(halves, u, x);
    const double sigma =
        widen * std::sqrt(std::pow(kSpreadShare * spread, 2) + std::pow(rate * doublings, 2) +
                          noise * noise + resampled * resampled);
    return {mean, std::max(0.0, mean - z * sigma), mean + z * sigma, sigma};
  }
};

// The forecasts at `sizes`, and the curve (41 sizes, evenly in log size) from the smallest
// size seen to the largest of `sizes` and the sizes seen.
void Predict(const Predictor& predictor, const Frame& frame, double x_first,
             const std::vector<double>& sizes, ForecastResult& result) {
  for (const double s : sizes) {
    const Prediction p = predictor.At(s);
    result.predictions.push_back({s, frame.ToMetric(p.mean, p.low, p.high)});
  }
  const double x_plot_end = std::max(*std::max_element(sizes.begin(), sizes.end()), frame.x_ref);
  for (int k = 0; k <= 40; ++k) {
    const double s = x_first * std::pow(x_plot_end / x_first, k / 40.0);
    const Prediction p = predictor.At(s);
    result.curve.push_back({s, frame.ToMetric(p.mean, p.low, p.high)});
  }
}

// --- Stage 7: the asymptote and the size a target needs -----------------------------------

struct Limit {
  double loss;  // the estimate, in loss units
  double sigma;
  double low;
  double high;
};

// What each model reaches with practically unlimited data of this kind (its limit, or for a
// model that improves forever, like log2, its value at the end of the search range,
// kSearchLimit x the largest size, cut at the best possible value), weighted. So it is never
// above a forecast at a finite size, as a limit must not be. Its band: as at 100x the largest
// size, or wider if the models' limits disagree more.
Limit Asymptote(const Predictor& predictor) {
  const std::vector<Model>& models = predictor.ensemble.models;
  const std::vector<double>& weights = predictor.ensemble.weights;
  std::vector<double> limits(models.size());
  const double x_end = kSearchLimit * predictor.x_ref;
  for (size_t k = 0; k < models.size(); ++k) {
    const double a = models[k].Asymptote();
    limits[k] =
        std::isfinite(a) ? std::max(0.0, a) : models[k].Predict(x_end / predictor.x_ref, x_end);
  }
  const double limit = std::max(0.0, WeightedMean(limits, weights));
  const double limit_spread = WeightedSd(limits, weights, limit);
  const Prediction far = predictor.At(100 * predictor.x_ref);
  const double sigma = std::max(far.sigma, predictor.widen * kSpreadShare * limit_spread);
  return {limit, sigma, std::max(0.0, limit - predictor.z * sigma), limit + predictor.z * sigma};
}

// The first size (quarter-doubling steps from x_ref, then bisection) where curve_at(size)
// reaches `target_loss`; +inf when it does not within kSearchLimit x x_ref.
template <typename CurveAt>
double FirstReaching(CurveAt curve_at, double target_loss, double x_ref) {
  double lo_x = x_ref;
  if (curve_at(lo_x) <= target_loss) return lo_x;
  for (double step = std::pow(2.0, 0.25); lo_x < kSearchLimit * x_ref; lo_x *= step) {
    const double hi_x = lo_x * step;
    if (curve_at(hi_x) > target_loss) continue;
    double a = lo_x;
    double b = hi_x;
    for (int it = 0; it < 40; ++it) {
      const double mid = std::sqrt(a * b);
      (curve_at(mid) <= target_loss ? b : a) = mid;
    }
    return b;
  }
  return kInf;
}

// Whether the points meet `target` already, how likely the asymptote reaches it, and the size
// needed (when the band's optimistic side reaches it within the search range).
TargetAnswer AnswerTarget(double target, const Predictor& predictor, const Frame& frame,
                          const CurveData& data, const Limit& limit) {
  TargetAnswer answer;
  answer.value = target;
  const double target_loss = frame.ToLoss(target);
  double best_seen = kInf;
  for (const double y : data.y) best_seen = std::min(best_seen, y);
  answer.already_met = best_seen <= target_loss;
  answer.probability_reachable = limit.sigma > 0
                                     ? NormalCdf((target_loss - limit.loss) / limit.sigma)
                                     : (limit.loss <= target_loss ? 1.0 : 0.0);
  const double x_ref = frame.x_ref;
  const double at_estimate =
      FirstReaching([&](double x) { return predictor.At(x).mean; }, target_loss, x_ref);
  const double at_optimistic =
      FirstReaching([&](double x) { return predictor.At(x).low; }, target_loss, x_ref);
  const double at_pessimistic =
      FirstReaching([&](double x) { return predictor.At(x).high; }, target_loss, x_ref);
  if (limit.low <= target_loss && std::isfinite(at_optimistic)) {
    answer.size_needed = Band{at_estimate, at_optimistic, at_pessimistic};
  }
  return answer;
}

// Each model's name, weight and backtest error in metric units, by weight, descending.
std::vector<FamilyWeight> FamilyWeights(const Ensemble& ensemble, const Frame& frame) {
  std::vector<FamilyWeight> families;
  for (size_t k = 0; k < ensemble.models.size(); ++k) {
    const Model& m = ensemble.models[k];
    std::string name = m.family ? std::string(m.family->name) : "last";
    if (m.IsLocal()) name += " (recent points)";
    const double score = ensemble.score[k];
    families.push_back(
        {name, ensemble.weights[k], std::isfinite(score) ? score * frame.scale : std::nan("")});
  }
  std::stable_sort(
      families.begin(), families.end(),
      [](const FamilyWeight& a, const FamilyWeight& b) { return a.weight > b.weight; });
  return families;
}

}  // namespace

Result<ForecastResult> Forecast(std::span<const CurvePoint> points,
                                const ForecastOptions& options) {
  if (auto ok = CheckInputs(points, options); !ok) return Fail(ok.error());
  auto sorted = SortBySize(points);
  if (!sorted) return Fail(sorted.error());
  auto frame = MakeFrame(*sorted, options);
  if (!frame) return Fail(frame.error());
  const FramedPoints framed = ToFrame(*sorted, *frame);
  const CurveData& data = framed.data;

  ForecastResult result;
  result.band = options.band;
  if (frame->worst == 0) result.warnings.push_back(ForecastWarning::kNothingToForecast);
  const Ensemble ensemble = FitEnsemble(data);
  if (!ensemble.Backtested()) result.warnings.push_back(ForecastWarning::kUntested);
  const std::optional<ForecastWarning> irregular = FindIrregularity(framed);
  result.ill_behaved = irregular.has_value();
  if (irregular) result.warnings.push_back(*irregular);

  const Predictor predictor{.ensemble = ensemble,
                            .halves = FitHalves(data, ensemble),
                            .rate = ExtrapolationRate(data, ensemble),
                            .noise = MeasurementNoise(framed, ensemble),
                            .widen = result.ill_behaved ? 1.5 : 1.0,
                            .z = NormalQuantile(0.5 + options.band / 2),
                            .x_ref = frame->x_ref};
  std::vector<double> sizes = options.at;
  if (sizes.empty()) sizes = {2 * frame->x_ref, 10 * frame->x_ref};
  Predict(predictor, *frame, sorted->front().size, sizes, result);
  const Limit limit = Asymptote(predictor);
  result.asymptote = frame->ToMetric(limit.loss, limit.low, limit.high);
  if (options.target) {
    result.target = AnswerTarget(*options.target, predictor, *frame, data, limit);
  }
  result.families = FamilyWeights(ensemble, *frame);
  return result;
}

}  // namespace foresight::stats::curves
