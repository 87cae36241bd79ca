// The closed vocabularies of the charter, each an enum class with its spelling in YAML.
//
// Every enum E has a table EnumEntries<E>() of {value, yaml name}; the parser validates
// against it (with did-you-mean), and docs/charter.md lists the same names.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace foresight::core {

enum class Archetype { kSoftware20, kHumanInTheLoop, kAutonomous };

// Application areas; the EU AI Act Annex III high-risk areas among them.
enum class DomainArea {
  kGeneral,
  kBiometrics,
  kCriticalInfrastructure,
  kEducation,
  kEmployment,
  kEssentialServices,
  kCredit,
  kInsurance,
  kLawEnforcement,
  kMigration,
  kJustice,
  kHealthcare,
  kMarketing,
  kRetail,
  kManufacturing,
  kScience,
  kMedia,
  kOther,
};

enum class DecisionMode { kAssist, kAutomate };
enum class Stakes { kLow, kMedium, kHigh };

enum class TaskType {
  kBinary,
  kMulticlass,
  kMultilabel,
  kRegression,
  kRanking,
  kDetection,
  kSegmentation,
  kGeneration,
};

enum class Granularity { kCoarse, kFineGrained, kInstance };

// What kind of thing the target is; the structured signal for prohibited practices.
enum class TargetKind {
  kOutcome,
  kCriminalOffence,
  kSensitiveAttribute,
  kEmotion,
  kSocialScore,
  kPersonality,
  kManipulation,
  kIdentity,
};

enum class InputKind {
  kTabular,
  kText,
  kImage,
  kVideo,
  kAudio,
  kFace,
  kBiometric,
  kPersonalData,
  kLocation,
  kBehaviour,
  kTimeSeries,
  kOther,
};

enum class Access { kGranted, kRequested, kNegotiating, kUnknown, kDenied };

enum class LegalBasis {
  kConsent,
  kContract,
  kLegalObligation,
  kVitalInterests,
  kPublicTask,
  kLegitimateInterests,
  kNone,
  kUnknown,
};

enum class Collection {
  kInternal,
  kPartner,
  kPurchased,
  kPublicDataset,
  kUserProvided,
  kScraped,
  kSynthetic,
};

enum class LabelSource { kManual, kCrowd, kExisting, kDerived, kWeak };
enum class Direction { kHigherIsBetter, kLowerIsBetter };
enum class Interpretability { kRequired, kPreferred, kNone };
enum class Deployment { kBatch, kOnline, kEdge };
enum class BaselineKind { kHeuristic, kPublished, kHuman, kSimpleMl };

enum class Role {
  kDataScientist,
  kMlEngineer,
  kDataEngineer,
  kDevops,
  kAnnotator,
  kDomainExpert,
  kProductOwner,
  kSoftwareEngineer,
  kLegal,
  kProjectManager,
};

enum class MethodStatus { kPlanned, kRunning, kDone, kDropped };

// The EU AI Act's questions about people (the charter's `people` section).
// What is inferred about a person: Article 5(1)(c), (d), (f), (g).
enum class PersonInference {
  kNone,
  kCriminalOffenceRisk,
  kEmotions,
  kRaceOrEthnicOrigin,
  kPoliticalOpinions,
  kTradeUnionMembership,
  kReligiousOrPhilosophicalBeliefs,
  kSexLifeOrSexualOrientation,
  kSocialScore,
  kOther,
};
// What it is inferred from.
enum class PersonSource {
  kFace,
  kVoice,
  kGait,
  kOtherBiometric,
  kOnlineBehaviour,
  kSocialBehaviour,
  kPersonalityTraits,
  kConductFacts,
  kOther,
};
// Where the system is used: the Annex III areas and Article 5(1)(f)'s workplace and education.
enum class PersonSetting {
  kNone,
  kWorkplace,
  kHiring,
  kEducation,
  kPublicServices,
  kLawEnforcement,
  kMigration,
  kJustice,
  kCredit,
  kInsurance,
  kCriticalInfrastructure,
  kBiometricIdentification,
  kOther,
};
// A vulnerability the system exploits: Article 5(1)(b).
enum class Vulnerability { kNone, kAge, kDisability, kSocialOrEconomicSituation, kAddiction };
// Whether people are identified at a distance by their biometric data, without their active
// involvement: Article 5(1)(h) (real time), Annex III 1(a) (any).
enum class RemoteIdentification { kNone, kAfterTheFact, kRealTime };

