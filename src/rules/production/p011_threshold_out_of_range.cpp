// P011: a threshold or guardrail limit the metric can never take (roc_auc >= 1.5).
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"
#include "stats/metric.hpp"

namespace foresight::rules {
namespace p011 {
namespace {

// What values the metric takes: "is always between 0 and 1", "is never above 1", "is never
// below 0"; with `as_choice`, the values to choose from: "between 0 and 1", "no higher than 1".
std::string RangeInWords(const stats::MetricDef& def, bool as_choice) {
  const bool low = std::isfinite(def.min_value);
  const bool high = std::isfinite(def.max_value);
  const std::string lo = FormatValue(def.min_value);
  const std::string hi = FormatValue(def.max_value);
  if (low && high) {
    return fmt::format("{}between {} and {}", as_choice ? "" : "is always ", lo, hi);
  }
  if (high) return fmt::format("{} {}", as_choice ? "no higher than" : "is never above", hi);
  if (low) return fmt::format("{} {}", as_choice ? "no lower than" : "is never below", lo);
  return "any number";
}

bool Possible(const stats::MetricDef& def, double value) {
  return value >= def.min_value && value <= def.max_value;
}

// A finding on `value` (at `span`, field `field`) when the metric cannot take it.
void CheckValue(const stats::MetricDef& def, const std::string& metric, double value, Span span,
                const std::string& field, const std::string& what, std::vector<Finding>& out) {
  if (Possible(def, value)) return;
  Finding f;
  f.span = span;
  f.fields = {field};
  f.message = fmt::format("{} {} is impossible: {} {}", what, FormatValue(value), metric,
                          RangeInWords(def, false));
  // 95 for a share is a percentage; 1.5 is not.
  const bool percentage = def.InUnitInterval() && value >= 10 && value <= 100;
  f.help.push_back(percentage ? fmt::format("write {} as a share: {} rather than {}", what,
                                            FormatValue(value / 100), FormatValue(value))
                              : fmt::format("choose a value {}", RangeInWords(def, true)));
  out.push_back(std::move(f));
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (s.metric.has() && s.threshold.has()) {
    if (const stats::MetricDef* def = KnownMetric(c, *s.metric)) {
      CheckValue(*def, *s.metric, *s.threshold, s.threshold.span, "success.threshold", "the target",
                 out);
    }
  }
  for (size_t i = 0; i < s.guardrails.size(); ++i) {
    const core::Guardrail& g = s.guardrails[i];
    // On a slice a guardrail may name a gap, which is a difference, not the metric itself.
    if (!g.metric.has() || g.slice.has()) continue;
    const stats::MetricDef* def = KnownMetric(c, *g.metric);
    if (def == nullptr) continue;
    if (g.min.has()) {
      CheckValue(*def, *g.metric, *g.min, g.min.span, fmt::format("success.guardrails[{}].min", i),
                 "the guardrail's minimum", out);
    }
    if (g.max.has()) {
      CheckValue(*def, *g.metric, *g.max, g.max.span, fmt::format("success.guardrails[{}].max", i),
                 "the guardrail's maximum", out);
    }
  }
}

}  // namespace
}  // namespace p011

RuleDef MakeP011() {
  return RuleDef{
      .meta =
          {
              .id = "P011",
              .factor = core::Factor::kProduction,
              .severity = Severity::kError,
              .title = "A target or guardrail limit the metric can never take",
              .rationale =
                  "A target outside the values a metric can take (a ROC AUC of 1.5, an accuracy "
                  "of 95 meant as 95%) can never be met or can never be missed: the go/no-go "
                  "decision is settled by a typo before any model is trained, and nobody notices "
                  "until the project is judged against it.",
              .fix = "state the target on the metric's own scale (shares from 0 to 1 for "
                     "accuracy, ROC AUC and the like; docs/cli.md lists every metric)",
              .references =
                  {
                      {"Google, 'Rules of Machine Learning', Rule #2: First, design and implement "
                       "metrics",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                  },
          },
      .check = p011::Check,
  };
}

}  // namespace foresight::rules
