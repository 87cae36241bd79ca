// D006: manipulating people or exploiting their vulnerabilities.
#include <algorithm>
#include <array>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d006 {
namespace {

constexpr std::array<std::string_view, 11> kManipulationWords = {"subliminal*",
                                                                 "manipulate",
                                                                 "manipulates",
                                                                 "manipulating",
                                                                 "manipulation",
                                                                 "manipulative",
                                                                 "exploit vulnerabilities",
                                                                 "exploiting vulnerabilities",
                                                                 "exploit their vulnerabilities",
                                                                 "dark pattern*",
                                                                 "exploit vulnerable"};

// Within the same sentence, a few words from the match: another sense of the word, or the
// system checking for someone else's manipulation (a scam's, a phishing email's).
constexpr std::array<std::string_view, 30> kOtherSense = {
    "robot*", "robotic",  "grasp*",  "object*",   "market", "image*",        "photo*",   "video*",
    "data",   "price*",   "stock*",  "deepfake*", "forg*",  "tamper*",       "software", "security",
    "cyber*", "code",     "detect*", "prevent*",  "flag*",  "identif*",      "protect*", "counter*",
    "scam*",  "phishing", "fraud*",  "attacker*", "spam*",  "disinformation"};

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kManipulation)) {
    out.push_back(std::move(*declared));
    return;
  }
  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kManipulation;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  // "Manipulation" is also a robot's grasp, a forged photo, a rigged market, and
  // "vulnerabilities" a software flaw; "detect manipulation" is checking for it, not doing
  // it. Those senses are read from the words right next to the match only: "security" or
  // "detect" elsewhere in a field does not switch the rule off.
  const std::vector<TextMatch> matches =
      FindPhrases(in, ProseFields(c), kManipulationWords, Guards{kOtherSense, 5, 2});
  if (!declared && matches.empty()) return;
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);
  const std::string what =
      declared ? "declares manipulation as its target" : "describes '" + matches.front().word + "'";
  f.message = "the project " + what +
              ": influencing people's behaviour by techniques beyond their awareness, or by "
              "exploiting their age, disability or situation, is a prohibited practice under "
              "the EU AI Act, Article 5(1)(a) and (b)";
  doomed::NoteContradiction(c, doomed::Practice::kManipulation, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d006

RuleDef MakeD006() {
  return RuleDef{
      .meta =
          {
              .id = "D006",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Manipulating people or exploiting their vulnerabilities",
              .rationale =
                  "Systems that steer people's decisions with subliminal or deceptive "
                  "techniques, or that exploit the vulnerabilities of children, people with "
                  "disabilities or people in financial distress, are banned in the EU since "
                  "February 2025 when they can cause significant harm. A product that works by "
                  "deceiving its users also destroys the trust it depends on.",
              .fix = "redesign the product to inform people's choices openly (what is "
                     "recommended and why) instead of steering them, and take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(a) and (b)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d006::Check,
  };
}

}  // namespace foresight::rules
