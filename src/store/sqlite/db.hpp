// Thin RAII wrappers over the SQLite C API: a connection and prepared statements, with
// failures turned into Error values. Private to the SQLite store.
//
// A Database (and its Statements) is used by one thread at a time, like the Store on it.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"

namespace foresight::store::sqlite {

class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept
      : db_(other.db_), stmt_(other.stmt_), bind_error_(std::move(other.bind_error_)) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Binds are 1-based, as in SQLite. A bind that fails (an index out of range, a value too
  // big) is remembered: the next Step or Run returns that first failure instead of running
  // the statement, so binds can be chained without checking each one.
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
  void NoteBind(int rc, int index);

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::optional<Error> bind_error_;
};

class Database {
 public:
  // How the file is opened: created when missing, read and written, or only read.
  enum class Mode { kCreate, kReadWrite, kReadOnly };
  static Result<std::unique_ptr<Database>> Open(const std::string& path, Mode mode = Mode::kCreate);
  // Whether the connection can only read (opened so, or the file is write-protected).
  bool ReadOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { sqlite3_close(db_); }

  Result<Statement> Prepare(std::string_view sql);
  // Runs SQL with no parameters (several statements allowed).
  Status Exec(const std::string& sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

  // The three transaction statements. Each is a fault-injection point, like Prepare and
  // Exec. Rollback succeeds when no transaction is open (SQLite rolls some failures back by
  // itself). When a Rollback fails and leaves the transaction open, the next statement
  // outside a transaction rolls it back first, so its writes are never seen or committed.
  //
  // Begin and Commit also check that the file at the path opened is still the one this
  // connection writes (same device and inode): a workspace deleted, moved or replaced while
  // a command runs would otherwise take a write that no later command can see, and the
  // command would say "added". Before writing it is refused; after the commit, reported.
  Status Begin();
  Status Commit();
  Status Rollback();

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  // kUnavailable when the path no longer names the file opened (before anything was
  // written, or after: the message says which); ok when it does, or when the file's
  // identity was not known at open (a URI, an in-memory database).
  Status CheckInPlace(bool written) const;
  // `error`, or CheckInPlace's when the file was deleted, moved or replaced meanwhile (the
  // cause of the I/O error the statement met).
  Error Explained(Error error) const;
  // Rolls back a transaction that a failed Rollback left open.
  Status DiscardAbandonedTransaction();
  Status ExecStep(const std::string& sql);

  sqlite3* db_;
  bool in_transaction_ = false;  // between Begin and Commit/Rollback
  std::string path_;
  std::optional<std::pair<uint64_t, uint64_t>> identity_;  // device and inode at open
};

// How long a command waits for another one's write to finish before it gives up
// (SQLite's busy handler retries with growing sleeps, up to 100 ms apart, in that time). A
// run of millions of predictions takes a few seconds to store, so sixteen writers at once
// all finish well inside it.
inline constexpr int kBusyTimeoutMs = 120000;

// Maps a SQLite result code (extended codes included) to an Error whose message says what a
// user can do: UNIQUE and PRIMARY KEY constraints are kAlreadyExists; NOT NULL, CHECK and
// FOREIGN KEY constraints are kInvalidArgument naming the constraint; busy and locked (after
// kBusyTimeoutMs) are kUnavailable with a retry hint; a full disk is kResourceExhausted; an
// I/O error is kUnavailable naming the disk; a file that cannot be opened is
// kFailedPrecondition; corruption is kDataLoss. `what` says which operation failed.
Error SqliteError(sqlite3* db, int rc, std::string_view what);

// Fault injection for tests. Every statement the store runs is an injection point: each
// Prepare and Exec, and Begin, Commit and Rollback. From now on, the `nth` (1-based) such
// statement and the `count` - 1 after it fail with kUnavailable, as a full disk or a lost
// lock would, without reaching SQLite. `nth` = 0 turns injection off. Process-wide, atomic.
void FailStatementsForTesting(int nth, int count = 1);
// What the injected failures hit since the last call ("BEGIN IMMEDIATE", "COMMIT",
// "ROLLBACK", or the statement's SQL), and forgets them.
std::vector<std::string> TakeInjectedFailuresForTesting();

// Runs `body` inside Begin ... Commit; rolls back when the body or the commit fails, and
// returns that first failure (a failed rollback is then discarded by the next statement).
template <typename Body>
Status InTransaction(Database& db, Body&& body) {
  if (Status begun = db.Begin(); !begun) return begun;
  Status result = body();
  if (!result) {
    static_cast<void>(db.Rollback());
    return result;
  }
  if (Status committed = db.Commit(); !committed) {
    static_cast<void>(db.Rollback());
    return committed;
  }
  return {};
}

}  // namespace foresight::store::sqlite
