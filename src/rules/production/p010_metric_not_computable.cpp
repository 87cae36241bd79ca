// P010: the primary metric or a guardrail names a metric foresight cannot compute.
#include <string>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"
#include "stats/metric.hpp"

namespace foresight::rules {
namespace p010 {
namespace {

// The fairness gaps `eval --slices` measures between slice values.
constexpr std::string_view kGaps[] = {"demographic_parity_difference", "equalized_odds_difference"};

// Whether a guardrail on a slice names something foresight measures per slice: a metric (its
// value on each slice), `<metric>_gap` (the largest difference between slice values) or a
// fairness gap.
bool KnownPerSlice(const core::Charter& charter, const std::string& metric) {
  std::string name = ToLowerAscii(metric);
  name.erase(0, name.find_first_not_of(" \t"));
  name.erase(name.find_last_not_of(" \t") + 1);
  for (const std::string_view gap : kGaps) {
    if (name == gap) return true;
  }
  if (name.ends_with("_gap") && KnownMetric(charter, name.substr(0, name.size() - 4))) return true;
  return KnownMetric(charter, name) != nullptr;
}

// Why the registry refuses the metric, for the charter's task when it declares one foresight
// evaluates (the message carries a did-you-mean and the metrics there are).
std::string WhyNot(const core::Charter& charter, const std::string& metric) {
  auto spec = stats::BuiltinMetrics().Parse(
      ToLowerAscii(metric), EvaluatedTask(charter).value_or(stats::TaskKind::kBinary));
  return spec ? std::string() : spec.error().message();
}

// Charters of tasks foresight does not evaluate (ranking, detection, ...) name metrics it
// cannot compute by nature; the rule is about a metric foresight could check but cannot.
bool TaskIsEvaluated(const core::Charter& charter) {
  return !charter.task.type.has() || EvaluatedTask(charter).has_value();
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (!TaskIsEvaluated(c)) return;
  if (s.metric.has() && !UnderPlaceholder(c, "success.metric") && !KnownMetric(c, *s.metric)) {
    Finding f;
    f.span = s.metric.span;
    f.fields = {"success.metric"};
    f.message = fmt::format(
        "foresight cannot compute the primary metric '{}', so no stored run can be measured "
        "against the target, and a change of metric cannot be re-scored",
        *s.metric);
    f.help.push_back(WhyNot(c, *s.metric));
    out.push_back(std::move(f));
  }
  for (size_t i = 0; i < s.guardrails.size(); ++i) {
    const core::Guardrail& g = s.guardrails[i];
    const std::string path = fmt::format("success.guardrails[{}].metric", i);
    if (!g.metric.has() || UnderPlaceholder(c, path)) continue;
    const bool known =
        g.slice.has() ? KnownPerSlice(c, *g.metric) : KnownMetric(c, *g.metric) != nullptr;
    if (known) continue;
    Finding f;
    f.span = g.metric.span;
    f.fields = {path};
    f.message = fmt::format(
        "foresight cannot compute the guardrail metric '{}', so it cannot tell whether a run "
        "stays within its limit",
        *g.metric);
    f.help.push_back(WhyNot(c, *g.metric));
    if (g.slice.has()) {
      f.help.push_back(
          "on a slice, a guardrail may also name `<metric>_gap` (the largest difference of the "
          "metric between slice values), demographic_parity_difference or "
          "equalized_odds_difference");
    }
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace p010

RuleDef MakeP010() {
  return RuleDef{
      .meta =
          {
              .id = "P010",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "A success metric foresight cannot compute",
              .rationale =
                  "Success criteria are only as good as the ability to measure them the same way "
                  "every time. When the primary metric or a guardrail is not one foresight "
                  "computes from stored predictions (often a typo, or a metric of another task), "
                  "no run can be judged against the target with an interval, and when the metric "
                  "changes the history cannot be re-scored: the criterion becomes a matter of "
                  "whoever last ran a notebook.",
              .fix = "name one of the metrics the help lists, written `name{param=value}` (for "
                     "example recall_at_precision{p=0.9}), or fix the spelling it suggests; if "
                     "the metric truly is computed elsewhere, keep its code with the project and "
                     "expect no intervals or re-scoring from foresight",
              .references =
                  {
                      {"Google, 'Rules of Machine Learning', Rule #2: First, design and implement "
                       "metrics",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                      {"Sculley et al., 'Hidden Technical Debt in Machine Learning Systems', "
                       "NeurIPS 2015",
                       "https://papers.nips.cc/paper/5656-hidden-technical-debt-in-machine-"
                       "learning-systems"},
                  },
          },
      .check = p010::Check,
  };
}

}  // namespace foresight::rules
