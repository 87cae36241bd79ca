// Renderers for `foresight gate`: text for people (with --explain, what each condition
// checked), JSON, Markdown for a pull-request comment, and JUnit XML and SARIF 2.1.0 for CI
// systems. Pure: no I/O. Every sentence about a condition is made here, once.
#pragma once

#include <string>

#include "core/gate.hpp"

namespace foresight::report {

// What a condition requires, e.g. "roc_auc at least 0.8 (the success criterion)".
std::string GateRequirement(const core::GateCondition& condition, double confidence);
// What the evidence says, e.g. "0.8421, at least 0.8153 with 95% confidence; ...".
std::string GateEvidence(const core::GateCondition& condition, const core::GateResult& result);
// What to do when the condition does not pass; empty when it passes.
std::string GateNextStep(const core::GateCondition& condition, const core::GateResult& result);
// How a condition of this kind is checked (--explain, SARIF's rule descriptions).
std::string GateCheckExplained(core::GateConditionKind kind, double confidence);

std::string RenderGateText(const core::GateResult& result, bool explain);
std::string RenderGateJson(const core::GateResult& result);
std::string RenderGateMarkdown(const core::GateResult& result);
std::string RenderGateJunit(const core::GateResult& result);
std::string RenderGateSarif(const core::GateResult& result, const std::string& tool_version);

}  // namespace foresight::report
