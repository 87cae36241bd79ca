// Tests of the PostgreSQL backend's own promises, beyond the Store contract: damaged rows
// read as kDataLoss, concurrent first opens, schema versions, access modes, and no password
// in any message. They need a server (FORESIGHT_TEST_PG_URL; `make test` starts one).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <fmt/format.h>

#include "store/accounts.hpp"
#include "store/internal/column_codec.hpp"
#include "store/postgres/kept_grants.hpp"
#include "store/postgres/pg.hpp"
#include "store/postgres/pool.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/store.hpp"
#include "store/store_testing.hpp"

namespace foresight::store::postgres {
namespace {

using testing::SmallRun;
using testing::SmallSet;

std::string AdminUrl() {
  const char* url = std::getenv("FORESIGHT_TEST_PG_URL");
  return url != nullptr ? url : "";
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (AdminUrl().empty()) {
      GTEST_SKIP() << "no PostgreSQL to test against: set FORESIGHT_TEST_PG_URL (make test "
                      "starts a throw-away cluster with scripts/with-postgres)";
    }
    auto admin = Connection::Open(AdminUrl());
    ASSERT_TRUE(admin) << admin.error().message();
    admin_ = std::move(*admin);
  }
  void TearDown() override {
    for (const std::string& db : made_) {
      (void)admin_->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", db));
    }
  }

  // A new empty database for this test; returns its URL.
  std::string Fresh(const std::string& suffix = "") {
    std::string name = "fspg_";
    for (const char c :
         std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + suffix) {
      name += std::isalnum(static_cast<unsigned char>(c)) != 0
                  ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                  : '_';
    }
    name = name.substr(0, 63);
    EXPECT_TRUE(admin_->Exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name)));
    EXPECT_TRUE(admin_->Exec(fmt::format("CREATE DATABASE {}", name)));
    made_.push_back(name);
    std::string url = AdminUrl();
    url = url.substr(0, url.find('?'));
    return url.substr(0, url.rfind('/') + 1) + name;
  }

  std::unique_ptr<Connection> admin_;
  std::vector<std::string> made_;
};

TEST_F(PostgresStoreTest, ConnectionsAreReusedAndDeadOnesReplaced) {
  const std::string url = Fresh();
  ClearPoolForTesting();
  const std::string key = "rw " + url;
  const auto backends = [&] {
    auto rows =
        admin_->Query(fmt::format("SELECT count(*) FROM pg_stat_activity WHERE datname = '{}'",
                                  url.substr(url.rfind('/') + 1)));
    return rows && !rows->empty() ? (*rows)[0].Int(0) : -1;
  };
  {
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store) << store.error().message();
    ASSERT_TRUE((*store)->AddEvalSet(SmallSet("holdout", 4)));
  }
  EXPECT_EQ(IdleForTesting(key), 1u);
  // A hundred opens, one after another: one connection serves them all.
  for (int i = 0; i < 100; ++i) {
    auto store = OpenPostgresStore(url, kDefaultProject, Access::kRead);
    ASSERT_TRUE(store) << store.error().message();
    ASSERT_TRUE((*store)->ListEvalSets());
  }
  EXPECT_EQ(IdleForTesting(key), 1u);
  EXPECT_EQ(backends(), 1);
  // Read-only connections are pooled apart: a writer never gets one.
  {
    auto reader = OpenPostgresStore(url, kDefaultProject, Access::kReadOnly);
    ASSERT_TRUE(reader);
  }
  EXPECT_EQ(IdleForTesting("ro " + url), 1u);
  {
    auto writer = OpenPostgresStore(url, kDefaultProject, Access::kWrite);
    ASSERT_TRUE(writer);
    EXPECT_TRUE((*writer)->AddRun(SmallRun("gbm", "holdout", 4)));
  }
  // The server ends every connection (a restart; waiting until each has ended): the next
  // open, though within the time a recently used connection is trusted, connects anew.
  ASSERT_TRUE(
      admin_->Exec(fmt::format("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                               "WHERE datname = '{}'",
                               url.substr(url.rfind('/') + 1))));
  auto after = OpenPostgresStore(url, kDefaultProject, Access::kRead);
  ASSERT_TRUE(after) << after.error().message();
  auto runs = (*after)->ListRuns();
  ASSERT_TRUE(runs) << runs.error().message();
  EXPECT_EQ(runs->size(), 1u);
}

struct Damage {
  std::string what;
  std::string sql;
  bool read_run;  // GetRun("gbm") rather than GetEvalSet("holdout")
  std::string named;
};

