// Renderers for `foresight probe`: what simple and strong models reach on the team's data,
// what more data would buy, and what interpretability costs, in plain words for people;
// JSON for machines (documented in docs/json.md). Pure: no I/O.
#pragma once

#include <string>

#include "core/probe.hpp"

namespace foresight::report {

std::string RenderProbeText(const core::ProbeResult& result);
std::string RenderProbeJson(const core::ProbeResult& result);

}  // namespace foresight::report
