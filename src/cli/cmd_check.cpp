// `foresight check [PATH] [--format text|json|sarif|md] [--fail-on error|warning|info]`
#include <memory>

#include <CLI/CLI.hpp>

#include "app/check.hpp"
#include "cli/command.hpp"
#include "report/check_report.hpp"

namespace foresight::cli {

Runner AddCheck(CLI::App& sub) {
  struct Options {
    std::string path = ".";
    std::string format;
    std::string fail_on = "error";
    std::string color = "auto";
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("path", opts->path, "The charter, or a directory holding foresight.yaml")
      ->capture_default_str();
  AddFormatOption(sub, opts->format, {"text", "json", "sarif", "md"});
  sub.add_option("--fail-on", opts->fail_on,
                 "Exit with 1 when a finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "info"}))
      ->capture_default_str();
  sub.add_option("--color", opts->color, "Colour the text output: auto|always|never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return [opts] {
    Result<core::CheckResult> result = app::CheckCharterFile(opts->path);
    if (!result) return ReportError(result.error());
    WriteStdout(report::RenderCheck(*result, *report::ParseFormat(opts->format),
                                    diag::TextStyle{.color = UseColor(opts->color)}));
    if (!result->readable) return 2;
    return result->HasFindingAtOrAbove(*ParseSeverity(opts->fail_on)) ? 1 : 0;
  };
}

}  // namespace foresight::cli
