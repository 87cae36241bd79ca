#include "stats/score_interval.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/distributions.hpp"

namespace foresight::stats {
namespace {

// The edge of the interval between a value inside it (`inside`) and one outside it
// (`outside_end`), by bisection; returns the last value found inside. `outside(t)` tells
// which side t is on. Halving [0, 1] reaches the spacing of doubles within about 60 steps.
template <typename Outside>
double Bisect(double inside, double outside_end, Outside outside) {
  double in = inside;
  double out = outside_end;
  for (int i = 0; i < 200 && in != out; ++i) {
    const double mid = in + (out - in) / 2;
    if (mid == in || mid == out) break;
    (outside(mid) ? out : in) = mid;
  }
  return in;
}

double Bound(const ScoreModel& model, double estimate, double z, bool upper) {
  if (std::isnan(estimate)) return estimate;
  const double e = std::clamp(estimate, 0.0, 1.0);
  if (!std::isfinite(ScoreVariance(model, 0.5))) return upper ? 1.0 : 0.0;
  // t lies outside the interval when its distance from the estimate exceeds z of its own
  // standard deviations.
  const auto outside = [&](double t) {
    return std::abs(e - t) > z * std::sqrt(ScoreVariance(model, t));
  };
  if (upper) return e >= 1 ? 1.0 : Bisect(e, 1.0, outside);
  return e <= 0 ? 0.0 : Bisect(e, 0.0, outside);
}

}  // namespace

double ScoreVariance(const ScoreModel& model, double t) {
  const double spread = t * (1 - t);
  switch (model.kind) {
    case ScoreModel::Kind::kProportion:
      if (!(model.trials > 0)) return std::numeric_limits<double>::infinity();
      return spread / model.trials;
    case ScoreModel::Kind::kAuc: {
      const double p = model.positives;
      const double n = model.negatives;
      if (!(p > 0) || !(n > 0)) return std::numeric_limits<double>::infinity();
      return spread / (p * n) * (1 + (p - 1) * (1 - t) / (2 - t) + (n - 1) * t / (1 + t));
    }
  }
  return std::numeric_limits<double>::infinity();
}

IntervalBounds ScoreInterval(const ScoreModel& model, double estimate, double confidence) {
  const double z = NormalQuantile((1 + confidence) / 2);
  return {Bound(model, estimate, z, false), Bound(model, estimate, z, true)};
}

double ScoreBound(const ScoreModel& model, double estimate, double confidence, bool upper) {
  return Bound(model, estimate, NormalQuantile(confidence), upper);
}

double ScoreProbability(const ScoreModel& model, double estimate, double threshold, bool higher) {
  if (std::isnan(estimate) || std::isnan(threshold)) return std::nan("");
  // No variance at the ends: a threshold every value meets is met for sure; one that only a
  // perfect score meets is never shown to be met.
  if (higher ? threshold <= 0 : threshold >= 1) return 1;
  if (higher ? threshold >= 1 : threshold <= 0) return 0;
  const double sd = std::sqrt(ScoreVariance(model, threshold));
  if (!std::isfinite(sd)) return 0.5;
  const double z = (estimate - threshold) / sd;
  return NormalCdf(higher ? z : -z);
}

}  // namespace foresight::stats
