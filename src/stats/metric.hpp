// Metrics: definitions with metadata, registered by name, computed by prepared kernels.
//
// A metric is prepared once on an evaluation set (sorting by score and other per-data work)
// into a Kernel; the kernel then evaluates the metric under any Resample in O(n), which is
// what makes thousands of bootstrap resamples on a million examples cheap.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "stats/resample.hpp"

namespace foresight::stats {

enum class TaskKind { kBinary, kMulticlass, kRegression };

// What a metric reads. Every span has one entry per example (proba: n * classes, row-major),
// in evaluation-set row order: example i has id i for Resample::Count.
struct MetricData {
  TaskKind task = TaskKind::kBinary;
  std::span<const int32_t> label;  // binary: 0/1; multiclass: 0..classes-1
  std::span<const double> score;   // binary: score of the positive class (any real number)
  std::span<const double> proba;   // multiclass: probabilities, n * classes
  size_t classes = 0;              // multiclass
  std::span<const double> target;  // regression: true values
  std::span<const double> value;   // regression: predicted values
  size_t size() const;
};

// The sampling model of a metric that has one, for an interval that stays honest on small
// sets (score_interval.hpp): a proportion of successes among trials (accuracy: correct
// predictions among all examples; recall: among the positives), or ROC AUC with its class
// counts.
struct ScoreModel {
  enum class Kind {
    kProportion,  // successes among `trials`
    kAuc,         // the area under the ROC curve of `positives` and `negatives`
  };
  Kind kind = Kind::kProportion;
  double trials = 0;     // kProportion: the metric's denominator (all examples for accuracy)
  double positives = 0;  // kAuc: the examples of each class
  double negatives = 0;
};

// A metric prepared on one MetricData. Thread-safe: Evaluate may run concurrently.
class Kernel {
 public:
  virtual ~Kernel() = default;
  // The metric when example i counts resample.Count(i) times. NaN when undefined on this
  // resample (e.g. ROC-AUC with one class only).
  virtual double Evaluate(const Resample& resample) const = 0;

  // Optional, for metrics that depend only on how many examples fall in each of a few
  // cells (a confusion matrix): CellOf()[id] is example id's cell, and EvaluateCells gives
  // the metric from per-cell counts. The bootstrap then draws one count per cell instead of
  // one per example: under the Poisson bootstrap, a cell of m examples gets a
  // Poisson(m)-distributed total, exactly, so a resample costs O(cells), not O(n).
  // Kernels that are not cell-based keep the defaults (no cells).
  virtual size_t CellCount() const { return 0; }
  virtual std::span<const uint8_t> CellOf() const { return {}; }
  virtual double EvaluateCells(std::span<const double> /*counts*/) const { return 0; }

  // Optional, for metrics that are the mean of fixed per-example values (log loss, Brier,
  // MAE; RMSE is the square root of one): the values, one per id, and whether the metric is
  // the square root of their weighted mean. The bootstrap then evaluates a batch of
  // resamples per pass over the values, which keeps them in cache instead of reading all n
  // from memory once per resample. Kernels that are not means keep the default.
  struct MeanForm {
    std::span<const double> values;
    bool take_sqrt = false;
  };
  virtual std::optional<MeanForm> AsMean() const { return std::nullopt; }

  // Optional, for metrics whose leave-one-out values each cost O(1) once the kernel is
  // prepared (a mean: the sum less one value; ROC AUC: the pair count less the example's
  // placement): the metric with example id left out, for every id (NaN where undefined).
  // BCa's acceleration then comes from the full jackknife, as SciPy computes it, in O(n)
  // rather than from G more O(n) kernel evaluations. Others keep the default.
  virtual std::optional<std::vector<double>> LeaveOneOut() const { return std::nullopt; }

  // Optional, for kernels that visit the examples in an order of their own (ROC AUC: by
  // score): replicates first..first+out.size()-1 of the Poisson bootstrap seeded with
  // `seed`, with the counts dealt out by position in that order instead of by id, several
  // resamples per sequential pass. The counts are independent Poisson(1) draws either way,
  // and dealing them through a fixed permutation leaves each replicate's distribution
  // unchanged; the kernel then reads its data once per batch instead of looking every
  // count up at random, which is most of the cost once n outgrows the caches. Only a lone
  // kernel's interval uses this: anything that pairs kernels over the same examples (a
  // paired comparison) calls Evaluate, whose counts stay by id. out.size() is at most
  // kInOrderBatch. Kernels without an order of their own keep the defaults.
  static constexpr size_t kInOrderBatch = 16;
  virtual bool HasOwnOrder() const { return false; }
  virtual void ReplicatesInOwnOrder(uint64_t /*seed*/, uint64_t /*first*/,
                                    std::span<double> /*out*/) const {}

