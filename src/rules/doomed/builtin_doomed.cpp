// The built-in doomed rules, in id order.
#include "rules/builtin_rules.hpp"

namespace foresight::rules {

void AddDoomedRules(std::vector<RuleDef>& out) {
  out.push_back(MakeD001());
  out.push_back(MakeD002());
  out.push_back(MakeD003());
  out.push_back(MakeD004());
  out.push_back(MakeD005());
  out.push_back(MakeD006());
  out.push_back(MakeD007());
  out.push_back(MakeD008());
  out.push_back(MakeD009());
  out.push_back(MakeD010());
  out.push_back(MakeD011());
  out.push_back(MakeD012());
  out.push_back(MakeD013());
  out.push_back(MakeD014());
  out.push_back(MakeD015());
  out.push_back(MakeD016());
  out.push_back(MakeD017());
  out.push_back(MakeD018());
}

}  // namespace foresight::rules
