#include "store/postgres/postgres_store.hpp"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "store/internal/account_records.hpp"
#include "store/internal/column_codec.hpp"
#include "store/internal/records.hpp"
#include "store/internal/try.hpp"
#include "store/postgres/pg.hpp"
#include "store/postgres/pool.hpp"
#include "store/postgres/postgres_accounts.hpp"

namespace foresight::store::postgres {
// Named, not anonymous: unity builds put this file in one unit with the SQLite store.
namespace pg_store {

using internal::Chunk;
using internal::ColumnType;
using internal::Damaged;
using internal::kEvalSetOwner;
using internal::kRunOwner;
using internal::kSlicePrefix;
using internal::RunItem;
using internal::SetItem;
using internal::SetRow;

// Version 1: everything the SQLite store has at its version 4, in PostgreSQL's types. Ids
// are identity columns (increasing in insertion order); `seq` keeps the order of rows that
// have no id of their own (a run's attributes, a set's columns).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE projects (
  id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name  text NOT NULL UNIQUE CHECK (name <> '')
);
INSERT INTO projects (name) VALUES ('default');

CREATE TABLE evalsets (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id  bigint NOT NULL REFERENCES projects(id),
  name        text NOT NULL,
  task        text NOT NULL CHECK (task IN ('binary', 'multiclass', 'regression')),
  rows        bigint NOT NULL CHECK (rows >= 0),
  classes     text NOT NULL,
  source      text NOT NULL,
  created_at  text NOT NULL,
  UNIQUE (project_id, name),
  UNIQUE (project_id, id)
);

CREATE TABLE runs (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id    bigint NOT NULL REFERENCES projects(id),
  name          text NOT NULL,
  evalset_id    bigint NOT NULL,
  method        text NOT NULL,
  train_size    bigint,
  effort_hours  double precision,
  created_at    text NOT NULL,
  UNIQUE (project_id, name),
  FOREIGN KEY (project_id, evalset_id) REFERENCES evalsets(project_id, id)
);
CREATE INDEX runs_by_evalset ON runs (evalset_id);
CREATE INDEX runs_by_method ON runs (project_id, method);

CREATE TABLE run_attributes (
  seq     bigint GENERATED ALWAYS AS IDENTITY,
  run_id  bigint NOT NULL REFERENCES runs(id),
  kind    text NOT NULL CHECK (kind IN ('param', 'tag')),
  key     text NOT NULL,
  value   text NOT NULL,
  PRIMARY KEY (run_id, kind, key)
);
CREATE INDEX run_attributes_by_value ON run_attributes (kind, key, value);

CREATE TABLE chunks (
  hash       text PRIMARY KEY,
  codec      text NOT NULL,
  raw_bytes  bigint NOT NULL,
  rows       bigint NOT NULL,
  data       bytea NOT NULL
);

CREATE TABLE columns (
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  owner_kind  text NOT NULL CHECK (owner_kind IN ('evalset', 'run')),
  owner_id    bigint NOT NULL,
  name        text NOT NULL,
  type        text NOT NULL CHECK (type IN ('f64', 'i32', 'str')),
  rows        bigint NOT NULL,
  levels      text,
  PRIMARY KEY (owner_kind, owner_id, name)
);

CREATE TABLE column_chunks (
  owner_kind   text NOT NULL,
  owner_id     bigint NOT NULL,
  name         text NOT NULL,
  chunk_index  integer NOT NULL,
  hash         text NOT NULL REFERENCES chunks(hash),
  PRIMARY KEY (owner_kind, owner_id, name, chunk_index),
  FOREIGN KEY (owner_kind, owner_id, name) REFERENCES columns(owner_kind, owner_id, name)
);
CREATE INDEX column_chunks_by_hash ON column_chunks (hash);

CREATE TABLE criteria (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id    bigint NOT NULL REFERENCES projects(id),
  charter_hash  text NOT NULL,
  metric        text NOT NULL,
  threshold     double precision,
  confidence    double precision,
  seen_at       text NOT NULL
);
CREATE INDEX criteria_by_project ON criteria (project_id, id);

CREATE TABLE results (
  run_id  bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key     text NOT NULL,
  value   bytea NOT NULL,
  PRIMARY KEY (run_id, key)
);

CREATE TABLE plan_events (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id   bigint NOT NULL REFERENCES projects(id),
  method       text NOT NULL CHECK (method <> ''),
  kind         text NOT NULL CHECK (kind IN ('estimated', 'removed', 'started', 'logged',
                                             'finished', 'dropped')),
  happened_on  text NOT NULL,
  optimistic   double precision,
  likely       double precision,
  pessimistic  double precision,
  role         text NOT NULL,
  effort       double precision,
  note         text NOT NULL,
  recorded_at  text NOT NULL
);
CREATE INDEX plan_events_by_project ON plan_events (project_id, id);
)sql";

// Version 2: accounts, as the SQLite store's version 5.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE users (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name           text NOT NULL UNIQUE CHECK (name <> ''),
  password_hash  text NOT NULL,
  admin          smallint NOT NULL CHECK (admin IN (0, 1)),
  disabled       smallint NOT NULL CHECK (disabled IN (0, 1)),
  created_at     text NOT NULL
);

CREATE TABLE tokens (
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  id          text PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users(id),
  hash        bytea NOT NULL,
  label       text NOT NULL,
  created_at  text NOT NULL,
  expires_at  text NOT NULL,
  revoked_at  text
);

CREATE TABLE members (
  project_id  bigint NOT NULL REFERENCES projects(id),
  user_id     bigint NOT NULL REFERENCES users(id),
  role        text NOT NULL CHECK (role IN ('viewer', 'contributor', 'maintainer', 'admin')),
  PRIMARY KEY (project_id, user_id)
);

CREATE TABLE audit_log (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at         text NOT NULL,
  user_name  text NOT NULL,
  action     text NOT NULL,
  project    text NOT NULL,
  target     text NOT NULL,
  status     integer NOT NULL
);
CREATE INDEX audit_log_by_project ON audit_log (project, id);
)sql";

// Version 3: as the SQLite store's version 6.
constexpr std::string_view kV3 = R"sql(
CREATE INDEX audit_log_by_user ON audit_log (user_name, action, at);
)sql";

// Version 4: every statement that changes the accounts notifies the channel
// "foresight_accounts", which the servers on the database listen to (kept_grants.hpp).
constexpr std::string_view kV4 = R"sql(
CREATE FUNCTION foresight_accounts_changed() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  PERFORM pg_notify('foresight_accounts', TG_TABLE_NAME);
  RETURN NULL;
END
$body$;
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION foresight_accounts_changed();
CREATE TRIGGER tokens_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tokens
  FOR EACH STATEMENT EXECUTE FUNCTION foresight_accounts_changed();
CREATE TRIGGER members_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON members
  FOR EACH STATEMENT EXECUTE FUNCTION foresight_accounts_changed();
CREATE TRIGGER projects_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION foresight_accounts_changed();
)sql";

constexpr std::array<std::string_view, 4> kMigrations = {kV1, kV2, kV3, kV4};

// Serialises schema changes between connections (pg_advisory_lock's key: "foresig").
constexpr int64_t kMigrationLock = 0x666f7265736967;

// A count as PostgreSQL's bigint (saturating).
int64_t SqlCount(size_t value) {
  return static_cast<int64_t>(
      std::min<size_t>(value, static_cast<size_t>(std::numeric_limits<int64_t>::max())));
}

std::optional<ColumnType> ParseColumnType(std::string_view name) {
  for (const ColumnType type : {ColumnType::kFloat64, ColumnType::kInt32, ColumnType::kString}) {
    if (internal::ColumnTypeName(type) == name) return type;
  }
  return std::nullopt;
}

Status Decode(const Chunk& chunk, std::vector<double>& out) {
  return internal::DecodeFloat64(chunk, out);
}
Status Decode(const Chunk& chunk, std::vector<int32_t>& out) {
  return internal::DecodeInt32(chunk, out);
}
Status Decode(const Chunk& chunk, std::vector<std::string>& out) {
  return internal::DecodeStrings(chunk, out);
}

// Which column, and how messages name its owner.
struct ColumnRef {
  std::string_view owner_kind;
  int64_t owner_id = 0;
  std::string_view name;
  std::string_view item;
};

// A column as stored: its row of `columns` and its chunks, not yet decoded.
struct StoredColumn {
  std::string name;
  std::string type;
  int64_t rows = 0;
  std::optional<std::string> levels;
  std::vector<Chunk> chunks;
};

std::string Where(const ColumnRef& ref) {
  return fmt::format("{}: column '{}'", ref.item, ref.name);
}

