// P009: evaluation data not drawn like production data.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p009 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Evaluation& e = in.charter.success.evaluation;
  const auto& drawn = e.drawn_like_production;
  const std::string set =
      e.name.has() ? "the evaluation set (" + *e.name + ")" : "the evaluation set";
  Finding f;
  f.fields = {"success.evaluation.drawn_like_production"};
  if (drawn.has()) {
    if (*drawn) return;
    f.span = drawn.span;
    f.message = set +
                " is not drawn like production data: the score measured on it says little about "
                "the score in production";
  } else {
    if (!drawn.absent() || !e.mark.present) return;
    if (UnderPlaceholder(in.charter, "success.evaluation")) return;
    f.span = e.mark.span;
    f.message = "the charter does not state whether " + set +
                " is drawn like production data: a score on unrepresentative data says little "
                "about the score in production";
  }
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p009

RuleDef MakeP009() {
  return RuleDef{
      .meta =
          {
              .id = "P009",
              .factor = core::Factor::kProduction,
              .severity = Severity::kWarning,
              .title = "Evaluation data not drawn like production data",
              .rationale =
                  "A model is only as good as its score on the data it will really meet. When "
                  "the test data comes from another period, source or population, a model that "
                  "passes every review can lose many points on its first day in production, "
                  "and the project is judged on that.",
              .fix = "evaluate on a sample drawn the way production data will arrive (same "
                     "sources, same period, same population) and set "
                     "`drawn_like_production: true`",
              .references =
                  {
                      {"Quiñonero-Candela, Sugiyama, Schwaighofer & Lawrence (eds.) 2009, "
                       "'Dataset Shift in Machine Learning', MIT Press",
                       ""},
                      {"Recht et al. 2019, 'Do ImageNet Classifiers Generalize to ImageNet?', "
                       "ICML",
                       "https://proceedings.mlr.press/v97/recht19a.html"},
                  },
          },
      .check = p009::Check,
  };
}

}  // namespace foresight::rules
