#include "core/gate.hpp"

#include <algorithm>

namespace foresight::core {

std::string_view GateStatusName(GateStatus status) {
  switch (status) {
    case GateStatus::kPass:
      return "pass";
    case GateStatus::kFail:
      return "fail";
    case GateStatus::kCannotTell:
      return "cannot tell";
  }
  return "?";
}

std::string_view GateConditionId(GateConditionKind kind) {
  switch (kind) {
    case GateConditionKind::kCriterion:
      return "criterion";
    case GateConditionKind::kGuardrail:
      return "guardrail";
    case GateConditionKind::kProduction:
      return "production";
    case GateConditionKind::kCalibration:
      return "calibration";
    case GateConditionKind::kInterpretability:
      return "interpretability";
    case GateConditionKind::kCharter:
      return "charter";
    case GateConditionKind::kEvaluationSet:
      return "evaluation-set";
  }
  return "?";
}

size_t GateResult::Count(GateStatus status) const {
  return static_cast<size_t>(std::count_if(conditions.begin(), conditions.end(),
                                           [&](const auto& c) { return c.status == status; }));
}

bool GateResult::Blocks(GateStatus status) const {
  switch (status) {
    case GateStatus::kPass:
      return false;
    case GateStatus::kFail:
      return true;
    case GateStatus::kCannotTell:
      return undecided == GateUndecided::kFail;
  }
  return true;
}

bool GateResult::Passed() const {
  return std::none_of(conditions.begin(), conditions.end(),
                      [&](const auto& c) { return Blocks(c.status); });
}

}  // namespace foresight::core
