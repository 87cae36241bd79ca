// `foresight forecast`: what more data buys, from a points file or a method's runs.
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/forecast.hpp"
#include "app/workspace.hpp"
#include "cli/command.hpp"
#include "report/forecast_report.hpp"

namespace foresight::cli {

Runner AddForecastCommand(CLI::App& sub) {
  struct Options {
    std::string points;
    std::string method;
    std::string metric;
    std::string evalset;
    std::vector<std::string> tags;
    bool lower = false;
    bool higher = false;
    std::vector<double> at;
    std::optional<double> target;
    double band = 0.8;
    app::EvidenceOptions evidence;
    Progress progress;
    bool quiet = false;
    std::string format;
    std::string workspace;
  };
  auto opts = std::make_shared<Options>();
  opts->evidence.resamples = app::kCurveResamples;
  sub.add_option("--points", opts->points,
                 "CSV or JSON Lines with columns size,value[,stderr] (several rows per size "
                 "allowed)");
  sub.add_option("--method", opts->method,
                 "Forecast the workspace's runs of this method (their --train-size and metric)");
  sub.add_option("--metric", opts->metric,
                 "With --method: the metric (default: the charter's, else the task's first)");
  sub.add_option("--evalset", opts->evalset,
                 "With --method: the evaluation set, when its runs use several");
  sub.add_option("--tag", opts->tags, "With --method: only runs with this tag k=v (repeatable)")
      ->allow_extra_args(false);
  auto* lower = sub.add_flag("--lower-is-better", opts->lower, "Lower values are better (errors)");
  sub.add_flag("--higher-is-better", opts->higher, "Higher values are better (accuracy)")
      ->excludes(lower);
  sub.add_option("--at", opts->at, "Training sizes to forecast (default: 2x and 10x the largest)");
  sub.add_option("--target", opts->target,
                 "The value to reach (default with --method: the charter's threshold)");
  sub.add_option("--band", opts->band, "Level of the predictive band")
      ->check(CLI::Range(0.5, 0.99))
      ->capture_default_str();
  sub.add_option("--resamples", opts->evidence.resamples,
                 "With --method: bootstrap resamples for each point's standard error")
      ->check(CLI::Range(100, 100000))
      ->capture_default_str();
  sub.add_option("--seed", opts->evidence.seed, "With --method: bootstrap seed")
      ->capture_default_str();
  AddFormatOption(sub, opts->format, {"text", "json"});
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  sub.add_flag("--quiet", opts->quiet, "No progress line, even on a terminal");
  return [opts] {
    if (opts->points.empty() == opts->method.empty()) {
      return ReportError(Error(ErrorCode::kInvalidArgument,
                               "give either --points FILE or --method NAME (one of them)"));
    }
    app::ForecastSettings settings;
    if (opts->lower) settings.higher_is_better = false;
    if (opts->higher) settings.higher_is_better = true;
    settings.at = opts->at;
    settings.target = opts->target;
    settings.band = opts->band;
    Result<app::ForecastOutcome> outcome = Fail(ErrorCode::kInternal, "unset");
    if (!opts->points.empty()) {
      if (!opts->metric.empty() || !opts->evalset.empty() || !opts->tags.empty()) {
        return ReportError(Error(ErrorCode::kInvalidArgument,
                                 "--metric, --evalset and --tag go with --method, not --points"));
      }
      outcome = app::ForecastFromFile(opts->points, settings);
    } else {
      auto tags = KeyValues(opts->tags, "--tag");
      if (!tags) return ReportError(tags.error());
      auto opened = app::OpenWorkspace(opts->workspace, std::filesystem::current_path().string(),
                                       store::Access::kRead);
      if (!opened) return ReportError(opened.error());
      WarnAboutCharter(*opened);
      opts->evidence.progress = &opts->progress;
      const ProgressBar bar("forecast", opts->progress, !opts->quiet);
      outcome = app::ForecastFromMethod(
          *opened->store, opts->method, OptionalString(opts->metric),
          {.evalset = OptionalString(opts->evalset), .tags = std::move(*tags)}, settings,
          opts->evidence, opened->criteria);
    }
    if (!outcome) return ReportError(outcome.error());
    if (!outcome->diagnostics.empty()) {
      return ReportInputProblems(outcome->diagnostics, report::Refusal::kNoForecast);
    }
    WriteStdout(opts->format == "json" ? report::RenderForecastJson(*outcome->forecast)
                                       : report::RenderForecastText(*outcome->forecast));
    return 0;
  };
}

}  // namespace foresight::cli