// The name of a run's one column.
constexpr std::string_view kPredictions = "predictions";

// How a run given to a group ended.
struct GroupVerdict {
  enum class State { kWaiting, kStored, kFailed, kAlone };
  State state = State::kWaiting;
  std::optional<Error> failure;  // kFailed: what the writer is told
};

// A run waiting to be stored with others (group commit). Its fields are set before it
// waits and not changed after; its verdict is set under the group's lock.
struct PendingRun {
  const core::Run* run = nullptr;
  int64_t project_id = 0;
  const core::AuditEntry* audit = nullptr;  // written in the same transaction when set
  // Under the group's lock: taken into a group being stored, and how it ended.
  bool taken = false;
  GroupVerdict verdict;
  std::condition_variable woken;  // its verdict is set, or it may lead a group
};

// Group commit: the small runs that writers of one database add at the same time are
// stored by one transaction (one commit, a few round trips for all), each writer answered
// only once it has committed. A writer that finds no group being stored stores the runs
// waiting (its own among them) on its own connection; the others wait for it. At most
// kLeaders groups are stored at once. A group refused as a whole (a name taken, a set
// deleted meanwhile) has stored nothing, and each of its runs is then stored alone, so each
// writer hears its own run's verdict, as without groups.
class GroupCommit {
 public:
  static constexpr int kLeaders = 2;

  static GroupCommit& For(const std::string& url) {
    static std::mutex mutex;
    // Never destroyed: writers may finish on other threads during exit.
    static auto* groups =
        new std::map<std::string,
                     std::unique_ptr<GroupCommit>>();  // NOLINT(cppcoreguidelines-owning-memory)
    const std::lock_guard<std::mutex> lock(mutex);
    auto& group = (*groups)[url];
    if (!group) group = std::make_unique<GroupCommit>();
    return *group;
  }

  // Waits until `pending` is stored, failed or sent back to be stored alone; while no more
  // than kLeaders groups are being stored, stores the runs waiting (its own among them) with
  // `store_group`, which returns a verdict per run of the group, in order. Returns
  // `pending`'s. Each writer is woken alone (its own condition): when its verdict is set, or
  // when it is the first waiting and a group has ended.
  GroupVerdict Join(PendingRun& pending,
                    const std::function<std::vector<GroupVerdict>(const std::vector<PendingRun*>&)>&
                        store_group) {
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_.push_back(&pending);
    gathered_.notify_all();  // a test waiting for writers to gather
    while (pending.verdict.state == GroupVerdict::State::kWaiting) {
      if (held_ || leaders_ == kLeaders || pending.taken) {
        pending.woken.wait(lock);
        continue;
      }
      ++leaders_;
      const std::vector<PendingRun*> group = std::exchange(waiting_, {});
      for (PendingRun* member : group) member->taken = true;
      lock.unlock();
      std::vector<GroupVerdict> verdicts = store_group(group);
      lock.lock();
      for (size_t i = 0; i < group.size(); ++i) {
        group[i]->verdict = std::move(verdicts[i]);
        if (group[i] != &pending) group[i]->woken.notify_one();
      }
      --leaders_;
      WakeNextLeader();
    }
    return pending.verdict;
  }

  // Tests: while held, writers wait; released, the first stores every waiting run as one
  // group. Waits until `writers` wait (when holding).
  void HoldForTesting(bool held, size_t writers) {
    std::unique_lock<std::mutex> lock(mutex_);
    held_ = held;
    if (held) {
      gathered_.wait(lock, [&] { return waiting_.size() >= writers; });
    } else {
      WakeNextLeader();
    }
  }

 private:
  // Under the lock: the first waiting writer may now lead the others.
  void WakeNextLeader() {
    if (!held_ && leaders_ < kLeaders && !waiting_.empty()) waiting_.front()->woken.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable gathered_;
  std::vector<PendingRun*> waiting_;
  int leaders_ = 0;
  bool held_ = false;
};

// Runs of more prediction values than this are stored alone: a long upload would hold up
// the group's small ones.
constexpr size_t kGroupedValues = 65536;

// Evaluation sets kept after a read with their ids, for the next runs added against them
// (GetEvalSetForRun): a run's upload needs its set's ids to align its predictions, and
// reading and decoding them was a sixth of a small call's work. A kept set may be stale (a
// writer elsewhere deleted it, or replaced it by another of the same name): the statement
// that inserts a run finds its set by name and compares the set's key (its id and the
// transaction that wrote it: `xmin`, counted across the whole cluster) with the key the run
// was aligned to, and refuses the run on a difference; the caller then reads the set again.
// Bounded: at most kKeptSets sets, kKeptExamples examples in all, the least recently used
// forgotten first; a set of more examples than kKeptLargest is not kept.
class KeptSets {
 public:
  static constexpr size_t kKeptSets = 64;
  static constexpr size_t kKeptExamples = 1'000'000;
  static constexpr size_t kKeptLargest = 250'000;

  static KeptSets& Instance() {
    // Never destroyed: Stores may be opened by other threads during exit.
    static auto* kept = new KeptSets();  // NOLINT(cppcoreguidelines-owning-memory)
    return *kept;
  }
  std::shared_ptr<const core::EvalSet> Find(const std::string& url, int64_t project_id,
                                            std::string_view name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto found = kept_.find(Key{url, project_id, std::string(name)});
    if (found == kept_.end()) return nullptr;
    found->second.used = ++clock_;
    return found->second.set;
  }
  void Remember(const std::string& url, int64_t project_id, const core::EvalSet& set) {
    if (set.store_key.empty() || set.size() > kKeptLargest) return;
    auto copy = std::make_shared<const core::EvalSet>(set);
    const std::lock_guard<std::mutex> lock(mutex_);
    Key key{url, project_id, set.name};
    if (auto old = kept_.find(key); old != kept_.end()) Erase(old);
    examples_ += copy->size();
    kept_.emplace(std::move(key), Entry{std::move(copy), ++clock_});
    while (kept_.size() > kKeptSets || examples_ > kKeptExamples) {
      auto oldest = kept_.begin();
      for (auto it = kept_.begin(); it != kept_.end(); ++it) {
        if (it->second.used < oldest->second.used) oldest = it;
      }
      Erase(oldest);
    }
  }
  void Forget(const std::string& url, int64_t project_id, std::string_view name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (auto found = kept_.find(Key{url, project_id, std::string(name)}); found != kept_.end()) {
      Erase(found);
    }
  }
  // Every set of a database: a new connection to it may be to a database made again.
  void Forget(const std::string& url) {
    const std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = kept_.begin(); it != kept_.end();) {
      it = std::get<0>(it->first) == url ? Erase(it) : std::next(it);
    }
  }

 private:
  using Key = std::tuple<std::string, int64_t, std::string>;  // URL, project, set
  struct Entry {
    std::shared_ptr<const core::EvalSet> set;
    uint64_t used = 0;
  };
  // Returns the entry after it.
  std::map<Key, Entry>::iterator Erase(std::map<Key, Entry>::iterator it) {
    examples_ -= it->second.set->size();
    return kept_.erase(it);
  }

  std::mutex mutex_;
  std::map<Key, Entry> kept_;
  size_t examples_ = 0;
  uint64_t clock_ = 0;
};

class PostgresStore final : public Store {
 public:
  PostgresStore(Lease db, std::string url, int64_t project_id, std::string project, bool read_only)
      : db_(std::move(db)),
        url_(std::move(url)),
        project_id_(project_id),
        project_(std::move(project)),
        read_only_(read_only) {}

