#include "store/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "store/internal/column_codec.hpp"
#include "store/internal/try.hpp"
#include "store/sqlite/columns.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/rows.hpp"
#include "store/sqlite/sqlite_accounts.hpp"

namespace foresight::store::sqlite {
namespace {

using internal::ColumnType;

// A count as SQLite's int64 (saturating: a limit or offset past every row means all or none).
int64_t SqlCount(size_t value) {
  return static_cast<int64_t>(
      std::min<size_t>(value, static_cast<size_t>(std::numeric_limits<int64_t>::max())));
}

class SqliteStore final : public Store {
 public:
  SqliteStore(std::unique_ptr<Database> db, int64_t project_id, std::string project)
      : db_(std::move(db)), project_id_(project_id), project_(std::move(project)) {}

  Status AddEvalSet(const core::EvalSet& evalset) override;
  Result<core::EvalSet> GetEvalSet(std::string_view name, bool with_ids) override;
  using Store::GetEvalSet;
  Result<std::vector<core::EvalSetInfo>> ListEvalSets() override;
  Status AddRun(const core::Run& run) override;
  Status AddEvalSetWithRuns(const core::EvalSet& evalset,
                            const std::vector<core::Run>& runs) override;
  Result<core::Run> GetRun(std::string_view name) override;
  Result<std::vector<core::RunInfo>> ListRuns(const RunFilter& filter) override;
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
  bool ReadOnly() const override { return db_->ReadOnly(); }
  Status DeleteRun(std::string_view name) override;
  Status RenameRun(std::string_view name, std::string_view new_name) override;
  Status DeleteEvalSet(std::string_view name, bool with_runs) override;
  Status RenameEvalSet(std::string_view name, std::string_view new_name) override;

 private:
  // Inside the caller's transaction: a run's rows, and an owner's columns with the chunks
  // no other column shares.
  Status EraseRun(int64_t id);
  Status EraseColumns(std::string_view owner_kind, int64_t owner_id);
  Status Rename(std::string_view table, std::string_view noun, std::string_view name,
                std::string_view new_name);
  // " in project 'x'" for messages; empty in the default project, so a single-project
  // workspace reads as before.
  std::string InProject() const {
    return project_ == kDefaultProject ? "" : fmt::format(" in project '{}'", project_);
  }
  Result<std::optional<int64_t>> FindId(std::string_view table, std::string_view name);
  // A set's row and its key (core::EvalSet::store_key: the id and the nonce).
  struct FoundSet {
    SetRow row;
    std::string key;
  };
  Result<std::optional<FoundSet>> FindSet(std::string_view name);
  Result<std::vector<std::string>> SliceNames(int64_t set_id);
  // The writes of AddEvalSet and AddRun, inside the caller's transaction.
  Status InsertEvalSet(const core::EvalSet& evalset);
  Status InsertRun(const core::Run& run);

  // One transaction: the body, and the audit entry when writes are audited.
  template <typename Body>
  Status Write(Body&& body) {
    Status done = InTransaction(*db_, [&]() -> Status {
      FS_CHECK(body());
      if (audit_) return InsertAudit(*db_, *audit_);
      return {};
    });
    if (done && audit_ && audit_written_ != nullptr) *audit_written_ = true;
    return done;
  }

