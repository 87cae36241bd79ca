#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D007Test, FiresNamingEverySafeguardMissing) {
  const auto run = RunRule("D007", R"(
domain:
  area: employment
decision:
  mode: automate
task:
  target: invite the applicant to an interview
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:9");
  EXPECT_EQ(run.Text(0), "employment");
  EXPECT_EQ(run.diagnostics[0].message,
            "'employment' is a high-risk area under the EU AI Act (Annex III), but the charter "
            "shows no human oversight, no interpretability, no bias evaluation");
  EXPECT_EQ(
      run.diagnostics[0].fields,
      (std::vector<std::string>{"domain.area", "decision.human_oversight", "decision.mode",
                                "constraints.interpretability", "plan.methods[].interpretable",
                                "governance.bias_evaluation", "success.guardrails[].slice"}));
  ASSERT_EQ(run.diagnostics[0].related.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].related[0].label, "decisions are automated");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D007Test, RemoteBiometricIdentificationIsHighRiskWherever) {
  const auto run = RunRule("D007", R"(
people:
  concerned: true
  settings: [other]
  remote_identification: after-the-fact
decision:
  mode: automate
)");
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Text(0), "after-the-fact");
  EXPECT_EQ(run.diagnostics[0].fields.front(), "people.remote_identification");
  EXPECT_NE(run.diagnostics[0].message.find("'remote biometric identification' is a high-risk"),
            std::string::npos)
      << run.diagnostics[0].message;
  EXPECT_TRUE(RunRule("D007", R"(
people:
  remote_identification: none
decision:
  mode: automate
)")
                  .diagnostics.empty());
}

TEST(D007Test, FiresOnlyForTheMissingSafeguard) {
  const auto run = RunRule("D007", R"(
domain:
  area: credit
decision:
  mode: assist
constraints:
  interpretability: required
governance:
  bias_evaluation: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:9");
  EXPECT_EQ(run.diagnostics[0].message,
            "'credit' is a high-risk area under the EU AI Act (Annex III), but the charter "
            "shows no bias evaluation");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"domain.area", "governance.bias_evaluation",
                                      "success.guardrails[].slice"}));
}

TEST(D007Test, SilentWhenSafeguardsAreShownIndirectly) {
  // Oversight through a reviewer, an interpretable method, and a guardrail per group.
  const auto run = RunRule("D007", R"(
domain:
  area: education
decision:
  mode: automate
  human_oversight: true
success:
  metric: auc
  guardrails:
    - metric: recall
      min: 0.8
      slice: students with a disability
plan:
  methods:
    - name: logistic regression
      interpretable: true
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D007Test, SilentOutsideAnnexIii) {
  const auto run = RunRule("D007", R"(
domain:
  area: retail
decision:
  mode: automate
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D007Test, SilentWhileSafeguardsArePlaceholders) {
  const auto run = RunRule("D007", R"(
domain:
  area: insurance
decision:
  human_oversight: TODO
constraints:
  interpretability: TODO
governance:
  bias_evaluation: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D007Test, SilentWhileWholeSectionsArePlaceholders) {
  // A section written as TODO is unanswered, not a "no".
  const auto run = RunRule("D007", R"(
domain:
  area: credit
decision: TODO
constraints: TODO
plan:
  methods: TODO
governance: TODO
success:
  guardrails: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  // Only the sections left out count as missing.
  const auto partly = RunRule("D007", R"(
domain:
  area: credit
decision: TODO
governance: TODO
)");
  ASSERT_TRUE(partly.problems.empty());
  ASSERT_EQ(partly.diagnostics.size(), 1u);
  EXPECT_EQ(partly.diagnostics[0].message,
            "'credit' is a high-risk area under the EU AI Act (Annex III), but the charter shows "
            "no interpretability");
}

TEST(D007Test, SilentWhileAreaIsPlaceholder) {
  const auto run = RunRule("D007", R"(
domain:
  area: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
