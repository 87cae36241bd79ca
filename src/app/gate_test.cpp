#include "app/gate.hpp"

#include <gtest/gtest.h>

#include <string>

#include <fmt/format.h>

#include "app/app_testing.hpp"
#include "app/check.hpp"

namespace foresight::app {
namespace {

using core::GateConditionKind;
using core::GateReason;
using core::GateStatus;

constexpr size_t kExamples = 400;

// 400 examples labelled i % 2, with a slice column "sex": examples 0-1 female, 2-3 male, ...
core::EvalSet SetWithSex(const std::string& name = "holdout") {
  core::EvalSet e = testing::AlternatingBinarySet(kExamples, name);
  core::SliceColumn sex{"sex", {"female", "male"}, {}};
  for (size_t i = 0; i < kExamples; ++i) sex.codes.push_back(static_cast<int32_t>((i / 2) % 2));
  e.slices.push_back(std::move(sex));
  return e;
}

// Hard 0/1 scores: right on every example except those `wrong` picks.
template <typename Wrong>
core::Run HardRun(const std::string& name, const std::string& method, const std::string& created,
                  Wrong wrong, const std::string& evalset = "holdout") {
  return testing::HardRun(kExamples, name, method, created, wrong, std::nullopt, evalset);
}

class GateTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(Store().AddEvalSet(SetWithSex()));
    // perfect: every example right; three-quarters: wrong on every fourth; unfair: wrong on
    // half of the female examples (accuracy 0.5 there, 1 for male).
    ASSERT_TRUE(Store().AddRun(
        HardRun("perfect", "glm", "2026-12-01T10:00:00Z", [](size_t) { return false; })));
    ASSERT_TRUE(Store().AddRun(HardRun("three-quarters", "gbm", "2026-12-01T11:00:00Z",
                                       [](size_t i) { return i % 4 == 0; })));
    ASSERT_TRUE(Store().AddRun(HardRun("unfair", "", "2026-12-01T09:00:00Z",
                                       [](size_t i) { return (i / 2) % 2 == 0 && i % 4 == 0; })));
  }

  // A charter with accuracy >= `threshold`, and `extra` YAML appended.
  core::CheckResult Charter(double threshold, const std::string& extra = "",
                            const std::string& success_extra = "") {
    const std::string text = fmt::format(
        "version: 1\n"
        "project:\n  name: Gate test\n  owner: QA\n"
        "summary: Predict which customers leave next month.\n"
        "task:\n  type: binary\n  target: churn next month\n"
        "success:\n  metric: accuracy\n  threshold: {}\n  confidence: 0.95\n"
        "  evaluation:\n    drawn_like_production: true\n{}{}",
        threshold, success_extra, extra);
    auto check = CheckCharterFile(Write("foresight.yaml", text));
    EXPECT_TRUE(check);
    EXPECT_TRUE(check->readable);
    return *check;
  }

  core::GateResult Gate(const core::CheckResult& check, const std::string& candidate,
                        const std::string& production = "") {
    GateOptions options;
    options.candidate = candidate;
    if (!production.empty()) options.production = production;
    options.evidence.resamples = 400;
    options.evidence.threads = 1;
    auto result = RunGate(Store(), check, options);
    EXPECT_TRUE(result) << result.error().message();
    return result ? *result : core::GateResult{};
  }

  // A copy: the results are temporaries.
  static core::GateCondition Find(const core::GateResult& r, GateConditionKind kind) {
    for (const auto& c : r.conditions) {
      if (c.kind == kind) return c;
    }
    ADD_FAILURE() << "no condition " << core::GateConditionId(kind);
    return {};
  }
};

TEST_F(GateTest, CriterionPassesFailsOrCannotTellFromTheOneSidedBound) {
  const auto strict = Charter(0.9);
  EXPECT_EQ(Find(Gate(strict, "perfect"), GateConditionKind::kCriterion).status, GateStatus::kPass);
  const auto failed = Find(Gate(strict, "three-quarters"), GateConditionKind::kCriterion);
  EXPECT_EQ(failed.status, GateStatus::kFail);
  ASSERT_TRUE(failed.deciding);
  EXPECT_DOUBLE_EQ(failed.deciding->estimate, 0.75);
  EXPECT_LT(failed.deciding->upper, 0.9);
  EXPECT_LT(failed.probability, 0.01);
  // 0.75 measured on 400 examples: the interval straddles a threshold of 0.75.
  const auto open = Find(Gate(Charter(0.75), "three-quarters"), GateConditionKind::kCriterion);
  EXPECT_EQ(open.status, GateStatus::kCannotTell);
  EXPECT_EQ(open.reason, GateReason::kMeasured);
  EXPECT_LT(open.deciding->lower, 0.75);
  EXPECT_GT(open.probability, 0.2);
  EXPECT_LT(open.probability, 0.8);
}

