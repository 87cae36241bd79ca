// The Store contract: every backend must pass these tests unchanged. They use only the
// public Store interface; a backend takes part through one entry of Backends() below (how
// to make a fresh database, and how to fail its Nth statement). Tests of one backend's
// internals (files, schema versions, damaged rows) live beside that backend.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <limits>
#include <ostream>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "store/accounts.hpp"
#include "store/internal/column_codec.hpp"
#include "store/postgres/pg.hpp"
#include "store/sqlite/db.hpp"
#include "store/store.hpp"
#include "store/store_testing.hpp"

namespace foresight::store {
namespace {

namespace fs = std::filesystem;

// Opens the test's database for a project.
using StoreFactory = std::function<Result<std::unique_ptr<Store>>(std::string_view project)>;

struct Backend {
  std::string name;
  // Makes a fresh, empty database for the test named `test`; returns its URL.
  std::function<std::string(const std::string& test)> fresh;
  // Removes what `fresh` made.
  std::function<void(const std::string& test)> remove;
  // From now on, the nth statement the backend runs (1-based; BEGIN, COMMIT and ROLLBACK
  // included) and the count - 1 after it fail as a lost connection would; nth = 0: off.
  std::function<void(int nth, int count)> fail_statements;
  // The statements that injected failures hit since the last call ("BEGIN ...", "COMMIT").
  std::function<std::vector<std::string>()> take_injected;
  // Why the backend cannot be tested here ("" when it can): the test is skipped saying so.
  std::function<std::string()> unavailable = [] { return std::string(); };
};

// So test listings show the backend's name, not its bytes.
void PrintTo(const Backend& backend, std::ostream* os) { *os << backend.name; }

fs::path SqliteDir(const std::string& test) {
  return fs::temp_directory_path() / ("foresight-store-contract-" + test);
}

// PostgreSQL: a server given by FORESIGHT_TEST_PG_URL (its maintenance database; `make
// test` starts a throw-away cluster and sets it), one database per test.
std::string PostgresAdminUrl() {
  const char* url = std::getenv("FORESIGHT_TEST_PG_URL");
  return url != nullptr ? url : "";
}

std::string PostgresDatabase(const std::string& test) {
  std::string name = "fs_";
  for (const char c : test) {
    name += std::isalnum(static_cast<unsigned char>(c)) != 0
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : '_';
  }
  return name.substr(0, 63);
}

// The admin URL with the test's database in place of the maintenance one.
std::string PostgresUrl(const std::string& test) {
  std::string url = PostgresAdminUrl();
  const size_t query = url.find('?');
  const std::string options = query == std::string::npos ? "" : url.substr(query);
  url = url.substr(0, std::min(query, url.size()));
  const size_t slash = url.rfind('/');
  return url.substr(0, slash + 1) + PostgresDatabase(test) + options;
}

std::string PostgresUnavailable() {
  if (PostgresAdminUrl().empty()) {
    return "no PostgreSQL to test against: set FORESIGHT_TEST_PG_URL (make test starts a "
           "throw-away cluster with scripts/with-postgres)";
  }
  auto admin = postgres::Connection::Open(PostgresAdminUrl());
  return admin ? "" : admin.error().message();
}

std::vector<Backend> Backends() {
  Backend sqlite_backend{"Sqlite",
                         [](const std::string& test) {
                           const fs::path dir = SqliteDir(test);
                           fs::remove_all(dir);
                           fs::create_directories(dir);
                           return "sqlite:" + (dir / "foresight.db").string();
                         },
                         [](const std::string& test) { fs::remove_all(SqliteDir(test)); },
                         [](int nth, int count) { sqlite::FailStatementsForTesting(nth, count); },
                         [] { return sqlite::TakeInjectedFailuresForTesting(); }};
  Backend postgres_backend{
      "Postgres",
      [](const std::string& test) {
        std::string url = PostgresUrl(test);
        auto admin = postgres::Connection::Open(PostgresAdminUrl());
        if (admin) {
          const std::string db = PostgresDatabase(test);
          (void)(*admin)->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", db));
          (void)(*admin)->Exec(fmt::format("CREATE DATABASE {}", db));
        }
        return url;
      },
      [](const std::string& test) {
        auto admin = postgres::Connection::Open(PostgresAdminUrl());
        if (admin) {
          (void)(*admin)->Exec(
              fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", PostgresDatabase(test)));
        }
      },
      [](int nth, int count) { postgres::FailStatementsForTesting(nth, count); },
      [] { return postgres::TakeInjectedFailuresForTesting(); },
      PostgresUnavailable};
  return {sqlite_backend, postgres_backend};
}

// The contract's binary set: the store tests' small set (store_testing.hpp).
core::EvalSet BinarySet(const std::string& name, size_t n) { return testing::SmallSet(name, n); }

core::Run MakeRun(const std::string& name, const std::string& evalset, size_t n) {
  core::Run r;
  r.name = name;
  r.evalset = evalset;
  r.method = "gbm";
  r.train_size = 5000;
  r.effort_hours = 3.5;
  r.params = {{"depth", "6"}, {"eta", "0.1"}};
  r.tags = {{"owner", "ana"}};
  for (size_t i = 0; i < n; ++i) r.predictions.push_back(static_cast<double>(i % 97) / 97.0);
  r.created_at = "2026-11-28T11:00:00Z";
  return r;
}

// Bit for bit (== would call -0.0 and 0.0 equal).
void ExpectSameBits(const std::vector<double>& a, const std::vector<double>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(std::bit_cast<uint64_t>(a[i]), std::bit_cast<uint64_t>(b[i])) << "i=" << i;
  }
}

core::PlanEvent Estimated(const std::string& method, double optimistic, double likely,
                          double pessimistic) {
  core::PlanEvent e;
  e.method = method;
  e.kind = core::PlanEventKind::kEstimated;
  e.on = "2026-03-01";
  e.optimistic = optimistic;
  e.likely = likely;
  e.pessimistic = pessimistic;
  e.role = "ml engineer";
  e.note = "from the charter";
  e.recorded_at = "2026-03-01T09:00:00Z";
  return e;
}

core::PlanEvent Logged(const std::string& method, double effort, const std::string& on) {
  core::PlanEvent e;
  e.method = method;
  e.kind = core::PlanEventKind::kLogged;
  e.on = on;
  e.role = "data scientist";
  e.effort = effort;
  e.recorded_at = on + "T17:00:00Z";
  return e;
}

core::PlanEvent Happened(const std::string& method, core::PlanEventKind kind) {
  core::PlanEvent e;
  e.method = method;
  e.kind = kind;
  e.on = "2026-03-02";
  e.recorded_at = "2026-03-02T08:00:00Z";
  return e;
}

// (method, kind) of each event, to compare orders.
std::vector<std::pair<std::string, core::PlanEventKind>> Steps(
    const std::vector<core::PlanEvent>& events) {
  std::vector<std::pair<std::string, core::PlanEventKind>> out;
  out.reserve(events.size());
  for (const core::PlanEvent& e : events) out.emplace_back(e.method, e.kind);
  return out;
}

std::vector<std::string> Names(const std::vector<core::RunInfo>& runs) {
  std::vector<std::string> out;
  out.reserve(runs.size());
  for (const core::RunInfo& r : runs) out.push_back(r.name);
  return out;
}

class StoreContractTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    test_ = std::string(::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::replace(test_.begin(), test_.end(), '/', '-');
    if (const std::string why = GetParam().unavailable(); !why.empty()) {
      GTEST_SKIP() << why;
    }
    url_ = GetParam().fresh(test_);
    open_ = [url = url_](std::string_view project) { return OpenStore(url, project); };
    auto store = open_(kDefaultProject);
    ASSERT_TRUE(store) << store.error().message();
    store_ = std::move(*store);
  }
  void TearDown() override {
    GetParam().fail_statements(0, 0);
    if (open_ == nullptr) return;  // skipped
    store_.reset();
    GetParam().remove(test_);
  }
  // A Store on a new project of the test's database.
  std::unique_ptr<Store> NewProject(const std::string& name) {
    EXPECT_TRUE(store_->CreateProject(name));
    auto opened = open_(name);
    EXPECT_TRUE(opened) << opened.error().message();
    return opened ? std::move(*opened) : nullptr;
  }

  std::unique_ptr<Accounts> OpenTestAccounts() {
    auto accounts = OpenAccounts(url_);
    EXPECT_TRUE(accounts) << accounts.error().message();
    return accounts ? std::move(*accounts) : nullptr;
  }