  Status AddEvalSet(const core::EvalSet& evalset) override;
  Result<core::EvalSet> GetEvalSet(std::string_view name, bool with_ids) override;
  using Store::GetEvalSet;
  Result<SetForRun> GetEvalSetForRun(std::string_view name) override;
  Result<std::vector<core::EvalSetInfo>> ListEvalSets() override;
  Status AddRun(const core::Run& run) override;
  Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                            const std::vector<core::Run>& runs) override;
  Result<core::Run> GetRun(std::string_view name) override;
  Result<std::vector<core::RunInfo>> ListRuns(const RunFilter& filter) override;
  Status DeleteRun(std::string_view name) override;
  Status RenameRun(std::string_view name, std::string_view new_name) override;
  Status DeleteEvalSet(std::string_view name, bool with_runs) override;
  Status RenameEvalSet(std::string_view name, std::string_view new_name) override;
  Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& criteria) override;
  Result<std::vector<core::CriteriaVersion>> ListCriteria() override;
  Status AddPlanEvents(const std::vector<core::PlanEvent>& events) override;
  Result<std::vector<core::PlanEvent>> ListPlanEvents() override;
  Result<std::vector<std::optional<std::string>>> GetCachedResults(
      std::string_view key, const std::vector<std::string>& runs) override;
  Status PutCachedResults(const std::vector<core::CachedResult>& entries) override;
  Result<std::vector<std::string>> ListProjects() override;
  Status CreateProject(std::string_view name) override;
  void AuditWrites(core::AuditEntry entry, bool* written) override {
    audit_ = std::move(entry);
    audit_written_ = written;
  }
  bool ReadOnly() const override { return read_only_; }

 private:
  // Writes run in one transaction; a read-only Store refuses them before starting one.
  Status Write(const std::function<Status()>& body);
  std::string InProject() const {
    return project_ == kDefaultProject ? "" : fmt::format(" in project '{}'", project_);
  }
  Result<std::optional<int64_t>> FindId(std::string_view table, std::string_view name);
  Status InsertEvalSet(const core::EvalSet& evalset);
  Status InsertRun(const core::Run& run);
  // InsertRun's parts: the checks of the insert's answer (the new run's id), and the
  // attributes' rows (deferred).
  Result<int64_t> InsertedRun(const Rows& inserted, const core::Run& run) const;
  void DeferAttributes(int64_t id, const core::Run& run);
  // The runs of a group, in the current transaction.
  Status InsertGroup(const std::vector<PendingRun*>& group);
  // Stores a group in one transaction on this Store's connection, and says how each ended.
  std::vector<GroupVerdict> StoreGroup(const std::vector<PendingRun*>& group);
  Status EraseRun(int64_t id);
  Status EraseColumns(std::string_view owner_kind, int64_t owner_id);
  Status Rename(std::string_view table, std::string_view noun, std::string_view name,
                std::string_view new_name);
  Result<std::string> StoreChunk(const Chunk& chunk);
  // A column's row and a chunk's place in it, sent with the next statement.
  void DeferColumn(const ColumnRef& ref, ColumnType type, size_t rows,
                   const std::optional<std::vector<std::string>>& levels = std::nullopt);
  void DeferColumnChunk(const ColumnRef& ref, size_t index, std::string_view key);
  Status WriteColumn(const ColumnRef& ref, ColumnType type, const std::vector<Chunk>& chunks,
                     size_t rows,
                     const std::optional<std::vector<std::string>>& levels = std::nullopt);
  // Every column of an owner (but its ids, unless `with_ids`) with its chunks, in the order
  // they were written: one round trip.
  Result<std::vector<StoredColumn>> FetchColumns(std::string_view owner_kind, int64_t owner_id,
                                                 bool with_ids);

  Lease db_;
  std::string url_;
  int64_t project_id_;
  std::string project_;
  bool read_only_;
  std::optional<core::AuditEntry> audit_;
  bool* audit_written_ = nullptr;
};

Status PostgresStore::Write(const std::function<Status()>& body) {
  if (read_only_) {
    return Fail(ErrorCode::kFailedPrecondition,
                "this store was opened to read only; open it to write");
  }
  Status done = db_->Transaction([&]() -> Status {
    FS_CHECK(body());
    if (!audit_) return {};
    const core::AuditEntry& e = *audit_;
    // Sent with the COMMIT.
    db_->Defer(internal::kInsertAuditPostgres,
               Params().Text(e.at).Text(e.user).Text(e.action).Text(e.project).Text(e.target).Int(
                   int64_t{e.status}));
    return {};
  });
  if (done && audit_ && audit_written_ != nullptr) *audit_written_ = true;
  return done;
}

Result<std::optional<int64_t>> PostgresStore::FindId(std::string_view table,
                                                     std::string_view name) {
  FS_TRY(rows,
         db_->Query(fmt::format("SELECT id FROM {} WHERE project_id = $1 AND name = $2", table),
                    Params().Int(project_id_).Text(name)));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows[0].Int(0));
}

// One try at storing a chunk under `key`: the insert, and whether a chunk stored before under
// the key holds the same bytes (compared by the server, not sent back). The comparison sees
// what was committed when the statement began (and this transaction's own rows), so a chunk
// another writer committed since (the insert waited for it) reads as unknown. A chunk shared
// is locked against deletion (key share) until this transaction ends: a delete of the last
// column that held it (EraseColumns) cannot remove it between this statement and the insert
// of the column that refers to it; one that removed it first reads as unknown too.
constexpr std::string_view kStoreChunk =
    "WITH inserted AS (INSERT INTO chunks (hash, codec, raw_bytes, rows, data) VALUES ($1, "
    "'zstd', $2, $3, $4) ON CONFLICT (hash) DO NOTHING RETURNING hash), stored AS (SELECT "
    "raw_bytes = $2 AND rows = $3 AND data = $4 AS same FROM chunks WHERE hash = $1 FOR KEY "
    "SHARE) SELECT EXISTS (SELECT 1 FROM inserted), (SELECT same FROM stored)";

Params StoreChunkParams(std::string_view key, const Chunk& chunk) {
  return Params()
      .Text(key)
      .Int(SqlCount(chunk.raw_bytes))
      .Int(SqlCount(chunk.rows))
      .Bytes(chunk.compressed);
}

// What kStoreChunk's row says of its key.
enum class ChunkTry { kHeld, kOtherContent, kUnknown };
ChunkTry ChunkTried(const Row& row) {
  if (row.Text(0) == "t" || (!row.IsNull(1) && row.Text(1) == "t")) return ChunkTry::kHeld;
  return row.IsNull(1) ? ChunkTry::kUnknown : ChunkTry::kOtherContent;
}

// Stores a chunk unless the same bytes are stored already, and returns its key: the hash, or
// "HASH-N" when another content has that hash (see column_codec.hpp). A concurrent writer of
// the same chunk makes the insert wait for its transaction, then do nothing; the same key is
// then asked again.
Result<std::string> PostgresStore::StoreChunk(const Chunk& chunk) {
  constexpr int kMaxUnknown = 5;
  int unknown = 0;
  for (int n = 0;;) {
    const std::string key = n == 0 ? chunk.hash : fmt::format("{}-{}", chunk.hash, n);
    FS_TRY(stored, db_->Query(kStoreChunk, StoreChunkParams(key, chunk)));
    const ChunkTry tried = ChunkTried(stored[0]);
    if (tried == ChunkTry::kHeld) return key;
    if (tried == ChunkTry::kOtherContent) {
      ++n;
    } else if (++unknown == kMaxUnknown) {
      return Fail(
          ErrorCode::kUnavailable,
          fmt::format("database: chunk {} is being written by another writer; retry", chunk.hash));
    }
  }
}

void PostgresStore::DeferColumn(const ColumnRef& ref, ColumnType type, size_t rows,
                                const std::optional<std::vector<std::string>>& levels) {
  Params column;
  column.Text(ref.owner_kind).Int(ref.owner_id).Text(ref.name);
  column.Text(internal::ColumnTypeName(type)).Int(SqlCount(rows));
  if (levels) {
    column.Text(internal::ToJsonList(*levels));
  } else {
    column.Null();
  }
  db_->Defer(
      "INSERT INTO columns (owner_kind, owner_id, name, type, rows, levels) "
      "VALUES ($1, $2, $3, $4, $5, $6)",
      std::move(column));
}

void PostgresStore::DeferColumnChunk(const ColumnRef& ref, size_t index, std::string_view key) {
  db_->Defer(
      "INSERT INTO column_chunks (owner_kind, owner_id, name, chunk_index, "
      "hash) VALUES ($1, $2, $3, $4, $5)",
      Params()
          .Text(ref.owner_kind)
          .Int(ref.owner_id)
          .Text(ref.name)
          .Int(SqlCount(index))
          .Text(key));
}

Status PostgresStore::WriteColumn(const ColumnRef& ref, ColumnType type,
                                  const std::vector<Chunk>& chunks, size_t rows,
                                  const std::optional<std::vector<std::string>>& levels) {
  // The rows that need no answer go with the next statement that does (a chunk's insert, or
  // the COMMIT): a column costs a round trip per chunk, not three.
  DeferColumn(ref, type, rows, levels);
  for (size_t i = 0; i < chunks.size(); ++i) {
    FS_TRY(key, StoreChunk(chunks[i]));
    DeferColumnChunk(ref, i, key);
  }
  return {};
}

