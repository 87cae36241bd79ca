#include "store/sqlite/db.hpp"

#include <sys/stat.h>

#include <atomic>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include "store/internal/fault_injection.hpp"

namespace foresight::store::sqlite {
namespace {

// The device and inode of the file at `path`, or nullopt when there is none.
std::optional<std::pair<uint64_t, uint64_t>> FileIdentity(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return std::make_pair(static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino));
}

ErrorCode CodeFor(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::kUnavailable;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kDataLoss;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return ErrorCode::kFailedPrecondition;
    case SQLITE_FULL:
      return ErrorCode::kResourceExhausted;
    case SQLITE_IOERR:
      return ErrorCode::kUnavailable;
    default:
      return ErrorCode::kInternal;
  }
}

// What a user can do about a failure of this primary code, or nothing to add.
std::string AdviceFor(int rc, std::string_view detail) {
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format(
          "the workspace stayed busy for {} s (other foresight commands are "
          "writing to it; {}): nothing was written; run this command again when "
          "they have finished",
          kBusyTimeoutMs / 1000, detail);
    case SQLITE_FULL:
      return fmt::format(
          "the disk holding the workspace is full ({}): nothing was written; free "
          "some space and run the command again",
          detail);
    case SQLITE_IOERR:
      return fmt::format(
          "the workspace's database could not be read or written ({}): the disk "
          "may be full, failing or gone; nothing was written; check it and run "
          "the command again",
          detail);
    case SQLITE_CANTOPEN:
      return fmt::format(
          "the workspace's database cannot be opened ({}): check that "
          ".foresight/ exists and that you may read and write it",
          detail);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return fmt::format(
          "the workspace's database is damaged ({}): restore .foresight/ from a "
          "backup, or start a new workspace with foresight init",
          detail);
    default:
      return std::string(detail);
  }
}

// Fault injection (tests only). `armed` keeps the hot path to one relaxed load.
internal::FaultInjection& Faults() {
  static internal::FaultInjection faults;
  return faults;
}

// True when this statement is to fail.
bool Injected(std::string_view what) { return Faults().Hit(what); }

tl::unexpected<Error> InjectedFailure(std::string_view what) {
  return Fail(internal::FaultInjection::Failure(what));
}

constexpr std::string_view kBegin = "BEGIN IMMEDIATE";
constexpr std::string_view kCommit = "COMMIT";
constexpr std::string_view kRollback = "ROLLBACK";

}  // namespace

Error SqliteError(sqlite3* db, int rc, std::string_view what) {
  const std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return {ErrorCode::kAlreadyExists, fmt::format("database: {}: {}", what, detail)};
    case SQLITE_READONLY:
    case SQLITE_READONLY_DBMOVED:
    case SQLITE_READONLY_CANTINIT:
    case SQLITE_READONLY_DIRECTORY:
      return {ErrorCode::kFailedPrecondition,
              fmt::format("database: {}: the database can only be read ({})", what, detail)};
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return {ErrorCode::kInvalidArgument,
              fmt::format("database: {}: a value breaks the schema ({})", what, detail)};
    default:
      break;
  }
  return {CodeFor(rc), fmt::format("database: {}: {}", what, AdviceFor(rc, detail))};
}

void FailStatementsForTesting(int nth, int count) { Faults().Arm(nth, count); }

std::vector<std::string> TakeInjectedFailuresForTesting() { return Faults().Take(); }

void Statement::NoteBind(int rc, int index) {
  if (rc == SQLITE_OK || bind_error_) return;
  bind_error_ = SqliteError(db_, rc, fmt::format("binding parameter {}", index));
}

Statement& Statement::Bind(int index, std::string_view text) {
  // A null data pointer would bind NULL; an empty view is the empty text.
  const char* data = text.data() != nullptr ? text.data() : "";
  NoteBind(sqlite3_bind_text64(stmt_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
           index);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value), index);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value), index);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  NoteBind(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), index);
  return *this;
}

Statement& Statement::BindNull(int index) {
  NoteBind(sqlite3_bind_null(stmt_, index), index);
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_) return Fail(*bind_error_);
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Fail(SqliteError(db_, rc, "step"));
}

