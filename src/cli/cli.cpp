#include "cli/cli.hpp"

#include <csignal>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/version.hpp"
#include "cli/command.hpp"

namespace foresight::cli {
namespace {

// The subcommand table. Later commands (evalset, run, eval, compare, ...) add rows here.
constexpr Command kCommands[] = {
    {"init", "Write a commented foresight.yaml to fill in", AddInit},
    {"check", "Lint the project charter: is this project doomed, and why?", AddCheck},
    {"rules", "List every rule", AddRules},
    {"explain", "Explain one rule: why it matters, how to fix it, references", AddExplain},
    {"evalset", "Store, delete or rename an evaluation set (evalset add, rm, mv)",
     AddEvalSetCommand},
    {"run", "Store, export, delete or rename a run (run add, export, rm, mv)", AddRunCommand},
    {"evalsets", "List the evaluation sets in the workspace", AddEvalSetsCommand},
    {"runs", "List the runs in the workspace", AddRunsCommand},
    {"eval", "Metrics of runs with confidence intervals, per slice, against the target",
     AddEvalCommand},
    {"compare", "Paired comparison of runs: difference, interval, p-value, verdict",
     AddCompareCommand},
    {"rank", "Every run re-scored and ranked on one metric, judged against the target",
     AddRankCommand},
    {"history", "How the charter's success criteria changed, and when", AddHistoryCommand},
    {"forecast", "What more data buys: learning-curve forecast, asymptote, data for the target",
     AddForecastCommand},
    {"probe", "Day one on the real data: baselines, learning curves, the interpretability gap",
     AddProbeCommand},
    {"gate", "Is the candidate ready for production? Exit 0 pass, 1 fail; JUnit, SARIF for CI",
     AddGateCommand},
    {"report", "One self-contained HTML report for leaders (or a Markdown summary for a PR)",
     AddReportCommand},
    {"plan", "The plan ledger (plan start|log|finish|drop) and its Monte-Carlo outlook",
     AddPlanCommand},
    {"migrate",
     "Copy a workspace into another store (the team's PostgreSQL), checked metric by "
     "metric",
     AddMigrate},
    {"serve", "Serve a store to the team over HTTP: a JSON API (GET /api/v1/openapi.json)",
     AddServe},
    {"admin", "Accounts of a served store: users, tokens, project members, the audit log",
     AddAdmin},
};

// `foresight --workspace DIR evalsets` as `foresight evalsets --workspace DIR`: the workspace
// is an option of each command that has one, and may also come before the command's name.
std::vector<std::string> WithGlobalOptionsAfterTheCommand(int argc, char** argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::vector<std::string> global;
  size_t i = 1;
  while (i < args.size()) {
    if (args[i] == "--workspace" && i + 1 < args.size()) {
      global.insert(global.end(), {args[i], args[i + 1]});
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i),
                 args.begin() + static_cast<std::ptrdiff_t>(i + 2));
    } else if (args[i].rfind("--workspace=", 0) == 0) {
      global.push_back(args[i]);
      args.erase(args.begin() + static_cast<std::ptrdiff_t>(i));
    } else if ((args[i] == "--server" || args[i] == "--project") && i + 1 < args.size()) {
      i += 2;  // the program's own options: they stay before the command
    } else if (args[i].rfind("--server=", 0) == 0 || args[i].rfind("--project=", 0) == 0) {
      i += 1;
    } else {
      break;
    }
  }
  if (!global.empty() && i < args.size()) {
    args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, global.begin(), global.end());
  } else {
    args.insert(args.end(), global.begin(), global.end());
  }
  return args;
}

int Dispatch(int argc_in, char** argv_in) {
  const std::vector<std::string> args = WithGlobalOptionsAfterTheCommand(argc_in, argv_in);
  std::vector<const char*> pointers;
  pointers.reserve(args.size());
  for (const std::string& a : args) pointers.push_back(a.c_str());
  const int argc = static_cast<int>(pointers.size());
  const char* const* argv = pointers.data();
  CLI::App app{
      "foresight tells an ML team, and the people who fund it, whether their project is heading "
      "for production, and why.",
      "foresight"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(app::Version()));
  // Remote mode: the workspace commands work on a server's project (app::RemoteSettings reads
  // the same variables, which these options set).
  std::string server;
  std::string project;
  app.add_option("--server", server,
                 "Work on a foresight server (its URL) instead of the local workspace; also "
                 "FORESIGHT_URL, with the token in FORESIGHT_TOKEN");
  app.add_option("--project", project,
                 "The server's project to work on (with --server); also FORESIGHT_PROJECT; "
                 "'default' unless given");
  std::map<CLI::App*, Runner> runners;
  for (const Command& command : kCommands) {
    CLI::App* sub = app.add_subcommand(std::string(command.name), std::string(command.summary));
    runners[sub] = command.add(*sub);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help, --version
      app.exit(e);
      return 0;
    }
    fmt::print(stderr, "foresight: error: {}\n", e.what());
    fmt::print(stderr, "run 'foresight --help' for usage\n");
    return 2;
  }
  // Set before any thread starts, for app::RemoteFromEnvironment.
  if (!server.empty()) setenv("FORESIGHT_URL", server.c_str(), 1);
  if (!project.empty()) setenv("FORESIGHT_PROJECT", project.c_str(), 1);
  for (auto& [sub, runner] : runners) {
    if (sub->parsed()) return runner();
  }
  return 2;
}

}  // namespace

int Run(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return FinishOutput(Dispatch(argc, argv));
  } catch (const std::exception& e) {
    fmt::print(stderr, "foresight: internal error, please report it: {}\n", e.what());
    return 70;
  } catch (...) {
    fmt::print(stderr, "foresight: internal error, please report it\n");
    return 70;
  }
}

}  // namespace foresight::cli
