// `foresight rules [--format text|json|md]` and `foresight explain ID [--format text|json]`
#include <memory>

#include <CLI/CLI.hpp>

#include "app/rules_info.hpp"
#include "cli/command.hpp"
#include "report/rules_report.hpp"

namespace foresight::cli {

Runner AddRules(CLI::App& sub) {
  auto format = std::make_shared<std::string>();
  AddFormatOption(sub, *format, {"text", "json", "md"});
  return [format] {
    const std::vector<core::RuleMeta> rules = app::ListRules();
    if (*format == "json") {
      WriteStdout(report::RenderRulesJson(rules));
    } else if (*format == "md") {
      WriteStdout(report::RenderRulesMarkdown(rules));
    } else {
      WriteStdout(report::RenderRulesText(rules));
    }
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
    Result<core::RuleMeta> rule = app::FindRule(opts->id);
    if (!rule) return ReportError(rule.error());
    WriteStdout(opts->format == "json"
                    ? report::RenderRulesJson(std::span<const core::RuleMeta>(&*rule, 1))
                    : report::RenderRuleExplain(*rule));
    return 0;
  };
}

}  // namespace foresight::cli
