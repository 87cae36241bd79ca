// The Store contract: every backend must pass these tests. Today: SQLite (a file in a
// temporary directory). PostgreSQL joins the parameter list when it lands.
#include <gtest/gtest.h>

#include <filesystem>

#include <sqlite3.h>

#include "store/sqlite/db.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"

namespace foresight::store {
namespace {

namespace fs = std::filesystem;

core::EvalSet BinarySet(const std::string& name, size_t n) {
  core::EvalSet e;
  e.name = name;
  e.task = core::EvalTask::kBinary;
  e.classes = {"no", "yes"};
  core::SliceColumn region{"region", {"north", "south"}, {}};
  for (size_t i = 0; i < n; ++i) {
    e.ids.push_back("ex-" + std::to_string(i));
    e.labels.push_back(static_cast<int32_t>(i % 3 == 0));
    region.codes.push_back(static_cast<int32_t>(i % 2));
  }
  e.slices.push_back(region);
  e.source = "eval.csv";
  e.created_at = "2026-11-28T10:00:00Z";
  return e;
}

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

class StoreContractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-store-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "foresight.db").string();
    auto store = OpenStore("sqlite:" + path_);
    ASSERT_TRUE(store) << store.error().message();
    store_ = std::move(*store);
  }
  void TearDown() override {
    sqlite::FailNthPrepareForTesting(0);
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreContractTest, EvalSetRoundTripsAcrossChunks) {
  const core::EvalSet e = BinarySet("holdout", 70000);  // more than one 65,536-row chunk
  ASSERT_TRUE(store_->AddEvalSet(e));
  auto back = store_->GetEvalSet("holdout");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(back->ids, e.ids);
  EXPECT_EQ(back->labels, e.labels);
  EXPECT_EQ(back->classes, e.classes);
  ASSERT_EQ(back->slices.size(), 1u);
  EXPECT_EQ(back->slices[0].name, "region");
  EXPECT_EQ(back->slices[0].levels, e.slices[0].levels);
  EXPECT_EQ(back->slices[0].codes, e.slices[0].codes);
  auto list = store_->ListEvalSets();
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].rows, 70000u);
  EXPECT_EQ((*list)[0].slices, std::vector<std::string>{"region"});
}

TEST_F(StoreContractTest, RegressionAndMulticlassSetsRoundTrip) {
  core::EvalSet reg;
  reg.name = "prices";
  reg.task = core::EvalTask::kRegression;
  reg.ids = {"a", "b", ""};
  reg.targets = {1.5, -2.25, 1e300};
  ASSERT_TRUE(store_->AddEvalSet(reg));
  auto back = store_->GetEvalSet("prices");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->targets, reg.targets);
  EXPECT_EQ(back->ids, reg.ids);
  core::EvalSet multi = BinarySet("species", 10);
  multi.task = core::EvalTask::kMulticlass;
  multi.classes = {"oak", "ash", "elm"};
  ASSERT_TRUE(store_->AddEvalSet(multi));
  core::Run run = MakeRun("vit", "species", 30);  // 10 rows x 3 classes
  ASSERT_TRUE(store_->AddRun(run));
  auto wrong = MakeRun("vit-2", "species", 10);
  const Status refused = store_->AddRun(wrong);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
}

TEST_F(StoreContractTest, DuplicateNamesAreRefusedAndNothingChanges) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 10)));
  const Status again = store_->AddEvalSet(BinarySet("holdout", 20));
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_EQ(store_->GetEvalSet("holdout")->size(), 10u);
  ASSERT_TRUE(store_->AddRun(MakeRun("gbm-1", "holdout", 10)));
  EXPECT_EQ(store_->AddRun(MakeRun("gbm-1", "holdout", 10)).error().code(),
            ErrorCode::kAlreadyExists);
}

TEST_F(StoreContractTest, RunsRoundTripWithAttributesInOrder) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 100)));
  const core::Run a = MakeRun("logreg", "holdout", 100);
  core::Run b = MakeRun("gbm", "holdout", 100);
  b.train_size.reset();
  b.effort_hours.reset();
  b.predictions[7] = 0.123456789012345678;
  ASSERT_TRUE(store_->AddRun(a));
  ASSERT_TRUE(store_->AddRun(b));
  auto runs = store_->ListRuns();
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].name, "logreg");
  EXPECT_EQ((*runs)[0].params, a.params);
  EXPECT_EQ((*runs)[0].tags, a.tags);
  EXPECT_EQ((*runs)[0].train_size, 5000);
  EXPECT_FALSE((*runs)[1].train_size.has_value());
  auto back = store_->GetRun("gbm");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->predictions, b.predictions);  // bit for bit: re-scoring must be exact
  EXPECT_EQ(back->evalset, "holdout");
  EXPECT_EQ(store_->GetRun("nope").error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->AddRun(MakeRun("x", "missing-set", 3)).error().code(), ErrorCode::kNotFound);
}

