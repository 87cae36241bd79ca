#include "app/accounts.hpp"

#include <sodium.h>

#include <array>
#include <cstdio>
#include <ctime>
#include <functional>
#include <utility>

#include <fmt/format.h>

#include "app/workspace.hpp"

namespace foresight::app {
// Named, not anonymous: unity builds put this file in one unit with others.
namespace accounts_uc {

constexpr std::string_view kTokenPrefix = "fst_";
constexpr size_t kTokenIdBytes = 8;       // 16 hex digits: finds the row
constexpr size_t kTokenSecretBytes = 32;  // 256 random bits
constexpr size_t kMaxPasswordBytes = 1024;

Status Ready() {
  if (sodium_init() < 0) {
    return Fail(ErrorCode::kInternal, "the cryptography library could not start");
  }
  return {};
}

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

// BLAKE2b-256 of the whole token: a token carries 256 random bits, so a fast hash is as safe
// as a slow one, and keeps every request cheap (Argon2id is for passwords, which are guessable).
std::string TokenHash(std::string_view secret) {
  std::array<unsigned char, 32> hash{};
  crypto_generichash(hash.data(), hash.size(),
                     reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr,
                     0);
  return {reinterpret_cast<const char*>(hash.data()), hash.size()};
}

// The id inside "fst_<16 hex>_<43 base64url>", or nothing when the token is not of that shape.
std::optional<std::string> TokenId(std::string_view secret) {
  const size_t id_length = kTokenIdBytes * 2;
  const size_t secret_length =
      sodium_base64_ENCODED_LEN(kTokenSecretBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING) - 1;
  if (secret.size() != kTokenPrefix.size() + id_length + 1 + secret_length ||
      !secret.starts_with(kTokenPrefix) || secret[kTokenPrefix.size() + id_length] != '_') {
    return std::nullopt;
  }
  const std::string_view id = secret.substr(kTokenPrefix.size(), id_length);
  for (const char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
  }
  return std::string(id);
}

Status CheckPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("the password is too short ({} characters); use at least {}",
                                  password.size(), kMinPasswordLength))
                    .WithField("password"));
  }
  if (password.size() > kMaxPasswordBytes) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("the password is longer than {} bytes", kMaxPasswordBytes))
                    .WithField("password"));
  }
  return {};
}

Status Audit(store::Accounts& accounts, const std::string& actor, std::string action,
             std::string project, std::string target, const Clock& clock) {
  core::AuditEntry e;
  e.at = clock.NowIso8601();
  e.user = actor;
  e.action = std::move(action);
  e.project = std::move(project);
  e.target = std::move(target);
  return accounts.AppendAudit(e);
}

Error Unauthenticated(std::string why) { return {ErrorCode::kUnauthenticated, std::move(why)}; }

}  // namespace accounts_uc

using accounts_uc::Audit;

Result<std::string> HashPassword(std::string_view password) {
  if (Status ready = accounts_uc::Ready(); !ready) return Fail(ready.error());
  if (Status ok = accounts_uc::CheckPassword(password); !ok) return Fail(ok.error());
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str(out.data(), password.data(), password.size(),
                        crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Fail(ErrorCode::kResourceExhausted,
                "not enough memory to hash the password (Argon2id needs 64 MiB)");
  }
  return std::string(out.data());
}

bool PasswordMatches(const std::string& hash, std::string_view password) {
  if (!accounts_uc::Ready() || hash.empty() || password.size() > accounts_uc::kMaxPasswordBytes) {
    return false;
  }
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

Result<core::User> AddUser(store::Accounts& accounts, const std::string& name,
                           const std::optional<std::string>& password, bool admin,
                           const std::string& actor, const Clock& clock) {
  core::User user;
  user.name = name;
  user.admin = admin;
  user.created_at = clock.NowIso8601();
  if (password) {
    auto hash = HashPassword(*password);
    if (!hash) return Fail(hash.error());
    user.password_hash = std::move(*hash);
  }
  if (Status added = accounts.AddUser(user); !added) return Fail(added.error());
  if (Status audited = Audit(accounts, actor, admin ? "add administrator" : "add user", "",
                             fmt::format("user '{}'", name), clock);
      !audited) {
    return Fail(audited.error());
  }
  return user;
}

namespace accounts_uc {

Status ChangeUser(store::Accounts& accounts, const std::string& name, const std::string& action,
                  const std::function<Status(core::User&)>& change, const std::string& actor,
                  const Clock& clock) {
  auto found = accounts.FindUser(name);
  if (!found) return Fail(found.error());
  if (!*found) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no user named '{}'; `foresight admin user list` lists them", name));
  }
  core::User user = **found;
  if (Status changed = change(user); !changed) return changed;
  if (Status updated = accounts.UpdateUser(user); !updated) return updated;
  return Audit(accounts, actor, action, "", fmt::format("user '{}'", name), clock);
}

}  // namespace accounts_uc

