// The Store over HTTP (store/remote) against a live server on a SQLite store: what it reads
// back is what a local Store on the same database reads, bit for bit; errors keep their
// codes; roles, tokens and projects are the server's; a malformed document is a 400 naming
// its field.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>

#include "app/criteria.hpp"
#include "app/migrate.hpp"
#include "server/server_testing.hpp"
#include "store/remote/remote_store.hpp"
#include "store/remote/wire.hpp"
#include "store/store.hpp"
#include "store/store_testing.hpp"

namespace foresight::server {
namespace {

namespace fs = std::filesystem;
using store::Access;
using testing::Served;
using testing::TokenFor;

class RemoteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-remote-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "store.db").string();
    served_ = std::make_unique<Served>(url_);
  }
  void TearDown() override {
    served_.reset();
    fs::remove_all(dir_);
  }

  std::string ServerUrl() const { return fmt::format("http://127.0.0.1:{}", served_->port()); }

  Result<std::unique_ptr<store::Store>> Remote(const std::string& token,
                                               const std::string& project = "default",
                                               Access access = Access::kWrite) const {
    return store::OpenRemoteStore({ServerUrl(), token, ""}, project, access);
  }

  std::unique_ptr<store::Store> Local(const std::string& project = "default") const {
    auto local = store::OpenStore(url_, project, Access::kWrite);
    EXPECT_TRUE(local) << local.error().message();
    return local ? std::move(*local) : nullptr;
  }

  fs::path dir_;
  std::string url_;
  std::unique_ptr<Served> served_;
};

bool SameBits(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::memcmp(&a[i], &b[i], sizeof(double)) != 0) return false;
  }
  return true;
}

// Doubles that a careless text form would round: thirds, the smallest normal and subnormal,
// the largest, negative zero.
std::vector<double> AwkwardNumbers(size_t n) {
  const std::vector<double> awkward = {0.1,
                                       1.0 / 3.0,
                                       2.0 / 3.0,
                                       std::numeric_limits<double>::min(),
                                       std::numeric_limits<double>::denorm_min(),
                                       std::numeric_limits<double>::max(),
                                       -0.0,
                                       123456789.123456789,
                                       -1e-300};
  std::vector<double> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const double sign = (i / awkward.size()) % 2 == 0 ? 1.0 : -1.0;
    out.push_back(sign * awkward[i % awkward.size()]);
  }
  return out;
}

TEST_F(RemoteStoreTest, WhatItStoresReadsBackBitForBitAsALocalStoreReadsIt) {
  auto remote = Remote(served_->token());
  ASSERT_TRUE(remote) << remote.error().message();
  core::EvalSet set = store::testing::SmallSet("holdout/2026 é", 40);
  set.ids[3] = "id with spaces & = ? # / %";
  ASSERT_TRUE((*remote)->AddEvalSet(set));
  core::Run run = store::testing::SmallRun("gbm & co/1", set.name, 40);
  run.predictions = AwkwardNumbers(40);
  run.params = {{"z", "1"}, {"a", "2"}, {"m", "=&?"}};
  run.effort_hours = 2.5;
  auto added = (*remote)->AddRun(run);
  ASSERT_TRUE(added) << added.error().message();

  core::EvalSet regression;
  regression.name = "prices";
  regression.task = core::EvalTask::kRegression;
  regression.ids = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
  regression.targets = AwkwardNumbers(9);
  regression.created_at = "2026-12-03T10:00:00Z";
  core::Run guess = store::testing::SmallRun("guess", "prices", 9);
  guess.predictions = AwkwardNumbers(9);
  guess.train_size = std::nullopt;
  ASSERT_TRUE((*remote)->AddEvalSetWithRuns(regression, {guess}));

  auto local = Local();
  for (store::Store* s : {remote->get(), local.get()}) {
    auto got = s->GetEvalSet(set.name);
    ASSERT_TRUE(got) << got.error().message();
    EXPECT_EQ(got->ids, set.ids);
    EXPECT_EQ(got->labels, set.labels);
    EXPECT_EQ(got->classes, set.classes);
    ASSERT_EQ(got->slices.size(), 1U);
    EXPECT_EQ(got->slices[0].codes, set.slices[0].codes);
    EXPECT_EQ(got->created_at, set.created_at);
    auto without_ids = s->GetEvalSet(set.name, false);
    ASSERT_TRUE(without_ids);
    EXPECT_TRUE(without_ids->ids.empty());
    EXPECT_EQ(without_ids->labels, set.labels);
    auto got_run = s->GetRun(run.name);
    ASSERT_TRUE(got_run) << got_run.error().message();
    EXPECT_TRUE(SameBits(got_run->predictions, run.predictions));
    EXPECT_EQ(got_run->params, run.params);
    EXPECT_EQ(got_run->effort_hours, run.effort_hours);
    auto prices = s->GetEvalSet("prices");
    ASSERT_TRUE(prices);
    EXPECT_TRUE(SameBits(prices->targets, regression.targets));
    auto got_guess = s->GetRun("guess");
    ASSERT_TRUE(got_guess);
    EXPECT_FALSE(got_guess->train_size.has_value());
  }
  // The listings are the local store's, field for field.
  auto remote_sets = (*remote)->ListEvalSets();
  auto local_sets = local->ListEvalSets();
  ASSERT_TRUE(remote_sets && local_sets);
  ASSERT_EQ(remote_sets->size(), local_sets->size());
  for (size_t i = 0; i < local_sets->size(); ++i) {
    EXPECT_EQ((*remote_sets)[i].name, (*local_sets)[i].name);
    EXPECT_EQ((*remote_sets)[i].rows, (*local_sets)[i].rows);
    EXPECT_EQ((*remote_sets)[i].slices, (*local_sets)[i].slices);
  }
}