TEST_F(PostgresStoreTest, DamagedRowsAreDataLossNamingTheItem) {
  const internal::Chunk bad_codes = internal::EncodeInt32(std::vector<int32_t>{0, 1, 5, 0})[0];
  std::string bad_hex;
  for (const char c : bad_codes.compressed) {
    bad_hex += fmt::format("{:02x}", static_cast<unsigned char>(c));
  }
  const std::string put_bad_chunk = fmt::format(
      "INSERT INTO chunks VALUES ('{}', 'zstd', {}, {}, '\\x{}') ON CONFLICT DO "
      "NOTHING; ",
      bad_codes.hash, bad_codes.raw_bytes, bad_codes.rows, bad_hex);
  const std::vector<Damage> damages = {
      {"classes not JSON", "UPDATE evalsets SET classes = '[\"no\",'", false,
       "evaluation set 'holdout': classes"},
      {"unknown task", "UPDATE evalsets SET task = 'ranking'", false,
       "evaluation set 'holdout': unknown task 'ranking'"},
      {"unknown column type", "UPDATE columns SET type = 'f32' WHERE name = 'predictions'", true,
       "run 'gbm': column 'predictions': unknown column type 'f32'"},
      {"row count differs", "UPDATE columns SET rows = 3 WHERE name = 'predictions'", true,
       "run 'gbm': column 'predictions': the column has 3 rows, expected 4"},
      {"set rows differ", "UPDATE evalsets SET rows = 5", false,
       "evaluation set 'holdout': column 'id': the column has 4 rows, expected 5"},
      {"chunk missing", "DELETE FROM column_chunks WHERE owner_kind = 'run'", true,
       "run 'gbm': column 'predictions': the chunks hold 0 values, expected 4"},
      {"chunk not zstd",
       "UPDATE chunks SET data = '\\x00112233' WHERE hash IN (SELECT hash FROM column_chunks "
       "WHERE name = 'predictions')",
       true, "run 'gbm': column 'predictions': chunk"},
      {"levels missing", "UPDATE columns SET levels = NULL WHERE name = 'slice:region'", false,
       "evaluation set 'holdout': column 'slice:region'"},
      {"level code out of range",
       put_bad_chunk + fmt::format("UPDATE column_chunks SET hash = '{}' WHERE name = "
                                   "'slice:region'",
                                   bad_codes.hash),
       false, "evaluation set 'holdout': column 'slice:region': row 2 has level code 5"},
      {"unknown attribute kind", "UPDATE run_attributes SET kind = 'label' WHERE kind = 'tag'",
       true, "run 'gbm': an attribute of unknown kind 'label'"},
      {"a third class", "UPDATE evalsets SET classes = '[\"no\", \"yes\", \"maybe\"]'", false,
       "evaluation set 'holdout': a binary set with 3 classes"},
      {"label code out of range",
       put_bad_chunk +
           fmt::format("UPDATE column_chunks SET hash = '{}' WHERE name = 'label'", bad_codes.hash),
       false, "evaluation set 'holdout': column 'label': row 2 has class code 5 of 2 classes"},
  };
  // A damaged database does not ask the schema's constraints: drop them first.
  const std::string drop_constraints = R"sql(
DO $$ DECLARE r record; BEGIN
  FOR r IN SELECT conrelid::regclass AS t, conname FROM pg_constraint
           WHERE contype IN ('c', 'f') AND connamespace = 'public'::regnamespace LOOP
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname);
  END LOOP;
END $$;)sql";
  for (const Damage& damage : damages) {
    SCOPED_TRACE(damage.what);
    const std::string url = Fresh(std::to_string(&damage - damages.data()));
    {
      auto store = OpenPostgresStore(url);
      ASSERT_TRUE(store) << store.error().message();
      ASSERT_TRUE((*store)->AddEvalSet(SmallSet("holdout", 4)));
      ASSERT_TRUE((*store)->AddRun(SmallRun("gbm", "holdout", 4)));
    }
    {
      auto raw = Connection::Open(url);
      ASSERT_TRUE(raw) << raw.error().message();
      ASSERT_TRUE((*raw)->ExecScript(drop_constraints));
      const Status damaged = (*raw)->ExecScript(damage.sql);
      ASSERT_TRUE(damaged) << damaged.error().message();
    }
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store) << store.error().message();
    const auto check = [&](const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kDataLoss) << error.message();
      EXPECT_NE(error.message().find(damage.named), std::string::npos) << error.message();
      EXPECT_NE(error.message().find("restore"), std::string::npos) << error.message();
    };
    if (damage.read_run) {
      auto run = (*store)->GetRun("gbm");
      ASSERT_FALSE(run);
      check(run.error());
    } else {
      auto set = (*store)->GetEvalSet("holdout");
      ASSERT_FALSE(set);
      check(set.error());
    }
  }
}

