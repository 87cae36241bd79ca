#include "store/postgres/postgres_accounts.hpp"

#include <functional>
#include <utility>

#include <fmt/format.h>

#include "store/internal/account_records.hpp"
#include "store/internal/try.hpp"
#include "store/postgres/kept_grants.hpp"
#include "store/store.hpp"

namespace foresight::store::postgres {
// Named, not anonymous: unity builds put this file in one unit with the store.
namespace pg_accounts {

using internal::NoProject;
using internal::NoUser;

class PostgresAccounts final : public Accounts {
 public:
  PostgresAccounts(Lease db, const std::string& url)
      : db_(std::move(db)), grants_(KeptGrants::For(url)) {}

  Status AddUser(const core::User& user) override {
    FS_CHECK(internal::CheckUserName(user.name));
    return Changing([&]() -> Status {
      FS_TRY(inserted, db_->Query("INSERT INTO users (name, password_hash, admin, disabled, "
                                  "created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO "
                                  "NOTHING RETURNING id",
                                  Params()
                                      .Text(user.name)
                                      .Text(user.password_hash)
                                      .Int(int64_t{user.admin})
                                      .Int(int64_t{user.disabled})
                                      .Text(user.created_at)));
      if (inserted.empty()) {
        return Fail(
            ErrorCode::kAlreadyExists,
            fmt::format("a user named '{}' exists already; choose another name", user.name));
      }
      return {};
    });
  }

  Result<std::optional<core::User>> FindUser(std::string_view name) override {
    FS_TRY(rows, db_->Query(fmt::format("SELECT {} FROM users u WHERE u.name = $1",
                                        internal::kUserColumns),
                            Params().Text(name)));
    if (rows.empty()) return std::optional<core::User>();
    FS_TRY(user, internal::DecodeUser(rows[0]));
    return std::optional<core::User>(std::move(user));
  }

  Result<std::vector<core::User>> ListUsers() override {
    FS_TRY(rows,
           db_->Query(fmt::format("SELECT {} FROM users u ORDER BY u.id", internal::kUserColumns)));
    std::vector<core::User> out;
    out.reserve(static_cast<size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
      FS_TRY(user, internal::DecodeUser(rows[i]));
      out.push_back(std::move(user));
    }
    return out;
  }

  Status UpdateUser(const core::User& user) override {
    return Changing([&]() -> Status {
      FS_TRY(updated, db_->Query("UPDATE users SET password_hash = $1, admin = $2, disabled = $3 "
                                 "WHERE name = $4 RETURNING id",
                                 Params()
                                     .Text(user.password_hash)
                                     .Int(int64_t{user.admin})
                                     .Int(int64_t{user.disabled})
                                     .Text(user.name)));
      if (updated.empty()) return Fail(NoUser(user.name));
      return {};
    });
  }

  Status AddToken(const core::ApiToken& token) override {
    return Changing([&]() -> Status {
      FS_TRY(user_id, IdOf("users", token.user));
      if (!user_id) return Fail(NoUser(token.user));
      FS_TRY(inserted,
             db_->Query("INSERT INTO tokens (id, user_id, hash, label, created_at, expires_at) "
                        "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id",
                        Params()
                            .Text(token.id)
                            .Int(*user_id)
                            .Bytes(token.hash)
                            .Text(token.label)
                            .Text(token.created_at)
                            .Text(token.expires_at)));
      if (inserted.empty()) {
        return Fail(ErrorCode::kAlreadyExists,
                    fmt::format("a token '{}' exists already", token.id));
      }
      return {};
    });
  }

  Result<std::optional<TokenGrant>> FindToken(std::string_view id) override {
    if (auto kept = grants_.Find(id, std::nullopt)) return std::optional<TokenGrant>(*kept);
    const uint64_t generation = grants_.Generation();
    FS_TRY(rows, db_->Query(fmt::format("SELECT {}, t.hash FROM tokens t JOIN users u ON u.id = "
                                        "t.user_id WHERE t.id = $1",
                                        internal::kTokenColumns),
                            Params().Text(id)));
    if (rows.empty()) return std::optional<TokenGrant>();
    FS_TRY(grant, internal::DecodeToken(rows[0]));
    grant.token.hash = rows[0].Bytes(8);
    grants_.Remember(id, std::nullopt, grant, generation);
    return std::optional<TokenGrant>(std::move(grant));
  }

