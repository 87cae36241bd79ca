#include "store/postgres/pg.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "store/internal/fault_injection.hpp"

namespace foresight::store::postgres {
// Named, not anonymous: unity builds may put this file in one unit with the SQLite store.
namespace pg_detail {

// Statements kept prepared per connection; the ones after run unprepared.
constexpr size_t kMaxPrepared = 512;

internal::FaultInjection& Faults() {
  static internal::FaultInjection faults;
  return faults;
}

// Whether the statement now starting fails by injection (and notes it).
bool Injected(std::string_view sql) { return Faults().Hit(sql); }

// The code for a failed statement, by its SQLSTATE (PostgreSQL, Appendix A).
ErrorCode CodeFor(std::string_view state, bool connection_ok) {
  if (!connection_ok || state.starts_with("08") || state == "57P01" || state == "57P02" ||
      state == "57P03" || state == "53300") {
    return ErrorCode::kUnavailable;  // connection lost, server shutting down, too many clients
  }
  if (state == "40001" || state == "40P01" || state == "55P03" || state == "57014") {
    return ErrorCode::kUnavailable;  // serialization failure, deadlock, lock or statement timeout
  }
  if (state == "23505") return ErrorCode::kAlreadyExists;
  if (state.starts_with("23") || state.starts_with("22")) return ErrorCode::kInvalidArgument;
  if (state == "25006") return ErrorCode::kFailedPrecondition;  // read-only transaction
  if (state == "53100" || state == "53200" || state == "54000") {
    return ErrorCode::kResourceExhausted;  // disk full, out of memory, a program limit
  }
  if (state.starts_with("28") || state == "3D000" || state == "42501") {
    return ErrorCode::kFailedPrecondition;  // login refused, no such database, no permission
  }
  return ErrorCode::kInternal;
}

std::string Trimmed(const char* message) {
  std::string out = message != nullptr ? message : "";
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

Error StatementError(const PGconn* conn, const PGresult* result, std::string_view sql) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const bool connection_ok = PQstatus(conn) == CONNECTION_OK;
  const std::string detail =
      Trimmed(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn));
  const ErrorCode code = CodeFor(state != nullptr ? state : "", connection_ok);
  std::string advice;
  if (code == ErrorCode::kUnavailable) advice = "; the server is busy or unreachable: retry";
  if (code == ErrorCode::kResourceExhausted) advice = "; free space or memory on the server";
  return {code, fmt::format("database: {}: {}{}", sql.substr(0, 40), detail, advice)};
}

bool Succeeded(const PGresult* result) {
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

}  // namespace pg_detail

using pg_detail::Faults;
using pg_detail::Injected;
using pg_detail::StatementError;
using pg_detail::Succeeded;
using pg_detail::Trimmed;

Params& Params::Text(std::string_view value) {
  values_.emplace_back(value);
  null_.push_back(false);
  binary_.push_back(0);
  return *this;
}

Params& Params::Int(int64_t value) { return Text(fmt::format("{}", value)); }

Params& Params::Int(std::optional<int64_t> value) { return value ? Int(*value) : Null(); }

Params& Params::Double(std::optional<double> value) {
  if (!value) return Null();
  // The shortest text that reads back as the same double; PostgreSQL reads NaN and Infinity.
  if (std::isnan(*value)) return Text("NaN");
  if (std::isinf(*value)) return Text(*value > 0 ? "Infinity" : "-Infinity");
  return Text(fmt::format("{}", *value));
}

Params& Params::Bytes(std::string_view value) {
  values_.emplace_back(value);
  null_.push_back(false);
  binary_.push_back(1);
  return *this;
}

Params& Params::Null() {
  values_.emplace_back();
  null_.push_back(true);
  binary_.push_back(0);
  return *this;
}

bool Row::IsNull(int column) const { return PQgetisnull(result_, row_, column) == 1; }

std::string Row::Text(int column) const {
  return {PQgetvalue(result_, row_, column),
          static_cast<size_t>(PQgetlength(result_, row_, column))};
}

int64_t Row::Int(int column) const {
  const char* text = PQgetvalue(result_, row_, column);
  int64_t value = 0;
  std::from_chars(text, text + PQgetlength(result_, row_, column), value);
  return value;
}

double Row::Double(int column) const {
  return std::strtod(PQgetvalue(result_, row_, column), nullptr);
}

std::string Row::Bytes(int column) const {
  size_t length = 0;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): libpq's unsigned char API
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_, row_, column)), &length);
  if (bytes == nullptr) return {};
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): bytes are bytes
  std::string out(reinterpret_cast<const char*>(bytes), length);
  PQfreemem(bytes);
  return out;
}

