#include "rules/engine.hpp"

#include <gtest/gtest.h>

namespace foresight::rules {
namespace {

diag::Diagnostic Make(std::string code, Severity severity, uint32_t offset) {
  diag::Diagnostic d;
  d.code = std::move(code);
  d.severity = severity;
  d.message = "problem " + d.code;
  d.span = Span{offset, offset + 1};
  return d;
}

TEST(ComputeVerdictsTest, ErrorsFailWarningsRiskNothingIsOk) {
  const std::vector<diag::Diagnostic> diagnostics = {
      Make("D007", Severity::kError, 1), Make("D001", Severity::kError, 50),
      Make("D012", Severity::kWarning, 2), Make("R003", Severity::kWarning, 3),
      Make("schema", Severity::kError, 4)};
  const auto verdicts = ComputeVerdicts(BuiltinRules(), diagnostics);
  ASSERT_EQ(verdicts.size(), 4u);
  EXPECT_EQ(verdicts[0].factor, core::Factor::kResearch);
  EXPECT_EQ(verdicts[0].verdict, core::Verdict::kAtRisk);
  EXPECT_EQ(verdicts[0].why, "R003: problem R003.");
  EXPECT_EQ(verdicts[1].verdict, core::Verdict::kOk);
  EXPECT_EQ(verdicts[1].why, "No rule of this factor found a problem.");
  EXPECT_EQ(verdicts[2].verdict, core::Verdict::kFailing);
  EXPECT_EQ(verdicts[2].errors, 2);
  EXPECT_EQ(verdicts[2].warnings, 1);
  // The most fundamental error leads, whatever its position.
  EXPECT_EQ(verdicts[2].why, "D001: problem D001 (and 2 more findings).");
  EXPECT_EQ(verdicts[3].verdict, core::Verdict::kOk);
}

TEST(RegistryTest, IdsAreUniqueSortedAndCoverEveryFactor) {
  const Registry& registry = BuiltinRules();
  ASSERT_GE(registry.rules().size(), 30u);
  for (core::Factor factor : core::kAllFactors) {
    EXPECT_TRUE(std::any_of(registry.rules().begin(), registry.rules().end(),
                            [&](const RuleDef& r) { return r.meta.factor == factor; }));
  }
  for (size_t i = 1; i < registry.rules().size(); ++i) {
    EXPECT_LT(registry.rules()[i - 1].meta.id, registry.rules()[i].meta.id);
  }
  for (const RuleDef& rule : registry.rules()) {
    EXPECT_FALSE(rule.meta.title.empty()) << rule.meta.id;
    EXPECT_GT(rule.meta.rationale.size(), 80u) << rule.meta.id;
    EXPECT_FALSE(rule.meta.fix.empty()) << rule.meta.id;
    EXPECT_FALSE(rule.meta.references.empty()) << rule.meta.id;
  }
  EXPECT_EQ(registry.Find("d001")->meta.id, "D001");
  EXPECT_EQ(registry.Find("X001"), nullptr);
}

RuleDef MakeRule(std::string id, core::Factor factor) {
  RuleDef rule;
  rule.meta.id = std::move(id);
  rule.meta.factor = factor;
  rule.check = [](const RuleInput&, std::vector<Finding>&) {};
  return rule;
}

TEST(RegistryTest, RejectsMalformedAndDuplicateIds) {
  EXPECT_THROW(Registry({MakeRule("D01", core::Factor::kDoomed)}), std::logic_error);
  EXPECT_THROW(Registry({MakeRule("R001", core::Factor::kDoomed)}), std::logic_error);
  const RuleDef one = MakeRule("D900", core::Factor::kDoomed);
  EXPECT_THROW(Registry({one, one}), std::logic_error);
  EXPECT_NO_THROW(Registry({one}));
}

}  // namespace
}  // namespace foresight::rules
