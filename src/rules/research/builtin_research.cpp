// The built-in research rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddResearchRules([[maybe_unused]] std::vector<RuleDef>& out) {}

}  // namespace foresight::rules
