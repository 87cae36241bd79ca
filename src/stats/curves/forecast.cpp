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

// Fits every family (that has fewer parameters than the distinct sizes among the first
// n points) and the baseline. Index 0 is the baseline.
// Families also fitted on the recent part of the curve only (the last few doublings):
// curves whose early part follows another law extrapolate better from their recent part.
const char* const kLocalFamilies[] = {"pow3", "log2", "pow4", "mmf4"};

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
  {
    const double window = kLocalWindow;
    CurveData recent;
    // The window, widened backwards until it holds at least 5 distinct sizes.
    size_t begin = n;
    size_t sizes_in = 0;
    while (begin > 0) {
      const bool new_size = begin == n || data.u[begin - 1] != data.u[begin];
      if (data.u[begin - 1] < data.u[n - 1] / window && sizes_in >= 5 && new_size) break;
      sizes_in += new_size ? 1U : 0U;
      --begin;
    }
    for (size_t i = begin; i < n; ++i) {
      recent.u.push_back(data.u[i]);
      recent.x.push_back(data.x[i]);
      recent.y.push_back(data.y[i]);
      recent.weight.push_back(data.weight[i]);
    }
    const size_t recent_distinct = DistinctSizes(recent, recent.size());
    for (const char* name : kLocalFamilies) {
      const Family& f = *FindFamily(name);
      const size_t this_id = id++;
      if (f.params >= recent_distinct || recent_distinct < 4) continue;
      const FitResult fit = Fit(f, recent, recent.size());
      if (fit.ok) models.push_back({&f, fit.params, 0, this_id, recent.u.front()});
    }
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

}  // namespace

