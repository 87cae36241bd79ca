// M006: the summed effort of the methods exceeds the time budget.
#include <optional>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"
#include "stats/pert.hpp"

namespace foresight::rules {
namespace m006 {
namespace {

// The PERT mean of an effort (stats/pert.hpp); a missing optimistic or pessimistic bound
// falls back to the likely value. Without a likely value the effort is unknown.
std::optional<double> MeanEffort(const core::Effort& e) {
  if (!e.likely.has()) return std::nullopt;
  const double m = *e.likely;
  return stats::PertMean({e.optimistic.value_or(m), m, e.pessimistic.value_or(m)});
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Plan& plan = in.charter.plan;
  if (!plan.budget_person_weeks.has()) return;
  // Methods whose effort is unknown are left out: the sum is then a lower bound, so a sum
  // already over budget is over budget whatever they turn out to cost.
  double total = 0;
  size_t counted = 0;
  std::optional<size_t> biggest;
  double biggest_mean = 0;
  for (size_t i = 0; i < plan.methods.size(); ++i) {
    const core::Method& m = plan.methods[i];
    if (!StillToDo(m)) continue;
    const std::optional<double> mean = MeanEffort(m.effort);
    if (!mean) continue;
    total += *mean;
    ++counted;
    if (!biggest || *mean > biggest_mean) {
      biggest = i;
      biggest_mean = *mean;
    }
  }
  const double budget = *plan.budget_person_weeks;
  if (!biggest || total <= budget) return;
  Finding f;
  f.span = plan.budget_person_weeks.span;
  f.message = fmt::format(
      "the {} still to do need{} {} person-weeks on average (PERT), but the budget is {} "
      "person-weeks",
      counted == 1 ? "1 method" : fmt::format("{} methods", counted), counted == 1 ? "s" : "",
      FormatValue(total), FormatValue(budget));
  f.fields = {"plan.budget_person_weeks", "plan.methods"};
  const core::Method& big = plan.methods[*biggest];
  f.related.push_back(
      {big.effort.mark.span, fmt::format("the largest, {}, needs {} person-weeks",
                                         MethodLabel(big, *biggest), FormatValue(biggest_mean))});
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace m006

RuleDef MakeM006() {
  return RuleDef{
      .meta =
          {
              .id = "M006",
              .factor = core::Factor::kManagement,
              .severity = Severity::kError,
              .title = "The methods planned need more time than the budget",
              .rationale =
                  "Even on average, the work the plan lists does not fit in the time and people "
                  "it has. Such a plan cannot be met: either the budget grows later, after "
                  "money is spent, or methods are silently dropped and the project is judged "
                  "on half an attempt.",
              .fix = "raise plan.budget_person_weeks, or drop or shrink methods until their "
                     "summed estimates fit",
              .references =
                  {
                      {"Malcolm, Roseboom, Clark & Fazar 1959, 'Application of a Technique for "
                       "Research and Development Program Evaluation', Operations Research "
                       "7(5):646-669",
                       "https://doi.org/10.1287/opre.7.5.646"},
                  },
          },
      .check = m006::Check,
  };
}

}  // namespace foresight::rules
