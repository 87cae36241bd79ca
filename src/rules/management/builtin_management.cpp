// The built-in management rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddManagementRules([[maybe_unused]] std::vector<RuleDef>& out) {}

}  // namespace foresight::rules