  // Optional, for metrics whose MetricDef names a score model: that model's counts on all
  // the data (how many trials the proportion has; ROC AUC's class counts).
  virtual std::optional<ScoreModel> Score() const { return std::nullopt; }
};

// Metric parameters by name, e.g. {"beta": 2}.
using Params = std::map<std::string, double>;

struct ParamSpec {
  std::string name;
  double default_value = 0;
  double min = 0;
  double max = 0;
  bool integer = false;
  std::string description;
  bool min_exclusive = false;  // the value must exceed min (fbeta's beta > 0)
};

// Which paired test decides whether two runs differ on a metric (and gives its p-value).
enum class PairedTest {
  kBootstrap,  // the paired bootstrap of the difference: any metric
  kDeLong,     // DeLong's test for two correlated ROC AUCs (an exact variance, O(n log n))
  kMcNemar,    // McNemar's test on the examples exactly one of the two runs gets right
};

// "paired bootstrap", "delong", "mcnemar".
std::string_view PairedTestName(PairedTest test);

struct MetricDef {
  std::string name;    // "fbeta": stable, public
  std::string family;  // "binary scores", "binary at a threshold", "multiclass", "regression"
  std::vector<TaskKind> tasks;
  bool higher_is_better = true;
  std::vector<ParamSpec> params;
  std::string description;  // one line, for `foresight metrics` and docs
  std::string reference;    // the scikit-learn function it agrees with
  // Prepares a kernel; fails with kInvalidArgument when the data cannot support the metric.
  std::function<Result<std::unique_ptr<Kernel>>(const MetricData&, const Params&)> prepare;
  // The values the metric can take (infinite where unbounded): [0, 1] for shares and
  // probabilities, [-1, 1] for correlations (MCC, kappa), (-inf, 1] for R^2, [0, inf) for
  // losses and errors. metric_test checks every value computed lies inside.
  double min_value = 0;
  double max_value = 1;
  // The test `compare` uses on this metric.
  PairedTest paired_test = PairedTest::kBootstrap;
  // The metric's sampling model, when it has one (a proportion, ROC AUC): its kernels then
  // give the counts (Kernel::Score), and intervals and verdicts take the score interval into
  // account, which stays honest on small sets. Rules size evaluation sets with it.
  std::optional<ScoreModel::Kind> score_model;

  // The value of perfect predictions; metric_test checks each metric reaches it.
  double BestValue() const { return higher_is_better ? max_value : min_value; }
  // Whether values lie in [0, 1], so a difference reads as percentage points (x100).
  bool InUnitInterval() const { return min_value == 0 && max_value == 1; }
};

// A metric named with its parameters, as users write it: "fbeta{beta=2}", "roc_auc".
struct MetricSpec {
  const MetricDef* def = nullptr;
  Params params;  // every parameter, defaults filled in
  // Canonical spelling: parameters in declaration order, defaults omitted.
  std::string ToString() const;
};

class MetricRegistry {
 public:
  explicit MetricRegistry(std::vector<MetricDef> defs);
  std::span<const MetricDef> defs() const { return defs_; }
  // The definition with this name (and, when given, for this task); null if none.
  const MetricDef* Find(std::string_view name, std::optional<TaskKind> task = {}) const;
  // Parses "name{p=v,...}", checking the name (did-you-mean), parameter names and bounds.
  Result<MetricSpec> Parse(std::string_view text, TaskKind task) const;
  // The definition of a metric as users write it ("roc_auc", "fbeta{beta=2}") whatever the
  // task: Parse's for the first task it parses for (binary, multiclass, then regression); null
  // when it parses for none (an unknown name, a bad parameter).
  const MetricDef* FindAnyTask(std::string_view text) const;

 private:
  std::vector<MetricDef> defs_;
};

// The built-in metrics (builtin_metrics.cpp).
const MetricRegistry& BuiltinMetrics();

// The metric on all examples: Prepare + Evaluate(Resample::All()).
Result<double> ComputeMetric(const MetricSpec& spec, const MetricData& data);

}  // namespace foresight::stats
