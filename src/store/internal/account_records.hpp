// The accounts' rows as values, for both backends: the columns each query selects, in
// order, and their decoders (templates over the backend's row type, as in records.hpp). A
// row that cannot be decoded is kDataLoss naming the item.
#pragma once

#include <optional>
#include <string>

#include <fmt/format.h>

#include "base/result.hpp"
#include "core/accounts.hpp"
#include "store/accounts.hpp"
#include "store/internal/records.hpp"
#include "store/internal/try.hpp"

namespace foresight::store::internal {

// users u
inline constexpr std::string_view kUserColumns =
    "u.name, u.password_hash, u.admin, u.disabled, u.created_at";
// tokens t JOIN users u; the hash is read by the backend (a blob, or bytea).
inline constexpr std::string_view kTokenColumns =
    "t.id, u.name, t.label, t.created_at, t.expires_at, t.revoked_at, u.admin, u.disabled";
// members m JOIN users u
inline constexpr std::string_view kMemberColumns = "u.name, m.role";
inline constexpr std::string_view kAuditColumns =
    "a.id, a.at, a.user_name, a.action, a.project, a.target, a.status";

// The audit log's insert, with SQLite's and PostgreSQL's placeholders.
inline constexpr std::string_view kInsertAuditSqlite =
    "INSERT INTO audit_log (at, user_name, action, project, target, status) VALUES (?1, ?2, ?3, "
    "?4, ?5, ?6)";
inline constexpr std::string_view kInsertAuditPostgres =
    "INSERT INTO audit_log (at, user_name, action, project, target, status) VALUES ($1, $2, $3, "
    "$4, $5, $6)";

template <typename Row>
Result<bool> DecodeFlag(const Row& row, int column, std::string_view item, std::string_view what) {
  const auto value = row.Int(column);
  if (value != 0 && value != 1) {
    return Fail(Damaged(item, fmt::format("the {} flag is {}, not 0 or 1", what, value)));
  }
  return value == 1;
}

template <typename Row>
Result<core::User> DecodeUser(const Row& row) {
  core::User user;
  user.name = row.Text(0);
  const std::string item = fmt::format("user '{}'", user.name);
  user.password_hash = row.Text(1);
  auto admin = DecodeFlag(row, 2, item, "admin");
  if (!admin) return Fail(admin.error());
  auto disabled = DecodeFlag(row, 3, item, "disabled");
  if (!disabled) return Fail(disabled.error());
  user.admin = *admin;
  user.disabled = *disabled;
  user.created_at = row.Text(4);
  return user;
}

// Everything but the hash.
template <typename Row>
Result<TokenGrant> DecodeToken(const Row& row) {
  TokenGrant grant;
  core::ApiToken& t = grant.token;
  t.id = row.Text(0);
  const std::string item = fmt::format("token '{}'", t.id);
  t.user = row.Text(1);
  t.label = row.Text(2);
  t.created_at = row.Text(3);
  t.expires_at = row.Text(4);
  if (!row.IsNull(5)) t.revoked_at = row.Text(5);
  auto admin = DecodeFlag(row, 6, item, "admin");
  if (!admin) return Fail(admin.error());
  auto disabled = DecodeFlag(row, 7, item, "disabled");
  if (!disabled) return Fail(disabled.error());
  grant.user_admin = *admin;
  grant.user_disabled = *disabled;
  return grant;
}

// A stored role of `user` in `project`; kDataLoss naming both when it is not a role.
inline Result<core::ProjectRole> DecodeRole(const std::string& role, std::string_view user,
                                            std::string_view project) {
  const auto parsed = core::ParseProjectRole(role);
  if (!parsed) {
    return Fail(Damaged(fmt::format("the role of '{}' in project '{}'", user, project),
                        fmt::format("unknown role '{}'", role)));
  }
  return *parsed;
}

template <typename Row>
Result<core::Member> DecodeMember(const Row& row, std::string_view project) {
  core::Member member;
  member.user = row.Text(0);
  FS_TRY(role, DecodeRole(row.Text(1), member.user, project));
  member.role = role;
  return member;
}

template <typename Row>
core::AuditEntry DecodeAudit(const Row& row) {
  core::AuditEntry e;
  e.id = row.Int(0);
  e.at = row.Text(1);
  e.user = row.Text(2);
  e.action = row.Text(3);
  e.project = row.Text(4);
  e.target = row.Text(5);
  e.status = static_cast<int>(row.Int(6));
  return e;
}

// The checks both backends make before writing.
inline Status CheckUserName(std::string_view name) {
  if (name.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "a user needs a name; give a non-empty one");
  }
  return {};
}

inline Error NoUser(std::string_view name) {
  return Error(ErrorCode::kNotFound,
               fmt::format("no user named '{}'; `foresight admin user list` lists them", name));
}

inline Error ProjectTaken(std::string_view name) {
  return Error(ErrorCode::kAlreadyExists,
               fmt::format("a project named '{}' exists already; choose another name", name));
}

inline Error NoProject(std::string_view name) {
  return Error(ErrorCode::kNotFound, fmt::format("no project named '{}'", name));
}

}  // namespace foresight::store::internal
