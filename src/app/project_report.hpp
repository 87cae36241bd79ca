// The `report` use case: everything a leader's report shows, gathered from the workspace
// and the charter through the same use cases as the CLI (rank, eval, compare, forecast,
// gate, check), so every number in it is one a footnoted command reproduces.
#pragma once

#include <optional>
#include <string>

#include "app/measure.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "core/check.hpp"
#include "core/report.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct ReportOptions {
  // The charter, when there is one (absent: the report says so and judges the evidence only).
  std::optional<core::CheckResult> check;
  std::string project_fallback;     // the project's name when no charter names it
  std::optional<std::string> base;  // a run to report the changes since (--base)
  size_t max_curves = 6;            // methods with a learning curve, best first
  size_t max_comparisons = 3;       // runs compared with the best
  EvidenceOptions evidence;
  // The day the plan's outlook is computed as of (YYYY-MM-DD); absent: today.
  std::optional<std::string> plan_today;
};

// Gathers the report. Fails only when the store cannot be read or `base` names no run; a
// section that cannot be computed is listed in `skipped` and the rest stands.
Result<core::ProjectReport> BuildReport(store::Store& store, const ReportOptions& options,
                                        const Clock& clock);

}  // namespace foresight::app
