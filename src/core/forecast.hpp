// What `foresight forecast` found, as plain values for the renderers (report/) and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace foresight::core {

struct ForecastBand {
  double estimate = 0;
  double lower = 0;
  double upper = 0;  // +inf: no bound within the search range
};

struct ForecastPoint {
  double size = 0;
  double value = 0;
  std::optional<double> standard_error;
};

struct ForecastAt {
  double size = 0;
  ForecastBand value;
};

struct ForecastTarget {
  double value = 0;
  std::optional<ForecastBand> size_needed;  // none: not reachable at the band's confidence
  double probability_reachable = 0;
  bool already_met = false;
};

struct ForecastFamily {
  std::string name;
  double weight = 0;
  std::optional<double> backtest_error;  // none when the curve was too short to backtest
};

// Something about the curve its reader should know; the report words it.
enum class ForecastWarning {
  kNothingToForecast,  // every value is already the best possible
  kUntested,  // too few points to backtest: the families are weighted equally, the band is wide
  kWorsens,   // ill-behaved: the metric got worse with more data somewhere; the band is widened
  kSpeedsUp,  // ill-behaved: the improvement sped up over the last doubling of data, so the
              // forecast may be too pessimistic; the band is widened
  kNoTrend,   // the values neither clearly rise nor fall with the size (the slope over log
              // size is within two standard errors of 0): the forecast extrapolates noise
  kAsymptoteUndetermined,  // the asymptote's band is wider than twice the range of the values
                           // measured: the curve does not say where it levels off
};

struct Forecast {
  std::string subject;  // "points.csv", "method 'boost' on 'holdout'"
  std::string metric;   // "value" for a points file
  bool higher_is_better = false;
  bool direction_inferred = false;  // neither --lower-is-better nor --higher-is-better given
  double band = 0.8;
  std::vector<ForecastPoint> points;
  std::vector<ForecastAt> predictions;
  ForecastBand asymptote;
  std::optional<ForecastTarget> target;
  std::vector<ForecastFamily> families;
  bool ill_behaved = false;
  std::vector<ForecastWarning> warnings;
  // Points with a standard error, when some but not all had one (the fit then weighs all
  // points equally); 0 otherwise.
  size_t points_with_stderr = 0;
  size_t points_given = 0;  // rows given (several may share a size), when the above is set
  // A method's runs left off the curve because they record no train size.
  std::vector<std::string> runs_without_size;
  std::vector<ForecastAt> curve;  // the ensemble and its band, for plots
};

}  // namespace foresight::core
