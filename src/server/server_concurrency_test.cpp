// `foresight serve` under many clients at once, on each backend: a mix of reads and writes
// (runs added, listed, compared, renamed and deleted; projects made and members given a role)
// from several clients, each answered as it would be alone, and afterwards everything that was
// acknowledged is there, audited once. The ThreadSanitizer build runs these too (`make tsan`,
// label concurrency), where a data race between the server's request threads, its connection
// pool or its stores fails the test.
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "server/server_testing.hpp"

namespace foresight::server {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::EvalCsv;
using testing::RunCsv;
using testing::Served;
using testing::TokenFor;

constexpr int kClients = 6;
constexpr int kRounds = 5;
constexpr size_t kExamples = 200;

// An answer's status, 0 when there was none (the server is gone): a failed check, not a crash.
int StatusOf(const httplib::Result& res) { return res ? res->status : 0; }

// An answer's body ("" when there was none).
std::string BodyOf(const httplib::Result& res) { return res ? res->body : std::string(); }

// The store each test runs on: SQLite in a scratch folder, or a new PostgreSQL database.
class ServerConcurrencyTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const std::string name = "fs_concurrency_" + GetParam();
    if (GetParam() == "sqlite") {
      dir_ = fs::temp_directory_path() / name;
      fs::remove_all(dir_);
      fs::create_directories(dir_);
      url_ = "sqlite:" + (dir_ / "store.db").string();
      return;
    }
    const char* admin = std::getenv("FORESIGHT_TEST_PG_URL");
    if (admin == nullptr) {
      const char* required = std::getenv("FORESIGHT_REQUIRE_PG");
      if (required != nullptr && std::string(required) == "1") {
        FAIL() << "FORESIGHT_REQUIRE_PG=1 but FORESIGHT_TEST_PG_URL is not set";
      }
      GTEST_SKIP() << "no PostgreSQL to test against: set FORESIGHT_TEST_PG_URL (make test "
                      "starts a throw-away cluster)";
    }
    const std::string create = fmt::format(
        "PGOPTIONS=--client-min-messages=warning psql -q '{}' -c 'DROP DATABASE IF EXISTS {} WITH "
        "(FORCE)' -c 'CREATE "
        "DATABASE {}' >/dev/null",
        admin, name, name);
    ASSERT_EQ(std::system(create.c_str()), 0);  // NOLINT(cert-env33-c): a fixed command
    url_ = admin;
    url_ = url_.substr(0, url_.rfind('/') + 1) + name;
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  fs::path dir_;
  std::string url_;
};

