#include "store/postgres/pool.hpp"

#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace foresight::store::postgres {
// Named, not anonymous: unity builds put this file in one unit with the store.
namespace pg_pool {

struct Pool {
  std::mutex mutex;
  std::map<std::string, std::vector<std::unique_ptr<Connection>>> idle;
};

Pool& Instance() {
  // Never destroyed: connections may come back from other threads' Stores during exit.
  static auto* pool = new Pool();  // NOLINT(cppcoreguidelines-owning-memory)
  return *pool;
}

}  // namespace pg_pool

void ReturnToPool::operator()(Connection* connection) const {
  std::unique_ptr<Connection> owned(connection);
  if (owned == nullptr || !owned->Reusable()) return;
  pg_pool::Pool& pool = pg_pool::Instance();
  const std::lock_guard<std::mutex> lock(pool.mutex);
  auto& idle = pool.idle[key];
  if (idle.size() < kMaxIdlePerKey) idle.push_back(std::move(owned));
}

Lease Leased(std::unique_ptr<Connection> connection, std::string key) {
  return Lease(connection.release(), ReturnToPool{std::move(key)});
}

Lease TakePooled(const std::string& key, const std::function<bool(Connection&)>& usable) {
  pg_pool::Pool& pool = pg_pool::Instance();
  while (true) {
    std::unique_ptr<Connection> connection;
    {
      const std::lock_guard<std::mutex> lock(pool.mutex);
      auto found = pool.idle.find(key);
      if (found == pool.idle.end() || found->second.empty()) return Lease(nullptr, {key});
      connection = std::move(found->second.back());
      found->second.pop_back();
    }
    // The server may have ended it while it waited (a restart, a dropped database).
    if (connection->QuietSince(kTrustedIdle) || usable(*connection)) {
      return Leased(std::move(connection), key);
    }
  }
}

void ClearPoolForTesting() {
  pg_pool::Pool& pool = pg_pool::Instance();
  const std::lock_guard<std::mutex> lock(pool.mutex);
  pool.idle.clear();
}

size_t IdleForTesting(const std::string& key) {
  pg_pool::Pool& pool = pg_pool::Instance();
  const std::lock_guard<std::mutex> lock(pool.mutex);
  auto found = pool.idle.find(key);
  return found == pool.idle.end() ? 0 : found->second.size();
}

}  // namespace foresight::store::postgres
