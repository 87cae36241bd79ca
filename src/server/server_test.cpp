// `foresight serve` through HTTP, as a client sees it: the route table and its OpenAPI
// description, uploads with the CLI's validation, the same numbers as the use cases, errors
// as JSON with 4xx statuses, size limits, and two servers sharing one PostgreSQL database.
#include "server/server.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "app/accounts.hpp"
#include "app/app_testing.hpp"
#include "app/check.hpp"
#include "app/evaluate.hpp"
#include "base/clock.hpp"
#include "report/check_report.hpp"
#include "report/evidence_report.hpp"
#include "server/server_testing.hpp"
#include "store/accounts.hpp"
#include "store/postgres/kept_grants.hpp"
#include "store/store.hpp"
#include "store/store_testing.hpp"

namespace foresight::server {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using testing::EvalCsv;
using testing::RunCsv;
using testing::Served;
using testing::TokenFor;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-server-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "store.db").string();
  }
  void TearDown() override {
    fs::remove_all(dir_);
    store::postgres::SetGrantMaxAgeForTesting(std::nullopt);  // a test may have changed it
  }

  static void Upload(httplib::Client& c, const std::string& project = "default") {
    auto set = c.Post(("/api/v1/projects/" + project +
                       "/evalsets?name=holdout&id=id&label=label&positive=yes&slice=region")
                          .c_str(),
                      EvalCsv(300), "text/csv");
    ASSERT_TRUE(set);
    ASSERT_EQ(set->status, 201) << set->body;
    for (int r = 0; r < 2; ++r) {
      auto run = c.Post(fmt::format("/api/v1/projects/{}/runs?name=run-{}&evalset=holdout&"
                                    "score=score&method=gbm&train_size=500&tag=owner%3Dana",
                                    project, r)
                            .c_str(),
                        RunCsv(300, static_cast<size_t>(r)), "text/csv");
      ASSERT_TRUE(run);
      ASSERT_EQ(run->status, 201) << run->body;
    }
  }

  fs::path dir_;
  std::string url_;
};

