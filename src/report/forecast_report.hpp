// Renderers for `foresight forecast`: a verdict in plain words, a table and a terminal plot
// for people; JSON for machines (documented in docs/json.md). Pure: no I/O.
#pragma once

#include <string>

#include "core/forecast.hpp"

namespace foresight::report {

std::string RenderForecastText(const core::Forecast& forecast);
std::string RenderForecastJson(const core::Forecast& forecast);
// The verdict alone: what the forecast sizes bring, where the curve levels off, and what
// the target needs (the opening lines of the text report).
std::string RenderForecastVerdict(const core::Forecast& forecast);
// The plot alone: points (o), the forecast (-), its band (.), the target (=); log-scaled
// sizes across, values up. Plain ASCII, so it survives pipes, logs and CI.
std::string RenderForecastPlot(const core::Forecast& forecast, int width = 64, int height = 16);

}  // namespace foresight::report