TEST_F(GateTest, AllPassingConditionsLetTheCandidateThrough) {
  const auto result = Gate(Charter(0.9), "perfect");
  EXPECT_TRUE(result.Passed());
  EXPECT_EQ(result.Count(GateStatus::kFail), 0U);
  EXPECT_EQ(result.Count(GateStatus::kCannotTell), 0U);
  EXPECT_EQ(result.evalset, "holdout");
  EXPECT_EQ(result.method, "glm");
  EXPECT_FALSE(result.candidate_chosen);
}

TEST_F(GateTest, UndecidedConditionsBlockUnlessTheCharterLetsThemPass) {
  const auto blocked = Gate(Charter(0.75), "three-quarters");
  EXPECT_FALSE(blocked.Passed());
  const auto let_through = Gate(Charter(0.75, "gate:\n  undecided: pass\n"), "three-quarters");
  EXPECT_EQ(let_through.Count(GateStatus::kCannotTell), 1U);
  EXPECT_TRUE(let_through.Passed());
}

TEST_F(GateTest, GuardrailOnASliceIsDecidedByItsWorstValue) {
  const std::string guardrail =
      "  guardrails:\n    - {metric: accuracy, min: 0.9, slice: applicant sex}\n";
  const auto failed =
      Find(Gate(Charter(0.5, "", guardrail), "unfair"), GateConditionKind::kGuardrail);
  EXPECT_EQ(failed.status, GateStatus::kFail);
  EXPECT_EQ(failed.slice, "sex");  // "applicant sex" names the column "sex"
  ASSERT_TRUE(failed.deciding);
  EXPECT_EQ(failed.deciding->slice, "sex=female");
  EXPECT_DOUBLE_EQ(failed.deciding->estimate, 0.5);
  EXPECT_EQ(failed.measures.size(), 2U);
  EXPECT_EQ(
      Find(Gate(Charter(0.5, "", guardrail), "perfect"), GateConditionKind::kGuardrail).status,
      GateStatus::kPass);
  // A maximum on a loss, on the whole set.
  const auto loss = Find(
      Gate(Charter(0.5, "", "  guardrails:\n    - {metric: brier, max: 0.1}\n"), "three-quarters"),
      GateConditionKind::kGuardrail);
  EXPECT_EQ(loss.status, GateStatus::kFail);
  EXPECT_DOUBLE_EQ(loss.deciding->estimate, 0.25);
}

TEST_F(GateTest, GuardrailAndCalibrationCannotTellWhenTheIntervalStraddlesTheLimit) {
  // 0.75 measured on 400 examples against a floor of 0.75; an ECE of 0.25 against 0.25.
  const auto result = Gate(Charter(0.5, "gate:\n  max_calibration_error: 0.25\n",
                                   "  guardrails:\n    - {metric: accuracy, min: 0.75}\n"),
                           "three-quarters");
  const auto guardrail = Find(result, GateConditionKind::kGuardrail);
  EXPECT_EQ(guardrail.status, GateStatus::kCannotTell);
  EXPECT_EQ(guardrail.reason, GateReason::kMeasured);
  EXPECT_LT(guardrail.deciding->lower, 0.75);
  EXPECT_GT(guardrail.deciding->upper, 0.75);
  const auto calibration = Find(result, GateConditionKind::kCalibration);
  EXPECT_EQ(calibration.status, GateStatus::kCannotTell);
  EXPECT_LT(calibration.deciding->lower, 0.25);
  EXPECT_GT(calibration.deciding->upper, 0.25);
}

