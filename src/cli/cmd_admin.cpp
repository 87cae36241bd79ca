// `foresight admin [--store URL] user|token|member|audit ...`: the accounts of a served store,
// managed from the server's host (whoever can open the store is its administrator).
#include <pwd.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/accounts.hpp"
#include "cli/command.hpp"
#include "report/accounts_report.hpp"

namespace foresight::cli {
// Named, not anonymous: unity builds put this file in one unit with others.
namespace admin_cmd {

// "host:<login>": an administrator's command, as the audit log names who ran it.
std::string HostActor() {
  const passwd* entry = getpwuid(geteuid());
  return fmt::format("host:{}", entry != nullptr ? entry->pw_name : std::to_string(geteuid()));
}

// A password from stdin: asked twice without echo on a terminal, else its first line.
Result<std::string> ReadPassword() {
  const bool terminal = isatty(STDIN_FILENO) == 1;
  const auto read_line = [terminal](std::string_view prompt) -> std::optional<std::string> {
    termios saved{};
    if (terminal) {
      fmt::print(stderr, "{}", prompt);
      tcgetattr(STDIN_FILENO, &saved);
      termios quiet = saved;
      quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    const bool got = static_cast<bool>(std::getline(std::cin, line));
    if (terminal) {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved);
      fmt::print(stderr, "\n");
    }
    if (!got) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  };
  auto first = read_line("Password: ");
  if (!first) {
    return Fail(ErrorCode::kInvalidArgument,
                "no password on standard input; pipe it in (printf '%s\\n' \"$PASSWORD\" | ...) "
                "or run the command on a terminal");
  }
  if (terminal) {
    auto again = read_line("The same password again: ");
    if (!again || *again != *first) {
      return Fail(ErrorCode::kInvalidArgument, "the two passwords differ; nothing was changed");
    }
  }
  return *first;
}

struct Options {
  std::string store;
  std::string format = "text";
  std::string name;
  std::string project;
  std::string role;
  std::string label;
  int days = app::kDefaultTokenDays;
  bool admin = false;
  bool password = false;
  size_t limit = 100;
  std::optional<std::string> audit_project;
};

using Action = std::function<int(app::AccountStore&, const Options&)>;

int Done(std::string_view what) {
  WriteStdout(report::RenderAccountChange(what));
  return 0;
}

}  // namespace admin_cmd

Runner AddAdmin(CLI::App& sub) {
  using admin_cmd::Action;
  using admin_cmd::Options;
  auto opts = std::make_shared<Options>();
  auto action = std::make_shared<Action>();
  sub.add_option("--store", opts->store,
                 "The served store: postgresql://USER@HOST:PORT/DATABASE, sqlite:PATH or a "
                 "workspace folder (default: the workspace found upwards)");
  sub.require_subcommand(1);
  const auto leaf = [&](CLI::App* parent, const std::string& name, const std::string& what,
                        Action run) {
    CLI::App* cmd = parent->add_subcommand(name, what);
    cmd->callback([action, run = std::move(run)] { *action = run; });
    return cmd;
  };
  const auto with_format = [opts](CLI::App* cmd) {
    AddFormatOption(*cmd, opts->format, {"text", "json"});
  };

  CLI::App* user = sub.add_subcommand("user", "Users: add, list, passwd, disable, enable");
  user->require_subcommand(1);
  CLI::App* add = leaf(user, "add", "Add a user", [](app::AccountStore& a, const Options& o) {
    std::optional<std::string> password;
    if (o.password) {
      auto read = admin_cmd::ReadPassword();
      if (!read) return ReportError(read.error());
      password = *read;
    }
    const SystemClock now;
    auto made = app::AddUser(a, o.name, password, o.admin, admin_cmd::HostActor(), now);
    if (!made) return ReportError(made.error());
    return admin_cmd::Done(fmt::format("added {} '{}'{}", o.admin ? "administrator" : "user",
                                       o.name, password ? "" : " (no password: tokens only)"));
  });
  add->add_option("name", opts->name, "The user's name")->required();
  add->add_flag("--admin", opts->admin, "A server administrator: every role in every project");
  add->add_flag("--password-stdin", opts->password,
                "Read a password from standard input (asked twice on a terminal), so the user "
                "can log in for tokens of their own");
  CLI::App* list = leaf(user, "list", "List the users", [](app::AccountStore& a, const Options& o) {
    auto users = app::ListUsers(a);
    if (!users) return ReportError(users.error());
    WriteStdout(o.format == "json" ? report::RenderUsersJson(*users)
                                   : report::RenderUsersText(*users));
    return 0;
  });
  with_format(list);
  CLI::App* passwd = leaf(
      user, "passwd", "Set a user's password (read from standard input)",
      [](app::AccountStore& a, const Options& o) {
        auto read = admin_cmd::ReadPassword();
        if (!read) return ReportError(read.error());
        const SystemClock now;
        if (Status set = app::SetPassword(a, o.name, *read, admin_cmd::HostActor(), now); !set) {
          return ReportError(set.error());
        }
        return admin_cmd::Done(fmt::format("set the password of '{}'", o.name));
      });
  passwd->add_option("name", opts->name, "The user's name")->required();
  for (const bool disable : {true, false}) {
    CLI::App* toggle = leaf(
        user, disable ? "disable" : "enable",
        disable ? "Disable a user: no login, and its tokens stop working" : "Enable a user again",
        [disable](app::AccountStore& a, const Options& o) {
          const SystemClock now;
          if (Status set = app::SetUserDisabled(a, o.name, disable, admin_cmd::HostActor(), now);
              !set) {
            return ReportError(set.error());
          }
          return admin_cmd::Done(
              fmt::format("{} user '{}'", disable ? "disabled" : "enabled", o.name));
        });
    toggle->add_option("name", opts->name, "The user's name")->required();
  }

  CLI::App* token = sub.add_subcommand("token", "API tokens: create, list, revoke");
  token->require_subcommand(1);
  CLI::App* create =
      leaf(token, "create", "Make a token for a user; printed once, kept only as a hash",
           [](app::AccountStore& a, const Options& o) {
             const SystemClock now;
             auto issued = app::IssueToken(a, o.name, o.label, o.days, admin_cmd::HostActor(), now);
             if (!issued) return ReportError(issued.error());
             if (o.format == "json") {
               WriteStdout(report::RenderNewTokenJson(issued->token, issued->secret));
             } else {
               WriteStdout(issued->secret + "\n");
               fmt::print(stderr, "{}", report::RenderNewTokenNote(issued->token));
             }
             return 0;
           });
  create->add_option("user", opts->name, "Whose token")->required();
  create->add_option("--label", opts->label, R"(What it is for ("ci", "laptop"))");
  create->add_option("--days", opts->days, "Days until it expires (1 to 3650)")
      ->capture_default_str();
  with_format(create);
  CLI::App* tokens = leaf(token, "list", "List tokens (never their secrets)",
                          [](app::AccountStore& a, const Options& o) {
                            auto listed = app::ListTokens(a, o.name);
                            if (!listed) return ReportError(listed.error());
                            const SystemClock now;
                            const std::string at = now.NowIso8601();
                            WriteStdout(o.format == "json" ? report::RenderTokensJson(*listed, at)
                                                           : report::RenderTokensText(*listed, at));
                            return 0;
                          });
  tokens->add_option("user", opts->name, "Only this user's tokens");
  with_format(tokens);
  CLI::App* revoke =
      leaf(token, "revoke", "Revoke a token: it stops working at once",
           [](app::AccountStore& a, const Options& o) {
             const SystemClock now;
             if (Status done = app::RevokeToken(a, o.name, admin_cmd::HostActor(), now); !done) {
               return ReportError(done.error());
             }
             return admin_cmd::Done(fmt::format("revoked token '{}'", o.name));
           });
  revoke->add_option("id", opts->name, "The token's id (`foresight admin token list`)")->required();

  CLI::App* member = sub.add_subcommand("member", "Project members: set, rm, list");
  member->require_subcommand(1);
  CLI::App* set = leaf(
      member, "set", "Give a user a role in a project (viewer, contributor, maintainer, admin)",
      [](app::AccountStore& a, const Options& o) {
        const auto role = core::ParseProjectRole(o.role);
        if (!role) {
          return ReportError(Error(ErrorCode::kInvalidArgument,
                                   fmt::format("unknown role '{}'; the roles are viewer, "
                                               "contributor, maintainer and admin",
                                               o.role)));
        }
        const SystemClock now;
        if (Status done =
                app::SetMemberRole(a, o.project, o.name, role, admin_cmd::HostActor(), now);
            !done) {
          return ReportError(done.error());
        }
        return admin_cmd::Done(
            fmt::format("'{}' is a {} of project '{}'", o.name, o.role, o.project));
      });
  set->add_option("project", opts->project, "The project")->required();
  set->add_option("user", opts->name, "The user")->required();
  set->add_option("role", opts->role, "viewer, contributor, maintainer or admin")->required();
  CLI::App* rm = leaf(member, "rm", "Take a user's role in a project away",
                      [](app::AccountStore& a, const Options& o) {
                        const SystemClock now;
                        if (Status done = app::SetMemberRole(a, o.project, o.name, std::nullopt,
                                                             admin_cmd::HostActor(), now);
                            !done) {
                          return ReportError(done.error());
                        }
                        return admin_cmd::Done(
                            fmt::format("'{}' is no longer a member of '{}'", o.name, o.project));
                      });
  rm->add_option("project", opts->project, "The project")->required();
  rm->add_option("user", opts->name, "The user")->required();
  CLI::App* members =
      leaf(member, "list", "A project's members and their roles",
           [](app::AccountStore& a, const Options& o) {
             auto listed = app::ListMembers(a, o.project);
             if (!listed) return ReportError(listed.error());
             WriteStdout(o.format == "json" ? report::RenderMembersJson(o.project, *listed)
                                            : report::RenderMembersText(o.project, *listed));
             return 0;
           });
  members->add_option("project", opts->project, "The project")->required();
  with_format(members);

  CLI::App* audit = leaf(&sub, "audit", "The audit log: who wrote what, when (newest last)",
                         [](app::AccountStore& a, const Options& o) {
                           auto entries = app::ListAudit(a, o.audit_project, o.limit);
                           if (!entries) return ReportError(entries.error());
                           WriteStdout(o.format == "json" ? report::RenderAuditJson(*entries)
                                                          : report::RenderAuditText(*entries));
                           return 0;
                         });
  audit->add_option("--project", opts->audit_project, "Only this project's entries");
  audit->add_option("--limit", opts->limit, "The newest N entries (0: all)")->capture_default_str();
  with_format(audit);

  return [opts, action] {
    auto url = ChosenStore(opts->store);
    if (!url) return ReportError(url.error());
    auto accounts = app::OpenAccountStore(*url);
    if (!accounts) return ReportError(accounts.error());
    return (*action)(**accounts, *opts);
  };
}

}  // namespace foresight::cli