TEST_F(RemoteStoreTest, ListRunsFiltersAndPagesAsTheLocalStore) {
  auto remote = Remote(served_->token());
  ASSERT_TRUE(remote);
  ASSERT_TRUE((*remote)->AddEvalSet(store::testing::SmallSet("holdout", 20)));
  for (int i = 0; i < 7; ++i) {
    core::Run r = store::testing::SmallRun(fmt::format("run-{}", i), "holdout", 20);
    r.method = i % 2 == 0 ? "gbm" : "";
    r.tags = {{"owner", i < 4 ? "ana" : "bo b"}};
    ASSERT_TRUE((*remote)->AddRun(r));
  }
  auto local = Local();
  const std::vector<store::RunFilter> filters = {{},
                                                 {.method = "gbm"},
                                                 {.method = ""},
                                                 {.tags = {{"owner", "bo b"}}},
                                                 {.evalset = "holdout", .limit = 2, .offset = 3},
                                                 {.evalset = "nothing"}};
  for (const store::RunFilter& filter : filters) {
    auto a = (*remote)->ListRuns(filter);
    auto b = local->ListRuns(filter);
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a->size(), b->size());
    for (size_t i = 0; i < a->size(); ++i) {
      EXPECT_EQ((*a)[i].name, (*b)[i].name);
      EXPECT_EQ((*a)[i].tags, (*b)[i].tags);
      EXPECT_EQ((*a)[i].train_size, (*b)[i].train_size);
    }
  }
}

// The server answers at most 10,000 runs a page; the remote store asks for every page, and
// for no more than the filter's limit.
TEST_F(RemoteStoreTest, ListRunsReadsEveryPage) {
  {
    auto local = Local();
    std::vector<core::Run> runs;
    runs.reserve(10005);
    for (int i = 0; i < 10005; ++i) {
      runs.push_back(store::testing::SmallRun(fmt::format("r{}", i), "many", 2));
    }
    ASSERT_TRUE(local->AddEvalSetWithRuns(store::testing::SmallSet("many", 2), runs));
  }
  auto remote = Remote(served_->token());
  ASSERT_TRUE(remote);
  auto all = (*remote)->ListRuns({});
  ASSERT_TRUE(all) << all.error().message();
  ASSERT_EQ(all->size(), 10005U);
  EXPECT_EQ(all->back().name, "r10004");
  auto some = (*remote)->ListRuns({.limit = 10002, .offset = 2});
  ASSERT_TRUE(some);
  ASSERT_EQ(some->size(), 10002U);
  EXPECT_EQ(some->front().name, "r2");
  EXPECT_EQ(some->back().name, "r10003");
}

