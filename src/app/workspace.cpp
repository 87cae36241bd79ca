#include "app/workspace.hpp"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

#include "store/remote/remote_store.hpp"

namespace foresight::app {
namespace {

namespace fs = std::filesystem;

Workspace At(const fs::path& root) {
  return Workspace{root.string(), (root / kWorkspaceDir / kDatabaseFile).string()};
}

Result<Workspace> FromOverride(const std::string& dir, std::string_view source) {
  std::error_code ec;
  fs::path path = fs::absolute(dir, ec).lexically_normal();
  if (path.filename() == kWorkspaceDir) path = path.parent_path();
  if (!fs::is_directory(path / kWorkspaceDir, ec)) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("{} names '{}', which holds no {}/ workspace; run `foresight init {}`",
                            source, dir, kWorkspaceDir, dir));
  }
  return At(path);
}

}  // namespace

Result<Workspace> FindWorkspace(const std::optional<std::string>& override_dir,
                                const std::string& start) {
  if (override_dir) return FromOverride(*override_dir, FieldRef("workspace"));
  if (const char* env = std::getenv("FORESIGHT_WORKSPACE"); env != nullptr && *env != '\0') {
    return FromOverride(env, "FORESIGHT_WORKSPACE");
  }
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  while (true) {
    if (fs::is_directory(dir / kWorkspaceDir, ec)) return At(dir);
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
    dir = dir.parent_path();
  }
  return Fail(ErrorCode::kNotFound,
              fmt::format("no {}/ workspace here or in any parent folder; run `foresight init` in "
                          "the project folder, or pass {} DIR",
                          kWorkspaceDir, FieldRef("workspace")));
}

std::string StoreUrlOf(const std::string& given) {
  if (given.find("://") != std::string::npos) return given;
  const bool sqlite = given.starts_with("sqlite:");
  const std::string path = sqlite ? given.substr(7) : given;
  std::error_code ec;
  const fs::path database = fs::path(path) / kWorkspaceDir / kDatabaseFile;
  if (fs::is_directory(path, ec) && fs::exists(database, ec)) return "sqlite:" + database.string();
  return "sqlite:" + path;
}

Result<Workspace> CreateWorkspace(const std::string& dir) {
  std::error_code ec;
  const fs::path root = fs::absolute(dir, ec).lexically_normal();
  fs::create_directories(root / kWorkspaceDir, ec);
  if (ec) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("cannot create '{}': {}", (root / kWorkspaceDir).string(), ec.message()));
  }
  Workspace workspace = At(root);
  auto store = OpenWorkspaceStore(workspace, store::Access::kCreate);
  if (!store) return Fail(store.error());
  return workspace;
}

Result<std::unique_ptr<store::Store>> OpenWorkspaceStore(const Workspace& workspace,
                                                         store::Access access) {
  auto store = store::OpenStore("sqlite:" + workspace.database, store::kDefaultProject, access);
  if (!store) {
    Error error = store.error();
    std::error_code ec;
    if (error.code() == ErrorCode::kNotFound && !std::filesystem::exists(workspace.database, ec)) {
      error = Error(ErrorCode::kNotFound,
                    fmt::format("{}/ has no database ({} is missing): restore it from a backup, "
                                "or run `foresight init` to start an empty workspace",
                                kWorkspaceDir, workspace.database));
    }
    return Fail(error.WithContext("opening the workspace " + workspace.root));
  }
  return store;
}

namespace {

std::string Variable(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

RemoteSettings RemoteSettingsFor(std::string url) {
  RemoteSettings remote{std::move(url), Variable("FORESIGHT_TOKEN"), Variable("FORESIGHT_PROJECT"),
                        Variable("FORESIGHT_CA_CERT")};
  if (remote.project.empty()) remote.project = std::string(store::kDefaultProject);
  return remote;
}

std::optional<RemoteSettings> RemoteFromEnvironment() {
  std::string url = Variable("FORESIGHT_URL");
  if (url.empty()) return std::nullopt;
  return RemoteSettingsFor(std::move(url));
}

Result<std::unique_ptr<store::Store>> OpenRemoteWorkspaceStore(const RemoteSettings& remote,
                                                               store::Access access) {
  auto store =
      store::OpenRemoteStore({remote.url, remote.token, remote.ca_file}, remote.project, access);
  if (!store) {
    return Fail(store.error().WithContext(
        fmt::format("opening project '{}' on {}", remote.project, remote.url)));
  }
  return store;
}

namespace {

// Remote mode's charter folder: the override, else the nearest folder at or above `start`
// with a foresight.yaml (or a .foresight/), else `start`.
std::string CharterRoot(const std::string& override_dir, const std::string& start) {
  std::error_code ec;
  if (!override_dir.empty()) {
    fs::path path = fs::absolute(override_dir, ec).lexically_normal();
    if (path.filename() == kWorkspaceDir) path = path.parent_path();
    return path.string();
  }
  const fs::path from = fs::absolute(start, ec).lexically_normal();
  for (fs::path dir = from;; dir = dir.parent_path()) {
    if (fs::exists(dir / "foresight.yaml", ec) || fs::is_directory(dir / kWorkspaceDir, ec)) {
      return dir.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
  }
  return from.string();
}

}  // namespace

Result<OpenedWorkspace> OpenWorkspace(const std::string& override_dir, const std::string& start,
                                      store::Access access) {
  Result<Workspace> found = Workspace{};
  Result<std::unique_ptr<store::Store>> store = nullptr;
  if (auto remote = RemoteFromEnvironment()) {
    found = Workspace{CharterRoot(override_dir, start), remote->url, remote->project};
    store = OpenRemoteWorkspaceStore(*remote, access);
  } else {
    found = FindWorkspace(
        override_dir.empty() ? std::nullopt : std::optional<std::string>(override_dir), start);
    if (!found) return Fail(found.error());
    store = OpenWorkspaceStore(*found, access);
  }
  if (!store) return Fail(store.error());
  OpenedWorkspace opened{*found, std::move(*store), std::nullopt, std::nullopt, std::nullopt};
  const auto charter = std::filesystem::path(found->root) / "foresight.yaml";
  std::error_code ec;
  if (std::filesystem::exists(charter, ec)) {
    opened.charter = charter.string();
    auto criteria = ReadCriteria(*opened.charter);
    if (criteria) {
      opened.criteria = std::move(*criteria);
    } else {
      opened.charter_problem = criteria.error();
    }
  }
  return opened;
}

}  // namespace foresight::app
