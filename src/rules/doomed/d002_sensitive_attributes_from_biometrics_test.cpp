#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D002Test, FiresOnEthnicityFromFaces) {
  const auto run = RunRule("D002", R"(
task:
  type: multiclass
  target: ethnicity of the customer in the photo
inputs:
  - name: store camera still
    kind: face
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:11");
  EXPECT_EQ(run.Text(0), "ethnicity");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"ethnicity"});
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"task.target", "inputs[0].kind"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
  EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(g)"), std::string::npos);
}

TEST(D002Test, FiresOnDeclaredSensitiveAttributeFromBiometrics) {
  const auto run = RunRule("D002", R"(
task:
  target: orientation class
  target_kind: sensitive-attribute
inputs:
  - name: gait recording
    kind: biometric
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:16");
  EXPECT_EQ(run.Text(0), "sensitive-attribute");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"task.target_kind", "inputs[0].kind"}));
}

TEST(D002Test, SilentForDiseaseFromXrays) {
  const auto run = RunRule("D002", R"(
summary: detect pneumonia on chest X-rays, with performance checked across ethnic groups
task:
  type: binary
  target: pneumonia visible on the X-ray
inputs:
  - name: chest X-ray
    kind: image
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D002Test, SilentForFaceVerificationWithABiasAudit) {
  // Ethnicity appears only as groups to audit error rates across, not as a target.
  const auto run = RunRule("D002", R"(
task:
  type: binary
  target: same person as the ID document
  description: false rejections are compared across ethnic groups before release
inputs:
  - name: selfie
    kind: face
data:
  sources:
    - name: audit set
      description: faces with self-reported ethnicity, to compare error rates
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// Declared kinds no longer gate the rule: a portrait whose kind is not declared (or is
// declared a plain image) still pictures a person.
TEST(D002Test, FindsItWhateverTheInputsKind) {
  for (const char* charter : {
           R"(
task:
  target: religion of the speaker
inputs:
  - name: portrait
    kind: TODO
)",
           R"(
task:
  target: which political party the shopper votes for
inputs:
  - name: store camera stills
    kind: image
)",
           R"(
task:
  target: whether the caller is gay, from a short voice sample
inputs:
  - name: call audio
    kind: audio
)",
       }) {
    const auto run = RunRule("D002", charter);
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5(1)(g)"), std::string::npos);
  }
}

TEST(D002Test, SilentForCategoriesOfThingsOrSurveys) {
  for (const char* charter : {
           // Things, not people.
           R"(
task:
  target: which religious buildings appear in aerial photos
)",
           R"(
task:
  target: the cuisine of a dish, such as ethnic food, from menu photos
)",
           // A robot's belief state, not a person's beliefs.
           R"(
task:
  target: the belief state of the robot about obstacles, from its camera frames
)",
           // A survey answer, not biometrics.
           R"(
task:
  target: political opinion of the respondent from their free-text survey answers
inputs:
  - {name: survey answers, kind: text}
)",
       }) {
    EXPECT_TRUE(RunRule("D002", charter).diagnostics.empty()) << charter;
  }
}

TEST(D002Test, FiresWhenTheLabelsNameTheCategoryAndTheTargetIsVague) {
  const auto run = RunRule("D002", R"(
summary: Audience segments for advertisers.
task:
  target: the segment of each new user, without asking them
inputs:
  - {name: profile photos, kind: image}
  - {name: "training labels: self-declared sexuality", kind: tabular}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "sexuality");
  EXPECT_EQ(run.diagnostics[0].words, (std::vector<std::string>{"sexuality", "labels", "photos"}));
}

TEST(D002Test, SilentWhenTheLabelsNameTheCategoryOfAThing) {
  const auto run = RunRule("D002", R"(
task:
  target: the style of each building
inputs:
  - {name: street photos, kind: image}
  - {name: "labels: religious buildings and their style", kind: tabular}
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

// "Race per applicant" is inferred for each person; "error rate per ethnic group" is a check.
TEST(D002Test, PerAfterTheCategoryInfersItPerBeforeChecksIt) {
  const auto inferred = RunRule("D002", R"(
summary: the quote flow takes a selfie of each driver
task:
  target: estimated race per applicant, used in pricing
)");
  ASSERT_TRUE(inferred.problems.empty());
  ASSERT_EQ(inferred.diagnostics.size(), 1u);
  EXPECT_EQ(inferred.Text(0), "race");
  const auto checked = RunRule("D002", R"(
summary: a face verification model for app logins
task:
  target: false rejection rate per ethnic group, for the fairness report
)");
  ASSERT_TRUE(checked.problems.empty());
  EXPECT_TRUE(checked.diagnostics.empty());
}

// A caller's party read from their voice; which side of a call speaks is not a party.
TEST(D002Test, FiresOnThePartyEachCallerSupportsFromTheirVoice) {
  const auto run = RunRule("D002", R"(
summary: caller insight for a polling firm, from the call audio and the voice of each caller
task:
  target: the party each caller will vote for, read from how they sound
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  const auto sides = RunRule("D002", R"(
summary: splits call recordings by voice into the agent and the other party
task:
  target: which party speaks in each second of the call
)");
  ASSERT_TRUE(sides.problems.empty());
  EXPECT_TRUE(sides.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