  std::unique_ptr<Database> db_;
  int64_t project_id_;
  std::string project_;
  std::optional<core::AuditEntry> audit_;
  bool* audit_written_ = nullptr;
};

Result<std::optional<int64_t>> SqliteStore::FindId(std::string_view table, std::string_view name) {
  FS_TRY(stmt,
         db_->Prepare(fmt::format("SELECT id FROM {} WHERE project_id = ?1 AND name = ?2", table)));
  stmt.Bind(1, project_id_).Bind(2, name);
  FS_TRY(row, stmt.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(stmt.Int(0));
}

Result<std::optional<SqliteStore::FoundSet>> SqliteStore::FindSet(std::string_view name) {
  FS_TRY(stmt, db_->Prepare(fmt::format(
                   "SELECT {}, e.nonce FROM evalsets e WHERE e.project_id = ?1 AND e.name = ?2",
                   kSetColumns)));
  stmt.Bind(1, project_id_).Bind(2, name);
  FS_TRY(found, stmt.Step());
  if (!found) return std::optional<FoundSet>();
  FS_TRY(row, DecodeSetRow(stmt, 0));
  const int nonce_column = 7;  // after the kSetColumns
  std::string key = internal::SetKey(row.id, std::to_string(stmt.Int(nonce_column)));
  return std::optional<FoundSet>(FoundSet{std::move(row), std::move(key)});
}

Result<std::vector<std::string>> SqliteStore::SliceNames(int64_t set_id) {
  FS_TRY(stmt, db_->Prepare("SELECT name FROM columns WHERE owner_kind = 'evalset' AND "
                            "owner_id = ?1 AND substr(name, 1, 6) = 'slice:' ORDER BY rowid"));
  stmt.Bind(1, set_id);
  std::vector<std::string> out;
  while (true) {
    FS_TRY(has, stmt.Step());
    if (!has) break;
    out.push_back(stmt.Text(0).substr(kSlicePrefix.size()));
  }
  return out;
}

Status SqliteStore::AddEvalSet(const core::EvalSet& e) {
  return Write([&]() -> Status { return InsertEvalSet(e); });
}

Status SqliteStore::AddRun(const core::Run& run) {
  return Write([&]() -> Status { return InsertRun(run); });
}

Status SqliteStore::AddEvalSetWithRuns(const core::EvalSet& e, const std::vector<core::Run>& runs) {
  return Write([&]() -> Status {
    FS_CHECK(InsertEvalSet(e));
    for (const core::Run& run : runs) FS_CHECK(InsertRun(run));
    return {};
  });
}

Status SqliteStore::InsertEvalSet(const core::EvalSet& e) {
  FS_CHECK(CheckEvalSet(e));
  FS_TRY(existing, FindId("evalsets", e.name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("an evaluation set named '{}' exists already{}; choose another name",
                            e.name, InProject()));
  }
  FS_TRY(insert, db_->Prepare("INSERT INTO evalsets (project_id, name, task, rows, classes, "
                              "source, created_at, nonce) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, random())"));
  insert.Bind(1, project_id_).Bind(2, std::string_view(e.name)).Bind(3, core::EvalTaskName(e.task));
  insert.Bind(4, static_cast<int64_t>(e.size())).Bind(5, std::string_view(ToJsonList(e.classes)));
  insert.Bind(6, std::string_view(e.source)).Bind(7, std::string_view(e.created_at));
  FS_CHECK(insert.Run());
  const int64_t id = db_->LastInsertId();
  const std::string item = SetItem(e.name);
  FS_CHECK(WriteColumn(*db_, {kEvalSetOwner, id, "id", item}, ColumnType::kString,
                       internal::EncodeStrings(e.ids), e.ids.size()));
  if (e.task == core::EvalTask::kRegression) {
    FS_CHECK(WriteColumn(*db_, {kEvalSetOwner, id, "target", item}, ColumnType::kFloat64,
                         internal::EncodeFloat64(e.targets), e.targets.size()));
  } else {
    FS_CHECK(WriteColumn(*db_, {kEvalSetOwner, id, "label", item}, ColumnType::kInt32,
                         internal::EncodeInt32(e.labels), e.labels.size()));
  }
  for (const core::SliceColumn& slice : e.slices) {
    const std::string column = std::string(kSlicePrefix) + slice.name;
    FS_CHECK(WriteColumn(*db_, {kEvalSetOwner, id, column, item}, ColumnType::kInt32,
                         internal::EncodeInt32(slice.codes), slice.codes.size(), slice.levels));
  }
  return {};
}

Result<core::EvalSet> SqliteStore::GetEvalSet(std::string_view name, bool with_ids) {
  FS_TRY(found, FindSet(name));
  if (!found) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no evaluation set named '{}'{}; `foresight evalsets` lists them", name,
                            InProject()));
  }
  const SetRow& row = found->row;
  core::EvalSet e;
  e.store_key = found->key;
  e.name = row.info.name;
  e.task = row.info.task;
  e.classes = row.info.classes;
  e.source = row.source;
  e.created_at = row.info.created_at;
  const std::string item = SetItem(name);
  const size_t n = row.info.rows;
  if (with_ids) FS_CHECK(ReadColumn(*db_, {kEvalSetOwner, row.id, "id", item}, n, e.ids));
  if (e.task == core::EvalTask::kRegression) {
    FS_CHECK(ReadColumn(*db_, {kEvalSetOwner, row.id, "target", item}, n, e.targets));
  } else {
    FS_CHECK(ReadColumn(*db_, {kEvalSetOwner, row.id, "label", item}, n, e.labels));
  }
  FS_TRY(slices, SliceNames(row.id));
  for (const std::string& slice_name : slices) {
    core::SliceColumn slice;
    slice.name = slice_name;
    const std::string column = std::string(kSlicePrefix) + slice_name;
    std::optional<std::vector<std::string>> levels;
    FS_CHECK(ReadColumn(*db_, {kEvalSetOwner, row.id, column, item}, n, slice.codes, &levels));
    if (!levels) {
      return Fail(
          Damaged(fmt::format("{}: column '{}'", item, column), "a slice column without levels"));
    }
    slice.levels = std::move(*levels);
    e.slices.push_back(std::move(slice));
  }
  FS_CHECK(CheckDecodedSet(e, item));
  return e;
}

