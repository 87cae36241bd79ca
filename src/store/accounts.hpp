// Accounts: the users of a shared store, their API tokens, their roles in projects and the
// audit log of writes. Kept in the same database as the projects (SQLite or PostgreSQL), so
// every server on one database sees the same accounts.
//
// Storage only: passwords and tokens arrive hashed (app/accounts hashes and checks them),
// and nothing here decides who may do what. The rules of Store hold: every write is one
// transaction, an Accounts object is used by one thread at a time, and the failures
// beyond those listed are kUnavailable (busy, unreachable) and kDataLoss (damaged rows).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "core/accounts.hpp"
#include "store/store.hpp"

namespace foresight::store {

// A token found by its id, with what checking it needs of its user.
struct TokenGrant {
  core::ApiToken token;
  bool user_admin = false;
  bool user_disabled = false;
  // The user's role in the project FindToken was asked about (none: not a member).
  std::optional<core::ProjectRole> role;
};

class Accounts {
 public:
  virtual ~Accounts() = default;

  // Fails with kInvalidArgument for an empty name, kAlreadyExists when it is taken.
  virtual Status AddUser(const core::User& user) = 0;
  virtual Result<std::optional<core::User>> FindUser(std::string_view name) = 0;
  // In the order they were added.
  virtual Result<std::vector<core::User>> ListUsers() = 0;
  // Replaces the password hash and the admin and disabled flags of `user.name`; kNotFound
  // when there is no such user.
  virtual Status UpdateUser(const core::User& user) = 0;

  // Fails with kNotFound when the token's user does not exist, kAlreadyExists when the id
  // is taken.
  virtual Status AddToken(const core::ApiToken& token) = 0;
  virtual Result<std::optional<TokenGrant>> FindToken(std::string_view id) = 0;
  // The token, and its user's role in `project` (TokenGrant::role): what a request on a
  // project checks, which a store may read at once.
  virtual Result<std::optional<TokenGrant>> FindToken(std::string_view id,
                                                      std::string_view project) {
    auto found = FindToken(id);
    if (!found || !*found) return found;
    auto role = RoleOf(project, (*found)->token.user);
    if (!role) return Fail(role.error());
    (*found)->role = *role;
    return found;
  }
  // The user's tokens (every user's when `user` is empty), in the order they were made.
  virtual Result<std::vector<core::ApiToken>> ListTokens(std::string_view user) = 0;
  // Marks the token revoked at `at`; kNotFound when there is no such token. Revoking a
  // revoked token keeps its first time.
  virtual Status RevokeToken(std::string_view id, std::string_view at) = 0;

  // Creates an empty project with `owner` as its admin, in one transaction. kInvalidArgument
  // for an empty name, kAlreadyExists when it is taken, kNotFound when `owner` is no user.
  virtual Status CreateProject(std::string_view project, std::string_view owner) = 0;
  // Gives `user` `role` in `project` (replacing the one it had), or takes its role away
  // (nullopt; nothing to take is not an error). kNotFound for a missing user or project.
  virtual Status SetRole(std::string_view project, std::string_view user,
                         std::optional<core::ProjectRole> role) = 0;
  virtual Result<std::optional<core::ProjectRole>> RoleOf(std::string_view project,
                                                          std::string_view user) = 0;
  // The project's members, in the order of their names; kNotFound for a missing project.
  virtual Result<std::vector<core::Member>> ListMembers(std::string_view project) = 0;

  // Appends to the audit log (the entry's id is ignored).
  virtual Status AppendAudit(const core::AuditEntry& entry) = 0;
  // How many entries by `user` with `action` were made at or after `since` (ISO 8601 UTC).
  virtual Result<size_t> CountAudit(std::string_view user, std::string_view action,
                                    std::string_view since) = 0;
  // The newest `limit` entries (all when 0), of one project when `project` is given,
  // oldest first.
  virtual Result<std::vector<core::AuditEntry>> ListAudit(std::optional<std::string> project,
                                                          size_t limit) = 0;
};

// Opens the accounts of the store at `url` (the URLs of OpenStore), migrating its schema as
// OpenStore does. kNotFound when there is no store there and `access` is not kCreate.
Result<std::unique_ptr<Accounts>> OpenAccounts(std::string_view url,
                                               Access access = Access::kWrite);

}  // namespace foresight::store