// The columns in `rows`, their fields from `first` on (name, type, rows, levels, then the
// chunk's hash, raw bytes, rows, data): one row per chunk, in order. A row without a column
// (an owner without columns, from an outer join) is skipped.
std::vector<StoredColumn> ColumnsOf(const Rows& rows, int first) {
  std::vector<StoredColumn> out;
  for (int i = 0; i < rows.size(); ++i) {
    const Row row = rows[i];
    if (row.IsNull(first)) continue;
    if (out.empty() || out.back().name != row.Text(first)) {
      StoredColumn column;
      column.name = row.Text(first);
      column.type = row.Text(first + 1);
      column.rows = row.Int(first + 2);
      if (!row.IsNull(first + 3)) column.levels = row.Text(first + 3);
      out.push_back(std::move(column));
    }
    if (row.IsNull(first + 4)) continue;  // a column without chunks (no rows)
    Chunk chunk;
    chunk.hash = row.Text(first + 4);
    chunk.raw_bytes = static_cast<size_t>(std::max<int64_t>(row.Int(first + 5), 0));
    chunk.rows = static_cast<size_t>(std::max<int64_t>(row.Int(first + 6), 0));
    chunk.compressed = row.Bytes(first + 7);
    out.back().chunks.push_back(std::move(chunk));
  }
  return out;
}

// How many fields kSetColumns names (where ColumnsOf starts after them).
constexpr int kSetFields =
    static_cast<int>(std::count(internal::kSetColumns.begin(), internal::kSetColumns.end(), ',')) +
    1;

// A column's fields and its chunks', as ColumnsOf reads them, joined to `col`.
constexpr std::string_view kColumnFields =
    "col.name, col.type, col.rows, col.levels, c.hash, c.raw_bytes, c.rows, c.data";
constexpr std::string_view kChunksOfColumn =
    "LEFT JOIN column_chunks cc ON cc.owner_kind = col.owner_kind AND cc.owner_id = "
    "col.owner_id AND cc.name = col.name LEFT JOIN chunks c ON c.hash = cc.hash";

Result<std::vector<StoredColumn>> PostgresStore::FetchColumns(std::string_view owner_kind,
                                                              int64_t owner_id, bool with_ids) {
  FS_TRY(rows, db_->Query(fmt::format("SELECT {} FROM columns col {} WHERE col.owner_kind = $1 AND "
                                      "col.owner_id = $2 AND ($3 OR col.name <> 'id') ORDER BY "
                                      "col.seq, cc.chunk_index",
                                      kColumnFields, kChunksOfColumn),
                          Params().Text(owner_kind).Int(owner_id).Text(with_ids ? "t" : "f")));
  return ColumnsOf(rows, 0);
}

// The values of `ref`'s column among `columns`, checked against what its owner says.
template <typename T>
Status DecodeColumn(const std::vector<StoredColumn>& columns, const ColumnRef& ref,
                    ColumnType expected, size_t rows, std::vector<T>& out,
                    std::optional<std::vector<std::string>>* levels = nullptr) {
  out.clear();
  const auto found = std::find_if(columns.begin(), columns.end(),
                                  [&](const StoredColumn& c) { return c.name == ref.name; });
  if (found == columns.end()) return Fail(Damaged(Where(ref), "the column is missing"));
  const StoredColumn& m = *found;
  const auto type = ParseColumnType(m.type);
  if (!type) return Fail(Damaged(Where(ref), fmt::format("unknown column type '{}'", m.type)));
  if (*type != expected) {
    return Fail(Damaged(Where(ref), fmt::format("the column has type '{}', expected '{}'", m.type,
                                                internal::ColumnTypeName(expected))));
  }
  if (m.rows < 0 || static_cast<size_t>(m.rows) != rows) {
    return Fail(
        Damaged(Where(ref), fmt::format("the column has {} rows, expected {}", m.rows, rows)));
  }
  if (levels != nullptr) {
    levels->reset();
    if (m.levels) {
      FS_TRY(parsed, internal::ParseJsonList(*m.levels, Where(ref) + ": levels"));
      *levels = std::move(parsed);
    }
  }
  out.reserve(rows);
  for (const Chunk& chunk : m.chunks) {
    const size_t before = out.size();
    if (Status decoded = Decode(chunk, out); !decoded) {
      if (decoded.error().code() != ErrorCode::kDataLoss) return decoded;
      return Fail(Damaged(Where(ref), decoded.error().message()));
    }
    if (out.size() - before != chunk.rows) {
      return Fail(Damaged(Where(ref), fmt::format("chunk {} holds {} values, its row says {}",
                                                  chunk.hash, out.size() - before, chunk.rows)));
    }
  }
  if (out.size() != rows) {
    return Fail(Damaged(Where(ref),
                        fmt::format("the chunks hold {} values, expected {}", out.size(), rows)));
  }
  return {};
}

Status PostgresStore::AddEvalSet(const core::EvalSet& e) {
  return Write([&]() -> Status { return InsertEvalSet(e); });
}

Status PostgresStore::AddRun(const core::Run& run) {
  const auto alone = [&] { return Write([&]() -> Status { return InsertRun(run); }); };
  if (read_only_ || run.predictions.size() > kGroupedValues) return alone();
  PendingRun pending;
  pending.run = &run;
  pending.project_id = project_id_;
  pending.audit = audit_ ? &*audit_ : nullptr;
  const GroupVerdict verdict = GroupCommit::For(url_).Join(
      pending, [this](const std::vector<PendingRun*>& group) { return StoreGroup(group); });
  switch (verdict.state) {
    case GroupVerdict::State::kStored:
      if (audit_ && audit_written_ != nullptr) *audit_written_ = true;
      return {};
    case GroupVerdict::State::kFailed:
      return Fail(*verdict.failure);
    default:
      return alone();
  }
}

std::vector<GroupVerdict> PostgresStore::StoreGroup(const std::vector<PendingRun*>& group) {
  using State = GroupVerdict::State;
  if (group.size() == 1) {  // this Store's own run (a leader's group holds its run), alone
    const Status done = Write([&]() -> Status { return InsertRun(*group[0]->run); });
    if (done) return {GroupVerdict{State::kStored, std::nullopt}};
    return {GroupVerdict{State::kFailed, done.error()}};
  }
  bool inserted = false;  // the body ended well: a failure after it is the COMMIT's
  const Status done = db_->Transaction([&]() -> Status {
    inserted = false;
    FS_CHECK(InsertGroup(group));
    inserted = true;
    return {};
  });
  GroupVerdict verdict{State::kStored, std::nullopt};
  if (!done) {
    // A COMMIT without an answer (the connection lost) may have stored the group: storing
    // its runs again could store them twice, so each writer is told, as it would be alone.
    // Any other failure rolled the whole group back.
    const bool unknown = inserted && done.error().code() == ErrorCode::kUnavailable;
    verdict = unknown ? GroupVerdict{State::kFailed, done.error()}
                      : GroupVerdict{State::kAlone, std::nullopt};
  }
  return std::vector<GroupVerdict>(group.size(), verdict);
}

Status PostgresStore::AddEvalSetWithRuns(const core::EvalSet& e,
                                         const std::vector<core::Run>& runs) {
  return Write([&]() -> Status {
    FS_CHECK(InsertEvalSet(e));
    for (const core::Run& run : runs) FS_CHECK(InsertRun(run));
    return {};
  });
}

Status PostgresStore::InsertEvalSet(const core::EvalSet& e) {
  FS_CHECK(internal::CheckEvalSet(e));
  const auto taken = [&] {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("an evaluation set named '{}' exists already{}; choose another name",
                            e.name, InProject()));
  };
  // A name taken already fails the insert (the unique key), without a round trip to ask.
  auto inserted = db_->Query(
      "INSERT INTO evalsets (project_id, name, task, rows, classes, "
      "source, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) "
      "RETURNING id",
      Params()
          .Int(project_id_)
          .Text(e.name)
          .Text(core::EvalTaskName(e.task))
          .Int(SqlCount(e.size()))
          .Text(internal::ToJsonList(e.classes))
          .Text(e.source)
          .Text(e.created_at));
  // Another writer took the name between the check and the insert.
  if (!inserted && inserted.error().code() == ErrorCode::kAlreadyExists) return taken();
  if (!inserted) return Fail(inserted.error());
  const int64_t id = (*inserted)[0].Int(0);
  const std::string item = SetItem(e.name);
  FS_CHECK(WriteColumn({kEvalSetOwner, id, "id", item}, ColumnType::kString,
                       internal::EncodeStrings(e.ids), e.ids.size()));
  if (e.task == core::EvalTask::kRegression) {
    FS_CHECK(WriteColumn({kEvalSetOwner, id, "target", item}, ColumnType::kFloat64,
                         internal::EncodeFloat64(e.targets), e.targets.size()));
  } else {
    FS_CHECK(WriteColumn({kEvalSetOwner, id, "label", item}, ColumnType::kInt32,
                         internal::EncodeInt32(e.labels), e.labels.size()));
  }
  for (const core::SliceColumn& slice : e.slices) {
    const std::string column = std::string(kSlicePrefix) + slice.name;
    FS_CHECK(WriteColumn({kEvalSetOwner, id, column, item}, ColumnType::kInt32,
                         internal::EncodeInt32(slice.codes), slice.codes.size(), slice.levels));
  }
  return {};
}

