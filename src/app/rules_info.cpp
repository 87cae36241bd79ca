#include "app/rules_info.hpp"

#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/registry.hpp"

namespace foresight::app {

std::vector<core::RuleMeta> ListRules() { return rules::BuiltinRules().Metas(); }

Result<core::RuleMeta> FindRule(std::string_view id) {
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
  return rule->meta;
}

}  // namespace foresight::app
