#include "store/sqlite/migrations.hpp"

#include <array>

#include <fmt/format.h>

#include "store/internal/try.hpp"

namespace foresight::store::sqlite {
namespace {

// Version 1: evaluation sets, runs, columnar chunks, charter criteria.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE evalsets (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  task        TEXT NOT NULL CHECK (task IN ('binary', 'multiclass', 'regression')),
  rows        INTEGER NOT NULL CHECK (rows >= 0),
  classes     TEXT NOT NULL,          -- JSON list of class names
  source      TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  evalset_id    INTEGER NOT NULL REFERENCES evalsets(id),
  method        TEXT NOT NULL,
  train_size    INTEGER,
  effort_hours  REAL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE run_attributes (
  run_id  INTEGER NOT NULL REFERENCES runs(id),
  kind    TEXT NOT NULL CHECK (kind IN ('param', 'tag')),
  key     TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (run_id, kind, key)
) STRICT;

-- Content-addressed chunks: identical chunks are stored once.
CREATE TABLE chunks (
  hash        TEXT PRIMARY KEY,
  codec       TEXT NOT NULL,
  raw_bytes   INTEGER NOT NULL,
  rows        INTEGER NOT NULL,
  data        BLOB NOT NULL
) STRICT;

-- A column of an evaluation set ('evalset') or a run ('run').
CREATE TABLE columns (
  owner_kind  TEXT NOT NULL CHECK (owner_kind IN ('evalset', 'run')),
  owner_id    INTEGER NOT NULL,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('f64', 'i32', 'str')),
  rows        INTEGER NOT NULL,
  levels      TEXT,                   -- JSON list for dictionary-encoded columns
  PRIMARY KEY (owner_kind, owner_id, name)
) STRICT;

CREATE TABLE column_chunks (
  owner_kind   TEXT NOT NULL,
  owner_id     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  chunk_index  INTEGER NOT NULL,
  hash         TEXT NOT NULL REFERENCES chunks(hash),
  PRIMARY KEY (owner_kind, owner_id, name, chunk_index),
  FOREIGN KEY (owner_kind, owner_id, name) REFERENCES columns(owner_kind, owner_id, name)
) STRICT;

CREATE TABLE criteria (
  id            INTEGER PRIMARY KEY,
  charter_hash  TEXT NOT NULL,
  metric        TEXT NOT NULL,
  threshold     REAL,
  confidence    REAL,
  seen_at       TEXT NOT NULL
) STRICT;
)sql";

// Version 2: projects. One database holds several projects; evaluation sets, runs and
// criteria belong to one, and names are unique per project. Everything stored before moves
// into the project "default" (id 1). SQLite cannot add a column with a constraint to a
// table, so evalsets, runs and criteria are rebuilt (create, copy, drop, rename; the caller
// turns foreign keys off around it), keeping their ids, so the columns, attributes and
// chunks that point at them stay valid.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE projects (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;
INSERT INTO projects (id, name) VALUES (1, 'default');

CREATE TABLE evalsets_v2 (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  name        TEXT NOT NULL,
  task        TEXT NOT NULL CHECK (task IN ('binary', 'multiclass', 'regression')),
  rows        INTEGER NOT NULL CHECK (rows >= 0),
  classes     TEXT NOT NULL,          -- JSON list of class names
  source      TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  UNIQUE (project_id, name),
  UNIQUE (project_id, id)             -- the target of runs' (project_id, evalset_id)
) STRICT;
INSERT INTO evalsets_v2 (id, project_id, name, task, rows, classes, source, created_at)
  SELECT id, 1, name, task, rows, classes, source, created_at FROM evalsets ORDER BY id;

-- A run's evaluation set is in the run's project.
CREATE TABLE runs_v2 (
  id            INTEGER PRIMARY KEY,
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  name          TEXT NOT NULL,
  evalset_id    INTEGER NOT NULL,
  method        TEXT NOT NULL,
  train_size    INTEGER,
  effort_hours  REAL,
  created_at    TEXT NOT NULL,
  UNIQUE (project_id, name),
  FOREIGN KEY (project_id, evalset_id) REFERENCES evalsets(project_id, id)
) STRICT;
INSERT INTO runs_v2 (id, project_id, name, evalset_id, method, train_size, effort_hours,
                     created_at)
  SELECT id, 1, name, evalset_id, method, train_size, effort_hours, created_at FROM runs
  ORDER BY id;

CREATE TABLE criteria_v2 (
  id            INTEGER PRIMARY KEY,
  project_id    INTEGER NOT NULL REFERENCES projects(id),
  charter_hash  TEXT NOT NULL,
  metric        TEXT NOT NULL,
  threshold     REAL,
  confidence    REAL,
  seen_at       TEXT NOT NULL
) STRICT;
INSERT INTO criteria_v2 (id, project_id, charter_hash, metric, threshold, confidence, seen_at)
  SELECT id, 1, charter_hash, metric, threshold, confidence, seen_at FROM criteria ORDER BY id;

DROP TABLE criteria;
DROP TABLE runs;
DROP TABLE evalsets;
ALTER TABLE evalsets_v2 RENAME TO evalsets;
ALTER TABLE runs_v2 RENAME TO runs;
ALTER TABLE criteria_v2 RENAME TO criteria;

