#include "store/sqlite/sqlite_accounts.hpp"

#include <utility>

#include <fmt/format.h>

#include "store/internal/account_records.hpp"
#include "store/internal/try.hpp"
#include "store/store.hpp"

namespace foresight::store::sqlite {
// Named, not anonymous: unity builds put this file in one unit with the store.
namespace sqlite_accounts {

using internal::NoProject;
using internal::NoUser;

class SqliteAccounts final : public Accounts {
 public:
  explicit SqliteAccounts(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  Status AddUser(const core::User& user) override {
    FS_CHECK(internal::CheckUserName(user.name));
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(id, IdOf("users", user.name));
      if (id) {
        return Fail(
            ErrorCode::kAlreadyExists,
            fmt::format("a user named '{}' exists already; choose another name", user.name));
      }
      FS_TRY(insert, db_->Prepare("INSERT INTO users (name, password_hash, admin, disabled, "
                                  "created_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
      insert.Bind(1, std::string_view(user.name))
          .Bind(2, std::string_view(user.password_hash))
          .Bind(3, int64_t{user.admin})
          .Bind(4, int64_t{user.disabled})
          .Bind(5, std::string_view(user.created_at));
      return insert.Run();
    });
  }

  Result<std::optional<core::User>> FindUser(std::string_view name) override {
    FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {} FROM users u WHERE u.name = ?1",
                                          internal::kUserColumns)));
    stmt.Bind(1, name);
    FS_TRY(found, stmt.Step());
    if (!found) return std::optional<core::User>();
    FS_TRY(user, internal::DecodeUser(stmt));
    return std::optional<core::User>(std::move(user));
  }

  Result<std::vector<core::User>> ListUsers() override {
    FS_TRY(stmt, db_->Prepare(
                     fmt::format("SELECT {} FROM users u ORDER BY u.id", internal::kUserColumns)));
    std::vector<core::User> out;
    while (true) {
      FS_TRY(row, stmt.Step());
      if (!row) break;
      FS_TRY(user, internal::DecodeUser(stmt));
      out.push_back(std::move(user));
    }
    return out;
  }

