// Tests of the SQLite backend's own promises, beyond the Store contract: the file's layout
// (WAL, schema version, shared chunks), migrations from older schemas, damaged rows read as
// kDataLoss, and the connection wrapper (binds, constraint errors, failed rollbacks).
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include <fmt/format.h>

#include "store/internal/column_codec.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/store.hpp"
#include "store/store_testing.hpp"

namespace foresight::store::sqlite {
namespace {

namespace fs = std::filesystem;

using testing::SmallRun;
using testing::SmallSet;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-sqlite-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    path_ = (dir_ / "foresight.db").string();
  }
  void TearDown() override {
    FailStatementsForTesting(0);
    TakeInjectedFailuresForTesting();
    fs::remove_all(dir_);
  }
  std::unique_ptr<Store> Open(const std::string& path) {
    auto store = OpenSqliteStore(path);
    EXPECT_TRUE(store) << store.error().message();
    return store ? std::move(*store) : nullptr;
  }
  std::unique_ptr<Database> Raw(const std::string& path) {
    auto db = Database::Open(path);
    EXPECT_TRUE(db) << db.error().message();
    return db ? std::move(*db) : nullptr;
  }
  // The first column of the first row of `sql`, as text.
  std::string Query(Database& db, const std::string& sql) {
    auto stmt = db.Prepare(sql);
    EXPECT_TRUE(stmt) << stmt.error().message();
    if (!stmt) return "";
    auto row = stmt->Step();
    EXPECT_TRUE(row && *row) << sql;
    return row && *row ? stmt->Text(0) : "";
  }

  fs::path dir_;
  std::string path_;
};

TEST_F(SqliteStoreTest, ANewDatabaseIsInWalModeAtTheLatestVersion) {
  ASSERT_NE(Open(path_), nullptr);
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Query(*db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Query(*db, "PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  EXPECT_EQ(Query(*db, "SELECT group_concat(name) FROM projects"), "default");
}

// A workspace deleted or replaced while a command runs: the write is refused (nothing is
// written to a file no later command would read), instead of "added" into the void.
TEST_F(SqliteStoreTest, AWriteToADatabaseDeletedOrReplacedMeanwhileIsRefused) {
  for (const bool replace : {false, true}) {
    SCOPED_TRACE(replace ? "replaced" : "deleted");
    const std::string path = (dir_ / (replace ? "replaced.db" : "deleted.db")).string();
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddEvalSet(SmallSet("holdout", 4)));
    if (replace) {
      // Another file now answers to the name: a copy, so a new inode.
      std::filesystem::copy_file(path, path + ".copy");
      std::filesystem::rename(path + ".copy", path);
    } else {
      std::filesystem::remove(path);
    }
    const Status added = store->AddRun(SmallRun("gbm", "holdout", 4));
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code(), ErrorCode::kUnavailable);
    EXPECT_NE(added.error().message().find("deleted, moved or replaced"), std::string::npos)
        << added.error().message();
    EXPECT_NE(added.error().message().find("nothing was written"), std::string::npos);
    store.reset();
    if (replace) {
      auto reopened = Open(path);
      ASSERT_NE(reopened, nullptr);
      EXPECT_FALSE(reopened->GetRun("gbm")) << "the replacement holds no trace of the run";
    }
  }
}

// "added" is said only about what is on the disk: every commit of a writer is flushed
// (synchronous FULL in WAL mode), not only at checkpoints (NORMAL).
TEST_F(SqliteStoreTest, WritersFlushEveryCommitToTheDisk) {
  ASSERT_NE(Open(path_), nullptr);
  auto level = WritersSynchronousForTesting(path_);
  ASSERT_TRUE(level) << level.error().message();
  EXPECT_EQ(*level, 2) << "PRAGMA synchronous = FULL";
}