Status SetPassword(store::Accounts& accounts, const std::string& name, const std::string& password,
                   const std::string& actor, const Clock& clock) {
  return accounts_uc::ChangeUser(
      accounts, name, "set password",
      [&](core::User& user) -> Status {
        auto hash = HashPassword(password);
        if (!hash) return Fail(hash.error());
        user.password_hash = std::move(*hash);
        return {};
      },
      actor, clock);
}

Status SetUserDisabled(store::Accounts& accounts, const std::string& name, bool disabled,
                       const std::string& actor, const Clock& clock) {
  return accounts_uc::ChangeUser(
      accounts, name, disabled ? "disable user" : "enable user",
      [&](core::User& user) -> Status {
        user.disabled = disabled;
        return {};
      },
      actor, clock);
}

Result<std::string> AddDays(const std::string& iso, int days) {
  return AddSeconds(iso, int64_t{days} * 86400);
}

Result<std::string> AddSeconds(const std::string& iso, int64_t seconds) {
  std::tm tm{};
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  // NOLINTNEXTLINE(cert-err34-c): the count of fields converted is checked
  if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2dZ", &year, &month, &day, &hour, &minute,
                  &second) != 6) {
    return Fail(ErrorCode::kInternal, fmt::format("'{}' is not an ISO 8601 UTC time", iso));
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  const std::time_t t = timegm(&tm) + static_cast<std::time_t>(seconds);
  std::tm out{};
  gmtime_r(&t, &out);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", out.tm_year + 1900, out.tm_mon + 1,
                     out.tm_mday, out.tm_hour, out.tm_min, out.tm_sec);
}

Result<IssuedToken> IssueToken(store::Accounts& accounts, const std::string& user,
                               const std::string& label, int days, const std::string& actor,
                               const Clock& clock) {
  if (Status ready = accounts_uc::Ready(); !ready) return Fail(ready.error());
  if (days < 1 || days > kMaxTokenDays) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("a token is valid for 1 to {} days, not {}", kMaxTokenDays, days))
                    .WithField("days"));
  }
  std::array<unsigned char, accounts_uc::kTokenIdBytes> id{};
  std::array<unsigned char, accounts_uc::kTokenSecretBytes> random{};
  randombytes_buf(id.data(), id.size());
  randombytes_buf(random.data(), random.size());
  std::array<char, sodium_base64_ENCODED_LEN(accounts_uc::kTokenSecretBytes,
                                             sodium_base64_VARIANT_URLSAFE_NO_PADDING)>
      encoded{};
  sodium_bin2base64(encoded.data(), encoded.size(), random.data(), random.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(random.data(), random.size());
  IssuedToken issued;
  issued.token.id = accounts_uc::Hex(id.data(), id.size());
  issued.secret =
      fmt::format("{}{}_{}", accounts_uc::kTokenPrefix, issued.token.id, encoded.data());
  sodium_memzero(encoded.data(), encoded.size());
  issued.token.user = user;
  issued.token.hash = accounts_uc::TokenHash(issued.secret);
  issued.token.label = label;
  issued.token.created_at = clock.NowIso8601();
  auto expires = AddDays(issued.token.created_at, days);
  if (!expires) return Fail(expires.error());
  issued.token.expires_at = *expires;
  if (Status added = accounts.AddToken(issued.token); !added) return Fail(added.error());
  if (Status audited = Audit(accounts, actor, "create token", "",
                             fmt::format("token '{}' of user '{}'", issued.token.id, user), clock);
      !audited) {
    return Fail(audited.error());
  }
  return issued;
}

Result<IssuedToken> Login(store::Accounts& accounts, const std::string& user,
                          const std::string& password, const std::string& label, int days,
                          const Clock& clock) {
  // The same answer, and about the same time, whatever was wrong: a caller cannot learn
  // which names exist.
  static const std::string no_such_user = HashPassword("no user has this password").value_or("");
  // Guessing is slowed down per user, across every server on the store: the failures are
  // counted in the shared audit log.
  auto since = AddSeconds(clock.NowIso8601(), -kLoginWindowSeconds);
  if (!since) return Fail(since.error());
  auto failures = accounts.CountAudit(user, "failed login", *since);
  if (!failures) return Fail(failures.error());
  if (*failures >= kMaxFailedLogins) {
    return Fail(ErrorCode::kRateLimited,
                fmt::format("too many failed logins for this user name in the last {} minutes; "
                            "wait, or ask an administrator for a token",
                            kLoginWindowSeconds / 60));
  }
  auto found = accounts.FindUser(user);
  if (!found) return Fail(found.error());
  const bool usable = *found && !(*found)->disabled && !(*found)->password_hash.empty();
  const bool matches = PasswordMatches(usable ? (*found)->password_hash : no_such_user, password);
  if (!usable || !matches) {
    // Failed logins are recorded, so repeated guessing shows in the log.
    (void)Audit(accounts, user, "failed login", "", "", clock);
    return Fail(Error(ErrorCode::kUnauthenticated,
                      "the user name or the password is wrong (or the user is disabled)"));
  }
  return IssueToken(accounts, user, label, days, user, clock);
}