Result<core::EvalSet> PostgresStore::GetEvalSet(std::string_view name, bool with_ids) {
  // The set's row and its columns in one statement: the set's fields on every row.
  FS_TRY(rows, db_->Query(fmt::format("SELECT e.xmin::text, {}, {} FROM evalsets e LEFT JOIN "
                                      "columns col ON col.owner_kind = '{}' AND col.owner_id = "
                                      "e.id AND ($3 OR col.name <> 'id') {} WHERE e.project_id = "
                                      "$1 AND e.name = $2 ORDER BY col.seq, cc.chunk_index",
                                      internal::kSetColumns, kColumnFields, kEvalSetOwner,
                                      kChunksOfColumn),
                          Params().Int(project_id_).Text(name).Text(with_ids ? "t" : "f")));
  if (rows.empty()) {
    KeptSets::Instance().Forget(url_, project_id_, name);
    return Fail(ErrorCode::kNotFound,
                fmt::format("no evaluation set named '{}'{}; `foresight evalsets` lists them", name,
                            InProject()));
  }
  FS_TRY(row, internal::DecodeSetRow(rows[0], 1));
  const std::vector<StoredColumn> columns = ColumnsOf(rows, 1 + kSetFields);
  core::EvalSet e;
  e.store_key = internal::SetKey(row.id, rows[0].Text(0));
  e.name = row.info.name;
  e.task = row.info.task;
  e.classes = row.info.classes;
  e.source = row.source;
  e.created_at = row.info.created_at;
  const std::string item = SetItem(name);
  const size_t n = row.info.rows;
  if (with_ids) {
    FS_CHECK(
        DecodeColumn(columns, {kEvalSetOwner, row.id, "id", item}, ColumnType::kString, n, e.ids));
  }
  if (e.task == core::EvalTask::kRegression) {
    FS_CHECK(DecodeColumn(columns, {kEvalSetOwner, row.id, "target", item}, ColumnType::kFloat64, n,
                          e.targets));
  } else {
    FS_CHECK(DecodeColumn(columns, {kEvalSetOwner, row.id, "label", item}, ColumnType::kInt32, n,
                          e.labels));
  }
  for (const StoredColumn& stored : columns) {
    if (!stored.name.starts_with(kSlicePrefix)) continue;
    core::SliceColumn slice;
    slice.name = stored.name.substr(kSlicePrefix.size());
    std::optional<std::vector<std::string>> levels;
    FS_CHECK(DecodeColumn(columns, {kEvalSetOwner, row.id, stored.name, item}, ColumnType::kInt32,
                          n, slice.codes, &levels));
    if (!levels) {
      return Fail(Damaged(fmt::format("{}: column '{}'", item, stored.name),
                          "a slice column without levels"));
    }
    slice.levels = std::move(*levels);
    e.slices.push_back(std::move(slice));
  }
  FS_CHECK(internal::CheckDecodedSet(e, item));
  if (with_ids) KeptSets::Instance().Remember(url_, project_id_, e);
  return e;
}

Result<Store::SetForRun> PostgresStore::GetEvalSetForRun(std::string_view name) {
  if (auto kept = KeptSets::Instance().Find(url_, project_id_, name)) {
    return SetForRun{*kept, true};
  }
  FS_TRY(set, GetEvalSet(name, true));
  return SetForRun{std::move(set), false};
}

Result<std::vector<core::EvalSetInfo>> PostgresStore::ListEvalSets() {
  FS_TRY(rows, db_->Query(fmt::format("SELECT {}, c.name FROM evalsets e LEFT JOIN columns c ON "
                                      "c.owner_kind = 'evalset' AND c.owner_id = e.id AND "
                                      "starts_with(c.name, 'slice:') WHERE e.project_id = $1 "
                                      "ORDER BY e.id, c.seq",
                                      internal::kSetColumns),
                          Params().Int(project_id_)));
  std::vector<core::EvalSetInfo> out;
  int64_t last_id = -1;
  for (int i = 0; i < rows.size(); ++i) {
    const Row row = rows[i];
    if (row.Int(0) != last_id) {
      FS_TRY(set, internal::DecodeSetRow(row, 0));
      last_id = set.id;
      out.push_back(std::move(set.info));
    }
    if (!row.IsNull(7)) out.back().slices.push_back(row.Text(7).substr(kSlicePrefix.size()));
  }
  return out;
}

// The set is found and the run inserted in one statement, which returns the new run's id,
// the set's `xmin` (its key's second half) and its row: no set, no row; a name taken
// already, no id (the insert does nothing). A set deleted meanwhile fails the insert (the
// foreign key).
const std::string& InsertRunSql() {
  static const std::string sql = fmt::format(
      "WITH e AS (SELECT {0}, e.xmin::text AS version FROM evalsets e WHERE e.project_id = $1 "
      "AND e.name = $3), r AS (INSERT INTO runs (project_id, name, evalset_id, method, "
      "train_size, effort_hours, created_at) SELECT $1, $2, e.id, $4, $5, $6, $7 FROM e ON "
      "CONFLICT (project_id, name) DO NOTHING RETURNING id) SELECT (SELECT id FROM r), "
      "e.version, {0} FROM e",
      internal::kSetColumns);
  return sql;
}

Params InsertRunParams(int64_t project_id, const core::Run& run) {
  return Params()
      .Int(project_id)
      .Text(run.name)
      .Text(run.evalset)
      .Text(run.method)
      .Int(run.train_size)
      .Double(run.effort_hours)
      .Text(run.created_at);
}

Result<int64_t> PostgresStore::InsertedRun(const Rows& inserted, const core::Run& run) const {
  // The checks go in the order the other backends make them (no set, the predictions' count,
  // the attributes, the name); a refusal after the insert rolls it back with the transaction.
  if (inserted.empty()) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no evaluation set named '{}'{}; add it first with `foresight "
                            "evalset add`",
                            run.evalset, InProject()));
  }
  FS_TRY(set, internal::DecodeSetRow(inserted[0], 2));
  if (!run.evalset_key.empty() &&
      internal::SetKey(set.id, inserted[0].Text(1)) != run.evalset_key) {
    // Aligned to a set that another writer has replaced since (deleted, and added again
    // under its name): its predictions may be in another order than this set's examples.
    KeptSets::Instance().Forget(url_, project_id_, run.evalset);
    return Fail(internal::SetReplaced(run, InProject()));
  }
  const size_t expected = set.info.rows * internal::PredictionWidth(set.info);
  if (run.predictions.size() != expected) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("run '{}' has {} prediction values; evaluation set '{}' needs {}",
                            run.name, run.predictions.size(), run.evalset, expected));
  }
  FS_CHECK(internal::CheckAttributes(run));
  if (inserted[0].IsNull(0)) {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("a run named '{}' exists already{}; choose another name", run.name,
                            InProject()));
  }
  return inserted[0].Int(0);
}

void PostgresStore::DeferAttributes(int64_t id, const core::Run& run) {
  for (const auto& [kind, list] : {std::pair{"param", &run.params}, std::pair{"tag", &run.tags}}) {
    for (const auto& [key, value] : *list) {
      db_->Defer(
          "INSERT INTO run_attributes (run_id, kind, key, value) VALUES ($1, $2, "
          "$3, $4)",
          Params().Int(id).Text(kind).Text(key).Text(value));
    }
  }
}

Status PostgresStore::InsertRun(const core::Run& run) {
  FS_TRY(inserted, db_->Query(InsertRunSql(), InsertRunParams(project_id_, run)));
  FS_TRY(id, InsertedRun(inserted, run));
  DeferAttributes(id, run);
  return WriteColumn({kRunOwner, id, kPredictions, RunItem(run.name)}, ColumnType::kFloat64,
                     internal::EncodeFloat64(run.predictions), run.predictions.size());
}

