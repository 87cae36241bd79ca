// Accounts of a shared store: the use cases behind `foresight admin` and the server's checks.
// Passwords are hashed with Argon2id; API tokens are random, shown once, stored as a hash,
// compared in constant time, and expire. Nothing here writes a password or a token anywhere
// but into its hash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.hpp"
#include "base/result.hpp"
#include "core/accounts.hpp"
#include "store/accounts.hpp"

namespace foresight::app {

// The accounts of a store, as the faces hold them.
using AccountStore = store::Accounts;

// Opens the accounts of the store at `url` (sqlite:PATH, a workspace folder, postgresql://...),
// making a PostgreSQL database's tables when it has none yet; a SQLite file must exist.
Result<std::unique_ptr<AccountStore>> OpenAccountStore(const std::string& url);

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 3650;
// Logins refused after this many failures for one user name within the window.
inline constexpr size_t kMaxFailedLogins = 10;
inline constexpr int64_t kLoginWindowSeconds = int64_t{15} * 60;

// Who is asking: a user of the store, or everyone when the server runs without accounts.
struct Principal {
  std::string user;
  bool admin = false;  // a server administrator: every role in every project
  // When Authenticate was given a project: its name, and the user's role there, read with
  // the token (none: not a member), so that Authorize need not read it again.
  std::optional<std::string> project = {};
  std::optional<core::ProjectRole> role = {};
};

// Argon2id (libsodium's crypto_pwhash_str, its "interactive" limits: 64 MiB, 2 passes), in its
// encoded form with the salt and the limits. kInvalidArgument for a password shorter than
// kMinPasswordLength, or longer than 1,024 bytes.
Result<std::string> HashPassword(std::string_view password);
bool PasswordMatches(const std::string& hash, std::string_view password);

// --- Use cases -----------------------------------------------------------------------------
// Each one that writes records itself in the audit log as `actor` did it.

// A new user, with a password when given (without one, it can only use tokens an
// administrator makes for it).
Result<core::User> AddUser(store::Accounts& accounts, const std::string& name,
                           const std::optional<std::string>& password, bool admin,
                           const std::string& actor, const Clock& clock);
Status SetPassword(store::Accounts& accounts, const std::string& name, const std::string& password,
                   const std::string& actor, const Clock& clock);
// Disables (or enables again) a user: a disabled user can neither log in nor use its tokens.
Status SetUserDisabled(store::Accounts& accounts, const std::string& name, bool disabled,
                       const std::string& actor, const Clock& clock);

// A token, as made: the secret shown once, and what is stored.
struct IssuedToken {
  std::string secret;  // "fst_<id>_<random>", to give to the user
  core::ApiToken token;
};
// A new token for `user`, valid `days` days (1 to kMaxTokenDays).
Result<IssuedToken> IssueToken(store::Accounts& accounts, const std::string& user,
                               const std::string& label, int days, const std::string& actor,
                               const Clock& clock);
// A new token for a user who gives its password. kUnauthenticated, with the same message
// whether the user does not exist, is disabled or gave a wrong password; kRateLimited after
// kMaxFailedLogins failures for the name within kLoginWindowSeconds (whatever the password).
Result<IssuedToken> Login(store::Accounts& accounts, const std::string& user,
                          const std::string& password, const std::string& label, int days,
                          const Clock& clock);
Status RevokeToken(store::Accounts& accounts, const std::string& id, const std::string& actor,
                   const Clock& clock);

// Who presents `secret` (the bearer token). kUnauthenticated when it is malformed, unknown,
// does not match its stored hash, is revoked or expired, or its user is disabled; the
// message says which, without repeating the token.
// With `project`, the user's role there is read with the token (Principal::role).
Result<Principal> Authenticate(store::Accounts& accounts, std::string_view secret,
                               const Clock& clock,
                               std::optional<std::string_view> project = std::nullopt);

// Whether `who` may act with role `needed` in `project`: the role held there (kAdmin for an
// administrator), or kPermissionDenied naming the role needed and the one held (or that it
// holds none).
Result<core::ProjectRole> Authorize(store::Accounts& accounts, const Principal& who,
                                    const std::string& project, core::ProjectRole needed);

// The projects `who` is a member of, in the order they were created; every project for an
// administrator.
Result<std::vector<std::string>> VisibleProjects(store::Accounts& accounts, store::Store& store,
                                                 const Principal& who);

Status SetMemberRole(store::Accounts& accounts, const std::string& project, const std::string& user,
                     std::optional<core::ProjectRole> role, const std::string& actor,
                     const Clock& clock);

// Listings, as stored (see store/accounts.hpp for their order).
Result<std::vector<core::User>> ListUsers(AccountStore& accounts);
Result<std::vector<core::ApiToken>> ListTokens(AccountStore& accounts, const std::string& user);
Result<std::vector<core::Member>> ListMembers(AccountStore& accounts, const std::string& project);
Result<std::vector<core::AuditEntry>> ListAudit(AccountStore& accounts,
                                                const std::optional<std::string>& project,
                                                size_t limit);

// The time `days` days (`seconds` seconds; negative: before) after `iso` (ISO 8601 UTC,
// "YYYY-MM-DDTHH:MM:SSZ").
Result<std::string> AddDays(const std::string& iso, int days);
Result<std::string> AddSeconds(const std::string& iso, int64_t seconds);

}  // namespace foresight::app
