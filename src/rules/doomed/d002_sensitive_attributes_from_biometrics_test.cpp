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

TEST(D002Test, SilentWhileInputKindIsPlaceholder) {
  const auto run = RunRule("D002", R"(
task:
  target: religion of the speaker
inputs:
  - name: portrait
    kind: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