// Every storage failure says what a user can do, with an exit code of its own kind: a busy
// workspace and a failing disk can be retried (75), a full disk and damage are the user's
// to fix (2); none is reported as a bug (70).
TEST(SqliteErrorTest, FailuresNameTheDiskOrTheWaitAndWhatToDo) {
  const Error busy = SqliteError(nullptr, SQLITE_BUSY, "storing run 'a'");
  EXPECT_EQ(busy.code(), ErrorCode::kUnavailable);
  EXPECT_NE(busy.message().find("run this command again"), std::string::npos) << busy.message();
  EXPECT_EQ(ExitCodeFor(busy.code()), 75);
  const Error full = SqliteError(nullptr, SQLITE_FULL, "storing run 'a'");
  EXPECT_EQ(full.code(), ErrorCode::kResourceExhausted);
  EXPECT_NE(full.message().find("disk holding the workspace is full"), std::string::npos);
  EXPECT_EQ(ExitCodeFor(full.code()), 2);
  const Error io = SqliteError(nullptr, SQLITE_IOERR_WRITE, "storing run 'a'");
  EXPECT_EQ(io.code(), ErrorCode::kUnavailable);
  EXPECT_NE(io.message().find("disk may be full, failing or gone"), std::string::npos);
  const Error cannot = SqliteError(nullptr, SQLITE_CANTOPEN, "opening");
  EXPECT_EQ(cannot.code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(cannot.message().find("may read and write it"), std::string::npos);
  const Error corrupt = SqliteError(nullptr, SQLITE_CORRUPT, "reading run 'a'");
  EXPECT_EQ(corrupt.code(), ErrorCode::kDataLoss);
  EXPECT_EQ(ExitCodeFor(corrupt.code()), 2);
  for (const Error* e : {&busy, &full, &io, &cannot, &corrupt}) {
    EXPECT_NE(ExitCodeFor(e->code()), 70) << e->message();
  }
}

TEST_F(SqliteStoreTest, IdenticalChunksAreStoredOnce) {
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->AddEvalSet(SmallSet("holdout", 1000)));
  ASSERT_TRUE(store->AddRun(SmallRun("a", "holdout", 1000)));
  ASSERT_TRUE(store->AddRun(SmallRun("b", "holdout", 1000)));  // same predictions
  store.reset();
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(Query(*db,
                  "SELECT COUNT(*) || ',' || COUNT(DISTINCT hash) FROM column_chunks "
                  "WHERE owner_kind = 'run'"),
            "2,1");
}

TEST_F(SqliteStoreTest, LookupsByNameUseAnIndex) {
  ASSERT_NE(Open(path_), nullptr);
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  for (const char* sql :
       {"EXPLAIN QUERY PLAN SELECT id FROM runs WHERE project_id = 1 AND name = 'x'",
        "EXPLAIN QUERY PLAN SELECT id FROM evalsets WHERE project_id = 1 AND name = 'x'",
        "EXPLAIN QUERY PLAN SELECT id FROM runs WHERE project_id = 1 AND method = 'x'",
        "EXPLAIN QUERY PLAN SELECT id FROM runs WHERE evalset_id = 3",
        "EXPLAIN QUERY PLAN SELECT * FROM plan_events WHERE project_id = 1 ORDER BY id"}) {
    auto stmt = db->Prepare(sql);
    ASSERT_TRUE(stmt);
    ASSERT_TRUE(*stmt->Step());
    EXPECT_NE(stmt->Text(3).find("USING"), std::string::npos) << sql << ": " << stmt->Text(3);
  }
}

