// `foresight rules [--format text|json|md]` and `foresight explain ID [--format text|json]`
#include <memory>

#include <CLI/CLI.hpp>

#include "app/rules_info.hpp"
#include "cli/command.hpp"

namespace foresight::cli {

Runner AddRules(CLI::App& sub) {
  auto format = std::make_shared<std::string>();
  AddFormatOption(sub, *format, {"text", "json", "md"});
  return [format] {
    Result<std::string> text = app::ListRules(*report::ParseFormat(*format));
    if (!text) return ReportError(text.error());
    WriteStdout(*text);
    return 0;
  };
}

Runner AddExplain(CLI::App& sub) {
  struct Options {
    std::string id;
    std::string format;
  };
  auto opts = std::make_shared<Options>();
  sub.add_option("rule", opts->id, "A rule id, e.g. D001")->required();
  AddFormatOption(sub, opts->format, {"text", "json"});
  return [opts] {
    Result<std::string> text = app::ExplainRule(opts->id, *report::ParseFormat(opts->format));
    if (!text) return ReportError(text.error());
    WriteStdout(*text);
    return 0;
  };
}

}  // namespace foresight::cli
