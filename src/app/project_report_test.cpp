#include "app/project_report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "app/app_testing.hpp"
#include "app/check.hpp"
#include "app/criteria.hpp"

namespace foresight::app {
namespace {

using core::Factor;
using core::SignalKind;
using core::Verdict;

constexpr size_t kN = 400;

// Hard 0/1 scores on AlternatingBinarySet: right except where `wrong` says.
template <typename Wrong>
core::Run Hard(const std::string& name, const std::string& method, const std::string& created,
               Wrong wrong, std::optional<int64_t> train_size = std::nullopt) {
  return testing::HardRun(kN, name, method, created, wrong, train_size);
}

class ProjectReportTest : public testing::StoreTest {
 protected:
  void AddRuns() {
    ASSERT_TRUE(Store().AddEvalSet(testing::AlternatingBinarySet(kN)));
    ASSERT_TRUE(Store().AddRun(
        Hard("perfect", "glm", "2026-12-01T10:00:00Z", [](size_t) { return false; })));
    ASSERT_TRUE(Store().AddRun(Hard("three-quarters", "gbm", "2026-12-01T11:00:00Z",
                                    [](size_t i) { return i % 4 == 0; })));
    ASSERT_TRUE(Store().AddRun(
        Hard("nine-tenths", "gbm", "2026-12-01T12:00:00Z", [](size_t i) { return i % 10 == 0; })));
  }

  core::CheckResult Charter(const std::string& extra = "") {
    auto check = CheckCharterFile(
        Write("foresight.yaml",
              "version: 1\nproject:\n  name: Churn\n  owner: Head of Retention\n"
              "summary: Predict which customers leave next month.\n"
              "task:\n  type: binary\n  target: churn next month\n"
              "success:\n  metric: accuracy\n  threshold: 0.9\n  confidence: 0.95\n" +
                  extra));
    EXPECT_TRUE(check && check->readable);
    return *check;
  }

  core::ProjectReport Build(std::optional<core::CheckResult> check,
                            std::optional<std::string> base = std::nullopt) {
    ReportOptions options;
    options.check = std::move(check);
    options.project_fallback = "folder";
    options.base = std::move(base);
    options.evidence.resamples = 300;
    options.evidence.threads = 1;
    const FakeClock clock("2026-12-02T09:00:00Z");
    auto report = BuildReport(Store(), options, clock);
    EXPECT_TRUE(report) << report.error().message();
    return report ? *report : core::ProjectReport{};
  }