Result<std::vector<core::EvalSetInfo>> SqliteStore::ListEvalSets() {
  // One query: each set with its slice columns (LEFT JOIN: sets without slices too).
  FS_TRY(stmt, db_->Prepare(fmt::format(
                   "SELECT {}, c.name FROM evalsets e LEFT JOIN columns c ON "
                   "c.owner_kind = 'evalset' AND c.owner_id = e.id AND "
                   "substr(c.name, 1, 6) = 'slice:' WHERE e.project_id = ?1 ORDER BY e.id, c.rowid",
                   kSetColumns)));
  stmt.Bind(1, project_id_);
  std::vector<core::EvalSetInfo> out;
  int64_t last_id = -1;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    if (stmt.Int(0) != last_id) {
      FS_TRY(set, DecodeSetRow(stmt, 0));
      last_id = set.id;
      out.push_back(std::move(set.info));
    }
    if (!stmt.IsNull(7)) out.back().slices.push_back(stmt.Text(7).substr(kSlicePrefix.size()));
  }
  return out;
}

Status SqliteStore::InsertRun(const core::Run& run) {
  FS_TRY(found, FindSet(run.evalset));
  if (!found) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no evaluation set named '{}'{}; add it first with `foresight "
                            "evalset add`",
                            run.evalset, InProject()));
  }
  if (!run.evalset_key.empty() && found->key != run.evalset_key) {
    // Aligned to a set that another writer has replaced since (deleted, and added again
    // under its name): its predictions may be in another order than this set's examples.
    return Fail(internal::SetReplaced(run, InProject()));
  }
  const SetRow& set = found->row;
  const size_t expected = set.info.rows * PredictionWidth(set.info);
  if (run.predictions.size() != expected) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("run '{}' has {} prediction values; evaluation set '{}' needs {}",
                            run.name, run.predictions.size(), run.evalset, expected));
  }
  FS_CHECK(CheckAttributes(run));
  FS_TRY(existing, FindId("runs", run.name));
  if (existing) {
    return Fail(ErrorCode::kAlreadyExists,
                fmt::format("a run named '{}' exists already{}; choose another name", run.name,
                            InProject()));
  }
  FS_TRY(insert, db_->Prepare("INSERT INTO runs (project_id, name, evalset_id, method, "
                              "train_size, effort_hours, created_at) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  insert.Bind(1, project_id_).Bind(2, std::string_view(run.name)).Bind(3, set.id);
  insert.Bind(4, std::string_view(run.method)).Bind(5, run.train_size).Bind(6, run.effort_hours);
  insert.Bind(7, std::string_view(run.created_at));
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
  return WriteColumn(*db_, {kRunOwner, id, "predictions", RunItem(run.name)}, ColumnType::kFloat64,
                     internal::EncodeFloat64(run.predictions), run.predictions.size());
}

Result<core::Run> SqliteStore::GetRun(std::string_view name) {
  // One indexed lookup (UNIQUE (project_id, name)), never a scan of the runs.
  FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {}, {} FROM runs r JOIN evalsets e ON e.id = "
                                        "r.evalset_id WHERE r.project_id = ?1 AND r.name = ?2",
                                        kRunColumns, kSetColumns)));
  stmt.Bind(1, project_id_).Bind(2, name);
  FS_TRY(found, stmt.Step());
  if (!found) {
    return Fail(ErrorCode::kNotFound,
                fmt::format("no run named '{}'{}; `foresight runs` lists them", name, InProject()));
  }
  const int64_t id = stmt.Int(0);
  const core::RunInfo info = DecodeRunInfo(stmt);
  FS_TRY(set, DecodeSetRow(stmt, 7));
  core::Run run;
  run.name = info.name;
  run.evalset = info.evalset;
  run.method = info.method;
  run.train_size = info.train_size;
  run.effort_hours = info.effort_hours;
  run.created_at = info.created_at;
  const std::string item = RunItem(name);
  FS_TRY(
      attrs,
      db_->Prepare("SELECT kind, key, value FROM run_attributes WHERE run_id = ?1 ORDER BY rowid"));
  attrs.Bind(1, id);
  while (true) {
    FS_TRY(has, attrs.Step());
    if (!has) break;
    FS_CHECK(DecodeAttribute(attrs, 0, item, run.params, run.tags));
  }
  FS_CHECK(ReadColumn(*db_, {kRunOwner, id, "predictions", item},
                      set.info.rows * PredictionWidth(set.info), run.predictions));
  return run;
}

