#include "store/postgres/pg.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "store/internal/fault_injection.hpp"
#include "store/internal/try.hpp"

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

Params& Params::TextArray(const std::vector<std::string>& values) {
  // An array literal: every element quoted, its quotes and backslashes escaped.
  std::string literal = "{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) literal += ',';
    literal += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  return Text(literal);
}

Params& Params::IntArray(const std::vector<int64_t>& values) {
  return Text(fmt::format("{{{}}}", fmt::join(values, ",")));
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
  return !in_transaction_ && deferred_.empty() && PQstatus(conn_) == CONNECTION_OK &&
         PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  if (!in_transaction_) {
    if (Status cleared = RollbackIfOpen(); !cleared) return Fail(cleared.error());
  }
  return Run(sql, params);
}

Result<std::string> Connection::PreparedName(std::string_view sql, int parameters) {
  std::string text(sql);
  auto prepared = prepared_.find(text);
  if (prepared != prepared_.end()) return prepared->second;
  if (prepared_.size() >= pg_detail::kMaxPrepared) return std::string();
  std::string name = fmt::format("fs{}", prepared_.size());
  PGresult* made = PQprepare(conn_, name.c_str(), text.c_str(), parameters, nullptr);
  const bool ok = made != nullptr && PQresultStatus(made) == PGRES_COMMAND_OK;
  if (!ok) {
    auto failed = Finished(made, sql);  // its error, as running it would have said
    return Fail(failed.error());
  }
  PQclear(made);
  prepared_.emplace(std::move(text), name);
  return name;
}

// A statement's parameters as libpq takes them.
struct Arguments {
  explicit Arguments(const std::vector<std::string>& values, const std::vector<bool>& null)
      : pointers(values.size()), lengths(values.size()) {
    for (size_t i = 0; i < values.size(); ++i) {
      pointers[i] = null[i] ? nullptr : values[i].data();
      lengths[i] = static_cast<int>(values[i].size());
    }
  }
  std::vector<const char*> pointers;
  std::vector<int> lengths;
};

void Connection::Defer(std::string_view sql, Params params) {
  Deferred statement{std::string(sql), std::move(params), std::nullopt};
  // Counted where it is issued, as an immediate statement would be.
  if (Injected(sql)) statement.injected = internal::FaultInjection::Failure(sql);
  deferred_.push_back(std::move(statement));
}

// Every statement goes this way, alone or with the deferred ones before it: one path, one
// round trip.
Result<Rows> Connection::Run(std::string_view sql, const Params& params) {
  FS_TRY(rows, Pipeline({Statement{sql, &params}}));
  return std::move(rows.front());
}

Result<std::vector<Rows>> Connection::QueryAll(const std::vector<Statement>& statements) {
  if (statements.empty()) return std::vector<Rows>();
  if (!in_transaction_) {
    if (Status cleared = RollbackIfOpen(); !cleared) return Fail(cleared.error());
  }
  return Pipeline(statements);
}

