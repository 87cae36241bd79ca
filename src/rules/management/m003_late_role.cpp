// M003: a role arrives after the stage that needs it.
#include <map>
#include <optional>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m003 {
namespace {

// The team member of `role` who joins first, with their index; nullopt when nobody has the
// role, or when someone's start is still TODO (they might be the early one).
std::optional<size_t> EarliestOfRole(const core::Charter& c, core::Role role) {
  std::optional<size_t> best;
  for (size_t i = 0; i < c.team.size(); ++i) {
    const core::TeamMember& m = c.team[i];
    if (!m.role.has() || *m.role != role || (m.count.has() && *m.count <= 0)) continue;
    if (m.from_week.placeholder()) return std::nullopt;
    if (!best || m.from_week.value_or(0) < c.team[*best].from_week.value_or(0)) best = i;
  }
  return best;
}

std::string StageName(const core::Stage& stage, size_t index) {
  if (stage.name.has()) return fmt::format("stage '{}'", *stage.name);
  return fmt::format("stage {}", index + 1);
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // One finding per late role, at the earliest stage it misses; later stages it also misses
  // become notes, so a role that needs moving earlier is reported once.
  struct Late {
    size_t member = 0;
    size_t stage = 0;
    size_t need = 0;
    std::vector<size_t> other_stages;
  };
  // A team member written as TODO is left out of the list, and might be the early one.
  if (UnderPlaceholder(c, "team")) return;
  std::map<core::Role, Late> late;
  for (size_t j = 0; j < c.plan.stages.size(); ++j) {
    const core::Stage& stage = c.plan.stages[j];
    if (!stage.start_week.has()) continue;
    for (size_t k = 0; k < stage.needs.size(); ++k) {
      if (!stage.needs[k].has()) continue;
      const core::Role role = *stage.needs[k];
      const std::optional<size_t> member = EarliestOfRole(c, role);
      // Nobody with the role at all is M002's business, not a question of timing.
      if (!member || c.team[*member].from_week.value_or(0) <= *stage.start_week) continue;
      auto it = late.find(role);
      if (it == late.end()) {
        late.emplace(role, Late{*member, j, k, {}});
      } else if (*stage.start_week < *c.plan.stages[it->second.stage].start_week) {
        it->second.other_stages.push_back(it->second.stage);
        it->second.stage = j;
        it->second.need = k;
      } else {
        it->second.other_stages.push_back(j);
      }
    }
  }
  for (const auto& [role, l] : late) {
    const core::TeamMember& m = c.team[l.member];
    const core::Stage& stage = c.plan.stages[l.stage];
    Finding f;
    f.span = m.from_week.span;
    f.message =
        fmt::format("{} join in week {}, but {} starts in week {} and needs them", RolePlural(role),
                    *m.from_week, StageName(stage, l.stage), *stage.start_week);
    f.fields = {fmt::format("team[{}].from_week", l.member),
                fmt::format("plan.stages[{}].start_week", l.stage),
                fmt::format("plan.stages[{}].needs[{}]", l.stage, l.need)};
    f.related.push_back(
        {stage.start_week.span, fmt::format("{} starts here", StageName(stage, l.stage))});
    for (size_t j : l.other_stages) {
      const core::Stage& other = c.plan.stages[j];
      f.related.push_back({other.start_week.span,
                           fmt::format("{} also starts before they join", StageName(other, j))});
    }
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace m003

RuleDef MakeM003() {
  return RuleDef{
      .meta =
          {
              .id = "M003",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "A role arrives after the stage that needs it",
              .rationale =
                  "The plan schedules work before the people who can do it are on the team. "
                  "Either the stage waits and everything after it slips, or others do the work "
                  "without the skills for it and it has to be redone.",
              .fix = "bring the role in by the week the stage starts, or move the stage to when "
                     "they join",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                  },
          },
      .check = m003::Check,
  };
}

}  // namespace foresight::rules