TEST_F(SqliteStoreTest, MigratesFromEveryEarlierVersionAndRefusesNewer) {
  for (int from = 0; from < LatestSchemaVersion(); ++from) {
    const std::string path = (dir_ / ("v" + std::to_string(from) + ".db")).string();
    ASSERT_TRUE(MigrateSqliteForTesting(path, from));
    auto upgraded = Open(path);
    ASSERT_NE(upgraded, nullptr) << "from version " << from;
    EXPECT_TRUE(upgraded->AddEvalSet(SmallSet("s", 3)));
  }
  ASSERT_NE(Open(path_), nullptr);
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Exec("PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1)));
  }
  auto newer = OpenStore(path_);
  ASSERT_FALSE(newer);
  EXPECT_EQ(newer.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(newer.error().message().find("upgrade foresight"), std::string::npos);
}

// A workspace made before projects (schema version 1), written row by row as that version's
// code wrote it, opens with its data whole in the project "default".
TEST_F(SqliteStoreTest, AVersionOneDatabaseKeepsItsDataInTheDefaultProject) {
  ASSERT_TRUE(MigrateSqliteForTesting(path_, 1));
  const std::vector<std::string> ids = {"a", "b", "c"};
  const std::vector<int32_t> labels = {1, 0, 1};
  const std::vector<int32_t> region = {0, 1, 1};
  const std::vector<double> predictions = {0.9, 0.2, 0.7};
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(db->Exec(
        "INSERT INTO evalsets VALUES (7, 'holdout', 'binary', 3, '[\"no\",\"yes\"]', 'e.csv', "
        "'2026-01-01T00:00:00Z');"
        "INSERT INTO runs VALUES (4, 'gbm', 7, 'boost', 100, 1.5, '2026-01-02T00:00:00Z');"
        "INSERT INTO runs VALUES (5, 'lr', 7, '', NULL, NULL, '2026-01-03T00:00:00Z');"
        "INSERT INTO run_attributes VALUES (4, 'tag', 'owner', 'ana');"
        "INSERT INTO run_attributes VALUES (4, 'param', 'depth', '3');"
        "INSERT INTO criteria VALUES (1, 'h1', 'accuracy', 0.9, 0.95, '2026-01-01T00:00:00Z');"
        "INSERT INTO criteria VALUES (2, 'h2', 'recall', NULL, NULL, '2026-01-04T00:00:00Z');"));
    const auto column = [&](std::string_view kind, int64_t owner, std::string_view name,
                            std::string_view type, size_t rows,
                            const std::optional<std::string>& levels,
                            const std::vector<internal::Chunk>& chunks) {
      auto insert = db->Prepare("INSERT INTO columns VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      ASSERT_TRUE(insert);
      insert->Bind(1, kind).Bind(2, owner).Bind(3, name).Bind(4, type);
      insert->Bind(5, static_cast<int64_t>(rows)).Bind(6, levels);
      ASSERT_TRUE(insert->Run());
      for (size_t i = 0; i < chunks.size(); ++i) {
        auto chunk = db->Prepare("INSERT OR IGNORE INTO chunks VALUES (?1, 'zstd', ?2, ?3, ?4)");
        ASSERT_TRUE(chunk);
        chunk->Bind(1, std::string_view(chunks[i].hash));
        chunk->Bind(2, static_cast<int64_t>(chunks[i].raw_bytes));
        chunk->Bind(3, static_cast<int64_t>(chunks[i].rows)).BindBlob(4, chunks[i].compressed);
        ASSERT_TRUE(chunk->Run());
        auto link = db->Prepare("INSERT INTO column_chunks VALUES (?1, ?2, ?3, ?4, ?5)");
        ASSERT_TRUE(link);
        link->Bind(1, kind).Bind(2, owner).Bind(3, name).Bind(4, static_cast<int64_t>(i));
        link->Bind(5, std::string_view(chunks[i].hash));
        ASSERT_TRUE(link->Run());
      }
    };
    column("evalset", 7, "id", "str", 3, std::nullopt, internal::EncodeStrings(ids));
    column("evalset", 7, "label", "i32", 3, std::nullopt, internal::EncodeInt32(labels));
    column("evalset", 7, "slice:region", "i32", 3, R"(["north","south"])",
           internal::EncodeInt32(region));
    column("run", 4, "predictions", "f64", 3, std::nullopt, internal::EncodeFloat64(predictions));
    column("run", 5, "predictions", "f64", 3, std::nullopt, internal::EncodeFloat64(predictions));
  }
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->ListProjects(), std::vector<std::string>{"default"});
  auto set = store->GetEvalSet("holdout");
  ASSERT_TRUE(set) << set.error().message();
  EXPECT_EQ(set->ids, ids);
  EXPECT_EQ(set->labels, labels);
  EXPECT_EQ(set->source, "e.csv");
  ASSERT_EQ(set->slices.size(), 1u);
  EXPECT_EQ(set->slices[0].codes, region);
  EXPECT_EQ(set->slices[0].levels, (std::vector<std::string>{"north", "south"}));
  auto run = store->GetRun("gbm");
  ASSERT_TRUE(run) << run.error().message();
  EXPECT_EQ(run->predictions, predictions);
  EXPECT_EQ(run->method, "boost");
  EXPECT_EQ(run->train_size, 100);
  EXPECT_EQ(run->effort_hours, 1.5);
  EXPECT_EQ(run->tags, (std::vector<std::pair<std::string, std::string>>{{"owner", "ana"}}));
  EXPECT_EQ(run->params, (std::vector<std::pair<std::string, std::string>>{{"depth", "3"}}));
  auto runs = store->ListRuns({.method = "boost"});
  ASSERT_TRUE(runs);
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].evalset, "holdout");
  EXPECT_EQ(store->ListRuns()->size(), 2u);
  auto criteria = store->ListCriteria();
  ASSERT_TRUE(criteria);
  ASSERT_EQ(criteria->size(), 2u);
  EXPECT_EQ((*criteria)[1].metric, "recall");
  // And it goes on working: new items after the old ones, names still unique.
  ASSERT_TRUE(store->AddRun(SmallRun("next", "holdout", 3)));
  EXPECT_EQ(store->ListRuns()->back().name, "next");
  EXPECT_EQ(store->AddRun(SmallRun("gbm", "holdout", 3)).error().code(), ErrorCode::kAlreadyExists);
  ASSERT_TRUE(store->CreateProject("second"));
  auto second = OpenSqliteStore(path_, "second");
  ASSERT_TRUE(second);
  EXPECT_TRUE((*second)->ListRuns()->empty());
}

