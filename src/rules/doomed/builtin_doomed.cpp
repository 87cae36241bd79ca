// The built-in doomed rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddDoomedRules(std::vector<RuleDef>& out) { out.push_back(MakeD001()); }

}  // namespace foresight::rules