Status PostgresStore::InsertGroup(const std::vector<PendingRun*>& group) {
  // Each run and its set, one round trip for all.
  std::vector<Params> run_params;
  run_params.reserve(group.size());
  std::vector<Connection::Statement> statements;
  statements.reserve(group.size());
  for (const PendingRun* pending : group) {
    run_params.push_back(InsertRunParams(pending->project_id, *pending->run));
    statements.push_back({InsertRunSql(), &run_params.back()});
  }
  FS_TRY(inserted, db_->QueryAll(statements));
  std::vector<int64_t> ids;
  ids.reserve(group.size());
  for (size_t i = 0; i < group.size(); ++i) {
    FS_TRY(id, InsertedRun(inserted[i], *group[i]->run));
    ids.push_back(id);
  }
  // The columns (one statement for all, sent with the chunks), then every chunk's first
  // try, one round trip for all, in the order of their hashes (two groups sharing chunks
  // lock them in the same order).
  std::vector<std::vector<Chunk>> chunks;
  chunks.reserve(group.size());
  std::vector<int64_t> rows;
  rows.reserve(group.size());
  for (const PendingRun* pending : group) {
    chunks.push_back(internal::EncodeFloat64(pending->run->predictions));
    rows.push_back(SqlCount(pending->run->predictions.size()));
  }
  db_->Defer(
      "INSERT INTO columns (owner_kind, owner_id, name, type, rows) SELECT $1, id, $2, $3, n "
      "FROM unnest($4::bigint[], $5::bigint[]) AS t(id, n)",
      Params()
          .Text(kRunOwner)
          .Text(kPredictions)
          .Text(internal::ColumnTypeName(ColumnType::kFloat64))
          .IntArray(ids)
          .IntArray(rows));
  std::vector<std::pair<size_t, size_t>> order;  // (run, chunk)
  for (size_t i = 0; i < chunks.size(); ++i) {
    for (size_t j = 0; j < chunks[i].size(); ++j) order.emplace_back(i, j);
  }
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return chunks[a.first][a.second].hash < chunks[b.first][b.second].hash;
  });
  std::vector<Params> chunk_params;
  chunk_params.reserve(order.size());
  statements.clear();
  for (const auto& [i, j] : order) {
    chunk_params.push_back(StoreChunkParams(chunks[i][j].hash, chunks[i][j]));
    statements.push_back({kStoreChunk, &chunk_params.back()});
  }
  FS_TRY(tried, db_->QueryAll(statements));
  std::vector<std::vector<std::string>> keys(chunks.size());
  for (size_t i = 0; i < chunks.size(); ++i) keys[i].resize(chunks[i].size());
  for (size_t k = 0; k < order.size(); ++k) {
    const auto& [i, j] = order[k];
    if (ChunkTried(tried[k][0]) == ChunkTry::kHeld) {
      keys[i][j] = chunks[i][j].hash;
    } else {  // another content under the hash, or a concurrent writer: the slow way
      FS_TRY(key, StoreChunk(chunks[i][j]));
      keys[i][j] = std::move(key);
    }
  }
  // The rest needs no answer: a statement per table for all the group's rows, sent with the
  // COMMIT.
  std::vector<int64_t> owners;
  std::vector<int64_t> indexes;
  std::vector<std::string> hashes;
  std::vector<int64_t> attribute_runs;
  std::vector<std::string> kinds;
  std::vector<std::string> attribute_keys;
  std::vector<std::string> values;
  std::array<std::vector<std::string>, 5> audit_text;  // at, user, action, project, target
  std::vector<int64_t> audit_status;
  for (size_t i = 0; i < group.size(); ++i) {
    for (size_t j = 0; j < keys[i].size(); ++j) {
      owners.push_back(ids[i]);
      indexes.push_back(SqlCount(j));
      hashes.push_back(std::move(keys[i][j]));
    }
    const core::Run& run = *group[i]->run;
    for (const auto& [kind, list] :
         {std::pair{"param", &run.params}, std::pair{"tag", &run.tags}}) {
      for (const auto& [key, value] : *list) {
        attribute_runs.push_back(ids[i]);
        kinds.emplace_back(kind);
        attribute_keys.push_back(key);
        values.push_back(value);
      }
    }
    if (const core::AuditEntry* e = group[i]->audit) {
      audit_text[0].push_back(e->at);
      audit_text[1].push_back(e->user);
      audit_text[2].push_back(e->action);
      audit_text[3].push_back(e->project);
      audit_text[4].push_back(e->target);
      audit_status.push_back(int64_t{e->status});
    }
  }
  db_->Defer(
      "INSERT INTO column_chunks (owner_kind, owner_id, name, chunk_index, hash) SELECT $1, id, "
      "$2, i, h FROM unnest($3::bigint[], $4::int[], $5::text[]) AS t(id, i, h)",
      Params()
          .Text(kRunOwner)
          .Text(kPredictions)
          .IntArray(owners)
          .IntArray(indexes)
          .TextArray(hashes));
  if (!attribute_runs.empty()) {
    db_->Defer(
        "INSERT INTO run_attributes (run_id, kind, key, value) SELECT * FROM "
        "unnest($1::bigint[], $2::text[], $3::text[], $4::text[])",
        Params()
            .IntArray(attribute_runs)
            .TextArray(kinds)
            .TextArray(attribute_keys)
            .TextArray(values));
  }
  if (!audit_status.empty()) {
    db_->Defer(
        "INSERT INTO audit_log (at, user_name, action, project, target, status) SELECT * FROM "
        "unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])",
        Params()
            .TextArray(audit_text[0])
            .TextArray(audit_text[1])
            .TextArray(audit_text[2])
            .TextArray(audit_text[3])
            .TextArray(audit_text[4])
            .IntArray(audit_status));
  }
  return {};
}

Result<core::Run> PostgresStore::GetRun(std::string_view name) {
  FS_TRY(rows, db_->Query(fmt::format("SELECT {}, {} FROM runs r JOIN evalsets e ON e.id = "
                                      "r.evalset_id WHERE r.project_id = $1 AND r.name = $2",
                                      internal::kRunColumns, internal::kSetColumns),
                          Params().Int(project_id_).Text(name)));
  if (rows.empty()) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no run named '{}'{}; `foresight runs` lists them", name, InProject()));
  }
  const Row row = rows[0];
  const int64_t id = row.Int(0);
  const core::RunInfo info = internal::DecodeRunInfo(row);
  FS_TRY(set, internal::DecodeSetRow(row, 7));
  core::Run run;
  run.name = info.name;
  run.evalset = info.evalset;
  run.method = info.method;
  run.train_size = info.train_size;
  run.effort_hours = info.effort_hours;
  run.created_at = info.created_at;
  const std::string item = RunItem(name);
  FS_TRY(attrs, db_->Query("SELECT kind, key, value FROM run_attributes WHERE run_id = $1 ORDER "
                           "BY seq",
                           Params().Int(id)));
  for (int i = 0; i < attrs.size(); ++i) {
    FS_CHECK(internal::DecodeAttribute(attrs[i], 0, item, run.params, run.tags));
  }
  FS_TRY(columns, FetchColumns(kRunOwner, id, true));
  FS_CHECK(DecodeColumn(columns, {kRunOwner, id, kPredictions, item}, ColumnType::kFloat64,
                        set.info.rows * internal::PredictionWidth(set.info), run.predictions));
  return run;
}

Result<std::vector<core::RunInfo>> PostgresStore::ListRuns(const RunFilter& filter) {
  Params params;
  params.Int(project_id_);
  int next = 1;
  const auto add = [&](std::string_view text) {
    params.Text(text);
    return ++next;
  };
  std::string where = "r.project_id = $1";
  if (filter.evalset) {
    where += fmt::format(
        " AND r.evalset_id = (SELECT id FROM evalsets WHERE project_id = $1 AND name = ${})",
        add(*filter.evalset));
  }
  if (filter.method) where += fmt::format(" AND r.method = ${}", add(*filter.method));
  for (const auto& [key, value] : filter.tags) {
    const int k = add(key);
    const int v = add(value);
    where += fmt::format(
        " AND EXISTS (SELECT 1 FROM run_attributes a WHERE a.run_id = r.id AND a.kind = 'tag' "
        "AND a.key = ${} AND a.value = ${})",
        k, v);
  }
  // LIMIT NULL is no limit.
  params.Int(filter.limit == 0 ? std::optional<int64_t>() : SqlCount(filter.limit));
  params.Int(SqlCount(filter.offset));
  FS_TRY(rows,
         db_->Query(fmt::format("SELECT {}, a.kind, a.key, a.value FROM (SELECT r.* FROM runs r "
                                "WHERE {} ORDER BY r.id LIMIT ${} OFFSET ${}) r JOIN evalsets e "
                                "ON e.id = r.evalset_id LEFT JOIN run_attributes a ON a.run_id = "
                                "r.id ORDER BY r.id, a.seq",
                                internal::kRunColumns, where, next + 1, next + 2),
                    params));
  std::vector<core::RunInfo> out;
  int64_t last_id = -1;
  for (int i = 0; i < rows.size(); ++i) {
    const Row row = rows[i];
    if (row.Int(0) != last_id) {
      last_id = row.Int(0);
      out.push_back(internal::DecodeRunInfo(row));
    }
    if (row.IsNull(7)) continue;
    core::RunInfo& info = out.back();
    FS_CHECK(internal::DecodeAttribute(row, 7, RunItem(info.name), info.params, info.tags));
  }
  return out;
}

