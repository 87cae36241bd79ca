// `foresight serve`: the HTTP/1.1 JSON API over a store, a second thin face over the same
// app use cases as the CLI. Versioned paths (/api/v1/...), error codes mapped to HTTP
// statuses, a request size limit (413), and the API's description (OpenAPI 3) generated
// from the route table.
//
// Stateless: every request opens the store for its project (a PostgreSQL connection, or the
// SQLite file), so several servers can share one PostgreSQL database.
//
// Accounts, tokens and roles are not built yet: the server listens on loopback only, and
// says so when started.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace foresight::server {

struct ServeOptions {
  std::string store_url;           // sqlite:PATH, a workspace folder, or postgresql://...
  std::string host = "127.0.0.1";  // loopback only, until accounts exist
  int port = 8080;                 // 0: a free port, chosen by the system
  size_t threads = 8;
  size_t max_body_bytes = size_t{1} << 30U;  // larger requests get 413
  // HTTPS: a PEM certificate (chain) and its private key; both or neither.
  std::string tls_cert;
  std::string tls_key;
};

// The HTTP status for an error code: 400, 404, 409, 412 and 413 for the client's mistakes,
// 503 for a busy store, 500 for damaged data and bugs.
int HttpStatus(ErrorCode code);

// One route of the API, as the OpenAPI description shows it.
struct RouteInfo {
  std::string_view method;              // "get", "post", "delete"
  std::string_view path;                // "/api/v1/projects/{project}/runs"
  std::string_view summary;             // one line
  std::vector<std::string_view> query;  // query parameters it reads
  bool body = false;                    // reads a request body
};
const std::vector<RouteInfo>& Routes();

// The OpenAPI 3.0 description of every route, as JSON.
std::string OpenApiJson();

// One request served without a network, as the server would answer it: for tests and fuzz
// targets. `target` is the path with its query ("/api/v1/projects/default/runs?limit=2").
struct DirectReply {
  int status = 200;
  std::string body;  // JSON
};
DirectReply HandleDirect(const std::string& store_url, std::string_view method,
                         std::string_view target, std::string_view content_type,
                         std::string_view body);

class Server {
 public:
  // Checks the options (a loopback host; a store that opens) and binds the port.
  static Result<std::unique_ptr<Server>> Start(const ServeOptions& options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  int port() const;
  // Whether it serves HTTPS.
  bool Tls() const;
  // The store it serves, a password in its URL replaced by "***".
  std::string StoreShown() const;
  // Serves until Stop (from another thread or a signal handler's thread).
  void Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace foresight::server
