// D005: building a face dataset by untargeted scraping.
#include <array>

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

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
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