TEST(HttpStatusTest, ClientMistakesAre4xxAndNever5xx) {
  EXPECT_EQ(HttpStatus(ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatus(ErrorCode::kFailedPrecondition), 412);
  EXPECT_EQ(HttpStatus(ErrorCode::kResourceExhausted), 413);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatus(ErrorCode::kDataLoss), 500);
  EXPECT_EQ(HttpStatus(ErrorCode::kInternal), 500);
  EXPECT_EQ(HttpStatus(ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatus(ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatus(ErrorCode::kRateLimited), 429);
}

TEST_F(ServerTest, TheOpenApiDescriptionListsEveryRouteAndEveryRouteIsServed) {
  Served served(url_);
  auto got = served.client().Get("/api/v1/openapi.json");
  ASSERT_TRUE(got);
  ASSERT_EQ(got->status, 200);
  const Json api = Json::parse(got->body);
  EXPECT_EQ(api["openapi"], "3.0.3");
  size_t operations = 0;
  for (const auto& [path, methods] : api["paths"].items()) operations += methods.size();
  EXPECT_EQ(operations, Routes().size());
  for (const RouteInfo& r : Routes()) {
    SCOPED_TRACE(std::string(r.method) + " " + std::string(r.path));
    ASSERT_TRUE(api["paths"].contains(std::string(r.path)));
    EXPECT_TRUE(api["paths"][std::string(r.path)].contains(std::string(r.method)));
    // Served: whatever the answer, it is not "no such path".
    std::string path(r.path);
    for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{')) {
      path.replace(open, path.find('}', open) - open + 1, "default");
    }
    httplib::Result res = r.method == "get"    ? served.client().Get(path.c_str())
                          : r.method == "post" ? served.client().Post(path.c_str(), "", "text/csv")
                          : r.method == "put"  ? served.client().Put(path.c_str(), "", "text/csv")
                                               : served.client().Delete(path.c_str());
    ASSERT_TRUE(res);
    const Json body = Json::parse(res->body, nullptr, false);
    const bool no_route = res->status == 404 && body.contains("error") &&
                          body["error"]["message"].get<std::string>().starts_with("no such path");
    EXPECT_FALSE(no_route);
    EXPECT_LT(res->status, 500) << res->body;
  }
}

TEST_F(ServerTest, UploadsAreStoredAndMeasuredAsByTheUseCases) {
  {
    Served served(url_);
    Upload(served.client());
    auto runs = served.client().Get("/api/v1/projects/default/runs");
    ASSERT_TRUE(runs);
    const Json listed = Json::parse(runs->body);
    ASSERT_EQ(listed["runs"].size(), 2u);
    EXPECT_EQ(listed["runs"][0]["tags"]["owner"], "ana");
    EXPECT_EQ(listed["runs"][1]["train_size"], 500);
    auto eval = served.client().Get(
        "/api/v1/projects/default/eval?run=run-0&metric=roc_auc&resamples=300&seed=7");
    ASSERT_TRUE(eval);
    ASSERT_EQ(eval->status, 200) << eval->body;
    const Json over_http = Json::parse(eval->body);
    // The same use case on the same store, called directly.
    auto store = store::OpenStore(url_);
    ASSERT_TRUE(store);
    app::EvidenceOptions o;
    o.metrics = {"roc_auc"};
    o.resamples = 300;
    o.seed = 7;
    o.threads = 1;
    auto direct = app::Evaluate(**store, {"run-0"}, o, false, std::nullopt);
    ASSERT_TRUE(direct) << direct.error().message();
    ASSERT_EQ(over_http["results"].size(), direct->rows.size());
    EXPECT_EQ(over_http["results"][0]["estimate"].get<double>(), direct->rows[0].estimate);
    EXPECT_EQ(over_http["results"][0]["lower"].get<double>(), direct->rows[0].lower);
    EXPECT_EQ(over_http["results"][0]["upper"].get<double>(), direct->rows[0].upper);
  }
}

TEST_F(ServerTest, MistakesAreJsonErrorsWith4xxAndStoreNothing) {
  Served served(url_);
  Upload(served.client());
  httplib::Client& c = served.client();
  // A prediction file with a bad score on line 3: the problem's line, nothing stored.
  std::string file = RunCsv(300, 0);
  file.replace(file.find("ex1,") + 4, file.find('\n', file.find("ex1,")) - file.find("ex1,") - 4,
               "high");
  auto bad = c.Post("/api/v1/projects/default/runs?name=bad&evalset=holdout&score=score", file,
                    "text/csv");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  const Json problems = Json::parse(bad->body);
  EXPECT_EQ(problems["error"]["code"], "invalid_argument");
  ASSERT_FALSE(problems["error"]["problems"].empty());
  EXPECT_EQ(problems["error"]["problems"][0]["line"], 3);
  auto runs = Json::parse(c.Get("/api/v1/projects/default/runs")->body);
  EXPECT_EQ(runs["runs"].size(), 2u);
  // A missing parameter, a taken name, an unknown run, a bad number.
  EXPECT_EQ(c.Post("/api/v1/projects/default/runs?evalset=holdout", "", "text/csv")->status, 400);
  EXPECT_EQ(c.Post("/api/v1/projects/default/runs?name=run-0&evalset=holdout&score=score",
                   RunCsv(300, 0), "text/csv")
                ->status,
            409);
  EXPECT_EQ(c.Delete("/api/v1/projects/default/runs/nope")->status, 404);
  EXPECT_EQ(c.Get("/api/v1/projects/default/eval?resamples=many")->status, 400);
  EXPECT_EQ(c.Post("/api/v1/projects?name=default", "", "text/plain")->status, 409);
  auto no_project = c.Get("/api/v1/projects/nope/runs");
  EXPECT_EQ(no_project->status, 404);
  // The server's own file is never named to a client.
  EXPECT_EQ(no_project->body.find(dir_.string()), std::string::npos) << no_project->body;
  EXPECT_NE(no_project->body.find("the store"), std::string::npos) << no_project->body;
  // A run's predictions come back as the CSV they were read from, and post back as a run.
  auto exported = c.Get("/api/v1/projects/default/runs/run-0/predictions");
  ASSERT_EQ(exported->status, 200) << exported->body;
  EXPECT_EQ(exported->get_header_value("Content-Type"), "text/csv");
  EXPECT_TRUE(exported->body.starts_with("id,score\nex0,"));
  EXPECT_EQ(c.Post("/api/v1/projects/default/runs?name=again&evalset=holdout&score=score",
                   exported->body, "text/csv")
                ->status,
            201);
  EXPECT_EQ(c.Delete("/api/v1/projects/default/runs/again")->status, 200);
  EXPECT_EQ(c.Get("/api/v1/projects/default/runs/nope/predictions")->status, 404);
  auto deleted = c.Delete("/api/v1/projects/default/runs/run-1");
  EXPECT_EQ(deleted->status, 200);
  runs = Json::parse(c.Get("/api/v1/projects/default/runs")->body);
  EXPECT_EQ(runs["runs"].size(), 1u);
}

TEST_F(ServerTest, ARequestOverTheSizeLimitIs413) {
  Served served(url_, 1000);
  auto big = served.client().Post("/api/v1/projects/default/evalsets?name=big&id=id&label=label",
                                  EvalCsv(200), "text/csv");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("resource_exhausted"), std::string::npos) << big->body;
}

// A second server on a port in use is refused: it must not start and take half the clients.
TEST_F(ServerTest, APortInUseIsRefusedNotShared) {
  Served first(url_);
  ServeOptions o;
  o.store_url = "sqlite:" + (dir_ / "other.db").string();
  o.port = first.port();
  auto second = Server::Start(o);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), ErrorCode::kUnavailable);
  EXPECT_NE(second.error().message().find(fmt::format("127.0.0.1:{} (in use", first.port())),
            std::string::npos)
      << second.error().message();
  EXPECT_EQ(first.client().Get("/api/v1/health")->status, 200);
}