Result<std::optional<core::CriteriaVersion>> PostgresStore::RecordCriteria(
    const core::CriteriaVersion& c) {
  std::optional<core::CriteriaVersion> last;
  // A transaction even for a read-only Store's caller: recording criteria is a write.
  Status done = Write([&]() -> Status {
    last.reset();
    // One writer at a time per project, so two first runs of a new charter record it once.
    FS_CHECK(
        db_->Exec("SELECT id FROM projects WHERE id = $1 FOR UPDATE", Params().Int(project_id_)));
    FS_TRY(latest, db_->Query(fmt::format("SELECT {} FROM criteria WHERE project_id = $1 ORDER "
                                          "BY id DESC LIMIT 1",
                                          internal::kCriteriaColumns),
                              Params().Int(project_id_)));
    if (!latest.empty()) last = internal::DecodeCriteria(latest[0]);
    if (last && last->charter_hash == c.charter_hash) return {};
    return db_->Exec(fmt::format("INSERT INTO criteria (project_id, {}) VALUES ($1, $2, $3, $4, "
                                 "$5, $6)",
                                 internal::kCriteriaColumns),
                     Params()
                         .Int(project_id_)
                         .Text(c.charter_hash)
                         .Text(c.metric)
                         .Double(c.threshold)
                         .Double(c.confidence)
                         .Text(c.seen_at));
  });
  if (!done) return Fail(done.error());
  return last;
}

Result<std::vector<core::CriteriaVersion>> PostgresStore::ListCriteria() {
  FS_TRY(rows, db_->Query(fmt::format("SELECT {} FROM criteria WHERE project_id = $1 ORDER BY id",
                                      internal::kCriteriaColumns),
                          Params().Int(project_id_)));
  std::vector<core::CriteriaVersion> out;
  out.reserve(static_cast<size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.push_back(internal::DecodeCriteria(rows[i]));
  return out;
}

Status PostgresStore::AddPlanEvents(const std::vector<core::PlanEvent>& events) {
  FS_CHECK(internal::CheckPlanEvents(events));
  if (events.empty()) return {};
  return Write([&]() -> Status {
    for (const core::PlanEvent& e : events) {
      FS_CHECK(db_->Exec(fmt::format("INSERT INTO plan_events (project_id, {}) VALUES ($1, $2, "
                                     "$3, $4, $5, $6, $7, $8, $9, $10, $11)",
                                     internal::kPlanEventColumns),
                         Params()
                             .Int(project_id_)
                             .Text(e.method)
                             .Text(internal::PlanEventKindName(e.kind).value_or(""))
                             .Text(e.on)
                             .Double(e.optimistic)
                             .Double(e.likely)
                             .Double(e.pessimistic)
                             .Text(e.role)
                             .Double(e.effort)
                             .Text(e.note)
                             .Text(e.recorded_at)));
    }
    return {};
  });
}

Result<std::vector<core::PlanEvent>> PostgresStore::ListPlanEvents() {
  FS_TRY(rows, db_->Query(fmt::format("SELECT id, {} FROM plan_events WHERE project_id = $1 "
                                      "ORDER BY id",
                                      internal::kPlanEventColumns),
                          Params().Int(project_id_)));
  std::vector<core::PlanEvent> out;
  out.reserve(static_cast<size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    FS_TRY(event, internal::DecodePlanEvent(rows[i]));
    out.push_back(std::move(event));
  }
  return out;
}

Result<std::vector<std::optional<std::string>>> PostgresStore::GetCachedResults(
    std::string_view key, const std::vector<std::string>& runs) {
  std::vector<std::optional<std::string>> out(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    FS_TRY(rows, db_->Query("SELECT c.value FROM results c JOIN runs r ON r.id = c.run_id WHERE "
                            "r.project_id = $1 AND r.name = $2 AND c.key = $3",
                            Params().Int(project_id_).Text(runs[i]).Text(key)));
    if (!rows.empty()) out[i] = rows[0].Bytes(0);
  }
  return out;
}

Status PostgresStore::PutCachedResults(const std::vector<core::CachedResult>& entries) {
  if (entries.empty()) return {};
  return Write([&]() -> Status {
    for (const core::CachedResult& entry : entries) {
      FS_TRY(run_id, FindId("runs", entry.run));
      if (!run_id) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no run named '{}'{}: nothing cached", entry.run, InProject()));
      }
      FS_CHECK(
          db_->Exec("INSERT INTO results (run_id, key, value) VALUES ($1, $2, $3) ON "
                    "CONFLICT (run_id, key) DO UPDATE SET value = excluded.value",
                    Params().Int(*run_id).Text(entry.key).Bytes(entry.value)));
    }
    return {};
  });
}

Result<std::vector<std::string>> ProjectNames(Connection& db) {
  FS_TRY(rows, db.Query("SELECT name FROM projects ORDER BY id"));
  std::vector<std::string> out;
  out.reserve(static_cast<size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.push_back(rows[i].Text(0));
  return out;
}

Result<std::vector<std::string>> PostgresStore::ListProjects() { return ProjectNames(*db_); }

Status PostgresStore::CreateProject(std::string_view name) {
  if (Status fits = CheckProjectName(name); !fits) return fits;
  const auto taken = [&] {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("a project named '{}' exists already; choose another name", name));
  };
  return Write([&]() -> Status {
    auto inserted = db_->Query(
        "INSERT INTO projects (name) VALUES ($1) ON CONFLICT (name) DO "
        "NOTHING RETURNING id",
        Params().Text(name));
    if (!inserted) return Fail(inserted.error());
    if (inserted->empty()) return taken();
    return {};
  });
}

Status PostgresStore::EraseColumns(std::string_view owner_kind, int64_t owner_id) {
  FS_TRY(hashes, db_->Query("SELECT DISTINCT hash FROM column_chunks WHERE owner_kind = $1 AND "
                            "owner_id = $2 ORDER BY hash",
                            Params().Text(owner_kind).Int(owner_id)));
  for (const char* table : {"column_chunks", "columns"}) {
    FS_CHECK(db_->Exec(fmt::format("DELETE FROM {} WHERE owner_kind = $1 AND owner_id = $2", table),
                       Params().Text(owner_kind).Int(owner_id)));
  }
  // A chunk goes when no column holds it any more (identical chunks are shared). A writer
  // that shares the chunk holds a key-share lock on it from the moment it decides to (see
  // StoreChunk): the row lock here waits for that writer to finish, and the delete, a new
  // statement, then sees the column it committed and keeps the chunk. A writer that comes
  // after waits for this transaction, finds the chunk gone and stores it again. In hash
  // order, so that two deletes sharing chunks cannot lock them crosswise.
  for (int i = 0; i < hashes.size(); ++i) {
    const std::string hash = hashes[i].Text(0);
    FS_CHECK(db_->Exec("SELECT 1 FROM chunks WHERE hash = $1 FOR UPDATE", Params().Text(hash)));
    FS_CHECK(
        db_->Exec("DELETE FROM chunks WHERE hash = $1 AND NOT EXISTS (SELECT 1 FROM "
                  "column_chunks WHERE hash = $1)",
                  Params().Text(hash)));
  }
  return {};
}

Status PostgresStore::EraseRun(int64_t id) {
  for (const char* table : {"results", "run_attributes"}) {
    FS_CHECK(db_->Exec(fmt::format("DELETE FROM {} WHERE run_id = $1", table), Params().Int(id)));
  }
  FS_CHECK(EraseColumns(kRunOwner, id));
  return db_->Exec("DELETE FROM runs WHERE id = $1", Params().Int(id));
}

Status PostgresStore::DeleteRun(std::string_view name) {
  return Write([&]() -> Status {
    FS_TRY(id, FindId("runs", name));
    if (!id) {
      return Fail(ErrorCode::kNotFound, fmt::format("no run named '{}'{}", name, InProject()));
    }
    return EraseRun(*id);
  });
}