Result<std::vector<core::RunInfo>> SqliteStore::ListRuns(const RunFilter& filter) {
  // The filter and the page select run ids in an inner query (indexes: runs_by_evalset,
  // runs_by_method, run_attributes_by_value); the outer one adds each run's set name and
  // attributes, so the whole page is one query.
  std::string where = "r.project_id = ?1";
  std::vector<std::string_view> texts;  // bound from ?2 on
  const auto next = [&](std::string_view text) {
    texts.push_back(text);
    return texts.size() + 1;
  };
  if (filter.evalset) {
    where += fmt::format(
        " AND r.evalset_id = (SELECT id FROM evalsets WHERE project_id = ?1 AND name = ?{})",
        next(*filter.evalset));
  }
  if (filter.method) where += fmt::format(" AND r.method = ?{}", next(*filter.method));
  for (const auto& [key, value] : filter.tags) {
    const size_t k = next(key);
    const size_t v = next(value);
    // IN, not EXISTS: the runs with the tag come from run_attributes_by_value, then each is
    // found by its id (EXISTS would look at every run; 150 ms against 2 ms at 100,000 runs).
    where += fmt::format(
        " AND r.id IN (SELECT a.run_id FROM run_attributes a WHERE a.kind = 'tag' AND a.key = "
        "?{} AND a.value = ?{})",
        k, v);
  }
  const size_t limit = texts.size() + 2;
  FS_TRY(stmt, db_->Prepare(fmt::format(
                   "SELECT {}, a.kind, a.key, a.value FROM (SELECT r.* FROM runs r WHERE {} "
                   "ORDER BY r.id LIMIT ?{} OFFSET ?{}) r JOIN evalsets e ON e.id = r.evalset_id "
                   "LEFT JOIN run_attributes a ON a.run_id = r.id ORDER BY r.id, a.rowid",
                   kRunColumns, where, limit, limit + 1)));
  stmt.Bind(1, project_id_);
  for (size_t i = 0; i < texts.size(); ++i) stmt.Bind(static_cast<int>(i + 2), texts[i]);
  stmt.Bind(static_cast<int>(limit), filter.limit == 0 ? int64_t{-1} : SqlCount(filter.limit));
  stmt.Bind(static_cast<int>(limit + 1), SqlCount(filter.offset));
  std::vector<core::RunInfo> out;
  int64_t last_id = -1;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    if (stmt.Int(0) != last_id) {
      last_id = stmt.Int(0);
      out.push_back(DecodeRunInfo(stmt));
    }
    if (stmt.IsNull(7)) continue;
    core::RunInfo& info = out.back();
    FS_CHECK(DecodeAttribute(stmt, 7, RunItem(info.name), info.params, info.tags));
  }
  return out;
}

