#include "app/manage.hpp"

#include "base/result.hpp"

namespace foresight::app {

Status DeleteRun(store::Store& store, const std::string& name) { return store.DeleteRun(name); }

Status RenameRun(store::Store& store, const std::string& name, const std::string& new_name) {
  return store.RenameRun(name, new_name);
}

Status DeleteEvalSet(store::Store& store, const std::string& name, bool with_runs) {
  if (Status deleted = store.DeleteEvalSet(name, with_runs); !deleted) {
    if (deleted.error().code() != ErrorCode::kFailedPrecondition || with_runs) return deleted;
    return Fail(Error(ErrorCode::kFailedPrecondition,
                      deleted.error().message() + " (" + FieldRef("with_runs") + ")"));
  }
  return {};
}

Status RenameEvalSet(store::Store& store, const std::string& name, const std::string& new_name) {
  return store.RenameEvalSet(name, new_name);
}

}  // namespace foresight::app
