// The probe use case: `foresight probe DATA --target COL`. Day-one baselines, learning
// curves and the interpretability gap on the team's own table.
//
// Protocol: stratified K-fold; within each fold, nested training subsamples of geometric
// sizes 16·2^(k/2) up to the fold's training rows. Every learner's out-of-fold predictions
// at every size become one stored run (method = learner, train_size = size), on an
// evaluation set that is the table itself with a `fold` slice, so `eval`, `compare` and
// `forecast` re-derive every number the probe prints.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/evaluate.hpp"
#include "base/clock.hpp"
#include "base/executor.hpp"
#include "base/result.hpp"
#include "base/source_file.hpp"
#include "core/probe.hpp"
#include "diag/diagnostic.hpp"
#include "learners/learner.hpp"
#include "store/store.hpp"
#include "table/typed.hpp"

namespace foresight::app {

struct ProbeOptions {
  std::string data;  // CSV, JSON Lines or ARFF
  std::string target;
  std::optional<std::string> positive;  // binary: the positive class
  std::optional<std::string> task;      // binary | multiclass | regression; inferred if absent
  std::optional<std::string> metric;    // default: the charter's, else the task's first
  size_t folds = 5;
  uint64_t seed = 0;
  std::optional<double> time_budget;  // seconds
  std::optional<std::string> id_column;
  std::vector<std::string> ignore;
  std::map<std::string, table::ColumnKind> types;  // column type overrides
  std::vector<std::string> learners;               // empty: every built-in learner
  std::optional<std::string> name;                 // the probe's id (default: from the file)
  size_t threads = 0;                              // 0: the machine's cores
  // Every run's predictions are held in memory until they are stored, in one transaction;
  // a probe that would need more is refused before training.
  size_t max_prediction_bytes = size_t{4} << 30U;
  // A random sample of this many of the table's rows (seeded by `seed`), read without
  // holding the others: for tables too large to probe whole.
  std::optional<size_t> sample;
  // The memory the probe may use (default: what the system reports available; tests set
  // it). A table whose estimated footprint exceeds it is refused before it is read, with a
  // sample size that would fit.
  std::optional<uint64_t> memory_budget;
  EvidenceOptions evidence;  // intervals and the gap's bootstrap
};

// What probing a table of `records` rows and `columns` columns from a file of `file_bytes`
// bytes is expected to hold at its peak: the file, the parsed cells, the features, the
// trees' sorted indexes (kProbeBytesPerCell per cell in all) and `runs` predictions of
// `width` values per row. A rough upper figure, checked once: a probe of 200,000 rows of 6
// columns (a binary target) peaked at 340 MB where this gives 308 MB with one prediction
// per row and 532 MB with the two the probe assumes before it knows the task.
inline constexpr uint64_t kProbeBytesPerCell = 64;
uint64_t EstimateProbeBytes(uint64_t file_bytes, uint64_t records, uint64_t columns, uint64_t runs,
                            uint64_t width);

// Sizes of the nested training subsamples for `full` training rows: round(16·2^(k/2)) below
// `full`, then `full` itself.
std::vector<int64_t> ProbeSizes(int64_t full);

// Stratified (by class; regression: by target order) assignment of rows to `folds` folds,
// shuffled by `seed`.
std::vector<uint32_t> AssignFolds(const learners::Dataset& data, size_t folds, uint64_t seed);

// The order in which fold `fold`'s training rows enter the nested subsamples: a shuffle by
// `seed` and the fold, interleaved by class so that every prefix keeps the class shares.
std::vector<size_t> SubsampleOrder(const learners::Dataset& data, std::vector<size_t> rows,
                                   uint64_t seed, size_t fold);

// Progress for a terminal: what is training, how far. Called at most 10 times a second
// (always for the last fit), never concurrently; then once with an empty `learner` when
// training is done and the measuring starts.
struct ProbeProgress {
  std::string learner;
  int64_t size = 0;
  size_t done = 0;  // fits finished
  size_t total = 0;
  double seconds = 0;
};
using ProbeProgressFn = std::function<void(const ProbeProgress&)>;

// Either a probe result, or the problems of the table (diagnostics into `file`; exit 2).
struct ProbeOutcome {
  std::unique_ptr<SourceFile> file;
  std::vector<diag::Diagnostic> diagnostics;
  std::optional<core::ProbeResult> result;
  size_t sampled_from = 0;  // with a sample: the records it was drawn from
};

// The measuring stage of a probe, which only reads the store: for each learner of `result`
// (its name, box and full-size run filled in), the metric with its interval and the criterion
// from its full-size run, the learning curve of its runs on the probe's evaluation set
// `probe` (each point's standard error from a few hundred percentile resamples) and the
// forecast; then the interpretability gap, best black box against best glass box, and the
// intervals' confidence. Exactly what `eval`, `forecast --method` and `compare` compute from the
// same runs, so a stored probe can be measured again (with other options) without training
// anything.
Status MeasureProbe(store::Store& store, const std::string& probe, const std::string& metric,
                    bool higher, const EvidenceOptions& options,
                    const std::optional<Criteria>& criteria, core::ProbeResult& result);

// The training stage of a probe: checks the options, reads and types the table
// (PrepareProbeData), chooses the metric, trains every learner at every size on `executor`
// (within the time budget), and stores the evaluation set and all runs in one transaction.
// Nothing is stored until every fit has finished. The result describes what was trained and
// stored, without measurements: the table, the task, the metric, the columns, the warnings,
// and for each learner its name, box, full-size run, seconds, skipped sizes and notes;
// MeasureProbe fills in the rest. Fails (Result) for problems outside the file's cells: a
// missing file, an unknown option value, a store error, no learner trained at all.
Result<ProbeOutcome> TrainProbe(store::Store& store, const ProbeOptions& options,
                                const std::optional<Criteria>& criteria, const Clock& clock,
                                Executor& executor, const ProbeProgressFn& progress = {});

// TrainProbe, then MeasureProbe from the store, on one pool of `options.threads` threads.
// (If the measuring fails after the runs were stored, they stay: they are complete.)
Result<ProbeOutcome> Probe(store::Store& store, const ProbeOptions& options,
                           const std::optional<Criteria>& criteria, const Clock& clock,
                           const ProbeProgressFn& progress = {});

}  // namespace foresight::app
