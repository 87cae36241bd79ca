// P003: several metrics but no decisive one, or guardrails without limits.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p003 {
namespace {

void CheckSecondaryWithoutPrimary(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  if (s.secondary_metrics.empty() || !s.metric.absent()) return;
  if (UnderPlaceholder(in.charter, "success.metric")) return;
  std::string names;
  for (const auto& m : s.secondary_metrics) {
    if (m.has()) names += (names.empty() ? "" : ", ") + *m;
  }
  const size_t count = s.secondary_metrics.size();
  Finding f;
  f.span = s.secondary_metrics_mark.span;
  f.fields = {"success.secondary_metrics", "success.metric"};
  f.message = std::to_string(count) + (count == 1 ? " metric is" : " metrics are") + " listed" +
              (names.empty() ? "" : " (" + names + ")") +
              " but none is the primary one: without a single decisive number every result can "
              "be argued as a success";
  out.push_back(std::move(f));
}

void CheckGuardrails(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  for (size_t i = 0; i < s.guardrails.size(); ++i) {
    if (UnderPlaceholder(in.charter, "success.guardrails[" + std::to_string(i) + "]")) continue;
    const core::Guardrail& g = s.guardrails[i];
    if (!g.min.absent() || !g.max.absent()) continue;
    const std::string path = "success.guardrails[" + std::to_string(i) + "]";
    Finding f;
    f.span = g.metric.absent() ? g.span : g.metric.span;
    f.fields = {path + ".min", path + ".max"};
    const std::string what = g.metric.has() ? "the guardrail on " + *g.metric : "a guardrail";
    f.message = what + " has neither a min nor a max: it cannot fail, so it guards nothing";
    out.push_back(std::move(f));
  }
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  CheckSecondaryWithoutPrimary(in, out);
  CheckGuardrails(in, out);
}

}  // namespace
}  // namespace p003

RuleDef MakeP003() {
  return RuleDef{
      .meta =
          {
              .id = "P003",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title =
                  "Several metrics but no single decisive number, or guardrails without limits",
              .rationale =
                  "With several metrics and none in charge, a model that improves one and worsens "
                  "another can be called a success or a failure depending on who is asked, and "
                  "the ship decision stalls. A guardrail without a limit looks like a safeguard "
                  "but can never stop a release.",
              .fix = "make one metric the primary `success.metric` and give every guardrail a "
                     "`min` or `max` it must respect",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (combine metrics: "
                       "threshold all but one, optimise the last)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Ng, 'Machine Learning Yearning', chapters on single-number evaluation "
                       "metrics and optimizing and satisficing metrics",
                       ""},
                  },
          },
      .check = p003::Check,
  };
}

}  // namespace foresight::rules