// Sixteen commands opening a new database at once: one creates the tables, the others wait
// for it (an advisory lock) and find them made; none fails.
TEST_F(PostgresStoreTest, SixteenFirstOpensAtOnceAllSucceed) {
  const std::string url = Fresh();
  std::atomic<int> failures{0};
  std::vector<std::string> messages(16);
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      auto store = OpenPostgresStore(url);
      if (!store) {
        ++failures;
        messages[static_cast<size_t>(i)] = store.error().message();
        return;
      }
      if (Status added = (*store)->AddEvalSet(SmallSet("set-" + std::to_string(i), 3)); !added) {
        ++failures;
        messages[static_cast<size_t>(i)] = added.error().message();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  std::string all;
  for (const std::string& m : messages) all += m.empty() ? "" : m + "\n";
  EXPECT_EQ(failures.load(), 0) << all;
  auto store = OpenPostgresStore(url);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->ListEvalSets()->size(), 16u);
}

// The pool under many threads at once (what a server's requests do): stores and accounts of
// both modes taken and given back over and over, every operation succeeds, and no more
// connections stay idle than the pool keeps. Run under ThreadSanitizer too (`make tsan`).
TEST_F(PostgresStoreTest, ThePoolIsSharedSafelyByManyThreads) {
  const std::string url = Fresh();
  {
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store) << store.error().message();
    ASSERT_TRUE((*store)->AddEvalSet(SmallSet("holdout", 8)));
  }
  constexpr int kThreads = 8;
  constexpr int kRounds = 40;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        const Access access = i % 3 == 0 ? Access::kReadOnly : Access::kWrite;
        auto store = OpenPostgresStore(url, kDefaultProject, access);
        if (!store || !(*store)->ListEvalSets()) {
          ++failures;
          continue;
        }
        if (access == Access::kWrite &&
            !(*store)->AddRun(SmallRun(fmt::format("r-{}-{}", t, i), "holdout", 8))) {
          ++failures;
        }
        auto accounts = OpenPostgresAccounts(url, Access::kWrite);
        if (!accounts || !(*accounts)->ListUsers()) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  auto store = OpenPostgresStore(url);
  ASSERT_TRUE(store);
  size_t writes = 0;
  for (int i = 0; i < kRounds; ++i) writes += i % 3 == 0 ? 0 : 1;
  EXPECT_EQ((*store)->ListRuns({})->size(), size_t{kThreads} * writes);
  EXPECT_LE(IdleForTesting("rw " + url), kMaxIdlePerKey);
}