  std::string test_;
  std::string url_;
  StoreFactory open_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreContractTest, EvalSetRoundTripsEveryFieldAcrossChunks) {
  core::EvalSet e = BinarySet("holdout", 70000);  // more than one 65,536-row chunk
  e.slices.push_back({"empty-levels-first", {"", "x"}, std::vector<int32_t>(70000, 1)});
  ASSERT_TRUE(store_->AddEvalSet(e));
  auto back = store_->GetEvalSet("holdout");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->name, e.name);
  EXPECT_EQ(back->task, e.task);
  EXPECT_EQ(back->ids, e.ids);
  EXPECT_EQ(back->labels, e.labels);
  EXPECT_EQ(back->classes, e.classes);
  EXPECT_TRUE(back->targets.empty());
  EXPECT_EQ(back->source, e.source);
  EXPECT_EQ(back->created_at, e.created_at);
  ASSERT_EQ(back->slices.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back->slices[i].name, e.slices[i].name);
    EXPECT_EQ(back->slices[i].levels, e.slices[i].levels);
    EXPECT_EQ(back->slices[i].codes, e.slices[i].codes);
  }
  auto list = store_->ListEvalSets();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].name, "holdout");
  EXPECT_EQ((*list)[0].task, core::EvalTask::kBinary);
  EXPECT_EQ((*list)[0].rows, 70000u);
  EXPECT_EQ((*list)[0].classes, e.classes);
  EXPECT_EQ((*list)[0].created_at, e.created_at);
  EXPECT_EQ((*list)[0].slices, (std::vector<std::string>{"region", "empty-levels-first"}));
}

// Measuring reads a set without its ids: the same labels, targets and slices, the same
// size, and no id decoded.
TEST_P(StoreContractTest, ASetReadWithoutIdsHasEverythingElse) {
  core::EvalSet e = BinarySet("holdout", 70000);
  ASSERT_TRUE(store_->AddEvalSet(e));
  auto back = store_->GetEvalSet("holdout", /*with_ids=*/false);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_TRUE(back->ids.empty());
  EXPECT_EQ(back->size(), 70000u);
  EXPECT_EQ(back->labels, e.labels);
  EXPECT_EQ(back->classes, e.classes);
  ASSERT_EQ(back->slices.size(), e.slices.size());
  core::EvalSet r;
  r.name = "prices";
  r.task = core::EvalTask::kRegression;
  r.ids = {"a", "b", "c"};
  r.targets = {1.5, -2, 0};
  r.created_at = "2026-12-02T10:00:00Z";
  ASSERT_TRUE(store_->AddEvalSet(r));
  auto reg = store_->GetEvalSet("prices", false);
  ASSERT_TRUE(reg) << reg.error().message();
  EXPECT_EQ(reg->size(), 3u);
  EXPECT_EQ(reg->targets, r.targets);
}

TEST_P(StoreContractTest, RegressionTargetsAndPredictionsRoundTripBitForBit) {
  const std::vector<double> values = {1.5,
                                      -2.25,
                                      1e300,
                                      -0.0,
                                      0.1 + 0.2,
                                      std::numeric_limits<double>::denorm_min(),
                                      std::numeric_limits<double>::max(),
                                      std::numeric_limits<double>::lowest(),
                                      std::numeric_limits<double>::epsilon()};
  core::EvalSet reg;
  reg.name = "prices";
  reg.task = core::EvalTask::kRegression;
  for (size_t i = 0; i < values.size(); ++i) {
    reg.ids.push_back(i == 2 ? "" : "p" + std::to_string(i));
  }
  reg.targets = values;
  ASSERT_TRUE(store_->AddEvalSet(reg));
  auto back = store_->GetEvalSet("prices");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->task, core::EvalTask::kRegression);
  EXPECT_EQ(back->ids, reg.ids);
  EXPECT_TRUE(back->labels.empty());
  ExpectSameBits(back->targets, values);
  core::Run run = MakeRun("ols", "prices", 0);
  run.predictions = values;
  std::reverse(run.predictions.begin(), run.predictions.end());
  ASSERT_TRUE(store_->AddRun(run));
  auto run_back = store_->GetRun("ols");
  ASSERT_TRUE(run_back) << run_back.error().message();
  ExpectSameBits(run_back->predictions, run.predictions);
}

TEST_P(StoreContractTest, MulticlassRunsNeedAValuePerClassAndRow) {
  core::EvalSet multi = BinarySet("species", 10);
  multi.task = core::EvalTask::kMulticlass;
  multi.classes = {"oak", "ash", "elm"};
  for (size_t i = 0; i < 10; ++i) multi.labels[i] = static_cast<int32_t>(i % 3);
  ASSERT_TRUE(store_->AddEvalSet(multi));
  ASSERT_TRUE(store_->AddRun(MakeRun("vit", "species", 30)));  // 10 rows x 3 classes
  const Status refused = store_->AddRun(MakeRun("vit-2", "species", 10));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message().find("needs 30"), std::string::npos)
      << refused.error().message();
  EXPECT_EQ(store_->GetRun("vit")->predictions.size(), 30u);
  EXPECT_EQ(store_->ListRuns()->size(), 1u);
}

TEST_P(StoreContractTest, RunsRoundTripEveryFieldInOrder) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 100)));
  const core::Run a = MakeRun("logreg", "holdout", 100);
  core::Run b = MakeRun("gbm", "holdout", 100);
  b.method = "";
  b.train_size.reset();
  b.effort_hours.reset();
  b.params.clear();
  b.tags = {{"z", ""}, {"a", "1=2"}};  // kept in the order given, not sorted
  b.predictions[7] = 0.123456789012345678;
  b.created_at = "2026-11-29T00:00:00Z";
  ASSERT_TRUE(store_->AddRun(a));
  ASSERT_TRUE(store_->AddRun(b));
  auto runs = store_->ListRuns();
  ASSERT_TRUE(runs) << runs.error().message();
  ASSERT_EQ(runs->size(), 2u);
  const core::RunInfo& info = (*runs)[0];
  EXPECT_EQ(info.name, "logreg");
  EXPECT_EQ(info.evalset, "holdout");
  EXPECT_EQ(info.method, "gbm");
  EXPECT_EQ(info.train_size, 5000);
  EXPECT_EQ(info.effort_hours, 3.5);
  EXPECT_EQ(info.params, a.params);
  EXPECT_EQ(info.tags, a.tags);
  EXPECT_EQ(info.created_at, a.created_at);
  EXPECT_FALSE((*runs)[1].train_size.has_value());
  EXPECT_FALSE((*runs)[1].effort_hours.has_value());
  EXPECT_EQ((*runs)[1].tags, b.tags);
  auto back = store_->GetRun("gbm");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->name, b.name);
  EXPECT_EQ(back->evalset, "holdout");
  EXPECT_EQ(back->method, "");
  EXPECT_FALSE(back->train_size.has_value());
  EXPECT_FALSE(back->effort_hours.has_value());
  EXPECT_TRUE(back->params.empty());
  EXPECT_EQ(back->tags, b.tags);
  EXPECT_EQ(back->created_at, b.created_at);
  ExpectSameBits(back->predictions, b.predictions);  // re-scoring must be exact
  auto first = store_->GetRun("logreg");
  ASSERT_TRUE(first);
  EXPECT_EQ(first->params, a.params);
  EXPECT_EQ(first->train_size, 5000);
  EXPECT_EQ(first->effort_hours, 3.5);
}

TEST_P(StoreContractTest, UnknownNamesAreNotFound) {
  EXPECT_EQ(store_->GetEvalSet("nope").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetRun("nope").error().code(), ErrorCode::kNotFound);
  const Status orphan = store_->AddRun(MakeRun("x", "missing-set", 3));
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(orphan.error().message().find("missing-set"), std::string::npos);
  EXPECT_TRUE(store_->ListRuns()->empty());
}

TEST_P(StoreContractTest, TakenNamesAreRefusedAndNothingChanges) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  const Status again = store_->AddEvalSet(BinarySet("holdout", 20));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->GetEvalSet("holdout")->size(), 10u);
  ASSERT_TRUE(store_->AddRun(MakeRun("gbm-1", "holdout", 10)));
  core::Run other = MakeRun("gbm-1", "holdout", 10);
  other.method = "other";
  const Status taken = store_->AddRun(other);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->GetRun("gbm-1")->method, "gbm");
  EXPECT_EQ(store_->ListRuns()->size(), 1u);
  // Every backend reports the same cause first: no set, then the run's own content, then the
  // name. A taken name with a wrong count is refused for the count; repeated keys on a
  // missing set, for the set.
  EXPECT_EQ(store_->AddRun(MakeRun("gbm-1", "holdout", 9)).error().code(),
            ErrorCode::kInvalidArgument);
  core::Run repeated = MakeRun("gbm-2", "missing-set", 10);
  repeated.tags.emplace_back("owner", "bo");
  repeated.tags.emplace_back("owner", "cy");
  EXPECT_EQ(store_->AddRun(repeated).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->ListRuns()->size(), 1u);
  // A batch whose set name is taken stores none of its runs either.
  const Status batch =
      store_->AddEvalSetWithRuns(BinarySet("holdout", 10), {MakeRun("new-run", "holdout", 10)});
  ASSERT_FALSE(batch);
  EXPECT_EQ(batch.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->GetRun("new-run").error().code(), ErrorCode::kNotFound);
}