Status PostgresStore::DeleteEvalSet(std::string_view name, bool with_runs) {
  KeptSets::Instance().Forget(url_, project_id_, name);
  return Write([&]() -> Status {
    FS_TRY(id, FindId("evalsets", name));
    if (!id) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("no evaluation set named '{}'{}", name, InProject()));
    }
    FS_TRY(runs, db_->Query("SELECT id, name FROM runs WHERE evalset_id = $1 ORDER BY id",
                            Params().Int(*id)));
    if (!runs.empty() && !with_runs) {
      std::string first;
      for (int i = 0; i < runs.size() && i < 3; ++i) {
        first += fmt::format("{}'{}'", i ? ", " : "", runs[i].Text(1));
      }
      const auto n = static_cast<size_t>(runs.size());
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("{} run{} on evaluation set '{}' (first: {}); delete {} first, or "
                              "the set with its runs",
                              n, n == 1 ? " is" : "s are", name, first, n == 1 ? "it" : "them"));
    }
    for (int i = 0; i < runs.size(); ++i) FS_CHECK(EraseRun(runs[i].Int(0)));
    FS_CHECK(EraseColumns(kEvalSetOwner, *id));
    return db_->Exec("DELETE FROM evalsets WHERE id = $1", Params().Int(*id));
  });
}

Status PostgresStore::Rename(std::string_view table, std::string_view noun, std::string_view name,
                             std::string_view new_name) {
  if (new_name.empty()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("a {} needs a name", noun));
  }
  const auto taken = [&] {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("a {} named '{}' exists already{}; choose another name", noun, new_name,
                            InProject()));
  };
  return Write([&]() -> Status {
    FS_TRY(id, FindId(table, name));
    if (!id) {
      return Fail(ErrorCode::kNotFound, fmt::format("no {} named '{}'{}", noun, name, InProject()));
    }
    FS_TRY(existing, FindId(table, new_name));
    if (existing) return taken();
    Status renamed = db_->Exec(fmt::format("UPDATE {} SET name = $1 WHERE id = $2", table),
                               Params().Text(new_name).Int(*id));
    if (!renamed && renamed.error().code() == ErrorCode::kAlreadyExists) return taken();
    return renamed;
  });
}

Status PostgresStore::RenameRun(std::string_view name, std::string_view new_name) {
  return Rename("runs", "run", name, new_name);
}

Status PostgresStore::RenameEvalSet(std::string_view name, std::string_view new_name) {
  KeptSets::Instance().Forget(url_, project_id_, name);
  KeptSets::Instance().Forget(url_, project_id_, new_name);
  return Rename("evalsets", "evaluation set", name, new_name);
}

// The schema version, 0 when foresight's tables are not there.
Result<int> ReadVersion(Connection& db) {
  FS_TRY(exists, db.Query("SELECT to_regclass('foresight_schema') IS NOT NULL"));
  if (exists.empty() || exists[0].Text(0) != "t") return 0;
  FS_TRY(rows, db.Query("SELECT version FROM foresight_schema"));
  const int version = rows.empty() ? 0 : static_cast<int>(rows[0].Int(0));
  const auto latest = static_cast<int>(kMigrations.size());
  if (version > latest) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the database has foresight schema version {}, but this foresight "
                            "knows versions up to {}; upgrade foresight",
                            version, latest));
  }
  return version;
}

Status Migrate(Connection& db, const std::string& url, Access access) {
  FS_TRY(current, ReadVersion(db));
  const auto latest = static_cast<int>(kMigrations.size());
  if (current == latest) return {};
  if (current == 0 && access != Access::kCreate) {
    return Fail(
        ErrorCode::kNotFound,
        fmt::format(
            "the database at '{}' holds no foresight data yet; create it first "
            "(`foresight migrate --to URL` or `foresight serve --store URL` makes its tables)",
            Redacted(url)));
  }
  if (access == Access::kReadOnly) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the database at '{}' was made by an earlier foresight and must be "
                            "upgraded, which writes to it; open it once to write",
                            Redacted(url)));
  }
  // One connection migrates; the others wait for its lock, then find the work done. The lock
  // is taken before the transaction begins, so the transaction sees the tables the other
  // made (a lock taken inside it would leave its view of the catalog stale).
  FS_CHECK(db.Exec("SELECT pg_advisory_lock($1)", Params().Int(kMigrationLock)));
  Status migrated = db.Transaction([&]() -> Status {
    FS_TRY(version, ReadVersion(db));
    if (version == 0) {
      FS_CHECK(db.Exec("CREATE TABLE foresight_schema (version integer NOT NULL)"));
      FS_CHECK(db.Exec("INSERT INTO foresight_schema (version) VALUES (0)"));
    }
    for (int next = version + 1; next <= latest; ++next) {
      FS_CHECK(db.ExecScript(kMigrations[static_cast<size_t>(next - 1)]));
      FS_CHECK(db.Exec("UPDATE foresight_schema SET version = $1", Params().Int(next)));
    }
    return {};
  });
  // A lost connection releases the lock by itself.
  (void)db.Exec("SELECT pg_advisory_unlock($1)", Params().Int(kMigrationLock));
  return migrated;
}

}  // namespace pg_store

void HoldGroupsForTesting(const std::string& url, bool held) {
  pg_store::GroupCommit::For(url).HoldForTesting(held, 0);
}
void AwaitGroupForTesting(const std::string& url, size_t writers) {
  pg_store::GroupCommit::For(url).HoldForTesting(true, writers);
}

int LatestSchemaVersion() { return static_cast<int>(pg_store::kMigrations.size()); }

namespace pg_store {

// The ids of the projects found so far, per database URL. A project is never renamed or
// deleted, so its id stays valid while the database does; a new connection (the pool had
// none that the server still served: a restart, a database dropped and made again) forgets
// the URL's ids. Saves every call on a project a round trip.
class ProjectIds {
 public:
  static ProjectIds& Instance() {
    // Never destroyed: Stores may be opened by other threads during exit.
    static auto* ids = new ProjectIds();  // NOLINT(cppcoreguidelines-owning-memory)
    return *ids;
  }
  std::optional<int64_t> Find(const std::string& url, std::string_view project) {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto database = known_.find(url);
    if (database == known_.end()) return std::nullopt;
    auto found = database->second.find(std::string(project));
    if (found == database->second.end()) return std::nullopt;
    return found->second;
  }
  void Remember(const std::string& url, std::string_view project, int64_t id) {
    const std::lock_guard<std::mutex> lock(mutex_);
    known_[url][std::string(project)] = id;
  }
  void Forget(const std::string& url) {
    const std::lock_guard<std::mutex> lock(mutex_);
    known_.erase(url);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::map<std::string, int64_t>, std::less<>> known_;
};

// A connection to a store at the current schema, read-only for kReadOnly.
Result<Lease> OpenMigrated(const std::string& url, Access access) {
  // Pooled per URL and mode: a read-only connection stays one.
  const std::string key = (access == Access::kReadOnly ? "ro " : "rw ") + url;
  // Still connected, and still at this build's schema (another foresight may have migrated
  // the database since).
  const auto current = [](Connection& db) {
    auto version = db.Query("SELECT version FROM foresight_schema");
    return version && !version->empty() &&
           version->operator[](0).Int(0) == static_cast<int64_t>(kMigrations.size());
  };
  if (Lease pooled = TakePooled(key, current)) return pooled;
  FS_TRY(db, Connection::Open(url));
  ProjectIds::Instance().Forget(url);
  KeptSets::Instance().Forget(url);
  // Writes are durable when acknowledged: a commit returns once it is flushed to disk.
  FS_CHECK(db->Exec("SET synchronous_commit = on"));
  FS_CHECK(Migrate(*db, url, access));
  if (access == Access::kReadOnly) FS_CHECK(db->Exec("SET default_transaction_read_only = on"));
  return Leased(std::move(db), key);
}

}  // namespace pg_store

Result<std::unique_ptr<Accounts>> OpenPostgresAccounts(const std::string& url, Access access) {
  FS_TRY(db, pg_store::OpenMigrated(url, access));
  return MakePostgresAccounts(std::move(db), url);
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, std::string_view project,
                                                 Access access) {
  FS_TRY(db, pg_store::OpenMigrated(url, access));
  const bool read_only = access == Access::kReadOnly;
  pg_store::ProjectIds& ids = pg_store::ProjectIds::Instance();
  if (const std::optional<int64_t> known = ids.Find(url, project)) {
    return std::unique_ptr<Store>(std::make_unique<pg_store::PostgresStore>(
        std::move(db), url, *known, std::string(project), read_only));
  }
  FS_TRY(found, db->Query("SELECT id FROM projects WHERE name = $1", Params().Text(project)));
  if (found.empty()) {
    FS_TRY(names, pg_store::ProjectNames(*db));
    std::string known;
    for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
    return Fail(ErrorCode::kNotFound,
                fmt::format("no project named '{}' in '{}' (the projects are: {}); create it "
                            "first",
                            project, Redacted(url), known));
  }
  const int64_t project_id = found[0].Int(0);
  ids.Remember(url, project, project_id);
  return std::unique_ptr<Store>(std::make_unique<pg_store::PostgresStore>(
      std::move(db), url, project_id, std::string(project), read_only));
}

}  // namespace foresight::store::postgres