// Group commit: runs added at the same time are stored by one transaction, and yet each
// writer hears its own run's verdict, as alone: a group with refused runs in it stores the
// others, with their audit entries, and nothing of the refused ones.
TEST_F(PostgresStoreTest, RunsStoredTogetherEachGetTheirOwnVerdict) {
  const std::string url = Fresh();
  {
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store) << store.error().message();
    ASSERT_TRUE((*store)->AddEvalSet(SmallSet("holdout", 8)));
    ASSERT_TRUE((*store)->AddRun(SmallRun("taken", "holdout", 8)));
    ASSERT_TRUE((*store)->CreateProject("other"));
    auto other = OpenPostgresStore(url, "other");
    ASSERT_TRUE(other) << other.error().message();
    ASSERT_TRUE((*other)->AddEvalSet(SmallSet("holdout", 4)));
  }
  struct Writer {
    std::string project;
    core::Run run;
    std::optional<ErrorCode> expected;  // nullopt: stored
    std::optional<ErrorCode> got;
    bool audited = false;
  };
  // The writers' runs, added at once and released together: one group.
  const auto store_together = [&url](std::vector<Writer>& writers) {
    HoldGroupsForTesting(url, true);
    std::vector<std::thread> threads;
    threads.reserve(writers.size());
    for (Writer& w : writers) {
      threads.emplace_back([&url, &w] {
        auto store = OpenPostgresStore(url, w.project, Access::kWrite);
        if (!store) {
          w.got = store.error().code();
          return;
        }
        core::AuditEntry entry;
        entry.at = "2026-12-03T10:00:00Z";
        entry.user = "ana";
        entry.action = "POST /api/v1/projects/{project}/runs";
        entry.project = w.project;
        entry.target = w.run.name;
        entry.status = 201;
        (*store)->AuditWrites(entry, &w.audited);
        Status added = (*store)->AddRun(w.run);
        if (!added) w.got = added.error().code();
      });
    }
    AwaitGroupForTesting(url, writers.size());
    HoldGroupsForTesting(url, false);
    for (std::thread& t : threads) t.join();
  };
  const auto check = [&url](const std::vector<Writer>& writers) {
    for (const Writer& w : writers) {
      SCOPED_TRACE(w.project + "/" + w.run.name);
      EXPECT_EQ(w.got, w.expected);
      EXPECT_EQ(w.audited, !w.expected.has_value());
      auto store = OpenPostgresStore(url, w.project, Access::kRead);
      ASSERT_TRUE(store);
      auto read = (*store)->GetRun(w.run.name);
      if (w.expected) {
        if (w.run.name != "taken") {
          EXPECT_FALSE(read);
        }
        continue;
      }
      ASSERT_TRUE(read) << read.error().message();
      EXPECT_EQ(read->predictions, w.run.predictions);
      EXPECT_EQ(read->tags, w.run.tags);
      EXPECT_EQ(read->params, w.run.params);
      EXPECT_EQ(read->method, w.run.method);
      EXPECT_EQ(read->train_size, w.run.train_size);
      EXPECT_EQ(read->effort_hours, w.run.effort_hours);
      EXPECT_EQ(read->created_at, w.run.created_at);
    }
  };

  // Every run good: one transaction stored them all (one xmin), a chunk shared among them.
  std::vector<Writer> good;
  good.push_back({"default", SmallRun("a", "holdout", 8), std::nullopt, std::nullopt, false});
  good.push_back({"default", SmallRun("b", "holdout", 8), std::nullopt, std::nullopt, false});
  core::Run e = SmallRun("e", "holdout", 8);
  e.predictions[3] = 0.99;
  // Values that an array literal must escape: quotes, backslashes, commas, braces, NULL.
  e.tags = {{"owner", R"(a"b\c,{d} NULL)"}, {"empty", ""}, {"NULL", "NULL"}};
  e.params = {{"depth", "}"}, {"note", R"(\)"}};
  e.train_size = std::nullopt;
  e.effort_hours = 2.5;
  e.method = "lr \"quoted\"";
  good.push_back({"default", e, std::nullopt, std::nullopt, false});
  // The same name in another project.
  good.push_back({"other", SmallRun("a", "holdout", 4), std::nullopt, std::nullopt, false});
  store_together(good);
  check(good);
  auto raw = Connection::Open(url);
  ASSERT_TRUE(raw);
  auto transactions = (*raw)->Query(
      "SELECT count(DISTINCT xmin::text), count(*) FROM runs WHERE name IN ('a', 'b', 'e')");
  ASSERT_TRUE(transactions);
  EXPECT_EQ((*transactions)[0].Int(0), 1);
  EXPECT_EQ((*transactions)[0].Int(1), 4);

  // Refused runs among good ones: each writer hears its own verdict.
  std::vector<Writer> mixed;
  mixed.push_back({"default", SmallRun("g", "holdout", 8), std::nullopt, std::nullopt, false});
  mixed.push_back(
      {"default", SmallRun("taken", "holdout", 8), ErrorCode::kAlreadyExists, std::nullopt, false});
  mixed.push_back(
      {"default", SmallRun("c", "missing", 8), ErrorCode::kNotFound, std::nullopt, false});
  mixed.push_back(
      {"default", SmallRun("d", "holdout", 7), ErrorCode::kInvalidArgument, std::nullopt, false});
  core::Run repeated = SmallRun("f", "holdout", 8);
  repeated.tags.emplace_back("owner", "bo");
  mixed.push_back({"default", repeated, ErrorCode::kInvalidArgument, std::nullopt, false});
  mixed.push_back({"default", SmallRun("h", "holdout", 8), std::nullopt, std::nullopt, false});
  store_together(mixed);
  check(mixed);
  // Two writers of one name: one stores it, the other is told it is taken.
  std::vector<Writer> twins;
  twins.push_back({"default", SmallRun("twin", "holdout", 8), std::nullopt, std::nullopt, false});
  twins.push_back({"default", SmallRun("twin", "holdout", 8), std::nullopt, std::nullopt, false});
  store_together(twins);
  EXPECT_EQ(static_cast<int>(twins[0].got.has_value()) + static_cast<int>(twins[1].got.has_value()),
            1);
  for (const Writer& w : twins) {
    if (w.got) {
      EXPECT_EQ(*w.got, ErrorCode::kAlreadyExists);
    }
  }

  auto accounts = OpenPostgresAccounts(url, Access::kWrite);
  ASSERT_TRUE(accounts);
  auto audit = (*accounts)->ListAudit(std::nullopt, 0);
  ASSERT_TRUE(audit);
  std::vector<std::string> audited;
  audited.reserve(audit->size());
  for (const core::AuditEntry& entry : *audit) {
    audited.push_back(entry.project + "/" + entry.target);
  }
  std::sort(audited.begin(), audited.end());
  EXPECT_EQ(audited, (std::vector<std::string>{"default/a", "default/b", "default/e", "default/g",
                                               "default/h", "default/twin", "other/a"}));
  auto store = OpenPostgresStore(url);
  ASSERT_TRUE(store);
  EXPECT_EQ((*store)->ListRuns({})->size(), 7U);  // taken, a, b, e, g, h, twin
}

