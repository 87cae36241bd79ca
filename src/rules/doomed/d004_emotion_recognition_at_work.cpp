// D004: recognising the emotions of employees or students.
#include <array>
#include <optional>
#include <span>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/lexicon.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d004 {
namespace {

constexpr std::array<std::string_view, 8> kEmotionWords = {"emotion*",
                                                           "mood",
                                                           "moods",
                                                           "facial expression*",
                                                           "attentiveness",
                                                           "student engagement",
                                                           "engagement of students",
                                                           "affective state*"};

// Who Article 5(1)(f) protects: people at work (candidates included) and in education.
constexpr std::array<std::string_view, 16> kSettingWords = {"employee*",
                                                            "worker*",
                                                            "staff",
                                                            "workplace*",
                                                            "call centre agent*",
                                                            "call center agent*",
                                                            "job applicant*",
                                                            "job candidate*",
                                                            "interviewee*",
                                                            "teacher*",
                                                            "student*",
                                                            "pupil*",
                                                            "classroom*",
                                                            "school*",
                                                            "learner*",
                                                            "trainee*"};

// Emotions named in everyday words, read only next to a person at work or in education
// (below): "frustration of each call centre agent", "pupils who look bored". Tiredness,
// drowsiness, fatigue and pain are physical states, not emotions (Recital 18), so they are
// not here.
constexpr auto kFeelings = std::to_array<std::string_view>({"emotion*",
                                                            "emotional*",
                                                            "mood",
                                                            "moods",
                                                            "affective*",
                                                            "feel",
                                                            "feels",
                                                            "feeling*",
                                                            "felt",
                                                            "frustrat*",
                                                            "anger",
                                                            "angry",
                                                            "anxi*",
                                                            "nervous*",
                                                            "bored",
                                                            "boredom",
                                                            "enthusias*",
                                                            "happiness",
                                                            "happy",
                                                            "sad",
                                                            "sadness",
                                                            "distress*",
                                                            "stress",
                                                            "stressed",
                                                            "irritat*",
                                                            "cheerful*",
                                                            "discourag*",
                                                            "confusion",
                                                            "confused",
                                                            "fed up",
                                                            "disengage*",
                                                            "engagement signal*",
                                                            "engagement level*",
                                                            "attentiveness",
                                                            "attention state*",
                                                            "switched on",
                                                            "morale",
                                                            "short tempered",
                                                            "smile*",
                                                            "facial expression*",
                                                            "joy",
                                                            "fear*",
                                                            "upset",
                                                            "excite*",
                                                            "interest level*",
                                                            "motivation level*",
                                                            "satisfaction level*",
                                                            "calm",
                                                            "irritable",
                                                            "grumpy",
                                                            "resentment",
                                                            "sincerity",
                                                            "genuine*",
                                                            "checked out",
                                                            "engagement index",
                                                            "engagement score*",
                                                            "look sad",
                                                            "wellbeing",
                                                            "well being",
                                                            "sentiment*",
                                                            "frustrated",
                                                            "annoyed",
                                                            "annoyance",
                                                            "unhappy",
                                                            "unhappiness",
                                                            "emotional state*",
                                                            "state of mind",
                                                            "frame of mind",
                                                            "contentment",
                                                            "discontent*",
                                                            "disgust*",
                                                            "calmness",
                                                            "grief",
                                                            "shame",
                                                            "embarrass*",
                                                            "pride",
                                                            "loneliness",
                                                            "lonely",
                                                            "affect per",
                                                            "affect score*",
                                                            "affect label*",
                                                            "affect is",
                                                            "affect of",
                                                            "affect from",
                                                            "rep affect",
                                                            "agent affect"});

// Next to the feeling, whose it is or which sense: a customer's, a song's, a sentence's;
// a material's stress, a confusion matrix.
constexpr auto kOtherSubject = std::to_array<std::string_view>(
    {"customer*",  "caller*",        "client*",    "guest*",     "patient*",     "user*",
     "viewer*",    "listener*",      "passenger*", "shopper*",   "visitor*",     "song*",
     "track*",     "music",          "film*",      "movie*",     "scene*",       "lyric*",
     "review*",    "text*",          "email*",     "post*",      "sentence*",    "message*",
     "character*", "crack*",         "fracture*",  "tensile",    "material*",    "matrix",
     "test*",      "load*",          "audience*",  "fan*",       "player*",      "story*",
     "survey*",    "questionnaire*", "programme*", "program*",   "self report*", "self rated",
     "heat",       "thermal",        "physical*",  "mechanical", "structural"});

// A person at work (candidates included) or in education, or the situation itself.
constexpr auto kAtWorkOrSchool = std::to_array<std::string_view>({"employee*",
                                                                  "worker*",
                                                                  "staff",
                                                                  "staffer*",
                                                                  "agent*",
                                                                  "candidate*",
                                                                  "applicant*",
                                                                  "interviewee*",
                                                                  "cashier*",
                                                                  "teller*",
                                                                  "nurse*",
                                                                  "picker*",
                                                                  "packer*",
                                                                  "rep",
                                                                  "reps",
                                                                  "operator*",
                                                                  "clerk*",
                                                                  "courier*",
                                                                  "teacher*",
                                                                  "lecturer*",
                                                                  "tutor*",
                                                                  "professor*",
                                                                  "student*",
                                                                  "pupil*",
                                                                  "learner*",
                                                                  "trainee*",
                                                                  "intern*",
                                                                  "apprentice*",
                                                                  "colleague*",
                                                                  "team member*",
                                                                  "personnel",
                                                                  "workforce",
                                                                  "crew",
                                                                  "in class",
                                                                  "classroom*",
                                                                  "lesson*",
                                                                  "lecture*",
                                                                  "exam*",
                                                                  "at work",
                                                                  "on shift",
                                                                  "during shift*",
                                                                  "at their desk*",
                                                                  "job interview*",
                                                                  "video interview*",
                                                                  "schoolchildren",
                                                                  "kindergarten*",
                                                                  "nurser*",
                                                                  "driver*",
                                                                  "manager*",
                                                                  "educator*",
                                                                  "preschool*",
                                                                  "pre school*",
                                                                  "daycare",
                                                                  "day care",
                                                                  "playroom*",
                                                                  "developer*",
                                                                  "engineer*",
                                                                  "coder*",
                                                                  "programmer*",
                                                                  "associate*",
                                                                  "barista*",
                                                                  "cleaner*",
                                                                  "security guard*",
                                                                  "warehouse*",
                                                                  "workday*",
                                                                  "working day*",
                                                                  "working hours",
                                                                  "during work",
                                                                  "at the office",
                                                                  "in the office",
                                                                  "office staff",
                                                                  "on the job",
                                                                  "on duty",
                                                                  "line manager*",
                                                                  "supervisor*",
                                                                  "team lead*",
                                                                  "hr",
                                                                  "human resources",
                                                                  "performance review*",
                                                                  "appraisal*",
                                                                  "shop floor",
                                                                  "factory floor",
                                                                  "production line*",
                                                                  "assembly line*",
                                                                  "headcount",
                                                                  "employer*",
                                                                  "hire",
                                                                  "hiring",
                                                                  "recruit*",
                                                                  "hired",
                                                                  "school",
                                                                  "schools",
                                                                  "university",
                                                                  "universities",
                                                                  "college*",
                                                                  "campus*",
                                                                  "tutoring",
                                                                  "homework",
                                                                  "seminar*",
                                                                  "course participant*"});

constexpr auto kBodySignals = std::to_array<std::string_view>(
    {"keystroke*", "typing rhythm", "mouse movement*", "mouse dynamics", "heart rate", "heart-rate",
     "heartbeat*", "pulse", "skin conductance", "wearable*", "wristband*", "eye tracking",
     "facial*", "voice*", "webcam*", "camera*", "microphone*"});

bool IsWorkOrEducation(const core::Field<core::DomainArea>& area) {
  return area.has() &&
         (*area == core::DomainArea::kEmployment || *area == core::DomainArea::kEducation);
}

// A feeling named in everyday words, next to a person at work or in education.
std::optional<Finding> FeelingsAtWork(const RuleInput& in, std::span<const TextField> fields,
                                      const std::vector<size_t>& sensing) {
  const std::vector<NearMatch> near =
      FindNear(in, fields, kFeelings, Guards{kOtherSubject, 3, 3}, kAtWorkOrSchool, 8, false,
               &WorkersAndLearners(), &Feelings());
  if (near.empty()) return std::nullopt;
  Finding f;
  f.span = near.front().a.span;
  for (const NearMatch& m : near) {
    AddMatch(f, m.a);
    AddMatch(f, m.b);
  }
  f.related.push_back({near.front().b.span, "the people observed are named here"});
  for (size_t i : sensing) f.fields.push_back("inputs[" + std::to_string(i) + "].kind");
  f.message = "the project reads how people at work or in education feel ('" + near.front().a.word +
              "' of '" + near.front().b.word +
              "'): emotion recognition, a prohibited practice under the EU AI Act, Article "
              "5(1)(f), unless it is for medical or safety reasons";
  doomed::NoteContradiction(in.charter, doomed::Practice::kEmotionAtWorkOrSchool, f);
  return f;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kEmotionAtWorkOrSchool)) {
    out.push_back(std::move(*declared));
    return;
  }
  // The Act excepts emotion recognition for medical or safety reasons (a drowsy driver): the
  // exception is answered (people.exceptions.medical_or_safety), never read from a word.
  if (c.people.exceptions.medical_or_safety.has() && *c.people.exceptions.medical_or_safety) {
    return;
  }
  // Emotion recognition in the Act's sense works from biometric data (Art. 3(39)): when the
  // inputs are declared and none is a face, body, voice or picture (or of an unknown kind),
  // the rule stays silent: the mood of an email is not emotion recognition under Article 5.
  bool any_kind = false;
  for (const core::Input& input : c.inputs) any_kind = any_kind || input.kind.has();
  const std::vector<size_t> sensing =
      InputsOfKind(c, {core::InputKind::kFace, core::InputKind::kBiometric, core::InputKind::kVideo,
                       core::InputKind::kAudio, core::InputKind::kImage, core::InputKind::kOther});
  // Signals of the body named in the prose count too, whatever the inputs' kinds: keystroke
  // rhythm, heart rate, a wearable.
  if (any_kind && sensing.empty() && FindPhrases(in, ProseFields(c), kBodySignals).empty()) {
    return;
  }

  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kEmotion;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  const std::vector<TextField> target_fields =
      doomed::ProseFieldsNamed(c, {"summary", "task.target", "task.description"});
  const std::vector<TextMatch> emotions = FindPhrases(in, target_fields, kEmotionWords);
  // A feeling next to a person at work may also be told where the setting is described.
  const std::vector<TextField> near_fields = doomed::ProseFieldsNamed(
      c, {"summary", "task.target", "task.description", "domain.description", "decision.affected"});
  if (!declared && emotions.empty()) {
    if (auto near = FeelingsAtWork(in, near_fields, sensing)) out.push_back(std::move(*near));
    return;
  }
  if (!declared) f.span = emotions.front().span;
  for (const TextMatch& m : emotions) AddMatch(f, m);

  // The setting: the declared area first, else who the descriptions say is observed. The
  // summary is left out: "helps our staff read customers' reactions" is about customers.
  std::string setting;
  if (IsWorkOrEducation(c.domain.area)) {
    f.fields.push_back("domain.area");
    f.related.push_back({c.domain.area.span, "the area is declared here"});
    setting = std::string(core::NameOf(*c.domain.area));
  }
  const std::vector<TextField> who_fields =
      doomed::ProseFieldsNamed(c, {"decision.affected", "task.target", "task.description"});
  const std::vector<TextMatch> who = FindPhrases(in, who_fields, kSettingWords);
  if (setting.empty() && who.empty()) {
    if (declared) return;
    if (auto near = FeelingsAtWork(in, near_fields, sensing)) out.push_back(std::move(*near));
    return;
  }
  for (const TextMatch& m : who) {
    AddMatch(f, m);
    if (setting.empty()) setting = m.word;
    f.related.push_back({m.span, "the people observed are named here"});
  }
  for (size_t i : sensing) f.fields.push_back("inputs[" + std::to_string(i) + "].kind");

  f.message = "the project recognises emotions of people at work or in education (" + setting +
              "): a prohibited practice under the EU AI Act, Article 5(1)(f), unless it is for "
              "medical or safety reasons";
  doomed::NoteContradiction(c, doomed::Practice::kEmotionAtWorkOrSchool, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d004

RuleDef MakeD004() {
  return RuleDef{
      .meta =
          {
              .id = "D004",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Emotion recognition of employees or students",
              .rationale =
                  "Reading the emotions of employees, job candidates or students from their "
                  "faces, voices or bodies is banned in the EU since February 2025, except for "
                  "medical or safety reasons. The science does not support it either: facial "
                  "movements do not reliably reveal what a person feels. Such a tool exposes the "
                  "organisation to fines and to the distrust of the people it watches.",
              .fix = "drop emotion recognition from the product, or limit it to a documented "
                     "medical or safety purpose (such as detecting a driver's drowsiness) and "
                     "take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(f) and Article "
                       "3(39)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"Barrett et al. 2019, 'Emotional Expressions Reconsidered: Challenges to "
                       "Inferring Emotion From Human Facial Movements', Psychological Science in "
                       "the Public Interest",
                       "https://doi.org/10.1177/1529100619832930"},
                  },
          },
      .check = d004::Check,
  };
}

}  // namespace foresight::rules
