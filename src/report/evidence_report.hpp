// Renderers for `eval`, `compare` and `history`: plain text for people, JSON for machines
// (documented in docs/json.md). Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "core/evidence.hpp"

namespace foresight::report {

std::string RenderEvalText(const core::EvalResult& result, double confidence);
std::string RenderEvalJson(const core::EvalResult& result, double confidence);
std::string RenderCompareText(const std::vector<core::Comparison>& comparisons);
std::string RenderCompareJson(const std::vector<core::Comparison>& comparisons, double confidence);
std::string RenderHistoryText(const std::vector<core::CriteriaVersion>& versions);
std::string RenderHistoryJson(const std::vector<core::CriteriaVersion>& versions);

}  // namespace foresight::report