Result<ForecastResult> Forecast(std::span<const CurvePoint> points,
                                const ForecastOptions& options) {
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

  ForecastResult result;
  result.band = options.band;
  const double z = NormalQuantile(0.5 + options.band / 2);

  // The frame: loss 0 at the best value, scaled so the worst loss seen is 1.
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
  double worst = 0;
  for (const CurvePoint& p : sorted) {
    const double loss = options.lower_is_better ? p.value - frame.best : frame.best - p.value;
    if (loss < -1e-12 * std::max(1.0, std::abs(frame.best))) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("a value ({}) is better than the best possible value ({}); check "
                              "--lower-is-better / --higher-is-better",
                              p.value, frame.best));
    }
    worst = std::max(worst, loss);
  }
  frame.scale = worst > 0 ? worst : 1;

  CurveData data;
  std::vector<double> stderrs;
  for (const CurvePoint& p : sorted) {
    data.u.push_back(p.size / frame.x_ref);
    data.x.push_back(p.size);
    data.y.push_back(std::max(0.0, frame.ToLoss(p.value)));
    if (p.stderr_) stderrs.push_back(*p.stderr_ / frame.scale);
  }
  // Weights from the standard errors (all given), floored at a tenth of their median so
  // that one point reported with an error of 0 cannot take over the fit.
  const bool weighted = stderrs.size() == sorted.size();
  if (weighted) {
    std::vector<double> copy = stderrs;
    std::nth_element(copy.begin(), copy.begin() + static_cast<std::ptrdiff_t>(copy.size() / 2),
                     copy.end());
    const double floor = std::max(copy[copy.size() / 2], 1e-6);
    double total = 0;
    for (const double se : stderrs) {
      data.weight.push_back(1 / std::pow(std::max(se, floor), 2));
      total += data.weight.back();
    }
    for (double& w : data.weight) w *= static_cast<double>(data.weight.size()) / total;
  } else {
    data.weight.assign(data.size(), 1);
  }
  const size_t n = data.size();

  if (worst == 0) {
    result.warnings.push_back(
        "every value is already the best possible; there is nothing left to forecast");
  }

  // Fit every model on all points, then backtest each on prefixes.
  const std::vector<Model> models = FitAll(data, n);
  std::vector<double> error_sum(models.size(), 0);
  std::vector<size_t> error_count(models.size(), 0);

  struct Backtest {
    double horizon;
    std::vector<Model> models;
  };
  std::vector<Backtest> backtests;
  for (const double h : kBacktestHorizons) {
    size_t cut = 0;
    while (cut < n && data.u[cut] <= data.u.back() / h) ++cut;
    if (DistinctSizes(data, cut) < 3) break;
    Backtest bt{h, FitAll(data, cut)};
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
    backtests.push_back(std::move(bt));
  }

  // Weights by out-of-sample skill; equal weights when the curve is too short to backtest.
  std::vector<double> weights(models.size(), 0);
  std::vector<double> score(models.size(), kInf);
  double best_score = kInf;
  for (size_t k = 0; k < models.size(); ++k) {
    if (error_count[k] == 0) continue;
    score[k] = error_sum[k] / static_cast<double>(error_count[k]);
    best_score = std::min(best_score, score[k]);
  }
  if (std::isfinite(best_score)) {
    const double eps = 0.05 * best_score + 1e-9;
    for (size_t k = 0; k < models.size(); ++k) {
      weights[k] = 1 / (score[k] + eps);
    }
  } else {
    std::fill(weights.begin(), weights.end(), 1.0);
    result.warnings.push_back(
        "too few points to test the families on the curve itself: they are weighted equally "
        "and the band is wide");
  }
  const double weight_total = std::accumulate(weights.begin(), weights.end(), 0.0);
  for (double& w : weights) w /= weight_total;

  const auto ensemble = [&](const std::vector<Model>& ms, const std::vector<double>& ws, double u,
                            double x) {
    std::vector<double> values(ms.size());
    for (size_t k = 0; k < ms.size(); ++k) values[k] = ms[k].Predict(u, x);
    return WeightedMean(values, ws);
  };
  // The ensemble's own backtest errors, per doubling of extrapolation.
  double rate_sq = 0;
  size_t rate_count = 0;
  for (const Backtest& bt : backtests) {
    std::vector<double> ws(bt.models.size(), 0);
    for (size_t j = 0; j < bt.models.size(); ++j) {
      for (size_t k = 0; k < models.size(); ++k) {
        if (models[k].id == bt.models[j].id) ws[j] = weights[k];
      }
    }
    const double e =
        ErrorOnTail(data, [&](double u, double x) { return ensemble(bt.models, ws, u, x); });
    if (!std::isfinite(e)) continue;
    const double per_doubling = e / std::log2(bt.horizon);
    rate_sq += per_doubling * per_doubling;
    ++rate_count;
  }
  // Without backtests: a tenth of the curve's range per doubling, a deliberately wide guess.
  const double rate = rate_count > 0 ? std::sqrt(rate_sq / static_cast<double>(rate_count)) : 0.1;

  // The noise of a point: the residual spread of the ensemble on the points seen.
  double residual_sq = 0;
  for (size_t i = 0; i < n; ++i) {
    const double r = data.y[i] - ensemble(models, weights, data.u[i], data.x[i]);
    residual_sq += r * r;
  }
  double noise = std::sqrt(residual_sq / static_cast<double>(n));
  if (stderrs.size() == n) {
    // The measurement noise of a point at the largest size: its standard error.
    noise = MeanAtLargest(data, stderrs, n);
  }

  // Ill-behaved: the loss rises by more than three noise levels over a doubling or more of
  // data (more data made it worse), which no family can follow. The noise of a point: its
  // standard error when given (the median), else estimated from the differences between
  // neighbouring points (their median absolute value is 0.954 sigma for Gaussian noise).
  double point_noise = 0;
  {
    std::vector<double> spread;
    if (stderrs.size() == n) {
      spread = stderrs;
    } else {
      for (size_t i = 1; i < n; ++i) spread.push_back(std::abs(data.y[i] - data.y[i - 1]) / 0.954);
    }
    std::nth_element(spread.begin(),
                     spread.begin() + static_cast<std::ptrdiff_t>(spread.size() / 2), spread.end());
    point_noise = spread[spread.size() / 2];
  }
  // Also at least 1% of the worst loss seen (the scale's unit): a rise too small to matter
  // is not worth a warning, however precise the points.
  const double tolerance = std::max(3 * point_noise, kNegligible);
  for (size_t i = 0; i < n && !result.ill_behaved; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (data.u[j] >= 2 * data.u[i] && data.y[j] - data.y[i] > tolerance) {
        result.ill_behaved = true;
        break;
      }
    }
  }
  if (result.ill_behaved) {
    result.warnings.push_back(
        "the curve is ill-behaved: the metric got worse with more data somewhere, so no "
        "curve family fits it well; the band is widened");
  }
  // Ill-behaved the other way (not convex): the improvement speeds up at the end, by more
  // than the noise allows: the last doubling of data gained more than the one before. Every
  // family flattens out, so the forecast may be too pessimistic.
  if (!result.ill_behaved) {
    // The loss at size fraction u, interpolated in log size between per-size means.
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
      const double t =
          (std::log(u) - std::log(us[k - 1])) / (std::log(us[k]) - std::log(us[k - 1]));
      return means[k - 1] + t * (means[k] - means[k - 1]);
    };
    const double last = us.back();
    if (us.size() >= 4 && us.front() <= last / 4) {
      const double recent_gain = loss_at(last / 2) - means.back();
      const double earlier_gain = loss_at(last / 4) - loss_at(last / 2);
      if (recent_gain - earlier_gain > std::max(3 * std::sqrt(2.0) * point_noise, kNegligible)) {
        result.ill_behaved = true;
        result.warnings.push_back(
            "the curve is ill-behaved: the improvement sped up over the last doubling of "
            "data, which no curve family follows; the forecast may be too pessimistic, and "
            "the band is widened");
      }
    }
  }
  const double widen = result.ill_behaved ? 1.5 : 1.0;

  // A resampling of the points: the most weighted models (up to kResampledModels, not the
  // baseline) refitted on each half of the points (alternate sizes), started from their
  // fit on all. Two half-sample fits differ by about twice the standard deviation of the
  // fit on all points (var(even - odd) = 2 var(half) = 4 var(all)), so their gap measures
  // how much the points' noise moves each model's forecast.
  struct HalfFits {
    const Model* model;
    double weight;
    Model even;
    Model odd;
  };
  std::vector<HalfFits> halves;
  {
    std::vector<size_t> order(models.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return weights[a] > weights[b]; });
    for (const size_t k : order) {
      if (halves.size() == kResampledModels) break;
      const Model& m = models[k];
      if (m.family == nullptr || weights[k] <= 0) continue;
      CurveData half[2];
      for (size_t i = 0; i < n; ++i) {
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
      HalfFits hf{&m, weights[k], m, m};
      const FitResult even = FitFrom(*m.family, half[0], half[0].size(), m.params, 30);
      const FitResult odd = FitFrom(*m.family, half[1], half[1].size(), m.params, 30);
      if (!even.ok || !odd.ok) continue;
      hf.even.params = even.params;
      hf.odd.params = odd.params;
      halves.push_back(hf);
    }
  }
  // The resampling's standard deviation of the forecast at (u, x), weighted over models.
  const auto resample_sd = [&](double u, double x) {
    double sum = 0;
    double total = 0;
    for (const HalfFits& h : halves) {
      const double gap = h.even.Predict(u, x) - h.odd.Predict(u, x);
      if (!std::isfinite(gap)) continue;
      sum += h.weight * gap * gap / 4;
      total += h.weight;
    }
    return total > 0 ? std::sqrt(sum / total) : 0.0;
  };

  // The ensemble and its band at size x.
  const auto predict = [&](double x) {
    const double u = x / frame.x_ref;
    std::vector<double> values(models.size());
    for (size_t k = 0; k < models.size(); ++k) values[k] = models[k].Predict(u, x);
    const double mean = WeightedMean(values, weights);
    const double spread = WeightedSd(values, weights, mean);
    const double doublings = std::max(0.0, std::log2(u));
    const double resampled = resample_sd(u, x);
    const double sigma =
        widen * std::sqrt(std::pow(kSpreadShare * spread, 2) + std::pow(rate * doublings, 2) +
                          noise * noise + resampled * resampled);
    struct Out {
      double mean, low, high, sigma;
    };
    return Out{mean, std::max(0.0, mean - z * sigma), mean + z * sigma, sigma};
  };

  std::vector<double> sizes = options.at;
  if (sizes.empty()) sizes = {2 * frame.x_ref, 10 * frame.x_ref};
  for (const double s : sizes) {
    const auto p = predict(s);
    result.predictions.push_back({s, frame.ToMetric(p.mean, p.low, p.high)});
  }
  const double x_first = sorted.front().size;
  const double x_plot_end = std::max(*std::max_element(sizes.begin(), sizes.end()), frame.x_ref);
  for (int k = 0; k <= 40; ++k) {
    const double s = x_first * std::pow(x_plot_end / x_first, k / 40.0);
    const auto p = predict(s);
    result.curve.push_back({s, frame.ToMetric(p.mean, p.low, p.high)});
  }

  // The asymptote: what each model reaches with practically unlimited data of this kind
  // (its limit, or for a model that improves forever, like log2, its value at the end of
  // the search range, kSearchLimit x the largest size, cut at the best possible value),
  // weighted. So it is never above a forecast at a finite size, as a limit must not be.
  // Its band: as at 100x the largest size, or wider if the models' limits disagree more.
  std::vector<double> limits(models.size());
  const double x_end = kSearchLimit * frame.x_ref;
  for (size_t k = 0; k < models.size(); ++k) {
    const double a = models[k].Asymptote();
    limits[k] = std::isfinite(a) ? std::max(0.0, a) : models[k].Predict(x_end / frame.x_ref, x_end);
  }
  const double limit = std::max(0.0, WeightedMean(limits, weights));
  const double limit_spread = WeightedSd(limits, weights, limit);
  const auto far = predict(100 * frame.x_ref);
  const double limit_sigma = std::max(far.sigma, widen * kSpreadShare * limit_spread);
  const double limit_low = std::max(0.0, limit - z * limit_sigma);
  const double limit_high = limit + z * limit_sigma;
  result.asymptote = frame.ToMetric(limit, limit_low, limit_high);

  if (options.target) {
    TargetAnswer answer;
    answer.value = *options.target;
    const double target_loss = frame.ToLoss(*options.target);
    double best_seen = kInf;
    for (const double y : data.y) best_seen = std::min(best_seen, y);
    answer.already_met = best_seen <= target_loss;
    answer.probability_reachable = limit_sigma > 0 ? NormalCdf((target_loss - limit) / limit_sigma)
                                                   : (limit <= target_loss ? 1.0 : 0.0);
    // The first size (quarter-doubling steps, then bisection) where a curve reaches the
    // target loss; +inf when it does not within kSearchLimit x the largest size.
    const auto first_reaching = [&](auto curve_at) {
      double lo_x = frame.x_ref;
      if (curve_at(lo_x) <= target_loss) return lo_x;
      for (double step = std::pow(2.0, 0.25); lo_x < kSearchLimit * frame.x_ref; lo_x *= step) {
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
    };
    const double at_estimate = first_reaching([&](double x) { return predict(x).mean; });
    const double at_optimistic = first_reaching([&](double x) { return predict(x).low; });
    const double at_pessimistic = first_reaching([&](double x) { return predict(x).high; });
    if (limit_low <= target_loss && std::isfinite(at_optimistic)) {
      answer.size_needed = Band{at_estimate, at_optimistic, at_pessimistic};
    }
    result.target = answer;
  }

  for (size_t k = 0; k < models.size(); ++k) {
    std::string name = models[k].family ? std::string(models[k].family->name) : "last";
    if (models[k].IsLocal()) name += " (recent points)";
    result.families.push_back(
        {name, weights[k], std::isfinite(score[k]) ? score[k] * frame.scale : std::nan("")});
  }
  std::stable_sort(
      result.families.begin(), result.families.end(),
      [](const FamilyWeight& a, const FamilyWeight& b) { return a.weight > b.weight; });
  return result;
}

}  // namespace foresight::stats::curves
