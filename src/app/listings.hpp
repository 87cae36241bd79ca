// Reading the workspace's contents: `evalsets`, `runs`, `history`, `run export`. Reads only.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/result.hpp"
#include "core/evidence.hpp"
#include "store/store.hpp"

namespace foresight::app {

// Every evaluation set, in the order they were added.
Result<std::vector<core::EvalSetInfo>> ListEvalSets(store::Store& store);

// Every run, in the order they were added.
Result<std::vector<core::RunInfo>> ListRuns(store::Store& store);
// A page of the runs that pass `filter` (its limit is ignored), from filter.offset on: `limit`
// of them, store::kRunPageDefault when not given, and the offset of the next page when there
// are more (one more run is read to tell). Fails with kInvalidArgument (field "limit") for a
// limit outside 1 to store::kRunPageLimit.
Result<store::RunPage> ListRunPage(store::Store& store, store::RunFilter filter,
                                   std::optional<int64_t> limit);

// A run's stored predictions with its evaluation set's ids, in the set's order. Fails with
// kNotFound when there is no such run.
Result<core::RunPredictions> ExportRun(store::Store& store, const std::string& run);

// Every recorded version of the charter's success criteria, oldest first.
Result<std::vector<core::CriteriaVersion>> CriteriaHistory(store::Store& store);

}  // namespace foresight::app
