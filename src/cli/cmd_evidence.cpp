// `foresight evalset add`, `foresight run add`, `foresight evalsets`, `foresight runs`.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/ingest.hpp"
#include "app/listings.hpp"
#include "app/manage.hpp"
#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "report/workspace_report.hpp"

namespace foresight::cli {
namespace {

Result<std::unique_ptr<store::Store>> OpenStoreFor(const std::string& workspace,
                                                   store::Access access) {
  auto opened = app::OpenWorkspace(workspace, std::filesystem::current_path().string(), access);
  if (!opened) return Fail(opened.error());
  return std::move(opened->store);
}

// Prints an ingestion outcome: what was stored, or the problems (exit 2, nothing stored).
int Finish(const app::IngestOutcome& outcome) {
  if (!outcome.stored()) {
    return ReportInputProblems(outcome.diagnostics, report::Refusal::kNothingStored);
  }
  if (outcome.evalset) WriteStdout(report::RenderEvalSetAdded(*outcome.evalset));
  if (outcome.run) {
    WriteStdout(
        report::RenderRunAdded(*outcome.run, outcome.predictions, outcome.renormalized_worst_sum));
  }
  return 0;
}

void AddWorkspaceOption(CLI::App& sub, std::string& target) {
  sub.add_option("--workspace", target,
                 "The project folder holding .foresight/ (default: found upwards)");
}

// `rm NAME` and `mv NAME NEW_NAME` under `evalset` or `run`.
struct ManageOptions {
  std::string name;
  std::string new_name;
  std::string workspace;
  bool with_runs = false;
  CLI::App* rm = nullptr;
  CLI::App* mv = nullptr;
};

std::shared_ptr<ManageOptions> AddManageCommands(CLI::App& sub, report::Item item) {
  auto o = std::make_shared<ManageOptions>();
  const bool run = item == report::Item::kRun;
  const std::string noun = run ? "run" : "evaluation set";
  o->rm = sub.add_subcommand(
      "rm", run ? "Delete a run with its predictions"
                : "Delete an evaluation set that no run uses (with --with-runs, and its runs)");
  o->rm->add_option("name", o->name, "The " + noun)->required();
  if (!run) o->rm->add_flag("--with-runs", o->with_runs, "Delete the runs on it too");
  AddWorkspaceOption(*o->rm, o->workspace);
  o->mv = sub.add_subcommand("mv", "Rename " + std::string(run ? "a run" : "an evaluation set"));
  o->mv->add_option("name", o->name, "The " + noun)->required();
  o->mv->add_option("new_name", o->new_name, "Its new name")->required();
  AddWorkspaceOption(*o->mv, o->workspace);
  return o;
}

// Runs `rm` or `mv` when one of them was given (its exit code); nullopt otherwise.
std::optional<int> RunManageCommand(const ManageOptions& o, report::Item item) {
  if (!o.rm->parsed() && !o.mv->parsed()) return std::nullopt;
  auto opened = OpenStoreFor(o.workspace, store::Access::kWrite);
  if (!opened) return ReportError(opened.error());
  store::Store& store = **opened;
  const bool run = item == report::Item::kRun;
  if (o.rm->parsed()) {
    const Status done =
        run ? app::DeleteRun(store, o.name) : app::DeleteEvalSet(store, o.name, o.with_runs);
    if (!done) return ReportError(done.error());
    WriteStdout(report::RenderDeleted(item, o.name));
    return 0;
  }
  const Status done = run ? app::RenameRun(store, o.name, o.new_name)
                          : app::RenameEvalSet(store, o.name, o.new_name);
  if (!done) return ReportError(done.error());
  WriteStdout(report::RenderRenamed(item, o.name, o.new_name));
  return 0;
}

}  // namespace

Runner AddEvalSetCommand(CLI::App& sub) {
  struct Options {
    app::EvalSetAddOptions add;
    std::string task;
    std::string positive;
    std::string workspace;
  };
  auto opts = std::make_shared<Options>();
  sub.require_subcommand(1);
  CLI::App* add = sub.add_subcommand("add", "Store an evaluation set: ids, ground truth, slices");
  add->add_option("name", opts->add.name, "A name for the set")->required();
  add->add_option("file", opts->add.file, "CSV (header row) or JSON Lines (.jsonl)")->required();
  add->add_option("--id", opts->add.id_column, "The column of example ids")->required();
  add->add_option("--label", opts->add.label_column, "The column of true labels or values")
      ->required();
  add->add_option("--slice", opts->add.slice_columns, "A column to report per value (repeatable)")
      ->allow_extra_args(false);
  add->add_option("--task", opts->task, "binary|multiclass|regression (default: inferred)")
      ->check(CLI::IsMember({"binary", "multiclass", "regression"}));
  add->add_option("--positive", opts->positive, "Binary: the label of the positive class");
  AddWorkspaceOption(*add, opts->workspace);
  auto manage = AddManageCommands(sub, report::Item::kEvalSet);
  return [opts, manage] {
    if (auto managed = RunManageCommand(*manage, report::Item::kEvalSet)) return *managed;
    auto store = OpenStoreFor(opts->workspace, store::Access::kWrite);
    if (!store) return ReportError(store.error());
    opts->add.task = OptionalString(opts->task);
    opts->add.positive = OptionalString(opts->positive);
    SystemClock clock;
    auto outcome = app::AddEvalSet(**store, opts->add, clock);
    if (!outcome) return ReportError(outcome.error());
    return Finish(*outcome);
  };
}

Runner AddRunCommand(CLI::App& sub) {
  struct Options {
    app::RunAddOptions add;
    std::string score;
    std::string proba_prefix;
    std::string value;
    int64_t train_size = -1;
    double effort_hours = -1;
    std::vector<std::string> params;
    std::vector<std::string> tags;
    std::string workspace;
    std::string export_name;
    std::string export_workspace;
  };
  auto opts = std::make_shared<Options>();
  sub.require_subcommand(1);
  CLI::App* exported = sub.add_subcommand(
      "export", "Write a run's stored predictions as CSV to standard output (run add reads it)");
  exported->add_option("name", opts->export_name, "The run")->required();
  AddWorkspaceOption(*exported, opts->export_workspace);
  CLI::App* add = sub.add_subcommand("add", "Store a run's per-example predictions");
  add->add_option("name", opts->add.name, "A name for the run")->required();
  add->add_option("--evalset", opts->add.evalset, "The evaluation set it predicts")->required();
  add->add_option("--predictions", opts->add.predictions_file,
                  "CSV or JSON Lines with one row per example")
      ->required();
  add->add_option("--id", opts->add.id_column, "The column of example ids")->capture_default_str();
  auto* score = add->add_option("--score", opts->score,
                                "Binary: the positive class's score (default: score)");
  auto* proba = add->add_option("--proba-prefix", opts->proba_prefix,
                                "Multiclass: probability columns PREFIX<class> (default: proba_)");
  auto* value = add->add_option("--value", opts->value,
                                "Regression: the predicted value (default: prediction)");
  score->excludes(proba)->excludes(value);
  proba->excludes(value);
  add->add_flag("--renormalize", opts->add.renormalize,
                "Multiclass: divide each row's probabilities by their sum (rounded exports)");
  add->add_option("--method", opts->add.method, "The method (plan item) this run tries");
  add->add_option("--train-size", opts->train_size, "Training examples used")
      ->check(CLI::NonNegativeNumber);
  add->add_option("--effort-hours", opts->effort_hours, "Person-hours spent")
      ->check(CLI::NonNegativeNumber);
  add->add_option("--param", opts->params, "A parameter k=v (repeatable)")->allow_extra_args(false);
  add->add_option("--tag", opts->tags, "A tag k=v (repeatable)")->allow_extra_args(false);
  AddWorkspaceOption(*add, opts->workspace);
  auto manage = AddManageCommands(sub, report::Item::kRun);
  return [opts, exported, manage] {
    if (auto managed = RunManageCommand(*manage, report::Item::kRun)) return *managed;
    if (exported->parsed()) {
      auto store = OpenStoreFor(opts->export_workspace, store::Access::kRead);
      if (!store) return ReportError(store.error());
      auto predictions = app::ExportRun(**store, opts->export_name);
      if (!predictions) return ReportError(predictions.error());
      WriteStdout(report::RenderPredictionsCsv(*predictions));
      return 0;
    }
    auto params = KeyValues(opts->params, "--param");
    if (!params) return ReportError(params.error());
    auto tags = KeyValues(opts->tags, "--tag");
    if (!tags) return ReportError(tags.error());
    auto store = OpenStoreFor(opts->workspace, store::Access::kWrite);
    if (!store) return ReportError(store.error());
    app::RunAddOptions options = opts->add;
    options.score_column = OptionalString(opts->score);
    options.proba_prefix = OptionalString(opts->proba_prefix);
    options.value_column = OptionalString(opts->value);
    if (opts->train_size >= 0) options.train_size = opts->train_size;
    if (opts->effort_hours >= 0) options.effort_hours = opts->effort_hours;
    options.params = *params;
    options.tags = *tags;
    SystemClock clock;
    auto outcome = app::AddRun(**store, options, clock);
    if (!outcome) return ReportError(outcome.error());
    return Finish(*outcome);
  };
}

namespace {

// A listing command: --format text|json and --workspace; lists with `list`, renders with
// `text` or `json`.
template <typename Item>
Runner ListCommand(CLI::App& sub, Result<std::vector<Item>> (*list)(store::Store&),
                   std::string (*text)(const std::vector<Item>&),
                   std::string (*json)(const std::vector<Item>&)) {
  struct Options {
    std::string format;
    std::string workspace;
  };
  auto opts = std::make_shared<Options>();
  AddFormatOption(sub, opts->format, {"text", "json"});
  AddWorkspaceOption(sub, opts->workspace);
  return [opts, list, text, json] {
    auto store = OpenStoreFor(opts->workspace, store::Access::kRead);
    if (!store) return ReportError(store.error());
    auto items = list(**store);
    if (!items) return ReportError(items.error());
    WriteStdout(opts->format == "json" ? json(*items) : text(*items));
    return 0;
  };
}

}  // namespace

Runner AddEvalSetsCommand(CLI::App& sub) {
  return ListCommand<core::EvalSetInfo>(sub, app::ListEvalSets, report::RenderEvalSetsText,
                                        report::RenderEvalSetsJson);
}

Runner AddRunsCommand(CLI::App& sub) {
  return ListCommand<core::RunInfo>(sub, app::ListRuns, report::RenderRunsText,
                                    report::RenderRunsJson);
}

}  // namespace foresight::cli
