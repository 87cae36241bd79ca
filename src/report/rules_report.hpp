// Renderers for `foresight rules` and `foresight explain`, and for docs/rules.md.
#pragma once

#include <span>
#include <string>

#include "core/rule_meta.hpp"

namespace foresight::report {

// A table: id, severity, factor, title.
std::string RenderRulesText(std::span<const core::RuleMeta> rules);
// A JSON list of {id, factor, severity, title, rationale, fix, references[{title, url}]}.
std::string RenderRulesJson(std::span<const core::RuleMeta> rules);
// docs/rules.md: every rule by factor, generated so it never drifts from the code.
std::string RenderRulesMarkdown(std::span<const core::RuleMeta> rules);
// One rule, in full, for a terminal.
std::string RenderRuleExplain(const core::RuleMeta& rule);

}  // namespace foresight::report