TEST_F(ServerTest, BeyondLoopbackOnlyWithAccountsAndEncryptedTokens) {
  ServeOptions o;
  o.store_url = url_;
  o.port = 0;
  o.host = "0.0.0.0";
  // Tokens in clear text over the network: refused.
  auto plain = Server::Start(o);
  ASSERT_FALSE(plain);
  EXPECT_EQ(plain.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(plain.error().message().find("--behind-tls-proxy"), std::string::npos);
  // Without accounts: refused, whatever encrypts.
  o.accounts = false;
  o.behind_tls_proxy = true;
  auto open = Server::Start(o);
  ASSERT_FALSE(open);
  EXPECT_NE(open.error().message().find("without accounts"), std::string::npos);
  // With accounts, behind a proxy: served.
  o.accounts = true;
  auto proxied = Server::Start(o);
  ASSERT_TRUE(proxied) << proxied.error().message();
  EXPECT_TRUE((*proxied)->Accounts());
  // Without accounts on loopback: served.
  o.host = "127.0.0.1";
  o.accounts = false;
  auto alone = Server::Start(o);
  ASSERT_TRUE(alone) << alone.error().message();
  EXPECT_FALSE((*alone)->Accounts());
}

TEST_F(ServerTest, ConcurrentUploadsAreAllStored) {
  Served served(url_);
  Upload(served.client());
  std::atomic<int> created{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", served.port());
      c.set_bearer_token_auth(served.token());
      for (int k = 0; k < 4; ++k) {
        auto res = c.Post(fmt::format("/api/v1/projects/default/runs?name=c-{}-{}&evalset="
                                      "holdout&score=score",
                                      t, k)
                              .c_str(),
                          RunCsv(300, static_cast<size_t>(t + k)), "text/csv");
        if (res && res->status == 201) ++created;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(created.load(), 32);
  auto runs = Json::parse(served.client().Get("/api/v1/projects/default/runs")->body);
  EXPECT_EQ(runs["runs"].size(), 34u);
}

TEST_F(ServerTest, RunsAreFilteredAndPaged) {
  Served served(url_);
  Upload(served.client());
  httplib::Client& c = served.client();
  ASSERT_EQ(c.Post("/api/v1/projects/default/runs?name=lr&evalset=holdout&score=score&method="
                   "logreg&tag=owner%3Dbo",
                   RunCsv(300, 3), "text/csv")
                ->status,
            201);
  const auto names = [&](const std::string& query) {
    auto res = c.Get(("/api/v1/projects/default/runs?" + query).c_str());
    std::vector<std::string> out;
    const Json body = Json::parse(res->body);
    EXPECT_TRUE(body.contains("runs")) << res->body;
    for (const auto& r : body["runs"]) out.push_back(r["name"]);
    return out;
  };
  EXPECT_EQ(names("method=gbm"), (std::vector<std::string>{"run-0", "run-1"}));
  EXPECT_EQ(names("tag=owner%3Dbo"), std::vector<std::string>{"lr"});
  EXPECT_EQ(names("evalset=holdout&limit=2&offset=1"), (std::vector<std::string>{"run-1", "lr"}));
  EXPECT_TRUE(names("evalset=nope").empty());
  EXPECT_EQ(c.Get("/api/v1/projects/default/runs?limit=-1")->status, 400);
  EXPECT_EQ(c.Get("/api/v1/projects/default/runs?tag=owner")->status, 400);
  // A page says where the next one starts; the last one does not.
  const Json first = Json::parse(c.Get("/api/v1/projects/default/runs?limit=2")->body);
  EXPECT_EQ(first["runs"].size(), 2U);
  EXPECT_EQ(first["next_offset"], 2);
  const Json last = Json::parse(c.Get("/api/v1/projects/default/runs?limit=2&offset=2")->body);
  EXPECT_EQ(last["runs"].size(), 1U);
  EXPECT_FALSE(last.contains("next_offset")) << last.dump();
  EXPECT_FALSE(
      Json::parse(c.Get("/api/v1/projects/default/runs?limit=3")->body).contains("next_offset"))
      << "exactly a page: no next one";
  for (const char* limit : {"0", "10001"}) {
    auto res = c.Get((std::string("/api/v1/projects/default/runs?limit=") + limit).c_str());
    EXPECT_EQ(res->status, 400) << limit;
    EXPECT_NE(res->body.find("between 1 and 10000"), std::string::npos) << res->body;
  }
}

// Without a limit, a listing answers the first 1,000 runs and where the rest start.
TEST_F(ServerTest, AListingAnswersAThousandRunsAPageUnlessAsked) {
  {
    auto store = store::OpenStore(url_);
    ASSERT_TRUE(store) << store.error().message();
    std::vector<core::Run> runs;
    runs.reserve(1001);
    for (int i = 0; i < 1001; ++i) {
      runs.push_back(store::testing::SmallRun(fmt::format("r{}", i), "many", 2));
    }
    ASSERT_TRUE((*store)->AddEvalSetWithRuns(store::testing::SmallSet("many", 2), runs));
  }
  Served served(url_);
  httplib::Client& c = served.client();
  const Json first = Json::parse(c.Get("/api/v1/projects/default/runs")->body);
  ASSERT_EQ(first["runs"].size(), 1000U);
  EXPECT_EQ(first["runs"][999]["name"], "r999");
  EXPECT_EQ(first["next_offset"], 1000);
  const Json rest = Json::parse(c.Get("/api/v1/projects/default/runs?offset=1000")->body);
  ASSERT_EQ(rest["runs"].size(), 1U);
  EXPECT_EQ(rest["runs"][0]["name"], "r1000");
  EXPECT_FALSE(rest.contains("next_offset"));
}

// HTTPS with a certificate made for the test: served, and plain HTTP to it fails.
TEST_F(ServerTest, ServesHttpsWithAGivenCertificate) {
  const std::string cert = (dir_ / "cert.pem").string();
  const std::string key = (dir_ / "key.pem").string();
  const std::string make = fmt::format(
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout '{}' -out '{}' -days 1 -subj "
      "/CN=127.0.0.1 >/dev/null 2>&1",
      key, cert);
  ASSERT_EQ(std::system(make.c_str()), 0);  // NOLINT(cert-env33-c): a fixed command
  ServeOptions o;
  o.store_url = url_;
  o.port = 0;
  o.tls_cert = cert;
  o.tls_key = key;
  auto started = Server::Start(o);
  ASSERT_TRUE(started) << started.error().message();
  Server& server = **started;
  EXPECT_TRUE(server.Tls());
  std::thread thread([&server] { server.Run(); });
  httplib::SSLClient tls("127.0.0.1", server.port());
  tls.set_ca_cert_path(cert.c_str());
  tls.enable_server_certificate_verification(true);
  httplib::Result health = tls.Get("/api/v1/health");
  for (int i = 0; i < 200 && !health; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    health = tls.Get("/api/v1/health");
  }
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  httplib::Client plain("127.0.0.1", server.port());
  plain.set_connection_timeout(2);
  plain.set_read_timeout(2);
  auto refused = plain.Get("/api/v1/health");
  EXPECT_TRUE(!refused || refused->status != 200);
  server.Stop();
  thread.join();
  // Half a pair, or a key that is not one, is refused.
  o.tls_key.clear();
  EXPECT_EQ(Server::Start(o).error().code(), ErrorCode::kInvalidArgument);
  o.tls_key = cert;
  EXPECT_EQ(Server::Start(o).error().code(), ErrorCode::kInvalidArgument);
}

// Sends one request of `route` with `token` ("" = none), to items that do not exist (so
// nothing changes whatever it is allowed to do); returns the status.
int Call(int port, const RouteInfo& route, const std::string& token) {
  std::string path(route.path);
  const std::vector<std::pair<std::string, std::string>> fill = {{"{project}", "p"},
                                                                 {"{run}", "nope"},
                                                                 {"{evalset}", "nope"},
                                                                 {"{user}", "nobody"},
                                                                 {"{token}", "nope"}};
  for (const auto& [from, to] : fill) {
    if (const size_t at = path.find(from); at != std::string::npos)
      path.replace(at, from.size(), to);
  }
  httplib::Client c("127.0.0.1", port);
  if (!token.empty()) c.set_bearer_token_auth(token);
  httplib::Result res = route.method == "get"    ? c.Get(path.c_str())
                        : route.method == "post" ? c.Post(path.c_str(), "", "text/csv")
                        : route.method == "put"
                            ? c.Put((path + "?role=viewer").c_str(), "", "text/plain")
                            : c.Delete(path.c_str());
  EXPECT_TRUE(res) << path;
  return res ? res->status : 0;
}

// The role matrix: for every route and every role, 401 without a valid token, 403 below the
// route's role, and past the check (whatever the handler then says) at or above it.
void ExpectEveryRouteAdmitsExactlyTheRolesItShould(const std::string& url) {
  Served served(url);
  ASSERT_EQ(served.client().Post("/api/v1/projects?name=p", "", "text/plain")->status, 201);
  const std::vector<std::pair<std::string, std::optional<core::ProjectRole>>> people = {
      {"outsider", std::nullopt},
      {"viewer", core::ProjectRole::kViewer},
      {"contributor", core::ProjectRole::kContributor},
      {"maintainer", core::ProjectRole::kMaintainer},
      {"padmin", core::ProjectRole::kAdmin}};
  std::map<std::string, std::string> tokens;
  for (const auto& [name, role] : people) {
    tokens[name] = TokenFor(url, name);
    if (role) {
      auto put = served.client().Put(
          fmt::format("/api/v1/projects/p/members/{}?role={}", name, core::ProjectRoleName(*role))
              .c_str(),
          "", "text/plain");
      ASSERT_EQ(put->status, 200) << put->body;
    }
  }
  const auto rank = [](Permission p) { return static_cast<int>(p); };
  size_t checked = 0;
  for (const RouteInfo& route : Routes()) {
    SCOPED_TRACE(std::string(route.method) + " " + std::string(route.path));
    const bool open = route.permission == Permission::kPublic;
    // No token, and a wrong one: 401, unless anyone may call it.
    for (const std::string& token :
         {std::string(), std::string("fst_0123456789abcdef_") + std::string(43, 'A')}) {
      const int status = Call(served.port(), route, token);
      if (open) {
        EXPECT_NE(status, 401);
      } else {
        EXPECT_EQ(status, 401);
      }
    }
    for (const auto& [name, role] : people) {
      SCOPED_TRACE(name);
      const int status = Call(served.port(), route, tokens[name]);
      const int held =
          role ? rank(Permission::kViewer) + static_cast<int>(*role) : rank(Permission::kUser);
      const bool allowed = rank(route.permission) <= held;
      if (allowed) {
        EXPECT_NE(status, 401);
        EXPECT_NE(status, 403);
      } else {
        EXPECT_EQ(status, 403);
      }
      EXPECT_LT(status, 500);
      ++checked;
    }
    // A server administrator holds every role.
    const int root = Call(served.port(), route, served.token());
    EXPECT_NE(root, 401);
    EXPECT_NE(root, 403);
  }
  EXPECT_EQ(checked, Routes().size() * people.size());
}

TEST_F(ServerTest, EveryRouteAdmitsExactlyTheRolesItShould) {
  ExpectEveryRouteAdmitsExactlyTheRolesItShould(url_);
}

// The same on PostgreSQL, whose accounts read a token and its user's role in one statement.
TEST_F(ServerTest, EveryRouteAdmitsExactlyTheRolesItShouldOnPostgres) {
  const std::optional<std::string> url = app::testing::FreshPostgresDatabase("fs_server_roles");
  if (!url) GTEST_SKIP() << app::testing::kNoPostgres;
  ExpectEveryRouteAdmitsExactlyTheRolesItShould(*url);
}

TEST_F(ServerTest, UsersLogInForTokensAndWritesAreAudited) {
  Served served(url_);
  {
    auto accounts = store::OpenAccounts(url_);
    ASSERT_TRUE(accounts);
    ASSERT_TRUE(app::AddUser(**accounts, "ana", std::string("a long enough secret"), false, "test",
                             SystemClock()));
  }
  httplib::Client c("127.0.0.1", served.port());
  auto wrong = c.Post("/api/v1/tokens", R"({"user": "ana", "password": "not it at all"})",
                      "application/json");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(c.Post("/api/v1/tokens", "[1, 2]", "application/json")->status, 400);
  auto login = c.Post("/api/v1/tokens",
                      R"({"user": "ana", "password": "a long enough secret", "label": "laptop"})",
                      "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 201) << login->body;
  const std::string token = Json::parse(login->body)["token"];
  c.set_bearer_token_auth(token);
  auto me = Json::parse(c.Get("/api/v1/me")->body);
  EXPECT_EQ(me["user"], "ana");
  // A project made by ana is hers to administer; others do not see it.
  ASSERT_EQ(c.Post("/api/v1/projects?name=churn", "", "text/plain")->status, 201);
  EXPECT_EQ(Json::parse(c.Get("/api/v1/projects")->body)["projects"], Json::array({"churn"}));
  Upload(c, "churn");
  ASSERT_EQ(c.Post("/api/v1/projects/churn/runs/run-1/rename?to=run-b", "", "text/plain")->status,
            200);
  auto audit = c.Get("/api/v1/projects/churn/audit");
  ASSERT_EQ(audit->status, 200) << audit->body;
  const Json entries = Json::parse(audit->body)["entries"];
  ASSERT_EQ(entries.size(), 4u);  // the set, two runs, the rename
  EXPECT_EQ(entries[0]["user"], "ana");
  EXPECT_EQ(entries[0]["action"], "POST /api/v1/projects/{project}/evalsets");
  EXPECT_EQ(entries[0]["status"], 201);
  EXPECT_EQ(entries[3]["target"], "/api/v1/projects/churn/runs/run-1/rename to=run-b");
  // No token or password is in the log, nor in the store's account rows.
  auto all = store::OpenAccounts(url_);
  ASSERT_TRUE(all);
  auto log = (*all)->ListAudit(std::nullopt, 0);
  ASSERT_TRUE(log);
  for (const core::AuditEntry& e : *log) {
    EXPECT_EQ(e.target.find(token), std::string::npos);
    EXPECT_EQ(e.target.find("long enough"), std::string::npos);
  }
  EXPECT_TRUE(std::any_of(log->begin(), log->end(), [](const core::AuditEntry& e) {
    return e.action == "failed login" && e.user == "ana";
  }));
  // Revoked: refused at once.
  const std::string id = Json::parse(login->body)["id"];
  ASSERT_EQ(c.Delete(("/api/v1/tokens/" + id).c_str())->status, 200);
  auto after = c.Get("/api/v1/me");
  EXPECT_EQ(after->status, 401);
  EXPECT_EQ(after->get_header_value("WWW-Authenticate"), "Bearer");
}

TEST_F(ServerTest, CompareHistoryForecastAndCheckAnswerAsTheUseCases) {
  Served served(url_);
  httplib::Client& c = served.client();
  Upload(c);
  for (const int size : {100, 200, 400, 800}) {
    auto run = c.Post(fmt::format("/api/v1/projects/default/runs?name=lr-{}&evalset=holdout&"
                                  "score=score&method=lr&train_size={}",
                                  size, size)
                          .c_str(),
                      RunCsv(300, static_cast<size_t>(size / 100)), "text/csv");
    ASSERT_EQ(run->status, 201) << run->body;
  }
  auto compared =
      c.Get("/api/v1/projects/default/compare?a=run-0&b=run-1&metric=roc_auc&resamples=200&seed=3");
  ASSERT_EQ(compared->status, 200) << compared->body;
  {
    auto store = store::OpenStore(url_);
    ASSERT_TRUE(store);
    app::EvidenceOptions o;
    o.metrics = {"roc_auc"};
    o.resamples = 200;
    o.seed = 3;
    o.threads = 1;
    auto direct = app::Compare(**store, "run-0", {"run-1"}, o, std::nullopt);
    ASSERT_TRUE(direct) << direct.error().message();
    EXPECT_EQ(compared->body, report::RenderCompareJson(*direct, o.confidence));
  }
  EXPECT_EQ(c.Get("/api/v1/projects/default/compare?a=run-0")->status, 400);
  EXPECT_EQ(c.Get("/api/v1/projects/default/compare?a=run-0&b=nope")->status, 404);

  auto history = c.Get("/api/v1/projects/default/history");
  ASSERT_EQ(history->status, 200) << history->body;
  EXPECT_TRUE(Json::accept(history->body));

  auto forecast = c.Get("/api/v1/projects/default/forecast?method=lr&metric=roc_auc&at=1600");
  ASSERT_EQ(forecast->status, 200) << forecast->body;
  EXPECT_TRUE(Json::parse(forecast->body).is_object());
  EXPECT_EQ(c.Get("/api/v1/projects/default/forecast?method=nope")->status, 404);
  EXPECT_EQ(c.Get("/api/v1/projects/default/forecast?method=lr&band=2")->status, 400);
  EXPECT_EQ(c.Get("/api/v1/projects/default/forecast?method=lr&at=-5")->status, 400);

  // A charter posted: the same JSON as `foresight check --format json` on the file.
  const std::string charter_path =
      std::string(FORESIGHT_SOURCE_DIR) + "/examples/credit-scoring/foresight.yaml";
  std::ifstream in(charter_path);
  const std::string charter((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(charter.empty());
  auto checked = c.Post("/api/v1/check?name=foresight.yaml", charter, "application/yaml");
  ASSERT_EQ(checked->status, 200) << checked->body;
  EXPECT_EQ(checked->body,
            report::RenderCheckJson(app::CheckCharterText("foresight.yaml", charter)));
  auto broken = c.Post("/api/v1/check", "project: [unclosed\n", "application/yaml");
  ASSERT_EQ(broken->status, 200);
  EXPECT_NE(broken->body.find("\"line\""), std::string::npos) << broken->body;
}

// Stateless: two servers on one PostgreSQL database see each other's writes.
TEST_F(ServerTest, TwoServersShareOnePostgresDatabase) {
  const std::optional<std::string> url = app::testing::FreshPostgresDatabase("fs_server_test");
  if (!url) GTEST_SKIP() << app::testing::kNoPostgres;
  Served a(*url);
  Served b(*url);
  Upload(a.client());
  auto created = b.client().Post("/api/v1/projects?name=churn", "", "text/plain");
  ASSERT_EQ(created->status, 201);
  Upload(a.client(), "churn");
  const Json from_b = Json::parse(b.client().Get("/api/v1/projects/churn/runs")->body);
  EXPECT_EQ(from_b["runs"].size(), 2u);
  const Json projects = Json::parse(a.client().Get("/api/v1/projects")->body);
  EXPECT_EQ(projects["projects"].size(), 2u);
}

// A token revoked, or a role taken away, by another process (another server, `foresight
// admin` on the host, an administrator with psql) stops working on a server that checked it
// a moment before: its kept copy is forgotten when the change is heard, not when it ages.
TEST_F(ServerTest, AChangeToTheAccountsElsewhereIsHeardAtOnce) {
  const std::optional<std::string> url = app::testing::FreshPostgresDatabase("fs_server_heard");
  if (!url) GTEST_SKIP() << app::testing::kNoPostgres;
  // Kept for an hour: only hearing the change can end a copy within the test.
  store::postgres::SetGrantMaxAgeForTesting(std::chrono::hours(1));  // reset by TearDown
  Served served(*url);
  Upload(served.client());
  const std::string ana = TokenFor(*url, "ana");
  ASSERT_EQ(served.client()
                .Put("/api/v1/projects/default/members/ana?role=contributor", "", "text/plain")
                ->status,
            200);
  httplib::Client c("127.0.0.1", served.port());
  c.set_bearer_token_auth(ana);
  ASSERT_TRUE(store::postgres::ListeningForTesting(*url, std::chrono::seconds(10)));
  const auto add = [&](int n) {
    auto res =
        c.Post(fmt::format("/api/v1/projects/default/runs?name=r{}&evalset=holdout&score=score", n)
                   .c_str(),
               RunCsv(300, 1), "text/csv");
    return res ? res->status : 0;
  };
  ASSERT_EQ(add(0), 201);
  ASSERT_EQ(add(1), 201);
  // Asked again until it answers `status`: at most a few moments.
  int n = 1;
  const auto answers = [&](int status) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (add(++n) != status) {
      if (std::chrono::steady_clock::now() >= until) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
  };
  const std::string psql = "psql -q '" + *url + "' -c ";
  ASSERT_EQ(std::system((psql + "\"UPDATE members SET role = 'viewer'\" >/dev/null").c_str()), 0);
  EXPECT_TRUE(answers(403));
  ASSERT_EQ(std::system((psql + "\"UPDATE members SET role = 'contributor'\" >/dev/null").c_str()),
            0);
  EXPECT_TRUE(answers(201));
  ASSERT_EQ(std::system((psql + "\"UPDATE tokens SET revoked_at = '2026-12-04T00:00:00Z' WHERE "
                                "user_id = (SELECT id FROM users WHERE name = 'ana')\" >/dev/null")
                            .c_str()),
            0);
  EXPECT_TRUE(answers(401));
}

}  // namespace
}  // namespace foresight::server
