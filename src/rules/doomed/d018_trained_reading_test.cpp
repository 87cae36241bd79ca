#include <gtest/gtest.h>

#include <string>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

// Payday credit offers aimed at shoppers with money worries and impulsive habits: exploiting
// an economic vulnerability, in words none of D006's phrases holds.
constexpr const char* kPaydayOffers = R"(
summary: "Help the sales floor keep shoppers spending.{}"
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
)";

std::string With(const std::string& sentence) {
  std::string out = kPaydayOffers;
  out.replace(out.find("{}"), 2, sentence);
  return out;
}

TEST(D018Test, ADescriptionNoPhraseFindsIsReadWithTheWordsThatWeighed) {
  const std::string charter = With("");
  EXPECT_TRUE(RunRule("D006", charter).diagnostics.empty()) << "D006's phrases find nothing";
  const auto run = RunRule("D018", charter);
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1U);
  const diag::Diagnostic& d = run.diagnostics[0];
  EXPECT_EQ(d.severity, Severity::kError);
  EXPECT_NE(d.message.find("a prohibited practice under the EU AI Act, Article 5(1)("),
            std::string::npos)
      << d.message;
  EXPECT_NE(d.message.find("the words that weigh most: '"), std::string::npos) << d.message;
  EXPECT_NE(d.message.find("No phrase of rule D006 matched"), std::string::npos) << d.message;
}

TEST(D018Test, SilentWhenAnArticle5RuleHasSpoken) {
  const std::string charter = R"(
summary: "Score every resident on their social behaviour and refuse public housing to those with a low score."
task:
  type: binary
  target: "low social credit score of the resident"
  target_kind: outcome
)";
  EXPECT_FALSE(RunRule("D003", charter).diagnostics.empty());
  EXPECT_TRUE(RunRule("D018", charter).diagnostics.empty());
}

TEST(D018Test, SilentOnPlainInnocentProjects) {
  for (const char* charter : {R"(
summary: "Forecast the weekly number of parcels each depot will handle."
task:
  type: regression
  target: "parcels handled next week"
)",
                              R"(
summary: "Tag each song in the catalogue with the mood it conveys: calm, joyful, melancholic."
task:
  type: multiclass
  target: "mood of the song"
)",
                              R"(
summary: "Blur every face and number plate in street-level imagery before it is published."
task:
  type: binary
  target: "pixel belongs to a face or a plate"
)"}) {
    const auto run = RunRule("D018", charter);
    ASSERT_TRUE(run.problems.empty()) << charter;
    EXPECT_TRUE(run.diagnostics.empty()) << charter << run.diagnostics[0].message;
  }
}

// The Act's exception for emotion recognition is answered, never read: answered, the reading
// of a classroom-mood description stays silent.
TEST(D018Test, AnAnsweredExceptionOfThePracticeSilencesIt) {
  const std::string classroom = R"(
summary: "Classroom climate dashboard."
domain:
  area: other
  description: primary school
task:
  type: binary
  target: "For each pupil, whether they are having a good or a bad day, from the tablet's front camera."
  target_kind: outcome
inputs:
  - {name: tablet front camera, kind: image}
)";
  EXPECT_TRUE(RunRule("D004", classroom).diagnostics.empty()) << "D004's phrases find nothing";
  const auto read = RunRule("D018", classroom);
  ASSERT_TRUE(read.problems.empty());
  ASSERT_EQ(read.diagnostics.size(), 1U);
  EXPECT_NE(read.diagnostics[0].message.find("emotions at work or in education"), std::string::npos)
      << read.diagnostics[0].message;
  const auto answered = RunRule("D018", classroom + R"(
people:
  exceptions:
    medical_or_safety: true
)");
  ASSERT_TRUE(answered.problems.empty()) << answered.problems[0].message;
  EXPECT_TRUE(answered.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
