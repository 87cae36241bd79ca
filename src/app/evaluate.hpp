// The evidence use cases: `foresight eval`, `foresight compare`, `foresight history`.
//
// Every number is computed from the stored per-example predictions (never from what a
// training script logged), with a bootstrap interval; comparisons are paired.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/criteria.hpp"
#include "app/measure.hpp"
#include "base/executor.hpp"
#include "base/result.hpp"
#include "core/evidence.hpp"
#include "stats/metric.hpp"
#include "store/store.hpp"

namespace foresight::app {

using core::Comparison;
using core::Criterion;
using core::CriterionRow;
using core::EvalResult;
using core::EvalRow;

// The metrics reported when none is asked for (and no charter names one), the first being
// the one curves and the probe use: roc_auc and accuracy for binary tasks, accuracy and
// f1_macro for multiclass, mae and rmse for regression.
std::vector<std::string> DefaultMetrics(core::EvalTask task);

// The charter's primary metric, as written, when the criteria declare one.
std::optional<std::string> CharterMetric(const std::optional<Criteria>& criteria);

// The charter's primary metric when it applies to evaluation sets of `task` (a binary-only
// metric such as roc_auc does not apply to a multiclass set); nullopt when the criteria
// declare none or it does not apply. Use cases then measure the task's defaults instead,
// so one multiclass set does not stop `eval` for the whole workspace.
std::optional<std::string> CharterMetricFor(const std::optional<Criteria>& criteria,
                                            core::EvalTask task);

// Evaluates runs (all when `runs` is empty). `criteria`, when given, supply the default
// metric and the success criterion; a difference from the criteria last recorded in the
// store is reported (`criterion_change`). Reads only: recording the criteria is
// RecordCriteria's job.
Result<EvalResult> Evaluate(store::Store& store, const std::vector<std::string>& runs,
                            const EvidenceOptions& options, bool slices,
                            const std::optional<Criteria>& criteria);

// Compares `b` runs against `a` (paired, on the same evaluation set), with the test the
// metric registry names for each metric (DeLong for ROC AUC, McNemar for accuracy, else the
// paired bootstrap). With several b runs, the p-values of each metric are Holm-adjusted
// together, and the decision follows the adjusted p.
Result<std::vector<Comparison>> Compare(store::Store& store, const std::string& a,
                                        const std::vector<std::string>& b,
                                        const EvidenceOptions& options,
                                        const std::optional<Criteria>& criteria);

// Bootstrap resamples behind each learning-curve point's standard error, by default: a few
// percent of relative precision, which is all the forecaster's weights need. `forecast
// --method`, the probe and the report measure curves with it, so their numbers agree.
inline constexpr size_t kCurveResamples = 200;
// Training sizes a method's runs need before a learning curve is fitted to them (the report's
// curves, the plan's chances of success).
inline constexpr size_t kMinCurveSizes = 3;

// One run of a method measured for its learning curve.
struct RunMeasurement {
  std::string run;
  int64_t train_size = 0;
  double estimate = 0;
  double standard_error = 0;  // of the bootstrap replicates
  size_t n = 0;               // evaluation examples
};
struct MethodCurve {
  std::string method;
  std::string evalset;
  std::string metric;  // canonical spelling
  bool higher_is_better = true;
  double best = 1;                     // the metric's value on perfect predictions
  std::vector<RunMeasurement> points;  // by train size
  std::optional<double> target;        // the charter's threshold when `metric` is its metric
  std::vector<std::string> runs_without_size;  // left off the curve: they record no train size
};

// Which runs of a method make its learning curve: on `evalset` when given (it must be named
// when the method's runs use several), with every one of `tags` (k=v) when given.
struct CurveRuns {
  std::optional<std::string> evalset = std::nullopt;
  std::vector<std::pair<std::string, std::string>> tags = {};
};

// The runs of `method` that `runs` selects and that record a train size, each measured with
// `metric` (default: the charter's primary metric, else the task's first default) and its
// bootstrap standard error (`options.resamples` percentile resamples: only the standard
// error is used, so no BCa). Fails with kNotFound when no run is selected (naming the
// methods there are).
Result<MethodCurve> MeasureMethod(store::Store& store, const std::string& method,
                                  const std::optional<std::string>& metric, const CurveRuns& runs,
                                  const EvidenceOptions& options,
                                  const std::optional<Criteria>& criteria);

}  // namespace foresight::app
