// Thin RAII wrappers over the SQLite C API: a connection and prepared statements, with
// failures turned into Error values. Private to the SQLite store.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace foresight::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Binds are 1-based, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }

  // Steps once: true when a row is available, false when done.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();

  std::string Text(int column) const;
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  std::string Blob(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::string& path);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { sqlite3_close(db_); }

  Result<Statement> Prepare(std::string_view sql);
  // Runs SQL with no parameters (several statements allowed).
  Status Exec(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

// Fault injection for tests: the `n`th call to Database::Prepare from now on (1-based)
// fails with kUnavailable, as a full disk or a lost lock would; 0 turns it off.
void FailNthPrepareForTesting(int n);

// Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
template <typename Body>
Status InTransaction(Database& db, Body&& body) {
  if (Status begun = db.Exec("BEGIN IMMEDIATE"); !begun) return begun;
  Status result = body();
  if (!result) {
    static_cast<void>(db.Exec("ROLLBACK"));
    return result;
  }
  if (Status committed = db.Exec("COMMIT"); !committed) {
    static_cast<void>(db.Exec("ROLLBACK"));
    return committed;
  }
  return {};
}

}  // namespace foresight::store::sqlite
