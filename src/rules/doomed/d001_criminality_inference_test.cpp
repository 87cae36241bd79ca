#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D001Test, FiresOnCriminalityFromFaces) {
  const auto run = RunRule("D001", R"(
task:
  type: binary
  target: criminality of the person in the photo
inputs:
  - name: mugshot
    kind: face
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:11");
  EXPECT_EQ(run.Text(0), "criminality");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"criminality"});
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"task.target", "inputs[0].kind"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D001Test, FiresOnDeclaredTargetKindFromProfiling) {
  const auto run = RunRule("D001", R"(
task:
  target: future arrests
  target_kind: criminal-offence
inputs:
  - name: social media history
    kind: behaviour
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "criminal-offence");
  EXPECT_EQ(run.diagnostics[0].fields[0], "task.target_kind");
}

TEST(D001Test, SilentForPlaceBasedForecasting) {
  const auto run = RunRule("D001", R"(
task:
  target: number of burglaries per district next week
inputs:
  - name: past incidents
    kind: time-series
  - name: district
    kind: location
)");
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D001Test, SilentForCreditScoring) {
  const auto run = RunRule("D001", R"(
task:
  target: default within 12 months
inputs:
  - name: repayment history
    kind: personal-data
)");
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D001Test, SilentForTransactionFraudDetection) {
  // "Financial crime" names the team and the domain; the model scores payments.
  const auto run = RunRule("D001", R"(
summary: Score card payments for fraud; the financial crime team reviews declines.
task:
  target: payment reported as fraudulent within 90 days
inputs:
  - name: cardholder's recent spending pattern
    kind: behaviour
  - name: device fingerprint
    kind: personal-data
data:
  sources:
    - name: confirmed cases from the financial crime team
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