// How the readiness gate counts a condition the evidence cannot decide yet.
enum class GateUndecided { kFail, kPass };

template <typename E>
struct EnumEntry {
  E value;
  std::string_view name;
};

// The table of an enum's YAML spellings, in declaration order. Specialised for each enum.
template <typename E>
std::span<const EnumEntry<E>> EnumEntries();

template <>
std::span<const EnumEntry<Archetype>> EnumEntries<Archetype>();
template <>
std::span<const EnumEntry<DomainArea>> EnumEntries<DomainArea>();
template <>
std::span<const EnumEntry<DecisionMode>> EnumEntries<DecisionMode>();
template <>
std::span<const EnumEntry<Stakes>> EnumEntries<Stakes>();
template <>
std::span<const EnumEntry<TaskType>> EnumEntries<TaskType>();
template <>
std::span<const EnumEntry<Granularity>> EnumEntries<Granularity>();
template <>
std::span<const EnumEntry<TargetKind>> EnumEntries<TargetKind>();
template <>
std::span<const EnumEntry<InputKind>> EnumEntries<InputKind>();
template <>
std::span<const EnumEntry<Access>> EnumEntries<Access>();
template <>
std::span<const EnumEntry<LegalBasis>> EnumEntries<LegalBasis>();
template <>
std::span<const EnumEntry<Collection>> EnumEntries<Collection>();
template <>
std::span<const EnumEntry<LabelSource>> EnumEntries<LabelSource>();
template <>
std::span<const EnumEntry<Direction>> EnumEntries<Direction>();
template <>
std::span<const EnumEntry<Interpretability>> EnumEntries<Interpretability>();
template <>
std::span<const EnumEntry<Deployment>> EnumEntries<Deployment>();
template <>
std::span<const EnumEntry<BaselineKind>> EnumEntries<BaselineKind>();
template <>
std::span<const EnumEntry<Role>> EnumEntries<Role>();
template <>
std::span<const EnumEntry<MethodStatus>> EnumEntries<MethodStatus>();
template <>
std::span<const EnumEntry<GateUndecided>> EnumEntries<GateUndecided>();
template <>
std::span<const EnumEntry<PersonInference>> EnumEntries<PersonInference>();
template <>
std::span<const EnumEntry<PersonSource>> EnumEntries<PersonSource>();
template <>
std::span<const EnumEntry<PersonSetting>> EnumEntries<PersonSetting>();
template <>
std::span<const EnumEntry<Vulnerability>> EnumEntries<Vulnerability>();
template <>
std::span<const EnumEntry<RemoteIdentification>> EnumEntries<RemoteIdentification>();

// The YAML spelling of a value.
template <typename E>
std::string_view NameOf(E value) {
  for (const auto& entry : EnumEntries<E>()) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

// The value spelled `name`, or nullopt.
template <typename E>
std::optional<E> EnumFromName(std::string_view name) {
  for (const auto& entry : EnumEntries<E>()) {
    if (entry.name == name) return entry.value;
  }
  return std::nullopt;
}

// Whether an area is high-risk under the EU AI Act, Annex III.
bool IsAnnexIiiArea(DomainArea area);
// Whether a setting of the people section is one of Annex III's (every one but none, other).
bool IsAnnexIiiSetting(PersonSetting setting);

}  // namespace foresight::core
