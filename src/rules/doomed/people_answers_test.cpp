// The people section's answers: each Article 5 practice caught from the answers alone (no
// keyword anywhere), the exceptions the Act makes, and D016's unanswered questions.
#include <gtest/gtest.h>

#include <string>

#include "base/source_file.hpp"
#include "charter/parse.hpp"
#include "diag/diagnostic.hpp"
#include "rules/doomed/people_answers.hpp"
#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

// A charter with nothing alarming in its words: only the answers say what it does.
std::string Plain(const std::string& people) {
  return R"(
summary: a model for the operations team
decision:
  affected: residents of the district
task:
  type: binary
  target: the outcome of interest
inputs:
  - {name: records, kind: tabular}
people:
)" + people;
}

TEST(PeopleAnswersTest, CriminalRiskFromProfilingIsAnErrorWithoutAnyKeyword) {
  const auto run = RunRule("D001", Plain(R"(  infers: [criminal-offence-risk]
  inferred_from: [social-behaviour, personality-traits]
)"));
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "criminal-offence-risk");
  EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(d)"), std::string::npos);
  EXPECT_NE(run.diagnostics[0].message.find("from social-behaviour, personality-traits data"),
            std::string::npos);
}

TEST(PeopleAnswersTest, TheHumanAssessmentExceptionIsAnsweredNotInferred) {
  // Supporting a human assessment based on facts: allowed.
  EXPECT_TRUE(RunRule("D001", Plain(R"(  infers: [criminal-offence-risk]
  inferred_from: [conduct-facts]
  exceptions: {human_assessment_on_facts: true}
)"))
                  .diagnostics.empty());
  // The same exception does not cover profiling.
  const auto run = RunRule("D001", Plain(R"(  infers: [criminal-offence-risk]
  inferred_from: [conduct-facts, online-behaviour]
  exceptions: {human_assessment_on_facts: true}
)"));
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_NE(run.diagnostics[0].help.front().find("not on online-behaviour"), std::string::npos);
}

TEST(PeopleAnswersTest, SensitiveCategoryFromBiometricsEvenWithPhotosDeclaredAsImages) {
  const auto run = RunRule("D002", Plain(R"(  infers: [sex-life-or-sexual-orientation]
  inferred_from: [face]
)"));
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(g)"), std::string::npos);
  // The same inference from survey answers is not biometric categorisation.
  EXPECT_TRUE(RunRule("D002", Plain(R"(  infers: [political-opinions]
  inferred_from: [online-behaviour]
)"))
                  .diagnostics.empty());
}

TEST(PeopleAnswersTest, SocialScoreScrapingAndManipulation) {
  EXPECT_EQ(RunRule("D003", Plain("  infers: [social-score]\n")).diagnostics.size(), 1u);
  EXPECT_EQ(RunRule("D005", Plain("  untargeted_face_scraping: true\n")).diagnostics.size(), 1u);
  const auto subliminal = RunRule("D006", Plain("  subliminal_techniques: true\n"));
  ASSERT_EQ(subliminal.diagnostics.size(), 1u);
  EXPECT_NE(subliminal.diagnostics[0].message.find("5(1)(a)"), std::string::npos);
  const auto addiction = RunRule("D006", Plain("  exploits_vulnerability: [addiction]\n"));
  ASSERT_EQ(addiction.diagnostics.size(), 1u);
  EXPECT_NE(addiction.diagnostics[0].message.find("(addiction)"), std::string::npos);
  EXPECT_TRUE(RunRule("D006", Plain("  exploits_vulnerability: [none]\n  subliminal_techniques: "
                                    "false\n"))
                  .diagnostics.empty());
}

TEST(PeopleAnswersTest, EmotionsAtWorkUnlessForMedicalOrSafetyReasons) {
  const auto run = RunRule("D004", Plain(R"(  infers: [emotions]
  inferred_from: [voice]
  settings: [workplace]
)"));
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_NE(run.diagnostics[0].message.find("in workplace"), std::string::npos);
  EXPECT_TRUE(RunRule("D004", Plain(R"(  infers: [emotions]
  inferred_from: [face]
  settings: [workplace]
  exceptions: {medical_or_safety: true}
)"))
                  .diagnostics.empty());
  // Emotions read from written words are not emotion recognition under the Act.
  EXPECT_TRUE(RunRule("D004", Plain(R"(  infers: [emotions]
  inferred_from: [online-behaviour]
  settings: [education]
)"))
                  .diagnostics.empty());
}

TEST(PeopleAnswersTest, AnAnnexIiiSettingMakesTheProjectHighRisk) {
  const auto run = RunRule("D007", Plain("  settings: [hiring]\n"));
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].fields.front(), "people.settings");
  EXPECT_NE(run.diagnostics[0].message.find("'hiring'"), std::string::npos);
}

TEST(PeopleAnswersTest, TextThatDescribesWhatTheAnswersDenyIsAContradiction) {
  const auto run = RunRule("D001", R"(
task:
  target: likelihood that the parolee reoffends within a year
inputs:
  - {name: parole file, kind: personal-data}
people:
  infers: [none]
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  const auto& d = run.diagnostics[0];
  EXPECT_EQ(d.message.rfind("the text and the answers disagree: ", 0), 0u) << d.message;
  EXPECT_NE(d.message.find("yet people.infers says [none]"), std::string::npos) << d.message;
  EXPECT_EQ(d.words, (std::vector<std::string>{"reoffends"}));
  EXPECT_EQ(d.fields.back(), "people.infers");
  // Answered as it is, there is nothing to reconcile: the answers' own error.
  const auto declared = RunRule("D001", R"(
task:
  target: likelihood that the parolee reoffends within a year
inputs:
  - {name: parole file, kind: personal-data}
people:
  infers: [criminal-offence-risk]
  inferred_from: [personality-traits]
)");
  ASSERT_EQ(declared.diagnostics.size(), 1u);
  EXPECT_EQ(declared.diagnostics[0].message.find("disagree"), std::string::npos);
}

TEST(D016Test, APersonRelatedCharterWithoutThePeopleSectionIsAskedEveryQuestion) {
  const auto run = RunRule("D016", R"(
decision:
  affected: loan applicants
task:
  target: default within a year
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"decision.affected"}));
  EXPECT_EQ(run.diagnostics[0].help.size(), 9u);  // the eight questions, then the fix
  EXPECT_NE(run.diagnostics[0].help[0].find("people.infers"), std::string::npos);
}

TEST(D016Test, EachUnansweredQuestionIsNamedWithWhyItIsAsked) {
  const auto run = RunRule("D016", Plain(R"(  infers: [none]
  settings: [credit]
)"));
  // infers: [none] needs no sources; the other four questions are open (public_spaces is
  // asked only of a project that identifies people remotely).
  ASSERT_EQ(run.diagnostics.size(), 4u);
  EXPECT_EQ(run.diagnostics[0].fields.front(), "people.exploits_vulnerability");
  EXPECT_NE(run.diagnostics[0].help.front().find("Article 5(1)(b)"), std::string::npos);
  EXPECT_EQ(run.diagnostics[1].fields.front(), "people.subliminal_techniques");
  EXPECT_EQ(run.diagnostics[2].fields.front(), "people.untargeted_face_scraping");
  EXPECT_EQ(run.diagnostics[3].fields.front(), "people.remote_identification");
  EXPECT_NE(run.diagnostics[3].help.front().find("Article 5(1)(h)"), std::string::npos);
  EXPECT_TRUE(RunRule("D016", Plain(R"(  infers: [none]
  settings: [credit]
  exploits_vulnerability: [none]
  subliminal_techniques: false
  untargeted_face_scraping: false
  remote_identification: none
)"))
                  .diagnostics.empty());
  // Identifying people remotely opens the question of public spaces.
  const auto remote = RunRule("D016", Plain(R"(  infers: [none]
  settings: [other]
  exploits_vulnerability: [none]
  subliminal_techniques: false
  untargeted_face_scraping: false
  remote_identification: after-the-fact
)"));
  ASSERT_EQ(remote.diagnostics.size(), 1u);
  EXPECT_EQ(remote.diagnostics[0].fields.front(), "people.public_spaces");
}

TEST(D016Test, SaysNotAboutPeopleWhileTheInputsAreFacesIsAContradiction) {
  const auto run = RunRule("D016", R"(
inputs:
  - {name: portraits, kind: face}
people:
  concerned: false
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"people.concerned", "inputs[0].kind"}));
  // A project about machines says so, and is asked nothing.
  EXPECT_TRUE(RunRule("D016", R"(
task:
  target: bearing failure within a week
people:
  concerned: false
)")
                  .diagnostics.empty());
}

std::string Screened(const std::string& yaml) {
  const SourceFile file("test.yaml", yaml);
  diag::DiagnosticSink sink;
  const core::Charter charter = charter::ParseCharter(file, sink);
  EXPECT_FALSE(sink.HasErrors());
  return doomed::WhatWasScreened(charter);
}

TEST(WhatWasScreenedTest, SaysWhatTheVerdictRestsOnAndThatItIsNotLegalAdvice) {
  EXPECT_EQ(Screened(Plain("  infers: [none]\n")),
            "Screened: the answers to the EU AI Act's questions about people (unanswered: "
            "people.settings, people.exploits_vulnerability, people.subliminal_techniques, "
            "people.untargeted_face_scraping, people.remote_identification) and the charter's "
            "words; not legal advice.");
  EXPECT_EQ(Screened("decision:\n  affected: drivers\n"),
            "Screened: the charter's words only, since the people section that answers the EU "
            "AI Act's questions is missing; not legal advice.");
  EXPECT_EQ(Screened("people:\n  concerned: false\n"),
            "Screened: the charter's words, for a project it says does not concern people; not "
            "legal advice.");
}

}  // namespace
}  // namespace foresight::rules
