// Renderers for `rank`: plain text for people (the top runs of each evaluation set, and what
// the rest are), JSON for machines (every run; documented in docs/json.md). Pure: no I/O.
#pragma once

#include <cstddef>
#include <string>

#include "core/ranking.hpp"

namespace foresight::report {

// `top`: runs listed per evaluation set (0: all).
std::string RenderRankText(const core::Ranking& ranking, double confidence, size_t resamples,
                           size_t top);
std::string RenderRankJson(const core::Ranking& ranking, double confidence, size_t resamples);

}  // namespace foresight::report
