// D011: the target cannot be observed, so the labels are a proxy for it.
#include <array>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d011 {
namespace {

// Qualities of a person that no record shows directly. "potential" and "character" alone
// would find "potential churn" and "character recognition", so they come in phrases.
constexpr std::array<std::string_view, 15> kConstructWords = {"trustworthiness",
                                                              "trustworthy",
                                                              "honesty",
                                                              "honest",
                                                              "loyalty",
                                                              "high potential",
                                                              "leadership potential",
                                                              "talent*",
                                                              "cultural fit",
                                                              "culture fit",
                                                              "intent*",
                                                              "intention*",
                                                              "good character",
                                                              "moral character",
                                                              "character traits"};

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const auto& observable = c.task.target_observable;
  // The team's own answer comes first, either way; a placeholder means it is still open.
  if (observable.placeholder() || (observable.has() && *observable)) return;
  const std::string target =
      c.task.target.has() ? "the target '" + *c.task.target + "'" : "the target";

  Finding f;
  if (observable.has()) {
    f.span = observable.span;
    f.fields.push_back("task.target_observable");
    f.message = target +
                " is declared not directly observable: the model will learn whatever proxy "
                "the labels record, and be judged against that proxy, not the target";
  } else {
    const std::vector<TextField> fields = doomed::ProseFieldsNamed(c, {"task.target"});
    const std::vector<TextMatch> matches = FindPhrases(in, fields, kConstructWords);
    if (matches.empty()) return;
    f.span = matches.front().span;
    AddMatch(f, matches.front());
    f.message = "the target names a quality no record shows directly ('" + matches.front().word +
                "'): its labels will be a proxy, such as past ratings or decisions, and the model "
                "will learn the proxy with its biases";
  }
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d011

RuleDef MakeD011() {
  return RuleDef{
      .meta =
          {
              .id = "D011",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kWarning,
              .title = "The target cannot be observed directly: the labels are a proxy",
              .rationale =
                  "A model can only learn what its labels record. When the goal is a quality "
                  "such as trustworthiness, talent or intent, the labels are a stand-in (past "
                  "managers' ratings, past costs), and the model reproduces the stand-in with "
                  "its blind spots and biases. A well-known health-care model predicted costs "
                  "instead of needs and under-served the patients who needed care most.",
              .fix = "choose a target that is recorded as it happens (an outcome, an event, a "
                     "measured quantity), or write down which proxy the labels use and check "
                     "where it differs from the goal",
              .references =
                  {
                      {"Jacobs & Wallach 2021, 'Measurement and Fairness', ACM FAccT",
                       "https://arxiv.org/abs/1912.05511"},
                      {"Obermeyer et al. 2019, 'Dissecting racial bias in an algorithm used to "
                       "manage the health of populations', Science",
                       "https://doi.org/10.1126/science.aax2342"},
                  },
          },
      .check = d011::Check,
  };
}

}  // namespace foresight::rules
