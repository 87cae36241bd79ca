#include "app/rules_info.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "report/rules_report.hpp"
#include "rules/registry.hpp"

namespace foresight::app {

Result<std::string> ListRules(report::Format format) {
  const std::vector<core::RuleMeta> metas = rules::BuiltinRules().Metas();
  switch (format) {
    case report::Format::kText:
      return report::RenderRulesText(metas);
    case report::Format::kJson:
      return report::RenderRulesJson(metas);
    case report::Format::kMarkdown:
      return report::RenderRulesMarkdown(metas);
    case report::Format::kSarif:
      break;
  }
  return Fail(ErrorCode::kInvalidArgument,
              "`rules` prints text, json or md; SARIF carries rules inside `check --format sarif`");
}

Result<std::string> ExplainRule(std::string_view id, report::Format format) {
  const rules::RuleDef* rule = rules::BuiltinRules().Find(id);
  if (rule == nullptr) {
    std::vector<std::string> ids;
    for (const rules::RuleDef& r : rules::BuiltinRules().rules()) {
      ids.push_back(ToLowerAscii(r.meta.id));
    }
    std::vector<std::string_view> views(ids.begin(), ids.end());
    std::string message = fmt::format("no rule '{}'", id);
    if (auto match = ClosestMatch(ToLowerAscii(id), views)) {
      std::string upper = *match;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      message += fmt::format(" (did you mean {}?)", upper);
    }
    message += "; `foresight rules` lists them all";
    return Fail(ErrorCode::kNotFound, message);
  }
  switch (format) {
    case report::Format::kText:
      return report::RenderRuleExplain(rule->meta);
    case report::Format::kJson:
      return report::RenderRulesJson(std::span<const core::RuleMeta>(&rule->meta, 1));
    case report::Format::kMarkdown:
    case report::Format::kSarif:
      break;
  }
  return Fail(ErrorCode::kInvalidArgument, "`explain` prints text or json");
}

}  // namespace foresight::app