Rows::Rows(PGresult* result) : result_(result) {}
Rows::Rows(Rows&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
Rows::~Rows() { PQclear(result_); }
int Rows::size() const { return result_ != nullptr ? PQntuples(result_) : 0; }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Fail(ErrorCode::kResourceExhausted, "database: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    const std::string detail = Trimmed(PQerrorMessage(conn));
    PQfinish(conn);
    const bool refused = detail.find("password") != std::string::npos ||
                         detail.find("does not exist") != std::string::npos ||
                         detail.find("authentication") != std::string::npos;
    return Fail(refused ? ErrorCode::kFailedPrecondition : ErrorCode::kUnavailable,
                fmt::format("cannot connect to the database at '{}': {}", Redacted(url), detail));
  }
  auto out = std::unique_ptr<Connection>(new Connection(conn));
  // Quiet: notices ("there is no transaction in progress") are not for the user.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return out;
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Reusable() const {
  return !in_transaction_ && PQstatus(conn_) == CONNECTION_OK &&
         PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  if (!in_transaction_) {
    if (Status cleared = RollbackIfOpen(); !cleared) return Fail(cleared.error());
  }
  return Run(sql, params);
}

Result<Rows> Connection::Run(std::string_view sql, const Params& params) {
  if (Injected(sql)) {
    return Fail(internal::FaultInjection::Failure(sql));
  }
  const size_t n = params.values_.size();
  std::vector<const char*> values(n);
  std::vector<int> lengths(n);
  for (size_t i = 0; i < n; ++i) {
    values[i] = params.null_[i] ? nullptr : params.values_[i].data();
    lengths[i] = static_cast<int>(params.values_[i].size());
  }
  std::string text(sql);
  auto prepared = prepared_.find(text);
  if (prepared == prepared_.end() && prepared_.size() < pg_detail::kMaxPrepared) {
    std::string name = fmt::format("fs{}", prepared_.size());
    PGresult* made = PQprepare(conn_, name.c_str(), text.c_str(), static_cast<int>(n), nullptr);
    const bool ok = made != nullptr && PQresultStatus(made) == PGRES_COMMAND_OK;
    if (!ok) return Finished(made, sql);  // its error, as running it would have said
    PQclear(made);
    prepared = prepared_.emplace(std::move(text), std::move(name)).first;
  }
  if (prepared == prepared_.end()) {
    return Finished(PQexecParams(conn_, std::string(sql).c_str(), static_cast<int>(n), nullptr,
                                 values.data(), lengths.data(), params.binary_.data(), 0),
                    sql);
  }
  return Finished(PQexecPrepared(conn_, prepared->second.c_str(), static_cast<int>(n),
                                 values.data(), lengths.data(), params.binary_.data(), 0),
                  sql);
}

bool Connection::QuietSince(std::chrono::steady_clock::duration window) const {
  if (std::chrono::steady_clock::now() - last_served_ >= window) return false;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  return poll(&socket, 1, 0) == 0;  // nothing to read, no close: as it was left
}

Result<Rows> Connection::Finished(PGresult* result, std::string_view sql) {
  if (result != nullptr && Succeeded(result)) {
    last_served_ = std::chrono::steady_clock::now();
    return Rows(result);
  }
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_state_ = state != nullptr ? state : "";
  Error error = StatementError(conn_, result, sql);
  PQclear(result);
  return Fail(std::move(error));
}

Status Connection::Exec(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (!rows) return Fail(rows.error());
  return {};
}

Status Connection::ExecScript(std::string_view sql) {
  if (Injected(sql)) {
    return Fail(internal::FaultInjection::Failure(sql));
  }
  const std::string text(sql);
  auto done = Finished(PQexec(conn_, text.c_str()), sql);
  if (!done) return Fail(done.error());
  return {};
}

Status Connection::RollbackIfOpen() {
  if (PQtransactionStatus(conn_) == PQTRANS_IDLE) return {};
  auto rolled = Run("ROLLBACK", {});
  if (!rolled) return Fail(rolled.error());
  return {};
}

Status Connection::Transaction(const std::function<Status()>& body) {
  constexpr int kAttempts = 5;
  for (int attempt = 1;; ++attempt) {
    if (Status cleared = RollbackIfOpen(); !cleared) return cleared;
    if (Status begun = Exec("BEGIN"); !begun) return begun;
    in_transaction_ = true;
    last_state_.clear();
    Status done = body();
    if (done) done = Exec("COMMIT");
    in_transaction_ = false;
    if (done) return done;
    // Retried by the server's own verdict (SQLSTATE), not by words of a message that the
    // server's language setting may translate: a serialization failure or a deadlock.
    const bool retry = last_state_ == "40001" || last_state_ == "40P01";
    // A failed COMMIT of an aborted transaction rolls back by itself; otherwise roll back
    // here. A ROLLBACK that fails leaves the transaction to the next statement's
    // RollbackIfOpen.
    (void)RollbackIfOpen();
    if (attempt == kAttempts || !retry) return done;
  }
}

void FailStatementsForTesting(int nth, int count) { Faults().Arm(nth, count); }

std::vector<std::string> TakeInjectedFailuresForTesting() { return Faults().Take(); }

std::string Redacted(std::string_view url) {
  // scheme://user:password@host... -> scheme://user:***@host...
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos || at < scheme) {
    return std::string(url);
  }
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return fmt::format("{}***{}", url.substr(0, colon + 1), url.substr(at));
}

}  // namespace foresight::store::postgres