Result<std::optional<core::CriteriaVersion>> SqliteStore::RecordCriteria(
    const core::CriteriaVersion& c) {
  std::optional<core::CriteriaVersion> last;
  Status done = Write([&]() -> Status {
    FS_TRY(latest, db_->Prepare(fmt::format("SELECT {} FROM criteria WHERE project_id = ?1 "
                                            "ORDER BY id DESC LIMIT 1",
                                            kCriteriaColumns)));
    latest.Bind(1, project_id_);
    FS_TRY(has, latest.Step());
    if (has) last = DecodeCriteria(latest);
    if (last && last->charter_hash == c.charter_hash) return {};
    FS_TRY(insert, db_->Prepare(fmt::format(
                       "INSERT INTO criteria (project_id, {}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       kCriteriaColumns)));
    insert.Bind(1, project_id_).Bind(2, std::string_view(c.charter_hash));
    insert.Bind(3, std::string_view(c.metric)).Bind(4, c.threshold).Bind(5, c.confidence);
    insert.Bind(6, std::string_view(c.seen_at));
    return insert.Run();
  });
  if (!done) return Fail(done.error());
  return last;
}

Result<std::vector<core::CriteriaVersion>> SqliteStore::ListCriteria() {
  FS_TRY(stmt, db_->Prepare(fmt::format("SELECT {} FROM criteria WHERE project_id = ?1 ORDER BY id",
                                        kCriteriaColumns)));
  stmt.Bind(1, project_id_);
  std::vector<core::CriteriaVersion> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    out.push_back(DecodeCriteria(stmt));
  }
  return out;
}

Status SqliteStore::AddPlanEvents(const std::vector<core::PlanEvent>& events) {
  FS_CHECK(CheckPlanEvents(events));
  if (events.empty()) return {};
  return Write([&]() -> Status {
    for (const core::PlanEvent& e : events) {
      FS_TRY(insert, db_->Prepare(fmt::format("INSERT INTO plan_events (project_id, {}) VALUES "
                                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                                              kPlanEventColumns)));
      insert.Bind(1, project_id_).Bind(2, std::string_view(e.method));
      insert.Bind(3, PlanEventKindName(e.kind).value_or("")).Bind(4, std::string_view(e.on));
      insert.Bind(5, e.optimistic).Bind(6, e.likely).Bind(7, e.pessimistic);
      insert.Bind(8, std::string_view(e.role)).Bind(9, e.effort);
      insert.Bind(10, std::string_view(e.note)).Bind(11, std::string_view(e.recorded_at));
      FS_CHECK(insert.Run());
    }
    return {};
  });
}

Result<std::vector<core::PlanEvent>> SqliteStore::ListPlanEvents() {
  FS_TRY(stmt, db_->Prepare(
                   fmt::format("SELECT id, {} FROM plan_events WHERE project_id = ?1 ORDER BY id",
                               kPlanEventColumns)));
  stmt.Bind(1, project_id_);
  std::vector<core::PlanEvent> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    FS_TRY(event, DecodePlanEvent(stmt));
    out.push_back(std::move(event));
  }
  return out;
}

Result<std::vector<std::optional<std::string>>> SqliteStore::GetCachedResults(
    std::string_view key, const std::vector<std::string>& runs) {
  std::vector<std::optional<std::string>> out(runs.size());
  if (runs.empty()) return out;
  // One lookup per run, by primary keys (runs by name, results by (run_id, key)). No
  // transaction: an entry is written whole and only ever replaced by the same value.
  for (size_t i = 0; i < runs.size(); ++i) {
    FS_TRY(stmt, db_->Prepare("SELECT c.value FROM results c JOIN runs r ON r.id = c.run_id "
                              "WHERE r.project_id = ?1 AND r.name = ?2 AND c.key = ?3"));
    stmt.Bind(1, project_id_).Bind(2, std::string_view(runs[i])).Bind(3, key);
    FS_TRY(found, stmt.Step());
    if (found) out[i] = stmt.Blob(0);
  }
  return out;
}

Status SqliteStore::PutCachedResults(const std::vector<core::CachedResult>& entries) {
  if (entries.empty()) return {};
  return Write([&]() -> Status {
    for (const core::CachedResult& entry : entries) {
      FS_TRY(run_id, FindId("runs", entry.run));
      if (!run_id) {
        return Fail(ErrorCode::kNotFound,
                    fmt::format("no run named '{}'{}: nothing cached", entry.run, InProject()));
      }
      FS_TRY(stmt, db_->Prepare(
                       "INSERT OR REPLACE INTO results (run_id, key, value) VALUES (?1, ?2, ?3)"));
      stmt.Bind(1, *run_id).Bind(2, std::string_view(entry.key)).BindBlob(3, entry.value);
      FS_CHECK(stmt.Run());
    }
    return {};
  });
}

Result<std::vector<std::string>> ListProjectNames(Database& db) {
  FS_TRY(stmt, db.Prepare("SELECT name FROM projects ORDER BY id"));
  std::vector<std::string> out;
  while (true) {
    FS_TRY(row, stmt.Step());
    if (!row) break;
    out.push_back(stmt.Text(0));
  }
  return out;
}

Status SqliteStore::EraseColumns(std::string_view owner_kind, int64_t owner_id) {
  std::vector<std::string> hashes;
  {
    FS_TRY(find, db_->Prepare("SELECT DISTINCT hash FROM column_chunks WHERE owner_kind = ?1 AND "
                              "owner_id = ?2"));
    find.Bind(1, owner_kind).Bind(2, owner_id);
    while (true) {
      FS_TRY(has, find.Step());
      if (!has) break;
      hashes.push_back(find.Text(0));
    }
  }
  for (const char* table : {"column_chunks", "columns"}) {
    FS_TRY(erase, db_->Prepare(fmt::format("DELETE FROM {} WHERE owner_kind = ?1 AND owner_id = ?2",
                                           table)));
    erase.Bind(1, owner_kind).Bind(2, owner_id);
    FS_CHECK(erase.Run());
  }
  // A chunk goes when no column holds it any more (identical chunks are shared).
  for (const std::string& hash : hashes) {
    FS_TRY(orphan, db_->Prepare("DELETE FROM chunks WHERE hash = ?1 AND NOT EXISTS "
                                "(SELECT 1 FROM column_chunks WHERE hash = ?1)"));
    orphan.Bind(1, std::string_view(hash));
    FS_CHECK(orphan.Run());
  }
  return {};
}

Status SqliteStore::EraseRun(int64_t id) {
  for (const char* table : {"results", "run_attributes"}) {
    FS_TRY(erase, db_->Prepare(fmt::format("DELETE FROM {} WHERE run_id = ?1", table)));
    erase.Bind(1, id);
    FS_CHECK(erase.Run());
  }
  FS_CHECK(EraseColumns(kRunOwner, id));
  FS_TRY(erase, db_->Prepare("DELETE FROM runs WHERE id = ?1"));
  erase.Bind(1, id);
  return erase.Run();
}

Status SqliteStore::DeleteRun(std::string_view name) {
  return Write([&]() -> Status {
    FS_TRY(id, FindId("runs", name));
    if (!id) {
      return Fail(ErrorCode::kNotFound, fmt::format("no run named '{}'{}", name, InProject()));
    }
    return EraseRun(*id);
  });
}

Status SqliteStore::DeleteEvalSet(std::string_view name, bool with_runs) {
  return Write([&]() -> Status {
    FS_TRY(id, FindId("evalsets", name));
    if (!id) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("no evaluation set named '{}'{}", name, InProject()));
    }
    std::vector<std::pair<int64_t, std::string>> runs;
    {
      FS_TRY(find, db_->Prepare("SELECT id, name FROM runs WHERE evalset_id = ?1 ORDER BY id"));
      find.Bind(1, *id);
      while (true) {
        FS_TRY(has, find.Step());
        if (!has) break;
        runs.emplace_back(find.Int(0), find.Text(1));
      }
    }
    if (!runs.empty() && !with_runs) {
      std::string first;
      for (size_t i = 0; i < runs.size() && i < 3; ++i) {
        first += fmt::format("{}'{}'", i ? ", " : "", runs[i].second);
      }
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("{} run{} on evaluation set '{}' (first: {}); delete {} first, or "
                              "the set with its runs",
                              runs.size(), runs.size() == 1 ? " is" : "s are", name, first,
                              runs.size() == 1 ? "it" : "them"));
    }
    for (const auto& run : runs) FS_CHECK(EraseRun(run.first));
    FS_CHECK(EraseColumns(kEvalSetOwner, *id));
    FS_TRY(erase, db_->Prepare("DELETE FROM evalsets WHERE id = ?1"));
    erase.Bind(1, *id);
    return erase.Run();
  });
}

