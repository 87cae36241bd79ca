// The `rules` and `explain` use cases: the rule registry, rendered.
#pragma once

#include <string>
#include <string_view>

#include "base/result.hpp"
#include "report/format.hpp"

namespace foresight::app {

// Every rule as a table (text), a JSON list (json) or docs/rules.md (md). SARIF is refused.
Result<std::string> ListRules(report::Format format);

// One rule in full. Fails with kNotFound (with a did-you-mean) for an unknown id.
Result<std::string> ExplainRule(std::string_view id, report::Format format);

}  // namespace foresight::app
