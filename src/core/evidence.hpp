// Evaluation sets and runs: the evidence foresight keeps, as plain values.
//
// An evaluation set is stored once: example ids, ground truth and optional slice columns.
// A run holds one model's per-example predictions on one evaluation set, aligned to the
// set's row order, so every metric can be recomputed from them at any time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace foresight::core {

enum class EvalTask { kBinary, kMulticlass, kRegression };

// "binary", "multiclass", "regression".
std::string_view EvalTaskName(EvalTask task);
std::optional<EvalTask> ParseEvalTask(std::string_view name);

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

  size_t size() const { return ids.size(); }
};

// What `foresight evalsets` lists, without the columns.
struct EvalSetInfo {
  std::string name;
  EvalTask task = EvalTask::kBinary;
  size_t rows = 0;
  std::vector<std::string> classes;
  std::vector<std::string> slices;
  std::string created_at;
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

// The success criteria of one charter version, as the store records them.
struct CriteriaVersion {
  std::string charter_hash;  // content hash of the charter file
  std::string metric;        // canonical metric spelling; empty when not declared
  std::optional<double> threshold;
  std::optional<double> confidence;
  std::string seen_at;  // ISO 8601, UTC
};

}  // namespace foresight::core
