// The built-in production rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddProductionRules([[maybe_unused]] std::vector<RuleDef>& out) {}

}  // namespace foresight::rules
