#include "store/sqlite/migrations.hpp"

#include <array>

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

constexpr std::array<std::string_view, 1> kMigrations = {kV1};

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

}  // namespace foresight::store::sqlite
