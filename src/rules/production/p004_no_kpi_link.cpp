// P004: no link from the ML metric to a business KPI.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p004 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  const core::Kpi& kpi = s.kpi;
  if (UnderPlaceholder(in.charter, "success.kpi")) return;
  const std::string metric = s.metric.has() ? *s.metric : "the ML metric";
  Finding f;
  if (!kpi.mark.present) {
    f.span = SectionSpan(s.mark);
    f.fields = {"success.kpi"};
    f.message = "no business KPI is named: nothing says how improving " + metric +
                " pays off for the business";
    out.push_back(std::move(f));
    return;
  }
  const bool no_name = kpi.name.absent();
  const bool no_link = kpi.link.absent();
  if (!no_name && !no_link) return;
  f.span = kpi.mark.span;
  if (no_name) f.fields.push_back("success.kpi.name");
  if (no_link) f.fields.push_back("success.kpi.link");
  if (no_name && no_link) {
    f.message = "the KPI has neither a name nor a link: nothing says how improving " + metric +
                " pays off for the business";
  } else if (no_name) {
    f.message =
        "the KPI has no name: the link it describes leads to no measurable business "
        "number";
  } else {
    const std::string name = kpi.name.has() ? *kpi.name : "the KPI";
    f.message =
        "the KPI " + name + " has no link: nothing says how improving " + metric + " moves it";
  }
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p004

RuleDef MakeP004() {
  return RuleDef{
      .meta =
          {
              .id = "P004",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "No link from the ML metric to a business KPI",
              .rationale =
                  "A model can hit its accuracy target and still change nothing the business "
                  "cares about. When nobody has written down which business number the model "
                  "should move, and how, the project is hard to fund, hard to defend and easy "
                  "to cancel once it ships.",
              .fix = "add `success.kpi` with the business KPI's `name` and a `link` saying how the "
                     "ML metric moves it (for example: each point of recall saves 40 manual "
                     "reviews a week)",
              .references =
                  {
                      {"Dorard, 'The Machine Learning Canvas' (value proposition and live "
                       "monitoring of impact)",
                       "https://www.louisdorard.com/machine-learning-canvas"},
                      {"Google, 'Rules of Machine Learning', Rule #2 and Rule #13 (a simple, "
                       "observable and attributable metric)",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                  },
          },
      .check = p004::Check,
  };
}

}  // namespace foresight::rules
