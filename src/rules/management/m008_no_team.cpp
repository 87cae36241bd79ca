// M008: no team declared.
#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m008 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  if (!c.team.empty() || UnderPlaceholder(c, "team")) return;
  Finding f;
  f.span = SectionSpan(c.team_mark);
  f.message = c.team_mark.present ? "the team list is empty: nobody is named to do the work"
                                  : "the charter declares no team: nobody is named to do the work";
  f.fields = {"team"};
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace m008

RuleDef MakeM008() {
  return RuleDef{
      .meta =
          {
              .id = "M008",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "No team declared",
              .rationale =
                  "A plan without people is not a plan. Machine learning projects need more "
                  "than data scientists (data engineers, people to label, people to run the "
                  "model in production, someone from the business), and until the team is "
                  "written down nobody can see which of them are missing or when they arrive.",
              .fix = "list the team: each role, how many people, and the weeks they are on the "
                     "project",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                  },
          },
      .check = m008::Check,
  };
}

}  // namespace foresight::rules
