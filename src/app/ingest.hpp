// Ingestion use cases: `foresight evalset add` and `foresight run add`.
//
// All or nothing: every problem in the file is collected as a diagnostic (naming the first
// offending lines and how many there are) and, if there is any, nothing is stored.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "base/source_file.hpp"
#include "diag/diagnostic.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct EvalSetAddOptions {
  std::string name = {};
  std::string file = {};
  // The file's bytes, when the caller holds them already (an upload to the server): `file`
  // then only names them in messages and, by its extension, gives their format.
  std::optional<std::string> content = {};
  std::string id_column = {};
  std::string label_column = {};
  std::vector<std::string> slice_columns = {};
  std::optional<std::string> task = {};      // binary | multiclass | regression; inferred if absent
  std::optional<std::string> positive = {};  // binary: the positive label
};

struct RunAddOptions {
  std::string name = {};
  std::string evalset = {};
  std::string predictions_file = {};
  // As EvalSetAddOptions::content.
  std::optional<std::string> content = {};
  std::string id_column = "id";
  std::optional<std::string> score_column = {};  // binary
  std::optional<std::string> proba_prefix = {};  // multiclass: columns PREFIX<class>
  std::optional<std::string> value_column = {};  // regression
  // Multiclass: divide each row's probabilities by their sum instead of refusing rows that do
  // not sum to 1 (within kProbabilitySumTolerance); for probabilities rounded before export.
  bool renormalize = false;
  std::string method = {};
  std::optional<int64_t> train_size = {};
  std::optional<double> effort_hours = {};
  std::vector<std::pair<std::string, std::string>> params = {};
  std::vector<std::pair<std::string, std::string>> tags = {};
};

// The outcome of reading a user's file: either stored (what was stored) or refused with
// diagnostics pointing into `file`.
struct IngestOutcome {
  std::unique_ptr<SourceFile> file;
  std::vector<diag::Diagnostic> diagnostics;
  std::optional<core::EvalSetInfo> evalset;  // AddEvalSet: the set stored
  std::optional<core::RunInfo> run;          // AddRun: the run stored
  size_t predictions = 0;                    // AddRun: one per example of its set
  // AddRun with renormalize: the row sum farthest from 1 before dividing.
  std::optional<double> renormalized_worst_sum = {};
  bool stored() const { return diagnostics.empty(); }
};

// How far a multiclass row's probabilities may sum from 1 without --renormalize.
inline constexpr double kProbabilitySumTolerance = 1e-4;

// Largest table file accepted (a predictions file of a few million rows fits easily).
inline constexpr size_t kMaxTableBytes = size_t{1} << 30U;
// The longest id an example may have: ids are keys, and a megabyte-long one would make every
// evaluation read and hold megabytes per example.
inline constexpr size_t kMaxIdBytes = 1024;

// Fails (Result) for problems that are not in the file: a missing file, a name already
// taken, an unknown evaluation set, a store error.
Result<IngestOutcome> AddEvalSet(store::Store& store, const EvalSetAddOptions& options,
                                 const Clock& clock);
Result<IngestOutcome> AddRun(store::Store& store, const RunAddOptions& options, const Clock& clock);

}  // namespace foresight::app
