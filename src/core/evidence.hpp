// Evaluation sets and runs: the evidence foresight keeps, as plain values.
//
// An evaluation set is stored once: example ids, ground truth and optional slice columns.
// A run holds one model's per-example predictions on one evaluation set, aligned to the
// set's row order, so every metric can be recomputed from them at any time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace foresight::core {

enum class EvalTask { kBinary, kMulticlass, kRegression };

// "binary", "multiclass", "regression".
std::string_view EvalTaskName(EvalTask task);
std::optional<EvalTask> ParseEvalTask(std::string_view name);

// How a binary task's positive class was chosen when the user did not name it: the positive
// of a known pair (0/1, -1/1, false/true, no/yes, ...), or the rarer of the two classes.
enum class InferredPositive { kKnownPair, kRarer };

// "known_pair", "rarer".
std::string_view InferredPositiveName(InferredPositive how);

// A categorical column, dictionary-encoded: codes[i] indexes levels.
struct SliceColumn {
  std::string name;
  std::vector<std::string> levels;
  std::vector<int32_t> codes;
};

struct EvalSet {
  std::string name;
  EvalTask task = EvalTask::kBinary;
  std::vector<std::string> ids;
  // Classification: class index per example; `classes` names them (binary: {negative,
  // positive}, so label 1 is the positive class).
  std::vector<int32_t> labels;
  std::vector<std::string> classes;
  // Regression: the true value per example.
  std::vector<double> targets;
  std::vector<SliceColumn> slices;
  std::string source;      // the file it was read from, for the record
  std::string created_at;  // ISO 8601, UTC
  // Which stored set this is, as its store tells them apart: a set deleted and added again
  // under the same name has another key. Empty when it was not read from a store, or the
  // store does not say.
  std::string store_key;

  // The examples: the ids', or when a reader left the ids out (Store::GetEvalSet with
  // ids = false, for use cases that only measure), the labels' or targets'.
  size_t size() const {
    if (!ids.empty()) return ids.size();
    return task == EvalTask::kRegression ? targets.size() : labels.size();
  }
};

// How a slice column's values became its levels when the set was added (not stored). A numeric
// column with more than kMaxRawSliceValues distinct values would make one slice per value, too
// small to measure, so it is binned into ranges at its quartiles.
inline constexpr size_t kMaxRawSliceValues = 12;
// A slice value with fewer examples than this gives an interval too wide to read.
inline constexpr size_t kMinSliceExamples = 10;
struct SliceSummary {
  std::string column;
  size_t distinct = 0;              // distinct values in the file
  std::vector<std::string> ranges;  // when binned: the levels, ranges such as "[18, 29)"
  size_t small_levels = 0;          // levels with fewer than kMinSliceExamples examples
  bool binned() const { return !ranges.empty(); }
  // The slice's levels: the ranges when binned, else one per distinct value.
  size_t levels() const { return binned() ? ranges.size() : distinct; }
};

// What `foresight evalsets` lists, without the columns.
struct EvalSetInfo {
  std::string name;
  EvalTask task = EvalTask::kBinary;
  size_t rows = 0;
  std::vector<std::string> classes;
  std::vector<std::string> slices;
  std::string created_at;
  // When it was just added: how the positive class (classes[1]) was chosen, if nobody named
  // it. Not stored.
  std::optional<InferredPositive> positive_inferred = {};
  // When it was just added: each slice column's values and levels. Not stored.
  std::vector<SliceSummary> slice_summaries = {};
};

struct Run {
  std::string name;
  std::string evalset;
  std::string method;  // may be empty
  std::optional<int64_t> train_size;
  std::optional<double> effort_hours;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::pair<std::string, std::string>> tags;
  // Aligned to the evaluation set's rows. Binary: the positive class's score, n values.
  // Multiclass: probabilities, n * classes, row-major. Regression: predicted values, n.
  std::vector<double> predictions;
  std::string created_at;
  // The store_key of the set the predictions were aligned to. A store that keys its sets
  // refuses the run (kFailedPrecondition) when its set of that name now has another key:
  // another writer replaced it meanwhile. Empty: not checked.
  std::string evalset_key;
};

// A run's stored predictions beside its evaluation set's ids: what `run export` writes, in
// the layout `run add` reads.
struct RunPredictions {
  std::string run;
  EvalTask task = EvalTask::kBinary;
  std::vector<std::string> ids;
  std::vector<std::string> classes;  // multiclass: one probability column per class
  std::vector<double> predictions;   // as in Run: n, or n * classes row-major
};

// What `foresight runs` lists, without the predictions.
struct RunInfo {
  std::string name;
  std::string evalset;
  std::string method;
  std::optional<int64_t> train_size;
  std::optional<double> effort_hours;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<std::pair<std::string, std::string>> tags;
  std::string created_at;
};

// One entry of the store's result cache: `value` computed from run `run`'s predictions,
// under `key` (which names how it was computed).
struct CachedResult {
  std::string run;
  std::string key;
  std::string value;
};

// The success criteria of one charter version, as the store records them.
struct CriteriaVersion {
  std::string charter_hash;  // content hash of the charter file
  std::string metric;        // canonical metric spelling; empty when not declared
  std::optional<double> threshold;
  std::optional<double> confidence;
  std::string seen_at;  // ISO 8601, UTC
};

// Results of `eval` and `compare`, for the renderers.

// The charter's success criterion, as eval applies it.
struct Criterion {
  std::string metric;  // canonical spelling
  double threshold = 0;
  double confidence = 0.95;
  bool higher_is_better = true;  // the metric's direction: met at or above the threshold
};

// A run against the criterion, judged from its interval at the declared confidence.
enum class CriterionStatus {
  kMet,         // the one-sided bound is on the right side of the threshold
  kNotMet,      // even the other side's bound misses it
  kNotYetKnown  // the interval straddles it: more evidence is needed
};