// A workspace of schema version 3 (before the plan ledger) keeps its data, and gets an
// empty ledger in each of its projects.
TEST_F(SqliteStoreTest, AVersionThreeDatabaseKeepsItsDataAndGetsAnEmptyLedger) {
  ASSERT_TRUE(MigrateSqliteForTesting(path_, 3));
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(Query(*db, "PRAGMA user_version"), "3");
    EXPECT_EQ(Query(*db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'plan_events'"), "0");
    ASSERT_TRUE(
        db->Exec("INSERT INTO projects (id, name) VALUES (2, 'fraud');"
                 "INSERT INTO criteria VALUES (1, 1, 'h1', 'accuracy', 0.9, 0.95, "
                 "'2026-01-01T00:00:00Z');"
                 "INSERT INTO criteria VALUES (2, 2, 'h2', 'recall', NULL, NULL, "
                 "'2026-01-02T00:00:00Z');"));
  }
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(Query(*db, "PRAGMA user_version"), std::to_string(LatestSchemaVersion()));
  }
  EXPECT_EQ(*store->ListProjects(), (std::vector<std::string>{"default", "fraud"}));
  auto criteria = store->ListCriteria();
  ASSERT_TRUE(criteria) << criteria.error().message();
  ASSERT_EQ(criteria->size(), 1u);
  EXPECT_EQ((*criteria)[0].metric, "accuracy");
  EXPECT_TRUE(store->ListPlanEvents()->empty());
  core::PlanEvent started;
  started.method = "gbm";
  started.kind = core::PlanEventKind::kStarted;
  started.on = "2026-01-03";
  ASSERT_TRUE(store->AddPlanEvents({started}));
  EXPECT_EQ(store->ListPlanEvents()->size(), 1u);
  auto fraud = OpenSqliteStore(path_, "fraud");
  ASSERT_TRUE(fraud) << fraud.error().message();
  EXPECT_EQ((*fraud)->ListCriteria()->front().metric, "recall");
  EXPECT_TRUE((*fraud)->ListPlanEvents()->empty());
}

