// Renderers for `eval`, `compare` and `history`: plain text for people, JSON for machines
// (documented in docs/json.md). Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "core/evidence.hpp"

namespace foresight::report {

std::string RenderEvalText(const core::EvalResult& result, double confidence);
std::string RenderEvalJson(const core::EvalResult& result, double confidence);
std::string RenderCompareText(const std::vector<core::Comparison>& comparisons, double confidence);
// One comparison's verdict in plain words: who beats whom, by how much, with the interval and
// the test that decided (labelled when the interval comes from another method).
std::string CompareVerdict(const core::Comparison& comparison, double confidence);
std::string RenderCompareJson(const std::vector<core::Comparison>& comparisons, double confidence);
std::string RenderHistoryText(const std::vector<core::CriteriaVersion>& versions);
std::string RenderHistoryJson(const std::vector<core::CriteriaVersion>& versions);

}  // namespace foresight::report
