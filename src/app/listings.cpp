#include "app/listings.hpp"

namespace foresight::app {

Result<std::vector<core::EvalSetInfo>> ListEvalSets(store::Store& store) {
  return store.ListEvalSets();
}

Result<std::vector<core::RunInfo>> ListRuns(store::Store& store) { return store.ListRuns(); }

Result<std::vector<core::CriteriaVersion>> CriteriaHistory(store::Store& store) {
  return store.ListCriteria();
}

}  // namespace foresight::app
