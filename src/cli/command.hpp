// The subcommand table's row type and the helpers every subcommand uses for output.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "app/measure.hpp"
#include "app/workspace.hpp"
#include "base/progress.hpp"
#include "base/result.hpp"
#include "report/format.hpp"
#include "report/workspace_report.hpp"

namespace CLI {
class App;
}  // namespace CLI

namespace foresight::cli {

// Runs a parsed subcommand; returns the exit code.
using Runner = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view summary;
  // Declares the subcommand's options on `sub`; the returned runner reads them.
  Runner (*add)(CLI::App& sub);
};

// `text` with the field references of the core (FieldRef) spelled as this CLI's flags.
std::string SpellForCli(std::string_view text);

// Writes to stdout, field references spelled as flags; a closed pipe (`foresight rules | head`)
// ends output quietly.
void WriteStdout(std::string_view text);

// At the end of a command: when writing its output failed (a full disk, an I/O error;
// not a closed pipe, which ends output quietly), says so and returns that error's exit
// code, whatever the command returned; else `exit_code`.
int FinishOutput(int exit_code);

// The store a server-side command works on: `store` when given (a URL or a workspace folder),
// else the workspace found upwards from the current directory, as sqlite:PATH.
Result<std::string> ChosenStore(const std::string& store);

// Prints "foresight: error: <message>" to stderr and returns the error's exit code.
int ReportError(const Error& error);

// Prints problems found in a user's file (rendered like compiler errors, coloured on a
// terminal), then what was not done, to stderr; returns exit code 2.
int ReportInputProblems(const std::vector<diag::Diagnostic>& diagnostics, report::Refusal refusal);

// Prints "foresight: warning: ..." to stderr when the workspace's charter exists but could
// not be read, so its success criteria are not applied.
void WarnAboutCharter(const app::OpenedWorkspace& opened);

// Prints "foresight: warning: ..." to stderr: the workspace can only be read, so what a
// reading command would have kept (the charter's criteria version, cached results) is not.
void WarnReadOnly(const app::OpenedWorkspace& opened);

// app::RecordCriteriaAfterReading, with its warnings: the workspace can only be read, or the
// caller's role may not change the project's criteria. Returns the error that stops the
// command, if any.
Status RecordCriteriaOrWarn(const app::OpenedWorkspace& opened);

// A progress line on stderr while long work advances `progress`: only when stderr is a
// terminal and `enabled` (not --quiet), first drawn once the work has taken a second (quick
// commands never flicker), redrawn five times a second from a thread of its own, erased when
// the bar is destroyed, before the command prints its result.
class ProgressBar {
 public:
  ProgressBar(std::string command, const Progress& progress, bool enabled);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

 private:
  void Draw();
  std::string command_;
  const Progress& progress_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool drawn_ = false;
  std::thread thread_;
};

// The workspace's charter path, foresight.yaml beside .foresight/, relative to the working
// directory when it lies below it: how it is shown, and how SARIF locates it (CI runs at a
// repository's root).
std::string DefaultCharterPath(const app::OpenedWorkspace& opened);

// Splits repeatable "k=v" options (--param, --tag); a missing '=' is a usage error naming
// `option`.
Result<std::vector<std::pair<std::string, std::string>>> KeyValues(
    const std::vector<std::string>& items, std::string_view option);

// An option's value, or nothing when it was left empty (not given).
std::optional<std::string> OptionalString(const std::string& value);

// Adds `--format` with the given allowed formats (first is the default) and returns a
// pointer to the parsed value, owned by the caller's closure.
void AddFormatOption(CLI::App& sub, std::string& target,
                     std::initializer_list<std::string> allowed);

// --resamples, --seed, --no-cache and --quiet, for the commands that measure through other use
// cases (gate, report): their numbers are eval's, with its defaults.
void AddMeasuringOptions(CLI::App& sub, app::EvidenceOptions& evidence, bool& no_cache,
                         bool& quiet);

// Whether to colour output: `--color always|never|auto`; auto means stdout is a terminal and
// NO_COLOR is not set.
bool UseColor(const std::string& color_option);

Runner AddCheck(CLI::App& sub);
Runner AddInit(CLI::App& sub);
Runner AddRules(CLI::App& sub);
Runner AddExplain(CLI::App& sub);
Runner AddEvalSetCommand(CLI::App& sub);
Runner AddRunCommand(CLI::App& sub);
Runner AddEvalSetsCommand(CLI::App& sub);
Runner AddRunsCommand(CLI::App& sub);
Runner AddEvalCommand(CLI::App& sub);
Runner AddCompareCommand(CLI::App& sub);
Runner AddRankCommand(CLI::App& sub);
Runner AddHistoryCommand(CLI::App& sub);
Runner AddForecastCommand(CLI::App& sub);
Runner AddProbeCommand(CLI::App& sub);
Runner AddGateCommand(CLI::App& sub);
Runner AddReportCommand(CLI::App& sub);
Runner AddPlanCommand(CLI::App& sub);
Runner AddMigrate(CLI::App& sub);
Runner AddServe(CLI::App& sub);
Runner AddAdmin(CLI::App& sub);

}  // namespace foresight::cli