// A project's id is remembered per database; a database dropped and made again under the
// same URL, its projects made in another order, must not have its writes land in another
// project.
TEST_F(PostgresStoreTest, ProjectIdsAreForgottenWithTheDatabase) {
  const std::string url = Fresh();
  const auto make = [&url](const std::vector<std::string>& projects) {
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store) << store.error().message();
    for (const std::string& p : projects) ASSERT_TRUE((*store)->CreateProject(p));
  };
  make({"a", "b"});
  {
    auto b = OpenPostgresStore(url, "b", Access::kWrite);  // its id remembered
    ASSERT_TRUE(b);
    ASSERT_TRUE((*b)->AddEvalSet(SmallSet("first", 4)));
  }
  const std::string name = url.substr(url.rfind('/') + 1);
  ASSERT_TRUE(admin_->Exec(fmt::format("DROP DATABASE {} WITH (FORCE)", name)));
  ASSERT_TRUE(admin_->Exec(fmt::format("CREATE DATABASE {}", name)));
  make({"b", "a"});  // b now has a's old id
  auto b = OpenPostgresStore(url, "b", Access::kWrite);
  ASSERT_TRUE(b) << b.error().message();
  ASSERT_TRUE((*b)->AddEvalSet(SmallSet("second", 4)));
  auto in_b = (*b)->ListEvalSets();
  ASSERT_TRUE(in_b);
  ASSERT_EQ(in_b->size(), 1U);
  EXPECT_EQ((*in_b)[0].name, "second");
  auto a = OpenPostgresStore(url, "a", Access::kRead);
  ASSERT_TRUE(a);
  EXPECT_TRUE((*a)->ListEvalSets()->empty());
}

// A run's set is read from a copy kept since an earlier read; the insert refuses a run
// aligned to a set that another writer has since replaced. The other writer is the same
// database under another URL: a copy kept apart, as in another server process.
TEST_F(PostgresStoreTest, ARunAlignedToAReplacedSetIsRefused) {
  const std::string url = Fresh();
  const std::string elsewhere = url + "?application_name=elsewhere";
  auto here = OpenPostgresStore(url);
  ASSERT_TRUE(here) << here.error().message();
  auto there = OpenPostgresStore(elsewhere, kDefaultProject, Access::kWrite);
  ASSERT_TRUE(there) << there.error().message();
  ASSERT_TRUE((*here)->AddEvalSet(SmallSet("holdout", 4)));

  auto first = (*here)->GetEvalSetForRun("holdout");
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_FALSE(first->kept) << "nothing read yet";
  EXPECT_FALSE(first->set.store_key.empty());
  EXPECT_EQ(first->set.ids, SmallSet("holdout", 4).ids);
  auto second = (*here)->GetEvalSetForRun("holdout");
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->kept);
  EXPECT_EQ(second->set.store_key, first->set.store_key);
  EXPECT_EQ(second->set.ids, first->set.ids);
  EXPECT_EQ(second->set.labels, first->set.labels);
  EXPECT_EQ(second->set.slices[0].codes, first->set.slices[0].codes);

  // Replaced elsewhere by a set of the same name and size, its examples in another order.
  ASSERT_TRUE((*there)->DeleteEvalSet("holdout", /*with_runs=*/true));
  core::EvalSet replaced = SmallSet("holdout", 4);
  std::reverse(replaced.ids.begin(), replaced.ids.end());
  ASSERT_TRUE((*there)->AddEvalSet(replaced));

  auto stale = (*here)->GetEvalSetForRun("holdout");
  ASSERT_TRUE(stale);
  ASSERT_TRUE(stale->kept) << "this URL's copy does not know of the other writer";
  core::Run run = SmallRun("r", "holdout", 4);
  run.evalset_key = stale->set.store_key;
  const Status refused = (*here)->AddRun(run);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(refused.error().message().find("was replaced"), std::string::npos)
      << refused.error().message();
  EXPECT_EQ((*there)->GetRun("r").error().code(), ErrorCode::kNotFound) << "nothing stored";

  auto now = (*here)->GetEvalSetForRun("holdout");
  ASSERT_TRUE(now);
  EXPECT_FALSE(now->kept) << "the refusal forgot the stale copy";
  EXPECT_EQ(now->set.ids, replaced.ids);
  EXPECT_NE(now->set.store_key, stale->set.store_key);
  run.evalset_key = now->set.store_key;
  EXPECT_TRUE((*here)->AddRun(run));
  // A run without a key is not checked (the other backends' and older callers' runs).
  core::Run unkeyed = SmallRun("u", "holdout", 4);
  EXPECT_TRUE((*here)->AddRun(unkeyed));

  // Renamed elsewhere: the same id, another row version, so another key.
  ASSERT_TRUE((*there)->RenameEvalSet("holdout", "h2"));
  ASSERT_TRUE((*there)->RenameEvalSet("h2", "holdout"));
  core::Run after = SmallRun("after-rename", "holdout", 4);
  after.evalset_key = now->set.store_key;
  const Status renamed = (*here)->AddRun(after);
  ASSERT_FALSE(renamed);
  EXPECT_EQ(renamed.error().code(), ErrorCode::kFailedPrecondition);
}

