// Measuring a metric on a run's stored predictions: the pieces eval, compare, rank and the
// method curves share (the data views, the bootstrap's options, measurements read from or
// kept in the result cache, a run judged against the criterion). Internal to app.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/result_cache.hpp"
#include "base/executor.hpp"
#include "base/progress.hpp"
#include "base/result.hpp"
#include "core/evidence.hpp"
#include "stats/bootstrap.hpp"
#include "stats/metric.hpp"

namespace foresight::app {

struct EvidenceOptions {
  std::vector<std::string> metrics;  // empty: the charter's primary metric, else task defaults
  double confidence = 0.95;
  size_t resamples = 2000;
  bool bca = true;  // else percentile
  uint64_t seed = 0;
  size_t threads = 0;  // 0: the machine's cores; used only when `executor` is null
  // Whether to read and write the store's result cache (app/result_cache.hpp): a repeated
  // measurement is then a lookup. The numbers are the same either way.
  bool use_cache = true;
  // Where the bootstrap runs; not owned. Null: each use case below makes one of `threads`
  // threads for its call (the CLI's case); a long-lived caller passes its own.
  Executor* executor = nullptr;
  // Counts the work for a progress bar, when set (not owned): each use case plans the
  // examples times resamples it will measure, and the bootstrap (or a cached result) counts
  // them off.
  Progress* progress = nullptr;
};

// The metric registry's task kind for an evaluation set's task.
stats::TaskKind KindOf(core::EvalTask task);

// Views of one evaluation set and one run's predictions, optionally restricted to rows (then
// copied into the vectors here). Without rows the views point into `e` and `r`, which must
// outlive the Data.
struct Data {
  std::vector<int32_t> label;
  std::vector<double> predictions;
  std::vector<double> target;
  stats::MetricData view;
};
std::unique_ptr<Data> DataFor(const core::EvalSet& e, const core::Run& r,
                              const std::vector<size_t>* rows = nullptr);

// The bootstrap's options; `executor` runs it (see ExecutorFor).
stats::BootstrapOptions BootstrapOptionsOf(const EvidenceOptions& o, Executor& executor);

// The caller's executor, or one of o.threads threads made for this use case (kept alive by
// `owned`), so that one call starts its threads once, not once per interval.
Executor& ExecutorFor(const EvidenceOptions& o, std::unique_ptr<Executor>& owned);

// A measurement with its interval at the options' confidence: the bootstrap's, widened to
// the metric's score interval where that is wider (a small set, or one predicted perfectly,
// where every resample can agree).
struct Measured {
  stats::Estimate estimate;
  stats::Replicates replicates;
  double acceleration = 0;          // BCa's
  stats::BootstrapOptions options;  // the interval's method and confidence
  size_t examples = 0;
  std::optional<stats::ScoreModel> score;  // the metric's score model, when it has one
  // Set when the score interval moved a bound by more than kScoreMarkGap: the interval shown
  // is not the bootstrap's, and reports say so.
  std::optional<core::ScoreMethod> widened_by;
};

// How far (in the metric's units) the score interval must reach past the bootstrap's before
// a report marks the interval as widened: a hundredth of a point, below which the two agree
// to the digits shown.
inline constexpr double kScoreMarkGap = 1e-4;

// The core spelling of a score model's method.
core::ScoreMethod ScoreMethodOf(stats::ScoreModel::Kind kind);

// The bootstrap's replicates of a prepared metric, with BCa's acceleration when asked for.
Result<Measurement> ComputeMeasurement(const stats::Kernel& kernel, size_t n,
                                       const stats::BootstrapOptions& options);
// The same, preparing the metric on `data` first.
Result<Measurement> ComputeMeasurement(const stats::MetricSpec& spec, const stats::MetricData& data,
                                       const stats::BootstrapOptions& options);
// The interval of options.interval at options.confidence, read off a measurement.
Measured Summarize(Measurement m, const stats::BootstrapOptions& options);

// The parts of the cache's keys that the options decide.
BootstrapKeyParts KeyPartsOf(const EvidenceOptions& o);

// The cached measurement under `key` of `run`, else `compute()`'s, kept for next time.
template <typename Compute>
Result<Measured> CachedMeasure(ResultCache& cache, const std::string& run, const std::string& key,
                               const stats::BootstrapOptions& options, Compute&& compute) {
  if (auto hit = cache.FindMeasurement(key, run)) {
    if (options.progress != nullptr) options.progress->Advance(hit->examples * options.resamples);
    return Summarize(std::move(*hit), options);
  }
  Result<Measurement> computed = compute();
  if (!computed) return Fail(computed.error());
  cache.Keep(run, key, *computed);
  return Summarize(std::move(*computed), options);
}

// A run against the criterion, from its measured replicates: P(target met) is the share of
// replicates that meet the threshold; the bound is the one-sided bound at the criterion's
// confidence by the interval's own method (BCa or percentile), as is the other side's.
// When the metric has a score interval, its probability and bounds are taken where they are
// more cautious (basis kScore when that decided the bound). Without one, a set of fewer than
// core::kMinExamplesForBootstrapVerdict examples leaves the verdict not yet known (basis
// kTooFewExamples, probability NaN).
core::CriterionRow Judge(const std::string& run, const Measured& m, const core::Criterion& c);

}  // namespace foresight::app