TEST_F(SqliteStoreTest, StoresOpenedAtOnceOnANewFileMigrateItOnce) {
  std::vector<std::string> errors(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < errors.size(); ++t) {
    threads.emplace_back([&, t] {
      auto store = OpenSqliteStore(path_);
      if (!store) {
        errors[t] = store.error().message();
        return;
      }
      if (Status added = (*store)->AddEvalSet(SmallSet("s" + std::to_string(t), 5)); !added) {
        errors[t] = added.error().message();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->ListEvalSets()->size(), 4u);
  EXPECT_EQ(*store->ListProjects(), std::vector<std::string>{"default"});
}

// One way to damage a stored row: the SQL, what to read, and what the message must name.
struct Damage {
  std::string what;
  std::string sql;
  bool read_run;  // GetRun("gbm") rather than GetEvalSet("holdout")
  std::string named;
};

TEST_F(SqliteStoreTest, DamagedRowsAreDataLossNamingTheItem) {
  // A chunk of codes out of range for the 'region' slice (two levels), stored beside the set.
  const internal::Chunk bad_codes = internal::EncodeInt32(std::vector<int32_t>{0, 1, 5, 0})[0];
  std::string bad_codes_hex;  // as an SQL blob literal
  for (const char c : bad_codes.compressed) {
    bad_codes_hex += fmt::format("{:02x}", static_cast<unsigned char>(c));
  }
  const std::vector<Damage> damages = {
      {"classes not JSON", "UPDATE evalsets SET classes = '[\"no\",' ", false,
       "evaluation set 'holdout': classes"},
      {"classes not strings", "UPDATE evalsets SET classes = '[1, 2]'", true,
       "evaluation set 'holdout': classes"},
      {"unknown task", "UPDATE evalsets SET task = 'ranking'", false,
       "evaluation set 'holdout': unknown task 'ranking'"},
      {"unknown column type", "UPDATE columns SET type = 'f32' WHERE name = 'predictions'", true,
       "run 'gbm': column 'predictions': unknown column type 'f32'"},
      {"another column type", "UPDATE columns SET type = 'f64' WHERE name = 'label'", false,
       "evaluation set 'holdout': column 'label'"},
      {"row count differs", "UPDATE columns SET rows = 3 WHERE name = 'predictions'", true,
       "run 'gbm': column 'predictions': the column has 3 rows, expected 4"},
      {"set rows differ", "UPDATE evalsets SET rows = 5", false,
       "evaluation set 'holdout': column 'id': the column has 4 rows, expected 5"},
      {"column missing",
       "DELETE FROM column_chunks WHERE name = 'label'; "
       "DELETE FROM columns WHERE name = 'label'",
       false, "evaluation set 'holdout': column 'label': the column is missing"},
      {"chunk missing", "DELETE FROM column_chunks WHERE owner_kind = 'run'", true,
       "run 'gbm': column 'predictions': the chunks hold 0 values, expected 4"},
      {"chunk not zstd",
       "UPDATE chunks SET data = x'00112233' WHERE hash IN (SELECT hash FROM column_chunks "
       "WHERE name = 'predictions')",
       true, "run 'gbm': column 'predictions': chunk"},
      {"chunk of other content",
       "UPDATE chunks SET data = (SELECT data FROM chunks WHERE hash IN (SELECT hash FROM "
       "column_chunks WHERE name = 'slice:region')) WHERE hash IN (SELECT hash FROM "
       "column_chunks WHERE name = 'label')",
       false, "evaluation set 'holdout': column 'label': chunk"},
      {"chunk rows wrong",
       "UPDATE chunks SET rows = 9 WHERE hash IN (SELECT hash FROM "
       "column_chunks WHERE name = 'predictions')",
       true, "run 'gbm': column 'predictions': chunk"},
      {"chunk size absurd", "UPDATE chunks SET raw_bytes = 9000000000000000000", true,
       "run 'gbm': column 'predictions': chunk"},
      {"levels not JSON", "UPDATE columns SET levels = 'north' WHERE name = 'slice:region'", false,
       "evaluation set 'holdout': column 'slice:region': levels: not a JSON list"},
      {"levels missing", "UPDATE columns SET levels = NULL WHERE name = 'slice:region'", false,
       "evaluation set 'holdout': column 'slice:region'"},
      {"level code out of range",
       fmt::format("INSERT INTO chunks VALUES ('{0}', 'zstd', {1}, {2}, x'{3}'); "
                   "UPDATE column_chunks SET hash = '{0}' WHERE name = 'slice:region'",
                   bad_codes.hash, bad_codes.raw_bytes, bad_codes.rows, bad_codes_hex),
       false, "evaluation set 'holdout': column 'slice:region': row 2 has level code 5"},
      {"unknown attribute kind", "UPDATE run_attributes SET kind = 'label' WHERE kind = 'tag'",
       true, "run 'gbm': an attribute of unknown kind 'label'"},
      // An edited class list: read as it is, it would send evaluations past their arrays.
      {"a third class", "UPDATE evalsets SET classes = '[\"no\", \"yes\", \"maybe\"]'", false,
       "evaluation set 'holdout': a binary set with 3 classes"},
      {"one class left", "UPDATE evalsets SET classes = '[\"no\"]'", false,
       "evaluation set 'holdout': a binary set with 1 classes"},
      {"label code out of range",
       fmt::format("INSERT OR IGNORE INTO chunks VALUES ('{0}', 'zstd', {1}, {2}, x'{3}'); "
                   "UPDATE column_chunks SET hash = '{0}' WHERE name = 'label'",
                   bad_codes.hash, bad_codes.raw_bytes, bad_codes.rows, bad_codes_hex),
       false, "evaluation set 'holdout': column 'label': row 2 has class code 5 of 2 classes"},
  };
  for (const Damage& damage : damages) {
    SCOPED_TRACE(damage.what);
    const std::string path = (dir_ / (std::to_string(&damage - damages.data()) + ".db")).string();
    {
      auto store = Open(path);
      ASSERT_NE(store, nullptr);
      ASSERT_TRUE(store->AddEvalSet(SmallSet("holdout", 4)));
      ASSERT_TRUE(store->AddRun(SmallRun("gbm", "holdout", 4)));
    }
    {
      auto db = Raw(path);
      ASSERT_NE(db, nullptr);
      // The schema's CHECKs would refuse some damage; a damaged file does not ask.
      ASSERT_TRUE(db->Exec("PRAGMA ignore_check_constraints = ON"));
      const Status damaged = db->Exec(damage.sql);
      ASSERT_TRUE(damaged) << damaged.error().message();
    }
    auto store = Open(path);
    ASSERT_NE(store, nullptr);
    const auto check = [&](const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kDataLoss) << error.message();
      EXPECT_NE(error.message().find(damage.named), std::string::npos) << error.message();
      EXPECT_NE(error.message().find("restore"), std::string::npos) << error.message();
    };
    if (damage.read_run) {
      auto run = store->GetRun("gbm");
      ASSERT_FALSE(run);
      check(run.error());
    } else {
      auto set = store->GetEvalSet("holdout");
      ASSERT_FALSE(set);
      check(set.error());
    }
  }
}

TEST_F(SqliteStoreTest, ListingsReportDamagedRowsToo) {
  {
    auto store = Open(path_);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddEvalSet(SmallSet("holdout", 4)));
    ASSERT_TRUE(store->AddRun(SmallRun("gbm", "holdout", 4)));
  }
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(
        db->Exec("PRAGMA ignore_check_constraints = ON;"
                 "UPDATE evalsets SET classes = 'x';"
                 "UPDATE run_attributes SET kind = 'x'"));
  }
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->ListEvalSets().error().code(), ErrorCode::kDataLoss);
  EXPECT_EQ(store->ListRuns().error().code(), ErrorCode::kDataLoss);
}

