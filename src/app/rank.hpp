// `foresight rank`: every run re-scored on one metric, ranked, and judged against the target.
//
// Re-scoring a history must be quick when the metric or the target changes, so the work is
// in two tiers. Every run gets its point estimate and the jackknife's standard error (one
// prepared metric and one O(n) pass, no resamples), which ranks them. Only the runs that
// could meet the target (or, without one, could be the best) get the bootstrap: an interval
// and P(target met). A run whose estimate is more than `reach` standard errors short is out
// of reach: at 6 standard errors a normal approximation gives it a chance below 1e-9, and
// the bootstrap's P(target met) would be 0 of its resamples. Its interval is computed on
// demand (`foresight eval RUN`). Both tiers are kept in the result cache, so ranking again
// is a lookup.
#pragma once

#include <optional>
#include <string>

#include "app/criteria.hpp"
#include "app/measure.hpp"
#include "base/result.hpp"
#include "core/ranking.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct RankOptions {
  // The metric; default: the charter's primary metric, else the task's first default.
  std::optional<std::string> metric;
  store::RunFilter filter;  // which runs (evaluation set, method, tags); all by default
  // Contenders measured with the bootstrap per evaluation set, best first; the rest are
  // kBeyondLimit. 0: every contender.
  size_t max_intervals = 20;
  double reach = 6;  // standard errors: the screen's margin (see above)
  EvidenceOptions evidence;
};

// Ranks the runs that pass the filter, per evaluation set. Fails with kFailedPrecondition
// when no run passes, and as eval does for an unknown metric. A run on whose predictions the
// metric is undefined is left out with a note.
Result<core::Ranking> Rank(store::Store& store, const RankOptions& options,
                           const std::optional<Criteria>& criteria);

}  // namespace foresight::app
