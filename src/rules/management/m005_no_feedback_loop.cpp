// M005: no feedback loop or iteration time planned.
#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m005 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // Only a written plan can be judged; a plan still TODO is M001's.
  if (!c.plan.mark.present || UnderPlaceholder(c, "plan")) return;
  if (!c.plan.iteration_days.absent()) return;
  if (!c.plan.feedback_loops.empty() || UnderPlaceholder(c, "plan.feedback_loops")) return;
  Finding f;
  f.span = SectionSpan(c.plan.mark);
  f.message =
      "the plan says neither how long one experiment takes (iteration_days) nor how results "
      "reach the team (feedback_loops)";
  f.fields = {"plan.iteration_days", "plan.feedback_loops"};
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace m005

RuleDef MakeM005() {
  return RuleDef{
      .meta =
          {
              .id = "M005",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "No feedback loop or iteration time planned",
              .rationale =
                  "Machine learning progresses by trying an idea, measuring it and deciding "
                  "what to try next; a team that needs a month per try gets a handful of tries "
                  "a year. A plan that does not say how fast one experiment turns around, or "
                  "how results and user feedback come back, has no way to notice it is stuck.",
              .fix = "set plan.iteration_days to how long one experiment takes end to end, and "
                     "list the plan.feedback_loops (error reviews, user feedback, shadow runs)",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Google, Rules of Machine Learning",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                  },
          },
      .check = m005::Check,
  };
}

}  // namespace foresight::rules
