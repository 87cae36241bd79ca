// The built-in production rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddProductionRules(std::vector<RuleDef>& out) {
  out.push_back(MakeP001());
  out.push_back(MakeP002());
  out.push_back(MakeP003());
  out.push_back(MakeP004());
  out.push_back(MakeP005());
  out.push_back(MakeP006());
  out.push_back(MakeP007());
  out.push_back(MakeP008());
  out.push_back(MakeP009());
  out.push_back(MakeP010());
  out.push_back(MakeP011());
}

}  // namespace foresight::rules