// A run carries the key of the set its predictions were lined up with; a set deleted and
// added again under its name since has another key, even where the new row gets the old
// row's id (SQLite gives the largest id plus one), and the run is refused. Renaming a set
// away and back may keep or change its key, but never lets a mismatched key through.
TEST_P(StoreContractTest, ARunLinedUpWithAReplacedSetIsRefused) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  auto before = store_->GetEvalSet("holdout");
  ASSERT_TRUE(before) << before.error().message();
  ASSERT_FALSE(before->store_key.empty());
  EXPECT_EQ(store_->GetEvalSet("holdout")->store_key, before->store_key) << "stable";
  EXPECT_EQ(store_->GetEvalSet("holdout", /*with_ids=*/false)->store_key, before->store_key);

  ASSERT_TRUE(store_->DeleteEvalSet("holdout", /*with_runs=*/true));
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  auto after = store_->GetEvalSet("holdout");
  ASSERT_TRUE(after);
  EXPECT_NE(after->store_key, before->store_key);

  core::Run stale = MakeRun("stale", "holdout", 10);
  stale.evalset_key = before->store_key;
  const Status refused = store_->AddRun(stale);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message().find("send the run again"), std::string::npos)
      << refused.error().message();
  EXPECT_EQ(store_->GetRun("stale").error().code(), ErrorCode::kNotFound) << "nothing stored";

  core::Run fresh = MakeRun("fresh", "holdout", 10);
  fresh.evalset_key = after->store_key;
  EXPECT_TRUE(store_->AddRun(fresh));
  EXPECT_TRUE(store_->AddRun(MakeRun("unkeyed", "holdout", 10))) << "no key, no check";
}

TEST_P(StoreContractTest, InconsistentInputIsRefusedAsInvalid) {
  core::EvalSet short_labels = BinarySet("a", 10);
  short_labels.labels.pop_back();
  core::EvalSet bad_code = BinarySet("b", 10);
  bad_code.slices[0].codes[3] = 2;  // two levels: codes 0 and 1
  core::EvalSet short_slice = BinarySet("c", 10);
  short_slice.slices[0].codes.pop_back();
  core::EvalSet twice = BinarySet("d", 10);
  twice.slices.push_back(twice.slices[0]);
  // What a reader would call damaged is refused before it is written.
  core::EvalSet bad_label = BinarySet("e", 10);
  bad_label.labels[4] = 2;  // two classes: codes 0 and 1
  core::EvalSet three_classes = BinarySet("f", 10);
  three_classes.classes.push_back("maybe");
  core::EvalSet one_class = BinarySet("g", 10);
  one_class.task = core::EvalTask::kMulticlass;
  one_class.classes.pop_back();
  std::fill(one_class.labels.begin(), one_class.labels.end(), 0);
  for (const core::EvalSet& e :
       {short_labels, bad_code, short_slice, twice, bad_label, three_classes, one_class}) {
    const Status refused = store_->AddEvalSet(e);
    ASSERT_FALSE(refused) << e.name;
    EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument) << e.name;
    EXPECT_NE(refused.error().message().find("'" + e.name + "'"), std::string::npos);
  }
  EXPECT_TRUE(store_->ListEvalSets()->empty());
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("ok", 10)));
  core::Run repeated = MakeRun("r", "ok", 10);
  repeated.tags.emplace_back("owner", "bo");
  const Status refused = store_->AddRun(repeated);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  core::Run short_run = MakeRun("s", "ok", 9);
  EXPECT_EQ(store_->AddRun(short_run).error().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->ListRuns()->empty());
}

TEST_P(StoreContractTest, ListRunsFiltersAndPagesInInsertionOrder) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("s1", 5)));
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("s2", 5)));
  for (int i = 0; i < 10; ++i) {
    core::Run r = MakeRun("r" + std::to_string(i), i % 2 == 0 ? "s1" : "s2", 5);
    r.method = i < 5 ? "gbm" : "logreg";
    r.tags = {{"owner", i % 3 == 0 ? "ana" : "bo"}, {"seed", std::to_string(i % 2)}};
    r.params = {{"owner", "ana"}};  // a param is not a tag
    ASSERT_TRUE(store_->AddRun(r));
  }
  const auto names = [&](const RunFilter& filter) {
    auto runs = store_->ListRuns(filter);
    EXPECT_TRUE(runs) << runs.error().message();
    return runs ? Names(*runs) : std::vector<std::string>{};
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names({}), (V{"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"}));
  EXPECT_EQ(names({.evalset = "s1"}), (V{"r0", "r2", "r4", "r6", "r8"}));
  EXPECT_EQ(names({.method = "logreg"}), (V{"r5", "r6", "r7", "r8", "r9"}));
  EXPECT_EQ(names({.evalset = "s2", .method = "gbm"}), (V{"r1", "r3"}));
  EXPECT_EQ(names({.tags = {{"owner", "ana"}}}), (V{"r0", "r3", "r6", "r9"}));
  EXPECT_EQ(names({.tags = {{"owner", "ana"}, {"seed", "1"}}}), (V{"r3", "r9"}));
  EXPECT_EQ(names({.tags = {{"owner", "ana"}, {"seed", "2"}}}), V{});
  EXPECT_EQ(names({.limit = 3}), (V{"r0", "r1", "r2"}));
  EXPECT_EQ(names({.limit = 3, .offset = 8}), (V{"r8", "r9"}));
  EXPECT_EQ(names({.offset = 7}), (V{"r7", "r8", "r9"}));
  EXPECT_EQ(names({.offset = 10}), V{});
  EXPECT_EQ(names({.evalset = "s1", .limit = 2, .offset = 1}), (V{"r2", "r4"}));
  EXPECT_EQ(names({.evalset = "unknown"}), V{});
  EXPECT_EQ(names({.method = ""}), V{});
  EXPECT_EQ(names({.limit = std::numeric_limits<size_t>::max(),
                   .offset = std::numeric_limits<size_t>::max()}),
            V{});
  // Every page keeps each run's attributes whole.
  auto page = store_->ListRuns({.limit = 1, .offset = 3});
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].tags,
            (std::vector<std::pair<std::string, std::string>>{{"owner", "ana"}, {"seed", "1"}}));
  EXPECT_EQ((*page)[0].params,
            (std::vector<std::pair<std::string, std::string>>{{"owner", "ana"}}));
  // Paging through covers everything once.
  std::vector<std::string> all;
  for (size_t offset = 0; offset < 12; offset += 4) {
    const V part = names({.limit = 4, .offset = offset});
    all.insert(all.end(), part.begin(), part.end());
  }
  EXPECT_EQ(all, names({}));
}

TEST_P(StoreContractTest, ProjectsKeepTheirEvidenceApart) {
  auto projects = store_->ListProjects();
  ASSERT_TRUE(projects);
  EXPECT_EQ(*projects, std::vector<std::string>{std::string(kDefaultProject)});
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  ASSERT_TRUE(store_->AddRun(MakeRun("gbm", "holdout", 10)));
  ASSERT_TRUE(store_->RecordCriteria({"h1", "accuracy", 0.9, 0.95, "2026-03-01T09:00:00Z"}));

  std::unique_ptr<Store> other = NewProject("fraud");
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->ListEvalSets()->empty());
  EXPECT_TRUE(other->ListRuns()->empty());
  EXPECT_TRUE(other->ListCriteria()->empty());
  EXPECT_EQ(other->GetEvalSet("holdout").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(other->GetRun("gbm").error().code(), ErrorCode::kNotFound);
  // A run cannot use another project's set.
  EXPECT_EQ(other->AddRun(MakeRun("gbm", "holdout", 10)).error().code(), ErrorCode::kNotFound);
  // The same names are free in another project.
  ASSERT_TRUE(other->AddEvalSet(BinarySet("holdout", 20)));
  ASSERT_TRUE(other->AddRun(MakeRun("gbm", "holdout", 20)));
  auto first = other->RecordCriteria({"h1", "recall", 0.5, std::nullopt, "2026-03-02T09:00:00Z"});
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_value()) << "the history is per project";

  EXPECT_EQ(store_->GetEvalSet("holdout")->size(), 10u);
  EXPECT_EQ(other->GetEvalSet("holdout")->size(), 20u);
  EXPECT_EQ(store_->GetRun("gbm")->predictions.size(), 10u);
  EXPECT_EQ(other->GetRun("gbm")->predictions.size(), 20u);
  EXPECT_EQ(store_->ListRuns({.evalset = "holdout"})->size(), 1u);
  EXPECT_EQ(store_->ListCriteria()->front().metric, "accuracy");
  EXPECT_EQ(other->ListCriteria()->front().metric, "recall");
  EXPECT_EQ(*other->ListProjects(), (std::vector<std::string>{"default", "fraud"}));

  EXPECT_EQ(store_->CreateProject("fraud").error().code(), ErrorCode::kAlreadyExists);
  // A name goes into a server's paths: no '/', no control character.
  for (const char* bad : {"", "team/a", "tab\there"}) {
    const Status refused = store_->CreateProject(bad);
    ASSERT_FALSE(refused) << bad;
    EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_EQ(refused.error().field(), "name") << bad;
  }
  auto missing = open_("nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message().find("fraud"), std::string::npos)
      << "names the projects there are: " << missing.error().message();
  // Reopened, a project still holds its own evidence.
  other.reset();
  auto reopened = open_("fraud");
  ASSERT_TRUE(reopened);
  EXPECT_EQ((*reopened)->GetEvalSet("holdout")->size(), 20u);
}