TEST_F(PostgresStoreTest, ADatabaseOfANewerForesightIsRefused) {
  const std::string url = Fresh();
  ASSERT_TRUE(OpenPostgresStore(url));
  auto raw = Connection::Open(url);
  ASSERT_TRUE(raw);
  ASSERT_TRUE((*raw)->Exec("UPDATE foresight_schema SET version = 99"));
  // A pooled connection is trusted without a check for kTrustedIdle after its last statement.
  std::this_thread::sleep_for(kTrustedIdle + std::chrono::milliseconds(100));
  auto store = OpenPostgresStore(url);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(store.error().message().find("upgrade foresight"), std::string::npos);
}

TEST_F(PostgresStoreTest, OnlyCreateMakesTheTables) {
  const std::string url = Fresh();
  for (const Access access : {Access::kWrite, Access::kRead, Access::kReadOnly}) {
    auto store = OpenPostgresStore(url, kDefaultProject, access);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().code(), ErrorCode::kNotFound) << store.error().message();
  }
  EXPECT_TRUE(OpenPostgresStore(url, kDefaultProject, Access::kCreate));
  EXPECT_TRUE(OpenPostgresStore(url, kDefaultProject, Access::kWrite));
}

TEST_F(PostgresStoreTest, AReadOnlyStoreRefusesEveryWrite) {
  const std::string url = Fresh();
  {
    auto store = OpenPostgresStore(url);
    ASSERT_TRUE(store);
    ASSERT_TRUE((*store)->AddEvalSet(SmallSet("holdout", 4)));
  }
  auto store = OpenPostgresStore(url, kDefaultProject, Access::kReadOnly);
  ASSERT_TRUE(store) << store.error().message();
  EXPECT_TRUE((*store)->ReadOnly());
  EXPECT_EQ((*store)->ListEvalSets()->size(), 1u);
  EXPECT_EQ((*store)->AddRun(SmallRun("gbm", "holdout", 4)).error().code(),
            ErrorCode::kFailedPrecondition);
  EXPECT_EQ((*store)->CreateProject("p").error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ((*store)->DeleteEvalSet("holdout", true).error().code(),
            ErrorCode::kFailedPrecondition);
}

TEST_F(PostgresStoreTest, NoPasswordInAnyMessage) {
  // Port 1 on loopback: nothing listens; the message names the URL without its password.
  auto store = OpenStore("postgresql://ana:s3cret-word@127.0.0.1:1/foresight");
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code(), ErrorCode::kUnavailable) << store.error().message();
  EXPECT_EQ(store.error().message().find("s3cret-word"), std::string::npos)
      << store.error().message();
  EXPECT_NE(store.error().message().find("ana:***@127.0.0.1:1"), std::string::npos)
      << store.error().message();
  EXPECT_EQ(Redacted("postgresql://ana@host/db"), "postgresql://ana@host/db");
  EXPECT_EQ(Redacted("postgresql://ana:pw@host/db"), "postgresql://ana:***@host/db");
}

// Deferred statements go with the next one, in order, in one round trip: a later statement
// sees what they wrote, and the first one that fails is the failure the caller gets, with
// nothing of the transaction kept.
TEST_F(PostgresStoreTest, DeferredStatementsRunInOrderAndTheirFailureIsReported) {
  const std::string url = Fresh();
  auto opened = Connection::Open(url);
  ASSERT_TRUE(opened) << opened.error().message();
  Connection& db = **opened;
  ASSERT_TRUE(db.Exec("CREATE TABLE t (k integer PRIMARY KEY, v text NOT NULL)"));
  Status written = db.Transaction([&]() -> Status {
    db.Defer("INSERT INTO t (k, v) VALUES ($1, $2)", Params().Int(int64_t{1}).Text("one"));
    db.Defer("INSERT INTO t (k, v) VALUES ($1, $2)", Params().Int(int64_t{2}).Text("two"));
    auto seen = db.Query("SELECT count(*) FROM t");
    if (!seen) return Fail(seen.error());
    EXPECT_EQ((*seen)[0].Int(0), 2);
    db.Defer("INSERT INTO t (k, v) VALUES ($1, $2)", Params().Int(int64_t{3}).Text("three"));
    return {};  // the last one goes with the COMMIT
  });
  ASSERT_TRUE(written) << written.error().message();
  auto rows = db.Query("SELECT v FROM t ORDER BY k");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 3);
  EXPECT_EQ((*rows)[2].Text(0), "three");

  // The second deferred insert repeats a key: the statement after it reports that failure,
  // not its own, and the first insert is rolled back with it.
  Status failed = db.Transaction([&]() -> Status {
    db.Defer("INSERT INTO t (k, v) VALUES ($1, $2)", Params().Int(int64_t{4}).Text("four"));
    db.Defer("INSERT INTO t (k, v) VALUES ($1, $2)", Params().Int(int64_t{1}).Text("again"));
    auto next = db.Query("SELECT count(*) FROM t");
    if (!next) return Fail(next.error());
    return {};
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code(), ErrorCode::kAlreadyExists) << failed.error().message();
  EXPECT_NE(failed.error().message().find("INSERT INTO t"), std::string::npos)
      << failed.error().message();
  // A failure deferred until the COMMIT fails the COMMIT.
  Status at_commit = db.Transaction([&]() -> Status {
    db.Defer("INSERT INTO t (k, v) VALUES ($1, NULL)", Params().Int(int64_t{5}));
    return {};
  });
  ASSERT_FALSE(at_commit);
  EXPECT_EQ(at_commit.error().code(), ErrorCode::kInvalidArgument) << at_commit.error().message();
  auto after = db.Query("SELECT count(*) FROM t");
  ASSERT_TRUE(after) << after.error().message();
  EXPECT_EQ((*after)[0].Int(0), 3);
  EXPECT_TRUE(db.Reusable());
}