TEST_P(ServerConcurrencyTest, ManyClientsAtOnceAreEachAnsweredAsAloneAndAllIsKept) {
  Served served(url_, size_t{1} << 30U, 8);
  httplib::Client& root = served.client();
  const std::string api = "/api/v1/projects/default";
  ASSERT_EQ(
      StatusOf(root.Post((api + "/evalsets?name=holdout&id=id&label=label&positive=yes").c_str(),
                         EvalCsv(kExamples), "text/csv")),
      201);
  for (int r = 0; r < 2; ++r) {
    ASSERT_EQ(StatusOf(root.Post(
                  fmt::format("{}/runs?name=run-{}&evalset=holdout&score=score", api, r).c_str(),
                  RunCsv(kExamples, static_cast<size_t>(r)), "text/csv")),
              201);
  }
  const std::string compare = api + "/compare?a=run-0&b=run-1&metric=roc_auc&resamples=200&seed=3";
  auto alone = root.Get(compare.c_str());
  ASSERT_EQ(StatusOf(alone), 200) << BodyOf(alone);
  const std::string ana = TokenFor(url_, "ana");
  ASSERT_EQ(StatusOf(root.Put((api + "/members/ana?role=maintainer").c_str(), "", "text/plain")),
            200);

  // Even clients are ana, a maintainer: each adds runs tagged as its own, lists them, renames
  // every other one and compares the first two runs. Odd clients are the administrator: each
  // makes a project with ana in it, adds runs and deletes every other one.
  std::atomic<int> unexpected{0};
  std::vector<std::string> failures(kClients);
  std::vector<std::thread> clients;
  clients.reserve(kClients);
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", served.port());
      c.set_bearer_token_auth(t % 2 == 0 ? ana : served.token());
      c.set_read_timeout(120, 0);
      const auto expect = [&](const httplib::Result& res, int status, const std::string& what) {
        if (res && res->status == status) return true;
        ++unexpected;
        failures[static_cast<size_t>(t)] +=
            fmt::format("{}: {} ({}) ", what, res ? res->status : 0, res ? res->body : "");
        return false;
      };
      for (int k = 0; k < kRounds; ++k) {
        const std::string run = fmt::format("c-{}-{}", t, k);
        expect(c.Post(fmt::format("{}/runs?name={}&evalset=holdout&score=score&method=m{}&tag="
                                  "owner%3Dt{}",
                                  api, run, t, t)
                          .c_str(),
                      RunCsv(kExamples, static_cast<size_t>(t + k)), "text/csv"),
               201, "add " + run);
        if (t % 2 == 0) {
          auto mine = c.Get(fmt::format("{}/runs?tag=owner%3Dt{}", api, t).c_str());
          if (expect(mine, 200, "list")) {
            const size_t listed = Json::parse(mine->body)["runs"].size();
            if (listed != static_cast<size_t>(k) + 1) {
              ++unexpected;
              failures[static_cast<size_t>(t)] += fmt::format("listed {} after {} ", listed, k + 1);
            }
          }
          if (k % 2 == 1) {
            expect(c.Post(fmt::format("{}/runs/{}/rename?to=d-{}-{}", api, run, t, k).c_str(), "",
                          "text/plain"),
                   200, "rename " + run);
          }
          auto same = c.Get(compare.c_str());
          if (expect(same, 200, "compare") && same->body != alone->body) {
            ++unexpected;
            failures[static_cast<size_t>(t)] += "a comparison differs from the one made alone ";
          }
        } else {
          const std::string project = fmt::format("p-{}-{}", t, k);
          expect(c.Post(fmt::format("/api/v1/projects?name={}", project).c_str(), "", "text/plain"),
                 201, "make " + project);
          expect(c.Put(fmt::format("/api/v1/projects/{}/members/ana?role=viewer", project).c_str(),
                       "", "text/plain"),
                 200, "member of " + project);
          if (k % 2 == 1) {
            expect(c.Delete(fmt::format("{}/runs/{}", api, run).c_str()), 200, "delete " + run);
          }
          expect(c.Get("/api/v1/me"), 200, "me");
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(unexpected.load(), 0) << fmt::format("{}", fmt::join(failures, "\n"));

  // Every acknowledged write is there: 2 runs, 30 added, 6 deleted; 6 renamed.
  const Json runs = Json::parse(BodyOf(root.Get((api + "/runs").c_str())))["runs"];
  std::map<std::string, int> names;
  for (const Json& r : runs) ++names[r["name"].get<std::string>()];
  EXPECT_EQ(runs.size(), 2U + kClients * kRounds - (kClients / 2) * (kRounds / 2));
  for (int t = 0; t < kClients; ++t) {
    for (int k = 0; k < kRounds; ++k) {
      const bool kept = t % 2 == 0 || k % 2 == 0;
      const std::string name = fmt::format("{}-{}-{}", t % 2 == 0 && k % 2 == 1 ? "d" : "c", t, k);
      EXPECT_EQ(names[name], kept ? 1 : 0) << name;
    }
  }
  // Each write audited once, under the user who made it.
  const Json entries = Json::parse(BodyOf(root.Get((api + "/audit").c_str())))["entries"];
  std::map<std::string, int> actions;
  for (const Json& e : entries) {
    ++actions[fmt::format("{} {}", e["user"].get<std::string>(), e["action"].get<std::string>())];
  }
  EXPECT_EQ(actions["ana POST /api/v1/projects/{project}/runs"], (kClients / 2) * kRounds);
  EXPECT_EQ(actions["root POST /api/v1/projects/{project}/runs"], 2 + (kClients / 2) * kRounds);
  EXPECT_EQ(actions["ana POST /api/v1/projects/{project}/runs/{run}/rename"],
            (kClients / 2) * (kRounds / 2));
  EXPECT_EQ(actions["root DELETE /api/v1/projects/{project}/runs/{run}"],
            (kClients / 2) * (kRounds / 2));
  const Json projects = Json::parse(BodyOf(root.Get("/api/v1/projects")))["projects"];
  EXPECT_EQ(projects.size(), 1U + (kClients / 2) * kRounds);
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerConcurrencyTest, ::testing::Values("sqlite", "postgres"),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           return param.param;
                         });

}  // namespace
}  // namespace foresight::server