TEST_P(StoreContractTest, CriteriaAreRecordedPerCharterVersion) {
  EXPECT_TRUE(store_->ListCriteria()->empty());
  core::CriteriaVersion v1{"hash-1", "accuracy", 0.9, 0.95, "2026-03-01T09:00:00Z"};
  auto first = store_->RecordCriteria(v1);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_value());
  auto same = store_->RecordCriteria(v1);
  ASSERT_TRUE(same);
  ASSERT_TRUE(same->has_value());
  EXPECT_EQ((*same)->charter_hash, "hash-1");
  core::CriteriaVersion v2{"hash-2", "recall_at_precision{p=0.9}", 0.8, std::nullopt,
                           "2026-03-12T09:00:00Z"};
  auto second = store_->RecordCriteria(v2);
  ASSERT_TRUE(second);
  EXPECT_EQ((*second)->metric, "accuracy");
  core::CriteriaVersion v3{"hash-1", "", std::nullopt, std::nullopt, "2026-04-01T09:00:00Z"};
  auto third = store_->RecordCriteria(v3);  // back to an earlier charter: a new version
  ASSERT_TRUE(third);
  EXPECT_EQ((*third)->charter_hash, "hash-2");
  auto all = store_->ListCriteria();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].charter_hash, "hash-1");
  EXPECT_EQ((*all)[0].threshold, 0.9);
  EXPECT_EQ((*all)[0].confidence, 0.95);
  EXPECT_EQ((*all)[0].seen_at, "2026-03-01T09:00:00Z");
  EXPECT_EQ((*all)[1].metric, "recall_at_precision{p=0.9}");
  EXPECT_FALSE((*all)[1].confidence.has_value());
  EXPECT_EQ((*all)[2].metric, "");
  EXPECT_FALSE((*all)[2].threshold.has_value());
  EXPECT_EQ((*all)[2].seen_at, "2026-04-01T09:00:00Z");
}

TEST_P(StoreContractTest, PlanEventsRoundTripEveryFieldWithIncreasingIds) {
  EXPECT_TRUE(store_->ListPlanEvents()->empty());
  core::PlanEvent estimate = Estimated("gbm", 1.5, 2.25, 4);
  estimate.id = 999;  // the store sets ids; a caller's are ignored
  core::PlanEvent logged = Logged("gbm", 0.5, "2026-03-09");
  logged.note = "feature work, \"quoted\"\nand a second line";
  core::PlanEvent partial = Estimated("rules", 0, 0.5, 1);
  partial.optimistic = std::nullopt;  // only `likely` is required of an estimate
  partial.pessimistic = std::nullopt;
  partial.role = "";
  ASSERT_TRUE(store_->AddPlanEvents({estimate, logged, partial}));
  auto all = store_->ListPlanEvents();
  ASSERT_TRUE(all) << all.error().message();
  ASSERT_EQ(all->size(), 3u);
  const core::PlanEvent& e = (*all)[0];
  EXPECT_EQ(e.method, "gbm");
  EXPECT_EQ(e.kind, core::PlanEventKind::kEstimated);
  EXPECT_EQ(e.on, "2026-03-01");
  EXPECT_EQ(e.optimistic, 1.5);
  EXPECT_EQ(e.likely, 2.25);
  EXPECT_EQ(e.pessimistic, 4.0);
  EXPECT_EQ(e.role, "ml engineer");
  EXPECT_FALSE(e.effort.has_value());
  EXPECT_EQ(e.note, "from the charter");
  EXPECT_EQ(e.recorded_at, "2026-03-01T09:00:00Z");
  const core::PlanEvent& l = (*all)[1];
  EXPECT_EQ(l.kind, core::PlanEventKind::kLogged);
  EXPECT_EQ(l.on, "2026-03-09");
  EXPECT_EQ(l.effort, 0.5);
  EXPECT_EQ(l.role, "data scientist");
  EXPECT_EQ(l.note, logged.note);
  EXPECT_FALSE(l.optimistic.has_value());
  EXPECT_FALSE(l.likely.has_value());
  EXPECT_FALSE(l.pessimistic.has_value());
  const core::PlanEvent& p = (*all)[2];
  EXPECT_EQ(p.method, "rules");
  EXPECT_FALSE(p.optimistic.has_value());
  EXPECT_EQ(p.likely, 0.5);
  EXPECT_FALSE(p.pessimistic.has_value());
  EXPECT_EQ(p.role, "");
  EXPECT_EQ(p.note, "from the charter");
  EXPECT_LT(e.id, l.id);
  EXPECT_LT(l.id, p.id);
  EXPECT_NE(e.id, 999);
  // Every kind round-trips, and a later batch comes after the earlier ones.
  const std::vector<core::PlanEvent> kinds = {Happened("gbm", core::PlanEventKind::kStarted),
                                              Happened("gbm", core::PlanEventKind::kFinished),
                                              Happened("rules", core::PlanEventKind::kDropped),
                                              Happened("rules", core::PlanEventKind::kRemoved)};
  ASSERT_TRUE(store_->AddPlanEvents(kinds));
  auto more = store_->ListPlanEvents();
  ASSERT_TRUE(more) << more.error().message();
  ASSERT_EQ(more->size(), 7u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ((*more)[i].id, (*all)[i].id) << "ids never change";
  for (size_t i = 1; i < more->size(); ++i) EXPECT_LT((*more)[i - 1].id, (*more)[i].id);
  const std::vector<core::PlanEvent> tail(more->begin() + 3, more->end());
  EXPECT_EQ(Steps(tail), Steps(kinds));
  EXPECT_EQ(tail[0].on, "2026-03-02");
  EXPECT_EQ(tail[0].role, "");
  EXPECT_FALSE(tail[0].effort.has_value());
}

// The ledger is in the order written, not by day: a correction written later for an earlier
// day comes after what it corrects.
TEST_P(StoreContractTest, PlanEventsKeepTheOrderTheyWereAddedIn) {
  ASSERT_TRUE(store_->AddPlanEvents(
      {Logged("b", 1, "2026-03-20"), Logged("a", 2, "2026-03-10"), Logged("c", 3, "2026-03-15")}));
  ASSERT_TRUE(store_->AddPlanEvents({Logged("a", 4, "2026-01-01")}));
  ASSERT_TRUE(store_->AddPlanEvents({}));  // an empty batch is fine, and stores nothing
  auto all = store_->ListPlanEvents();
  ASSERT_TRUE(all) << all.error().message();
  std::vector<std::string> order;
  std::vector<double> efforts;
  for (const core::PlanEvent& e : *all) {
    order.push_back(e.method + "@" + e.on);
    efforts.push_back(e.effort.value_or(-1));
  }
  EXPECT_EQ(order, (std::vector<std::string>{"b@2026-03-20", "a@2026-03-10", "c@2026-03-15",
                                             "a@2026-01-01"}));
  EXPECT_EQ(efforts, (std::vector<double>{1, 2, 3, 4}));
}

TEST_P(StoreContractTest, AnInvalidPlanEventStoresNothingOfItsBatch) {
  ASSERT_TRUE(store_->AddPlanEvents({Estimated("gbm", 1, 2, 3)}));
  const auto with = [](auto change) {
    core::PlanEvent e = Estimated("gbm", 1, 2, 3);
    change(e);
    return e;
  };
  static constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  using Kind = core::PlanEventKind;
  const std::vector<std::pair<std::string, core::PlanEvent>> bad = {
      {"no method", with([](core::PlanEvent& e) { e.method = ""; })},
      {"an estimate without likely", with([](core::PlanEvent& e) { e.likely = std::nullopt; })},
      {"a negative estimate", with([](core::PlanEvent& e) { e.optimistic = -0.5; })},
      {"a NaN estimate", with([](core::PlanEvent& e) { e.likely = kNan; })},
      {"an infinite estimate", with([](core::PlanEvent& e) { e.pessimistic = kInf; })},
      {"logged without effort", Happened("gbm", Kind::kLogged)},
      {"a negative effort", Logged("gbm", -1, "2026-03-02")},
      {"a NaN effort", Logged("gbm", kNan, "2026-03-02")},
      {"an infinite effort", Logged("gbm", kInf, "2026-03-02")},
      {"no day", with([](core::PlanEvent& e) { e.on = ""; })},
      {"a day with a time", with([](core::PlanEvent& e) { e.on = "2026-03-01T09:00"; })},
      {"a day without zeros", with([](core::PlanEvent& e) { e.on = "2026-3-1"; })},
      {"a day in another order", with([](core::PlanEvent& e) { e.on = "01-03-2026"; })},
      {"a day with slashes", with([](core::PlanEvent& e) { e.on = "2026/03/01"; })},
      {"a day with letters", with([](core::PlanEvent& e) { e.on = "2026-Ma-01"; })},
  };
  for (const auto& [what, event] : bad) {
    SCOPED_TRACE(what);
    // The bad event last, after good ones: those are not stored either.
    const Status refused = store_->AddPlanEvents(
        {Logged("gbm", 1, "2026-03-02"), Happened("gbm", Kind::kStarted), event});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument) << refused.error().message();
    auto all = store_->ListPlanEvents();
    ASSERT_TRUE(all) << all.error().message();
    EXPECT_EQ(all->size(), 1u);
  }
  // The checks are of the shape only, and zero is a value.
  ASSERT_TRUE(store_->AddPlanEvents({Logged("gbm", 0, "2026-13-45"), Estimated("lr", 0, 0, 0)}));
  EXPECT_EQ(store_->ListPlanEvents()->size(), 3u);
}

