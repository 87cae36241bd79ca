#include "store/postgres/kept_grants.hpp"

#include <atomic>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "store/postgres/pg.hpp"

namespace foresight::store::postgres {
// Named, not anonymous: unity builds put this file in one unit with the store.
namespace pg_grants {

// A listener whose connection failed is started again by the next Find, at most this often
// (a database that is gone is not asked again at every request).
constexpr std::chrono::milliseconds kRestartPause{1000};
// How long the listener waits for a notification before it shows, with a round trip, that
// its connection still serves. Grants are used only while the last one is recent
// (kHeardWithin): a connection that a network cut without closing it hears nothing, and
// would not know it.
constexpr std::chrono::milliseconds kHeartbeat{250};
constexpr std::chrono::milliseconds kHeardWithin{1000};

// kGrantMaxAge, or the tests' own.
std::atomic<int64_t>& MaxAgeMs() {
  static std::atomic<int64_t> ms{kGrantMaxAge.count()};
  return ms;
}

// Tests: listeners make no round trips, as if their network had gone silent.
std::atomic<bool>& Silenced() {
  static std::atomic<bool> silenced{false};
  return silenced;
}

}  // namespace pg_grants

KeptGrants& KeptGrants::For(const std::string& url) {
  static std::mutex mutex;
  // Never destroyed: listeners and Stores of other threads may use them during exit.
  static auto* all = new std::map<std::string, KeptGrants*,
                                  std::less<>>();  // NOLINT(cppcoreguidelines-owning-memory)
  const std::lock_guard<std::mutex> lock(mutex);
  auto found = all->find(url);
  if (found != all->end()) return *found->second;
  auto* made = new KeptGrants(url);  // NOLINT(cppcoreguidelines-owning-memory)
  all->emplace(url, made);
  return *made;
}

std::string KeptGrants::KeyOf(std::string_view id, std::optional<std::string_view> project) {
  // A token's id holds no NUL; "\0+" marks a project's name, "\0-" no project.
  std::string key(id);
  key += project ? std::string_view("\0+", 2) : std::string_view("\0-", 2);
  if (project) key += *project;
  return key;
}

std::optional<TokenGrant> KeptGrants::Find(std::string_view id,
                                           std::optional<std::string_view> project) {
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!running_ && (started_ == std::chrono::steady_clock::time_point{} ||
                    now - started_ >= pg_grants::kRestartPause)) {
    running_ = true;
    started_ = now;
    std::thread([this]() { Listen(); }).detach();
  }
  if (!TrustedLocked(now)) return std::nullopt;
  auto found = kept_.find(KeyOf(id, project));
  if (found == kept_.end()) return std::nullopt;
  if (now - found->second.read_at > std::chrono::milliseconds(pg_grants::MaxAgeMs().load())) {
    kept_.erase(found);
    return std::nullopt;
  }
  return found->second.grant;
}

uint64_t KeptGrants::Generation() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

void KeptGrants::Remember(std::string_view id, std::optional<std::string_view> project,
                          const TokenGrant& grant, uint64_t generation) {
  const auto now = std::chrono::steady_clock::now();
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!TrustedLocked(now) || generation != generation_) return;
  if (kept_.size() >= kMaxKeptGrants) kept_.clear();
  kept_.insert_or_assign(KeyOf(id, project), Kept{grant, now});
}

void KeptGrants::Forget() {
  const std::lock_guard<std::mutex> lock(mutex_);
  ForgetLocked();
}

bool KeptGrants::TrustedLocked(std::chrono::steady_clock::time_point now) {
  if (!listening_) return false;
  if (now - heard_at_ <= pg_grants::kHeardWithin) return true;
  // A listener gone silent may have missed a change: nothing kept before is used again.
  ForgetLocked();
  return false;
}

void KeptGrants::ForgetLocked() {
  kept_.clear();
  ++generation_;
}

bool KeptGrants::Listening() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return listening_;
}

size_t KeptGrants::Size() {
  const std::lock_guard<std::mutex> lock(mutex_);
  return kept_.size();
}

void KeptGrants::Listen() {
  {
    auto db = Connection::Open(url_);
    const auto asked = std::chrono::steady_clock::now();
    if (db && (*db)->Listen(kAccountsChannel)) {
      {
        // Nothing read before now is kept: a change may have come before the LISTEN.
        const std::lock_guard<std::mutex> lock(mutex_);
        ForgetLocked();
        listening_ = true;
        heard_at_ = asked;
      }
      while (true) {
        auto heard = (*db)->AwaitNotifications(pg_grants::kHeartbeat);
        if (!heard) break;
        if (*heard > 0) Forget();
        if (pg_grants::Silenced().load()) continue;
        // An answer shows the connection served until it was asked.
        const auto pinged = std::chrono::steady_clock::now();
        if (!(*db)->Ping()) break;
        const std::lock_guard<std::mutex> lock(mutex_);
        heard_at_ = pinged;
      }
    }
  }
  // Lost: what changed meanwhile was not heard.
  const std::lock_guard<std::mutex> lock(mutex_);
  listening_ = false;
  running_ = false;
  ForgetLocked();
}

bool ListeningForTesting(const std::string& url, std::chrono::milliseconds wait) {
  KeptGrants& grants = KeptGrants::For(url);
  const auto until = std::chrono::steady_clock::now() + wait;
  while (true) {
    (void)grants.Find("", std::nullopt);  // starts a listener when none runs
    if (grants.Listening()) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void SetGrantMaxAgeForTesting(std::optional<std::chrono::milliseconds> age) {
  pg_grants::MaxAgeMs().store(age.value_or(kGrantMaxAge).count());
}

void SilenceListenersForTesting(bool silenced) { pg_grants::Silenced().store(silenced); }

size_t KeptGrantsForTesting(const std::string& url) { return KeptGrants::For(url).Size(); }

}  // namespace foresight::store::postgres
