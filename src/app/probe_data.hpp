// The probe's first step: a user's table and options become a learners::Dataset (features
// typed, the target encoded) and the evaluation set its runs are stored on. Every problem
// is a diagnostic pointing into the file, or a typed warning the report words.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/probe.hpp"
#include "core/evidence.hpp"
#include "core/probe.hpp"
#include "learners/learner.hpp"
#include "table/table.hpp"

namespace foresight::app {

// Categorical features with more levels than this, or with a level for most rows, look like
// identifiers or free text: they are left out, with a warning.
inline constexpr size_t kMaxLevels = 1000;

struct ProbeData {
  learners::Dataset dataset;
  core::EvalSet evalset;  // ids, labels or targets; no slices yet (the folds come later)
  std::vector<core::ProbeColumn> columns;
  std::vector<core::ProbeWarning> warnings;  // in the order they arose
  bool task_inferred = false;
  std::optional<core::InferredPositive> positive_inferred;  // binary, when not --positive
};

// Fills `out` with diagnostics (and returns nullopt) when the table cannot be probed: no
// such target or id column, a target that is no task (InferTarget's problems: one value, not
// binary, too many classes, not numeric, --positive not a class), more classes than the
// probe trains on, ids missing or repeated, no usable feature.
std::optional<ProbeData> PrepareProbeData(const table::Table& table, const SourceFile& file,
                                          const ProbeOptions& options,
                                          std::vector<diag::Diagnostic>& out);

}  // namespace foresight::app