TEST_F(RemoteStoreTest, ErrorsKeepTheirCodesAndNothingIsHalfDone) {
  auto remote = Remote(served_->token());
  ASSERT_TRUE(remote);
  ASSERT_TRUE((*remote)->AddEvalSet(store::testing::SmallSet("holdout", 10)));
  EXPECT_EQ((*remote)->AddEvalSet(store::testing::SmallSet("holdout", 10)).error().code(),
            ErrorCode::kAlreadyExists);
  EXPECT_EQ((*remote)->GetRun("missing").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ((*remote)->GetEvalSet("missing", true).error().code(), ErrorCode::kNotFound);
  // Predictions that do not fit the set: refused as the local store refuses them.
  EXPECT_EQ((*remote)->AddRun(store::testing::SmallRun("short", "holdout", 9)).error().code(),
            ErrorCode::kInvalidArgument);
  ASSERT_TRUE((*remote)->AddRun(store::testing::SmallRun("r", "holdout", 10)));
  EXPECT_EQ((*remote)->DeleteEvalSet("holdout", false).error().code(),
            ErrorCode::kFailedPrecondition);
  ASSERT_TRUE((*remote)->RenameRun("r", "r 2/b"));
  ASSERT_TRUE((*remote)->RenameEvalSet("holdout", "held out"));
  auto runs = (*remote)->ListRuns({});
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 1U);
  EXPECT_EQ((*runs)[0].name, "r 2/b");
  EXPECT_EQ((*runs)[0].evalset, "held out");
  ASSERT_TRUE((*remote)->DeleteEvalSet("held out", true));
  EXPECT_TRUE((*remote)->ListRuns({})->empty());
}

TEST_F(RemoteStoreTest, CriteriaPlanEventsAndTheServersCache) {
  auto remote = Remote(served_->token());
  ASSERT_TRUE(remote);
  const core::CriteriaVersion v1{"hash-1", "roc_auc", 0.8, 0.95, "2026-12-01T10:00:00Z"};
  const core::CriteriaVersion v2{"hash-2", "roc_auc", 0.85, std::nullopt, "2026-12-02T10:00:00Z"};
  ASSERT_FALSE(*(*remote)->RecordCriteria(v1));
  auto previous = (*remote)->RecordCriteria(v2);
  ASSERT_TRUE(previous);
  ASSERT_TRUE(previous->has_value());
  EXPECT_EQ((*previous)->charter_hash, "hash-1");
  auto versions = (*remote)->ListCriteria();
  ASSERT_TRUE(versions);
  ASSERT_EQ(versions->size(), 2U);
  EXPECT_FALSE((*versions)[1].confidence.has_value());

  core::PlanEvent e;
  e.method = "gbm";
  e.kind = core::PlanEventKind::kEstimated;
  e.on = "2026-12-01";
  e.optimistic = 1;
  e.likely = 2;
  e.pessimistic = 4;
  e.recorded_at = "2026-12-01T10:00:00Z";
  ASSERT_TRUE((*remote)->AddPlanEvents({e, e}));
  auto events = (*remote)->ListPlanEvents();
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2U);
  EXPECT_LT((*events)[0].id, (*events)[1].id);
  EXPECT_EQ((*events)[1].pessimistic, 4);

  // The cache: read from what the server's own store keeps; a client's writes are dropped.
  ASSERT_TRUE((*remote)->AddEvalSet(store::testing::SmallSet("holdout", 10)));
  ASSERT_TRUE((*remote)->AddRun(store::testing::SmallRun("a", "holdout", 10)));
  ASSERT_TRUE((*remote)->AddRun(store::testing::SmallRun("b", "holdout", 10)));
  ASSERT_TRUE((*remote)->PutCachedResults({{"b", "k", "from a client"}}));
  ASSERT_TRUE(Local()->PutCachedResults({{"a", "k", "computed"}}));
  auto cached = (*remote)->GetCachedResults("k", {"a", "b", "none"});
  ASSERT_TRUE(cached) << cached.error().message();
  ASSERT_EQ(cached->size(), 3U);
  EXPECT_EQ((*cached)[0], "computed");
  EXPECT_FALSE((*cached)[1].has_value());
  EXPECT_FALSE((*cached)[2].has_value());
}