TEST_P(StoreContractTest, PlanEventsArePerProject) {
  ASSERT_TRUE(store_->AddPlanEvents({Estimated("gbm", 1, 2, 3), Logged("gbm", 1, "2026-03-02")}));
  std::unique_ptr<Store> other = NewProject("fraud");
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->ListPlanEvents()->empty());
  ASSERT_TRUE(other->AddPlanEvents({Estimated("rules", 4, 5, 6)}));
  ASSERT_TRUE(store_->AddPlanEvents({Happened("gbm", core::PlanEventKind::kFinished)}));
  auto ours = store_->ListPlanEvents();
  auto theirs = other->ListPlanEvents();
  ASSERT_TRUE(ours) << ours.error().message();
  ASSERT_TRUE(theirs) << theirs.error().message();
  using Kind = core::PlanEventKind;
  EXPECT_EQ(Steps(*ours),
            (std::vector<std::pair<std::string, Kind>>{
                {"gbm", Kind::kEstimated}, {"gbm", Kind::kLogged}, {"gbm", Kind::kFinished}}));
  ASSERT_EQ(theirs->size(), 1u);
  EXPECT_EQ((*theirs)[0].method, "rules");
  EXPECT_EQ((*theirs)[0].likely, 5.0);
  // Reopened, a project still holds its own ledger.
  other.reset();
  auto reopened = open_("fraud");
  ASSERT_TRUE(reopened) << reopened.error().message();
  EXPECT_EQ((*reopened)->ListPlanEvents()->size(), 1u);
}

TEST_P(StoreContractTest, CachedResultsArePerRunAndKeyAndReplaced) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  ASSERT_TRUE(store_->AddRun(MakeRun("a", "holdout", 10)));
  ASSERT_TRUE(store_->AddRun(MakeRun("b", "holdout", 10)));
  const std::string bytes("\0\x01\xff binary", 10);  // values are bytes, NULs included
  ASSERT_TRUE(store_->PutCachedResults({{"a", "k1", bytes}, {"b", "k1", "b1"}, {"a", "k2", "a2"}}));
  auto got = store_->GetCachedResults("k1", {"b", "missing", "a"});
  ASSERT_TRUE(got) << got.error().message();
  ASSERT_EQ(got->size(), 3u);
  EXPECT_EQ((*got)[0], std::optional<std::string>("b1"));
  EXPECT_FALSE((*got)[1].has_value()) << "an unknown run has no entry";
  EXPECT_EQ((*got)[2], std::optional<std::string>(bytes));
  EXPECT_EQ(*store_->GetCachedResults("k2", {"a", "b"}),
            (std::vector<std::optional<std::string>>{"a2", std::nullopt}));
  EXPECT_TRUE(store_->GetCachedResults("k1", {})->empty());
  // Replaced, not duplicated.
  ASSERT_TRUE(store_->PutCachedResults({{"a", "k1", "new"}}));
  EXPECT_EQ((*store_->GetCachedResults("k1", {"a"}))[0], std::optional<std::string>("new"));
  // A batch naming an unknown run stores nothing.
  const Status refused = store_->PutCachedResults({{"b", "k3", "x"}, {"nope", "k3", "y"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kNotFound);
  EXPECT_FALSE((*store_->GetCachedResults("k3", {"b"}))[0].has_value());
  // Another project's run of the same name has its own entries.
  std::unique_ptr<Store> other = NewProject("other");
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(other->AddEvalSet(BinarySet("holdout", 10)));
  ASSERT_TRUE(other->AddRun(MakeRun("a", "holdout", 10)));
  EXPECT_FALSE((*other->GetCachedResults("k1", {"a"}))[0].has_value());
  ASSERT_TRUE(other->PutCachedResults({{"a", "k1", "theirs"}}));
  EXPECT_EQ((*store_->GetCachedResults("k1", {"a"}))[0], std::optional<std::string>("new"));
}

// A deleted run is gone whole (its cached results too) and its name free again; a chunk it
// shared with another run stays for that run.
TEST_P(StoreContractTest, DeletedRunsAreGoneWholeAndSharedChunksStay) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 70000)));
  const core::Run twin = MakeRun("twin", "holdout", 70000);  // the same predictions: chunks shared
  ASSERT_TRUE(store_->AddRun(MakeRun("a", "holdout", 70000)));
  ASSERT_TRUE(store_->AddRun(twin));
  ASSERT_TRUE(store_->PutCachedResults({{"a", "k", "v"}}));
  ASSERT_TRUE(store_->DeleteRun("a"));
  EXPECT_EQ(store_->GetRun("a").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Names(*store_->ListRuns()), std::vector<std::string>{"twin"});
  auto kept = store_->GetRun("twin");
  ASSERT_TRUE(kept) << kept.error().message();
  ExpectSameBits(kept->predictions, twin.predictions);
  EXPECT_EQ(store_->DeleteRun("a").error().code(), ErrorCode::kNotFound);
  // The name is free, and a new run under it has no cached results of the old one.
  ASSERT_TRUE(store_->AddRun(MakeRun("a", "holdout", 70000)));
  EXPECT_FALSE((*store_->GetCachedResults("k", {"a"}))[0].has_value());
}

TEST_P(StoreContractTest, RenamedRunsAndSetsKeepEverything) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  const core::Run run = MakeRun("a", "holdout", 10);
  ASSERT_TRUE(store_->AddRun(run));
  ASSERT_TRUE(store_->AddRun(MakeRun("b", "holdout", 10)));
  ASSERT_TRUE(store_->PutCachedResults({{"a", "k", "v"}}));
  EXPECT_EQ(store_->RenameRun("a", "b").error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->RenameRun("nope", "c").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->RenameRun("a", "").error().code(), ErrorCode::kInvalidArgument);
  ASSERT_TRUE(store_->RenameRun("a", "c"));
  EXPECT_EQ(store_->GetRun("a").error().code(), ErrorCode::kNotFound);
  auto renamed = store_->GetRun("c");
  ASSERT_TRUE(renamed) << renamed.error().message();
  ExpectSameBits(renamed->predictions, run.predictions);
  EXPECT_EQ(renamed->params, run.params);
  EXPECT_EQ((*store_->GetCachedResults("k", {"c"}))[0], std::optional<std::string>("v"));
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("other", 10)));
  EXPECT_EQ(store_->RenameEvalSet("holdout", "other").error().code(), ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store_->RenameEvalSet("holdout", "test"));
  EXPECT_EQ(store_->GetEvalSet("holdout").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetEvalSet("test")->size(), 10u);
  EXPECT_EQ(store_->GetRun("c")->evalset, "test");
  EXPECT_EQ(store_->ListRuns({.evalset = "test"})->size(), 2u);
}

TEST_P(StoreContractTest, ASetWithRunsIsDeletedOnlyWithThem) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("other", 10)));
  ASSERT_TRUE(store_->AddRun(MakeRun("a", "holdout", 10)));
  ASSERT_TRUE(store_->AddRun(MakeRun("b", "other", 10)));
  const Status refused = store_->DeleteEvalSet("holdout", false);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message().find("'a'"), std::string::npos);
  EXPECT_EQ(store_->ListEvalSets()->size(), 2u);
  ASSERT_TRUE(store_->DeleteEvalSet("holdout", true));
  EXPECT_EQ(store_->GetEvalSet("holdout").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(Names(*store_->ListRuns()), std::vector<std::string>{"b"});
  ASSERT_TRUE(store_->GetEvalSet("other"));  // its columns share chunks with the deleted set's
  EXPECT_EQ(store_->GetEvalSet("other")->labels, BinarySet("other", 10).labels);
  ASSERT_TRUE(store_->DeleteRun("b"));
  ASSERT_TRUE(store_->DeleteEvalSet("other", false));
  EXPECT_TRUE(store_->ListEvalSets()->empty());
  // Names are free again.
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
}

