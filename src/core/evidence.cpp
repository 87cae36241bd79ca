#include "core/evidence.hpp"

namespace foresight::core {

std::string_view EvalTaskName(EvalTask task) {
  switch (task) {
    case EvalTask::kBinary:
      return "binary";
    case EvalTask::kMulticlass:
      return "multiclass";
    case EvalTask::kRegression:
      return "regression";
  }
  return "binary";
}

std::string_view InferredPositiveName(InferredPositive how) {
  switch (how) {
    case InferredPositive::kKnownPair:
      return "known_pair";
    case InferredPositive::kRarer:
      return "rarer";
  }
  return "rarer";
}

std::string_view CriterionStatusName(CriterionStatus status) {
  switch (status) {
    case CriterionStatus::kMet:
      return "met";
    case CriterionStatus::kNotMet:
      return "not met";
    case CriterionStatus::kNotYetKnown:
      return "not yet known";
  }
  return "not yet known";
}

std::string_view ScoreMethodName(ScoreMethod method) {
  switch (method) {
    case ScoreMethod::kWilson:
      return "wilson score";
    case ScoreMethod::kHanleyMcNeil:
      return "hanley-mcneil score";
  }
  return "score";
}

std::string_view CriterionBasisName(CriterionBasis basis) {
  switch (basis) {
    case CriterionBasis::kBootstrap:
      return "bootstrap";
    case CriterionBasis::kScore:
      return "score interval";
    case CriterionBasis::kTooFewExamples:
      return "too few examples";
  }
  return "bootstrap";
}

std::optional<EvalTask> ParseEvalTask(std::string_view name) {
  if (name == "binary") return EvalTask::kBinary;
  if (name == "multiclass") return EvalTask::kMulticlass;
  if (name == "regression") return EvalTask::kRegression;
  return std::nullopt;
}

}  // namespace foresight::core
