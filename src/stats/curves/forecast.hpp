// The learning-curve forecaster: from (training size, metric value [± standard error])
// points, what the metric will be with more data, where it levels off, and how much data a
// target needs, each with a predictive band.
//
// How (docs/forecast.md has the long form):
//   1. The metric becomes a loss >= 0 (0 is perfect) scaled to about [0, 1], sizes become
//      fractions of the largest size seen.
//   2. Every family (family.hpp), and the "last value" baseline, is fitted by weighted
//      least squares (fit.hpp).
//   3. Each is scored on the curve itself: fitted on the points up to a fraction of the
//      largest size, it predicts the points beyond (backtests). Families are weighted by
//      that out-of-sample skill, not by their in-sample fit.
//   4. The band at size s combines part of the models' disagreement, the ensemble's own
//      backtest error grown with the distance of the extrapolation (in doublings), a
//      resampling of the points (top models refitted on alternate halves) and the noise of
//      a point.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace foresight::stats::curves {

struct CurvePoint {
  double size = 0;
  double value = 0;
  std::optional<double> stderr_;  // standard error of value, when known
};

struct ForecastOptions {
  bool lower_is_better = true;
  // The metric's best possible value (0 for an error rate, 1 for accuracy); when unset,
  // 0 for lower-is-better metrics whose values are all >= 0 and 1 for higher-is-better
  // metrics whose values are all <= 1, else none (the floor is then left free).
  std::optional<double> best;
  std::vector<double> at;  // sizes to predict; default 2x and 10x the largest seen
  std::optional<double> target;
  double band = 0.8;  // level of the predictive band
};

struct Band {
  double estimate = 0;
  double lower = 0;  // in metric units: lower <= estimate <= upper
  double upper = 0;
};

struct SizePrediction {
  double size = 0;
  Band value;
};

struct TargetAnswer {
  double value = 0;
  std::optional<Band> size_needed;  // none when not reachable at the band's confidence
  double probability_reachable = 0;
  bool already_met = false;  // the best point seen already meets it
};

struct FamilyWeight {
  std::string name;
  double weight = 0;
  double backtest_error = 0;  // mean absolute error of its backtests, in metric units
};

// Something about the curve its reader should know (the report words it).
enum class ForecastWarning {
  kNothingToForecast,  // every value is already the best possible
  kUntested,  // too few points to backtest: the families are weighted equally, the band is wide
  kWorsens,   // ill-behaved: the metric got worse with more data somewhere; the band is widened
  kSpeedsUp,  // ill-behaved: the improvement sped up over the last doubling of data, so the
              // forecast may be too pessimistic; the band is widened
};

struct ForecastResult {
  std::vector<SizePrediction> predictions;
  Band asymptote;
  std::optional<TargetAnswer> target;
  std::vector<FamilyWeight> families;  // by weight, descending
  double band = 0.8;
  bool ill_behaved = false;
  std::vector<ForecastWarning> warnings;
  // The ensemble curve and band at `size` (for plots), in metric units.
  std::vector<SizePrediction> curve;
};

// Fails with kInvalidArgument, in plain words, on inputs no forecast can come from: fewer
// than 3 distinct sizes, non-finite or non-positive sizes, non-finite values or errors,
// negative errors, a band outside (0, 1).
Result<ForecastResult> Forecast(std::span<const CurvePoint> points, const ForecastOptions& options);

}  // namespace foresight::stats::curves