Result<std::vector<Rows>> Connection::Pipeline(const std::vector<Statement>& wanted) {
  for (const Statement& statement : wanted) {
    if (Injected(statement.sql)) {
      deferred_.clear();
      return Fail(internal::FaultInjection::Failure(statement.sql));
    }
  }
  const std::vector<Deferred> deferred = std::exchange(deferred_, {});
  for (const Deferred& statement : deferred) {
    // A failure injected for tests: nothing reaches the server, as with a lost connection.
    if (statement.injected) return Fail(*statement.injected);
  }
  // The statements in order, the wanted ones last (their parameters not copied: a chunk's
  // may be megabytes).
  struct Sent {
    std::string_view sql;
    const Params* params;
    std::string name;  // prepared as; "" for unprepared
  };
  std::vector<Sent> batch;
  batch.reserve(deferred.size() + wanted.size());
  for (const Deferred& statement : deferred) {
    batch.push_back({statement.sql, &statement.params, {}});
  }
  for (const Statement& statement : wanted) batch.push_back({statement.sql, statement.params, {}});
  // Prepared first (once per connection), so the pipeline holds only executions.
  for (Sent& statement : batch) {
    FS_TRY(name, PreparedName(statement.sql, static_cast<int>(statement.params->values_.size())));
    statement.name = std::move(name);
  }
  if (PQenterPipelineMode(conn_) != 1) {
    auto failed = Finished(nullptr, batch.back().sql);
    return Fail(failed.error());
  }
  size_t sent = 0;
  for (const Sent& statement : batch) {
    const Params& p = *statement.params;
    const int n = static_cast<int>(p.values_.size());
    const Arguments args(p.values_, p.null_);
    const int ok =
        statement.name.empty()
            ? PQsendQueryParams(conn_, std::string(statement.sql).c_str(), n, nullptr,
                                args.pointers.data(), args.lengths.data(), p.binary_.data(), 0)
            : PQsendQueryPrepared(conn_, statement.name.c_str(), n, args.pointers.data(),
                                  args.lengths.data(), p.binary_.data(), 0);
    if (ok != 1) break;
    ++sent;
  }
  PQpipelineSync(conn_);
  // Each statement's result (then a null that ends it), and the sync's. After a failure the
  // server skips the rest of the pipeline: their results say "aborted".
  std::vector<PGresult*> results(batch.size(), nullptr);
  for (size_t i = 0; i < sent; ++i) {
    results[i] = PQgetResult(conn_);
    if (results[i] == nullptr) break;  // the connection is gone
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
  }
  while (PGresult* rest = PQgetResult(conn_)) {
    const bool sync = PQresultStatus(rest) == PGRES_PIPELINE_SYNC;
    PQclear(rest);
    if (sync) break;
  }
  PQexitPipelineMode(conn_);
  // The first failure is the cause; the results after it are dropped.
  std::vector<Rows> out;
  out.reserve(wanted.size());
  std::optional<Error> failure;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (failure) {
      PQclear(results[i]);
      continue;
    }
    const bool kept = i >= deferred.size();
    if (!kept && results[i] != nullptr && Succeeded(results[i])) {
      PQclear(results[i]);
      last_served_ = std::chrono::steady_clock::now();
      continue;
    }
    auto finished = Finished(results[i], batch[i].sql);
    if (!finished) {
      failure = finished.error();
    } else {
      out.push_back(std::move(*finished));
    }
  }
  if (failure) return Fail(std::move(*failure));
  return out;
}

bool Connection::QuietSince(std::chrono::steady_clock::duration window) const {
  if (std::chrono::steady_clock::now() - last_served_ >= window) return false;
  if (PQstatus(conn_) != CONNECTION_OK || PQsocket(conn_) < 0) return false;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  return poll(&socket, 1, 0) == 0;  // nothing to read, no close: as it was left
}

Status Connection::Listen(std::string_view channel) {
  // Named, so that it can be told apart in pg_stat_activity.
  return Simple(fmt::format("SET application_name = 'foresight listener'; LISTEN {}", channel));
}

Status Connection::Ping() { return Simple("SELECT 1"); }

Result<size_t> Connection::AwaitNotifications(std::chrono::milliseconds timeout) {
  const auto lost = [this]() {
    return Fail(ErrorCode::kUnavailable,
                fmt::format("the database connection that listens was lost: {}",
                            Trimmed(PQerrorMessage(conn_))));
  };
  // What arrived already, whether or not the socket shows it (an encrypted connection may
  // hold decrypted bytes that poll cannot see); then, when nothing did, a wait.
  const auto take = [this, &lost]() -> Result<size_t> {
    if (PQconsumeInput(conn_) == 0) return lost();
    size_t n = 0;
    while (PGnotify* notice = PQnotifies(conn_)) {
      PQfreemem(notice);
      ++n;
    }
    if (PQstatus(conn_) != CONNECTION_OK) return lost();
    return n;
  };
  if (PQstatus(conn_) != CONNECTION_OK || PQsocket(conn_) < 0) return lost();
  auto held = take();
  if (!held || *held > 0) return held;
  pollfd socket{PQsocket(conn_), POLLIN, 0};
  const int ready = poll(&socket, 1, static_cast<int>(timeout.count()));
  if (ready < 0 && errno != EINTR) return lost();
  return take();
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
  return Simple(sql);
}

Status Connection::Simple(std::string_view sql) {
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
    last_state_.clear();
    Defer("BEGIN");  // sent with the body's first statement
    in_transaction_ = true;
    Status done = body();
    if (done) done = Exec("COMMIT");  // with the statements deferred until the end
    in_transaction_ = false;
    deferred_.clear();
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
