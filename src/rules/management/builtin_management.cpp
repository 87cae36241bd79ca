// The built-in management rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddManagementRules(std::vector<RuleDef>& out) {
  out.push_back(MakeM001());
  out.push_back(MakeM002());
  out.push_back(MakeM003());
  out.push_back(MakeM004());
  out.push_back(MakeM005());
  out.push_back(MakeM006());
  out.push_back(MakeM007());
  out.push_back(MakeM008());
  out.push_back(MakeM009());
  out.push_back(MakeM010());
  out.push_back(MakeM011());
}

}  // namespace foresight::rules
