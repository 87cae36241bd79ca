// Deleting and renaming what the workspace holds: `run rm|mv` and `evalset rm|mv`. Each is
// one transaction of the store: done whole or not at all.
#pragma once

#include <string>

#include "base/result.hpp"
#include "store/store.hpp"

namespace foresight::app {

// A run with its predictions and cached results. Fails with kNotFound when there is none.
Status DeleteRun(store::Store& store, const std::string& name);
// Fails with kNotFound, kAlreadyExists when `new_name` is taken, kInvalidArgument when empty.
Status RenameRun(store::Store& store, const std::string& name, const std::string& new_name);
// An evaluation set, with its runs when `with_runs`; without, fails with kFailedPrecondition
// when runs use it (naming them).
Status DeleteEvalSet(store::Store& store, const std::string& name, bool with_runs);
Status RenameEvalSet(store::Store& store, const std::string& name, const std::string& new_name);

}  // namespace foresight::app
