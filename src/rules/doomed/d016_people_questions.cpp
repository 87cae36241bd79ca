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

// One question of the `people` section, and why it is asked.
struct Question {
  std::string_view field;
  std::string_view asks;
  std::string_view why;
};

constexpr Question kInfers = {
    "people.infers",
    "what is inferred about a person (criminal-offence-risk, emotions, a sensitive category, "
    "social-score, other, or none)",
    "inferring a person's risk of crime from profiling, their emotions at work or school, their "
    "race, politics, union membership, beliefs or sex life from biometrics, or a social score, "
    "is prohibited (Article 5(1)(c), (d), (f), (g))"};
constexpr Question kFrom = {
    "people.inferred_from",
    "what it is inferred from (face, voice, gait, other-biometric, online-behaviour, "
    "social-behaviour, personality-traits, conduct-facts, other)",
    "biometric data and profiling are what turn an inference into a prohibited practice "
    "(Article 5(1)(d), (f), (g))"};
constexpr Question kSettings = {
    "people.settings",
    "where the system is used (workplace, hiring, education, public-services, "
    "law-enforcement, migration, justice, credit, insurance, critical-infrastructure, "
    "biometric-identification, other, or none)",
    "these settings make a system high-risk (Annex III), and emotion recognition at work or "
    "school is prohibited (Article 5(1)(f))"};
constexpr Question kVulnerability = {
    "people.exploits_vulnerability",
    "whether it exploits a vulnerability (age, disability, social-or-economic-situation, "
    "addiction, or none)",
    "exploiting a vulnerability to distort behaviour is prohibited (Article 5(1)(b))"};
constexpr Question kSubliminal = {
    "people.subliminal_techniques",
    "whether it uses techniques below the threshold of awareness (true or false)",
    "subliminal or purposefully manipulative techniques are prohibited (Article 5(1)(a))"};
constexpr Question kScraping = {
    "people.untargeted_face_scraping",
    "whether face images are collected by untargeted scraping (true or false)",
    "building a face recognition dataset by untargeted scraping is prohibited (Article 5(1)(e))"};

bool Unanswered(const core::People& p, const Question& q) {
  if (q.field == kInfers.field) return p.infers.empty();
  if (q.field == kFrom.field) {
    // Nothing inferred, nothing to source.
    const bool none = !p.infers.empty() && std::all_of(p.infers.begin(), p.infers.end(), [](
                                                           const auto& f) {
      return f.has() && *f == core::PersonInference::kNone;
    });
    return !none && p.inferred_from.empty();
  }
  if (q.field == kSettings.field) return p.settings.empty();
  if (q.field == kVulnerability.field) return p.exploits_vulnerability.empty();
  if (q.field == kSubliminal.field) return !p.subliminal_techniques.has();
  return !p.untargeted_face_scraping.has();
}

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
  const Question* questions[] = {&kInfers,        &kFrom,       &kSettings,
                                 &kVulnerability, &kSubliminal, &kScraping};
  if (!p.mark.present) {
    Finding f;
    f.span = signal.span;
    f.fields.push_back(signal.field);
    f.message = fmt::format(
        "the project concerns people ({}), but the charter does not answer the EU AI Act's "
        "questions about them (the people section): what is inferred about a person, from "
        "what, where, and whether it manipulates or exploits them",
        signal.field);
    for (const Question* q : questions) {
      f.help.push_back(fmt::format("{}: {}; asked because {}", q->field, q->asks, q->why));
    }
    out.push_back(std::move(f));
    return;
  }
  for (const Question* q : questions) {
    if (!Unanswered(p, *q)) continue;
    // A question left as "TODO" is M001's to report (the charter is unfinished).
    const bool todo = std::any_of(c.placeholders.begin(), c.placeholders.end(),
                                  [&](const auto& placeholder) { return placeholder.first == q->field; });
    if (todo) continue;
    Finding f;
    f.span = p.mark.span;
    f.fields.push_back(std::string(q->field));
    f.message = fmt::format("the people section does not answer {}: {}", q->field, q->asks);
    f.help.push_back(fmt::format("it is asked because {}", q->why));
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
