// A pool of idle PostgreSQL connections, process-wide, so a server's requests do not each
// connect (a new connection costs a server process and several round trips). A connection
// comes back when its Store or Accounts goes, if it is still connected and no transaction is
// open; one taken from the pool is checked with a round trip before it is used.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "base/result.hpp"
#include "store/postgres/pg.hpp"

namespace foresight::store::postgres {

// Returns a connection to the pool of `key` when its lease ends.
struct ReturnToPool {
  std::string key;
  void operator()(Connection* connection) const;
};
using Lease = std::unique_ptr<Connection, ReturnToPool>;

// An idle connection of `key` (a URL and how it was set up) that `usable` accepts (one round
// trip: it checks that the server still serves it, and what the caller needs), or nullptr.
// The ones it refuses are closed. A connection that served a statement within kTrustedIdle
// and has received nothing since is handed out without the round trip, as busy pools do: a
// connection the server ended has received its closing. (A schema upgraded by a newer
// foresight is therefore noticed within kTrustedIdle, not at once: upgrade with the servers
// stopped.)
Lease TakePooled(const std::string& key, const std::function<bool(Connection&)>& usable);
// A new connection's lease, returned to `key`'s pool when it ends.
Lease Leased(std::unique_ptr<Connection> connection, std::string key);

// How long after its last statement a pooled connection is trusted without a check.
inline constexpr std::chrono::milliseconds kTrustedIdle{1000};

// Idle connections kept per key; more are closed. A server's request holds two at once (its
// accounts and its store), so under full load 2 x --threads are in use: a smaller pool
// closed connections that the next requests opened again, each a new PostgreSQL process
// (32 clients on 32 threads made 572 calls/s with 32 kept, against 1,450 with 16 clients).
inline constexpr size_t kMaxIdlePerKey = 128;

// Closes every idle connection (tests).
void ClearPoolForTesting();
size_t IdleForTesting(const std::string& key);

}  // namespace foresight::store::postgres
