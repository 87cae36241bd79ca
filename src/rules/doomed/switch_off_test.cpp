// No rule can be switched off by an unrelated word: each word that used to silence a rule
// anywhere in a field is added, in a sentence of its own, to a prohibited charter, and the
// error stays. Guards count only right next to the matched words, in the same sentence.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

struct Prohibited {
  const char* rule;
  const char* field;  // the YAML key the sentence is prepended to
  const char* charter;
};

// Each charter has one "{}" where a sentence is inserted, in the field that matches.
const Prohibited kCharters[] = {
    {"D001", "summary", R"(
summary: "{} We predict which visitors are likely criminals."
task:
  target: criminal offending of the visitor
inputs:
  - {name: entrance photo, kind: face}
)"},
    {"D002", "task.target", R"(
task:
  target: "{} The ethnicity of the person in the photo."
inputs:
  - {name: portrait, kind: face}
)"},
    {"D004", "task.target", R"(
domain:
  area: employment
task:
  target: "{} The mood of call centre agents during calls."
inputs:
  - {name: agent webcam, kind: video}
)"},
    {"D017", "summary", R"(
summary: "{} Live matching of passers-by in the station against the police watchlist."
task:
  target: identity of each face on the concourse cameras
)"},
    {"D006", "summary", R"(
summary: "{} Our feed manipulates teenagers into longer sessions."
task:
  target: minutes spent in the app
)"},
    {"D006", "task.target", R"(
task:
  target: "{} The hour when a pensioner living alone is most likely to buy a costly policy."
)"},
    {"D004", "task.target", R"(
task:
  target: "{} How bored or anxious each pupil looks during the lesson."
inputs:
  - {name: classroom camera, kind: image}
)"},
    {"D002", "summary", R"(
summary: "{} Group new users into audiences from their profile pictures."
inputs:
  - {name: "labels: self-reported religion", kind: tabular}
)"},
    // D018 reads the whole description with a trained model: payday credit offers aimed
    // at shoppers with money worries, in words no rule's phrases hold.
    {"D018", "summary", R"(
summary: "{} Help the sales floor keep shoppers spending."
domain:
  area: other
  description: retail app
task:
  type: binary
  target: "Which shoppers are short of money and buy on impulse, so the app pushes them high-interest credit offers at payday, when they are least able to resist."
  target_kind: outcome
inputs:
  - {name: card spend history, kind: tabular}
  - {name: payday dates, kind: tabular}
  - {name: app sessions, kind: tabular}
)"},
};

// Every word that used to switch a rule off anywhere in a field.
const char* const kFormerSwitchOffWords[] = {"fairness",
                                             "audit",
                                             "across",
                                             "bias",
                                             "per group",
                                             "safety",
                                             "security",
                                             "fraud",
                                             "detect",
                                             "prevent",
                                             "flag",
                                             "medical",
                                             "fatigue",
                                             "drowsy",
                                             "drowsiness",
                                             "robot",
                                             "grasp",
                                             "cyber",
                                             "tamper",
                                             "forgery",
                                             "deepfake",
                                             "financial crime",
                                             "money laundering",
                                             "penetration test",
                                             "software vulnerabilities",
                                             "market manipulation"};

std::string With(const char* charter, const std::string& sentence) {
  std::string out = charter;
  out.replace(out.find("{}"), 2, sentence);
  return out;
}

TEST(SwitchOffTest, EachProhibitedCharterIsCaughtWithoutTheWord) {
  for (const Prohibited& p : kCharters) {
    const auto run = RunRule(p.rule, With(p.charter, ""));
    ASSERT_TRUE(run.problems.empty()) << p.rule;
    EXPECT_EQ(run.diagnostics.size(), 1u) << p.rule;
  }
}

TEST(SwitchOffTest, NoFormerSwitchOffWordSilencesAProhibitedCharter) {
  for (const Prohibited& p : kCharters) {
    for (const char* word : kFormerSwitchOffWords) {
      const std::string sentence = std::string("A yearly review covers ") + word + ".";
      const auto run = RunRule(p.rule, With(p.charter, sentence));
      ASSERT_TRUE(run.problems.empty()) << p.rule << " with '" << word << "'";
      EXPECT_EQ(run.diagnostics.size(), 1u)
          << p.rule << " was switched off by '" << word << "' in " << p.field;
    }
  }
}

}  // namespace
}  // namespace foresight::rules
