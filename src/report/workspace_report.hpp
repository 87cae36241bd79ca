// Renderers for the workspace's contents and for ingestion: `evalsets`, `runs`, what
// `evalset add` and `run add` stored, and the closing line under problems found in a user's
// file. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/evidence.hpp"
#include "core/migration.hpp"
#include "diag/diagnostic.hpp"
#include "diag/text_renderer.hpp"

namespace foresight::report {

std::string RenderEvalSetsText(const std::vector<core::EvalSetInfo>& sets);
std::string RenderEvalSetsJson(const std::vector<core::EvalSetInfo>& sets);
std::string RenderRunsText(const std::vector<core::RunInfo>& runs);
std::string RenderRunsJson(const std::vector<core::RunInfo>& runs);
// A page of a listing (the server's): as RenderRunsJson, with "next_offset" when more runs
// follow.
std::string RenderRunPageJson(const std::vector<core::RunInfo>& runs,
                              std::optional<size_t> next_offset);

// One line, e.g. "added evaluation set 'bc': 569 examples, binary task, classes B, M".
std::string RenderEvalSetAdded(const core::EvalSetInfo& set);
// Why a reading command on a workspace that can only be read keeps nothing: no criteria
// version recorded, no result cached.
std::string ReadOnlyWorkspaceWarning(const std::string& root);
// A charter whose success criteria were not recorded in a server project's history (the
// caller's role may not change them): `why`, the server's refusal.
std::string CriteriaNotRecordedWarning(const std::string& why);
// The same for a viewer of a server's project (remote mode).
std::string ReadOnlyProjectWarning(const std::string& project, const std::string& server);

// What `foresight migrate` copied, per project, and that every metric was found equal.
std::string RenderMigrationText(const core::MigrationResult& result);
std::string RenderMigrationJson(const core::MigrationResult& result);

// Why a command's output is incomplete: writing it failed for `reason` (the system's words,
// e.g. "No space left on device").
std::string OutputNotWritten(std::string_view reason);

// What `run rm|mv` and `evalset rm|mv` act on.
enum class Item { kRun, kEvalSet };
// "deleted run 'a'".
std::string RenderDeleted(Item item, const std::string& name);
// "renamed run 'a' to 'b'".
std::string RenderRenamed(Item item, const std::string& name, const std::string& new_name);

// A run's predictions as CSV in the layout `run add` reads (id, then score, proba_<class>
// per class, or prediction), every value written so that it reads back to the same double.
std::string RenderPredictionsCsv(const core::RunPredictions& predictions);

// One line, e.g. "added run 'lr' on 'bc': 569 predictions, method logistic".
// `renormalized_worst_sum`: set when the probabilities were divided by their row sums (the
// sum farthest from 1 before that).
std::string RenderRunAdded(const core::RunInfo& run, size_t predictions,
                           std::optional<double> renormalized_worst_sum = std::nullopt);

// What was not done because of problems in the user's input.
enum class Refusal {
  kNothingStored,   // evalset add, run add
  kNoForecast,      // forecast from a points file
  kNothingTrained,  // probe
};

// Every problem (rendered like compiler errors), then one closing line saying what was not
// done and how to go on.
std::string RenderInputProblems(const std::vector<diag::Diagnostic>& diagnostics, Refusal refusal,
                                const diag::TextStyle& style);

}  // namespace foresight::report
