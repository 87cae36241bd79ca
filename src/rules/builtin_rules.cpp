#include "rules/builtin_rules.hpp"

#include "rules/registry.hpp"

namespace foresight::rules {

const Registry& BuiltinRules() {
  static const Registry registry = [] {
    std::vector<RuleDef> rules;
    AddResearchRules(rules);
    AddManagementRules(rules);
    AddDoomedRules(rules);
    AddProductionRules(rules);
    return Registry(std::move(rules));
  }();
  return registry;
}

}  // namespace foresight::rules
