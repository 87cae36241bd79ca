// `foresight probe`: day-one baselines, learning curves and the interpretability gap.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/probe.hpp"
#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "report/probe_report.hpp"
#include "report/progress_report.hpp"

namespace foresight::cli {
namespace {

// One line on a terminal's stderr, rewritten in place: what is training and how far.
void ShowProgress(const app::ProbeProgress& p) {
  fmt::print(stderr, "\r\033[K{}",
             report::RenderProbeProgressLine(p.learner, p.size, p.done, p.total, p.seconds));
  std::fflush(stderr);
}

}  // namespace

Runner AddProbeCommand(CLI::App& sub) {
  struct Options {
    app::ProbeOptions probe;
    std::string positive;
    std::string task;
    std::string metric;
    std::string id;
    std::string name;
    std::vector<std::string> types;
    std::optional<double> budget;
    std::string format;
    std::string workspace;
    bool quiet = false;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("data", opts->probe.data, "The table: CSV, JSON Lines or ARFF")->required();
  sub.add_option("--target", opts->probe.target, "The column to predict")->required();
  sub.add_option("--positive", opts->positive,
                 "Binary: the positive class (default: a boolean's true value, else the rarer "
                 "class)");
  sub.add_option("--task", opts->task, "binary, multiclass or regression (default: inferred)")
      ->check(CLI::IsMember({"binary", "multiclass", "regression"}));
  sub.add_option("--metric", opts->metric,
                 "The metric (default: the charter's, else roc_auc, accuracy or mae)");
  sub.add_option("--folds", opts->probe.folds, "Cross-validation folds")
      ->check(CLI::Range(2, 20))
      ->capture_default_str();
  sub.add_option("--seed", opts->probe.seed, "Seed for folds, subsamples and models")
      ->capture_default_str();
  sub.add_option("--time-budget", opts->budget,
                 "Seconds: stop adding sizes and learners when they run out (and say what was "
                 "skipped)");
  sub.add_option("--id", opts->id, "A column of unique row ids (default: row numbers)");
  sub.add_option("--ignore", opts->probe.ignore, "A column to leave out (repeatable)")
      ->allow_extra_args(false);
  sub.add_option("--type", opts->types,
                 "Override a column's type: COL=numeric|boolean|categorical (repeatable)");
  sub.add_option("--learner", opts->probe.learners,
                 "Train only this learner (repeatable; default: all; `majority`, `linear`, "
                 "`tree`, `additive`, `boosting`)");
  sub.add_option("--name", opts->name,
                 "The probe's id: its evaluation set and run prefix (default: the file's name)");
  sub.add_option("--threads", opts->probe.threads, "Threads (default: the machine's cores)")
      ->check(CLI::Range(0, 256));
  sub.add_option("--resamples", opts->probe.evidence.resamples,
                 "Bootstrap resamples for intervals and the gap")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  sub.add_option("--sample", opts->probe.sample,
                 "Probe a random sample of this many rows (seeded by --seed), for tables too "
                 "large to probe whole")
      ->check(CLI::Range(size_t{20}, size_t{1} << 40U));
  sub.add_flag("--quiet", opts->quiet, "No progress line, even on a terminal");
  AddFormatOption(sub, opts->format, {"text", "json"});
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  return [opts] {
    app::ProbeOptions& o = opts->probe;
    o.positive = OptionalString(opts->positive);
    o.task = OptionalString(opts->task);
    o.metric = OptionalString(opts->metric);
    o.id_column = OptionalString(opts->id);
    o.name = OptionalString(opts->name);
    o.time_budget = opts->budget;
    for (const std::string& spec : opts->types) {
      const size_t eq = spec.rfind('=');
      const auto kind =
          eq == std::string::npos ? std::nullopt : table::ParseColumnKind(spec.substr(eq + 1));
      if (!kind || eq == 0) {
        return ReportError(Error(
            ErrorCode::kInvalidArgument,
            fmt::format("--type '{}' is not COL=KIND; KIND is numeric, boolean or categorical",
                        spec)));
      }
      o.types[spec.substr(0, eq)] = *kind;
    }
    auto opened = app::OpenWorkspace(opts->workspace, std::filesystem::current_path().string(),
                                     store::Access::kWrite);
    if (!opened) return ReportError(opened.error());
    const bool tty = !opts->quiet && ::isatty(STDERR_FILENO) != 0;
    const SystemClock clock;
    WarnAboutCharter(*opened);
    auto outcome = app::Probe(*opened->store, o, opened->criteria, clock,
                              tty ? app::ProbeProgressFn(ShowProgress) : app::ProbeProgressFn());
    if (tty) fmt::print(stderr, "\r\033[K");
    if (!outcome) return ReportError(outcome.error());
    if (!outcome->diagnostics.empty()) {
      return ReportInputProblems(outcome->diagnostics, report::Refusal::kNothingTrained);
    }
    if (Status recorded = RecordCriteriaOrWarn(*opened); !recorded) {
      return ReportError(recorded.error());
    }
    WriteStdout(opts->format == "json" ? report::RenderProbeJson(*outcome->result)
                                       : report::RenderProbeText(*outcome->result));
    return 0;
  };
}

}  // namespace foresight::cli
