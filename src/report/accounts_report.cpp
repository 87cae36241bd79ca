#include "report/accounts_report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace foresight::report {
// Named, not anonymous: unity builds put this file in one unit with others.
namespace accounts_text {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& json) { return json.dump(2) + "\n"; }

std::string TokenState(const core::ApiToken& t, std::string_view now) {
  if (t.revoked_at) return "revoked " + *t.revoked_at;
  if (!t.expires_at.empty() && t.expires_at <= now) return "expired " + t.expires_at;
  return t.expires_at.empty() ? std::string("valid, never expires") : "valid until " + t.expires_at;
}

}  // namespace accounts_text

using accounts_text::Dump;
using AccountJson = accounts_text::Json;

std::string RenderUsersText(const std::vector<core::User>& users) {
  if (users.empty()) {
    return "No users yet. Make the first administrator with `foresight admin user add NAME "
           "--admin --password-stdin`.\n";
  }
  std::string out = fmt::format("{:<24} {:<14} {:<10} {}\n", "USER", "KIND", "LOGIN", "ADDED");
  for (const core::User& u : users) {
    out += fmt::format("{:<24} {:<14} {:<10} {}\n", u.name, u.admin ? "administrator" : "user",
                       u.disabled                ? "disabled"
                       : u.password_hash.empty() ? "token only"
                                                 : "password",
                       u.created_at);
  }
  return out;
}

std::string RenderUsersJson(const std::vector<core::User>& users) {
  AccountJson list = AccountJson::array();
  for (const core::User& u : users) {
    list.push_back(AccountJson{{"name", u.name},
                               {"admin", u.admin},
                               {"disabled", u.disabled},
                               {"password", !u.password_hash.empty()},
                               {"created_at", u.created_at}});
  }
  return Dump(AccountJson{{"users", list}});
}

std::string RenderTokensText(const std::vector<core::ApiToken>& tokens, std::string_view now) {
  if (tokens.empty()) return "No tokens.\n";
  std::string out =
      fmt::format("{:<18} {:<16} {:<16} {:<22} {}\n", "ID", "USER", "LABEL", "MADE", "STATE");
  for (const core::ApiToken& t : tokens) {
    out += fmt::format("{:<18} {:<16} {:<16} {:<22} {}\n", t.id, t.user,
                       t.label.empty() ? "-" : t.label, t.created_at,
                       accounts_text::TokenState(t, now));
  }
  return out;
}

std::string RenderTokensJson(const std::vector<core::ApiToken>& tokens, std::string_view now) {
  AccountJson list = AccountJson::array();
  for (const core::ApiToken& t : tokens) {
    list.push_back(AccountJson{
        {"id", t.id},
        {"user", t.user},
        {"label", t.label},
        {"created_at", t.created_at},
        {"expires_at", t.expires_at},
        {"revoked_at", t.revoked_at ? AccountJson(*t.revoked_at) : AccountJson(nullptr)},
        {"state", accounts_text::TokenState(t, now)}});
  }
  return Dump(AccountJson{{"tokens", list}});
}

std::string RenderNewTokenNote(const core::ApiToken& token) {
  return fmt::format(
      "foresight: token '{}' for user '{}', valid until {}. This is the only time it is shown: "
      "the server keeps only its hash. Give it to its user over a private channel; revoke it "
      "with `foresight admin token revoke {}`.\n",
      token.id, token.user, token.expires_at, token.id);
}

std::string RenderNewTokenJson(const core::ApiToken& token, std::string_view secret) {
  return Dump(AccountJson{{"token", std::string(secret)},
                          {"id", token.id},
                          {"user", token.user},
                          {"label", token.label},
                          {"expires_at", token.expires_at}});
}

std::string RenderMembersText(std::string_view project, const std::vector<core::Member>& members) {
  if (members.empty()) {
    return fmt::format(
        "Project '{}' has no members: only administrators can use it. Add one with `foresight "
        "admin member set {} USER ROLE`.\n",
        project, project);
  }
  std::string out = fmt::format("{:<24} {}\n", "USER", "ROLE");
  for (const core::Member& m : members) {
    out += fmt::format("{:<24} {}\n", m.user, core::ProjectRoleName(m.role));
  }
  return out;
}

std::string RenderMembersJson(std::string_view project, const std::vector<core::Member>& members) {
  AccountJson list = AccountJson::array();
  for (const core::Member& m : members) {
    list.push_back(
        AccountJson{{"user", m.user}, {"role", std::string(core::ProjectRoleName(m.role))}});
  }
  return Dump(AccountJson{{"project", std::string(project)}, {"members", list}});
}

std::string RenderAuditText(const std::vector<core::AuditEntry>& entries) {
  if (entries.empty()) return "The audit log is empty.\n";
  std::string out;
  for (const core::AuditEntry& e : entries) {
    out += fmt::format("{}  {:<16} {}", e.at, e.user, e.action);
    if (!e.project.empty()) out += fmt::format("  project '{}'", e.project);
    if (!e.target.empty()) out += "  " + e.target;
    if (e.status != 0) out += fmt::format("  -> {}", e.status);
    out += "\n";
  }
  return out;
}

std::string RenderAuditJson(const std::vector<core::AuditEntry>& entries) {
  AccountJson list = AccountJson::array();
  for (const core::AuditEntry& e : entries) {
    list.push_back(AccountJson{{"at", e.at},
                               {"user", e.user},
                               {"action", e.action},
                               {"project", e.project},
                               {"target", e.target},
                               {"status", e.status}});
  }
  return Dump(AccountJson{{"entries", list}});
}

std::string RenderAccountChange(std::string_view what) { return fmt::format("{}\n", what); }

std::string RenderServeBanner(const ServeBanner& b) {
  std::string out = fmt::format("foresight: serving {} on {}://{}:{}; Ctrl-C stops it\n", b.store,
                                b.tls ? "https" : "http", b.host, b.port);
  if (!b.accounts) {
    out +=
        "foresight: WARNING: running WITHOUT ACCOUNTS (--no-auth): every program on this machine "
        "can read, change and delete every project, and nothing records who did. Use it only "
        "alone, on your own machine.\n";
  } else {
    out +=
        "foresight: every request but health and login needs a token; `foresight admin` "
        "manages users, tokens and members\n";
    if (b.behind_tls_proxy && !b.tls) {
      out +=
          "foresight: plain HTTP, trusting the TLS-terminating proxy in front to encrypt "
          "the tokens on the network\n";
    }
  }
  return out;
}

}  // namespace foresight::report
