// `foresight eval`, `foresight compare`, `foresight rank`, `foresight history`.
#include <filesystem>
#include <memory>

#include <CLI/CLI.hpp>

#include "app/evaluate.hpp"
#include "app/listings.hpp"
#include "app/rank.hpp"
#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "report/evidence_report.hpp"
#include "report/rank_report.hpp"

namespace foresight::cli {
namespace {

struct CommonOptions {
  app::EvidenceOptions evidence;
  std::string interval = "bca";
  std::string format;
  std::string workspace;
  bool no_cache = false;
  bool quiet = false;
  Progress progress;
};

void AddCommon(CLI::App& sub, CommonOptions& o) {
  // One value per --metric: `--metric roc_auc run-a` names a run, not a second metric.
  sub.add_option("--metric", o.evidence.metrics,
                 "A metric, e.g. roc_auc or fbeta{beta=2} (repeatable)")
      ->allow_extra_args(false);
  sub.add_option("--ci", o.evidence.confidence, "Confidence level of the intervals")
      ->check(CLI::Range(0.5, 0.999))
      ->capture_default_str();
  sub.add_option("--resamples", o.evidence.resamples, "Bootstrap resamples")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  sub.add_option("--interval", o.interval, "percentile|bca")
      ->check(CLI::IsMember({"percentile", "bca"}))
      ->capture_default_str();
  sub.add_option("--seed", o.evidence.seed, "Seed: the same seed gives the same intervals")
      ->capture_default_str();
  AddFormatOption(sub, o.format, {"text", "json"});
  sub.add_option("--workspace", o.workspace, "The project folder holding .foresight/");
}

// The interval and cache flags (not compare's: a paired comparison is not cached).
void AddCacheOption(CLI::App& sub, CommonOptions& o) {
  sub.add_flag("--no-cache", o.no_cache,
               "Compute every number again, without reading or writing the result cache");
}

Result<app::OpenedWorkspace> Open(const std::string& workspace) {
  return app::OpenWorkspace(workspace, std::filesystem::current_path().string(),
                            store::Access::kRead);
}

}  // namespace

Runner AddEvalCommand(CLI::App& sub) {
  struct Options : CommonOptions {
    std::vector<std::string> runs;
    bool slices = false;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("runs", opts->runs, "Runs to evaluate (default: all)");
  sub.add_flag("--slices", opts->slices, "Also per slice value, with the worst slice");
  AddCommon(sub, *opts);
  AddCacheOption(sub, *opts);
  sub.add_flag("--quiet", opts->quiet, "No progress line, even on a terminal");
  return [opts] {
    auto opened = Open(opts->workspace);
    if (!opened) return ReportError(opened.error());
    opts->evidence.bca = opts->interval == "bca";
    opts->evidence.use_cache = !opts->no_cache;
    WarnAboutCharter(*opened);
    opts->evidence.progress = &opts->progress;
    auto result = [&] {
      const ProgressBar bar("eval", opts->progress, !opts->quiet);
      return app::Evaluate(*opened->store, opts->runs, opts->evidence, opts->slices,
                           opened->criteria);
    }();
    if (!result) return ReportError(result.error());
    if (Status recorded = RecordCriteriaOrWarn(*opened); !recorded) {
      return ReportError(recorded.error());
    }
    WriteStdout(opts->format == "json"
                    ? report::RenderEvalJson(*result, opts->evidence.confidence)
                    : report::RenderEvalText(*result, opts->evidence.confidence));
    return 0;
  };
}

Runner AddCompareCommand(CLI::App& sub) {
  struct Options : CommonOptions {
    std::vector<std::string> runs;
    std::string baseline;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("runs", opts->runs,
                 "A B: how B differs from A; with --baseline, the runs to compare to it");
  sub.add_option("--baseline", opts->baseline,
                 "Compare every run given to this one (Holm-corrected)");
  AddCommon(sub, *opts);
  return [opts] {
    std::string a = opts->baseline;
    std::vector<std::string> b = opts->runs;
    if (a.empty()) {
      if (b.size() != 2) {
        return ReportError(Error(ErrorCode::kInvalidArgument,
                                 "compare takes two runs, A B, or --baseline A B C ..."));
      }
      a = b[0];
      b.erase(b.begin());
    } else if (b.empty()) {
      return ReportError(
          Error(ErrorCode::kInvalidArgument, "--baseline A needs runs to compare with A"));
    }
    auto opened = Open(opts->workspace);
    if (!opened) return ReportError(opened.error());
    opts->evidence.bca = opts->interval == "bca";
    WarnAboutCharter(*opened);
    auto result = app::Compare(*opened->store, a, b, opts->evidence, opened->criteria);
    if (!result) return ReportError(result.error());
    WriteStdout(opts->format == "json"
                    ? report::RenderCompareJson(*result, opts->evidence.confidence)
                    : report::RenderCompareText(*result, opts->evidence.confidence));
    return 0;
  };
}

Runner AddRankCommand(CLI::App& sub) {
  struct Options : CommonOptions {
    std::string metric;
    std::string evalset;
    std::string method;
    size_t intervals = 20;
    size_t top = 20;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("--metric", opts->metric,
                 "The metric to rank by (default: the charter's, else the task's first)");
  sub.add_option("--evalset", opts->evalset, "Only the runs on this evaluation set");
  sub.add_option("--method", opts->method, "Only the runs of this method");
  sub.add_option("--intervals", opts->intervals,
                 "Bootstrap intervals computed per evaluation set, best runs first (0: all that "
                 "could meet the target)")
      ->capture_default_str();
  sub.add_option("--top", opts->top, "Runs listed per evaluation set (0: all)")
      ->capture_default_str();
  sub.add_option("--ci", opts->evidence.confidence, "Confidence level of the intervals")
      ->check(CLI::Range(0.5, 0.999))
      ->capture_default_str();
  sub.add_option("--resamples", opts->evidence.resamples, "Bootstrap resamples")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  sub.add_option("--interval", opts->interval, "percentile|bca")
      ->check(CLI::IsMember({"percentile", "bca"}))
      ->capture_default_str();
  sub.add_option("--seed", opts->evidence.seed, "Seed: the same seed gives the same intervals")
      ->capture_default_str();
  AddFormatOption(sub, opts->format, {"text", "json"});
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  AddCacheOption(sub, *opts);
  sub.add_flag("--quiet", opts->quiet, "No progress line, even on a terminal");
  return [opts] {
    auto opened = Open(opts->workspace);
    if (!opened) return ReportError(opened.error());
    WarnAboutCharter(*opened);
    app::RankOptions rank;
    rank.metric = OptionalString(opts->metric);
    rank.filter.evalset = OptionalString(opts->evalset);
    rank.filter.method = OptionalString(opts->method);
    rank.max_intervals = opts->intervals;
    rank.evidence = opts->evidence;
    rank.evidence.bca = opts->interval == "bca";
    rank.evidence.use_cache = !opts->no_cache;
    rank.evidence.progress = &opts->progress;
    auto result = [&] {
      const ProgressBar bar("rank", opts->progress, !opts->quiet);
      return app::Rank(*opened->store, rank, opened->criteria);
    }();
    if (!result) return ReportError(result.error());
    WriteStdout(
        opts->format == "json"
            ? report::RenderRankJson(*result, rank.evidence.confidence, rank.evidence.resamples)
            : report::RenderRankText(*result, rank.evidence.confidence, rank.evidence.resamples,
                                     opts->top));
    return 0;
  };
}

Runner AddHistoryCommand(CLI::App& sub) {
  struct Options {
    std::string format;
    std::string workspace;
  };
  auto opts = std::make_shared<Options>();
  AddFormatOption(sub, opts->format, {"text", "json"});
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  return [opts] {
    auto opened = Open(opts->workspace);
    if (!opened) return ReportError(opened.error());
    auto versions = app::CriteriaHistory(*opened->store);
    if (!versions) return ReportError(versions.error());
    WriteStdout(opts->format == "json" ? report::RenderHistoryJson(*versions)
                                       : report::RenderHistoryText(*versions));
    return 0;
  };
}

}  // namespace foresight::cli
