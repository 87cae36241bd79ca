// R003: no baseline to compare the model with.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r003 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  if (!c.baselines.empty() || UnderPlaceholder(c, "baselines")) return;
  const core::Success& s = c.success;
  Finding f;
  f.span = c.baselines_mark.present ? c.baselines_mark.span : SectionSpan(s.mark);
  f.fields = {"baselines"};
  std::string score = "the model's score";
  if (s.metric.has() && s.threshold.has()) {
    score = *s.metric + " " + FormatValue(*s.threshold);
  } else if (s.threshold.has()) {
    score = "a score of " + FormatValue(*s.threshold);
  }
  f.message = "no baseline is declared: nobody can tell whether " + score +
              " is good, or better than what exists today";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r003

RuleDef MakeR003() {
  return RuleDef{
      .meta =
          {
              .id = "R003",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "No baseline to compare the model with",
              .rationale =
                  "Without a baseline nobody knows whether 84% is good: a simple rule, the "
                  "current process or a person may already do as well. Teams without one spend "
                  "months on a model that a spreadsheet formula would have matched, or cannot "
                  "show what their work added.",
              .fix = "add under `baselines` at least one simple reference (a heuristic, the "
                     "current process or a simple model) with its value on the primary metric",
              .references =
                  {
                      {"Google, 'Rules of Machine Learning', Rule #1",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (baselines)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                  },
          },
      .check = r003::Check,
  };
}

}  // namespace foresight::rules