TEST_F(SqliteStoreTest, APlanEventOfUnknownKindIsDataLossNamingIt) {
  {
    auto store = Open(path_);
    ASSERT_NE(store, nullptr);
    core::PlanEvent started;
    started.method = "gbm";
    started.kind = core::PlanEventKind::kStarted;
    started.on = "2026-01-03";
    ASSERT_TRUE(store->AddPlanEvents({started, started}));
  }
  std::string id;
  {
    auto db = Raw(path_);
    ASSERT_NE(db, nullptr);
    id = Query(*db, "SELECT MAX(id) FROM plan_events");
    ASSERT_TRUE(
        db->Exec("PRAGMA ignore_check_constraints = ON;"
                 "UPDATE plan_events SET kind = 'paused' WHERE id = " +
                 id));
  }
  auto store = Open(path_);
  ASSERT_NE(store, nullptr);
  auto events = store->ListPlanEvents();
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().code(), ErrorCode::kDataLoss);
  EXPECT_NE(events.error().message().find("plan event " + id + ": unknown kind 'paused'"),
            std::string::npos)
      << events.error().message();
}

TEST_F(SqliteStoreTest, ConstraintErrorsAreMappedByKind) {
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(
      db->Exec("PRAGMA foreign_keys = ON;"
               "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT UNIQUE);"
               "CREATE TABLE child (id INTEGER PRIMARY KEY, "
               "parent_id INTEGER NOT NULL REFERENCES parent(id), "
               "size INTEGER CHECK (size >= 0));"
               "INSERT INTO parent VALUES (1, 'a');"));
  const auto error_of = [&](const std::string& sql) {
    const Status status = db->Exec(sql);
    EXPECT_FALSE(status) << sql;
    return status ? Error(ErrorCode::kInternal, "") : status.error();
  };
  const Error unique = error_of("INSERT INTO parent VALUES (2, 'a')");
  EXPECT_EQ(unique.code(), ErrorCode::kAlreadyExists);
  EXPECT_NE(unique.message().find("UNIQUE"), std::string::npos) << unique.message();
  EXPECT_EQ(error_of("INSERT INTO parent VALUES (1, 'b')").code(), ErrorCode::kAlreadyExists);
  const Error foreign = error_of("INSERT INTO child VALUES (1, 99, 0)");
  EXPECT_EQ(foreign.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(foreign.message().find("FOREIGN KEY"), std::string::npos) << foreign.message();
  const Error not_null = error_of("INSERT INTO child VALUES (1, NULL, 0)");
  EXPECT_EQ(not_null.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(not_null.message().find("NOT NULL"), std::string::npos) << not_null.message();
  const Error check = error_of("INSERT INTO child VALUES (1, 1, -1)");
  EXPECT_EQ(check.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(check.message().find("CHECK"), std::string::npos) << check.message();
  EXPECT_EQ(error_of("INSERT INTO nowhere VALUES (1)").code(), ErrorCode::kInternal);
}

TEST_F(SqliteStoreTest, AFailedBindIsReportedByStep) {
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  auto stmt = db->Prepare("SELECT ?1, ?2");
  ASSERT_TRUE(stmt);
  stmt->Bind(1, std::string_view("a")).Bind(7, int64_t{1}).Bind(2, 2.0);
  auto row = stmt->Step();
  ASSERT_FALSE(row);
  EXPECT_NE(row.error().message().find("binding parameter 7"), std::string::npos)
      << row.error().message();
  auto ok = db->Prepare("SELECT ?1, ?2");
  ASSERT_TRUE(ok);
  ok->Bind(1, std::optional<int64_t>()).Bind(2, std::string_view());
  auto done = ok->Step();
  ASSERT_TRUE(done && *done);
  EXPECT_TRUE(ok->IsNull(0));
  EXPECT_FALSE(ok->IsNull(1)) << "an empty view is the empty text, not NULL";
  EXPECT_EQ(ok->Text(1), "");
}

// A COMMIT that fails, then a ROLLBACK that fails: the transaction is left open. The next
// statement rolls it back, so its writes are never seen, and other connections can write.
TEST_F(SqliteStoreTest, ATransactionLeftOpenByAFailedRollbackIsDiscarded) {
  auto db = Raw(path_);
  ASSERT_NE(db, nullptr);
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER)"));
  ASSERT_TRUE(db->Begin());
  ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)"));
  FailStatementsForTesting(1, 2);
  EXPECT_FALSE(db->Commit());
  EXPECT_FALSE(db->Rollback());
  FailStatementsForTesting(0);
  EXPECT_EQ(TakeInjectedFailuresForTesting(), (std::vector<std::string>{"COMMIT", "ROLLBACK"}));
  EXPECT_EQ(Query(*db, "SELECT COUNT(*) FROM t"), "0");
  auto other = Raw(path_);
  ASSERT_NE(other, nullptr);
  EXPECT_TRUE(other->Exec("INSERT INTO t VALUES (2)"));
  const Status in_transaction =
      InTransaction(*db, [&] { return db->Exec("INSERT INTO t VALUES (3)"); });
  EXPECT_TRUE(in_transaction);
  EXPECT_EQ(Query(*db, "SELECT group_concat(x) FROM t"), "2,3");
}

TEST_F(SqliteStoreTest, OpenStoreReadsItsTableOfSchemes) {
  auto by_url = OpenStore("sqlite:" + path_);
  ASSERT_TRUE(by_url) << by_url.error().message();
  ASSERT_TRUE((*by_url)->AddEvalSet(SmallSet("s", 3)));
  by_url->reset();
  auto by_path = OpenStore(path_);
  ASSERT_TRUE(by_path) << by_path.error().message();
  EXPECT_EQ((*by_path)->ListEvalSets()->size(), 1u);
  auto unknown = OpenStore("mysql://x");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(unknown.error().message().find("sqlite:"), std::string::npos);
  auto missing = OpenStore(path_, "nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
}

std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Outside `init` (kCreate) a database is never made anew: a missing file is kNotFound and an
// emptied one (truncated to 0 bytes) kDataLoss, and neither is created or written.
TEST_F(SqliteStoreTest, OnlyCreateMakesADatabase) {
  for (const Access access : {Access::kWrite, Access::kRead, Access::kReadOnly}) {
    auto missing = OpenStore(path_, kDefaultProject, access);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
    EXPECT_FALSE(fs::exists(path_));
  }
  { std::ofstream empty(path_); }
  for (const Access access : {Access::kWrite, Access::kRead, Access::kReadOnly}) {
    auto emptied = OpenStore(path_, kDefaultProject, access);
    ASSERT_FALSE(emptied);
    EXPECT_EQ(emptied.error().code(), ErrorCode::kDataLoss);
    EXPECT_NE(emptied.error().message().find("is empty (0 bytes)"), std::string::npos);
    EXPECT_EQ(fs::file_size(path_), 0u);
  }
  fs::remove(path_);
  // A folder is no database, whatever the access: a mistake to say, not a disk failure.
  fs::create_directories(path_);
  for (const Access access : {Access::kCreate, Access::kWrite, Access::kRead}) {
    auto folder = OpenStore(path_, kDefaultProject, access);
    ASSERT_FALSE(folder);
    EXPECT_EQ(folder.error().code(), ErrorCode::kInvalidArgument) << folder.error().message();
    EXPECT_NE(folder.error().message().find("foresight init"), std::string::npos);
  }
  fs::remove(path_);
  auto created = OpenStore(path_, kDefaultProject, Access::kCreate);
  ASSERT_TRUE(created) << created.error().message();
  EXPECT_FALSE((*created)->ReadOnly());
}

// Read-only: everything reads, every write fails with kFailedPrecondition, and the file is
// left byte for byte as it was.
TEST_F(SqliteStoreTest, AReadOnlyStoreReadsAndWritesNothing) {
  {
    auto store = Open(path_);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddEvalSet(SmallSet("s", 10)));
    ASSERT_TRUE(store->AddRun(SmallRun("r", "s", 10)));
  }
  const std::string before = FileBytes(path_);
  {
    auto reader = OpenStore(path_, kDefaultProject, Access::kReadOnly);
    ASSERT_TRUE(reader) << reader.error().message();
    Store& store = **reader;
    EXPECT_TRUE(store.ReadOnly());
    ASSERT_TRUE(store.GetRun("r"));
    EXPECT_EQ(store.GetRun("r")->predictions.size(), 10u);
    EXPECT_EQ(store.ListRuns()->size(), 1u);
    const Status add = store.AddRun(SmallRun("r2", "s", 10));
    ASSERT_FALSE(add);
    EXPECT_EQ(add.error().code(), ErrorCode::kFailedPrecondition);
    EXPECT_NE(add.error().message().find("can only be read"), std::string::npos)
        << add.error().message();
    EXPECT_FALSE(store.PutCachedResults({{"r", "k", "v"}}));
    EXPECT_FALSE(store.RecordCriteria({"h", "roc_auc", 0.8, 0.95, "2026-12-02T10:00:00Z"}));
    core::PlanEvent started;
    started.method = "gbm";
    started.kind = core::PlanEventKind::kStarted;
    started.on = "2026-12-02";
    const Status ledger = store.AddPlanEvents({started});
    ASSERT_FALSE(ledger);
    EXPECT_EQ(ledger.error().code(), ErrorCode::kFailedPrecondition);
  }
  EXPECT_EQ(FileBytes(path_), before);
}

// A read-only connection cannot migrate: an older database is refused, not half-read.
TEST_F(SqliteStoreTest, AReadOnlyStoreNeedsTheCurrentSchema) {
  ASSERT_TRUE(MigrateSqliteForTesting(path_, 1));
  auto reader = OpenStore(path_, kDefaultProject, Access::kReadOnly);
  ASSERT_FALSE(reader);
  EXPECT_EQ(reader.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(reader.error().message().find("must be upgraded"), std::string::npos);
}

// A database the operating system lets us only read: kRead opens it read-only, kWrite says
// it cannot store. File permissions do not bind root, so this runs for other users only.
TEST_F(SqliteStoreTest, AWriteProtectedDatabaseOpensForReadingOnly) {
  if (::geteuid() == 0) GTEST_SKIP() << "root is not bound by file permissions";
  {
    auto store = Open(path_);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->AddEvalSet(SmallSet("s", 10)));
  }
  fs::permissions(path_, fs::perms::owner_read | fs::perms::group_read);
  fs::permissions(dir_, fs::perms::owner_read | fs::perms::owner_exec);
  auto reader = OpenStore(path_, kDefaultProject, Access::kRead);
  auto writer = OpenStore(path_, kDefaultProject, Access::kWrite);
  fs::permissions(dir_, fs::perms::owner_all);
  fs::permissions(path_, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_TRUE(reader) << reader.error().message();
  EXPECT_TRUE((*reader)->ReadOnly());
  EXPECT_EQ((*reader)->ListEvalSets()->size(), 1u);
  ASSERT_FALSE(writer);
  EXPECT_EQ(writer.error().code(), ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace foresight::store::sqlite