// "met", "not met", "not yet known": stable, in JSON.
std::string_view CriterionStatusName(CriterionStatus status);

// A score interval from the metric's sampling model (stats/score_interval.hpp), which stays
// honest on small sets where the bootstrap's interval shrinks to a point.
enum class ScoreMethod {
  kWilson,        // a proportion: accuracy, precision, recall, top-k accuracy
  kHanleyMcNeil,  // ROC AUC, from the counts of each class
};

// "wilson score", "hanley-mcneil score": stable, in JSON.
std::string_view ScoreMethodName(ScoreMethod method);

// What a run's verdict on the criterion rests on.
enum class CriterionBasis {
  kBootstrap,       // the bootstrap's bound and share of replicates
  kScore,           // the score interval, which was the more cautious of the two
  kTooFewExamples,  // neither: no score interval for the metric, and too few examples for
                    // the bootstrap alone (kMinExamplesForBootstrapVerdict): not yet known
};

// "bootstrap", "score interval", "too few examples": stable, in JSON.
std::string_view CriterionBasisName(CriterionBasis basis);

// Below this many examples, a metric without a score interval is never called met or not met
// on the bootstrap alone: its resamples cannot show what a set this small never contains.
inline constexpr size_t kMinExamplesForBootstrapVerdict = 30;

struct EvalRow {
  std::string run;
  std::string metric;
  std::optional<std::string> slice;  // "region=north"; nullopt for the whole set
  double estimate = 0;
  double lower = 0;
  double upper = 0;
  size_t n = 0;
  bool higher_is_better = true;
  // Set when the score interval was wider than the bootstrap's and [lower, upper] is the
  // union of the two (a small set, or one predicted perfectly).
  std::optional<ScoreMethod> widened_by;
};

// A run against the charter's success criterion.
struct CriterionRow {
  std::string run;
  // P(target met): the share of bootstrap replicates that meet the threshold or, when the
  // metric has a score interval, the score test's, whichever is lower. NaN when the basis is
  // kTooFewExamples.
  double probability = 0;
  double bound = 0;  // one-sided bound at the declared confidence (lower if higher is better)
  CriterionStatus status = CriterionStatus::kNotYetKnown;
  CriterionBasis basis = CriterionBasis::kBootstrap;
  std::optional<ScoreMethod> score_method;  // the metric's score interval, when it has one
  size_t n = 0;                             // the examples measured
};

// A fairness gap between the values of one slice column, for a binary run (at threshold 0.5).
struct FairnessRow {
  std::string run;
  std::string slice;    // the slice column, e.g. "sex"
  std::string measure;  // "demographic_parity_difference", "equalized_odds_difference"
  double estimate = 0;
  double lower = 0;
  double upper = 0;
};

// The charter's success criterion differs from the one last recorded in the store: every
// run is re-scored from its stored predictions, so nothing needs retraining.
struct CriterionChange {
  CriteriaVersion previous;  // as recorded (with when it was recorded)
  CriteriaVersion current;   // as the charter says now
  // Each metric's direction, when foresight knows the metric.
  std::optional<bool> previous_higher_is_better;
  std::optional<bool> current_higher_is_better;
};

// Something `eval` could not measure, and why; the rest of the result stands.
struct EvalNote {
  enum class Kind {
    kSliceMetric,    // a metric on one slice value (e.g. one class only on that slice)
    kFairnessGap,    // a fairness gap over a slice column could not be prepared
    kFairnessRange,  // a fairness gap's interval could not be computed
    kBelowChance,    // a ranking metric (ROC AUC) whose whole interval is below chance: the
                     // scores likely rank the wrong class (estimate and upper in the fields)
    kCharterMetricNotForTask,  // the charter's metric (measure) does not apply to the set
                               // (slice) of this task: the defaults (reason) were measured
  };
  Kind kind = Kind::kSliceMetric;
  std::string run;
  std::string measure;  // the metric or the gap's name; empty for kFairnessGap
  std::string slice;    // "region=north" for a slice value, "region" for a column
  std::string reason;   // the error's message
  double estimate = 0;  // kBelowChance: the value and its interval's upper limit
  double upper = 0;
};

struct EvalResult {
  std::vector<EvalRow> rows;
  std::vector<EvalRow> worst_slices;  // per run, metric and slice column: the worst value
  std::vector<FairnessRow> fairness;  // binary tasks with --slices
  std::optional<Criterion> criterion;
  std::vector<CriterionRow> criteria;
  std::optional<CriterionChange> criterion_change;
  std::vector<EvalNote> notes;
};

struct Comparison {
  std::string a;
  std::string b;
  std::string metric;
  double estimate_a = 0;
  double estimate_b = 0;
  double difference = 0;  // b - a
  double lower = 0;
  double upper = 0;
  double p_value = 1;
  std::optional<double> p_adjusted;  // Holm, within a group of one metric and one test
  // The test that decides and gives the p-value: "paired bootstrap", "delong",
  // "mcnemar (exact)", "mcnemar (chi-square)".
  std::string test;
  // The method of the interval [lower, upper]: the same as `test`, except for McNemar, which
  // gives no interval (then "paired bootstrap").
  std::string interval_method;
  size_t n = 0;
  size_t examples_to_resolve = 0;  // when there is no detectable difference
  double resolve_power = 0.8;      // the chance those examples would tell the runs apart
  bool higher_is_better = true;
  bool unit_interval = false;  // the metric lies in [0, 1]: differences read as points
  // The decision at the requested confidence: the interval excludes 0 (one comparison, with
  // a test that gives both); McNemar's p below 1 - confidence; with Holm, the adjusted p
  // below it.
  bool significant = false;
};

}  // namespace foresight::core
