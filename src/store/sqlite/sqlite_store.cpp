#include "store/sqlite/sqlite_store.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "store/internal/column_codec.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"

namespace foresight::store::sqlite {
namespace {

using internal::Chunk;
using internal::ColumnType;

constexpr std::string_view kEvalSetOwner = "evalset";
constexpr std::string_view kRunOwner = "run";
constexpr std::string_view kSlicePrefix = "slice:";

// Early returns for Result values inside functions returning Status or Result<T>.
#define FS_CONCAT_INNER(a, b) a##b
#define FS_CONCAT(a, b) FS_CONCAT_INNER(a, b)
#define FS_TRY(var, expr)                                                     \
  auto FS_CONCAT(var, _result) = (expr);                                      \
  if (!FS_CONCAT(var, _result)) return Fail(FS_CONCAT(var, _result).error()); \
  auto& var = *FS_CONCAT(var, _result)  // NOLINT(bugprone-macro-parentheses)
#define FS_CHECK_IMPL(expr, name)                                   \
  do {                                                              \
    if (Status name = (expr); !(name)) return Fail((name).error()); \
  } while (false)
#define FS_CHECK(expr) FS_CHECK_IMPL(expr, FS_CONCAT(fs_status_, __COUNTER__))

std::string ToJsonList(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump();
}

std::vector<std::string> FromJsonList(const std::string& text) {
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_array()) return {};
  std::vector<std::string> out;
  for (const auto& v : json) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  Status Migrate(int target);

  Status AddEvalSet(const core::EvalSet& evalset) override;
  Result<core::EvalSet> GetEvalSet(std::string_view name) override;
  Result<std::vector<core::EvalSetInfo>> ListEvalSets() override;
  Status AddRun(const core::Run& run) override;
  Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                            const std::vector<core::Run>& runs) override;
  Result<core::Run> GetRun(std::string_view name) override;
  Result<std::vector<core::RunInfo>> ListRuns() override;
  Result<std::optional<core::CriteriaVersion>> RecordCriteria(
      const core::CriteriaVersion& criteria) override;
  Result<std::vector<core::CriteriaVersion>> ListCriteria() override;

 private:
  Status WriteColumn(std::string_view owner, int64_t owner_id, std::string_view name,
                     ColumnType type, size_t rows, const std::vector<Chunk>& chunks,
                     const std::optional<std::vector<std::string>>& levels);
  Result<std::vector<Chunk>> ReadChunks(std::string_view owner, int64_t owner_id,
                                        std::string_view name);
  Result<std::optional<int64_t>> FindId(std::string_view table, std::string_view name);
  Result<core::EvalSetInfo> ReadEvalSetInfo(Statement& row);
  // The writes of AddEvalSet and AddRun, inside the caller's transaction.
  Status InsertEvalSet(const core::EvalSet& evalset);
  Status InsertRun(const core::Run& run);

  std::unique_ptr<Database> db_;
};

Status SqliteStore::Migrate(int target) {
  FS_TRY(version_stmt, db_->Prepare("PRAGMA user_version"));
  FS_TRY(has_row, version_stmt.Step());
  const int current = has_row ? static_cast<int>(version_stmt.Int(0)) : 0;
  const int latest = LatestSchemaVersion();
  if (current > latest) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the workspace database has schema version {}, but this foresight "
                            "knows versions up to {}; upgrade foresight",
                            current, latest));
  }
  const auto migrations = Migrations();
  for (int v = current + 1; v <= target; ++v) {
    FS_CHECK(InTransaction(*db_, [&]() -> Status {
      FS_CHECK(db_->Exec(std::string(migrations[static_cast<size_t>(v - 1)])));
      return db_->Exec(fmt::format("PRAGMA user_version = {}", v));
    }));
  }
  return {};
}

