// M010: no time budget.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m010 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Plan& plan = in.charter.plan;
  if (plan.methods.empty() || !plan.budget_person_weeks.absent()) return;
  Finding f;
  f.span = SectionSpan(plan.mark);
  f.message =
      fmt::format("the plan lists {} method{} but no time budget: nothing says when to stop trying",
                  plan.methods.size(), plan.methods.size() == 1 ? "" : "s");
  f.fields = {"plan.budget_person_weeks"};
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace m010

RuleDef MakeM010() {
  return RuleDef{
      .meta =
          {
              .id = "M010",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "No time budget",
              .rationale =
                  "Machine learning work has no natural end: there is always one more model to "
                  "try. Without a budget of time agreed up front, a project that is not working "
                  "is never stopped, and nobody can tell whether the planned methods fit in the "
                  "time available.",
              .fix = "set plan.budget_person_weeks to the effort the business is willing to "
                     "spend before deciding to continue or stop",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                  },
          },
      .check = m010::Check,
  };
}

}  // namespace foresight::rules