Status Statement::Run() {
  Result<bool> row = Step();
  if (!row) return Fail(row.error());
  return {};
}

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Blob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return {};
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, Mode mode) {
  sqlite3* db = nullptr;
  // FULLMUTEX: SQLite's own locking, so a misuse from two threads cannot corrupt memory.
  int flags = SQLITE_OPEN_FULLMUTEX;
  switch (mode) {
    case Mode::kCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case Mode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case Mode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
  }
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc == SQLITE_OK && mode == Mode::kReadOnly) {
    // Opening is lazy: the first read is what finds out whether a WAL database's
    // shared-memory file can be made.
    rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
  }
  if (rc != SQLITE_OK && mode == Mode::kReadOnly) {
    // A WAL database in a folder that cannot be written: SQLite cannot make its shared-memory
    // file, so it reads the file as it is (nobody can be writing to it).
    sqlite3_close(db);
    db = nullptr;
    std::string uri = "file:";
    for (const char c : path) {
      // The characters a URI's path cannot hold as they are.
      if (c == '%' || c == '?' || c == '#') {
        uri += fmt::format("%{:02x}", static_cast<unsigned char>(c));
      } else {
        uri += c;
      }
    }
    uri += "?immutable=1";
    rc = sqlite3_open_v2(uri.c_str(), &db, flags | SQLITE_OPEN_URI, nullptr);
  }
  if (rc != SQLITE_OK) {
    Error error = SqliteError(db, rc, "cannot open '" + path + "'");
    sqlite3_close(db);
    return Fail(std::move(error));
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  std::unique_ptr<Database> opened(new Database(db));
  opened->path_ = path;
  if (const auto id = FileIdentity(path)) opened->identity_ = id;
  return opened;
}

Status Database::CheckInPlace(bool written) const {
  if (!identity_ || FileIdentity(path_) == identity_) return {};
  return Fail(
      ErrorCode::kUnavailable,
      fmt::format("database: {}: the workspace's database '{}' was deleted, moved or "
                  "replaced while this command ran, so {}; run the command again",
                  written ? "after writing" : "before writing", path_,
                  written ? "what it wrote is not in the workspace" : "nothing was written"));
}

Status Database::DiscardAbandonedTransaction() {
  if (in_transaction_ || sqlite3_get_autocommit(db_) != 0) return {};
  if (Injected(kRollback)) return InjectedFailure(kRollback);
  return ExecStep(std::string(kRollback));
}

Result<Statement> Database::Prepare(std::string_view sql) {
  if (Status clean = DiscardAbandonedTransaction(); !clean) return Fail(clean.error());
  if (Injected(sql)) return InjectedFailure(sql);
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Fail(Explained(SqliteError(db_, rc, "prepare")));
  return Statement(db_, stmt);
}

Status Database::ExecStep(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Fail(Explained(SqliteError(db_, rc, sql.substr(0, 40))));
  return {};
}

Error Database::Explained(Error error) const {
  // An I/O error on a file that is no longer the workspace's: say what happened to it.
  if (Status here = CheckInPlace(/*written=*/false); !here) return here.error();
  return error;
}

Status Database::Exec(const std::string& sql) {
  if (Status clean = DiscardAbandonedTransaction(); !clean) return clean;
  if (Injected(sql)) return InjectedFailure(sql);
  return ExecStep(sql);
}

Status Database::Begin() {
  if (Status clean = DiscardAbandonedTransaction(); !clean) return clean;
  if (Status here = CheckInPlace(/*written=*/false); !here) return here;
  if (Injected(kBegin)) return InjectedFailure(kBegin);
  if (Status begun = ExecStep(std::string(kBegin)); !begun) return begun;
  in_transaction_ = true;
  return {};
}

Status Database::Commit() {
  if (Injected(kCommit)) return InjectedFailure(kCommit);
  if (Status committed = ExecStep(std::string(kCommit)); !committed) return committed;
  in_transaction_ = false;
  return CheckInPlace(/*written=*/true);
}

Status Database::Rollback() {
  in_transaction_ = false;
  if (Injected(kRollback)) return InjectedFailure(kRollback);
  if (sqlite3_get_autocommit(db_) != 0) return {};  // nothing open: SQLite rolled it back
  return ExecStep(std::string(kRollback));
}

}  // namespace foresight::store::sqlite
