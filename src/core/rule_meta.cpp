#include "core/rule_meta.hpp"

namespace foresight::core {

std::string_view FactorName(Factor factor) {
  switch (factor) {
    case Factor::kResearch:
      return "research";
    case Factor::kManagement:
      return "management";
    case Factor::kDoomed:
      return "doomed";
    case Factor::kProduction:
      return "production";
  }
  return "?";
}

std::string_view FactorTitle(Factor factor) {
  switch (factor) {
    case Factor::kResearch:
      return "ML is still research";
    case Factor::kManagement:
      return "Project management";
    case Factor::kDoomed:
      return "Doomed from the start";
    case Factor::kProduction:
      return "Leap to production";
  }
  return "?";
}

char FactorLetter(Factor factor) {
  switch (factor) {
    case Factor::kResearch:
      return 'R';
    case Factor::kManagement:
      return 'M';
    case Factor::kDoomed:
      return 'D';
    case Factor::kProduction:
      return 'P';
  }
  return '?';
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kOk:
      return "ok";
    case Verdict::kAtRisk:
      return "at risk";
    case Verdict::kFailing:
      return "failing";
  }
  return "?";
}

}  // namespace foresight::core