-- The filters of ListRuns, and the criteria history of one project.
CREATE INDEX runs_by_evalset ON runs (evalset_id);
CREATE INDEX runs_by_method ON runs (project_id, method);
CREATE INDEX run_attributes_by_value ON run_attributes (kind, key, value);
CREATE INDEX criteria_by_project ON criteria (project_id, id);
)sql";

// Version 3: the result cache (Store::GetCachedResults). WITHOUT ROWID: entries are read by
// their key, and the key is the table's order. An entry goes with its run.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE results (
  run_id  INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key     TEXT NOT NULL,
  value   BLOB NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;
)sql";

// Version 4: the plan ledger (Store::AddPlanEvents), append-only. The id is the ledger's
// order (INTEGER PRIMARY KEY: the rowid, one more than the largest, and rows are never
// deleted), read per project through the index. The columns a kind does not use are NULL
// (values) or '' (texts), so one table holds every kind; the kind's own rules (a logged
// event's effort, an estimate's likely value) are checked by the store, which can say
// which event broke them.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE plan_events (
  id           INTEGER PRIMARY KEY,
  project_id   INTEGER NOT NULL REFERENCES projects(id),
  method       TEXT NOT NULL CHECK (method <> ''),
  kind         TEXT NOT NULL CHECK (kind IN ('estimated', 'removed', 'started', 'logged',
                                             'finished', 'dropped')),
  happened_on  TEXT NOT NULL,         -- YYYY-MM-DD, the day the user says it happened
  optimistic   REAL,                  -- person-weeks
  likely       REAL,
  pessimistic  REAL,
  role         TEXT NOT NULL,
  effort       REAL,                  -- person-weeks
  note         TEXT NOT NULL,
  recorded_at  TEXT NOT NULL          -- when it was written, ISO 8601 UTC
) STRICT;

CREATE INDEX plan_events_by_project ON plan_events (project_id, id);
)sql";

// Version 5: accounts (store/accounts.hpp). Users, their API tokens (the secret's hash, never
// the token), their roles per project, and the audit log of writes. The log keeps names as
// text, not ids, so an entry still says who and what after a rename or a deletion.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE users (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL UNIQUE CHECK (name <> ''),
  password_hash  TEXT NOT NULL,
  admin          INTEGER NOT NULL CHECK (admin IN (0, 1)),
  disabled       INTEGER NOT NULL CHECK (disabled IN (0, 1)),
  created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE tokens (
  id          TEXT PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id),
  hash        BLOB NOT NULL,
  label       TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,           -- '' = never
  revoked_at  TEXT
) STRICT;

CREATE TABLE members (
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  role        TEXT NOT NULL CHECK (role IN ('viewer', 'contributor', 'maintainer', 'admin')),
  PRIMARY KEY (project_id, user_id)
) STRICT;

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  action     TEXT NOT NULL,
  project    TEXT NOT NULL,
  target     TEXT NOT NULL,
  status     INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_by_project ON audit_log (project, id);
)sql";

// Version 6: the audit log by user and action, for counting a user's recent failed logins.
constexpr std::string_view kV6 = R"sql(
CREATE INDEX audit_log_by_user ON audit_log (user_name, action, at);
)sql";

// Version 7: each set's nonce, random when it is added. A set's key is its id and nonce
// (core::EvalSet::store_key): SQLite may give a new set the id of a deleted one (the largest
// id plus one), so the id alone cannot tell a run that the set it was lined up with has been
// replaced. Sets added before have nonce 0; a set added later gets another.
constexpr std::string_view kV7 = R"sql(
ALTER TABLE evalsets ADD COLUMN nonce INTEGER NOT NULL DEFAULT 0;
)sql";

constexpr std::array<std::string_view, 7> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6, kV7};

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

Result<int> ReadVersion(Database& db) {
  FS_TRY(stmt, db.Prepare("PRAGMA user_version"));
  FS_TRY(has_row, stmt.Step());
  const int version = has_row ? static_cast<int>(stmt.Int(0)) : 0;
  const auto latest = static_cast<int>(Migrations().size());
  if (version > latest) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the workspace database has schema version {}, but this foresight "
                            "knows versions up to {}; upgrade foresight",
                            version, latest));
  }
  return version;
}

namespace {

Status CheckForeignKeys(Database& db, int version) {
  FS_TRY(check, db.Prepare("PRAGMA foreign_key_check"));
  FS_TRY(violation, check.Step());
  if (!violation) return {};
  return Fail(ErrorCode::kDataLoss,
              fmt::format("migrating the database to schema version {}: table '{}' row {} "
                          "points at a missing row of '{}'; the database is damaged: restore "
                          "it from a backup",
                          version, check.Text(0), check.Int(1), check.Text(2)));
}

}  // namespace

Status Migrate(Database& db, int target) {
  FS_TRY(current, ReadVersion(db));
  if (current >= target) return {};
  const auto migrations = Migrations();
  bool done = false;
  while (!done) {
    FS_CHECK(InTransaction(db, [&]() -> Status {
      // Another connection may have migrated since the version was read.
      FS_TRY(version, ReadVersion(db));
      if (version >= target) {
        done = true;
        return {};
      }
      const int next = version + 1;
      FS_CHECK(db.Exec(std::string(migrations[static_cast<size_t>(next - 1)])));
      FS_CHECK(db.Exec(fmt::format("PRAGMA user_version = {}", next)));
      return CheckForeignKeys(db, next);
    }));
  }
  return {};
}

}  // namespace foresight::store::sqlite
