// The evidence use cases: `foresight eval`, `foresight compare`, `foresight history`.
//
// Every number is computed from the stored per-example predictions (never from what a
// training script logged), with a bootstrap interval; comparisons are paired.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "core/evidence.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct EvidenceOptions {
  std::vector<std::string> metrics;  // empty: the charter's primary metric, else task defaults
  double confidence = 0.95;
  size_t resamples = 2000;
  bool bca = true;  // else percentile
  uint64_t seed = 0;
  size_t threads = 0;
};

using core::Comparison;
using core::Criterion;
using core::CriterionRow;
using core::EvalResult;
using core::EvalRow;

// Evaluates runs (all when `runs` is empty). `charter_path`, when it names a readable
// charter, supplies the default metric and the success criterion, and its criteria are
// recorded in the store's history (a change is reported in `notes`).
Result<EvalResult> Evaluate(store::Store& store, const std::vector<std::string>& runs,
                            const EvidenceOptions& options, bool slices,
                            const std::optional<std::string>& charter_path, const Clock& clock);

// Compares `b` runs against `a` (paired, on the same evaluation set). With several b runs
// the p-values are also Holm-adjusted.
Result<std::vector<Comparison>> Compare(store::Store& store, const std::string& a,
                                        const std::vector<std::string>& b,
                                        const EvidenceOptions& options,
                                        const std::optional<std::string>& charter_path);

}  // namespace foresight::app
