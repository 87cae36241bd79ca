// Accounts of a shared store: users, their API tokens, their roles in projects, and the
// audit log of writes. Plain values; the store keeps them, app/accounts makes and checks
// them (password and token hashing), the server enforces them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foresight::core {

// What a user may do in a project; each role can do everything the ones before it can.
//   viewer:      read evaluation sets, runs and results
//   contributor: add evaluation sets and runs
//   maintainer:  delete and rename, change the criteria
//   admin:       manage the project's members
enum class ProjectRole { kViewer, kContributor, kMaintainer, kAdmin };

std::string_view ProjectRoleName(ProjectRole role);
// Whether a member with role `held` may do what needs role `needed`: each role may do what
// the ones before it may.
constexpr bool Permits(ProjectRole held, ProjectRole needed) {
  return static_cast<int>(held) >= static_cast<int>(needed);
}
std::optional<ProjectRole> ParseProjectRole(std::string_view name);

struct User {
  std::string name;
  std::string password_hash;  // Argon2id, in libsodium's encoded form; "" = no password set
  bool admin = false;         // a server administrator: every role in every project
  bool disabled = false;      // can neither log in nor use its tokens
  std::string created_at;     // ISO 8601 UTC
};

// An API token as stored: never the token itself, only its public id and its secret's hash.
struct ApiToken {
  std::string id;    // the public part, which finds the row ("fst_<id>_<secret>")
  std::string user;  // whose token
  std::string hash;  // BLAKE2b-256 of the whole token, 32 raw bytes
  std::string label;
  std::string created_at;
  std::string expires_at;                 // ISO 8601 UTC; "" = never
  std::optional<std::string> revoked_at;  // set when revoked
};

struct Member {
  std::string user;
  ProjectRole role = ProjectRole::kViewer;
};

// One write, as the audit log keeps it: who did what, to what, when, and how it ended.
struct AuditEntry {
  int64_t id = 0;  // the log's order; set by the store
  std::string at;  // ISO 8601 UTC
  std::string user;
  std::string action;   // "POST /api/v1/projects/{project}/runs", "admin token create", ...
  std::string project;  // "" when the action is not about one project
  std::string target;   // the item it names ("run 'gbm-1'"), or ""
  int status = 0;       // the HTTP status, or 0 for an administrator's command on the host
};

}  // namespace foresight::core
