// Runs rules over a charter and derives the per-factor verdicts.
#pragma once

#include <vector>

#include "core/rule_meta.hpp"
#include "diag/diagnostic.hpp"
#include "rules/registry.hpp"

namespace foresight::rules {

// Runs every rule of the registry; returns the diagnostics sorted by position.
std::vector<diag::Diagnostic> RunRules(const Registry& registry, const RuleInput& input);

// One verdict per factor, in factor order: failing with any error of that factor's rules,
// at risk with any warning, ok otherwise; with one sentence saying why. Diagnostics whose
// code is not a rule id (schema, syntax) are ignored. With the charter, the doomed factor's
// sentence also says what its screening looked at.
std::vector<core::FactorVerdict> ComputeVerdicts(const Registry& registry,
                                                 const std::vector<diag::Diagnostic>& diagnostics,
                                                 const core::Charter* charter = nullptr);

}  // namespace foresight::rules
