// Thin RAII wrappers over libpq: a connection, queries with parameters, and their rows, with
// failures turned into Error values by SQLSTATE. Private to the PostgreSQL store.
//
// Parameters go as text (bytea as binary); rows come back as text and are parsed here. A
// Connection (and the Rows it returned) is used by one thread at a time, like the Store on
// it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"

struct pg_conn;
struct pg_result;

namespace foresight::store::postgres {

// A query's parameters, $1, $2, ... in the order added.
class Params {
 public:
  Params& Text(std::string_view value);
  Params& Int(int64_t value);
  Params& Int(std::optional<int64_t> value);
  Params& Double(std::optional<double> value);
  Params& Bytes(std::string_view value);  // bytea
  // Arrays (text[], bigint[]), for statements that take many rows at once (unnest).
  Params& TextArray(const std::vector<std::string>& values);
  Params& IntArray(const std::vector<int64_t>& values);
  Params& Null();

 private:
  friend class Connection;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<int> binary_;
};

// One row of a result; columns are 0-based. Values are parsed from PostgreSQL's text form.
class Row {
 public:
  Row(const pg_result* result, int row) : result_(result), row_(row) {}
  bool IsNull(int column) const;
  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  // A bytea column, decoded from its hex text form.
  std::string Bytes(int column) const;

 private:
  const pg_result* result_;
  int row_;
};

// A query's result: its rows, owned.
class Rows {
 public:
  explicit Rows(pg_result* result);
  Rows(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  Rows& operator=(Rows&&) = delete;
  ~Rows();
  int size() const;
  bool empty() const { return size() == 0; }
  Row operator[](int row) const { return {result_, row}; }

 private:
  pg_result* result_;
};

class Connection {
 public:
  // Connects to `url` (a libpq URI or keyword string). Fails with kUnavailable when the
  // server cannot be reached, kFailedPrecondition when it refuses the login or the database.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one statement. Each call is a fault-injection point (FailStatementsForTesting).
  // Outside Transaction, a transaction that a failed ROLLBACK left open is rolled back
  // first, so its writes are never seen or committed.
  Result<Rows> Query(std::string_view sql, const Params& params = {});
  // Several statements whose answers are all needed, in one round trip (after the deferred
  // ones), in order: every statement's rows, or the first failure (the rest are not run).
  struct Statement {
    std::string_view sql;
    const Params* params;
  };
  Result<std::vector<Rows>> QueryAll(const std::vector<Statement>& statements);
  Status Exec(std::string_view sql, const Params& params = {});
  // In Transaction: a statement whose result is not needed, sent with the next one (libpq's
  // pipeline mode: several statements, one round trip). Its failure is that next statement's
  // (or the COMMIT's) failure. BEGIN is deferred so too.
  void Defer(std::string_view sql, Params params = {});
  // Runs several statements without parameters (a migration).
  Status ExecScript(std::string_view sql);

  // Runs `body` in one transaction: BEGIN, the body, COMMIT; ROLLBACK when the body or the
  // COMMIT fails. A transaction that a failed ROLLBACK left open is rolled back first.
  // When the server aborts the transaction for a serialization failure or a deadlock, the
  // whole transaction is run again, a few times, before kUnavailable is returned.
  Status Transaction(const std::function<Status()>& body);

  // Whether it can serve another Store: still connected, and no transaction open.
  bool Reusable() const;
  // Whether a statement succeeded on it within `window` (the server served it then), and
  // nothing has arrived since: an idle connection that the server ends (a restart, an
  // administrator) receives its last message and the close, so it is not quiet any more.
  bool QuietSince(std::chrono::steady_clock::duration window) const;

  // A listener's: LISTEN on `channel` (named "foresight listener" in pg_stat_activity); a
  // round trip that shows the connection still serves
  // (SELECT 1); and a wait of up to `timeout` for notifications, which returns how many
  // arrived (0: none in time). kUnavailable when the connection is lost, which a listener
  // must take as "some may have been missed". Not fault-injection points: a listener's
  // statements are its own, not a Store's.
  Status Listen(std::string_view channel);
  Status Ping();
  Result<size_t> AwaitNotifications(std::chrono::milliseconds timeout);

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  struct Deferred {
    std::string sql;
    Params params;
    std::optional<Error> injected;  // a failure injected for tests: nothing is sent
  };
  Status RollbackIfOpen();
  // Statements without parameters, by the simple protocol (no fault injection).
  Status Simple(std::string_view sql);
  // The deferred statements and this one, in one round trip (libpq's pipeline mode).
  Result<Rows> Run(std::string_view sql, const Params& params);
  Result<std::vector<Rows>> Pipeline(const std::vector<Statement>& wanted);
  // The name `sql` is prepared under on this connection (preparing it now), or "" when the
  // connection keeps no more prepared statements.
  Result<std::string> PreparedName(std::string_view sql, int parameters);
  // The rows of a statement that succeeded, or its error (noting its SQLSTATE).
  Result<Rows> Finished(pg_result* result, std::string_view sql);
  pg_conn* conn_;
  // Statements prepared on this connection, by their text: each is parsed and planned once
  // per connection (and a pooled connection serves many Stores), not once per call.
  std::unordered_map<std::string, std::string> prepared_;
  bool in_transaction_ = false;
  std::vector<Deferred> deferred_;
  std::chrono::steady_clock::time_point last_served_ = {};
  std::string last_state_;  // the SQLSTATE of the last statement that failed in Transaction
};

// Tests only, as the SQLite store's: from now on, the nth statement (1-based; BEGIN, COMMIT
// and ROLLBACK included) and the count - 1 after it fail as a lost connection would, without
// reaching the server; nth = 0 turns it off. Process-wide.
void FailStatementsForTesting(int nth, int count);
// The statements that injected failures hit since the last call.
std::vector<std::string> TakeInjectedFailuresForTesting();

// The URL with its password replaced by "***", for messages.
std::string Redacted(std::string_view url);

}  // namespace foresight::store::postgres
