// Test-only: a served store on a free loopback port, and tokens of its users.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "app/accounts.hpp"
#include "base/clock.hpp"
#include "server/server.hpp"
#include "store/accounts.hpp"

namespace foresight::server::testing {

// An evaluation set of `n` examples as CSV: id, label (yes for every third), region (a slice).
inline std::string EvalCsv(size_t n) {
  std::string out = "id,label,region\n";
  for (size_t i = 0; i < n; ++i) {
    out += fmt::format("ex{},{},{}\n", i, i % 3 == 0 ? "yes" : "no", i % 2 ? "north" : "south");
  }
  return out;
}

// Scores for EvalCsv(n)'s examples, better than chance; `shift` makes another run of them.
inline std::string RunCsv(size_t n, size_t shift) {
  std::string out = "id,score\n";
  for (size_t i = 0; i < n; ++i) {
    const double score = (i % 3 == 0 ? 0.6 : 0.4) + static_cast<double>((i + shift) % 7) / 20.0;
    out += fmt::format("ex{},{}\n", i, score);
  }
  return out;
}

// A token of a user of the store at `url`, made (with the user) when missing.
inline std::string TokenFor(const std::string& url, const std::string& user, bool admin = false) {
  auto accounts = store::OpenAccounts(url, store::Access::kCreate);
  EXPECT_TRUE(accounts) << accounts.error().message();
  if (!accounts) return "";
  const FakeClock clock("2026-12-03T10:00:00Z");
  auto found = (*accounts)->FindUser(user);
  if (found && !*found) {
    EXPECT_TRUE(app::AddUser(**accounts, user, std::nullopt, admin, "test", clock));
  }
  auto issued = app::IssueToken(**accounts, user, "test", 3650, "test", clock);
  EXPECT_TRUE(issued) << issued.error().message();
  return issued ? issued->secret : "";
}

// A served store on a free loopback port, stopped when the value goes. Its client holds the
// token of an administrator, "root".
class Served {
 public:
  explicit Served(const std::string& url, size_t max_body = size_t{1} << 30U, size_t threads = 4) {
    ServeOptions o;
    o.store_url = url;
    o.port = 0;
    o.threads = threads;
    o.max_body_bytes = max_body;
    token_ = TokenFor(url, "root", true);
    auto started = Server::Start(o);
    EXPECT_TRUE(started) << started.error().message();
    if (!started) return;
    server_ = std::move(*started);
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_bearer_token_auth(token_);
    // Wait until it answers.
    for (int i = 0; i < 200 && !client_->Get("/api/v1/health"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  Served(const Served&) = delete;
  Served& operator=(const Served&) = delete;
  ~Served() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client& client() { return *client_; }
  int port() const { return server_->port(); }
  const std::string& token() const { return token_; }

 private:
  std::string token_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

}  // namespace foresight::server::testing