  // One statement: the token, its user, and the user's role in the project.
  Result<std::optional<TokenGrant>> FindToken(std::string_view id,
                                              std::string_view project) override {
    if (auto kept = grants_.Find(id, project)) return std::optional<TokenGrant>(*kept);
    const uint64_t generation = grants_.Generation();
    FS_TRY(rows, db_->Query(fmt::format("SELECT {}, t.hash, (SELECT m.role FROM members m JOIN "
                                        "projects p ON p.id = m.project_id WHERE m.user_id = "
                                        "u.id AND p.name = $2), EXISTS (SELECT 1 FROM projects "
                                        "WHERE name = $2) FROM tokens t JOIN users u ON u.id = "
                                        "t.user_id WHERE t.id = $1",
                                        internal::kTokenColumns),
                            Params().Text(id).Text(project)));
    if (rows.empty()) return std::optional<TokenGrant>();
    FS_TRY(grant, internal::DecodeToken(rows[0]));
    grant.token.hash = rows[0].Bytes(8);
    if (!rows[0].IsNull(9)) {
      FS_TRY(role, internal::DecodeRole(rows[0].Text(9), grant.token.user, project));
      grant.role = role;
    }
    // A grant is kept for a project that exists only: the name comes from the request.
    if (rows[0].Text(10) == "t") grants_.Remember(id, project, grant, generation);
    return std::optional<TokenGrant>(std::move(grant));
  }
  using Accounts::FindToken;

  Result<std::vector<core::ApiToken>> ListTokens(std::string_view user) override {
    FS_TRY(rows, db_->Query(fmt::format("SELECT {}, t.hash FROM tokens t JOIN users u ON u.id = "
                                        "t.user_id WHERE $1 = '' OR u.name = $1 ORDER BY t.seq",
                                        internal::kTokenColumns),
                            Params().Text(user)));
    std::vector<core::ApiToken> out;
    out.reserve(static_cast<size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
      FS_TRY(grant, internal::DecodeToken(rows[i]));
      grant.token.hash = rows[i].Bytes(8);
      out.push_back(std::move(grant.token));
    }
    return out;
  }

  Status RevokeToken(std::string_view id, std::string_view at) override {
    return Changing([&]() -> Status {
      FS_TRY(updated, db_->Query("UPDATE tokens SET revoked_at = coalesce(revoked_at, $2) WHERE "
                                 "id = $1 RETURNING id",
                                 Params().Text(id).Text(at)));
      if (updated.empty()) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no token '{}'; `foresight admin token list` lists them", id));
      }
      return {};
    });
  }

  Status CreateProject(std::string_view project, std::string_view owner) override {
    if (Status fits = CheckProjectName(project); !fits) return fits;
    return Changing([&]() -> Status {
      FS_TRY(user_id, IdOf("users", owner));
      if (!user_id) return Fail(NoUser(owner));
      FS_TRY(inserted, db_->Query("INSERT INTO projects (name) VALUES ($1) ON CONFLICT (name) DO "
                                  "NOTHING RETURNING id",
                                  Params().Text(project)));
      if (inserted.empty()) return Fail(internal::ProjectTaken(project));
      return db_->Exec("INSERT INTO members (project_id, user_id, role) VALUES ($1, $2, 'admin')",
                       Params().Int(inserted[0].Int(0)).Int(*user_id));
    });
  }

  Status SetRole(std::string_view project, std::string_view user,
                 std::optional<core::ProjectRole> role) override {
    return Changing([&]() -> Status {
      FS_TRY(project_id, IdOf("projects", project));
      if (!project_id) return Fail(NoProject(project));
      FS_TRY(user_id, IdOf("users", user));
      if (!user_id) return Fail(NoUser(user));
      if (!role) {
        return db_->Exec("DELETE FROM members WHERE project_id = $1 AND user_id = $2",
                         Params().Int(*project_id).Int(*user_id));
      }
      return db_->Exec(
          "INSERT INTO members (project_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT "
          "(project_id, user_id) DO UPDATE SET role = excluded.role",
          Params().Int(*project_id).Int(*user_id).Text(core::ProjectRoleName(*role)));
    });
  }

