// D017: real-time remote biometric identification in public spaces for law enforcement.
#include <array>
#include <string>

#include "rules/builtin_rules.hpp"
#include "rules/doomed/doomed_helpers.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/rule_helpers.hpp"
#include "rules/text_match.hpp"

namespace foresight::rules {
namespace d017 {
namespace {

// The text screen reads five things together, each in its own words, anywhere in the prose:
// people are identified (matched against a list of known people, or named); now, not in
// recordings after the fact; in places open to the public; through cameras or biometric
// sensing; for the police. One of them alone is everyday language.
constexpr auto kIdentify = std::to_array<std::string_view>({"identif*",
                                                            "identity",
                                                            "identities",
                                                            "recognis*",
                                                            "recogniz*",
                                                            "watchlist*",
                                                            "watch list*",
                                                            "wanted list*",
                                                            "wanted person*",
                                                            "wanted-person*",
                                                            "person of interest",
                                                            "persons of interest",
                                                            "person-of-interest",
                                                            "suspect list*",
                                                            "warrant match*",
                                                            "outstanding warrant*",
                                                            "banning list*",
                                                            "custody image*",
                                                            "matched against",
                                                            "match against",
                                                            "name match*",
                                                            "who each",
                                                            "is known",
                                                            "suspects list*",
                                                            "compared with",
                                                            "compared against",
                                                            "hit list*",
                                                            "is a suspect",
                                                            "is a police suspect",
                                                            "is a wanted",
                                                            "intercept suspect*",
                                                            "match of",
                                                            "matches of",
                                                            "iris record*",
                                                            "face record*",
                                                            "belongs to",
                                                            "voiceprint file*",
                                                            "match anyone",
                                                            "matches anyone",
                                                            "open warrant*",
                                                            "person id*",
                                                            "offender id*",
                                                            "known offender*",
                                                            "wanted people",
                                                            "wanted individual*",
                                                            "names of",
                                                            "face matching",
                                                            "face-matching",
                                                            "banned list*",
                                                            "banned person*",
                                                            "banned supporter*",
                                                            "banning order*",
                                                            "area ban*",
                                                            "matched by",
                                                            "matched live",
                                                            "matched in real time",
                                                            "match any",
                                                            "matches any",
                                                            "wanted database*",
                                                            "database of wanted",
                                                            "name of every",
                                                            "name of each",
                                                            "names every",
                                                            "names each",
                                                            "who is who",
                                                            "looking for",
                                                            "being sought",
                                                            "sought by",
                                                            "hotlist*",
                                                            "hot list*",
                                                            "blacklist*",
                                                            "on a hit",
                                                            "person of interest list",
                                                            "face recognition",
                                                            "facial recognition",
                                                            "gait recognition",
                                                            "recognition of faces",
                                                            "recognition of people",
                                                            "matched with",
                                                            "matched on the spot",
                                                            "police record*",
                                                            "find name*",
                                                            "finds name*",
                                                            "name from",
                                                            "known suspect*",
                                                            "suspect match*",
                                                            "voice match*",
                                                            "match voices",
                                                            "looked up",
                                                            "looks up",
                                                            "outstanding fine*",
                                                            "unpaid fine*"});
// "does not identify anyone", "without recognising": a denial next to the words. "Verify the
// traveller's identity" against their own passport is one-to-one verification with the
// person's involvement, which the Act leaves out of remote identification (Article 3(42)).
constexpr std::array<std::string_view, 14> kDenials = {
    "not",      "never",     "no",           "without",  "nor",          "cannot", "verify",
    "verifies", "verifying", "verification", "confirm*", "authenticat*", "own",    "their own"};
constexpr Guards kDenied = {kDenials, 3, 0};

constexpr auto kNow = std::to_array<std::string_view>({"real time",
                                                       "real-time",
                                                       "live",
                                                       "instant*",
                                                       "immediately",
                                                       "within seconds",
                                                       "within two seconds",
                                                       "as they pass",
                                                       "as they cross",
                                                       "as people walk",
                                                       "walk by",
                                                       "currently in view",
                                                       "alert*",
                                                       "someone they pass",
                                                       "camera feed*",
                                                       "live feed*",
                                                       "video feed*",
                                                       "feeds",
                                                       "stream*",
                                                       "as it happens",
                                                       "as they happen",
                                                       "while they",
                                                       "before they leave",
                                                       "as they enter",
                                                       "on arrival",
                                                       "enters",
                                                       "hit when",
                                                       "frame by frame",
                                                       "passing",
                                                       "as they walk",
                                                       "the moment they",
                                                       "the moment someone",
                                                       "as soon as",
                                                       "as they appear",
                                                       "when they appear",
                                                       "straight away",
                                                       "on sight",
                                                       "seconds after",
                                                       "within a second",
                                                       "under way",
                                                       "underway",
                                                       "as it unfolds",
                                                       "on the spot",
                                                       "in view",
                                                       "on a hit",
                                                       "get a ping",
                                                       "walks past",
                                                       "walk past",
                                                       "they see",
                                                       "walks down",
                                                       "still going",
                                                       "as they are seen",
                                                       "while the march",
                                                       "during the march",
                                                       "during the demonstration",
                                                       "during the protest",
                                                       "before they reach",
                                                       "arriving",
                                                       "on entry",
                                                       "at the entrance",
                                                       "seconds",
                                                       "as they move",
                                                       "current position*",
                                                       "where they are",
                                                       "one second",
                                                       "in a second",
                                                       "as people talk",
                                                       "as they talk"});

constexpr auto kPublic = std::to_array<std::string_view>({"public space*",
                                                          "public place*",
                                                          "public area*",
                                                          "publicly accessible",
                                                          "station*",
                                                          "street*",
                                                          "square*",
                                                          "crowd*",
                                                          "stadium*",
                                                          "turnstile*",
                                                          "mall*",
                                                          "shopping centre*",
                                                          "shopping center*",
                                                          "festival*",
                                                          "concourse*",
                                                          "passers-by",
                                                          "passer-by",
                                                          "pedestrian*",
                                                          "passenger*",
                                                          "demonstrat*",
                                                          "protest*",
                                                          "high street",
                                                          "city centre",
                                                          "town centre",
                                                          "city center",
                                                          "town center",
                                                          "junction*",
                                                          "promenade*",
                                                          "arrivals hall*",
                                                          "airport*",
                                                          "shopper*",
                                                          "commuter*",
                                                          "spectator*",
                                                          "visitor*",
                                                          "traveller*",
                                                          "traveler*",
                                                          "ticket hall*",
                                                          "platforms",
                                                          "buses",
                                                          "public transport",
                                                          "metro",
                                                          "subway",
                                                          "parks",
                                                          "public park*",
                                                          "city park*",
                                                          "old town",
                                                          "venue*",
                                                          "fairground*",
                                                          "marketplace*",
                                                          "market square*",
                                                          "subway platform*",
                                                          "metro platform*",
                                                          "station platform*",
                                                          "on the platform",
                                                          "market place*",
                                                          "market"});

constexpr auto kSensing = std::to_array<std::string_view>(
    {"camera*", "cctv", "video*", "footage", "drone*", "body-worn", "face*", "facial*", "gait",
     "biometric*", "voiceprint*", "iris", "microphone*"});

constexpr auto kPolice = std::to_array<std::string_view>(
    {"police", "constabulary", "law enforcement", "law-enforcement", "officers", "patrol*",
     "custody", "warrant*", "wanted", "suspect*", "gendarmerie", "the force", "public order",
     "counter terror*"});

bool IsLawEnforcement(const core::Field<core::DomainArea>& area) {
  return area.has() && *area == core::DomainArea::kLawEnforcement;
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  // The answers to the Act's questions first; the text screen below is the second signal.
  if (auto declared = doomed::DeclaredPractice(c, doomed::Practice::kRemoteIdentification)) {
    out.push_back(std::move(*declared));
    return;
  }
  // The Act's narrow exceptions are answered, never read from a word.
  if (c.people.exceptions.authorised_targeted_search.has() &&
      *c.people.exceptions.authorised_targeted_search) {
    return;
  }
  const std::vector<TextField> fields = ProseFields(c);
  const std::vector<TextMatch> identify = FindPhrases(in, fields, kIdentify, kDenied);
  const std::vector<TextMatch> now = FindPhrases(in, fields, kNow);
  const std::vector<TextMatch> place = FindPhrases(in, fields, kPublic);
  const std::vector<TextMatch> sensing = FindPhrases(in, fields, kSensing);
  const std::vector<TextMatch> police = FindPhrases(in, fields, kPolice);
  const bool police_area = IsLawEnforcement(c.domain.area);
  if (identify.empty() || now.empty() || place.empty() || sensing.empty() ||
      (police.empty() && !police_area)) {
    return;
  }
  Finding f;
  f.span = identify.front().span;
  AddMatches(f, {&identify, &now, &place, &sensing, &police});
  if (police_area) {
    f.fields.push_back("domain.area");
    f.related.push_back({c.domain.area.span, "law enforcement is declared here"});
  }
  f.related.push_back({now.front().span, "in real time: '" + now.front().word + "'"});
  f.related.push_back({place.front().span, "in a public place: '" + place.front().word + "'"});
  if (!police.empty()) {
    f.related.push_back(
        {police.front().span, "for law enforcement: '" + police.front().word + "'"});
  }
  f.message =
      "the project identifies people in real time, from cameras or other biometric sensing, in "
      "places open to the public, for the police: real-time remote biometric identification "
      "for law enforcement is a prohibited practice under the EU AI Act, Article 5(1)(h)";
  doomed::NoteContradiction(c, doomed::Practice::kRemoteIdentification, f);
  out.push_back(std::move(f));
}

}  // namespace
}  // namespace d017

RuleDef MakeD017() {
  return RuleDef{
      .meta =
          {
              .id = "D017",
              .factor = core::Factor::kDoomed,
              .severity = Severity::kError,
              .title = "Real-time remote biometric identification for law enforcement",
              .rationale =
                  "Identifying people at a distance, as they pass, by matching their faces or "
                  "gait against a list, in streets, stations, stadiums or shops, for the police, "
                  "is banned in the EU since February 2025. The Act allows it only for a few "
                  "targeted searches (a missing child, an imminent terrorist threat, a suspect "
                  "of a serious crime), each authorised beforehand by a court or an independent "
                  "authority, and never as a standing system that scans everyone.",
              .fix = "drop live identification; an after-the-fact search of recordings for a "
                     "specific investigation is high-risk, not prohibited. If the use is one of "
                     "the Act's authorised targeted searches, answer "
                     "people.exceptions.authorised_targeted_search and take legal advice",
              .references =
                  {
                      {"EU AI Act (Regulation (EU) 2024/1689), Article 5(1)(h), 5(2)-(3) and "
                       "Article 3(41)-(44)",
                       "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"},
                  },
          },
      .check = d017::Check,
  };
}

}  // namespace foresight::rules
