// Rule metadata and failure factors: plain values shared by rules (which own them) and
// renderers (which print them), so neither depends on the other.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/severity.hpp"

namespace foresight::core {

// The four ways ML projects fail; every rule belongs to one.
enum class Factor { kResearch, kManagement, kDoomed, kProduction };

inline constexpr Factor kAllFactors[] = {Factor::kResearch, Factor::kManagement, Factor::kDoomed,
                                         Factor::kProduction};

// "research", "management", "doomed", "production".
std::string_view FactorName(Factor factor);
// "ML is still research", ... : the heading a reader sees.
std::string_view FactorTitle(Factor factor);
// The rule-id letter: R, M, D, P.
char FactorLetter(Factor factor);

struct Reference {
  std::string title;  // "EU AI Act, Article 5(1)(d)"
  std::string url;    // may be empty
};

// What `foresight explain` prints, what SARIF puts in tool.driver.rules.
struct RuleMeta {
  std::string id;  // "D001": stable once published, never reused
  Factor factor = Factor::kDoomed;
  Severity severity = Severity::kError;
  std::string title;      // one line: what the rule catches
  std::string rationale;  // why it matters, for a business reader
  std::string fix;        // what to do
  std::vector<Reference> references;
};

// A factor's verdict, derived from the diagnostics of its rules.
enum class Verdict { kOk, kAtRisk, kFailing };

// "ok", "at risk", "failing".
std::string_view VerdictName(Verdict verdict);

struct FactorVerdict {
  Factor factor = Factor::kResearch;
  Verdict verdict = Verdict::kOk;
  std::string why;  // one sentence
  int errors = 0;
  int warnings = 0;
  int infos = 0;
};

}  // namespace foresight::core