Status SqliteStore::Rename(std::string_view table, std::string_view noun, std::string_view name,
                           std::string_view new_name) {
  if (new_name.empty()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("a {} needs a name", noun));
  }
  return Write([&]() -> Status {
    FS_TRY(id, FindId(table, name));
    if (!id) {
      return Fail(ErrorCode::kNotFound, fmt::format("no {} named '{}'{}", noun, name, InProject()));
    }
    FS_TRY(taken, FindId(table, new_name));
    if (taken) {
      return Fail(ErrorCode::kAlreadyExists,
                  fmt::format("a {} named '{}' exists already{}; choose another name", noun,
                              new_name, InProject()));
    }
    FS_TRY(rename, db_->Prepare(fmt::format("UPDATE {} SET name = ?1 WHERE id = ?2", table)));
    rename.Bind(1, new_name).Bind(2, *id);
    return rename.Run();
  });
}

Status SqliteStore::RenameRun(std::string_view name, std::string_view new_name) {
  return Rename("runs", "run", name, new_name);
}

Status SqliteStore::RenameEvalSet(std::string_view name, std::string_view new_name) {
  return Rename("evalsets", "evaluation set", name, new_name);
}

Result<std::vector<std::string>> SqliteStore::ListProjects() { return ListProjectNames(*db_); }

