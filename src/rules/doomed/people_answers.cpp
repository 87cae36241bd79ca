#include "rules/doomed/people_answers.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <vector>

#include <fmt/format.h>

namespace foresight::rules::doomed {
namespace {

using core::PersonInference;
using core::PersonSetting;
using core::PersonSource;

// The first answer in `list` that is one of `values`; null when none is.
template <typename E>
const core::Field<E>* FirstOf(const std::vector<core::Field<E>>& list,
                              std::initializer_list<E> values) {
  for (const auto& field : list) {
    if (field.has() && std::find(values.begin(), values.end(), *field) != values.end()) {
      return &field;
    }
  }
  return nullptr;
}

// Every answer in `list` that is one of `values`, by name: "face, voice".
template <typename E>
std::string NamesOf(const std::vector<core::Field<E>>& list, std::initializer_list<E> values) {
  std::string out;
  for (const auto& field : list) {
    if (field.has() && std::find(values.begin(), values.end(), *field) != values.end()) {
      out += (out.empty() ? "" : ", ") + std::string(core::NameOf(*field));
    }
  }
  return out;
}

constexpr std::initializer_list<PersonSource> kBiometric = {
    PersonSource::kFace, PersonSource::kVoice, PersonSource::kGait, PersonSource::kOtherBiometric};

constexpr std::initializer_list<PersonInference> kSensitive = {
    PersonInference::kRaceOrEthnicOrigin, PersonInference::kPoliticalOpinions,
    PersonInference::kTradeUnionMembership, PersonInference::kReligiousOrPhilosophicalBeliefs,
    PersonInference::kSexLifeOrSexualOrientation};

constexpr std::initializer_list<PersonInference> kAnyInference = {
    PersonInference::kNone,
    PersonInference::kCriminalOffenceRisk,
    PersonInference::kEmotions,
    PersonInference::kRaceOrEthnicOrigin,
    PersonInference::kPoliticalOpinions,
    PersonInference::kTradeUnionMembership,
    PersonInference::kReligiousOrPhilosophicalBeliefs,
    PersonInference::kSexLifeOrSexualOrientation,
    PersonInference::kSocialScore,
    PersonInference::kOther};

constexpr std::initializer_list<PersonSetting> kAnySetting = {
    PersonSetting::kNone,
    PersonSetting::kWorkplace,
    PersonSetting::kHiring,
    PersonSetting::kEducation,
    PersonSetting::kPublicServices,
    PersonSetting::kLawEnforcement,
    PersonSetting::kMigration,
    PersonSetting::kJustice,
    PersonSetting::kCredit,
    PersonSetting::kInsurance,
    PersonSetting::kCriticalInfrastructure,
    PersonSetting::kBiometricIdentification,
    PersonSetting::kOther};

bool IsTrue(const core::Field<bool>& field) { return field.has() && *field; }

// A face or biometric input, declared in `inputs`.
const core::Input* BiometricInput(const core::Charter& c) {
  for (const auto& input : c.inputs) {
    if (input.kind.has() &&
        (*input.kind == core::InputKind::kFace || *input.kind == core::InputKind::kBiometric)) {
      return &input;
    }
  }
  return nullptr;
}

Finding At(const core::Field<PersonInference>& inference) {
  Finding f;
  f.span = inference.span;
  f.fields.push_back("people.infers");
  return f;
}

std::optional<Finding> Criminality(const core::People& p) {
  const auto* inference = FirstOf(p.infers, {PersonInference::kCriminalOffenceRisk});
  if (inference == nullptr) return std::nullopt;
  const std::initializer_list<PersonSource> profiling = {PersonSource::kFace,
                                                         PersonSource::kVoice,
                                                         PersonSource::kGait,
                                                         PersonSource::kOtherBiometric,
                                                         PersonSource::kOnlineBehaviour,
                                                         PersonSource::kSocialBehaviour,
                                                         PersonSource::kPersonalityTraits,
                                                         PersonSource::kOther};
  const std::string from = NamesOf(p.inferred_from, profiling);
  const bool exception = IsTrue(p.exceptions.human_assessment_on_facts);
  if (exception && from.empty()) return std::nullopt;  // supports a human assessment on facts
  Finding f = At(*inference);
  if (!from.empty()) {
    f.fields.push_back("people.inferred_from");
    f.related.push_back(
        {FirstOf(p.inferred_from, profiling)->span, "the sources are answered here"});
  }
  f.message = fmt::format(
      "the charter's answers say the project infers a person's risk of committing a criminal "
      "offence{}: a risk assessment based on profiling or personality traits is a prohibited "
      "practice under the EU AI Act, Article 5(1)(d)",
      from.empty() ? "" : fmt::format(" from {} data", from));
  if (exception) {
    f.help.push_back(
        "the exception for supporting a human assessment covers assessments already based on "
        "objective, verifiable facts linked to a criminal activity, not on " +
        from);
  } else {
    f.help.push_back(
        "if the system only supports a human assessment that is already based on objective, "
        "verifiable facts linked to a criminal activity, answer "
        "people.exceptions.human_assessment_on_facts: true and people.inferred_from: "
        "[conduct-facts]");
  }
  return f;
}

std::optional<Finding> Categorisation(const core::Charter& c) {
  const core::People& p = c.people;
  const auto* inference = FirstOf(p.infers, kSensitive);
  if (inference == nullptr) return std::nullopt;
  const auto* source = FirstOf(p.inferred_from, kBiometric);
  const core::Input* input = BiometricInput(c);
  if (source == nullptr && input == nullptr) return std::nullopt;
  Finding f = At(*inference);
  std::string from;
  if (source != nullptr) {
    f.fields.push_back("people.inferred_from");
    f.related.push_back({source->span, "the biometric source is answered here"});
    from = NamesOf(p.inferred_from, kBiometric);
  } else {
    f.fields.push_back("inputs[].kind");
    f.related.push_back({input->kind.span, "the biometric input is declared here"});
    from = std::string(core::NameOf(*input->kind));
  }
  f.message = fmt::format(
      "the charter's answers say the project infers {} from biometric data ({}): biometric "
      "categorisation by a sensitive category is a prohibited practice under the EU AI Act, "
      "Article 5(1)(g)",
      NamesOf(p.infers, kSensitive), from);
  return f;
}

std::optional<Finding> SocialScoring(const core::People& p) {
  const auto* inference = FirstOf(p.infers, {PersonInference::kSocialScore});
  if (inference == nullptr) return std::nullopt;
  Finding f = At(*inference);
  f.message =
      "the charter's answers say the project scores people's trustworthiness or social "
      "behaviour: social scoring is a prohibited practice under the EU AI Act, Article 5(1)(c)";
  return f;
}

std::optional<Finding> Emotions(const core::Charter& c) {
  const core::People& p = c.people;
  const auto* inference = FirstOf(p.infers, {PersonInference::kEmotions});
  if (inference == nullptr) return std::nullopt;
  const auto* setting = FirstOf(
      p.settings, {PersonSetting::kWorkplace, PersonSetting::kHiring, PersonSetting::kEducation});
  if (setting == nullptr || IsTrue(p.exceptions.medical_or_safety)) return std::nullopt;
  // Emotion recognition in the Act's sense works from biometric data (Art. 3(39)): answered
  // sources without any biometric one (the words of an email) are not Article 5.
  if (!p.inferred_from.empty() && FirstOf(p.inferred_from, kBiometric) == nullptr &&
      BiometricInput(c) == nullptr) {
    return std::nullopt;
  }
  Finding f = At(*inference);
  f.fields.push_back("people.settings");
  f.related.push_back({setting->span, "the setting is answered here"});
  f.message = fmt::format(
      "the charter's answers say the project recognises people's emotions in {}: a "
      "prohibited practice under the EU AI Act, Article 5(1)(f), unless it is for medical or "
      "safety reasons",
      core::NameOf(**setting));
  f.help.push_back(
      "if it is for medical or safety reasons (a driver's drowsiness), answer "
      "people.exceptions.medical_or_safety: true and say why in task.description");
  return f;
}

std::optional<Finding> Scraping(const core::People& p) {
  if (!IsTrue(p.untargeted_face_scraping)) return std::nullopt;
  Finding f;
  f.span = p.untargeted_face_scraping.span;
  f.fields.push_back("people.untargeted_face_scraping");
  f.message =
      "the charter's answers say face images are collected by untargeted scraping: building or "
      "expanding a face recognition dataset that way is a prohibited practice under the EU AI "
      "Act, Article 5(1)(e)";
  return f;
}

std::optional<Finding> Manipulation(const core::People& p) {
  if (IsTrue(p.subliminal_techniques)) {
    Finding f;
    f.span = p.subliminal_techniques.span;
    f.fields.push_back("people.subliminal_techniques");
    f.message =
        "the charter's answers say the project influences people by techniques below the "
        "threshold of their awareness: a prohibited practice under the EU AI Act, Article "
        "5(1)(a), when it distorts their behaviour to their harm";
    return f;
  }
  const std::initializer_list<core::Vulnerability> exploited = {
      core::Vulnerability::kAge, core::Vulnerability::kDisability,
      core::Vulnerability::kSocialOrEconomicSituation, core::Vulnerability::kAddiction};
  const auto* vulnerability = FirstOf(p.exploits_vulnerability, exploited);
  if (vulnerability == nullptr) return std::nullopt;
  Finding f;
  f.span = vulnerability->span;
  f.fields.push_back("people.exploits_vulnerability");
  f.message = fmt::format(
      "the charter's answers say the project exploits people's vulnerability ({}): a "
      "prohibited practice under the EU AI Act, Article 5(1)(b), when it distorts their "
      "behaviour to their harm",
      NamesOf(p.exploits_vulnerability, exploited));
  return f;
}

std::optional<Finding> RemoteIdentification(const core::People& p) {
  if (!p.remote_identification.has() ||
      *p.remote_identification != core::RemoteIdentification::kRealTime ||
      !IsTrue(p.public_spaces)) {
    return std::nullopt;
  }
  const auto* police = FirstOf(p.settings, {PersonSetting::kLawEnforcement});
  if (police == nullptr || IsTrue(p.exceptions.authorised_targeted_search)) return std::nullopt;
  Finding f;
  f.span = p.remote_identification.span;
  f.fields = {"people.remote_identification", "people.public_spaces", "people.settings"};
  f.related.push_back({p.public_spaces.span, "publicly accessible spaces are answered here"});
  f.related.push_back({police->span, "law enforcement is answered here"});
  f.message =
      "the charter's answers say the project identifies people remotely, in real time, in "
      "publicly accessible spaces, for law enforcement: a prohibited practice under the EU AI "
      "Act, Article 5(1)(h)";
  f.help.push_back(
      "if it serves only a targeted search for specific victims, the prevention of a specific "
      "and imminent threat to life or of a terrorist attack, or locating a suspect of a serious "
      "crime, each authorised beforehand by a judicial or independent administrative authority "
      "(Article 5(1)(h)(i)-(iii), 5(3)), answer "
      "people.exceptions.authorised_targeted_search: true");
  return f;
}

constexpr PeopleQuestion kInfers = {
    "people.infers",
    "what is inferred about a person (criminal-offence-risk, emotions, a sensitive category, "
    "social-score, other, or none)",
    "inferring a person's risk of crime from profiling, their emotions at work or school, their "
    "race, politics, union membership, beliefs or sex life from biometrics, or a social score, "
    "is prohibited (Article 5(1)(c), (d), (f), (g))",
    [](const core::People& p) { return p.infers.empty(); }};
constexpr PeopleQuestion kFrom = {
    "people.inferred_from",
    "what it is inferred from (face, voice, gait, other-biometric, online-behaviour, "
    "social-behaviour, personality-traits, conduct-facts, other)",
    "biometric data and profiling are what turn an inference into a prohibited practice "
    "(Article 5(1)(d), (f), (g))",
    [](const core::People& p) {
      // Nothing inferred, nothing to source.
      const bool none =
          !p.infers.empty() && std::all_of(p.infers.begin(), p.infers.end(), [](const auto& f) {
            return f.has() && *f == core::PersonInference::kNone;
          });
      return !none && p.inferred_from.empty();
    }};
constexpr PeopleQuestion kSettings = {
    "people.settings",
    "where the system is used (workplace, hiring, education, public-services, "
    "law-enforcement, migration, justice, credit, insurance, critical-infrastructure, "
    "biometric-identification, other, or none)",
    "these settings make a system high-risk (Annex III), and emotion recognition at work or "
    "school is prohibited (Article 5(1)(f))",
    [](const core::People& p) { return p.settings.empty(); }};
constexpr PeopleQuestion kVulnerability = {
    "people.exploits_vulnerability",
    "whether it exploits a vulnerability (age, disability, social-or-economic-situation, "
    "addiction, or none)",
    "exploiting a vulnerability to distort behaviour is prohibited (Article 5(1)(b))",
    [](const core::People& p) { return p.exploits_vulnerability.empty(); }};
constexpr PeopleQuestion kSubliminal = {
    "people.subliminal_techniques",
    "whether it uses techniques below the threshold of awareness (true or false)",
    "subliminal or purposefully manipulative techniques are prohibited (Article 5(1)(a))",
    [](const core::People& p) { return !p.subliminal_techniques.has(); }};
constexpr PeopleQuestion kScraping = {
    "people.untargeted_face_scraping",
    "whether face images are collected by untargeted scraping (true or false)",
    "building a face recognition dataset by untargeted scraping is prohibited (Article 5(1)(e))",
    [](const core::People& p) { return !p.untargeted_face_scraping.has(); }};

constexpr PeopleQuestion kRemote = {
    "people.remote_identification",
    "whether it identifies people at a distance by their face, gait, voice or other biometric "
    "data, without their involvement (none, after-the-fact, real-time)",
    "real-time remote biometric identification in publicly accessible spaces for law "
    "enforcement is prohibited (Article 5(1)(h)), and any remote biometric identification is "
    "high-risk (Annex III, point 1(a))",
    [](const core::People& p) { return !p.remote_identification.has(); }};
constexpr PeopleQuestion kPublic = {
    "people.public_spaces",
    "whether the people identified are in spaces open to the public, such as streets, "
    "stations or shops (true or false)",
    "the prohibition of real-time remote identification is about publicly accessible spaces "
    "(Article 5(1)(h))",
    [](const core::People& p) {
      // Asked only of a project that identifies people remotely.
      return p.remote_identification.has() &&
             *p.remote_identification != core::RemoteIdentification::kNone &&
             !p.public_spaces.has();
    }};

constexpr std::array<PeopleQuestion, 8> kQuestions = {
    kInfers, kFrom, kSettings, kVulnerability, kSubliminal, kScraping, kRemote, kPublic};

}  // namespace

std::span<const PeopleQuestion> PeopleQuestions() { return kQuestions; }

std::string WhatWasScreened(const core::Charter& c) {
  const PeopleSignal signal = ConcernsPeople(c);
  if (!signal.concerned) {
    return c.people.concerned.has()
               ? "Screened: the charter's words, for a project it says does not concern "
                 "people; not legal advice."
               : "Screened: the charter's words; nothing in it says the project concerns "
                 "people; not legal advice.";
  }
  if (!c.people.mark.present) {
    return "Screened: the charter's words only, since the people section that answers the EU "
           "AI Act's questions is missing; not legal advice.";
  }
  std::string open;
  for (const PeopleQuestion& q : kQuestions) {
    if (q.unanswered(c.people)) open += (open.empty() ? "" : ", ") + std::string(q.field);
  }
  return fmt::format(
      "Screened: the answers to the EU AI Act's questions about people{} and the charter's "
      "words; not legal advice.",
      open.empty() ? "" : fmt::format(" (unanswered: {})", open));
}

void NoteContradiction(const core::Charter& c, Practice practice, Finding& f) {
  const core::People& p = c.people;
  // The answer that denies the practice: its field, what it says, and where.
  std::string field;
  std::string says;
  Span span;
  // people.infers, answered without any of `inferences`.
  const auto infers_none_of = [&](std::initializer_list<PersonInference> inferences) {
    if (p.infers.empty() || FirstOf(p.infers, inferences) != nullptr) return false;
    field = "people.infers";
    says = "people.infers says [" + NamesOf(p.infers, kAnyInference) + "]";
    span = p.infers_mark.span;
    return true;
  };
  switch (practice) {
    case Practice::kCriminalityProfiling:
      if (!infers_none_of({PersonInference::kCriminalOffenceRisk})) return;
      break;
    case Practice::kBiometricCategorisation:
      if (!infers_none_of(kSensitive)) return;
      break;
    case Practice::kSocialScoring:
      if (!infers_none_of({PersonInference::kSocialScore})) return;
      break;
    case Practice::kEmotionAtWorkOrSchool:
      if (infers_none_of({PersonInference::kEmotions})) break;
      // Emotions are inferred: the answers deny the setting, if they name one.
      if (p.settings.empty() ||
          FirstOf(p.settings, {PersonSetting::kWorkplace, PersonSetting::kHiring,
                               PersonSetting::kEducation}) != nullptr) {
        return;
      }
      field = "people.settings";
      says = "people.settings says [" + NamesOf(p.settings, kAnySetting) + "]";
      span = p.settings_mark.span;
      break;
    case Practice::kFaceScraping:
      if (!p.untargeted_face_scraping.has() || *p.untargeted_face_scraping) return;
      field = "people.untargeted_face_scraping";
      says = "people.untargeted_face_scraping is false";
      span = p.untargeted_face_scraping.span;
      break;
    case Practice::kRemoteIdentification:
      if (p.remote_identification.has() &&
          *p.remote_identification != core::RemoteIdentification::kRealTime) {
        field = "people.remote_identification";
        says = fmt::format("people.remote_identification is {}",
                           core::NameOf(*p.remote_identification));
        span = p.remote_identification.span;
        break;
      }
      if (!p.public_spaces.has() || *p.public_spaces) return;
      field = "people.public_spaces";
      says = "people.public_spaces is false";
      span = p.public_spaces.span;
      break;
    case Practice::kManipulation:
      if (!p.subliminal_techniques.has() || *p.subliminal_techniques ||
          p.exploits_vulnerability.empty()) {
        return;
      }
      field = "people.subliminal_techniques";
      says =
          "people.subliminal_techniques is false and people.exploits_vulnerability answers "
          "no exploited vulnerability";
      span = p.subliminal_techniques.span;
      break;
  }
  f.message = fmt::format("the text and the answers disagree: {}; yet {}", f.message, says);
  f.fields.push_back(field);
  f.related.push_back({span, "the answer that says otherwise"});
  f.help.insert(f.help.begin(),
                "correct the answer in the people section if the text is right; if the answer "
                "is right, say in the text what the project does instead");
}

std::optional<Finding> DeclaredPractice(const core::Charter& charter, Practice practice) {
  switch (practice) {
    case Practice::kManipulation:
      return Manipulation(charter.people);
    case Practice::kSocialScoring:
      return SocialScoring(charter.people);
    case Practice::kCriminalityProfiling:
      return Criminality(charter.people);
    case Practice::kFaceScraping:
      return Scraping(charter.people);
    case Practice::kEmotionAtWorkOrSchool:
      return Emotions(charter);
    case Practice::kBiometricCategorisation:
      return Categorisation(charter);
    case Practice::kRemoteIdentification:
      return RemoteIdentification(charter.people);
  }
  return std::nullopt;
}

PeopleSignal ConcernsPeople(const core::Charter& c, bool declared_first) {
  if (declared_first && c.people.concerned.has()) {
    return {*c.people.concerned, "people.concerned", c.people.concerned.span};
  }
  if (c.decision.affected.has()) {
    return {true, "decision.affected", c.decision.affected.span};
  }
  for (size_t i = 0; i < c.inputs.size(); ++i) {
    const auto& kind = c.inputs[i].kind;
    if (kind.has() &&
        (*kind == core::InputKind::kFace || *kind == core::InputKind::kBiometric ||
         *kind == core::InputKind::kPersonalData || *kind == core::InputKind::kBehaviour)) {
      return {true, fmt::format("inputs[{}].kind", i), kind.span};
    }
  }
  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    const auto& personal = c.data.sources[i].personal_data;
    if (IsTrue(personal)) {
      return {true, fmt::format("data.sources[{}].personal_data", i), personal.span};
    }
  }
  for (const auto& inference : c.people.infers) {
    if (inference.has() && *inference != PersonInference::kNone) {
      return {true, "people.infers", inference.span};
    }
  }
  return {};
}

}  // namespace foresight::rules::doomed
