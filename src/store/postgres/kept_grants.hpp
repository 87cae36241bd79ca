// Tokens, as found with their user and role, kept between requests, per database, while a
// listener hears every change to the accounts.
//
// A server checks the token of every request. Reading it costs PostgreSQL a transaction of its
// own and the call a round trip, about 40% of a single logged run's CPU. So the grant a
// token read gives (its hash, expiry and revocation, its user's flags, the role in a project)
// is kept, and the next request with that token is checked against the copy: the hash is
// compared and the expiry tested on every request, as before.
//
// A copy must never outlive a change. The accounts' tables (users, tokens, members,
// projects) carry triggers that notify the channel kAccountsChannel when a statement changes
// them, whoever runs it: this server, another server on the same database, `foresight admin`
// on the host, or an administrator with psql. A connection of this process listens to that
// channel and forgets every kept grant when anything arrives. Copies are kept only while it
// listens, so a change it could have missed (its connection lost) also forgets them all, and
// none is kept again until it listens anew. A change made by this process forgets them at
// once, without waiting for its own notification. The listener makes a round trip every
// quarter of a second, and copies are used only while its last one is less than a second
// old (when it is older, all are forgotten): a connection that a network cut without closing
// it hears nothing, and would not know it. A copy is also used at most kGrantMaxAge after it was
// read.
//
// Only the grants of projects that exist are kept (with a token's id, the only parts of the
// key a client chooses), so their number is bounded by what administrators made.
//
// What remains is the time a notification takes to arrive, the same as a request that read
// the token just before the change committed: a revoked token, a disabled user or a role
// taken away stops working on every server within milliseconds.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "store/accounts.hpp"

namespace foresight::store::postgres {

// The channel the accounts' triggers notify (schema version 4).
inline constexpr std::string_view kAccountsChannel = "foresight_accounts";
// How long a kept grant is used at most.
inline constexpr std::chrono::milliseconds kGrantMaxAge{1000};
// Kept grants per database; when full, all are forgotten and kept anew.
inline constexpr size_t kMaxKeptGrants = 10'000;

// The kept grants of one database (by its URL). Thread-safe; process-wide, never destroyed.
class KeptGrants {
 public:
  static KeptGrants& For(const std::string& url);

  // The grant of token `id` (with the role in `project`, when given) read at most
  // kGrantMaxAge ago, while every change since was heard; else nothing. Starts a listener
  // when none runs.
  std::optional<TokenGrant> Find(std::string_view id, std::optional<std::string_view> project);
  // To read before reading a grant from the database, and to pass to Remember.
  uint64_t Generation();
  // Keeps `grant`, unless a change was heard (or the listener stopped) since `generation`.
  void Remember(std::string_view id, std::optional<std::string_view> project,
                const TokenGrant& grant, uint64_t generation);
  // Forgets every kept grant: this process changed the accounts.
  void Forget();

  bool Listening();
  size_t Size();

 private:
  explicit KeptGrants(std::string url) : url_(std::move(url)) {}
  struct Kept {
    TokenGrant grant;
    std::chrono::steady_clock::time_point read_at;
  };
  static std::string KeyOf(std::string_view id, std::optional<std::string_view> project);
  // Under mutex_: every grant forgotten, and a new generation.
  void ForgetLocked();
  // Under mutex_: whether the listener listens and its last round trip is recent (when it
  // is late, every grant is forgotten).
  bool TrustedLocked(std::chrono::steady_clock::time_point now);
  // The listener's thread: connects, listens, and forgets on every notification until its
  // connection fails.
  void Listen();

  const std::string url_;
  std::mutex mutex_;
  std::map<std::string, Kept, std::less<>> kept_;
  uint64_t generation_ = 0;
  bool listening_ = false;  // the listener has run LISTEN and heard every change since
  bool running_ = false;    // a listener's thread runs (connecting, or listening)
  // When the listener's connection was last known to serve (its last round trip was sent).
  std::chrono::steady_clock::time_point heard_at_ = {};
  std::chrono::steady_clock::time_point started_ = {};
};

// Tests: whether a listener of `url` listens now, waiting up to `wait` for it to; how long
// grants are used (kGrantMaxAge when reset); listeners that make no round trips (as if
// their network had gone silent); how many grants of `url` are kept.
bool ListeningForTesting(const std::string& url, std::chrono::milliseconds wait);
void SetGrantMaxAgeForTesting(std::optional<std::chrono::milliseconds> age);
void SilenceListenersForTesting(bool silenced);
size_t KeptGrantsForTesting(const std::string& url);

}  // namespace foresight::store::postgres
