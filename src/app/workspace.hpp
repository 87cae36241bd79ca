// The workspace: a `.foresight/` folder holding the SQLite store, found by walking up from
// the working directory as git finds `.git/`.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/criteria.hpp"
#include "base/result.hpp"
#include "store/store.hpp"

namespace foresight::app {

inline constexpr std::string_view kWorkspaceDir = ".foresight";
inline constexpr std::string_view kDatabaseFile = "foresight.db";

struct Workspace {
  std::string root;      // the folder that holds .foresight/
  std::string database;  // .foresight/foresight.db
};

// Where the workspace is: `override_dir` (from --workspace) if given, else the
// FORESIGHT_WORKSPACE environment variable, else the nearest folder at or above `start`
// holding `.foresight/`. Either override may name the project folder or the .foresight
// folder itself. Fails with kNotFound, saying to run `foresight init`.
Result<Workspace> FindWorkspace(const std::optional<std::string>& override_dir,
                                const std::string& start);

// A store URL as store::OpenStore reads it: postgresql://... and sqlite:PATH as given, a
// folder holding a .foresight/ workspace (with or without "sqlite:") as its database, any
// other path as a SQLite file.
std::string StoreUrlOf(const std::string& given);

// Creates DIR/.foresight/ and its database (idempotent).
Result<Workspace> CreateWorkspace(const std::string& dir);

// Opens the workspace's store as `access` says (kCreate for `init` only: elsewhere a missing
// or emptied database is an error, never silently replaced by an empty one).
Result<std::unique_ptr<store::Store>> OpenWorkspaceStore(const Workspace& workspace,
                                                         store::Access access);

// A found workspace with its store open, and the charter beside it if there is one, read
// once: its success criteria, or why they could not be read.
struct OpenedWorkspace {
  Workspace workspace;
  std::unique_ptr<store::Store> store;
  std::optional<std::string> charter;    // ROOT/foresight.yaml, when it exists
  std::optional<Criteria> criteria;      // when the charter exists and parses
  std::optional<Error> charter_problem;  // when it exists but could not be read or parsed
};
// FindWorkspace (an empty override_dir counts as none), then OpenWorkspaceStore: kRead for
// the commands that read (a read-only workspace opens read-only), kWrite for those that
// store data.
Result<OpenedWorkspace> OpenWorkspace(const std::string& override_dir, const std::string& start,
                                      store::Access access);

}  // namespace foresight::app