  Result<std::optional<core::ProjectRole>> RoleOf(std::string_view project,
                                                  std::string_view user) override {
    FS_TRY(rows, db_->Query(fmt::format("SELECT {} FROM members m JOIN users u ON u.id = "
                                        "m.user_id JOIN projects p ON p.id = m.project_id WHERE "
                                        "p.name = $1 AND u.name = $2",
                                        internal::kMemberColumns),
                            Params().Text(project).Text(user)));
    if (rows.empty()) return std::optional<core::ProjectRole>();
    FS_TRY(member, internal::DecodeMember(rows[0], project));
    return std::optional<core::ProjectRole>(member.role);
  }

  Result<std::vector<core::Member>> ListMembers(std::string_view project) override {
    FS_TRY(project_id, IdOf("projects", project));
    if (!project_id) return Fail(NoProject(project));
    FS_TRY(rows, db_->Query(fmt::format("SELECT {} FROM members m JOIN users u ON u.id = "
                                        "m.user_id WHERE m.project_id = $1 ORDER BY u.name",
                                        internal::kMemberColumns),
                            Params().Int(*project_id)));
    std::vector<core::Member> out;
    out.reserve(static_cast<size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
      FS_TRY(member, internal::DecodeMember(rows[i], project));
      out.push_back(std::move(member));
    }
    return out;
  }

  Status AppendAudit(const core::AuditEntry& e) override {
    return db_->Exec(
        internal::kInsertAuditPostgres,
        Params().Text(e.at).Text(e.user).Text(e.action).Text(e.project).Text(e.target).Int(
            int64_t{e.status}));
  }

  Result<size_t> CountAudit(std::string_view user, std::string_view action,
                            std::string_view since) override {
    FS_TRY(rows, db_->Query("SELECT count(*) FROM audit_log WHERE user_name = $1 AND action = $2 "
                            "AND at >= $3",
                            Params().Text(user).Text(action).Text(since)));
    return rows.empty() ? size_t{0} : static_cast<size_t>(rows[0].Int(0));
  }

  Result<std::vector<core::AuditEntry>> ListAudit(std::optional<std::string> project,
                                                  size_t limit) override {
    Params params;
    if (project) {
      params.Text(*project);
    } else {
      params.Null();
    }
    if (limit == 0) {
      params.Null();
    } else {
      params.Int(static_cast<int64_t>(limit));
    }
    FS_TRY(rows, db_->Query(fmt::format("SELECT * FROM (SELECT {} FROM audit_log a WHERE "
                                        "$1::text IS NULL OR a.project = $1 ORDER BY a.id DESC "
                                        "LIMIT $2::bigint) newest ORDER BY 1",
                                        internal::kAuditColumns),
                            params));
    std::vector<core::AuditEntry> out;
    out.reserve(static_cast<size_t>(rows.size()));
    for (int i = 0; i < rows.size(); ++i) out.push_back(internal::DecodeAudit(rows[i]));
    return out;
  }

 private:
  Result<std::optional<int64_t>> IdOf(std::string_view table, std::string_view name) {
    FS_TRY(rows, db_->Query(fmt::format("SELECT id FROM {} WHERE name = $1", table),
                            Params().Text(name)));
    if (rows.empty()) return std::optional<int64_t>();
    return std::optional<int64_t>(rows[0].Int(0));
  }

  // A write to the accounts, after which no grant kept before it is used (its notification
  // would say so too, a moment later).
  Status Changing(const std::function<Status()>& body) {
    Status done = db_->Transaction(body);
    grants_.Forget();
    return done;
  }

  Lease db_;
  KeptGrants& grants_;
};

}  // namespace pg_accounts

std::unique_ptr<Accounts> MakePostgresAccounts(Lease db, const std::string& url) {
  return std::make_unique<pg_accounts::PostgresAccounts>(std::move(db), url);
}

}  // namespace foresight::store::postgres
