// M011: the plan names a stage or method it does not have, or its methods wait for each other
// in a circle.
#include <map>
#include <string>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m011 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Plan& plan = in.charter.plan;
  std::map<std::string, size_t> methods;
  for (size_t i = 0; i < plan.methods.size(); ++i) {
    if (plan.methods[i].name.has()) methods.emplace(*plan.methods[i].name, i);
  }
  std::map<std::string, size_t> stages;
  for (size_t j = 0; j < plan.stages.size(); ++j) {
    if (plan.stages[j].name.has()) stages.emplace(*plan.stages[j].name, j);
  }
  for (size_t i = 0; i < plan.methods.size(); ++i) {
    const core::Method& m = plan.methods[i];
    if (m.stage.has() && stages.count(*m.stage) == 0) {
      Finding f;
      f.span = m.stage.span;
      f.message = fmt::format("{} belongs to stage '{}', but plan.stages has no such stage",
                              MethodLabel(m, i), *m.stage);
      f.fields = {"plan.methods[].stage", "plan.stages"};
      out.push_back(std::move(f));
    }
    for (const auto& after : m.after) {
      if (!after.has()) continue;
      if (methods.count(*after) == 0 || *after == m.name.value_or("")) {
        Finding f;
        f.span = after.span;
        f.message = methods.count(*after) == 0
                        ? fmt::format("{} comes after '{}', but plan.methods has no such method",
                                      MethodLabel(m, i), *after)
                        : fmt::format("{} comes after itself", MethodLabel(m, i));
        f.fields = {"plan.methods[].after"};
        out.push_back(std::move(f));
      }
    }
  }
  // A circle of `after`: depth-first search, colouring methods in progress.
  std::vector<int> colour(plan.methods.size(), 0);  // 0 new, 1 on the path, 2 done
  bool reported = false;
  const auto visit = [&](auto&& self, size_t i) -> void {
    colour[i] = 1;
    for (const auto& after : plan.methods[i].after) {
      if (!after.has() || reported) continue;
      const auto it = methods.find(*after);
      if (it == methods.end() || it->second == i) continue;
      if (colour[it->second] == 1) {
        Finding f;
        f.span = after.span;
        f.message = fmt::format(
            "{} comes after '{}', but '{}' waits for it too (a circle of "
            "`after`): none of them can start",
            MethodLabel(plan.methods[i], i), *after, *after);
        f.fields = {"plan.methods[].after"};
        out.push_back(std::move(f));
        reported = true;
      } else if (colour[it->second] == 0) {
        self(self, it->second);
      }
    }
    colour[i] = 2;
  };
  for (size_t i = 0; i < plan.methods.size() && !reported; ++i) {
    if (colour[i] == 0) visit(visit, i);
  }
}

}  // namespace
}  // namespace m011

RuleDef MakeM011() {
  return RuleDef{
      .meta =
          {
              .id = "M011",
              .factor = core::Factor::kManagement,
              .severity = Severity::kError,
              .title = "The plan names a stage or method it does not have",
              .rationale =
                  "A method placed in a stage that does not exist, or waiting for a method "
                  "that does not exist or that waits for it, cannot be scheduled: the outlook "
                  "would show it never finishing, for a typing error.",
              .fix = "spell the stage or method as plan.stages and plan.methods name it, and "
                     "break circles of `after`",
              .references =
                  {
                      {"Kelley & Walker 1959, 'Critical-path planning and scheduling', "
                       "Proceedings of the Eastern Joint Computer Conference, 160-173",
                       "https://doi.org/10.1145/1460299.1460318"},
                  },
          },
      .check = m011::Check,
  };
}

}  // namespace foresight::rules
