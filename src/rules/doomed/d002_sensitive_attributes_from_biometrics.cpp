// D002: inferring sensitive attributes (race, religion, sexual orientation...) from biometrics.
#include <array>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d002 {
namespace {

// The categories Article 5(1)(g) names, as people write them.
constexpr auto kSensitiveWords = std::to_array<std::string_view>({"race",
                                                                  "racial",
                                                                  "ethnicity",
                                                                  "ethnic origin*",
                                                                  "ethnic group*",
                                                                  "ethnic background*",
                                                                  "ancestry",
                                                                  "political opinion*",
                                                                  "political view*",
                                                                  "political affiliation*",
                                                                  "political leaning*",
                                                                  "politically",
                                                                  "party preference*",
                                                                  "voting intention*",
                                                                  "how they vote",
                                                                  "who they vote for",
                                                                  "trade union*",
                                                                  "union membership",
                                                                  "union member*",
                                                                  "religion*",
                                                                  "religious",
                                                                  "non-religious",
                                                                  "faith",
                                                                  "philosophical outlook*",
                                                                  "philosophical belief*",
                                                                  "sexual orientation*",
                                                                  "sex life",
                                                                  "sexuality",
                                                                  "gay",
                                                                  "lesbian",
                                                                  "bisexual",
                                                                  "lgbt*",
                                                                  "homosexual*",
                                                                  "heterosexual*",
                                                                  "worldview*",
                                                                  "political part*",
                                                                  "votes for",
                                                                  "vote for",
                                                                  "voting preference*",
                                                                  "sexual activit*",
                                                                  "sexual partner*",
                                                                  "number of partners",
                                                                  "sexual behaviour",
                                                                  "sexual behavior",
                                                                  "sexual history",
                                                                  "sexual preference*",
                                                                  "muslim*",
                                                                  "jewish",
                                                                  "jew",
                                                                  "jews",
                                                                  "christian*",
                                                                  "hindu*",
                                                                  "sikh*",
                                                                  "buddhist*",
                                                                  "atheist*",
                                                                  "catholic*",
                                                                  "protestant*",
                                                                  "towards the union",
                                                                  "union lean*",
                                                                  "union sympath*",
                                                                  "pro union",
                                                                  "party each",
                                                                  "party they support",
                                                                  "party support*",
                                                                  "party sympath*",
                                                                  "governing party",
                                                                  "ruling party",
                                                                  "opposition party",
                                                                  "opposition supporter*",
                                                                  "left leaning",
                                                                  "right leaning",
                                                                  "straight or gay",
                                                                  "gay or straight",
                                                                  "queer",
                                                                  "orientation label*",
                                                                  "likely orientation",
                                                                  "believer*",
                                                                  "churchgoer*",
                                                                  "devout",
                                                                  "ethnic*",
                                                                  "migrant background",
                                                                  "migration background",
                                                                  "nationality of origin",
                                                                  "union activis*",
                                                                  "union organis*",
                                                                  "union organiz*",
                                                                  "caste*",
                                                                  "community background",
                                                                  "ethnic community"});

// What shows the inference works from biometric data when no input is declared a face or
// biometric: pictures, recordings or measurements of people, named in the prose. The
// sensitive category must still be what the target predicts.
constexpr auto kBiometricWords =
    std::to_array<std::string_view>({"face",           "faces",
                                     "facial*",        "selfie*",
                                     "photo*",         "picture*",
                                     "portrait*",      "voice*",
                                     "voiceprint*",    "accent*",
                                     "gait*",          "the way they walk",
                                     "how they speak", "iris",
                                     "fingerprint*",   "face scan*",
                                     "cctv",           "footage",
                                     "camera*",        "video*",
                                     "recording*",     "body shape*",
                                     "body scan*",     "3d body",
                                     "physique",       "body measurement*",
                                     "pupil dilation", "heart rate",
                                     "heartbeat",      "physiological",
                                     "eye tracking",   "arousal"});

// Speech is a biometric signal only as a voice: "hate speech", "free speech", "a speech" in a
// parliament's record, a speech's transcript or its topic tags are texts.
constexpr auto kSpeech = std::to_array<std::string_view>({"speech", "speeches"});
constexpr auto kSpeechAsText = std::to_array<std::string_view>(
    {"hate", "free", "transcri*", "per", "tag*", "topic*", "text*", "written", "parliament*",
     "debate*", "a speech", "speeches by", "of speech"});

// Next to the category, words that say it is checked for rather than inferred ("error rates
// across ethnic groups"), or that it qualifies a thing, not a person ("religious buildings",
// "ethnic food").
constexpr auto kChecksFor = std::to_array<std::string_view>(
    {"across",         "bias*",    "fairness",  "audit*",  "between",
     "disparit*",      "parity",   "building*", "site*",   "architecture",
     "text*",          "art",      "music",     "food*",   "cuisine",
     "dish*",          "holiday*", "festival*", "symbol*", "all",
     "diverse",        "various",  "different", "mixed",   "inclusive",
     "representative", "style*"});

// "Accuracy per ethnic group" checks for bias; "race per applicant" infers it: "per" counts
// only before the category.
constexpr std::array<std::string_view, 7> kPerBefore = {"per",     "not", "never",      "no",
                                                        "without", "nor", "rather than"};
constexpr Guards kNotInferred = {kChecksFor, 3, 1, kPerBefore};

// A data source or input named as the labels the model learns: what it predicts, even when
// the target is worded vaguely ("a segment for each user").
constexpr auto kLabelWords = std::to_array<std::string_view>(
    {"label*", "ground truth", "annotat*", "training target*", "tagged with", "tags"});

// The sensitive category as a label the model is trained on, in the same input's or data
// source's name or description.
std::vector<TextMatch> SensitiveLabels(const RuleInput& in) {
  std::vector<TextField> fields;
  for (const TextField& f : ProseFields(in.charter)) {
    if (f.path.rfind("inputs[", 0) == 0 || f.path.rfind("data.sources[", 0) == 0) {
      fields.push_back(f);
    }
  }
  // Names are short: the two in the same one ("labels: self-declared religion").
  const std::vector<TextMatch> sensitive = FindPhrases(in, fields, kSensitiveWords, kNotInferred);
  const std::vector<TextMatch> labels = FindPhrases(in, fields, kLabelWords);
  for (const TextMatch& s : sensitive) {
    for (const TextMatch& l : labels) {
      if (s.path == l.path) return {s, l};
    }
  }
  return {};
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kBiometricCategorisation)) {
    out.push_back(std::move(*declared));
    return;
  }
  // Biometric evidence is what makes it prohibited: the same attribute asked in a survey is
  // a GDPR matter, not Article 5.
  const std::vector<size_t> biometric =
      InputsOfKind(c, {core::InputKind::kFace, core::InputKind::kBiometric});
  // An input declared `image` or `audio` does not hide it: the prose says what is pictured.
  std::vector<TextMatch> pictured;
  if (biometric.empty()) {
    pictured = FindPhrases(in, ProseFields(c), kBiometricWords);
    for (TextMatch& m : FindPhrases(in, ProseFields(c), kSpeech, Guards{kSpeechAsText, 3, 2})) {
      pictured.push_back(std::move(m));
    }
  }
  if (biometric.empty() && pictured.empty()) return;

  Finding f;
  const bool declared =
      c.task.target_kind.has() && *c.task.target_kind == core::TargetKind::kSensitiveAttribute;
  if (declared) {
    f.span = c.task.target_kind.span;
    f.fields.push_back("task.target_kind");
  }
  // Only what the project predicts counts: a data source is not an inference. "Error rates
  // compared across ethnic groups" checks for bias rather than inferring ethnicity, but only
  // the words right before the attribute say so: "fairness" elsewhere in the field does not.
  std::vector<TextMatch> matches =
      FindPhrases(in,
                  doomed::ProseFieldsNamed(
                      c, {"task.target", "task.description", "domain.description", "summary"}),
                  kSensitiveWords, kNotInferred);
  if (matches.empty()) matches = SensitiveLabels(in);
  if (!declared && matches.empty()) return;
  if (!declared) f.span = matches.front().span;
  for (const TextMatch& m : matches) AddMatch(f, m);

  std::string from;
  if (biometric.empty()) {
    from = "'" + pictured.front().word + "'";
    for (const TextMatch& m : pictured) AddMatch(f, m);
    f.related.push_back({pictured.front().span, "the biometric data is named here"});
  }
  for (size_t i : biometric) {
    f.fields.push_back("inputs[" + std::to_string(i) + "].kind");
    from += (from.empty() ? "" : ", ") + std::string(core::NameOf(*c.inputs[i].kind));
    f.related.push_back({c.inputs[i].kind.span, "the biometric input is declared here"});
  }
  const std::string what =
      matches.empty() ? "a sensitive attribute" : "'" + matches.front().word + "'";
  f.message = "the project infers " + what + " from people's biometric data (" + from +
              "): a prohibited practice under the EU AI Act, Article 5(1)(g)";
  doomed::NoteContradiction(c, doomed::Practice::kBiometricCategorisation, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d002

RuleDef MakeD002() {
  return RuleDef{
      .meta =
          {
              .id = "D002",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Inferring race, religion, politics or sexual orientation from biometrics",
              .rationale =
                  "Sorting people by their face or body into race, political opinions, trade "
                  "union membership, religious beliefs or sexual orientation is banned in the EU "
                  "since February 2025. Beyond the law, these predictions rest on stereotypes "
                  "and cause harm when they are right and when they are wrong. No accuracy "
                  "figure makes such a product shippable.",
              .fix = "remove the sensitive attribute from the target, or the biometric input "
                     "from the model; the narrow exception for labelling lawfully acquired "
                     "datasets needs legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(g)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"GDPR (Regulation (EU) 2016/679), Article 9: special categories of "
                       "personal data",
                       "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
                  },
          },
      .check = d002::Check,
  };
}

}  // namespace foresight::rules
