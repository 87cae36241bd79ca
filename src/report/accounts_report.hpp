// What `foresight admin` and `foresight serve` say about accounts: users, tokens, members, the
// audit log, a new token (shown once), and the server's start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/accounts.hpp"

namespace foresight::report {

std::string RenderUsersText(const std::vector<core::User>& users);
std::string RenderUsersJson(const std::vector<core::User>& users);

// `now` marks the tokens that have expired.
std::string RenderTokensText(const std::vector<core::ApiToken>& tokens, std::string_view now);
std::string RenderTokensJson(const std::vector<core::ApiToken>& tokens, std::string_view now);

// A new token: the secret alone on stdout (so scripts can take it), and this note on stderr.
std::string RenderNewTokenNote(const core::ApiToken& token);
std::string RenderNewTokenJson(const core::ApiToken& token, std::string_view secret);

std::string RenderMembersText(std::string_view project, const std::vector<core::Member>& members);
std::string RenderMembersJson(std::string_view project, const std::vector<core::Member>& members);

std::string RenderAuditText(const std::vector<core::AuditEntry>& entries);
std::string RenderAuditJson(const std::vector<core::AuditEntry>& entries);

// One line of what an account change did ("added user 'ana'").
std::string RenderAccountChange(std::string_view what);

// What `foresight serve` says when it starts: where, over what, and whether it checks tokens;
// without accounts, a warning that anyone on this machine can read and write everything.
struct ServeBanner {
  std::string store;  // password redacted
  bool tls = false;
  std::string host;
  int port = 0;
  bool accounts = true;
  bool behind_tls_proxy = false;
};
std::string RenderServeBanner(const ServeBanner& banner);

}  // namespace foresight::report