  Status UpdateUser(const core::User& user) override {
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(id, IdOf("users", user.name));
      if (!id) return Fail(NoUser(user.name));
      FS_TRY(update, db_->Prepare("UPDATE users SET password_hash = ?1, admin = ?2, disabled = ?3 "
                                  "WHERE id = ?4"));
      update.Bind(1, std::string_view(user.password_hash))
          .Bind(2, int64_t{user.admin})
          .Bind(3, int64_t{user.disabled})
          .Bind(4, *id);
      return update.Run();
    });
  }

  Status AddToken(const core::ApiToken& token) override {
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(user_id, IdOf("users", token.user));
      if (!user_id) return Fail(NoUser(token.user));
      FS_TRY(taken, db_->Prepare("SELECT 1 FROM tokens WHERE id = ?1"));
      taken.Bind(1, std::string_view(token.id));
      FS_TRY(exists, taken.Step());
      if (exists) {
        return Fail(ErrorCode::kAlreadyExists,
                    fmt::format("a token '{}' exists already", token.id));
      }
      FS_TRY(insert, db_->Prepare("INSERT INTO tokens (id, user_id, hash, label, created_at, "
                                  "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
      insert.Bind(1, std::string_view(token.id))
          .Bind(2, *user_id)
          .BindBlob(3, token.hash)
          .Bind(4, std::string_view(token.label))
          .Bind(5, std::string_view(token.created_at))
          .Bind(6, std::string_view(token.expires_at));
      return insert.Run();
    });
  }

  using Accounts::FindToken;  // with a project: the token, then its user's role
  Result<std::optional<TokenGrant>> FindToken(std::string_view id) override {
    FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {}, t.hash FROM tokens t JOIN users u ON u.id = "
                                          "t.user_id WHERE t.id = ?1",
                                          internal::kTokenColumns)));
    stmt.Bind(1, id);
    FS_TRY(found, stmt.Step());
    if (!found) return std::optional<TokenGrant>();
    FS_TRY(grant, internal::DecodeToken(stmt));
    grant.token.hash = stmt.Blob(8);
    return std::optional<TokenGrant>(std::move(grant));
  }

  Result<std::vector<core::ApiToken>> ListTokens(std::string_view user) override {
    FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {}, t.hash FROM tokens t JOIN users u ON u.id = "
                                          "t.user_id WHERE ?1 = '' OR u.name = ?1 ORDER BY t.rowid",
                                          internal::kTokenColumns)));
    stmt.Bind(1, user);
    std::vector<core::ApiToken> out;
    while (true) {
      FS_TRY(row, stmt.Step());
      if (!row) break;
      FS_TRY(grant, internal::DecodeToken(stmt));
      grant.token.hash = stmt.Blob(8);
      out.push_back(std::move(grant.token));
    }
    return out;
  }

  Status RevokeToken(std::string_view id, std::string_view at) override {
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(find, db_->Prepare("SELECT 1 FROM tokens WHERE id = ?1"));
      find.Bind(1, id);
      FS_TRY(exists, find.Step());
      if (!exists) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no token '{}'; `foresight admin token list` lists them", id));
      }
      FS_TRY(revoke,
             db_->Prepare("UPDATE tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1"));
      revoke.Bind(1, id).Bind(2, at);
      return revoke.Run();
    });
  }

  Status CreateProject(std::string_view project, std::string_view owner) override {
    if (Status fits = CheckProjectName(project); !fits) return fits;
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(user_id, IdOf("users", owner));
      if (!user_id) return Fail(NoUser(owner));
      FS_TRY(taken, IdOf("projects", project));
      if (taken) return Fail(internal::ProjectTaken(project));
      FS_TRY(insert, db_->Prepare("INSERT INTO projects (name) VALUES (?1)"));
      insert.Bind(1, project);
      FS_CHECK(insert.Run());
      FS_TRY(member, db_->Prepare("INSERT INTO members (project_id, user_id, role) VALUES (?1, "
                                  "?2, 'admin')"));
      member.Bind(1, db_->LastInsertId()).Bind(2, *user_id);
      return member.Run();
    });
  }

  Status SetRole(std::string_view project, std::string_view user,
                 std::optional<core::ProjectRole> role) override {
    return InTransaction(*db_, [&]() -> Status {
      FS_TRY(project_id, IdOf("projects", project));
      if (!project_id) return Fail(NoProject(project));
      FS_TRY(user_id, IdOf("users", user));
      if (!user_id) return Fail(NoUser(user));
      if (!role) {
        FS_TRY(erase, db_->Prepare("DELETE FROM members WHERE project_id = ?1 AND user_id = ?2"));
        erase.Bind(1, *project_id).Bind(2, *user_id);
        return erase.Run();
      }
      FS_TRY(upsert,
             db_->Prepare("INSERT INTO members (project_id, user_id, role) VALUES (?1, ?2, ?3) "
                          "ON CONFLICT (project_id, user_id) DO UPDATE SET role = excluded.role"));
      upsert.Bind(1, *project_id).Bind(2, *user_id).Bind(3, core::ProjectRoleName(*role));
      return upsert.Run();
    });
  }

  Result<std::optional<core::ProjectRole>> RoleOf(std::string_view project,
                                                  std::string_view user) override {
    FS_TRY(stmt, db_->Prepare(fmt::format(
                     "SELECT {} FROM members m JOIN users u ON u.id = m.user_id JOIN projects p "
                     "ON p.id = m.project_id WHERE p.name = ?1 AND u.name = ?2",
                     internal::kMemberColumns)));
    stmt.Bind(1, project).Bind(2, user);
    FS_TRY(found, stmt.Step());
    if (!found) return std::optional<core::ProjectRole>();
    FS_TRY(member, internal::DecodeMember(stmt, project));
    return std::optional<core::ProjectRole>(member.role);
  }

  Result<std::vector<core::Member>> ListMembers(std::string_view project) override {
    FS_TRY(project_id, IdOf("projects", project));
    if (!project_id) return Fail(NoProject(project));
    FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {} FROM members m JOIN users u ON u.id = "
                                          "m.user_id WHERE m.project_id = ?1 ORDER BY u.name",
                                          internal::kMemberColumns)));
    stmt.Bind(1, *project_id);
    std::vector<core::Member> out;
    while (true) {
      FS_TRY(row, stmt.Step());
      if (!row) break;
      FS_TRY(member, internal::DecodeMember(stmt, project));
      out.push_back(std::move(member));
    }
    return out;
  }

  Status AppendAudit(const core::AuditEntry& e) override {
    return InTransaction(*db_, [&]() -> Status { return InsertAudit(*db_, e); });
  }

  Result<size_t> CountAudit(std::string_view user, std::string_view action,
                            std::string_view since) override {
    FS_TRY(stmt, db_->Prepare("SELECT count(*) FROM audit_log WHERE user_name = ?1 AND action = "
                              "?2 AND at >= ?3"));
    stmt.Bind(1, user).Bind(2, action).Bind(3, since);
    FS_TRY(row, stmt.Step());
    return row ? static_cast<size_t>(stmt.Int(0)) : size_t{0};
  }

  Result<std::vector<core::AuditEntry>> ListAudit(std::optional<std::string> project,
                                                  size_t limit) override {
    FS_TRY(stmt, db_->Prepare(fmt::format(
                     "SELECT * FROM (SELECT {} FROM audit_log a WHERE ?1 IS NULL OR a.project = "
                     "?1 ORDER BY a.id DESC LIMIT ?2) ORDER BY 1",
                     internal::kAuditColumns)));
    stmt.Bind(1, project).Bind(2, limit == 0 ? int64_t{-1} : static_cast<int64_t>(limit));
    std::vector<core::AuditEntry> out;
    while (true) {
      FS_TRY(row, stmt.Step());
      if (!row) break;
      out.push_back(internal::DecodeAudit(stmt));
    }
    return out;
  }

 private:
  Result<std::optional<int64_t>> IdOf(std::string_view table, std::string_view name) {
    FS_TRY(stmt, db_->Prepare(fmt::format("SELECT id FROM {} WHERE name = ?1", table)));
    stmt.Bind(1, name);
    FS_TRY(found, stmt.Step());
    if (!found) return std::optional<int64_t>();
    return std::optional<int64_t>(stmt.Int(0));
  }

  std::unique_ptr<Database> db_;
};

}  // namespace sqlite_accounts

Status InsertAudit(Database& db, const core::AuditEntry& e) {
  FS_TRY(insert, db.Prepare(internal::kInsertAuditSqlite));
  insert.Bind(1, std::string_view(e.at))
      .Bind(2, std::string_view(e.user))
      .Bind(3, std::string_view(e.action))
      .Bind(4, std::string_view(e.project))
      .Bind(5, std::string_view(e.target))
      .Bind(6, int64_t{e.status});
  return insert.Run();
}

std::unique_ptr<Accounts> MakeSqliteAccounts(std::unique_ptr<Database> db) {
  return std::make_unique<sqlite_accounts::SqliteAccounts>(std::move(db));
}

}  // namespace foresight::store::sqlite
