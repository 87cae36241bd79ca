// `foresight plan [--format text|json]`: the ledger.
// `foresight plan start|finish|drop METHOD [--on DATE] [--note TEXT]`,
// `foresight plan log METHOD --effort PERSON_WEEKS [--role ROLE] [--on DATE] [--note TEXT]`:
//   record what happened to a method of the charter's plan.
// `foresight plan outlook [--futures N] [--seed N] [--format text|json]`: the Monte-Carlo
//   outlook of what is left.
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/check.hpp"
#include "app/plan.hpp"
#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "report/plan_report.hpp"

namespace foresight::cli {

Runner AddPlanCommand(CLI::App& sub) {
  struct Options {
    std::string format;
    std::string charter;
    std::string workspace;
    std::string today;
    std::string method;
    std::string on;
    std::string note;
    std::string role;
    double effort = -1;
    std::string outlook_format;
    size_t futures = 100000;
    size_t sensitivity_futures = 10000;
    uint64_t seed = 1;
    bool no_cache = false;
    bool quiet = false;
    app::EvidenceOptions evidence;
  };
  auto opts = std::make_shared<Options>();
  sub.require_subcommand(0, 1);
  AddFormatOption(sub, opts->format, {"text", "json"});
  const auto common = [&](CLI::App& app) {
    app.add_option("--charter", opts->charter,
                   "The charter (default: foresight.yaml beside .foresight/)");
    app.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  };
  common(sub);
  sub.add_option("--today", opts->today,
                 "Read the ledger as of this day, YYYY-MM-DD (default: today)");
  const auto event = [&](const char* name, const char* what) {
    CLI::App* e = sub.add_subcommand(name, what);
    e->add_option("method", opts->method, "The method, as plan.methods names it")->required();
    e->add_option("--on", opts->on, "The day it happened, YYYY-MM-DD (default: today)");
    e->add_option("--note", opts->note, "A note kept with the event");
    e->add_option("--today", opts->today, "Record as of this day, YYYY-MM-DD (default: today)");
    common(*e);
    return e;
  };
  CLI::App* start = event("start", "Record that work on a method started");
  CLI::App* log = event("log", "Record effort spent on a method, in person-weeks");
  log->add_option("--effort", opts->effort, "Person-weeks spent")->required();
  log->add_option("--role", opts->role, "Who spent it (default: the method's role)");
  CLI::App* finish = event("finish", "Record that a method is finished");
  CLI::App* drop = event("drop", "Record that a method was dropped");
  CLI::App* outlook =
      sub.add_subcommand("outlook",
                         "Simulate the rest of the plan: the chance of success by "
                         "each date, the finish, the cost, the staffing, what moves it");
  AddFormatOption(*outlook, opts->outlook_format, {"text", "json"});
  outlook->add_option("--futures", opts->futures, "Futures simulated")
      ->check(CLI::Range(size_t{100}, size_t{10000000}))
      ->capture_default_str();
  outlook
      ->add_option("--sensitivity-futures", opts->sensitivity_futures,
                   "Futures per variant of the sensitivity analysis (0: none)")
      ->check(CLI::Range(size_t{0}, size_t{1000000}))
      ->capture_default_str();
  outlook->add_option("--seed", opts->seed, "Seed: the same seed gives the same outlook")
      ->capture_default_str();
  outlook->add_option("--today", opts->today,
                      "Simulate from this day, YYYY-MM-DD (default: today)");
  outlook->add_flag("--no-cache", opts->no_cache,
                    "Measure the learning curves again, without the result cache");
  outlook->add_flag("--quiet", opts->quiet, "No progress line, even on a terminal");
  common(*outlook);
  return [opts, start, log, finish, drop, outlook] {
    const bool writes = start->parsed() || log->parsed() || finish->parsed() || drop->parsed();
    auto opened = app::OpenWorkspace(opts->workspace, std::filesystem::current_path().string(),
                                     writes ? store::Access::kWrite : store::Access::kRead);
    if (!opened) return ReportError(opened.error());
    const std::string path = opts->charter.empty() ? DefaultCharterPath(*opened) : opts->charter;
    auto check = app::ReadPlanCharter(path);
    if (!check) return ReportError(check.error());
    auto clock = app::PlanClock(OptionalString(opts->today));
    if (!clock) return ReportError(clock.error());
    const core::Charter& charter = *check->charter;
    if (writes) {
      app::PlanEventInput in;
      in.method = opts->method;
      in.note = opts->note;
      if (!opts->on.empty()) in.on = opts->on;
      if (start->parsed()) in.kind = core::PlanEventKind::kStarted;
      if (finish->parsed()) in.kind = core::PlanEventKind::kFinished;
      if (drop->parsed()) in.kind = core::PlanEventKind::kDropped;
      if (log->parsed()) {
        in.kind = core::PlanEventKind::kLogged;
        in.effort = opts->effort;
        in.role = opts->role;
      }
      auto recorded = app::RecordPlanEvent(*opened->store, charter, in, **clock);
      if (!recorded) return ReportError(recorded.error());
      WriteStdout(report::RenderPlanEventText(recorded->event, recorded->ledger));
      return 0;
    }
    if (outlook->parsed()) {
      app::OutlookOptions options;
      options.futures = opts->futures;
      options.sensitivity_futures = opts->sensitivity_futures;
      options.seed = opts->seed;
      options.evidence.use_cache = !opts->no_cache && !opened->store->ReadOnly();
      Progress progress;
      options.evidence.progress = &progress;
      auto built = [&] {
        const ProgressBar bar("outlook", progress, !opts->quiet);
        return app::BuildOutlook(*opened->store, charter, check->file->text(), **clock, options);
      }();
      if (!built) return ReportError(built.error());
      WriteStdout(opts->outlook_format == "json" ? report::RenderOutlookJson(*built)
                                                 : report::RenderOutlookText(*built));
      return 0;
    }
    auto ledger = app::ReadPlanLedger(*opened->store, charter, **clock);
    if (!ledger) return ReportError(ledger.error());
    WriteStdout(opts->format == "json" ? report::RenderLedgerJson(*ledger)
                                       : report::RenderLedgerText(*ledger));
    return 0;
  };
}

}  // namespace foresight::cli