// --- Kept grants (kept_grants.hpp) ---------------------------------------------------------

// A database with a user 'ana' (a viewer of the default project) and her token 't1'; the
// accounts and a connection of its own (to change rows as an administrator with psql would).
struct GrantFixture {
  std::unique_ptr<Accounts> accounts;
  std::unique_ptr<Connection> psql;
};

GrantFixture WithToken(const std::string& url) {
  GrantFixture out;
  auto accounts = OpenAccounts(url, Access::kCreate);
  EXPECT_TRUE(accounts) << accounts.error().message();
  if (!accounts) return out;
  out.accounts = std::move(*accounts);
  EXPECT_TRUE(out.accounts->AddUser({"ana", "", false, false, "2026-12-01T00:00:00Z"}));
  EXPECT_TRUE(
      out.accounts->AddToken({"t1", "ana", std::string(32, 'h'), "laptop", "2026-12-01T00:00:00Z",
                              "2099-01-01T00:00:00Z", std::nullopt}));
  EXPECT_TRUE(out.accounts->SetRole(kDefaultProject, "ana", core::ProjectRole::kViewer));
  auto psql = Connection::Open(url);
  EXPECT_TRUE(psql) << psql.error().message();
  if (psql) out.psql = std::move(*psql);
  return out;
}