TEST_F(RemoteStoreTest, RolesTokensAndProjectsAreTheServers) {
  // A project that does not exist: not found, unless made (by kCreate, as `init` does).
  EXPECT_EQ(Remote(served_->token(), "other").error().code(), ErrorCode::kNotFound);
  const std::string ana = TokenFor(url_, "ana");
  auto made = Remote(ana, "anas", Access::kCreate);
  ASSERT_TRUE(made) << made.error().message();
  EXPECT_FALSE((*made)->ReadOnly());
  ASSERT_TRUE((*made)->AddEvalSet(store::testing::SmallSet("holdout", 10)));
  EXPECT_TRUE(Local("default")->ListEvalSets()->empty()) << "projects are kept apart";

  // Ana sees no other project; a viewer reads but may not write.
  EXPECT_EQ(Remote(ana, "default").error().code(), ErrorCode::kPermissionDenied);
  const std::string bo = TokenFor(url_, "bo");
  auto accounts = store::OpenAccounts(url_, Access::kWrite);
  ASSERT_TRUE(accounts);
  ASSERT_TRUE((*accounts)->SetRole("anas", "bo", core::ProjectRole::kViewer));
  EXPECT_EQ(Remote(bo, "anas", Access::kWrite).error().code(), ErrorCode::kPermissionDenied);
  auto viewer = Remote(bo, "anas", Access::kRead);
  ASSERT_TRUE(viewer) << viewer.error().message();
  EXPECT_TRUE((*viewer)->ReadOnly());
  EXPECT_EQ((*viewer)->ListEvalSets()->size(), 1U);
  EXPECT_EQ((*viewer)->AddRun(store::testing::SmallRun("r", "holdout", 10)).error().code(),
            ErrorCode::kPermissionDenied);

  // Changing the project's success criteria needs a maintainer: a contributor's same charter
  // is no change, another one is refused.
  ASSERT_TRUE((*made)->RecordCriteria({"hash-1", "roc_auc", 0.8, 0.95, "2026-12-01T10:00:00Z"}));
  ASSERT_TRUE((*accounts)->SetRole("anas", "bo", core::ProjectRole::kContributor));
  auto contributor = Remote(bo, "anas", Access::kWrite);
  ASSERT_TRUE(contributor) << contributor.error().message();
  auto same = (*contributor)->RecordCriteria({"hash-1", "roc_auc", 0.8, 0.95, "later"});
  ASSERT_TRUE(same) << same.error().message();
  ASSERT_TRUE(same->has_value());
  EXPECT_EQ((*same)->charter_hash, "hash-1");
  auto changed = (*contributor)->RecordCriteria({"hash-2", "accuracy", 0.9, 0.95, "later"});
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ((*contributor)->ListCriteria()->size(), 1U);
  // A reading command goes on, told why nothing was recorded.
  const FakeClock clock("2026-12-03T10:00:00Z");
  app::Criteria other;
  other.charter_hash = "hash-2";
  other.metric = "accuracy";
  auto after = app::RecordCriteriaAfterReading(**contributor, other, clock);
  ASSERT_TRUE(after) << after.error().message();
  EXPECT_EQ(after->outcome, app::CriteriaRecording::Outcome::kNotAllowed);
  EXPECT_NE(after->why.find("maintainer"), std::string::npos) << after->why;
  auto as_viewer = app::RecordCriteriaAfterReading(**viewer, other, clock);
  ASSERT_TRUE(as_viewer);
  EXPECT_EQ(as_viewer->outcome, app::CriteriaRecording::Outcome::kReadOnly);
  // The route itself refuses a contributor too, whatever the client.
  httplib::Client direct("127.0.0.1", served_->port());
  direct.set_bearer_token_auth(bo);
  auto posted = direct.Post("/api/v1/projects/anas/data/criteria",
                            store::wire::EncodeCriteriaVersion(core::CriteriaVersion{
                                "hash-3", "accuracy", 0.9, std::nullopt, "later"}),
                            "application/json");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 403);

  // No token, a wrong one, a server that is not there, a URL that is not one.
  auto tokenless = Remote("");
  ASSERT_FALSE(tokenless);
  EXPECT_EQ(tokenless.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(tokenless.error().message().find("FORESIGHT_TOKEN"), std::string::npos);
  EXPECT_EQ(Remote("fst_0000000000000000_nope").error().code(), ErrorCode::kUnauthenticated);
  auto down = store::OpenRemoteStore({"http://127.0.0.1:1", served_->token(), ""}, "default",
                                     Access::kRead);
  ASSERT_FALSE(down);
  EXPECT_EQ(down.error().code(), ErrorCode::kUnavailable);
  EXPECT_EQ(down.error().message().find(served_->token()), std::string::npos);
  // A server that answers, but not as foresight does here (a wrong path under a proxy).
  auto elsewhere = store::OpenRemoteStore({ServerUrl() + "/not-here", served_->token(), ""},
                                          "default", Access::kRead);
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(elsewhere.error().message().find("does not answer as a foresight server"),
            std::string::npos)
      << elsewhere.error().message();
  for (const char* bad : {"ftp://host", "http://", "http://host?x", "localhost:8080"}) {
    EXPECT_EQ(store::OpenRemoteStore({bad, "", ""}, "default", Access::kRead).error().code(),
              ErrorCode::kInvalidArgument)
        << bad;
  }
}