Status RevokeToken(store::Accounts& accounts, const std::string& id, const std::string& actor,
                   const Clock& clock) {
  if (Status revoked = accounts.RevokeToken(id, clock.NowIso8601()); !revoked) return revoked;
  return Audit(accounts, actor, "revoke token", "", fmt::format("token '{}'", id), clock);
}

Result<Principal> Authenticate(store::Accounts& accounts, std::string_view secret,
                               const Clock& clock, std::optional<std::string_view> project) {
  if (Status ready = accounts_uc::Ready(); !ready) return Fail(ready.error());
  const auto id = accounts_uc::TokenId(secret);
  if (!id) {
    return Fail(accounts_uc::Unauthenticated(
        "the token is malformed: it should be the whole 'fst_...' text `foresight admin token "
        "create` printed"));
  }
  auto found = project ? accounts.FindToken(*id, *project) : accounts.FindToken(*id);
  if (!found) return Fail(found.error());
  // Hashed whether or not the id exists, and compared in constant time.
  const std::string presented = accounts_uc::TokenHash(secret);
  const std::string stored = *found ? (*found)->token.hash : std::string(presented.size(), '\0');
  const bool matches = stored.size() == presented.size() &&
                       sodium_memcmp(stored.data(), presented.data(), presented.size()) == 0;
  if (!*found || !matches) {
    return Fail(accounts_uc::Unauthenticated(
        fmt::format("the token '{}' is not known here; ask an administrator for one", *id)));
  }
  const store::TokenGrant& grant = **found;
  if (grant.token.revoked_at) {
    return Fail(accounts_uc::Unauthenticated(
        fmt::format("the token '{}' was revoked on {}", *id, *grant.token.revoked_at)));
  }
  if (!grant.token.expires_at.empty() && grant.token.expires_at <= clock.NowIso8601()) {
    return Fail(accounts_uc::Unauthenticated(fmt::format(
        "the token '{}' expired on {}; ask for a new one", *id, grant.token.expires_at)));
  }
  if (grant.user_disabled) {
    return Fail(
        accounts_uc::Unauthenticated(fmt::format("the user '{}' is disabled", grant.token.user)));
  }
  Principal who{grant.token.user, grant.user_admin};
  if (project) {
    who.project = std::string(*project);
    who.role = grant.role;
  }
  return who;
}

Result<core::ProjectRole> Authorize(store::Accounts& accounts, const Principal& who,
                                    const std::string& project, core::ProjectRole needed) {
  if (who.admin) return core::ProjectRole::kAdmin;
  auto role = who.project == project ? Result<std::optional<core::ProjectRole>>(who.role)
                                     : accounts.RoleOf(project, who.user);
  if (!role) return Fail(role.error());
  if (*role && core::Permits(**role, needed)) return **role;
  const std::string held =
      *role ? fmt::format("is a {}", core::ProjectRoleName(**role)) : std::string("has no role");
  return Fail(ErrorCode::kPermissionDenied,
              fmt::format("this needs the role {} in project '{}', and '{}' {} there; a project "
                          "admin can grant it",
                          core::ProjectRoleName(needed), project, who.user, held));
}

Result<std::vector<std::string>> VisibleProjects(store::Accounts& accounts, store::Store& store,
                                                 const Principal& who) {
  auto all = store.ListProjects();
  if (!all || who.admin) return all;
  std::vector<std::string> out;
  for (const std::string& project : *all) {
    auto role = accounts.RoleOf(project, who.user);
    if (!role) return Fail(role.error());
    if (*role) out.push_back(project);
  }
  return out;
}

Result<std::unique_ptr<AccountStore>> OpenAccountStore(const std::string& url) {
  // The first administrator may be made before anything else is stored: a new PostgreSQL
  // database (made by its administrator) gets foresight's tables here. A SQLite file must
  // exist: a mistyped path is an error, not a new empty store.
  const std::string store_url = StoreUrlOf(url);
  const bool server = store_url.find("://") != std::string::npos;
  return store::OpenAccounts(store_url, server ? store::Access::kCreate : store::Access::kWrite);
}

Result<std::vector<core::User>> ListUsers(AccountStore& accounts) { return accounts.ListUsers(); }

Result<std::vector<core::ApiToken>> ListTokens(AccountStore& accounts, const std::string& user) {
  return accounts.ListTokens(user);
}

Result<std::vector<core::Member>> ListMembers(AccountStore& accounts, const std::string& project) {
  return accounts.ListMembers(project);
}

Result<std::vector<core::AuditEntry>> ListAudit(AccountStore& accounts,
                                                const std::optional<std::string>& project,
                                                size_t limit) {
  return accounts.ListAudit(project, limit);
}

Status SetMemberRole(store::Accounts& accounts, const std::string& project, const std::string& user,
                     std::optional<core::ProjectRole> role, const std::string& actor,
                     const Clock& clock) {
  if (Status set = accounts.SetRole(project, user, role); !set) return set;
  return Audit(accounts, actor,
               role ? fmt::format("make {}", core::ProjectRoleName(*role)) : "remove member",
               project, fmt::format("user '{}'", user), clock);
}

}  // namespace foresight::app