Status SqliteStore::CreateProject(std::string_view name) {
  if (Status fits = CheckProjectName(name); !fits) return fits;
  return Write([&]() -> Status {
    FS_TRY(find, db_->Prepare("SELECT id FROM projects WHERE name = ?1"));
    find.Bind(1, name);
    FS_TRY(exists, find.Step());
    if (exists) {
      return Fail(ErrorCode::kAlreadyExists,
                  fmt::format("a project named '{}' exists already; choose another name", name));
    }
    FS_TRY(insert, db_->Prepare("INSERT INTO projects (name) VALUES (?1)"));
    insert.Bind(1, name);
    return insert.Run();
  });
}

// Switches the database to WAL mode unless it is in it already. Changing the mode needs the
// file to itself, and SQLite does not wait for it (no busy handler): when another connection
// is writing (migrating a new file), the change is retried for up to 5 seconds, as busy
// statements wait.
Status UseWal(Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (true) {
    {
      // Scoped: a statement still open would hold a read transaction across the change.
      FS_TRY(mode, db.Prepare("PRAGMA journal_mode"));
      FS_TRY(has, mode.Step());
      if (has && mode.Text(0) == "wal") return {};
    }
    Status set = db.Exec("PRAGMA journal_mode = WAL");
    if (set || set.error().code() != ErrorCode::kUnavailable ||
        std::chrono::steady_clock::now() > deadline) {
      return set;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

// Refuses what must not be opened as a database (unless it is being created): a missing
// file, which opening would create empty, and an empty one, which SQLite reads as a new
// database (a file truncated to zero).
Status CheckExisting(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return Fail(ErrorCode::kNotFound, fmt::format("no database at '{}'", path));
  }
  if (std::filesystem::is_regular_file(status) && std::filesystem::file_size(path, ec) == 0 &&
      !ec) {
    return Fail(ErrorCode::kDataLoss,
                fmt::format("the database '{}' is empty (0 bytes): the file was truncated, or "
                            "never written; restore it from a backup",
                            path));
  }
  return {};
}

// A read-only connection cannot migrate: its database must be at `version` already.
Status CheckCurrent(Database& db, const std::string& path, int version) {
  FS_TRY(current, ReadVersion(db));
  if (current < version) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the database '{}' was made by an earlier foresight and must be "
                            "upgraded, which writes to it, but it can only be read; open it "
                            "once where it can be written",
                            path));
  }
  return db.Exec("PRAGMA foreign_keys = ON");
}

