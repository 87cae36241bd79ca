#include "core/enums.hpp"

#include <array>

namespace foresight::core {

template <>
std::span<const EnumEntry<Archetype>> EnumEntries<Archetype>() {
  static constexpr std::array<EnumEntry<Archetype>, 3> kEntries = {{
      {Archetype::kSoftware20, "software-2.0"},
      {Archetype::kHumanInTheLoop, "human-in-the-loop"},
      {Archetype::kAutonomous, "autonomous"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<DomainArea>> EnumEntries<DomainArea>() {
  static constexpr std::array<EnumEntry<DomainArea>, 18> kEntries = {{
      {DomainArea::kGeneral, "general"},
      {DomainArea::kBiometrics, "biometrics"},
      {DomainArea::kCriticalInfrastructure, "critical-infrastructure"},
      {DomainArea::kEducation, "education"},
      {DomainArea::kEmployment, "employment"},
      {DomainArea::kEssentialServices, "essential-services"},
      {DomainArea::kCredit, "credit"},
      {DomainArea::kInsurance, "insurance"},
      {DomainArea::kLawEnforcement, "law-enforcement"},
      {DomainArea::kMigration, "migration"},
      {DomainArea::kJustice, "justice"},
      {DomainArea::kHealthcare, "healthcare"},
      {DomainArea::kMarketing, "marketing"},
      {DomainArea::kRetail, "retail"},
      {DomainArea::kManufacturing, "manufacturing"},
      {DomainArea::kScience, "science"},
      {DomainArea::kMedia, "media"},
      {DomainArea::kOther, "other"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<DecisionMode>> EnumEntries<DecisionMode>() {
  static constexpr std::array<EnumEntry<DecisionMode>, 2> kEntries = {{
      {DecisionMode::kAssist, "assist"},
      {DecisionMode::kAutomate, "automate"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Stakes>> EnumEntries<Stakes>() {
  static constexpr std::array<EnumEntry<Stakes>, 3> kEntries = {{
      {Stakes::kLow, "low"},
      {Stakes::kMedium, "medium"},
      {Stakes::kHigh, "high"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<TaskType>> EnumEntries<TaskType>() {
  static constexpr std::array<EnumEntry<TaskType>, 8> kEntries = {{
      {TaskType::kBinary, "binary"},
      {TaskType::kMulticlass, "multiclass"},
      {TaskType::kMultilabel, "multilabel"},
      {TaskType::kRegression, "regression"},
      {TaskType::kRanking, "ranking"},
      {TaskType::kDetection, "detection"},
      {TaskType::kSegmentation, "segmentation"},
      {TaskType::kGeneration, "generation"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Granularity>> EnumEntries<Granularity>() {
  static constexpr std::array<EnumEntry<Granularity>, 3> kEntries = {{
      {Granularity::kCoarse, "coarse"},
      {Granularity::kFineGrained, "fine-grained"},
      {Granularity::kInstance, "instance"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<TargetKind>> EnumEntries<TargetKind>() {
  static constexpr std::array<EnumEntry<TargetKind>, 8> kEntries = {{
      {TargetKind::kOutcome, "outcome"},
      {TargetKind::kCriminalOffence, "criminal-offence"},
      {TargetKind::kSensitiveAttribute, "sensitive-attribute"},
      {TargetKind::kEmotion, "emotion"},
      {TargetKind::kSocialScore, "social-score"},
      {TargetKind::kPersonality, "personality"},
      {TargetKind::kManipulation, "manipulation"},
      {TargetKind::kIdentity, "identity"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<InputKind>> EnumEntries<InputKind>() {
  static constexpr std::array<EnumEntry<InputKind>, 12> kEntries = {{
      {InputKind::kTabular, "tabular"},
      {InputKind::kText, "text"},
      {InputKind::kImage, "image"},
      {InputKind::kVideo, "video"},
      {InputKind::kAudio, "audio"},
      {InputKind::kFace, "face"},
      {InputKind::kBiometric, "biometric"},
      {InputKind::kPersonalData, "personal-data"},
      {InputKind::kLocation, "location"},
      {InputKind::kBehaviour, "behaviour"},
      {InputKind::kTimeSeries, "time-series"},
      {InputKind::kOther, "other"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Access>> EnumEntries<Access>() {
  static constexpr std::array<EnumEntry<Access>, 5> kEntries = {{
      {Access::kGranted, "granted"},
      {Access::kRequested, "requested"},
      {Access::kNegotiating, "negotiating"},
      {Access::kUnknown, "unknown"},
      {Access::kDenied, "denied"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<LegalBasis>> EnumEntries<LegalBasis>() {
  static constexpr std::array<EnumEntry<LegalBasis>, 8> kEntries = {{
      {LegalBasis::kConsent, "consent"},
      {LegalBasis::kContract, "contract"},
      {LegalBasis::kLegalObligation, "legal-obligation"},
      {LegalBasis::kVitalInterests, "vital-interests"},
      {LegalBasis::kPublicTask, "public-task"},
      {LegalBasis::kLegitimateInterests, "legitimate-interests"},
      {LegalBasis::kNone, "none"},
      {LegalBasis::kUnknown, "unknown"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Collection>> EnumEntries<Collection>() {
  static constexpr std::array<EnumEntry<Collection>, 7> kEntries = {{
      {Collection::kInternal, "internal"},
      {Collection::kPartner, "partner"},
      {Collection::kPurchased, "purchased"},
      {Collection::kPublicDataset, "public-dataset"},
      {Collection::kUserProvided, "user-provided"},
      {Collection::kScraped, "scraped"},
      {Collection::kSynthetic, "synthetic"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<LabelSource>> EnumEntries<LabelSource>() {
  static constexpr std::array<EnumEntry<LabelSource>, 5> kEntries = {{
      {LabelSource::kManual, "manual"},
      {LabelSource::kCrowd, "crowd"},
      {LabelSource::kExisting, "existing"},
      {LabelSource::kDerived, "derived"},
      {LabelSource::kWeak, "weak"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Direction>> EnumEntries<Direction>() {
  static constexpr std::array<EnumEntry<Direction>, 2> kEntries = {{
      {Direction::kHigherIsBetter, "higher"},
      {Direction::kLowerIsBetter, "lower"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Interpretability>> EnumEntries<Interpretability>() {
  static constexpr std::array<EnumEntry<Interpretability>, 3> kEntries = {{
      {Interpretability::kRequired, "required"},
      {Interpretability::kPreferred, "preferred"},
      {Interpretability::kNone, "none"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Deployment>> EnumEntries<Deployment>() {
  static constexpr std::array<EnumEntry<Deployment>, 3> kEntries = {{
      {Deployment::kBatch, "batch"},
      {Deployment::kOnline, "online"},
      {Deployment::kEdge, "edge"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<BaselineKind>> EnumEntries<BaselineKind>() {
  static constexpr std::array<EnumEntry<BaselineKind>, 4> kEntries = {{
      {BaselineKind::kHeuristic, "heuristic"},
      {BaselineKind::kPublished, "published"},
      {BaselineKind::kHuman, "human"},
      {BaselineKind::kSimpleMl, "simple-ml"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Role>> EnumEntries<Role>() {
  static constexpr std::array<EnumEntry<Role>, 10> kEntries = {{
      {Role::kDataScientist, "data-scientist"},
      {Role::kMlEngineer, "ml-engineer"},
      {Role::kDataEngineer, "data-engineer"},
      {Role::kDevops, "devops"},
      {Role::kAnnotator, "annotator"},
      {Role::kDomainExpert, "domain-expert"},
      {Role::kProductOwner, "product-owner"},
      {Role::kSoftwareEngineer, "software-engineer"},
      {Role::kLegal, "legal"},
      {Role::kProjectManager, "project-manager"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<MethodStatus>> EnumEntries<MethodStatus>() {
  static constexpr std::array<EnumEntry<MethodStatus>, 4> kEntries = {{
      {MethodStatus::kPlanned, "planned"},
      {MethodStatus::kRunning, "running"},
      {MethodStatus::kDone, "done"},
      {MethodStatus::kDropped, "dropped"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<GateUndecided>> EnumEntries<GateUndecided>() {
  static constexpr std::array<EnumEntry<GateUndecided>, 2> kEntries = {{
      {GateUndecided::kFail, "fail"},
      {GateUndecided::kPass, "pass"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<PersonInference>> EnumEntries<PersonInference>() {
  static constexpr std::array<EnumEntry<PersonInference>, 10> kEntries = {{
      {PersonInference::kNone, "none"},
      {PersonInference::kCriminalOffenceRisk, "criminal-offence-risk"},
      {PersonInference::kEmotions, "emotions"},
      {PersonInference::kRaceOrEthnicOrigin, "race-or-ethnic-origin"},
      {PersonInference::kPoliticalOpinions, "political-opinions"},
      {PersonInference::kTradeUnionMembership, "trade-union-membership"},
      {PersonInference::kReligiousOrPhilosophicalBeliefs, "religious-or-philosophical-beliefs"},
      {PersonInference::kSexLifeOrSexualOrientation, "sex-life-or-sexual-orientation"},
      {PersonInference::kSocialScore, "social-score"},
      {PersonInference::kOther, "other"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<PersonSource>> EnumEntries<PersonSource>() {
  static constexpr std::array<EnumEntry<PersonSource>, 9> kEntries = {{
      {PersonSource::kFace, "face"},
      {PersonSource::kVoice, "voice"},
      {PersonSource::kGait, "gait"},
      {PersonSource::kOtherBiometric, "other-biometric"},
      {PersonSource::kOnlineBehaviour, "online-behaviour"},
      {PersonSource::kSocialBehaviour, "social-behaviour"},
      {PersonSource::kPersonalityTraits, "personality-traits"},
      {PersonSource::kConductFacts, "conduct-facts"},
      {PersonSource::kOther, "other"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<PersonSetting>> EnumEntries<PersonSetting>() {
  static constexpr std::array<EnumEntry<PersonSetting>, 13> kEntries = {{
      {PersonSetting::kNone, "none"},
      {PersonSetting::kWorkplace, "workplace"},
      {PersonSetting::kHiring, "hiring"},
      {PersonSetting::kEducation, "education"},
      {PersonSetting::kPublicServices, "public-services"},
      {PersonSetting::kLawEnforcement, "law-enforcement"},
      {PersonSetting::kMigration, "migration"},
      {PersonSetting::kJustice, "justice"},
      {PersonSetting::kCredit, "credit"},
      {PersonSetting::kInsurance, "insurance"},
      {PersonSetting::kCriticalInfrastructure, "critical-infrastructure"},
      {PersonSetting::kBiometricIdentification, "biometric-identification"},
      {PersonSetting::kOther, "other"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<Vulnerability>> EnumEntries<Vulnerability>() {
  static constexpr std::array<EnumEntry<Vulnerability>, 5> kEntries = {{
      {Vulnerability::kNone, "none"},
      {Vulnerability::kAge, "age"},
      {Vulnerability::kDisability, "disability"},
      {Vulnerability::kSocialOrEconomicSituation, "social-or-economic-situation"},
      {Vulnerability::kAddiction, "addiction"},
  }};
  return kEntries;
}

template <>
std::span<const EnumEntry<RemoteIdentification>> EnumEntries<RemoteIdentification>() {
  static constexpr std::array<EnumEntry<RemoteIdentification>, 3> kEntries = {{
      {RemoteIdentification::kNone, "none"},
      {RemoteIdentification::kAfterTheFact, "after-the-fact"},
      {RemoteIdentification::kRealTime, "real-time"},
  }};
  return kEntries;
}

bool IsAnnexIiiSetting(PersonSetting setting) {
  return setting != PersonSetting::kNone && setting != PersonSetting::kOther;
}

bool IsAnnexIiiArea(DomainArea area) {
  switch (area) {
    case DomainArea::kBiometrics:
    case DomainArea::kCriticalInfrastructure:
    case DomainArea::kEducation:
    case DomainArea::kEmployment:
    case DomainArea::kEssentialServices:
    case DomainArea::kCredit:
    case DomainArea::kInsurance:
    case DomainArea::kLawEnforcement:
    case DomainArea::kMigration:
    case DomainArea::kJustice:
      return true;
    case DomainArea::kGeneral:
    case DomainArea::kHealthcare:
    case DomainArea::kMarketing:
    case DomainArea::kRetail:
    case DomainArea::kManufacturing:
    case DomainArea::kScience:
    case DomainArea::kMedia:
    case DomainArea::kOther:
      return false;
  }
  return false;
}

}  // namespace foresight::core
