// The charter's answers to the EU AI Act's questions about people (the `people` section):
// which Article 5 practice they describe, and whether a charter concerns people at all.
// The structured answers come first: they make a finding explainable and stable, where the
// text screen of each rule is a second, independent signal.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/charter.hpp"
#include "rules/rule.hpp"

namespace foresight::rules::doomed {

// The Article 5 practices the answers can describe.
enum class Practice {
  kManipulation,           // 5(1)(a) techniques below awareness; 5(1)(b) exploiting a vulnerability
  kSocialScoring,          // 5(1)(c)
  kCriminalityProfiling,   // 5(1)(d)
  kFaceScraping,           // 5(1)(e)
  kEmotionAtWorkOrSchool,  // 5(1)(f)
  kBiometricCategorisation,  // 5(1)(g)
  kRemoteIdentification,     // 5(1)(h)
};

// A finding when the `people` answers describe `practice` and no exception the Act makes
// for it is answered; nullopt otherwise.
std::optional<Finding> DeclaredPractice(const core::Charter& charter, Practice practice);

// When the people section's answers deny `practice` (say, people.infers: [none] while the
// target describes a risk of re-offending), turns the text screen's finding into a finding
// of the contradiction: its message says what the answers say, and it points at them too.
// Leaves the finding as it is when the answers do not speak to the practice.
void NoteContradiction(const core::Charter& charter, Practice practice, Finding& finding);

// One question of the `people` section: its field, what it asks, and why it is asked.
struct PeopleQuestion {
  std::string_view field;
  std::string_view asks;
  std::string_view why;
  bool (*unanswered)(const core::People&);  // whether `people` leaves it unanswered
};
// The eight questions (infers, inferred_from, settings, exploits_vulnerability,
// subliminal_techniques, untargeted_face_scraping, remote_identification, public_spaces), in
// that order.
std::span<const PeopleQuestion> PeopleQuestions();
// What the doomed factor's screening looked at, in one sentence for its verdict: the answers
// (naming the unanswered questions) and the text, and that it is not legal advice.
std::string WhatWasScreened(const core::Charter& charter);

// Whether the charter concerns natural persons, and the field that shows it: people.concerned
// when answered, else a person affected by the decisions, a face, biometric, personal-data or
// behaviour input, a data source holding personal data, or an answer naming an inference.
struct PeopleSignal {
  bool concerned = false;
  std::string field;  // "people.concerned", "inputs[0].kind", ...
  Span span;
};
// With `declared_first` false: what the other fields show, whatever people.concerned says.
PeopleSignal ConcernsPeople(const core::Charter& charter, bool declared_first = true);

}  // namespace foresight::rules::doomed