TEST_F(StoreContractTest, CriteriaAreRecordedPerCharterVersion) {
  core::CriteriaVersion v1{"hash-1", "accuracy", 0.9, 0.95, "2026-03-01T09:00:00Z"};
  auto first = store_->RecordCriteria(v1);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->has_value());
  auto same = store_->RecordCriteria(v1);
  ASSERT_TRUE(same);
  ASSERT_TRUE(same->has_value());
  core::CriteriaVersion v2{"hash-2", "recall_at_precision{p=0.9}", 0.8, std::nullopt,
                           "2026-03-12T09:00:00Z"};
  auto second = store_->RecordCriteria(v2);
  ASSERT_TRUE(second);
  EXPECT_EQ((*second)->metric, "accuracy");
  auto all = store_->ListCriteria();
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].metric, "recall_at_precision{p=0.9}");
  EXPECT_FALSE((*all)[1].confidence.has_value());
}

TEST_F(StoreContractTest, AFailureAtAnyStepLeavesNothingHalfWritten) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("base", 10)));
  for (int n = 1; n <= 40; ++n) {
    sqlite::FailNthPrepareForTesting(n);
    const Status added = store_->AddEvalSet(BinarySet("new", 70000));
    sqlite::FailNthPrepareForTesting(0);
    if (added) {
      // The injected failure came after the last statement: the set is whole.
      EXPECT_EQ(store_->GetEvalSet("new")->size(), 70000u);
      break;
    }
    EXPECT_EQ(added.error().code(), ErrorCode::kUnavailable) << "n=" << n;
    auto list = store_->ListEvalSets();
    ASSERT_TRUE(list);
    ASSERT_EQ(list->size(), 1u) << "n=" << n;  // only "base"
    EXPECT_EQ(store_->GetEvalSet("base")->size(), 10u);
  }
}

TEST_F(StoreContractTest, AnEvalSetWithItsRunsIsStoredWholeOrNotAtAll) {
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
  // Failures injected at every statement leave nothing either.
  for (int n = 1; n <= 60; ++n) {
    sqlite::FailNthPrepareForTesting(n);
    const Status added = store_->AddEvalSetWithRuns(BinarySet("probe", 50), runs);
    sqlite::FailNthPrepareForTesting(0);
    if (added) break;
    EXPECT_TRUE(store_->ListEvalSets()->empty()) << "n=" << n;
    EXPECT_TRUE(store_->ListRuns()->empty()) << "n=" << n;
  }
  ASSERT_EQ(store_->ListRuns()->size(), 3u);
  EXPECT_EQ(store_->GetRun("c")->predictions, runs[2].predictions);
  EXPECT_EQ(store_->GetEvalSet("probe")->size(), 50u);
}

TEST_F(StoreContractTest, IdenticalChunksAreStoredOnce) {
  ASSERT_TRUE(store_->AddEvalSet(BinarySet("holdout", 1000)));
  ASSERT_TRUE(store_->AddRun(MakeRun("a", "holdout", 1000)));
  ASSERT_TRUE(store_->AddRun(MakeRun("b", "holdout", 1000)));  // same predictions
  store_.reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(
      db, "SELECT COUNT(*), COUNT(DISTINCT hash) FROM column_chunks WHERE owner_kind='run'", -1,
      &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), 2);
  EXPECT_EQ(sqlite3_column_int(stmt, 1), 1);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(StoreContractTest, MigratesFromEveryEarlierVersionAndRefusesNewer) {
  store_.reset();
  for (int from = 0; from < sqlite::LatestSchemaVersion(); ++from) {
    const std::string path = (dir_ / ("v" + std::to_string(from) + ".db")).string();
    ASSERT_TRUE(sqlite::OpenSqliteStore(path, from));
    auto upgraded = sqlite::OpenSqliteStore(path);
    ASSERT_TRUE(upgraded) << upgraded.error().message();
    EXPECT_TRUE((*upgraded)->AddEvalSet(BinarySet("s", 3)));
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  const std::string pragma =
      "PRAGMA user_version = " + std::to_string(sqlite::LatestSchemaVersion() + 1);
  sqlite3_exec(db, pragma.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto newer = OpenStore(path_);
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(OpenStore("postgres://x").error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace foresight::store