// Chunks are keyed by a 64-bit hash, which can be made to collide. With every hash made the
// same, each set and run still reads back its own values: a chunk is shared only when its
// bytes are the same.
TEST_P(StoreContractTest, ChunksWithTheSameHashButOtherBytesAreNotShared) {
  struct Collide {
    Collide() { internal::CollideHashesForTesting(true); }
    ~Collide() { internal::CollideHashesForTesting(false); }
    Collide(const Collide&) = delete;
    Collide& operator=(const Collide&) = delete;
  } collide;
  const core::EvalSet set = BinarySet("holdout", 100);
  ASSERT_TRUE(store_->AddEvalSet(set));
  core::Run low = MakeRun("low", "holdout", 100);
  core::Run high = MakeRun("high", "holdout", 100);
  for (double& p : high.predictions) p = 1 - p;
  core::Run same = MakeRun("same", "holdout", 100);
  for (const core::Run* run : {&low, &high, &same}) ASSERT_TRUE(store_->AddRun(*run));
  for (const core::Run* run : {&low, &high, &same}) {
    auto back = store_->GetRun(run->name);
    ASSERT_TRUE(back) << back.error().message();
    ExpectSameBits(back->predictions, run->predictions);
  }
  auto back = store_->GetEvalSet("holdout");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->ids, set.ids);
  EXPECT_EQ(back->labels, set.labels);
  ASSERT_TRUE(store_->DeleteRun("low"));
  ExpectSameBits(store_->GetRun("same")->predictions, low.predictions);
  ExpectSameBits(store_->GetRun("high")->predictions, high.predictions);
}

// The threading rule of store.hpp: one Store per thread, all on one database.
TEST_P(StoreContractTest, StoresOnOneDatabaseReadAndWriteConcurrently) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("shared", 200)));
  constexpr int kThreads = 4;
  constexpr int kRunsEach = 8;
  std::atomic<int> failures{0};
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const auto fail = [&](const std::string& what) {
        errors[static_cast<size_t>(t)] = what;
        failures.fetch_add(1);
      };
      auto store = open_(kDefaultProject);
      if (!store) return fail(store.error().message());
      for (int i = 0; i < kRunsEach; ++i) {
        core::Run run = MakeRun(fmt::format("t{}-r{}", t, i), "shared", 200);
        run.tags = {{"thread", std::to_string(t)}};
        run.predictions[0] = static_cast<double>(t * 100 + i);
        if (Status added = (*store)->AddRun(run); !added) return fail(added.error().message());
        auto back = (*store)->GetRun(run.name);
        if (!back) return fail(back.error().message());
        if (back->predictions != run.predictions) return fail("predictions differ: " + run.name);
        auto mine = (*store)->ListRuns({.tags = {{"thread", std::to_string(t)}}});
        if (!mine) return fail(mine.error().message());
        if (mine->size() != static_cast<size_t>(i) + 1) return fail("own runs missing");
        if (!(*store)->GetEvalSet("shared")) return fail("cannot read the set");
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  EXPECT_EQ(failures.load(), 0);
  auto all = store_->ListRuns();
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), static_cast<size_t>(kThreads * kRunsEach));
}

// Fault injection: a write that fails at any statement (BEGIN, COMMIT and ROLLBACK included)
// leaves nothing written and the store usable; the loop must end in success, whole.
class FaultLoop {
 public:
  FaultLoop(const Backend& backend, Store& store) : backend_(backend), store_(store) {}

  // Runs `write` with the nth statement (and count - 1 after it) failing, n = 1, 2, ...,
  // until it succeeds. After each failure `unchanged` must hold; after success, `whole`.
  void Run(int count, const std::function<Status()>& write, const std::function<void()>& unchanged,
           const std::function<void()>& whole) {
    bool succeeded = false;
    int n = 1;
    for (; n <= 500 && !succeeded; ++n) {
      backend_.fail_statements(n, count);
      const Status result = write();
      backend_.fail_statements(0, 0);
      if (result) {
        succeeded = true;
        break;
      }
      EXPECT_EQ(result.error().code(), ErrorCode::kUnavailable)
          << "n=" << n << ": " << result.error().message();
      SCOPED_TRACE(::testing::Message() << "count=" << count << " n=" << n);
      unchanged();
      ASSERT_TRUE(store_.ListProjects()) << "the store is still usable";
    }
    ASSERT_TRUE(succeeded) << "the write never succeeded (count=" << count << ")";
    EXPECT_GT(n, 3) << "the first statements must have failed first";
    const std::vector<std::string> hit = backend_.take_injected();
    for (const char* word : {"BEGIN", "COMMIT"}) {
      EXPECT_TRUE(std::any_of(hit.begin(), hit.end(),
                              [&](const std::string& s) { return s.starts_with(word); }))
          << word << " never failed";
    }
    if (count > 1) {
      EXPECT_TRUE(std::any_of(hit.begin(), hit.end(), [](const std::string& s) {
        return s.starts_with("ROLLBACK");
      })) << "ROLLBACK never failed";
    }
    whole();
  }

 private:
  const Backend& backend_;
  Store& store_;
};

// Each failure count on its own project, since stored items cannot be removed: 1 (one
// statement fails), 2 (a failing COMMIT or body statement, then a failing ROLLBACK), and
// many (nothing works until the failure is lifted).
constexpr std::array<int, 3> kFailureCounts = {1, 2, 1000};

TEST_P(StoreContractTest, AFailedAddEvalSetLeavesNothingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.AddEvalSet(BinarySet("base", 10)));
    const core::EvalSet big = BinarySet("new", 70000);
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.AddEvalSet(big); },
            [&] {
              auto list = store.ListEvalSets();
              ASSERT_TRUE(list) << list.error().message();
              ASSERT_EQ(list->size(), 1u);
              EXPECT_EQ(store.GetEvalSet("new").error().code(), ErrorCode::kNotFound);
              EXPECT_EQ(store.GetEvalSet("base")->size(), 10u);
            },
            [&] {
              auto back = store.GetEvalSet("new");
              ASSERT_TRUE(back) << back.error().message();
              EXPECT_EQ(back->ids, big.ids);
              EXPECT_EQ(back->slices[0].codes, big.slices[0].codes);
            });
  }
}

TEST_P(StoreContractTest, AFailedAddRunLeavesNothingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.AddEvalSet(BinarySet("set", 70000)));
    ASSERT_TRUE(store.AddRun(MakeRun("old", "set", 70000)));
    core::Run run = MakeRun("new", "set", 70000);
    run.predictions[69999] = 0.5;
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.AddRun(run); },
            [&] {
              auto runs = store.ListRuns();
              ASSERT_TRUE(runs) << runs.error().message();
              EXPECT_EQ(Names(*runs), std::vector<std::string>{"old"});
              EXPECT_EQ(store.GetRun("new").error().code(), ErrorCode::kNotFound);
            },
            [&] {
              auto back = store.GetRun("new");
              ASSERT_TRUE(back) << back.error().message();
              ExpectSameBits(back->predictions, run.predictions);
              EXPECT_EQ(back->params, run.params);
              EXPECT_EQ(store.ListRuns()->size(), 2u);
            });
  }
}

TEST_P(StoreContractTest, AFailedAddEvalSetWithRunsLeavesNothingAtAnyStep) {
  const std::vector<core::Run> runs = {MakeRun("a", "probe", 50), MakeRun("b", "probe", 50),
                                       MakeRun("c", "probe", 50)};
  // A bad run (wrong width) refuses the whole batch, the set included.
  std::vector<core::Run> bad = runs;
  bad[2].predictions.pop_back();
  const Status refused = store_->AddEvalSetWithRuns(BinarySet("probe", 50), bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(store_->ListEvalSets()->empty());
  EXPECT_TRUE(store_->ListRuns()->empty());
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.AddEvalSetWithRuns(BinarySet("probe", 50), runs); },
            [&] {
              EXPECT_TRUE(store.ListEvalSets()->empty());
              EXPECT_TRUE(store.ListRuns()->empty());
            },
            [&] {
              ASSERT_EQ(Names(*store.ListRuns()), (std::vector<std::string>{"a", "b", "c"}));
              EXPECT_EQ(store.GetRun("c")->predictions, runs[2].predictions);
              EXPECT_EQ(store.GetEvalSet("probe")->size(), 50u);
            });
  }
}

