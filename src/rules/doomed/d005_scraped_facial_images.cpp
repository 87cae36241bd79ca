// D005: building a face dataset by untargeted scraping.
#include <array>
#include <optional>

#include <fmt/format.h>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d005 {
namespace {

// "face*" would find "Facebook"; these are the words for pictures of faces.
constexpr std::array<std::string_view, 7> kFaceWords = {
    "face", "faces", "facial*", "selfie*", "headshot*", "portrait photo*", "mugshot*"};

// The text screen of a charter that declares no scraped source reads three things together:
// faces; collected without targeting anyone (crawled, scraped, in bulk, every face a camera
// sees, from the web or social media); kept to recognise people (a database, an index, an
// embedding per person). One or two alone are everyday: blurring every face in street
// imagery, recognising chimpanzees in camera-trap videos.
constexpr auto kFacePictures = std::to_array<std::string_view>(
    {"face", "faces", "facial*", "selfie*", "headshot*", "mugshot*", "portrait*",
     "profile picture*", "profile photo*", "face embedding*", "face template*", "faceprint*",
     "face print*"});
constexpr auto kUntargeted = std::to_array<std::string_view>({"crawl*",
                                                              "scrap*",
                                                              "harvest*",
                                                              "mining",
                                                              "mined",
                                                              "bulk",
                                                              "bulk-*",
                                                              "en masse",
                                                              "every face",
                                                              "all faces",
                                                              "every person",
                                                              "everyone",
                                                              "every passer-by",
                                                              "any website",
                                                              "any public website",
                                                              "across the web",
                                                              "from the internet",
                                                              "from the web",
                                                              "social media",
                                                              "social network*",
                                                              "public profile*",
                                                              "public video*",
                                                              "news sites",
                                                              "photo sites",
                                                              "webcam*",
                                                              "cctv",
                                                              "recorded footage",
                                                              "camera network*",
                                                              "downloaded",
                                                              "pools",
                                                              "download*",
                                                              "all public",
                                                              "public photos",
                                                              "from all",
                                                              "from every",
                                                              "all pedestrians",
                                                              "every pedestrian",
                                                              "pedestrians",
                                                              "all day",
                                                              "traffic camera*",
                                                              "dashcam*",
                                                              "station camera*",
                                                              "every camera",
                                                              "all cameras",
                                                              "all captured",
                                                              "every platform",
                                                              "image board*",
                                                              "forums",
                                                              "other sites",
                                                              "all driver*",
                                                              "all passenger*",
                                                              "all travellers",
                                                              "all riders",
                                                              "copy all",
                                                              "copies all",
                                                              "copying all",
                                                              "every profile",
                                                              "all profile*",
                                                              "every visible",
                                                              "all visible",
                                                              "dating site*",
                                                              "yearbook*",
                                                              "every visitor",
                                                              "everybody",
                                                              "collect faces",
                                                              "collects faces",
                                                              "collecting faces",
                                                              "no choice of who",
                                                              "video sharing",
                                                              "news photo*",
                                                              "openly accessible",
                                                              "internet sources",
                                                              "without restriction",
                                                              "automated collection",
                                                              "every frame",
                                                              "every commuter",
                                                              "every traveller",
                                                              "every passenger",
                                                              "every shopper",
                                                              "all commuters"});
// "not scraped", "collected with consent", "blur every face": the words next to a match that
// say the faces are not gathered to recognise anyone.
constexpr std::array<std::string_view, 12> kNotUntargeted = {
    "not",    "no",    "never",    "without", "consent*", "opted",
    "opt-in", "blur*", "anonymi*", "redact*", "mask*",    "pixelat*"};
constexpr Guards kTargetedOrHidden = {kNotUntargeted, 3, 0};
constexpr auto kRecognitionStore = std::to_array<std::string_view>({"database*",
                                                                    "gallery",
                                                                    "galleries",
                                                                    "index",
                                                                    "indexes",
                                                                    "indexed",
                                                                    "lookup*",
                                                                    "look-up",
                                                                    "embedding*",
                                                                    "template*",
                                                                    "identity",
                                                                    "identities",
                                                                    "recognition",
                                                                    "searchable",
                                                                    "cluster*",
                                                                    "face record*",
                                                                    "face vector*",
                                                                    "named face*",
                                                                    "reference set*",
                                                                    "face search*",
                                                                    "real name*",
                                                                    "identity record*",
                                                                    "watch database*",
                                                                    "search for",
                                                                    "belongs to",
                                                                    "known person*",
                                                                    "who is in",
                                                                    "name the person",
                                                                    "name of the person",
                                                                    "re identif*",
                                                                    "look up*",
                                                                    "face match*",
                                                                    "match engine",
                                                                    "matching engine",
                                                                    "who someone",
                                                                    "find out who",
                                                                    "reference store*",
                                                                    "id add on",
                                                                    "can be named",
                                                                    "name for a face",
                                                                    "name each face",
                                                                    "put a name",
                                                                    "reference image*",
                                                                    "recognition engine",
                                                                    "recognition reference"});

// The text-only screen; nullopt when one of the three is missing.
std::optional<Finding> ScreenText(const RuleInput& in) {
  const std::vector<TextField> fields = ProseFields(in.charter);
  const std::vector<TextMatch> faces = FindPhrases(in, fields, kFacePictures);
  const std::vector<TextMatch> untargeted = FindPhrases(in, fields, kUntargeted, kTargetedOrHidden);
  const std::vector<TextMatch> stored = FindPhrases(in, fields, kRecognitionStore);
  if (faces.empty() || untargeted.empty() || stored.empty()) return std::nullopt;
  Finding f;
  f.span = untargeted.front().span;
  AddMatches(f, {&untargeted, &faces, &stored});
  f.related.push_back({faces.front().span, "faces: '" + faces.front().word + "'"});
  f.related.push_back(
      {stored.front().span, "kept to recognise people: '" + stored.front().word + "'"});
  f.message = "the project collects faces without targeting anyone ('" + untargeted.front().word +
              "') to recognise people later: building or expanding a face recognition "
              "database by untargeted scraping of the internet or CCTV footage is a prohibited "
              "practice under the EU AI Act, Article 5(1)(e)";
  return f;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  const size_t found_before = out.size();
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kFaceScraping)) {
    out.push_back(std::move(*declared));
    return;
  }
  const std::vector<size_t> biometric =
      InputsOfKind(c, {core::InputKind::kFace, core::InputKind::kBiometric});
  const std::vector<TextField> task_fields =
      doomed::ProseFieldsNamed(c, {"task.target", "task.description"});
  const std::vector<TextMatch> task_faces = FindPhrases(in, task_fields, kFaceWords);

  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    const core::DataSource& s = c.data.sources[i];
    if (!s.collection.has() || *s.collection != core::Collection::kScraped) continue;
    const std::string path = fmt::format("data.sources[{}]", i);
    const std::vector<TextField> source_fields =
        doomed::ProseFieldsNamed(c, {path + ".name", path + ".description"});
    const std::vector<TextMatch> source_faces = FindPhrases(in, source_fields, kFaceWords);
    if (biometric.empty() && source_faces.empty() && task_faces.empty()) continue;

    Finding f;
    f.span = s.collection.span;
    f.fields.push_back(path + ".collection");
    for (const TextMatch& m : source_faces) AddMatch(f, m);
    for (size_t j : biometric) {
      f.fields.push_back("inputs[" + std::to_string(j) + "].kind");
      f.related.push_back({c.inputs[j].kind.span, "the face or biometric input is declared here"});
    }
    for (const TextMatch& m : task_faces) AddMatch(f, m);
    f.message = "data source " + doomed::SourceLabel(c, i) +
                " is scraped and the project works on faces: building or expanding a face "
                "recognition dataset by untargeted scraping is a prohibited practice under the "
                "EU AI Act, Article 5(1)(e)";
    doomed::NoteContradiction(c, doomed::Practice::kFaceScraping, f);
    out.push_back(std::move(f));
  }
  if (out.size() > found_before) return;  // a declared scraped source says it better
  if (auto f = ScreenText(in)) {
    doomed::NoteContradiction(c, doomed::Practice::kFaceScraping, *f);
    out.push_back(std::move(*f));
  }
}

}  // namespace
}  // namespace d005

RuleDef MakeD005() {
  return RuleDef{
      .meta =
          {
              .id = "D005",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Scraping facial images to build a face dataset",
              .rationale =
                  "Collecting pictures of faces in bulk from the internet or from CCTV footage "
                  "to build or grow a facial recognition database is banned in the EU since "
                  "February 2025. Regulators had already fined companies millions of euros for "
                  "it under the GDPR and ordered the data deleted, so the dataset, and every "
                  "model trained on it, is lost.",
              .fix = "collect face images only from people who gave explicit consent for this "
                     "purpose, or use a licensed dataset collected that way, and take legal "
                     "advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(e)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                      {"CNIL, deliberation SAN-2022-019 of 17 October 2022 on Clearview AI "
                       "(a EUR 20 million fine for scraping facial images)",
                       ""},
                  },
          },
      .check = d005::Check,
  };
}

}  // namespace foresight::rules
