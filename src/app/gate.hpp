// The `gate` use case: is the candidate run ready for production, judged on the evidence
// against the conditions of the charter (its success criterion, guardrails, `gate` section,
// interpretability requirement, errors and evaluation set)?
#pragma once

#include <optional>
#include <string>

#include "app/measure.hpp"
#include "base/result.hpp"
#include "core/check.hpp"
#include "core/gate.hpp"
#include "store/store.hpp"

namespace foresight::app {

struct GateOptions {
  std::optional<std::string> candidate;   // overrides gate.candidate
  std::optional<std::string> production;  // overrides gate.production
  // The bootstrap's settings; its confidence is set from the charter's success.confidence.
  EvidenceOptions evidence;
};

// Judges the candidate (options, else gate.candidate, else the newest run that is not the
// production run) on `check`'s charter. Fails with kFailedPrecondition when the charter could
// not be read or there is no run to judge, and kNotFound when a named run does not exist:
// those are misuse, not a verdict.
Result<core::GateResult> RunGate(store::Store& store, const core::CheckResult& check,
                                 const GateOptions& options);

}  // namespace foresight::app
