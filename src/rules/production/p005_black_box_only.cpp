// P005: interpretability required but only black-box methods planned.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p005 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const auto& need = c.constraints.interpretability;
  if (!need.has() || *need != core::Interpretability::kRequired) return;
  // A method written as TODO is left out of the list, and might be the interpretable one.
  if (UnderPlaceholder(c, "plan.methods")) return;
  // Dropped methods are no longer part of the plan; the others are what will be built.
  std::vector<size_t> planned;
  for (size_t i = 0; i < c.plan.methods.size(); ++i) {
    const core::Method& m = c.plan.methods[i];
    if (m.status.has() && *m.status == core::MethodStatus::kDropped) continue;
    if (m.interpretable.placeholder()) return;  // not decided yet
    if (m.interpretable.has() && *m.interpretable) return;
    planned.push_back(i);
  }
  if (planned.empty()) return;

  Finding f;
  f.span = need.span;
  f.fields = {"constraints.interpretability"};
  std::string names;
  for (size_t i : planned) {
    const core::Method& m = c.plan.methods[i];
    const std::string path = "plan.methods[" + std::to_string(i) + "]";
    f.fields.push_back(path + ".interpretable");
    if (m.name.has()) names += (names.empty() ? "" : ", ") + *m.name;
    const Span at =
        m.interpretable.has() ? m.interpretable.span : (m.name.has() ? m.name.span : m.span);
    f.related.push_back({at, "a black box: not marked `interpretable: true`"});
  }
  const size_t count = planned.size();
  f.message = "interpretability is required but " +
              (count == 1 ? std::string("the only planned method")
                          : "none of the " + std::to_string(count) + " planned methods") +
              (names.empty() ? "" : " (" + names + ")") + (count == 1 ? " is not" : " is") +
              " interpretable";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p005

RuleDef MakeP005() {
  return RuleDef{
      .meta =
          {
              .id = "P005",
              .factor = core::Factor::kProduction,
              .severity = Severity::kError,
              .title = "Interpretability required but only black-box methods planned",
              .rationale =
                  "The classic late surprise: the team spends the budget on a black-box model, "
                  "then learns at the review that decisions must be explained, and has to fall "
                  "back to a simple model it never tuned. For high-stakes decisions an "
                  "interpretable model often performs as well, and it is the one that can ship.",
              .fix = "add an interpretable method to the plan (a scoring rule, a sparse linear "
                     "model, a small decision tree) and mark it `interpretable: true`",
              .references =
                  {
                      {"Rudin 2019, 'Stop explaining black box machine learning models for high "
                       "stakes decisions and use interpretable models instead', Nature Machine "
                       "Intelligence 1",
                       "https://doi.org/10.1038/s42256-019-0048-x"},
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 13 (transparency and "
                       "provision of information to deployers)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = p005::Check,
  };
}

}  // namespace foresight::rules