TEST_F(GateTest, GuardrailThatCannotBeMeasuredSaysWhy) {
  const auto result = Gate(Charter(0.5, "",
                                   "  guardrails:\n"
                                   "    - {metric: accuracy, min: 0.9, slice: region}\n"
                                   "    - {metric: r2, min: 0.5}\n"
                                   "    - {metric: demographic_parity_difference, max: 0.1, "
                                   "slice: sex}\n"),
                           "perfect");
  ASSERT_EQ(result.Count(GateStatus::kCannotTell), 2U);
  EXPECT_EQ(result.conditions[1].reason, GateReason::kSliceNotFound);
  EXPECT_EQ(result.conditions[1].field, "success.guardrails[0].slice");
  EXPECT_EQ(result.conditions[2].reason, GateReason::kMetricNotForTask);
  // Perfect predictions flag both sexes at the same rate as their labels: no gap.
  EXPECT_EQ(result.conditions[3].status, GateStatus::kPass);
  EXPECT_NEAR(result.conditions[3].deciding->estimate, 0, 1e-12);
}

TEST_F(GateTest, ProductionIsANonInferiorityTest) {
  const std::string gate = "gate:\n  production: three-quarters\n";
  const auto better = Find(Gate(Charter(0.5, gate), "perfect"), GateConditionKind::kProduction);
  EXPECT_EQ(better.status, GateStatus::kPass);
  EXPECT_DOUBLE_EQ(better.deciding->estimate, 0.25);
  const auto worse =
      Find(Gate(Charter(0.5), "three-quarters", "perfect"), GateConditionKind::kProduction);
  EXPECT_EQ(worse.status, GateStatus::kFail);
  EXPECT_DOUBLE_EQ(worse.deciding->estimate, -0.25);
  // The same predictions are not worse, even with no margin.
  const auto same = Find(Gate(Charter(0.5), "perfect", "perfect"), GateConditionKind::kProduction);
  EXPECT_EQ(same.status, GateStatus::kPass);
  // "unfair" is 0.25 below "perfect": inside a margin of 0.3, outside one of 0.
  const auto wide =
      Find(Gate(Charter(0.5, "gate:\n  production: perfect\n  margin: 0.3\n"), "unfair"),
           GateConditionKind::kProduction);
  EXPECT_EQ(wide.status, GateStatus::kPass);
  EXPECT_DOUBLE_EQ(wide.min.value_or(0), -0.3);
  EXPECT_EQ(Find(Gate(Charter(0.5), "unfair", "perfect"), GateConditionKind::kProduction).status,
            GateStatus::kFail);
}

TEST_F(GateTest, ProductionOnAnotherEvaluationSetCannotBeCompared) {
  ASSERT_TRUE(Store().AddEvalSet(SetWithSex("other")));
  ASSERT_TRUE(Store().AddRun(HardRun(
      "elsewhere", "glm", "2026-12-01T08:00:00Z", [](size_t) { return false; }, "other")));
  const auto c = Find(Gate(Charter(0.5), "perfect", "elsewhere"), GateConditionKind::kProduction);
  EXPECT_EQ(c.status, GateStatus::kCannotTell);
  EXPECT_EQ(c.reason, GateReason::kOtherEvaluationSet);
}

TEST_F(GateTest, CalibrationErrorAgainstItsBound) {
  const std::string gate = "gate:\n  max_calibration_error: 0.1\n";
  const auto good = Find(Gate(Charter(0.5, gate), "perfect"), GateConditionKind::kCalibration);
  EXPECT_EQ(good.status, GateStatus::kPass);
  // Hard 0/1 scores right 75% of the time are over-confident by 0.25.
  const auto bad =
      Find(Gate(Charter(0.5, gate), "three-quarters"), GateConditionKind::kCalibration);
  EXPECT_EQ(bad.status, GateStatus::kFail);
  EXPECT_NEAR(bad.deciding->estimate, 0.25, 1e-12);
}