// FORESIGHT_TOKEN for one test, restored after it.
class TokenInEnvironment {
 public:
  explicit TokenInEnvironment(const std::string& token) {
    if (const char* old = std::getenv("FORESIGHT_TOKEN")) old_ = old;
    setenv("FORESIGHT_TOKEN", token.c_str(), 1);
  }
  TokenInEnvironment(const TokenInEnvironment&) = delete;
  TokenInEnvironment& operator=(const TokenInEnvironment&) = delete;
  ~TokenInEnvironment() {
    if (old_) {
      setenv("FORESIGHT_TOKEN", old_->c_str(), 1);
    } else {
      unsetenv("FORESIGHT_TOKEN");
    }
  }

 private:
  std::optional<std::string> old_;
};

TEST_F(RemoteStoreTest, AWorkspaceMigratesOntoTheServerAndBackWithEveryMetricEqual) {
  // A workspace with two projects, moved onto the server by a user who is no administrator.
  const fs::path workspace = dir_ / "laptop.db";
  const std::string laptop = "sqlite:" + workspace.string();
  {
    auto local = store::OpenStore(laptop, "default", Access::kCreate);
    ASSERT_TRUE(local) << local.error().message();
    ASSERT_TRUE((*local)->AddEvalSet(store::testing::SmallSet("holdout", 60)));
    ASSERT_TRUE((*local)->AddRun(store::testing::SmallRun("gbm", "holdout", 60)));
    ASSERT_TRUE((*local)->CreateProject("second"));
    auto second = store::OpenStore(laptop, "second", Access::kWrite);
    ASSERT_TRUE(second);
    ASSERT_TRUE((*second)->AddEvalSet(store::testing::SmallSet("other", 30)));
  }
  const std::string ana = TokenFor(url_, "ana");
  const TokenInEnvironment token(ana);
  app::EvidenceOptions verify;
  verify.resamples = 50;
  // "default" exists on the server, and is not ana's: the move stops before writing anything.
  auto refused = app::MigrateStore(laptop, ServerUrl(), verify);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kPermissionDenied) << refused.error().message();
  {
    auto local = store::OpenStore(laptop, "default", Access::kWrite);
    ASSERT_TRUE(local);
    ASSERT_TRUE((*local)->RenameRun("gbm", "gbm-1"));
  }
  auto accounts = store::OpenAccounts(url_, Access::kWrite);
  ASSERT_TRUE(accounts);
  ASSERT_TRUE((*accounts)->SetRole("default", "ana", core::ProjectRole::kContributor));
  auto moved = app::MigrateStore(laptop, ServerUrl(), verify);
  ASSERT_TRUE(moved) << moved.error().message();
  ASSERT_EQ(moved->projects.size(), 2U);
  EXPECT_EQ(moved->projects[0].runs, 1U);
  EXPECT_GT(moved->projects[0].values_compared, 0U);
  EXPECT_EQ((*(*accounts)->RoleOf("second", "ana")), core::ProjectRole::kAdmin)
      << "a project made by the move is its mover's";
  auto run = Local()->GetRun("gbm-1");
  ASSERT_TRUE(run) << run.error().message();
  EXPECT_EQ(run->predictions, store::testing::SmallRun("gbm", "holdout", 60).predictions);
  // And back from the server into a new file.
  auto back = app::MigrateStore(ServerUrl(), "sqlite:" + (dir_ / "back.db").string(), verify);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->projects.size(), 2U);
}

