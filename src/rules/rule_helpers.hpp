// Small helpers shared by rules: queries over the charter that several rules ask.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/charter.hpp"
#include "rules/rule.hpp"
#include "stats/metric.hpp"

namespace foresight::rules {

// True when `path` ("success.kpi", "plan.methods") or a section enclosing it ("success",
// "plan") was written as "TODO", or when `path` is a list with a "TODO" item. A section written as
// TODO leaves its fields absent, and a rule about a missing field must not fire on what the user
// has not filled in yet.
bool UnderPlaceholder(const core::Charter& charter, std::string_view path);

// Indices of the inputs whose kind is one of `kinds`.
std::vector<size_t> InputsOfKind(const core::Charter& charter,
                                 std::initializer_list<core::InputKind> kinds);

// Where access to a data source stands, in words: "is still being negotiated".
std::string AccessInWords(core::Access access);

// Whether any team member has one of these roles (with a count above zero, if given).
bool HasRole(const core::Charter& charter, std::initializer_list<core::Role> roles);

// The first team member with this role, or null.
const core::TeamMember* FindRole(const core::Charter& charter, core::Role role);

// The metric registry's task kind for the charter's task type, when foresight evaluates that
// kind of task (binary, multiclass, regression); nullopt for other task types or none.
std::optional<stats::TaskKind> EvaluatedTask(const core::Charter& charter);

// The metric registry's definition of a metric as a charter writes it ("roc_auc",
// "fbeta{beta=2}"), for the charter's task when it declares one foresight evaluates, else for
// any task; null when foresight cannot compute it.
const stats::MetricDef* KnownMetric(const core::Charter& charter, std::string_view metric);

// Whether the primary metric is one where lower is better: the declared direction, else the
// metric registry's, else (for metrics foresight does not compute) a common error or loss
// name (mse, error_rate, wer, ...).
bool LowerIsBetter(const core::Charter& charter);

// Whether the primary metric is plain accuracy (accuracy, top-1 accuracy).
bool IsAccuracyMetric(const std::string& metric);

// The best baseline value for the primary metric among baselines of the given kinds
// (all kinds when empty), honouring the metric's direction; with the baseline's index.
struct BestBaseline {
  double value = 0;
  size_t index = 0;
};
std::optional<BestBaseline> FindBestBaseline(const core::Charter& charter,
                                             std::initializer_list<core::BaselineKind> kinds = {});

// The baseline the target must beat: the best baseline for the primary metric that the
// target (success.threshold) matches or improves on. A human or published result better than
// the target is a ceiling, not the solution the project replaces. Nullopt without a
// threshold, or when every baseline is better than the target.
std::optional<BestBaseline> FindBaselineToBeat(const core::Charter& charter);

// The span to point at for a missing field: the section's key if written, else the top.
Span SectionSpan(const core::SectionMark& mark);

// Formats a number for messages: 0.9 -> "0.9", 0.8734 -> "0.873", 12000 -> "12000".
std::string FormatValue(double value);

// Formats a fraction as a percentage: 0.034 -> "3.4%".
std::string FormatPercent(double fraction);

}  // namespace foresight::rules
