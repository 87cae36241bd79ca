// Reading the workspace's contents: `evalsets`, `runs`, `history`, `run export`. Reads only.
#pragma once

#include <vector>

#include "base/result.hpp"
#include "core/evidence.hpp"
#include "store/store.hpp"

namespace foresight::app {

// Every evaluation set, in the order they were added.
Result<std::vector<core::EvalSetInfo>> ListEvalSets(store::Store& store);

// Every run, in the order they were added.
Result<std::vector<core::RunInfo>> ListRuns(store::Store& store);
// A page of the runs that pass `filter`: at most filter.limit of them (which must be at least
// 1) from filter.offset on, and the offset of the next page when there are more (one more
// run is read to tell).
Result<store::RunPage> ListRunPage(store::Store& store, store::RunFilter filter);

// A run's stored predictions with its evaluation set's ids, in the set's order. Fails with
// kNotFound when there is no such run.
Result<core::RunPredictions> ExportRun(store::Store& store, const std::string& run);

// Every recorded version of the charter's success criteria, oldest first.
Result<std::vector<core::CriteriaVersion>> CriteriaHistory(store::Store& store);

}  // namespace foresight::app