Result<std::optional<int64_t>> SqliteStore::FindId(std::string_view table, std::string_view name) {
  FS_TRY(stmt, db_->Prepare(fmt::format("SELECT id FROM {} WHERE name = ?1", table)));
  stmt.Bind(1, name);
  FS_TRY(row, stmt.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(stmt.Int(0));
}

Status SqliteStore::WriteColumn(std::string_view owner, int64_t owner_id, std::string_view name,
                                ColumnType type, size_t rows, const std::vector<Chunk>& chunks,
                                const std::optional<std::vector<std::string>>& levels) {
  FS_TRY(column,
         db_->Prepare("INSERT INTO columns (owner_kind, owner_id, name, type, rows, levels) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  column.Bind(1, owner).Bind(2, owner_id).Bind(3, name).Bind(4, internal::ColumnTypeName(type));
  column.Bind(5, static_cast<int64_t>(rows));
  if (levels) {
    column.Bind(6, std::string_view(ToJsonList(*levels)));
  } else {
    column.BindNull(6);
  }
  FS_CHECK(column.Run());
  for (size_t i = 0; i < chunks.size(); ++i) {
    FS_TRY(chunk, db_->Prepare("INSERT OR IGNORE INTO chunks (hash, codec, raw_bytes, rows, data) "
                               "VALUES (?1, 'zstd', ?2, ?3, ?4)"));
    chunk.Bind(1, std::string_view(chunks[i].hash))
        .Bind(2, static_cast<int64_t>(chunks[i].raw_bytes));
    chunk.Bind(3, static_cast<int64_t>(chunks[i].rows)).BindBlob(4, chunks[i].compressed);
    FS_CHECK(chunk.Run());
    FS_TRY(link,
           db_->Prepare("INSERT INTO column_chunks (owner_kind, owner_id, name, chunk_index, hash) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)"));
    link.Bind(1, owner).Bind(2, owner_id).Bind(3, name).Bind(4, static_cast<int64_t>(i));
    link.Bind(5, std::string_view(chunks[i].hash));
    FS_CHECK(link.Run());
  }
  return {};
}

Result<std::vector<Chunk>> SqliteStore::ReadChunks(std::string_view owner, int64_t owner_id,
                                                   std::string_view name) {
  FS_TRY(stmt, db_->Prepare("SELECT c.hash, c.raw_bytes, c.rows, c.data FROM column_chunks cc "
                            "JOIN chunks c ON c.hash = cc.hash "
                            "WHERE cc.owner_kind = ?1 AND cc.owner_id = ?2 AND cc.name = ?3 "
                            "ORDER BY cc.chunk_index"));
  stmt.Bind(1, owner).Bind(2, owner_id).Bind(3, name);
  std::vector<Chunk> chunks;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    Chunk chunk;
    chunk.hash = stmt.Text(0);
    chunk.raw_bytes = static_cast<size_t>(stmt.Int(1));
    chunk.rows = static_cast<size_t>(stmt.Int(2));
    chunk.compressed = stmt.Blob(3);
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

Status SqliteStore::AddEvalSet(const core::EvalSet& e) {
  return InTransaction(*db_, [&]() -> Status { return InsertEvalSet(e); });
}

Status SqliteStore::AddRun(const core::Run& run) {
  return InTransaction(*db_, [&]() -> Status { return InsertRun(run); });
}

Status SqliteStore::AddEvalSetWithRuns(const core::EvalSet& e, const std::vector<core::Run>& runs) {
  return InTransaction(*db_, [&]() -> Status {
    FS_CHECK(InsertEvalSet(e));
    for (const core::Run& run : runs) FS_CHECK(InsertRun(run));
    return {};
  });
}

Status SqliteStore::InsertEvalSet(const core::EvalSet& e) {
  FS_TRY(existing, FindId("evalsets", e.name));
  if (existing) {
    return Fail(
        ErrorCode::kAlreadyExists,
        fmt::format("an evaluation set named '{}' exists already; choose another name", e.name));
  }
  FS_TRY(insert,
         db_->Prepare("INSERT INTO evalsets (name, task, rows, classes, source, created_at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  insert.Bind(1, std::string_view(e.name)).Bind(2, core::EvalTaskName(e.task));
  insert.Bind(3, static_cast<int64_t>(e.size())).Bind(4, std::string_view(ToJsonList(e.classes)));
  insert.Bind(5, std::string_view(e.source)).Bind(6, std::string_view(e.created_at));
  FS_CHECK(insert.Run());
  const int64_t id = db_->LastInsertId();
  FS_CHECK(WriteColumn(kEvalSetOwner, id, "id", ColumnType::kString, e.ids.size(),
                       internal::EncodeStrings(e.ids), std::nullopt));
  if (e.task == core::EvalTask::kRegression) {
    FS_CHECK(WriteColumn(kEvalSetOwner, id, "target", ColumnType::kFloat64, e.targets.size(),
                         internal::EncodeFloat64(e.targets), std::nullopt));
  } else {
    FS_CHECK(WriteColumn(kEvalSetOwner, id, "label", ColumnType::kInt32, e.labels.size(),
                         internal::EncodeInt32(e.labels), std::nullopt));
  }
  for (const core::SliceColumn& slice : e.slices) {
    FS_CHECK(WriteColumn(kEvalSetOwner, id, std::string(kSlicePrefix) + slice.name,
                         ColumnType::kInt32, slice.codes.size(), internal::EncodeInt32(slice.codes),
                         slice.levels));
  }
  return {};
}

Result<core::EvalSetInfo> SqliteStore::ReadEvalSetInfo(Statement& row) {
  core::EvalSetInfo info;
  info.name = row.Text(1);
  info.task = core::ParseEvalTask(row.Text(2)).value_or(core::EvalTask::kBinary);
  info.rows = static_cast<size_t>(row.Int(3));
  info.classes = FromJsonList(row.Text(4));
  info.created_at = row.Text(6);
  FS_TRY(slices,
         db_->Prepare("SELECT name FROM columns WHERE owner_kind = 'evalset' AND owner_id = ?1 "
                      "AND name LIKE 'slice:%' ORDER BY rowid"));
  slices.Bind(1, row.Int(0));
  while (true) {
    FS_TRY(has, slices.Step());
    if (!has) break;
    info.slices.push_back(slices.Text(0).substr(kSlicePrefix.size()));
  }
  return info;
}

Result<core::EvalSet> SqliteStore::GetEvalSet(std::string_view name) {
  FS_TRY(stmt, db_->Prepare("SELECT id, name, task, rows, classes, source, created_at FROM "
                            "evalsets WHERE name = ?1"));
  stmt.Bind(1, name);
  FS_TRY(row, stmt.Step());
  if (!row) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no evaluation set named '{}'; `foresight evalsets` lists them", name));
  }
  const int64_t id = stmt.Int(0);
  FS_TRY(info, ReadEvalSetInfo(stmt));
  core::EvalSet e;
  e.name = info.name;
  e.task = info.task;
  e.classes = info.classes;
  e.source = stmt.Text(5);
  e.created_at = info.created_at;
  FS_TRY(id_chunks, ReadChunks(kEvalSetOwner, id, "id"));
  for (const Chunk& c : id_chunks) FS_CHECK(internal::DecodeStrings(c, e.ids));
  if (e.task == core::EvalTask::kRegression) {
    FS_TRY(chunks, ReadChunks(kEvalSetOwner, id, "target"));
    for (const Chunk& c : chunks) FS_CHECK(internal::DecodeFloat64(c, e.targets));
  } else {
    FS_TRY(chunks, ReadChunks(kEvalSetOwner, id, "label"));
    for (const Chunk& c : chunks) FS_CHECK(internal::DecodeInt32(c, e.labels));
  }
  for (const std::string& slice_name : info.slices) {
    core::SliceColumn slice;
    slice.name = slice_name;
    const std::string column = std::string(kSlicePrefix) + slice_name;
    FS_TRY(levels, db_->Prepare("SELECT levels FROM columns WHERE owner_kind = 'evalset' AND "
                                "owner_id = ?1 AND name = ?2"));
    levels.Bind(1, id).Bind(2, std::string_view(column));
    FS_TRY(has, levels.Step());
    if (has) slice.levels = FromJsonList(levels.Text(0));
    FS_TRY(chunks, ReadChunks(kEvalSetOwner, id, column));
    for (const Chunk& c : chunks) FS_CHECK(internal::DecodeInt32(c, slice.codes));
    e.slices.push_back(std::move(slice));
  }
  if (e.ids.size() != info.rows) {
    return Fail(ErrorCode::kDataLoss,
                fmt::format("evaluation set '{}' is damaged: {} ids for {} rows", name,
                            e.ids.size(), info.rows));
  }
  return e;
}

Result<std::vector<core::EvalSetInfo>> SqliteStore::ListEvalSets() {
  FS_TRY(stmt,
         db_->Prepare(
             "SELECT id, name, task, rows, classes, source, created_at FROM evalsets ORDER BY id"));
  std::vector<core::EvalSetInfo> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    FS_TRY(info, ReadEvalSetInfo(stmt));
    out.push_back(std::move(info));
  }
  return out;
}

Status SqliteStore::InsertRun(const core::Run& run) {
  FS_TRY(stmt, db_->Prepare("SELECT id, task, rows, classes FROM evalsets WHERE name = ?1"));
  stmt.Bind(1, std::string_view(run.evalset));
  FS_TRY(row, stmt.Step());
  if (!row) {
    return Fail(
        ErrorCode::kNotFound,
        fmt::format("no evaluation set named '{}'; add it first with `foresight evalset add`",
                    run.evalset));
  }
  const int64_t evalset_id = stmt.Int(0);
  const auto task = core::ParseEvalTask(stmt.Text(1)).value_or(core::EvalTask::kBinary);
  const auto rows = static_cast<size_t>(stmt.Int(2));
  const size_t width = task == core::EvalTask::kMulticlass ? FromJsonList(stmt.Text(3)).size() : 1;
  if (run.predictions.size() != rows * width) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("run '{}' has {} prediction values; evaluation set '{}' needs {}",
                            run.name, run.predictions.size(), run.evalset, rows * width));
  }
  FS_TRY(existing, FindId("runs", run.name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("a run named '{}' exists already; choose another name", run.name));
  }
  FS_TRY(insert,
         db_->Prepare(
             "INSERT INTO runs (name, evalset_id, method, train_size, effort_hours, created_at) "
             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  insert.Bind(1, std::string_view(run.name))
      .Bind(2, evalset_id)
      .Bind(3, std::string_view(run.method));
  insert.Bind(4, run.train_size)
      .Bind(5, run.effort_hours)
      .Bind(6, std::string_view(run.created_at));
  FS_CHECK(insert.Run());
  const int64_t id = db_->LastInsertId();
  for (const auto& [kind, list] : {std::pair{"param", &run.params}, std::pair{"tag", &run.tags}}) {
    for (const auto& [key, value] : *list) {
      FS_TRY(attr,
             db_->Prepare(
                 "INSERT INTO run_attributes (run_id, kind, key, value) VALUES (?1, ?2, ?3, ?4)"));
      attr.Bind(1, id).Bind(2, std::string_view(kind)).Bind(3, std::string_view(key));
      attr.Bind(4, std::string_view(value));
      FS_CHECK(attr.Run());
    }
  }
  return WriteColumn(kRunOwner, id, "predictions", ColumnType::kFloat64, run.predictions.size(),
                     internal::EncodeFloat64(run.predictions), std::nullopt);
}

Result<core::Run> SqliteStore::GetRun(std::string_view name) {
  FS_TRY(runs, ListRuns());
  for (const core::RunInfo& info : runs) {
    if (info.name != name) continue;
    core::Run run;
    run.name = info.name;
    run.evalset = info.evalset;
    run.method = info.method;
    run.train_size = info.train_size;
    run.effort_hours = info.effort_hours;
    run.params = info.params;
    run.tags = info.tags;
    run.created_at = info.created_at;
    FS_TRY(id, FindId("runs", name));
    FS_TRY(chunks, ReadChunks(kRunOwner, *id, "predictions"));
    for (const Chunk& c : chunks) FS_CHECK(internal::DecodeFloat64(c, run.predictions));
    return run;
  }
  return Fail(ErrorCode::kNotFound,
              fmt::format("no run named '{}'; `foresight runs` lists them", name));
}

Result<std::vector<core::RunInfo>> SqliteStore::ListRuns() {
  FS_TRY(stmt,
         db_->Prepare(
             "SELECT r.id, r.name, e.name, r.method, r.train_size, r.effort_hours, r.created_at "
             "FROM runs r JOIN evalsets e ON e.id = r.evalset_id ORDER BY r.id"));
  std::vector<core::RunInfo> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    core::RunInfo info;
    info.name = stmt.Text(1);
    info.evalset = stmt.Text(2);
    info.method = stmt.Text(3);
    if (!stmt.IsNull(4)) info.train_size = stmt.Int(4);
    if (!stmt.IsNull(5)) info.effort_hours = stmt.Double(5);
    info.created_at = stmt.Text(6);
    FS_TRY(attrs,
           db_->Prepare(
               "SELECT kind, key, value FROM run_attributes WHERE run_id = ?1 ORDER BY rowid"));
    attrs.Bind(1, stmt.Int(0));
    while (true) {
      FS_TRY(has, attrs.Step());
      if (!has) break;
      auto& list = attrs.Text(0) == "param" ? info.params : info.tags;
      list.emplace_back(attrs.Text(1), attrs.Text(2));
    }
    out.push_back(std::move(info));
  }
  return out;
}

Result<std::optional<core::CriteriaVersion>> SqliteStore::RecordCriteria(
    const core::CriteriaVersion& c) {
  std::optional<core::CriteriaVersion> last;
  Status done = InTransaction(*db_, [&]() -> Status {
    FS_TRY(all, ListCriteria());
    if (!all.empty()) last = all.back();
    if (last && last->charter_hash == c.charter_hash) return {};
    FS_TRY(
        insert,
        db_->Prepare("INSERT INTO criteria (charter_hash, metric, threshold, confidence, seen_at) "
                     "VALUES (?1, ?2, ?3, ?4, ?5)"));
    insert.Bind(1, std::string_view(c.charter_hash)).Bind(2, std::string_view(c.metric));
    insert.Bind(3, c.threshold).Bind(4, c.confidence).Bind(5, std::string_view(c.seen_at));
    return insert.Run();
  });
  if (!done) return Fail(done.error());
  return last;
}

Result<std::vector<core::CriteriaVersion>> SqliteStore::ListCriteria() {
  FS_TRY(
      stmt,
      db_->Prepare(
          "SELECT charter_hash, metric, threshold, confidence, seen_at FROM criteria ORDER BY id"));
  std::vector<core::CriteriaVersion> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    core::CriteriaVersion v;
    v.charter_hash = stmt.Text(0);
    v.metric = stmt.Text(1);
    if (!stmt.IsNull(2)) v.threshold = stmt.Double(2);
    if (!stmt.IsNull(3)) v.confidence = stmt.Double(3);
    v.seen_at = stmt.Text(4);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, int migrate_to) {
  FS_TRY(db, Database::Open(path));
  for (const char* pragma :
       {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
    FS_CHECK(db->Exec(pragma));
  }
  auto store = std::make_unique<SqliteStore>(std::move(db));
  FS_CHECK(store->Migrate(migrate_to < 0 ? LatestSchemaVersion() : migrate_to));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace foresight::store::sqlite
