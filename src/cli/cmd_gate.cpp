// `foresight gate [--run NAME] [--production NAME] [--charter PATH] [--format ...] [--explain]
//                 [--junit FILE] [--sarif FILE] [--md FILE]`
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "app/check.hpp"
#include "app/gate.hpp"
#include "app/version.hpp"
#include "app/workspace.hpp"
#include "base/files.hpp"
#include "cli/command.hpp"
#include "report/gate_report.hpp"

namespace foresight::cli {

Runner AddGateCommand(CLI::App& sub) {
  struct Options {
    std::string run;
    std::string production;
    std::string charter;
    std::string format;
    std::string workspace;
    std::string junit;
    std::string sarif;
    std::string markdown;
    bool explain = false;
    bool no_cache = false;
    bool quiet = false;
    app::GateOptions gate;
    Progress progress;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("--run", opts->run, "The run to judge (default: gate.candidate, else the newest)");
  sub.add_option("--production", opts->production,
                 "The production model's run, which the candidate must not be worse than "
                 "(default: gate.production)");
  sub.add_option("--charter", opts->charter,
                 "The charter (default: foresight.yaml beside .foresight/)");
  AddFormatOption(sub, opts->format, {"text", "json", "md", "junit", "sarif"});
  sub.add_flag("--explain", opts->explain, "Say what each condition checked");
  sub.add_option("--junit", opts->junit, "Also write JUnit XML to this file");
  sub.add_option("--sarif", opts->sarif, "Also write SARIF 2.1.0 to this file");
  sub.add_option("--md", opts->markdown, "Also write the Markdown summary to this file");
  AddMeasuringOptions(sub, opts->gate.evidence, opts->no_cache, opts->quiet);
  sub.add_option("--workspace", opts->workspace, "The project folder holding .foresight/");
  return [opts] {
    auto opened = app::OpenWorkspace(opts->workspace, std::filesystem::current_path().string(),
                                     store::Access::kRead);
    if (!opened) return ReportError(opened.error());
    // Without a charter there is nothing to judge against: CheckCharterFile says so (kNotFound).
    const std::string charter = opts->charter.empty() ? DefaultCharterPath(*opened) : opts->charter;
    auto check = app::CheckCharterFile(charter);
    if (!check) return ReportError(check.error());
    opts->gate.candidate = OptionalString(opts->run);
    opts->gate.production = OptionalString(opts->production);
    opts->gate.evidence.use_cache = !opts->no_cache;
    opts->gate.evidence.progress = &opts->progress;
    auto result = [&] {
      const ProgressBar bar("gate", opts->progress, !opts->quiet);
      return app::RunGate(*opened->store, *check, opts->gate);
    }();
    if (!result) return ReportError(result.error());
    const std::string version(app::Version());
    const auto render = [&](std::string_view format) {
      if (format == "json") return report::RenderGateJson(*result);
      if (format == "md") return report::RenderGateMarkdown(*result);
      if (format == "junit") return report::RenderGateJunit(*result);
      if (format == "sarif") return report::RenderGateSarif(*result, version);
      return report::RenderGateText(*result, opts->explain);
    };
    for (const auto& [path, format] :
         {std::pair{opts->junit, "junit"}, std::pair{opts->sarif, "sarif"},
          std::pair{opts->markdown, "md"}}) {
      if (path.empty()) continue;
      if (auto written = WriteFileAtomic(path, render(format), true); !written) {
        return ReportError(written.error());
      }
    }
    WriteStdout(render(opts->format));
    return result->Passed() ? 0 : 1;
  };
}

}  // namespace foresight::cli
