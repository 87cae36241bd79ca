// The factories of the built-in rules, one per file under rules/<factor>/, and the lists
// that gather them by factor. Adding a rule is adding its file and one line to its list.
#pragma once

#include <vector>

#include "rules/rule.hpp"

namespace foresight::rules {

// research/
RuleDef MakeR001();
RuleDef MakeR002();
RuleDef MakeR003();
RuleDef MakeR004();
RuleDef MakeR005();
RuleDef MakeR006();
RuleDef MakeR007();

// management/
RuleDef MakeM001();
RuleDef MakeM002();
RuleDef MakeM003();
RuleDef MakeM004();
RuleDef MakeM005();
RuleDef MakeM006();
RuleDef MakeM007();
RuleDef MakeM008();
RuleDef MakeM009();
RuleDef MakeM010();
RuleDef MakeM011();

// doomed/
RuleDef MakeD001();
RuleDef MakeD002();
RuleDef MakeD003();
RuleDef MakeD004();
RuleDef MakeD005();
RuleDef MakeD006();
RuleDef MakeD007();
RuleDef MakeD008();
RuleDef MakeD009();
RuleDef MakeD010();
RuleDef MakeD011();
RuleDef MakeD012();
RuleDef MakeD013();
RuleDef MakeD014();
RuleDef MakeD015();
RuleDef MakeD016();
RuleDef MakeD017();
RuleDef MakeD018();

// production/
RuleDef MakeP001();
RuleDef MakeP002();
RuleDef MakeP003();
RuleDef MakeP004();
RuleDef MakeP005();
RuleDef MakeP006();
RuleDef MakeP007();
RuleDef MakeP008();
RuleDef MakeP009();
RuleDef MakeP010();
RuleDef MakeP011();

// Each appends its factor's rules.
void AddResearchRules(std::vector<RuleDef>& out);
void AddManagementRules(std::vector<RuleDef>& out);
void AddDoomedRules(std::vector<RuleDef>& out);
void AddProductionRules(std::vector<RuleDef>& out);

}  // namespace foresight::rules
