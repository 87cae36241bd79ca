// M001: a field still says TODO.
#include <fmt/format.h>

#include "rules/builtin_rules.hpp"

namespace foresight::rules {
namespace m001 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  // One finding per blank, so every one shows up where it is written.
  for (const auto& [path, span] : in.charter.placeholders) {
    Finding f;
    f.span = span;
    f.message = fmt::format("`{}` is still TODO: fill this in", path);
    f.fields.push_back(path);
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace m001

RuleDef MakeM001() {
  return RuleDef{
      .meta =
          {
              .id = "M001",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "A field still says TODO",
              .rationale =
                  "A charter with blanks is a plan nobody has committed to yet. The blanks are "
                  "usually the hard questions (who signs off, what number counts as success), "
                  "and leaving them open lets a project start without anyone agreeing on what "
                  "it is for.",
              .fix = "replace TODO with the real value, or delete the line if it does not apply",
              .references =
                  {
                      {"Louis Dorard, The Machine Learning Canvas",
                       "https://www.louisdorard.com/machine-learning-canvas"},
                  },
          },
      .check = m001::Check,
  };
}

}  // namespace foresight::rules
