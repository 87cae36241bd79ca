// R007: evaluation set size not declared.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r007 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  if (!s.threshold.has() || !s.evaluation.size.absent()) return;
  if (UnderPlaceholder(in.charter, "success.evaluation")) return;
  const std::string target = FormatValue(*s.threshold);
  Finding f;
  f.span = s.evaluation.mark.present ? s.evaluation.mark.span : SectionSpan(s.mark);
  f.fields = {"success.evaluation.size"};
  f.message = "the target " + target +
              " is set but the size of the evaluation set is not: nobody can tell how precisely " +
              target + " will be measured";
  f.related.push_back({s.threshold.span, "the target is declared here"});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r007

RuleDef MakeR007() {
  return RuleDef{
      .meta =
          {
              .id = "R007",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "Evaluation set size not declared",
              .rationale =
                  "A score is only as precise as the number of examples it is measured on: on "
                  "200 examples, 90% means anything between about 86% and 94%. Without the size "
                  "of the evaluation set nobody can judge whether reaching the target will "
                  "prove anything.",
              .fix = "add `size:` under `success.evaluation` with the number of examples the "
                     "target will be measured on",
              .references =
                  {
                      {"Agresti & Coull 1998, 'Approximate is better than \"exact\" for interval "
                       "estimation of binomial proportions', The American Statistician 52(2)",
                       "https://doi.org/10.1080/00031305.1998.10480550"},
                      {"Bouthillier et al. 2021, 'Accounting for Variance in Machine Learning "
                       "Benchmarks', MLSys",
                       "https://arxiv.org/abs/2103.03098"},
                  },
          },
      .check = r007::Check,
  };
}

}  // namespace foresight::rules
