// R001: target as a bare point without a confidence level.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace r001 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  if (!s.threshold.has() || !s.confidence.absent()) return;
  const std::string target = FormatValue(*s.threshold);
  Finding f;
  f.span = s.threshold.span;
  f.fields = {"success.threshold", "success.confidence"};
  f.message = "the target " + target + " has no confidence level: is " + target +
              " on one lucky evaluation enough?";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace r001

RuleDef MakeR001() {
  return RuleDef{
      .meta =
          {
              .id = "R001",
              .factor = core::Factor::kResearch,
              .severity = Severity::kWarning,
              .title = "Target as a bare point without a confidence level",
              .rationale =
                  "Machine learning results are uncertain: a score measured once on a finite "
                  "test set can swing by several points with the sample, the random seed or the "
                  "tuning. A target written as a single number invites declaring success on one "
                  "lucky run, or failure on one unlucky one.",
              .fix = "add `confidence: 0.95` under success and judge success by the lower bound "
                     "of the confidence interval, not by the point estimate",
              .references =
                  {
                      {"Bouthillier et al. 2021, 'Accounting for Variance in Machine Learning "
                       "Benchmarks', MLSys",
                       "https://arxiv.org/abs/2103.03098"},
                      {"Agresti & Coull 1998, 'Approximate is better than \"exact\" for interval "
                       "estimation of binomial proportions', The American Statistician 52(2)",
                       "https://doi.org/10.1080/00031305.1998.10480550"},
                  },
          },
      .check = r001::Check,
  };
}

}  // namespace foresight::rules