TEST_P(StoreContractTest, AFailedRecordCriteriaLeavesNothingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.RecordCriteria({"h1", "accuracy", 0.9, 0.95, "2026-03-01T09:00:00Z"}));
    const core::CriteriaVersion next{"h2", "recall", 0.8, std::nullopt, "2026-03-02T09:00:00Z"};
    FaultLoop(GetParam(), store)
        .Run(
            count,
            [&]() -> Status {
              auto last = store.RecordCriteria(next);
              if (!last) return Fail(last.error());
              EXPECT_EQ((*last)->charter_hash, "h1");
              return {};
            },
            [&] {
              auto all = store.ListCriteria();
              ASSERT_TRUE(all) << all.error().message();
              ASSERT_EQ(all->size(), 1u);
              EXPECT_EQ((*all)[0].charter_hash, "h1");
            },
            [&] {
              auto all = store.ListCriteria();
              ASSERT_TRUE(all);
              ASSERT_EQ(all->size(), 2u);
              EXPECT_EQ((*all)[1].metric, "recall");
            });
  }
}

TEST_P(StoreContractTest, AFailedDeleteLeavesEverythingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.AddEvalSet(BinarySet("set", 70000)));
    const core::Run run = MakeRun("a", "set", 70000);
    ASSERT_TRUE(store.AddRun(run));
    ASSERT_TRUE(store.PutCachedResults({{"a", "k", "v"}}));
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.DeleteEvalSet("set", true); },
            [&] {
              auto back = store.GetRun("a");
              ASSERT_TRUE(back) << back.error().message();
              ExpectSameBits(back->predictions, run.predictions);
              EXPECT_EQ(store.GetEvalSet("set")->size(), 70000u);
              EXPECT_EQ((*store.GetCachedResults("k", {"a"}))[0], std::optional<std::string>("v"));
            },
            [&] {
              EXPECT_EQ(store.GetEvalSet("set").error().code(), ErrorCode::kNotFound);
              EXPECT_TRUE(store.ListRuns()->empty());
            });
  }
}

TEST_P(StoreContractTest, AFailedPutCachedResultsLeavesNothingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.AddEvalSet(BinarySet("set", 10)));
    ASSERT_TRUE(store.AddRun(MakeRun("a", "set", 10)));
    ASSERT_TRUE(store.AddRun(MakeRun("b", "set", 10)));
    ASSERT_TRUE(store.PutCachedResults({{"a", "k", "old"}}));
    const std::vector<core::CachedResult> batch = {{"a", "k", "new-a"}, {"b", "k", "new-b"}};
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.PutCachedResults(batch); },
            [&] {
              auto got = store.GetCachedResults("k", {"a", "b"});
              ASSERT_TRUE(got) << got.error().message();
              EXPECT_EQ(*got, (std::vector<std::optional<std::string>>{"old", std::nullopt}));
            },
            [&] {
              EXPECT_EQ(*store.GetCachedResults("k", {"a", "b"}),
                        (std::vector<std::optional<std::string>>{"new-a", "new-b"}));
            });
  }
}

TEST_P(StoreContractTest, AFailedAddPlanEventsLeavesNothingAtAnyStep) {
  for (const int count : kFailureCounts) {
    auto project = NewProject("p" + std::to_string(count));
    ASSERT_NE(project, nullptr);
    Store& store = *project;
    ASSERT_TRUE(store.AddPlanEvents({Estimated("gbm", 1, 2, 3)}));
    const std::vector<core::PlanEvent> batch = {Happened("gbm", core::PlanEventKind::kStarted),
                                                Logged("gbm", 1.5, "2026-03-03"),
                                                Logged("gbm", 0.5, "2026-03-04")};
    FaultLoop(GetParam(), store)
        .Run(
            count, [&] { return store.AddPlanEvents(batch); },
            [&] {
              auto all = store.ListPlanEvents();
              ASSERT_TRUE(all) << all.error().message();
              ASSERT_EQ(all->size(), 1u);
              EXPECT_EQ((*all)[0].kind, core::PlanEventKind::kEstimated);
            },
            [&] {
              auto all = store.ListPlanEvents();
              ASSERT_TRUE(all) << all.error().message();
              ASSERT_EQ(all->size(), 4u);
              EXPECT_EQ((*all)[3].effort, 0.5);
            });
  }
}

// --- Accounts -------------------------------------------------------------------------

core::User MakeUser(const std::string& name, bool admin = false) {
  return {name, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", admin, false,
          "2026-12-03T10:00:00Z"};
}

core::ApiToken MakeToken(const std::string& id, const std::string& user) {
  core::ApiToken t;
  t.id = id;
  t.user = user;
  t.hash = std::string("\x00\x01\xfe\xff", 4) + std::string(28, '\x7f');
  t.label = "laptop";
  t.created_at = "2026-12-03T10:00:00Z";
  t.expires_at = "2027-03-03T10:00:00Z";
  return t;
}

TEST_P(StoreContractTest, UsersRoundTripAndNamesAreUnique) {
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(accounts->AddUser(MakeUser("ana", true)));
  ASSERT_TRUE(accounts->AddUser(MakeUser("bo")));
  const Status again = accounts->AddUser(MakeUser("ana"));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  const Status unnamed = accounts->AddUser(MakeUser(""));
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().code(), ErrorCode::kInvalidArgument);

  auto ana = accounts->FindUser("ana");
  ASSERT_TRUE(ana && *ana);
  EXPECT_EQ((*ana)->password_hash, MakeUser("ana").password_hash);
  EXPECT_TRUE((*ana)->admin);
  EXPECT_FALSE((*ana)->disabled);
  EXPECT_EQ((*ana)->created_at, "2026-12-03T10:00:00Z");
  auto nobody = accounts->FindUser("cy");
  ASSERT_TRUE(nobody);
  EXPECT_FALSE(*nobody);

  core::User bo = MakeUser("bo");
  bo.password_hash = "changed";
  bo.disabled = true;
  ASSERT_TRUE(accounts->UpdateUser(bo));
  auto users = accounts->ListUsers();
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].name, "ana");
  EXPECT_EQ((*users)[1].password_hash, "changed");
  EXPECT_TRUE((*users)[1].disabled);
  const Status missing = accounts->UpdateUser(MakeUser("cy"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

TEST_P(StoreContractTest, TokensRoundTripTheirHashBytesAndRevokeOnce) {
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(accounts->AddUser(MakeUser("ana", true)));
  ASSERT_TRUE(accounts->AddUser(MakeUser("bo")));
  ASSERT_TRUE(accounts->AddToken(MakeToken("t2", "bo")));
  ASSERT_TRUE(accounts->AddToken(MakeToken("t1", "ana")));
  ASSERT_TRUE(accounts->AddToken(MakeToken("t3", "bo")));
  const Status same_id = accounts->AddToken(MakeToken("t1", "bo"));
  ASSERT_FALSE(same_id);
  EXPECT_EQ(same_id.error().code(), ErrorCode::kAlreadyExists);
  const Status no_user = accounts->AddToken(MakeToken("t4", "cy"));
  ASSERT_FALSE(no_user);
  EXPECT_EQ(no_user.error().code(), ErrorCode::kNotFound);

  auto found = accounts->FindToken("t1");
  ASSERT_TRUE(found && *found) << (found ? "" : found.error().message());
  EXPECT_EQ((*found)->token.hash, MakeToken("t1", "ana").hash);
  EXPECT_EQ((*found)->token.user, "ana");
  EXPECT_EQ((*found)->token.expires_at, "2027-03-03T10:00:00Z");
  EXPECT_FALSE((*found)->token.revoked_at);
  EXPECT_TRUE((*found)->user_admin);
  auto none = accounts->FindToken("t9");
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);

  auto of_bo = accounts->ListTokens("bo");
  ASSERT_TRUE(of_bo);
  ASSERT_EQ(of_bo->size(), 2u);
  EXPECT_EQ((*of_bo)[0].id, "t2");  // in the order they were made
  EXPECT_EQ((*of_bo)[1].id, "t3");
  auto all = accounts->ListTokens("");
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 3u);

  ASSERT_TRUE(accounts->RevokeToken("t2", "2026-12-04T00:00:00Z"));
  ASSERT_TRUE(accounts->RevokeToken("t2", "2026-12-05T00:00:00Z"));
  auto revoked = accounts->FindToken("t2");
  ASSERT_TRUE(revoked && *revoked);
  EXPECT_EQ((*revoked)->token.revoked_at, "2026-12-04T00:00:00Z");
  const Status unknown = accounts->RevokeToken("t9", "2026-12-04T00:00:00Z");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), ErrorCode::kNotFound);
}

