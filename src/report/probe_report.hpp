// Renderers for `foresight probe`: what simple and strong models reach on the team's data,
// what more data would buy, and what interpretability costs, in plain words for people;
// JSON for machines (documented in docs/json.md). Pure: no I/O.
#pragma once

#include <string>

#include "core/probe.hpp"

namespace foresight::report {

// The interpretability gap in plain words. `g.difference` (and its interval) is black box
// minus glass box in the metric's units; `higher` is the metric's direction; `rate` says the
// metric lives in [0, 1], so differences read as points (x100). "Little" means the whole
// interval is under 2 points.
std::string GapVerdict(const core::ProbeGap& g, bool higher, const std::string& metric, bool rate,
                       double confidence);

std::string RenderProbeText(const core::ProbeResult& result);
std::string RenderProbeJson(const core::ProbeResult& result);

}  // namespace foresight::report
