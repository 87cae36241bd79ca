// `foresight serve`: the HTTP/1.1 JSON API over a store, a second thin face over the same
// app use cases as the CLI. Versioned paths (/api/v1/...), error codes mapped to HTTP
// statuses, a request size limit (413), and the API's description (OpenAPI 3) generated
// from the route table.
//
// Stateless: every request opens the store for its project (a PostgreSQL connection, or the
// SQLite file), so several servers can share one PostgreSQL database.
//
// Accounts: every route but health, the API's description and the login needs a token
// (`Authorization: Bearer fst_...`) of a user with the route's role in the project it names;
// every write is recorded in the audit log. Without accounts (`--no-auth`) the server serves
// anyone, so it listens on loopback only.
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
  std::string host = "127.0.0.1";  // beyond loopback only with accounts, and with TLS or a proxy
  int port = 8080;                 // 0: a free port, chosen by the system
  size_t threads = 8;
  size_t max_body_bytes = size_t{1} << 30U;  // larger requests get 413
  // HTTPS: a PEM certificate (chain) and its private key; both or neither.
  std::string tls_cert;
  std::string tls_key;
  // false: anyone is served as an administrator, with no token (loopback only).
  bool accounts = true;
  // A TLS-terminating proxy in front: tokens may arrive over plain HTTP beyond loopback.
  bool behind_tls_proxy = false;
};

// Who may call a route: anyone, any user with a valid token, or a user with at least this
// role in the project the path names.
enum class Permission { kPublic, kUser, kViewer, kContributor, kMaintainer, kAdmin };
std::string_view PermissionName(Permission permission);

// The HTTP status for an error code: 400, 401, 403, 404, 409, 412 and 413 for the client's
// mistakes, 503 for a busy store, 500 for damaged data and bugs.
int HttpStatus(ErrorCode code);

// One route of the API, as the OpenAPI description shows it.
struct RouteInfo {
  std::string_view method;              // "get", "post", "delete"
  std::string_view path;                // "/api/v1/projects/{project}/runs"
  std::string_view summary;             // one line
  std::vector<std::string_view> query;  // query parameters it reads
  bool body = false;                    // reads a table (CSV or JSON Lines) as its body
  Permission permission = Permission::kViewer;
  bool json = false;  // reads a JSON object as its body
  bool text = false;  // reads a text document (a charter) as its body
  bool data = false;  // reads a document of the store protocol (store/remote/wire.hpp)
};
const std::vector<RouteInfo>& Routes();

// The OpenAPI 3.0 description of every route, as JSON.
std::string OpenApiJson();

// One request served without a network, as the server would answer it: for tests and fuzz
// targets. `target` is the path with its query ("/api/v1/projects/default/runs?limit=2").
struct DirectReply {
  int status = 200;
  std::string body;  // JSON, unless `type` says otherwise
  std::string type = "application/json";
};
// `authorization` is the Authorization header ("Bearer fst_..."); with `accounts` false the
// request is served as the server without accounts serves it.
DirectReply HandleDirect(const std::string& store_url, std::string_view method,
                         std::string_view target, std::string_view content_type,
                         std::string_view body, std::string_view authorization = {},
                         bool accounts = false);

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
  // Whether it checks tokens and roles (false: --no-auth).
  bool Accounts() const;
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
