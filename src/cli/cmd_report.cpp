// `foresight report [-o FILE] [--format html|md] [--base RUN] [--charter PATH]`
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/check.hpp"
#include "app/project_report.hpp"
#include "app/workspace.hpp"
#include "base/files.hpp"
#include "cli/command.hpp"
#include "report/project_report.hpp"

namespace foresight::cli {

Runner AddReportCommand(CLI::App& sub) {
  struct Options {
    std::string output;
    std::string format;
    std::string base;
    std::string charter;
    std::string workspace;
    std::string today;
    bool no_cache = false;
    bool quiet = false;
    app::ReportOptions report;
    Progress progress;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("-o,--output", opts->output,
                 "Write the report to this file (default: standard output)");
  AddFormatOption(sub, opts->format, {"html", "md"});
  sub.add_option("--base", opts->base,
                 "A run to report the changes since (the Markdown summary of a pull request)");
  sub.add_option("--charter", opts->charter,
                 "The charter (default: foresight.yaml beside .foresight/)");
  sub.add_option("--ci", opts->report.evidence.confidence, "Confidence level of the intervals")
      ->check(CLI::Range(0.5, 0.999))
      ->capture_default_str();
  AddMeasuringOptions(sub, opts->report.evidence, opts->no_cache, opts->quiet);
  sub.add_option("--today", opts->today,
                 "The day the plan's outlook is simulated from, YYYY-MM-DD (default: today)");
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  return [opts] {
    auto opened = app::OpenWorkspace(opts->workspace, std::filesystem::current_path().string(),
                                     store::Access::kRead);
    if (!opened) return ReportError(opened.error());
    std::string charter = opts->charter;
    if (charter.empty() && opened->charter) charter = DefaultCharterPath(*opened);
    if (!charter.empty()) {
      auto check = app::CheckCharterFile(charter);
      if (!check) return ReportError(check.error());
      opts->report.check = std::move(*check);
    }
    opts->report.project_fallback =
        std::filesystem::path(opened->workspace.root).filename().string();
    opts->report.base = OptionalString(opts->base);
    opts->report.plan_today = OptionalString(opts->today);
    opts->report.evidence.use_cache = !opts->no_cache && !opened->store->ReadOnly();
    opts->report.evidence.progress = &opts->progress;
    const SystemClock clock;
    auto built = [&] {
      const ProgressBar bar("report", opts->progress, !opts->quiet);
      return app::BuildReport(*opened->store, opts->report, clock);
    }();
    if (!built) return ReportError(built.error());
    const std::string text = opts->format == "md" ? report::RenderReportMarkdown(*built)
                                                  : report::RenderReportHtml(*built);
    if (opts->output.empty()) {
      WriteStdout(text);
      return 0;
    }
    if (auto written = WriteFileAtomic(opts->output, text, true); !written) {
      return ReportError(written.error());
    }
    WriteStdout(report::RenderReportWritten(opts->output, text.size()));
    return 0;
  };
}

}  // namespace foresight::cli
