// M009: methods without a three-point estimate.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m009 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  for (size_t i = 0; i < c.plan.methods.size(); ++i) {
    const core::Method& m = c.plan.methods[i];
    // Finished and abandoned work needs no forecast.
    if (!StillToDo(m)) continue;
    const std::string path = fmt::format("plan.methods[{}]", i);
    const core::Effort& e = m.effort;
    if (UnderPlaceholder(c, path + ".effort")) continue;
    Finding f;
    if (!e.mark.present || (e.optimistic.absent() && e.likely.absent() && e.pessimistic.absent())) {
      f.span = e.mark.present ? e.mark.span : (m.name.has() ? m.name.span : m.span);
      f.message = fmt::format("{} has no effort estimate", MethodLabel(m, i));
      f.fields = {path + ".effort"};
      out.push_back(std::move(f));
      continue;
    }
    if (!e.optimistic.absent() && !e.pessimistic.absent()) continue;
    f.span = e.mark.span;
    std::string missing;
    if (e.optimistic.absent()) {
      missing = "optimistic";
      f.fields.push_back(path + ".effort.optimistic");
    }
    if (e.pessimistic.absent()) {
      missing += missing.empty() ? "pessimistic" : " or pessimistic";
      f.fields.push_back(path + ".effort.pessimistic");
    }
    const std::string single =
        e.likely.has() ? fmt::format(" ({} person-weeks)", FormatValue(*e.likely)) : "";
    f.message =
        fmt::format("{} has a single estimate{} but no {} one", MethodLabel(m, i), single, missing);
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace m009

RuleDef MakeM009() {
  return RuleDef{
      .meta =
          {
              .id = "M009",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "Methods without a three-point estimate",
              .rationale =
                  "A single number (\"four weeks\") hides how uncertain the work is, and "
                  "machine learning work is very uncertain: the same method can take two weeks "
                  "or ten. Best case, likely case and worst case together let foresight compute "
                  "the odds of finishing on time, instead of discovering the overrun at the "
                  "end.",
              .fix = "give each method an effort with optimistic, likely and pessimistic "
                     "person-weeks",
              .references =
                  {
                      {"Malcolm, Roseboom, Clark & Fazar 1959, 'Application of a Technique for "
                       "Research and Development Program Evaluation', Operations Research "
                       "7(5):646-669",
                       "https://doi.org/10.1287/opre.7.5.646"},
                      {"Flyvbjerg 2006, 'From Nobel Prize to Project Management: Getting Risks "
                       "Right', Project Management Journal 37(3):5-15",
                       ""},
                  },
          },
      .check = m009::Check,
  };
}

}  // namespace foresight::rules
