// P002: a primary metric without a threshold.
#include "rules/builtin_rules.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace p002 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Success& s = in.charter.success;
  if (!s.metric.has() && !s.mark.present) return;
  if (!s.threshold.absent() || UnderPlaceholder(in.charter, "success.threshold")) return;
  Finding f;
  f.span = s.metric.has() ? s.metric.span : SectionSpan(s.mark);
  f.fields = {"success.threshold"};
  f.message = s.metric.has() ? "the primary metric " + *s.metric +
                                   " has no threshold: nobody has agreed on the number that means "
                                   "success"
                             : "the success section sets no threshold: nobody has agreed on the "
                               "number that means success";
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace p002

RuleDef MakeP002() {
  return RuleDef{
      .meta =
          {
              .id = "P002",
              .factor = core::Factor::kProduction,
              .severity = Severity::kError,
              .title = "No threshold for the primary metric",
              .rationale =
                  "A metric without a target says how the model will be measured but not when it "
                  "is good enough. Without that number, agreed before the work starts, the "
                  "decision to ship or stop is argued after the fact, and the goalposts move.",
              .fix = "write under `success.threshold` the value of the primary metric that the "
                     "model must reach to ship, agreed with whoever signs off",
              .references =
                  {
                      {"Full Stack Deep Learning 2021, Lecture 5: ML Projects (choosing metrics)",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Google, 'Rules of Machine Learning'",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                  },
          },
      .check = p002::Check,
  };
}

}  // namespace foresight::rules