TEST_F(RemoteStoreTest, MalformedDocumentsAreRefusedNamingTheField) {
  httplib::Client& c = served_->client();
  const std::string run = store::wire::EncodeRun(store::testing::SmallRun("r", "holdout", 3));
  struct Case {
    std::string body;
    std::string field;
  };
  nlohmann::json doc = nlohmann::json::parse(run);
  std::vector<Case> cases;
  cases.push_back({"not json", ""});
  cases.push_back({"[1, 2]", ""});
  doc["predictions"] = nlohmann::json::array({0.1, "0.5", 0.2});
  cases.push_back({doc.dump(), "predictions[1]"});
  // Packed columns: bytes that are not whole doubles, a NaN, text that is not base64.
  doc["predictions"] = {{"f64", "AAAA"}};
  cases.push_back({doc.dump(), "predictions"});
  doc["predictions"] = {{"f64", "AAAAAAAA+H8="}};  // 0x7ff8000000000000, a NaN
  cases.push_back({doc.dump(), "predictions[0]"});
  doc["predictions"] = {{"f64", "not base64!!"}};
  cases.push_back({doc.dump(), "predictions"});
  doc["predictions"] = {{"i32", "AAAAAA=="}};
  cases.push_back({doc.dump(), "predictions"});
  doc = nlohmann::json::parse(run);
  doc["params"][0] = {"only a key"};
  cases.push_back({doc.dump(), "params[0]"});
  doc = nlohmann::json::parse(run);
  doc["train_size"] = 1.5;
  cases.push_back({doc.dump(), "train_size"});
  doc = nlohmann::json::parse(run);
  doc.erase("name");
  cases.push_back({doc.dump(), "name"});
  for (const Case& k : cases) {
    auto reply = c.Put("/api/v1/projects/default/data/run", k.body, "application/json");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 400) << k.body;
    const auto error = nlohmann::json::parse(reply->body)["error"];
    EXPECT_EQ(error["code"], "invalid_argument");
    if (!k.field.empty()) {
      EXPECT_EQ(error["field"], k.field) << reply->body;
    }
  }
  // A set with labels out of range, then codes that do not fit: the Store's own checks.
  core::EvalSet set = store::testing::SmallSet("holdout", 3);
  nlohmann::json sdoc = nlohmann::json::parse(store::wire::EncodeEvalSet(set));
  sdoc["labels"] = nlohmann::json::array({-1, 0, 0});
  auto reply = c.Put("/api/v1/projects/default/data/evalset", sdoc.dump(), "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  sdoc["labels"] = {{"i32", "/////wAAAAAAAAAA"}};  // -1, 0, 0 packed
  reply = c.Put("/api/v1/projects/default/data/evalset", sdoc.dump(), "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400) << reply->body;
  EXPECT_NE(reply->body.find("labels[0]"), std::string::npos) << reply->body;
  sdoc["labels"] = nlohmann::json::array({1, 0, 0});
  sdoc["slices"][0]["codes"] = nlohmann::json::array({7, 0, 1});
  reply = c.Put("/api/v1/projects/default/data/evalset", sdoc.dump(), "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400) << reply->body;
  EXPECT_TRUE(Local()->ListEvalSets()->empty());
}

}  // namespace
}  // namespace foresight::server
