#include <string>

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

// With no person-level input declared: paraphrases written for this test (not the screening
// corpus), and look-alikes that forecast crime per place or assess a person's record.
TEST(D001Test, FindsProfilingInTheProseAlone) {
  for (const char* charter : {
           R"(
task:
  target: whether a job applicant will steal from the shop, from their personality quiz
)",
           R"(
summary: Flag which passengers are likely to commit an offence on board, judged from their
  appearance at the gate.
)",
           R"(
task:
  target: re-offending risk of each young person from their neighbourhood and family
    structure
inputs:
  - {name: case notes, kind: text}
)",
       }) {
    const auto run = RunRule("D001", charter);
    ASSERT_EQ(run.diagnostics.size(), 1u) << charter;
    EXPECT_NE(run.diagnostics[0].message.find("Article 5"), std::string::npos);
  }
}

TEST(D001Test, SilentForPlacesAndRecords) {
  for (const char* charter : {
           // Where, not who.
           R"(
task:
  target: number of burglaries per postcode next month, for patrol planning
)",
           // What the person did, not who they are.
           R"(
task:
  target: risk that a person on parole is convicted again, from their criminal record and
    case history, reviewed by the parole board
)",
           // Transactions.
           R"(
task:
  target: whether a card payment is fraud, from the amount and merchant
)",
       }) {
    EXPECT_TRUE(RunRule("D001", charter).diagnostics.empty()) << charter;
  }
}

TEST(D001Test, FiresWhenTheTrainingLabelIsAnOffenceAndTheTargetIsVague) {
  const auto run = RunRule("D001", R"(
task:
  target: a risk band per young person
inputs:
  - {name: "training label: arrested within two years", kind: tabular}
  - {name: personality quiz answers, kind: tabular}
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "arrested");
}

TEST(D001Test, SilentForCatchingFraudstersInTheAct) {
  // Cloned voices on calls: what is happening now, not who someone is.
  const auto run = RunRule("D001", R"(
summary: Detects cloned voices on incoming calls so that fraudsters impersonating customers
  are stopped.
task:
  target: whether the caller's voice is machine-generated
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty()) << run.diagnostics[0].message;
}

// Guests, students or policyholders rated for a future offence from who they are.
TEST(D001Test, FiresOnGuestsRatedForViolenceFromTheirPersona) {
  const auto run = RunRule("D001", R"(
summary: the door app rates each arriving guest on whether they will commit violent acts tonight, from
  their age, home neighbourhood and social media persona
task:
  target: violence risk per guest
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "commit violent");
}

// Disorder forecast per area and match, with no person: silent.
TEST(D001Test, SilentForDisorderForecastPerMatch) {
  const auto run = RunRule("D001", R"(
summary: forecasts how many stewards each match needs from past attendance, the weather and the
  fixture, so that violent disorder in the stands is handled
task:
  target: stewards needed per match
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}
// A clinical risk of aggression, and a sport's "steals": not a criminal offence. Silent.
TEST(D001Test, SilentForClinicalAggressionAndSportsSteals) {
  for (const char* summary :
       {"predicts whether an inpatient will become violent towards care workers, from "
        "psychological assessments, age and gender, so that wards are staffed",
        "predicts how many steals each basketball player makes per game from their play style"}) {
    SCOPED_TRACE(summary);
    const auto run = RunRule("D001", std::string("summary: ") + summary + "\n");
    ASSERT_TRUE(run.problems.empty());
    EXPECT_TRUE(run.diagnostics.empty());
  }
}
// Evidence that can only be a person's needs no word for the person; where people live does.
TEST(D001Test, EvidenceOnlyOfAPersonNeedsNoPersonNamed) {
  const auto fires = RunRule("D001", R"(
summary: release planning from a personality inventory and upbringing only
task:
  target: likelihood of a new offence within two years of release
)");
  ASSERT_TRUE(fires.problems.empty());
  EXPECT_EQ(fires.diagnostics.size(), 1u);
  const auto silent = RunRule("D001", R"(
summary: patrol planning from neighbourhood demographics and last year's reports
task:
  target: burglaries per neighbourhood next month
)");
  ASSERT_TRUE(silent.problems.empty());
  EXPECT_TRUE(silent.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
