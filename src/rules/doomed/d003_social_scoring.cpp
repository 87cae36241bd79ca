// D003: social scoring of people.
#include <array>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d003 {
namespace {

// Names for a general score of a person's conduct; "credit score" alone is a loan's risk,
// not social scoring, so it is not here.
constexpr std::array<std::string_view, 8> kScoringWords = {
    "social scor*",          "social credit*",         "citizen scor*",
    "trustworthiness scor*", "social behaviour scor*", "social behavior scor*",
    "citizen reputation*",   "citizen rating*"};

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kSocialScoring)) {
    out.push_back(std::move(*declared));
    return;
  }
  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kSocialScore;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  const std::vector<TextField> prose = ProseFields(c);
  const std::vector<TextMatch> matches = FindPhrases(in, prose, kScoringWords);
  if (!declared && matches.empty()) return;
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);
  const std::string what = declared ? "declares a social score as its target"
                                    : "describes a '" + matches.front().word + "'";
  f.message = "the project " + what +
              ": rating people on their social behaviour or personal traits is social scoring, "
              "a prohibited practice under the EU AI Act, Article 5(1)(c)";
  doomed::NoteContradiction(c, doomed::Practice::kSocialScoring, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d003

RuleDef MakeD003() {
  return RuleDef{
      .meta =
          {
              .id = "D003",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Social scoring of people",
              .rationale =
                  "Scoring people on their social behaviour or personal traits, and treating "
                  "them worse for it in unrelated situations or out of proportion, is banned in "
                  "the EU since February 2025, for public and private organisations alike. Such "
                  "scores also turn yesterday's prejudices into tomorrow's decisions. A product "
                  "built around one cannot be sold in the EU.",
              .fix = "score the specific risk the decision needs (for example the repayment of "
                     "this loan) from data relevant to it, instead of a general score of the "
                     "person, and take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(c) and Recital 31",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d003::Check,
  };
}

}  // namespace foresight::rules
