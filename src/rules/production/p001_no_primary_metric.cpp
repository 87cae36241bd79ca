// P001: no primary metric.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p001 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  if (!s.metric.absent() || UnderPlaceholder(in.charter, "success.metric")) return;
  Finding f;
  f.span = SectionSpan(s.mark);
  f.fields = {"success.metric"};
  f.message = s.mark.present ? "the success section names no primary metric: nothing says when "
                               "the model is good enough to ship"
                             : "the charter has no success section and no primary metric: "
                               "nothing says when the model is good enough to ship";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p001

RuleDef MakeP001() {
  return RuleDef{
      .meta =
          {
              .id = "P001",
              .factor = core::Factor::kProduction,
              .severity = Severity::kError,
              .title = "No primary metric",
              .rationale =
                  "Without one agreed number that measures the model, every stakeholder judges "
                  "it by a different yardstick, and the project can neither be declared done nor "
                  "be stopped. Teams then keep tuning a model nobody has agreed how to judge.",
              .fix = "name the single metric that decides success under `success.metric` (for "
                     "example recall at a fixed precision, or mean absolute error in days)",
              .references =
                  {
                      {"Google, 'Rules of Machine Learning', Rule #2: First, design and implement "
                       "metrics",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                      {"Dorard, 'The Machine Learning Canvas'",
                       "https://www.louisdorard.com/machine-learning-canvas"},
                  },
          },
      .check = p001::Check,
  };
}

}  // namespace foresight::rules
