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

std::optional<EvalTask> ParseEvalTask(std::string_view name) {
  if (name == "binary") return EvalTask::kBinary;
  if (name == "multiclass") return EvalTask::kMulticlass;
  if (name == "regression") return EvalTask::kRegression;
  return std::nullopt;
}

}  // namespace foresight::core
