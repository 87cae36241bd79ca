// M007: success criteria without an owner or a sign-off.
#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m007 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::Success& s = c.success;
  if (!s.mark.present || UnderPlaceholder(c, "success")) return;
  const bool no_owner = s.owner.absent();
  const bool no_sign_off = s.sign_off.absent();
  if (!no_owner && !no_sign_off) return;
  Finding f;
  f.span = SectionSpan(s.mark);
  if (no_owner && no_sign_off) {
    f.message =
        "the success criteria have no owner and no sign-off date: nobody has agreed that "
        "this number means success";
    f.fields = {"success.owner", "success.sign_off"};
  } else if (no_owner) {
    f.message = "the success criteria have a sign-off date but no owner to sign them off";
    f.fields = {"success.owner"};
  } else {
    f.message = s.owner.has() ? "the success criteria have an owner (" + *s.owner +
                                    ") but no sign-off date: they have not agreed to them yet"
                              : "the success criteria have no sign-off date: nobody has agreed "
                                "to them yet";
    f.fields = {"success.sign_off"};
  }
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace m007

RuleDef MakeM007() {
  return RuleDef{
      .meta =
          {
              .id = "M007",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "Success criteria without an owner or sign-off",
              .rationale =
                  "Unclear success criteria are one of the top reasons machine learning "
                  "projects never reach production: the team hits its number and the business "
                  "says it was the wrong one. Someone on the business side must own the target "
                  "and sign it off before the work starts.",
              .fix = "name the business owner of the target in success.owner and the date they "
                     "agreed to it in success.sign_off",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Louis Dorard, The Machine Learning Canvas",
                       "https://www.louisdorard.com/machine-learning-canvas"},
                  },
          },
      .check = m007::Check,
  };
}

}  // namespace foresight::rules