TEST_F(GateTest, InterpretabilityRequiredNeedsAMethodMarkedInterpretable) {
  const std::string plan =
      "constraints:\n  interpretability: required\n"
      "plan:\n  methods:\n"
      "    - {name: glm, interpretable: true}\n"
      "    - {name: gbm, interpretable: false}\n";
  const auto check = Charter(0.5, plan);
  EXPECT_EQ(Find(Gate(check, "perfect"), GateConditionKind::kInterpretability).status,
            GateStatus::kPass);
  EXPECT_EQ(Find(Gate(check, "three-quarters"), GateConditionKind::kInterpretability).status,
            GateStatus::kFail);
  const auto no_method = Find(Gate(check, "unfair"), GateConditionKind::kInterpretability);
  EXPECT_EQ(no_method.status, GateStatus::kCannotTell);
  EXPECT_EQ(no_method.reason, GateReason::kNoMethod);
  const auto not_required =
      Find(Gate(Charter(0.5), "unfair"), GateConditionKind::kInterpretability);
  EXPECT_EQ(not_required.status, GateStatus::kPass);
  EXPECT_EQ(not_required.reason, GateReason::kNotRequired);
}

TEST_F(GateTest, EvaluationSetAndCharterErrors) {
  auto text = [](const std::string& drawn, double threshold) {
    return fmt::format(
        "version: 1\nproject:\n  name: Gate test\n  owner: QA\n"
        "summary: Predict which customers leave next month.\n"
        "task:\n  type: binary\n  target: churn next month\n"
        "success:\n  metric: accuracy\n  threshold: {}\n{}",
        threshold, drawn);
  };
  auto gate = [&](const std::string& charter) {
    auto check = CheckCharterFile(Write("charter.yaml", charter));
    EXPECT_TRUE(check && check->readable);
    return Gate(*check, "perfect");
  };
  const auto absent = gate(text("", 0.5));
  EXPECT_EQ(Find(absent, GateConditionKind::kEvaluationSet).status, GateStatus::kCannotTell);
  EXPECT_EQ(Find(absent, GateConditionKind::kEvaluationSet).reason, GateReason::kNotDeclared);
  EXPECT_EQ(Find(gate(text("  evaluation: {drawn_like_production: false}\n", 0.5)),
                 GateConditionKind::kEvaluationSet)
                .status,
            GateStatus::kFail);
  EXPECT_EQ(Find(absent, GateConditionKind::kCharter).status, GateStatus::kPass);
  // An accuracy target above 1 is an error of the charter (P011).
  const auto errors = Find(gate(text("", 1.5)), GateConditionKind::kCharter);
  EXPECT_EQ(errors.status, GateStatus::kFail);
  EXPECT_GE(errors.errors, 1U);
  EXPECT_NE(std::find(errors.error_codes.begin(), errors.error_codes.end(), "P011"),
            errors.error_codes.end());
}

TEST_F(GateTest, TheNewestRunIsJudgedWhenNoneIsNamed) {
  GateOptions options;
  options.evidence.resamples = 200;
  auto result = RunGate(Store(), Charter(0.5), options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->candidate, "three-quarters");
  EXPECT_TRUE(result->candidate_chosen);
  // ... but never the production run itself.
  options.production = "three-quarters";
  result = RunGate(Store(), Charter(0.5), options);
  ASSERT_TRUE(result);
  EXPECT_EQ(result->candidate, "perfect");
}

TEST_F(GateTest, MisuseIsAnErrorNotAVerdict) {
  GateOptions options;
  options.candidate = "no-such-run";
  auto missing = RunGate(Store(), Charter(0.5), options);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  options.candidate = "perfect";
  options.production = "no-such-run";
  missing = RunGate(Store(), Charter(0.5), options);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  auto unreadable = CheckCharterFile(Write("broken.yaml", "success: [\n"));
  ASSERT_TRUE(unreadable);
  auto refused = RunGate(Store(), *unreadable, GateOptions{});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kFailedPrecondition);
}

class GateEmptyStoreTest : public testing::StoreTest {};

TEST_F(GateEmptyStoreTest, NoRunToJudgeIsAnError) {
  auto check = CheckCharterFile(Write("foresight.yaml", "version: 1\n"));
  ASSERT_TRUE(check);
  auto result = RunGate(Store(), *check, GateOptions{});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), ErrorCode::kFailedPrecondition);
  // The option is a field reference each front door spells its own way, never a CLI flag.
  EXPECT_NE(result.error().message().find(FieldRef("run")), std::string::npos);
  EXPECT_EQ(result.error().message().find("--"), std::string::npos);
}

}  // namespace
}  // namespace foresight::app
