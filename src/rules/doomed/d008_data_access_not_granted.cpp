// D008: a required data source the team has no access to yet.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d008 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    const core::DataSource& s = c.data.sources[i];
    // Absent means required; a placeholder means the team has not decided yet.
    if (s.required.placeholder() || (s.required.has() && !*s.required)) continue;
    if (s.access.placeholder()) continue;
    if (UnderPlaceholder(c, "data.sources[" + std::to_string(i) + "]")) continue;
    if (s.access.has() && *s.access == core::Access::kGranted) continue;

    const std::string path = fmt::format("data.sources[{}]", i);
    const std::string owner = s.owner.has() ? " (owner: " + *s.owner + ")" : "";
    Finding f;
    if (s.access.has()) {
      f.span = s.access.span;
      f.message = fmt::format("data source {}{} is required, but access {}",
                              doomed::SourceLabel(c, i), owner, AccessInWords(*s.access));
    } else {
      f.span = s.span;
      f.message = fmt::format("data source {}{} is required, but its access is not stated",
                              doomed::SourceLabel(c, i), owner);
    }
    f.fields.push_back(path + ".access");
    if (s.required.has()) {
      f.fields.push_back(path + ".required");
      f.related.push_back({s.required.span, "declared required here"});
    }
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace d008

RuleDef MakeD008() {
  return RuleDef{
      .meta =
          {
              .id = "D008",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "A required data source is not accessible yet",
              .rationale =
                  "A model cannot be built on data the team cannot get. Access to data owned by "
                  "another department, a partner or a customer often takes months of legal and "
                  "security review, and is sometimes refused, after the team and budget are "
                  "committed. Until access is granted, the project's schedule is a guess.",
              .fix = "get written access to the source before staffing the project, or plan "
                     "the project without it (mark it required: false)",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects (feasibility: data "
                       "availability)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Louis Dorard, The Machine Learning Canvas (Data Sources)",
                       "https://www.louisdorard.com/machine-learning-canvas"},
                  },
          },
      .check = d008::Check,
  };
}

}  // namespace foresight::rules
