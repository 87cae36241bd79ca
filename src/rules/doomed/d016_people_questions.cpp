// D016: a project about people that leaves the EU AI Act's questions unanswered.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace d016 {
namespace {

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const core::People& p = c.people;
  const doomed::PeopleSignal evident = doomed::ConcernsPeople(c, false);
  // people.concerned: false, while the charter shows people: a contradiction to resolve.
  if (p.concerned.has() && !*p.concerned) {
    if (!evident.concerned) return;
    Finding f;
    f.span = p.concerned.span;
    f.fields = {"people.concerned", evident.field};
    f.related.push_back({evident.span, "this field concerns people"});
    f.message = fmt::format(
        "people.concerned says the project does not concern people, but {} does: the EU AI "
        "Act's questions about people go unasked",
        evident.field);
    f.help.push_back("set people.concerned: true and answer the people section's questions");
    out.push_back(std::move(f));
    return;
  }
  const doomed::PeopleSignal signal = doomed::ConcernsPeople(c);
  if (!signal.concerned) return;
  if (!p.mark.present) {
    Finding f;
    f.span = signal.span;
    f.fields.push_back(signal.field);
    f.message = fmt::format(
        "the project concerns people ({}), but the charter does not answer the EU AI Act's "
        "questions about them (the people section): what is inferred about a person, from "
        "what, where, and whether it manipulates or exploits them",
        signal.field);
    for (const doomed::PeopleQuestion& q : doomed::PeopleQuestions()) {
      f.help.push_back(fmt::format("{}: {}; asked because {}", q.field, q.asks, q.why));
    }
    out.push_back(std::move(f));
    return;
  }
  for (const doomed::PeopleQuestion& q : doomed::PeopleQuestions()) {
    if (!q.unanswered(p)) continue;
    // A question left as "TODO" is M001's to report (the charter is unfinished).
    const bool todo =
        std::any_of(c.placeholders.begin(), c.placeholders.end(),
                    [&](const auto& placeholder) { return placeholder.first == q.field; });
    if (todo) continue;
    Finding f;
    f.span = p.mark.span;
    f.fields.push_back(std::string(q.field));
    f.message = fmt::format("the people section does not answer {}: {}", q.field, q.asks);
    f.help.push_back(fmt::format("it is asked because {}", q.why));
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace d016

RuleDef MakeD016() {
  return RuleDef{
      .meta =
          {
              .id = "D016",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kWarning,
              .title = "A project about people leaves the EU AI Act's questions unanswered",
              .rationale =
                  "Whether a project about people is prohibited or high-risk under the EU AI "
                  "Act depends on what it infers about them, from what, and where it is used. "
                  "Guessing that from the wording of a charter misses projects described in "
                  "other words; answering the questions explicitly makes the screening "
                  "explainable and stable, and makes the team face them on day one.",
              .fix = "answer the questions of the people section: infers, inferred_from, "
                     "settings, exploits_vulnerability, subliminal_techniques and "
                     "untargeted_face_scraping (docs/charter.md lists the values and the "
                     "article each comes from)",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5 and Annex III",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d016::Check,
  };
}

}  // namespace foresight::rules