TEST_P(StoreContractTest, RolesArePerProjectAndReplaceable) {
  NewProject("vision");
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(accounts->AddUser(MakeUser("bo")));
  ASSERT_TRUE(accounts->AddUser(MakeUser("ana")));
  ASSERT_TRUE(accounts->SetRole("vision", "bo", core::ProjectRole::kViewer));
  ASSERT_TRUE(accounts->SetRole("vision", "bo", core::ProjectRole::kMaintainer));
  ASSERT_TRUE(accounts->SetRole("vision", "ana", core::ProjectRole::kAdmin));
  ASSERT_TRUE(accounts->SetRole("default", "bo", core::ProjectRole::kContributor));

  auto role = accounts->RoleOf("vision", "bo");
  ASSERT_TRUE(role);
  EXPECT_EQ(*role, core::ProjectRole::kMaintainer);
  auto members = accounts->ListMembers("vision");
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[0].user, "ana");
  EXPECT_EQ((*members)[0].role, core::ProjectRole::kAdmin);

  ASSERT_TRUE(accounts->SetRole("vision", "bo", std::nullopt));
  ASSERT_TRUE(accounts->SetRole("vision", "bo", std::nullopt));  // nothing left to take
  auto gone = accounts->RoleOf("vision", "bo");
  ASSERT_TRUE(gone);
  EXPECT_FALSE(*gone);
  auto elsewhere = accounts->RoleOf("default", "bo");
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(*elsewhere, core::ProjectRole::kContributor);

  // A token read with a project carries its user's role there (none: not a member, or no
  // such project), the same as RoleOf says.
  ASSERT_TRUE(accounts->AddToken(MakeToken("t1", "bo")));
  ASSERT_TRUE(accounts->AddToken(MakeToken("t2", "ana")));
  for (const auto& [token, project, expected] :
       {std::tuple{"t1", "default", std::optional(core::ProjectRole::kContributor)},
        std::tuple{"t1", "vision", std::optional<core::ProjectRole>()},
        std::tuple{"t2", "vision", std::optional(core::ProjectRole::kAdmin)},
        std::tuple{"t2", "default", std::optional<core::ProjectRole>()},
        std::tuple{"t1", "nowhere", std::optional<core::ProjectRole>()}}) {
    auto found = accounts->FindToken(token, project);
    ASSERT_TRUE(found && *found) << token << " " << project;
    EXPECT_EQ((*found)->token.user, std::string_view(token) == "t1" ? "bo" : "ana");
    EXPECT_EQ((*found)->token.hash, MakeToken(token, "bo").hash);
    EXPECT_EQ((*found)->role, expected) << token << " " << project;
  }
  auto no_token = accounts->FindToken("t9", "vision");
  ASSERT_TRUE(no_token);
  EXPECT_FALSE(*no_token);

  for (const auto& [project, user] : {std::pair{"nowhere", "bo"}, std::pair{"vision", "cy"}}) {
    const Status refused = accounts->SetRole(project, user, core::ProjectRole::kViewer);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code(), ErrorCode::kNotFound) << project << " " << user;
  }
  auto no_project = accounts->ListMembers("nowhere");
  ASSERT_FALSE(no_project);
  EXPECT_EQ(no_project.error().code(), ErrorCode::kNotFound);
}

TEST_P(StoreContractTest, AProjectMadeForAUserHasThemAsItsAdmin) {
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(accounts->AddUser(MakeUser("ana")));
  ASSERT_TRUE(accounts->CreateProject("vision", "ana"));
  auto role = accounts->RoleOf("vision", "ana");
  ASSERT_TRUE(role);
  EXPECT_EQ(*role, core::ProjectRole::kAdmin);
  auto projects = store_->ListProjects();
  ASSERT_TRUE(projects);
  EXPECT_EQ(*projects, (std::vector<std::string>{"default", "vision"}));
  for (const auto& [project, owner, code] : {std::tuple{"vision", "ana", ErrorCode::kAlreadyExists},
                                             std::tuple{"", "ana", ErrorCode::kInvalidArgument},
                                             std::tuple{"a/b", "ana", ErrorCode::kInvalidArgument},
                                             std::tuple{"audio", "cy", ErrorCode::kNotFound}}) {
    const Status refused = accounts->CreateProject(project, owner);
    ASSERT_FALSE(refused) << project;
    EXPECT_EQ(refused.error().code(), code) << project;
  }
  // Nothing of a refused one is left.
  projects = store_->ListProjects();
  ASSERT_TRUE(projects);
  EXPECT_EQ(projects->size(), 2u);
}

TEST_P(StoreContractTest, AnAuditedWriteAndItsEntryAreStoredTogetherOrNotAtAll) {
  core::AuditEntry e;
  e.at = "2026-12-03T10:00:00Z";
  e.user = "ana";
  e.action = "POST /api/v1/projects/{project}/runs";
  e.project = "default";
  e.target = "run 'gbm'";
  e.status = 201;
  bool written = false;
  store_->AuditWrites(e, &written);
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  EXPECT_TRUE(written);
  // A refused write leaves no entry.
  written = false;
  ASSERT_FALSE(store_->AddRun(MakeRun("gbm", "nope", 10)));
  EXPECT_FALSE(written);
  // A write that fails part-way (a lost connection at each statement in turn): the run and
  // its entry are both there, or neither.
  for (int nth = 1; nth <= 12; ++nth) {
    const std::string name = fmt::format("gbm-{}", nth);
    e.target = name;
    written = false;
    store_->AuditWrites(e, &written);
    GetParam().fail_statements(nth, 1);
    const Status added = store_->AddRun(MakeRun(name, "holdout", 10));
    GetParam().fail_statements(0, 0);
    (void)GetParam().take_injected();
    EXPECT_EQ(added.has_value(), written) << "nth=" << nth;
    auto accounts = OpenTestAccounts();
    ASSERT_TRUE(accounts);
    auto log = accounts->ListAudit(std::nullopt, 0);
    ASSERT_TRUE(log) << log.error().message();
    const bool logged = std::any_of(log->begin(), log->end(),
                                    [&](const core::AuditEntry& a) { return a.target == name; });
    auto run = store_->GetRun(name);
    EXPECT_EQ(logged, run.has_value()) << "nth=" << nth;
    EXPECT_EQ(logged, added.has_value()) << "nth=" << nth;
  }
}

TEST_P(StoreContractTest, TheAuditLogKeepsOrderAndFiltersByProject) {
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  for (int i = 0; i < 5; ++i) {
    core::AuditEntry e;
    e.at = fmt::format("2026-12-03T10:00:0{}Z", i);
    e.user = "ana";
    e.action = "POST /api/v1/projects/{project}/runs";
    e.project = i % 2 == 0 ? "vision" : "";
    e.target = fmt::format("run 'r{}'", i);
    e.status = 201;
    ASSERT_TRUE(accounts->AppendAudit(e));
  }
  auto all = accounts->ListAudit(std::nullopt, 0);
  ASSERT_TRUE(all) << all.error().message();
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0].target, "run 'r0'");
  EXPECT_EQ((*all)[4].status, 201);
  EXPECT_LT((*all)[0].id, (*all)[4].id);
  auto newest = accounts->ListAudit(std::nullopt, 2);
  ASSERT_TRUE(newest);
  ASSERT_EQ(newest->size(), 2u);
  EXPECT_EQ((*newest)[0].target, "run 'r3'");  // the newest two, oldest first
  EXPECT_EQ((*newest)[1].target, "run 'r4'");
  auto vision = accounts->ListAudit(std::string("vision"), 0);
  ASSERT_TRUE(vision);
  ASSERT_EQ(vision->size(), 3u);
  EXPECT_EQ((*vision)[2].target, "run 'r4'");
}

TEST_P(StoreContractTest, AccountWritesAreAllOrNothingUnderInjectedFailures) {
  auto accounts = OpenTestAccounts();
  ASSERT_TRUE(accounts);
  ASSERT_TRUE(accounts->AddUser(MakeUser("ana")));
  for (int nth = 1; nth <= 6; ++nth) {
    GetParam().fail_statements(nth, 1);
    const Status added = accounts->AddToken(MakeToken(fmt::format("t{}", nth), "ana"));
    GetParam().fail_statements(0, 0);
    const bool hit = !GetParam().take_injected().empty();
    auto found = accounts->FindToken(fmt::format("t{}", nth));
    ASSERT_TRUE(found) << found.error().message();
    // Stored exactly when acknowledged.
    EXPECT_EQ(added.has_value(), found->has_value()) << "nth=" << nth;
    if (!hit) {
      EXPECT_TRUE(added) << "nth=" << nth;
    }
  }
}

// `make test` and CI set FORESIGHT_REQUIRE_PG=1: there, a PostgreSQL that cannot be
// reached fails the build instead of skipping its half of the contract.
TEST(StoreBackendsTest, PostgresIsReachableWhenRequired) {
  const char* required = std::getenv("FORESIGHT_REQUIRE_PG");
  if (required == nullptr || std::string_view(required) != "1") {
    GTEST_SKIP() << "FORESIGHT_REQUIRE_PG is not 1";
  }
  EXPECT_EQ(PostgresUnavailable(), "");
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::ValuesIn(Backends()),
                         [](const ::testing::TestParamInfo<Backend>& param) {
                           return param.param.name;
                         });

}  // namespace
}  // namespace foresight::store
