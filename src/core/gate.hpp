// The readiness gate's result (`foresight gate`): each condition's status with the evidence
// it rests on, as plain values for the renderers (text, JSON, Markdown, JUnit, SARIF).
#pragma once

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_file.hpp"
#include "core/enums.hpp"

namespace foresight::core {

enum class GateStatus { kPass, kFail, kCannotTell };

// "pass", "fail", "cannot tell": stable, in JSON.
std::string_view GateStatusName(GateStatus status);

enum class GateConditionKind {
  kCriterion,         // the primary metric's one-sided bound against success.threshold
  kGuardrail,         // one of success.guardrails: every slice value within its bound
  kProduction,        // the candidate is not worse than gate.production (non-inferiority)
  kCalibration,       // the candidate's expected calibration error below a bound
  kInterpretability,  // constraints.interpretability: required means an interpretable method
  kCharter,           // the charter has no errors
  kEvaluationSet,     // success.evaluation.drawn_like_production
};

// "criterion", "guardrail", "production", "calibration", "interpretability", "charter",
// "evaluation-set": stable ids (JUnit test names, SARIF rule ids, JSON).
std::string_view GateConditionId(GateConditionKind kind);

// Why a condition is what it is, when the measurement alone does not say.
enum class GateReason {
  kMeasured,            // decided by the measurement in the fields
  kNotRequired,         // the charter does not ask for it (interpretability not required)
  kNotDeclared,         // the charter does not declare what the condition needs (`field`)
  kMetricNotForTask,    // `metric` is unknown or does not apply to the set's task
  kSliceNotFound,       // the guardrail's slice names no slice column of the evaluation set
  kTooFewExamples,      // too few examples to decide at all
  kOtherEvaluationSet,  // the production run was measured on another evaluation set
  kNoMethod,            // the candidate run records no method
  kMethodNotInPlan,     // the candidate's method is not among plan.methods
  kNotMarked,           // the method is in the plan but says nothing of interpretability
  kMeasureFailed,       // the metric could not be computed (`detail` says why)
};

// A measurement against a limit: the decision rests on the one-sided bounds [lower, upper]
// at the charter's confidence.
struct GateMeasure {
  std::string run;
  std::string slice;  // "sex=female" for a slice value; empty for the whole set
  double estimate = std::numeric_limits<double>::quiet_NaN();
  double lower = std::numeric_limits<double>::quiet_NaN();
  double upper = std::numeric_limits<double>::quiet_NaN();
  size_t n = 0;
};

struct GateCondition {
  GateConditionKind kind = GateConditionKind::kCriterion;
  GateStatus status = GateStatus::kCannotTell;
  GateReason reason = GateReason::kMeasured;
  std::string field;   // the charter field that configures it: "success.guardrails[0]"
  Span span;           // where that field is written (empty when absent)
  std::string metric;  // canonical spelling when foresight knows it, else as written
  bool higher_is_better = true;
  // The limits it is judged against: passes when lower >= min and upper <= max.
  std::optional<double> min;
  std::optional<double> max;
  // The deciding measurement (the worst slice value for a guardrail), and every one taken.
  std::optional<GateMeasure> deciding;
  std::vector<GateMeasure> measures;
  // kCriterion: P(target met), NaN when there are too few examples to say.
  double probability = std::numeric_limits<double>::quiet_NaN();
  // kProduction: the production run and the margin; `deciding` holds the difference
  // candidate - production, oriented so that positive is better.
  std::string production;
  double margin = 0;
  // kGuardrail: the slice column it is measured on, as written and as found.
  std::string slice;
  // kInterpretability: the candidate's method.
  std::string method;
  // kCharter: its errors, and the rule codes of the first few.
  size_t errors = 0;
  std::vector<std::string> error_codes;
  std::string detail;  // kMeasureFailed: the error's message
};

struct GateResult {
  std::string charter_path;
  std::shared_ptr<const SourceFile> charter;  // the spans of the conditions point into it
  std::string candidate;                      // the run judged
  bool candidate_chosen = false;  // true when the gate picked the newest run (none named)
  std::string evalset;
  std::string method;        // the candidate's; may be empty
  double confidence = 0.95;  // one-sided, the charter's success.confidence
  GateUndecided undecided = GateUndecided::kFail;
  std::vector<GateCondition> conditions;

  size_t Count(GateStatus status) const;
  // Whether the gate lets the candidate through: no condition fails, and none is undecided
  // unless the charter says undecided conditions pass.
  bool Passed() const;
  // Whether a condition with `status` holds the gate shut.
  bool Blocks(GateStatus status) const;
};

}  // namespace foresight::core
