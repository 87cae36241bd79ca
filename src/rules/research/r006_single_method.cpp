// R006: a single-method plan with no plan B.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r006 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Plan& plan = in.charter.plan;
  if (!plan.mark.present || UnderPlaceholder(in.charter, "plan.methods")) return;
  if (plan.methods.size() > 1) return;
  Finding f;
  f.span = plan.methods_mark.present ? plan.methods_mark.span : plan.mark.span;
  f.fields = {"plan.methods"};
  if (plan.methods.empty()) {
    f.message = "the plan lists no method: there is no idea to try, let alone a plan B";
  } else {
    const core::Method& only = plan.methods.front();
    const std::string name = only.name.has() ? " ('" + *only.name + "')" : "";
    f.message = "the plan has a single method" + name + ": if it does not work there is no plan B";
    f.related.push_back({only.name.has() ? only.name.span : only.span, "the only method"});
  }
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r006

RuleDef MakeR006() {
  return RuleDef{
      .meta =
          {
              .id = "R006",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "A single-method plan with no plan B",
              .rationale =
                  "Whether a given machine learning approach will work on a given problem is "
                  "only known after trying it. A plan with one idea bets the whole project on "
                  "it: when it fails, there is no prepared alternative and the schedule "
                  "restarts from zero.",
              .fix = "list at least two methods under `plan.methods`, starting with the simplest "
                     "one that could work, each with the hypothesis it tests",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (start simple, "
                       "iterate)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Amershi et al. 2019, 'Software Engineering for Machine Learning: A Case "
                       "Study', ICSE-SEIP",
                       "https://www.microsoft.com/en-us/research/publication/"
                       "software-engineering-for-machine-learning-a-case-study/"},
                  },
          },
      .check = r006::Check,
  };
}

}  // namespace foresight::rules