// Whether FindToken("t1", the default project) says revoked, asking until `wait` has passed.
bool SeenRevoked(Accounts& accounts, std::chrono::milliseconds wait) {
  const auto until = std::chrono::steady_clock::now() + wait;
  while (true) {
    auto found = accounts.FindToken("t1", kDefaultProject);
    if (found && *found && (**found).token.revoked_at) return true;
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Revokes t1 the way no trigger hears (as a replica applies rows): only the kept copy's age,
// or its listener's loss, can then make it read again.
Status RevokeUnheard(Connection& psql) {
  return psql.ExecScript(
      "SET session_replication_role = replica; UPDATE tokens SET revoked_at = "
      "'2026-12-02T00:00:00Z' WHERE id = 't1'; SET session_replication_role = origin");
}

class KeptGrantsTest : public PostgresStoreTest {
 protected:
  void TearDown() override {
    SetGrantMaxAgeForTesting(std::nullopt);
    SilenceListenersForTesting(false);
    PostgresStoreTest::TearDown();
  }

  // A fresh database with ana's token, grants used for `max_age`, a listener listening, and
  // t1's grant in the default project read once (and so kept).
  GrantFixture Listened(std::chrono::milliseconds max_age) {
    url_ = Fresh();
    SetGrantMaxAgeForTesting(max_age);
    GrantFixture f = WithToken(url_);
    if (!f.accounts || !f.psql) return {};
    EXPECT_TRUE(ListeningForTesting(url_, std::chrono::seconds(10)));
    auto first = f.accounts->FindToken("t1", kDefaultProject);
    EXPECT_TRUE(first && *first) << (first ? "no grant" : first.error().message());
    if (!first || !*first) return {};
    EXPECT_EQ((**first).role, core::ProjectRole::kViewer);
    EXPECT_EQ(KeptGrantsForTesting(url_), 1u);
    return f;
  }

  std::string url_;
};

TEST_F(KeptGrantsTest, AGrantIsKeptUntilAChangeIsHeard) {
  GrantFixture f = Listened(std::chrono::hours(1));
  ASSERT_TRUE(f.accounts);
  // Changed unheard: the kept copy answers (which shows it is used).
  ASSERT_TRUE(RevokeUnheard(*f.psql));
  EXPECT_FALSE(SeenRevoked(*f.accounts, std::chrono::milliseconds(0)));
  // Any heard change to the accounts, here by another connection (another server, or psql),
  // forgets it within moments.
  ASSERT_TRUE(f.psql->Exec("UPDATE users SET disabled = 0 WHERE name = 'ana'"));
  EXPECT_TRUE(SeenRevoked(*f.accounts, std::chrono::seconds(5)));

  // A role taken away elsewhere is heard the same way.
  ASSERT_TRUE(f.accounts->FindToken("t1", kDefaultProject));
  ASSERT_TRUE(f.psql->Exec("DELETE FROM members"));
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  std::optional<core::ProjectRole> role = core::ProjectRole::kViewer;
  while (role && std::chrono::steady_clock::now() < until) {
    auto found = f.accounts->FindToken("t1", kDefaultProject);
    ASSERT_TRUE(found && *found);
    role = (**found).role;
  }
  EXPECT_FALSE(role);
}

TEST_F(KeptGrantsTest, ChangesMadeByThisProcessForgetAtOnce) {
  GrantFixture f = Listened(std::chrono::hours(1));
  ASSERT_TRUE(f.accounts);
  ASSERT_TRUE(f.accounts->FindToken("t1"));
  EXPECT_EQ(KeptGrantsForTesting(url_), 2u);
  // A project that does not exist is not kept: its name is the request's.
  auto elsewhere = f.accounts->FindToken("t1", "no-such-project");
  ASSERT_TRUE(elsewhere && *elsewhere);
  EXPECT_FALSE((**elsewhere).role);
  EXPECT_EQ(KeptGrantsForTesting(url_), 2u);
  ASSERT_TRUE(f.accounts->SetRole(kDefaultProject, "ana", core::ProjectRole::kMaintainer));
  EXPECT_EQ(KeptGrantsForTesting(url_), 0u);
  auto found = f.accounts->FindToken("t1", kDefaultProject);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((**found).role, core::ProjectRole::kMaintainer);
  ASSERT_TRUE(f.accounts->RevokeToken("t1", "2026-12-02T00:00:00Z"));
  EXPECT_TRUE(SeenRevoked(*f.accounts, std::chrono::milliseconds(0)));
}

TEST_F(KeptGrantsTest, AGrantIsUsedNoLongerThanItsMaxAge) {
  GrantFixture f = Listened(std::chrono::milliseconds(100));
  ASSERT_TRUE(f.accounts);
  ASSERT_TRUE(RevokeUnheard(*f.psql));
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  EXPECT_TRUE(SeenRevoked(*f.accounts, std::chrono::milliseconds(0)));
}

TEST_F(KeptGrantsTest, AListenerCutOffForgetsEveryGrantAndListensAgain) {
  GrantFixture f = Listened(std::chrono::hours(1));
  ASSERT_TRUE(f.accounts);
  // The listener's connection ends (a restart of the database, an administrator): changes
  // made meanwhile could not be heard, so nothing kept is used any more.
  auto ended = f.psql->Query(
      "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE datname = "
      "current_database() AND application_name = 'foresight listener'");
  ASSERT_TRUE(ended) << ended.error().message();
  ASSERT_EQ(ended->size(), 1);
  ASSERT_TRUE(RevokeUnheard(*f.psql));
  EXPECT_TRUE(SeenRevoked(*f.accounts, std::chrono::seconds(5)));
  // The next request starts a listener again, and grants are kept once more.
  ASSERT_TRUE(ListeningForTesting(url_, std::chrono::seconds(10)));
  ASSERT_TRUE(f.accounts->FindToken("t1", kDefaultProject));
  EXPECT_EQ(KeptGrantsForTesting(url_), 1u);
}

TEST_F(KeptGrantsTest, AListenerThatFallsSilentIsNotTrusted) {
  GrantFixture f = Listened(std::chrono::hours(1));
  ASSERT_TRUE(f.accounts);
  // Its connection still open, but no round trip answered for over a second (a network
  // that cut it without closing it): nothing kept is used, though it was never told so.
  SilenceListenersForTesting(true);
  std::this_thread::sleep_for(std::chrono::milliseconds(1300));
  ASSERT_TRUE(RevokeUnheard(*f.psql));
  EXPECT_TRUE(SeenRevoked(*f.accounts, std::chrono::milliseconds(0)));
  EXPECT_EQ(KeptGrantsForTesting(url_), 0u);  // forgotten: a change may have been missed
  // Answering again, it is trusted again.
  SilenceListenersForTesting(false);
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  // (Read first: the read is what keeps it again.)
  while (!SeenRevoked(*f.accounts, std::chrono::milliseconds(0)) ||
         KeptGrantsForTesting(url_) != 1) {
    ASSERT_LT(std::chrono::steady_clock::now(), until);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace
}  // namespace foresight::store::postgres