Result<std::unique_ptr<Database>> OpenMigrated(const std::string& path, int version,
                                               Access access = Access::kCreate) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is a folder without a workspace (no .foresight/ in it), not a "
                            "database: run `foresight init` there, or name a database file",
                            path));
  }
  if (access != Access::kCreate) FS_CHECK(CheckExisting(path));
  const Database::Mode mode = access == Access::kCreate     ? Database::Mode::kCreate
                              : access == Access::kReadOnly ? Database::Mode::kReadOnly
                                                            : Database::Mode::kReadWrite;
  FS_TRY(db, Database::Open(path, mode));
  if (mode == Database::Mode::kReadWrite && db->ReadOnly()) {
    if (access == Access::kWrite) {
      return Fail(ErrorCode::kFailedPrecondition,
                  fmt::format("the database '{}' can only be read (the file or its folder is "
                              "write-protected), and this stores data; make it writable",
                              path));
    }
    // Read-only after all: opened as such, so a WAL database works in a folder that cannot
    // be written too.
    db.reset();
    FS_TRY(reader, Database::Open(path, Database::Mode::kReadOnly));
    db = std::move(reader);
  }
  if (db->ReadOnly()) {
    FS_CHECK(CheckCurrent(*db, path, version));
    return std::move(db);
  }
  FS_CHECK(UseWal(*db));
  // FULL: in WAL mode every commit is flushed to the disk before it returns, so a command
  // says "added" only about what a power cut would keep (NORMAL can lose the last commits).
  // It costs one fsync per write, a few milliseconds against a run's seconds of work
  // (docs/PERFORMANCE.md).
  FS_CHECK(db->Exec("PRAGMA synchronous = FULL"));
  // Foreign keys are off while migrating (see Migrate), on for everything after.
  FS_CHECK(db->Exec("PRAGMA foreign_keys = OFF"));
  FS_CHECK(Migrate(*db, version));
  FS_CHECK(db->Exec("PRAGMA foreign_keys = ON"));
  return std::move(db);
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(Migrations().size()); }

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, std::string_view project,
                                               Access access) {
  FS_TRY(db, OpenMigrated(path, LatestSchemaVersion(), access));
  FS_TRY(find, db->Prepare("SELECT id FROM projects WHERE name = ?1"));
  find.Bind(1, project);
  FS_TRY(found, find.Step());
  if (!found) {
    FS_TRY(names, ListProjectNames(*db));
    std::string known;
    for (const std::string& name : names) known += (known.empty() ? "" : ", ") + name;
    return Fail(ErrorCode::kNotFound,
                fmt::format("no project named '{}' in '{}' (the projects are: {}); create it "
                            "first",
                            project, path, known));
  }
  const int64_t project_id = find.Int(0);
  return std::unique_ptr<Store>(
      std::make_unique<SqliteStore>(std::move(db), project_id, std::string(project)));
}

Result<std::unique_ptr<Accounts>> OpenSqliteAccounts(const std::string& path, Access access) {
  FS_TRY(db, OpenMigrated(path, LatestSchemaVersion(), access));
  return MakeSqliteAccounts(std::move(db));
}

Result<int64_t> WritersSynchronousForTesting(const std::string& path) {
  FS_TRY(db, OpenMigrated(path, LatestSchemaVersion(), Access::kWrite));
  FS_TRY(stmt, db->Prepare("PRAGMA synchronous"));
  FS_TRY(has, stmt.Step());
  if (!has) return Fail(ErrorCode::kInternal, "PRAGMA synchronous returned nothing");
  return stmt.Int(0);
}

Status MigrateSqliteForTesting(const std::string& path, int version) {
  auto db = OpenMigrated(path, version);
  if (!db) return Fail(db.error());
  return {};
}

}  // namespace foresight::store::sqlite