  static const core::FactorAssessment& FactorOf(const core::ProjectReport& r, Factor f) {
    return *std::find_if(r.factors.begin(), r.factors.end(),
                         [&](const auto& a) { return a.factor == f; });
  }
  static bool Has(const core::FactorAssessment& a, SignalKind kind) {
    return std::any_of(a.signals.begin(), a.signals.end(),
                       [&](const auto& s) { return s.kind == kind; });
  }
};

TEST_F(ProjectReportTest, AnEmptyWorkspaceWithoutCharterSaysNothingIsMeasured) {
  ASSERT_TRUE(Store().ListRuns());
  const auto r = Build(std::nullopt);
  EXPECT_EQ(r.project, "folder");
  ASSERT_EQ(r.factors.size(), 4U);
  EXPECT_TRUE(Has(FactorOf(r, Factor::kResearch), SignalKind::kNoRuns));
  EXPECT_TRUE(Has(FactorOf(r, Factor::kDoomed), SignalKind::kNoCharter));
  EXPECT_TRUE(Has(FactorOf(r, Factor::kProduction), SignalKind::kNoCharter));
  EXPECT_EQ(FactorOf(r, Factor::kResearch).verdict, Verdict::kAtRisk);
  EXPECT_FALSE(r.ranking);
  EXPECT_FALSE(r.gate);
}

TEST_F(ProjectReportTest, TheBestRunIsJudgedComparedAndGated) {
  AddRuns();
  const auto r = Build(Charter());
  EXPECT_EQ(r.project, "Churn");
  EXPECT_EQ(r.owner, "Head of Retention");
  EXPECT_EQ(r.runs, 3U);
  EXPECT_EQ(r.primary_evalset, "holdout");
  EXPECT_EQ(r.best_run, "perfect");
  ASSERT_TRUE(r.best);
  // The best run against the two others, best first.
  ASSERT_EQ(r.comparisons.size(), 2U);
  EXPECT_EQ(r.comparisons[0].a, "perfect");
  EXPECT_EQ(r.comparisons[0].b, "nine-tenths");
  EXPECT_TRUE(r.comparisons[0].significant);
  const auto& research = FactorOf(r, Factor::kResearch);
  ASSERT_TRUE(Has(research, SignalKind::kTargetMet));
  EXPECT_TRUE(Has(research, SignalKind::kBeatsRunnerUp));
  ASSERT_TRUE(r.gate);
  EXPECT_EQ(r.gate->candidate, "perfect");
  // No drawn_like_production: the gate cannot tell, and holds the run back.
  EXPECT_TRUE(Has(FactorOf(r, Factor::kProduction), SignalKind::kGateUndecided));
  EXPECT_EQ(r.generated_at, "2026-12-02T09:00:00Z");
}

TEST_F(ProjectReportTest, TheInterpretabilityGapUsesThePlansMethods) {
  AddRuns();
  const auto r =
      Build(Charter("plan:\n  methods:\n    - {name: glm, interpretable: true}\n"
                    "    - {name: gbm, interpretable: false}\n"));
  ASSERT_TRUE(r.gap);
  EXPECT_EQ(r.gap->glass_method, "glm");
  EXPECT_EQ(r.gap->black_method, "gbm");
  EXPECT_EQ(r.gap->comparison.a, "perfect");
  EXPECT_EQ(r.gap->comparison.b, "nine-tenths");  // the best black box
  const auto& production = FactorOf(r, Factor::kProduction);
  const auto it =
      std::find_if(production.signals.begin(), production.signals.end(),
                   [](const auto& s) { return s.kind == SignalKind::kInterpretabilityFree; });
  ASSERT_NE(it, production.signals.end());
  EXPECT_TRUE(it->significant);  // the glass box is better
}

TEST_F(ProjectReportTest, LearningCurvesComeFromRunsAtSeveralSizes) {
  AddRuns();
  // A method whose errors halve as the training size quadruples.
  for (const auto& [size, every] : {std::pair{100, 3}, {400, 5}, {1600, 9}, {6400, 17}}) {
    const size_t step = static_cast<size_t>(every);
    ASSERT_TRUE(Store().AddRun(Hard(
        fmt::format("curve-{}", size), "curve", "2026-12-01T13:00:00Z",
        [step](size_t i) { return i % step == 0; }, size)));
  }
  const auto r = Build(Charter());
  ASSERT_EQ(r.curves.size(), 1U);
  EXPECT_EQ(r.curves[0].method, "curve");
  EXPECT_EQ(r.curves[0].forecast.points.size(), 4U);
  ASSERT_TRUE(r.curves[0].forecast.target);
  EXPECT_DOUBLE_EQ(r.curves[0].forecast.target->value, 0.9);
}

TEST_F(ProjectReportTest, HistoryRescoresEveryRunUnderEachCriteriaVersion) {
  AddRuns();
  const FakeClock clock("2026-12-01T08:00:00Z");
  auto strict = Criteria{"hash-a", "accuracy", 0.95, 0.95};
  auto loose = Criteria{"hash-b", "accuracy", 0.7, 0.95};
  ASSERT_TRUE(RecordCriteria(Store(), strict, clock));
  ASSERT_TRUE(RecordCriteria(Store(), loose, clock));
  const auto r = Build(Charter());
  ASSERT_EQ(r.history.size(), 2U);
  EXPECT_EQ(r.history[0].runs, 3U);
  EXPECT_EQ(r.history[0].meeting, 1U);  // only "perfect" reaches 0.95
  EXPECT_EQ(r.history[1].meeting, 3U);  // all reach 0.7
  EXPECT_EQ(r.history[1].best_run, "perfect");
}

TEST_F(ProjectReportTest, SinceABaseRun) {
  AddRuns();
  const auto r = Build(Charter(), "three-quarters");
  EXPECT_EQ(r.base, "three-quarters");
  ASSERT_TRUE(r.since_base);
  EXPECT_EQ(r.since_base->a, "three-quarters");
  EXPECT_EQ(r.since_base->b, "perfect");
  EXPECT_EQ(r.new_runs, std::vector<std::string>{"nine-tenths"});
  ReportOptions options;
  options.base = "no-such-run";
  const FakeClock clock("2026-12-02T09:00:00Z");
  auto missing = BuildReport(Store(), options, clock);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message().find(FieldRef("base")), std::string::npos);
  EXPECT_EQ(missing.error().message().find("--"), std::string::npos);
}

TEST_F(ProjectReportTest, ThePlansOutlookWeighsOnProjectManagement) {
  // One person, a method of 4 to 12 weeks, a deadline in week 6: the work is rarely over.
  auto check = CheckCharterFile(Write("foresight.yaml", R"(version: 1
project:
  name: Churn
  start: 2026-11-30
task:
  type: binary
  target: churn next month
success:
  metric: accuracy
  threshold: 0.9
team:
  - role: data-scientist
    count: 1
    from_week: 0
    to_week: 40
plan:
  deadline: 2027-01-11
  methods:
    - name: gbm
      effort: {optimistic: 4, likely: 8, pessimistic: 12}
)"));
  ASSERT_TRUE(check && check->readable);
  const core::ProjectReport r = Build(*check);
  ASSERT_TRUE(r.outlook) << (r.skipped.empty() ? "" : r.skipped.front().second);
  EXPECT_FALSE(r.outlook->criterion_known);
  EXPECT_TRUE(r.plan_today.empty());
  const auto& management = FactorOf(r, Factor::kManagement);
  const auto it =
      std::find_if(management.signals.begin(), management.signals.end(),
                   [](const core::Signal& s) { return s.kind == SignalKind::kPlanOutlook; });
  ASSERT_NE(it, management.signals.end());
  EXPECT_EQ(it->other, "2027-01-11");
  EXPECT_FALSE(it->significant);
  EXPECT_LT(it->probability, 0.25);
  EXPECT_EQ(it->weight, Verdict::kFailing);
  EXPECT_EQ(management.verdict, Verdict::kFailing);
  // A charter without a team has no outlook, and says nothing about it.
  const core::ProjectReport none = Build(Charter());
  EXPECT_FALSE(none.outlook);
  EXPECT_TRUE(none.skipped.empty());
}

}  // namespace
}  // namespace foresight::app
