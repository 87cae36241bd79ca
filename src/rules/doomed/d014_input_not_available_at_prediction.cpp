// D014: an input the model will not have when it predicts (target leakage).
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d014 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  for (size_t i = 0; i < c.inputs.size(); ++i) {
    const core::Input& input = c.inputs[i];
    if (!input.available_at_prediction.has() || *input.available_at_prediction) continue;
    const std::string name = input.name.has() ? "'" + *input.name + "'" : fmt::format("#{}", i + 1);
    Finding f;
    f.span = input.available_at_prediction.span;
    f.fields.push_back(fmt::format("inputs[{}].available_at_prediction", i));
    f.message = fmt::format(
        "input {} is not available when the model predicts: a model trained with it looks "
        "accurate offline and fails in production",
        name);
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace d014

RuleDef MakeD014() {
  return RuleDef{
      .meta =
          {
              .id = "D014",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "An input is not available at prediction time (target leakage)",
              .rationale =
                  "If the model learns from information that only exists after the fact (the "
                  "final diagnosis, the closing date, the refund), it gets the right answers "
                  "in testing by peeking at them. In production that information is missing, "
                  "and the model that looked excellent fails. Projects built this way are "
                  "often found out only after launch.",
              .fix = "remove the input from the model, or replace it by what is known at the "
                     "moment of prediction (for example its value as of that date)",
              .references =
                  {
                      {"Kaufman, Rosset, Perlich & Stitelman 2012, 'Leakage in Data Mining: "
                       "Formulation, Detection, and Avoidance', ACM TKDD",
                       "https://doi.org/10.1145/2382577.2382579"},
                  },
          },
      .check = d014::Check,
  };
}

}  // namespace foresight::rules
