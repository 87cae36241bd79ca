#include "app/workspace.hpp"

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

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

Result<OpenedWorkspace> OpenWorkspace(const std::string& override_dir, const std::string& start,
                                      store::Access access) {
  auto found = FindWorkspace(
      override_dir.empty() ? std::nullopt : std::optional<std::string>(override_dir), start);
  if (!found) return Fail(found.error());
  auto store = OpenWorkspaceStore(*found, access);
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
