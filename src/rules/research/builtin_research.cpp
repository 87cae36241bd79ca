// The built-in research rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddResearchRules(std::vector<RuleDef>& out) {
  out.push_back(MakeR001());
  out.push_back(MakeR002());
  out.push_back(MakeR003());
  out.push_back(MakeR004());
  out.push_back(MakeR005());
  out.push_back(MakeR006());
  out.push_back(MakeR007());
}

}  // namespace foresight::rules
