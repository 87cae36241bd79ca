// What `foresight probe` found, as plain values for the renderers (report/) and JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/evidence.hpp"
#include "core/forecast.hpp"

namespace foresight::core {

// Why a column was left out of the features.
struct ColumnDrop {
  enum class Reason {
    kAllMissing,     // missing in every row
    kTooManyValues,  // `values` distinct values in `rows` rows: an identifier or free text
  };
  Reason reason = Reason::kAllMissing;
  size_t values = 0;
  size_t rows = 0;
};

// How one column of the table was read.
struct ProbeColumn {
  std::string name = {};
  std::string kind = {};    // "numeric", "boolean", "categorical"
  std::string origin = {};  // "declared" (ARFF), "override" (--type) or "inferred"
  size_t missing = 0;
  size_t levels = 0;                    // categorical
  std::string role = {};                // "target", "id", "feature", "ignored", "dropped"
  std::optional<ColumnDrop> drop = {};  // role "dropped": why
};

// Something about the table or the probe's run that its reader should know; the report words
// it. Each kind uses the fields its comment names.
struct ProbeWarning {
  enum class Kind {
    kTypeRefused,        // `column`'s values cannot be `type` ("numeric", "boolean"): it is
                         // typed as the file declares it (`declared`), or as inferred
    kRowsWithoutTarget,  // `count` rows without a target value were left out
    kClassBelowFolds,    // class `name` has `count` examples, fewer than the `limit` folds
    kRareClass,          // class `name` has only `count` examples
    kLevelsGrouped,      // `column` has `count` values: the `limit` most frequent are kept
    kColumnDropped,      // `column` was left out, for `drop`
    kMetricNotForTask,   // the charter's metric `name` is not for a `task` target: `used`
                         // instead
    kFewerThreads,       // fewer threads than asked for run, for `reason` (the pool's words)
  };
  Kind kind = Kind::kRowsWithoutTarget;
  std::string column = {};
  std::string name = {};  // a class, or the charter's metric
  size_t count = 0;
  size_t limit = 0;
  std::string type = {};
  bool declared = false;
  ColumnDrop drop = {};
  std::string task = {};  // "binary", "multiclass", "regression"
  std::string used = {};
  std::string reason = {};
};

// Something about one learner that its reader should know; the report words it.
struct ProbeNote {
  enum class Kind {
    kNotTrained,  // its fits at `sizes` failed, for `reason` (the learner's words)
    kNoForecast,  // its curve could not be forecast, for `reason` (the forecaster's words)
  };
  Kind kind = Kind::kNotTrained;
  std::vector<int64_t> sizes = {};
  std::string reason = {};
};

struct ProbeCurvePoint {
  int64_t size = 0;
  double estimate = 0;
  double standard_error = 0;
  std::string run;
};

struct ProbeLearner {
  std::string name;
  bool interpretable = false;
  std::string description;
  std::string run;  // the run at the full training size (out-of-fold predictions)
  std::optional<EvalRow> metric;
  std::optional<CriterionRow> criterion;  // against the charter's target
  std::vector<ProbeCurvePoint> curve;
  std::optional<Forecast> forecast;
  double seconds = 0;                  // training and predicting, all folds and sizes
  std::vector<int64_t> skipped_sizes;  // not trained: time budget, or a subsample with one class
  std::vector<ProbeNote> notes;
};

// Best black box against best glass box, paired on the same examples.
struct ProbeGap {
  std::string black_box;  // learner names
  std::string glass_box;
  std::string black_run;
  std::string glass_run;
  double difference = 0;  // black - glass, in the metric's units
  double lower = 0;
  double upper = 0;
  double p_value = 1;
  std::string test;
};

struct ProbeResult {
  std::string data;     // the table file
  std::string evalset;  // the probe's id: its evaluation set, and the runs' prefix
  std::string task;     // "binary", "multiclass", "regression"
  bool task_inferred = false;
  std::string target;
  std::vector<std::string> classes;                   // binary: {negative, positive}
  std::optional<InferredPositive> positive_inferred;  // binary: how, when --positive did not say
  size_t rows = 0;
  size_t features = 0;
  // With --sample: the records in the file the rows were drawn from (counted by line ends,
  // so at most the file's rows), else 0.
  size_t sampled_from = 0;
  size_t folds = 0;
  uint64_t seed = 0;
  int64_t full_size = 0;  // training rows per fold
  std::string metric;
  bool higher_is_better = true;
  bool unit_interval = false;  // the metric lies in [0, 1]: differences read as points
  double confidence = 0.95;
  size_t curve_resamples = 0;  // bootstrap resamples behind each curve point's standard error
  std::optional<Criterion> criterion;
  std::vector<ProbeColumn> columns;
  std::vector<ProbeLearner> learners;
  std::optional<ProbeGap> gap;
  std::optional<double> time_budget;
  std::vector<ProbeWarning> warnings;
  double seconds = 0;
};

}  // namespace foresight::core
