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
  std::string root;          // the folder that holds .foresight/ (remote: the charter's folder)
  std::string database;      // .foresight/foresight.db (remote: the server's URL)
  std::string project = {};  // remote: the project on the server; empty for a local workspace
  bool remote() const { return !project.empty(); }
};

// Remote mode: the server the workspace commands work against instead of a local .foresight/,
// from the environment (the CLI's --server and --project set the same variables):
// FORESIGHT_URL (http://HOST:PORT or https://HOST[:PORT][/PATH]), FORESIGHT_TOKEN (the token
// `foresight admin token create` or a login gave), FORESIGHT_PROJECT ("default" unless set),
// FORESIGHT_CA_CERT (HTTPS: a PEM file of a private certificate authority to trust).
struct RemoteSettings {
  std::string url;
  std::string token;
  std::string project;
  std::string ca_file;
};
// The settings when FORESIGHT_URL is set and not empty.
std::optional<RemoteSettings> RemoteFromEnvironment();
// The settings for the server at `url`, with the token (and CA file) of the environment.
RemoteSettings RemoteSettingsFor(std::string url);

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

// Opens the project on the server as `access` says (kCreate makes a missing project).
Result<std::unique_ptr<store::Store>> OpenRemoteWorkspaceStore(const RemoteSettings& remote,
                                                               store::Access access);

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
// store data. In remote mode (RemoteFromEnvironment) the store is the server's project, and
// the charter is the foresight.yaml of override_dir, or the nearest one at or above `start`.
Result<OpenedWorkspace> OpenWorkspace(const std::string& override_dir, const std::string& start,
                                      store::Access access);

}  // namespace foresight::app
