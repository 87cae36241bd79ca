// A Store on a foresight server, over HTTP(S): the CLI's remote mode (FORESIGHT_URL).
//
// Every method is one request to the server's data routes (/api/v1/projects/{project}/data/...)
// carrying the documents of wire.hpp, so a command runs its use case here, on the same values
// a local Store would give it, while the server keeps the data, checks the token and the
// caller's role in the project, and writes each change (with its audit entry) in one
// transaction of its own store. What a method fails with is the server's error, decoded back
// to its code, message and field: the same exit code as a local store's.
//
// Beyond a local Store:
// - kUnavailable when the server cannot be reached or answers garbage (the message names the
//   server, never the token); kUnauthenticated for a missing, wrong, expired or revoked token;
//   kPermissionDenied when the caller's role does not allow the write.
// - ReadOnly() is true for a viewer (the server says which role the token holds when the
//   Store opens): reading commands then keep nothing, as on a read-only workspace.
// - Recording another charter's criteria (RecordCriteria) changes the project's success
//   criteria, which needs a maintainer: below that role, the last recorded charter is no
//   change, and any other is kPermissionDenied (the CLI warns, and goes on).
// - The result cache is read from the server (what its own measuring cached) but never
//   written from here: a cached value is trusted as a computed one, and a client could send
//   any number. PutCachedResults does nothing.
// - AuditWrites does nothing: the server audits every write under the token's user.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "store/store.hpp"

namespace foresight::store {

struct RemoteOptions {
  std::string url;      // http://HOST:PORT or https://HOST[:PORT][/PREFIX], the server's root
  std::string token;    // "fst_..."; empty for a server without accounts
  std::string ca_file;  // HTTPS: a PEM file of the certificate authority to trust (optional)
};

// Whether `url` names a server (http:// or https://) rather than a database.
bool IsServerUrl(std::string_view url);

// Opens `project` on the server. With kCreate a missing project is created (its maker becomes
// its admin); otherwise it is kNotFound, as for a local store. Fails as a method does when the
// server cannot be reached or refuses the token, and with kInvalidArgument for a URL that is
// not http(s)://HOST[:PORT][/PREFIX].
Result<std::unique_ptr<Store>> OpenRemoteStore(const RemoteOptions& options,
                                               std::string_view project, Access access);

}  // namespace foresight::store
