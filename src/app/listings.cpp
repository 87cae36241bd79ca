#include "app/listings.hpp"

#include <fmt/format.h>

namespace foresight::app {

Result<std::vector<core::EvalSetInfo>> ListEvalSets(store::Store& store) {
  return store.ListEvalSets();
}

Result<std::vector<core::RunInfo>> ListRuns(store::Store& store) { return store.ListRuns(); }

Result<store::RunPage> ListRunPage(store::Store& store, store::RunFilter filter,
                                   std::optional<int64_t> limit) {
  const int64_t asked = limit.value_or(static_cast<int64_t>(store::kRunPageDefault));
  if (asked < 1 || asked > static_cast<int64_t>(store::kRunPageLimit)) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("limit must be between 1 and {}: the runs are listed a page at "
                                  "a time (ask for the next page with offset=next_offset)",
                                  store::kRunPageLimit))
                    .WithField("limit"));
  }
  const auto page = static_cast<size_t>(asked);
  filter.limit = page + 1;
  auto runs = store.ListRuns(filter);
  if (!runs) return Fail(runs.error());
  store::RunPage out;
  if (runs->size() > page) {
    runs->resize(page);
    out.next_offset = filter.offset + page;
  }
  out.runs = std::move(*runs);
  return out;
}

Result<core::RunPredictions> ExportRun(store::Store& store, const std::string& run) {
  auto stored = store.GetRun(run);
  if (!stored) return Fail(stored.error());
  auto evalset = store.GetEvalSet(stored->evalset);
  if (!evalset) return Fail(evalset.error());
  core::RunPredictions out;
  out.run = stored->name;
  out.task = evalset->task;
  out.ids = std::move(evalset->ids);
  if (out.task == core::EvalTask::kMulticlass) out.classes = std::move(evalset->classes);
  out.predictions = std::move(stored->predictions);
  return out;
}

Result<std::vector<core::CriteriaVersion>> CriteriaHistory(store::Store& store) {
  return store.ListCriteria();
}

}  // namespace foresight::app
