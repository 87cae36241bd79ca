// The plan use cases: the ledger (events, estimates versioned from the charter, the team's
// accuracy learned from finished methods, runs linked) and the outlook built on it.
#include "app/plan.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "app/app_testing.hpp"
#include "charter/parse.hpp"

namespace foresight::app {
namespace {

using core::LedgerStatus;
using core::PlanEventKind;

constexpr const char* kCharter = R"(version: 1
project:
  name: plan test
  start: 2026-01-05
success:
  metric: accuracy
  threshold: 0.9
team:
  - role: data-scientist
    count: 1
    from_week: 0
    to_week: 40
  - role: data-engineer
    count: 1
    from_week: 0
    to_week: 40
plan:
  budget_person_weeks: 30
  deadline: 2026-06-29
  rework: {probability: 0, cost: 0}
  methods:
    - name: baseline
      effort: {optimistic: 1, likely: 2, pessimistic: 4}
    - name: features
      effort: {optimistic: 2, likely: 3, pessimistic: 5}
      role: data-engineer
    - name: boosting
      effort: {optimistic: 3, likely: 4, pessimistic: 8}
      run_method: gbm
      after: [features]
  stages:
    - name: deployment
      start_week: 10
      needs: [data-engineer]
)";

class PlanTest : public testing::StoreTest {
 protected:
  core::Charter Parse(const std::string& text) {
    file_ = std::make_unique<SourceFile>("foresight.yaml", text);
    diag::DiagnosticSink sink;
    core::Charter charter = charter::ParseCharter(*file_, sink);
    EXPECT_FALSE(sink.HasErrors());
    return charter;
  }
  core::RecordedPlanEvent Event(const core::Charter& c, PlanEventKind kind,
                                const std::string& method, const std::string& on,
                                std::optional<double> effort = std::nullopt) {
    PlanEventInput in;
    in.kind = kind;
    in.method = method;
    in.on = on;
    in.effort = effort;
    auto r = RecordPlanEvent(Store(), c, in, clock_);
    EXPECT_TRUE(r) << r.error().message();
    return r ? *r : core::RecordedPlanEvent{};
  }
  Error Refused(const core::Charter& c, PlanEventInput in) {
    auto r = RecordPlanEvent(Store(), c, in, clock_);
    EXPECT_FALSE(r);
    return r ? Error(ErrorCode::kInternal, "") : r.error();
  }
  const core::LedgerMethod& Row(const core::PlanLedger& l, const std::string& name) {
    for (const auto& m : l.methods) {
      if (m.name == name) return m;
    }
    ADD_FAILURE() << name;
    return l.methods.front();
  }
  std::unique_ptr<SourceFile> file_;
  FakeClock clock_{"2026-03-02T10:00:00Z"};
};

TEST_F(PlanTest, TheLedgerRecordsTheCharterEstimatesOnce) {
  const core::Charter c = Parse(kCharter);
  auto first = ReadPlanLedger(Store(), c, clock_);
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_EQ(first->recorded.size(), 3U);
  EXPECT_EQ(first->start, "2026-01-05");
  EXPECT_FALSE(first->start_assumed);
  EXPECT_EQ(first->today_week, 8);  // 56 days after the start
  const core::LedgerMethod& b = Row(*first, "baseline");
  EXPECT_EQ(b.status, LedgerStatus::kPlanned);
  EXPECT_DOUBLE_EQ(*b.estimate_mean, (1 + 8 + 4) / 6.0);
  EXPECT_EQ(Row(*first, "features").role, "data-engineer");
  auto second = ReadPlanLedger(Store(), c, clock_);
  ASSERT_TRUE(second);
  EXPECT_TRUE(second->recorded.empty());
  EXPECT_EQ(second->events, 3U);
}

TEST_F(PlanTest, AChangedEstimateIsVersionedAndTheStartedOneJudgesTheMethod) {
  const core::Charter before = Parse(kCharter);
  Event(before, PlanEventKind::kStarted, "baseline", "2026-01-05");
  Event(before, PlanEventKind::kLogged, "baseline", "2026-01-09", 2.0);
  Event(before, PlanEventKind::kLogged, "baseline", "2026-01-16", 1.5);
  // The team re-estimates the method after starting it; the ledger keeps both.
  std::string edited = kCharter;
  edited.replace(edited.find("{optimistic: 1, likely: 2, pessimistic: 4}"), 42,
                 "{optimistic: 2, likely: 3, pessimistic: 6}");
  const core::Charter after = Parse(edited);
  clock_.Set("2026-03-09T10:00:00Z");
  const core::RecordedPlanEvent done =
      Event(after, PlanEventKind::kFinished, "baseline", "2026-03-06");
  EXPECT_EQ(done.event.kind, PlanEventKind::kFinished);
  const core::LedgerMethod& b = Row(done.ledger, "baseline");
  EXPECT_EQ(b.status, LedgerStatus::kDone);
  ASSERT_EQ(b.changes.size(), 1U);
  EXPECT_EQ(b.changes[0].on, "2026-03-09");
  EXPECT_DOUBLE_EQ(b.changes[0].from_mean, 13 / 6.0);
  EXPECT_DOUBLE_EQ(b.changes[0].to_mean, 20 / 6.0);
  EXPECT_DOUBLE_EQ(*b.started_mean, 13 / 6.0);  // judged against what it started with
  EXPECT_DOUBLE_EQ(b.Actual(), 3.5);
  EXPECT_DOUBLE_EQ(*b.ratio, 3.5 / (13 / 6.0));
  EXPECT_EQ(done.ledger.recorded, std::vector<std::string>{"baseline"});
  // Effort by role and week: weeks 0 and 1 of the project.
  ASSERT_EQ(done.ledger.effort.size(), 2U);
  EXPECT_EQ(done.ledger.effort[0].role, "data-scientist");
  EXPECT_EQ(done.ledger.effort[0].week, 0);
  EXPECT_DOUBLE_EQ(done.ledger.effort[1].person_weeks, 1.5);
}

TEST_F(PlanTest, AMethodGoneFromTheCharterIsMarkedRemoved) {
  Event(Parse(kCharter), PlanEventKind::kStarted, "features", "2026-02-02");
  std::string edited = kCharter;
  const size_t from = edited.find("    - name: baseline");
  edited.erase(from, edited.find("    - name: features") - from);
  auto l = ReadPlanLedger(Store(), Parse(edited), clock_);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->methods.back().name, "baseline");
  EXPECT_EQ(l->methods.back().status, LedgerStatus::kRemoved);
  EXPECT_EQ(Row(*l, "features").status, LedgerStatus::kRunning);
}

TEST_F(PlanTest, EventsThatContradictTheLedgerOrTheCalendarAreRefused) {
  const core::Charter c = Parse(kCharter);
  PlanEventInput in;
  in.kind = PlanEventKind::kStarted;
  in.method = "boostin";
  Error e = Refused(c, in);
  EXPECT_EQ(e.code(), ErrorCode::kNotFound);
  EXPECT_NE(e.message().find("did you mean 'boosting'?"), std::string::npos) << e.message();
  in.method = "boosting";
  in.on = "2026-02-30";
  EXPECT_EQ(Refused(c, in).code(), ErrorCode::kInvalidArgument);
  in.on = "2026-03-03";  // tomorrow
  EXPECT_NE(Refused(c, in).message().find("after today"), std::string::npos);
  in.on = "2026-02-02";
  ASSERT_TRUE(RecordPlanEvent(Store(), c, in, clock_));
  e = Refused(c, in);
  EXPECT_EQ(e.code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(e.message().find("already started on 2026-02-02"), std::string::npos) << e.message();
  in.kind = PlanEventKind::kLogged;
  for (const double bad : {0.0, -1.0, std::nan(""), 1e9}) {
    in.effort = bad;
    EXPECT_EQ(Refused(c, in).code(), ErrorCode::kInvalidArgument) << bad;
  }
  in.effort = 1;
  in.role = "wizard";
  EXPECT_EQ(Refused(c, in).code(), ErrorCode::kInvalidArgument);
  in.role = "";
  in.kind = PlanEventKind::kDropped;
  ASSERT_TRUE(RecordPlanEvent(Store(), c, in, clock_));
  in.kind = PlanEventKind::kFinished;
  EXPECT_NE(Refused(c, in).message().find("already dropped"), std::string::npos);
  // Nothing refused was stored: started, dropped and the three estimates.
  EXPECT_EQ(Store().ListPlanEvents()->size(), 5U);
}

TEST_F(PlanTest, TheTeamsAccuracyIsLearnedFromFinishedMethodsAndRunsCountAsEffort) {
  std::string text = kCharter;
  text.insert(text.find("  stages:"), R"(    - name: m4
      effort: {optimistic: 1, likely: 2, pessimistic: 3}
    - name: m5
      effort: {likely: 2}
)");
  const core::Charter c = Parse(text);
  // Runs of `boosting` record its effort in hours (80 hours: 2 person-weeks).
  ASSERT_TRUE(Store().AddEvalSet(testing::AlternatingBinarySet(10)));
  core::Run run =
      testing::HardRun(10, "gbm-1", "gbm", "2026-02-10T09:00:00Z", [](size_t) { return false; });
  run.effort_hours = 80;
  ASSERT_TRUE(Store().AddRun(run));
  auto prior = ReadPlanLedger(Store(), c, clock_);
  ASSERT_TRUE(prior);
  EXPECT_EQ(prior->accuracy.front().source, core::EstimateAccuracy::Source::kPrior);
  EXPECT_DOUBLE_EQ(Row(*prior, "boosting").from_runs, 2.0);
  EXPECT_EQ(Row(*prior, "boosting").runs, 1U);
  // Three methods finished at twice their PERT mean.
  for (const auto& [name, actual] : std::vector<std::pair<std::string, double>>{
           {"baseline", 2 * 13 / 6.0}, {"m4", 4.0}, {"m5", 4.0}}) {
    Event(c, PlanEventKind::kStarted, name, "2026-01-05");
    Event(c, PlanEventKind::kLogged, name, "2026-01-30", actual);
    Event(c, PlanEventKind::kFinished, name, "2026-02-06");
  }
  auto learned = ReadPlanLedger(Store(), c, clock_);
  ASSERT_TRUE(learned);
  const core::EstimateAccuracy& a = learned->accuracy.front();
  EXPECT_EQ(a.source, core::EstimateAccuracy::Source::kTeam);
  EXPECT_EQ(a.methods, 3U);
  // log 2 less E[log(X / mean)] ~ -Var/2 of each estimate: a typical factor a little over 2.
  EXPECT_GT(a.median_factor, 2.0);
  EXPECT_LT(a.median_factor, 2.1);
  // What is still to do is scaled by it.
  const core::LedgerMethod& f = Row(*learned, "features");
  EXPECT_GT(*f.remaining, 2 * *f.estimate_mean);
}

TEST_F(PlanTest, TheOutlookNeedsATeamAndWorkToDo) {
  std::string no_team = kCharter;
  const size_t from = no_team.find("team:");
  no_team.erase(from, no_team.find("plan:") - from);
  OutlookOptions options;
  options.futures = 1000;
  options.sensitivity_futures = 0;
  auto o = BuildOutlook(Store(), Parse(no_team), no_team, clock_, options);
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code(), ErrorCode::kFailedPrecondition);
  const core::Charter c = Parse(kCharter);
  // Today is after the team's last week (week 40): nobody is left to do the work.
  const FakeClock late("2026-12-01T09:00:00Z");
  o = BuildOutlook(Store(), c, kCharter, late, options);
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message().find("before today"), std::string::npos) << o.error().message();
  for (const char* m : {"baseline", "features", "boosting"}) {
    Event(c, PlanEventKind::kDropped, m, "2026-02-02");
  }
  o = BuildOutlook(Store(), c, kCharter, clock_, options);
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message().find("nothing to simulate"), std::string::npos);
}

TEST_F(PlanTest, TheOutlookSimulatesWhatIsLeftFromToday) {
  const core::Charter c = Parse(kCharter);
  OutlookOptions options;
  options.futures = 20000;
  options.sensitivity_futures = 2000;
  auto o = BuildOutlook(Store(), c, kCharter, clock_, options);
  ASSERT_TRUE(o) << o.error().message();
  EXPECT_DOUBLE_EQ(o->now_week, 8);
  EXPECT_FALSE(o->criterion_known);  // no runs: no learning curve
  ASSERT_EQ(o->methods.size(), 3U);
  ASSERT_EQ(o->dates.size(), 1U);
  EXPECT_EQ(o->dates[0].label, "deadline");
  EXPECT_DOUBLE_EQ(o->dates[0].week, 25);
  // The data scientist does baseline (1-4 weeks x the prior), the data engineer features
  // then boosting: about 8 + (3.2 + 4.5) x 1.3 on average, so well before week 25.
  EXPECT_GT(o->end_p50, 14);
  EXPECT_LT(o->end_p50, 22);
  EXPECT_GT(o->dates[0].p_ended, 0.9);
  EXPECT_GT(o->cost_mean, 10);
  EXPECT_LT(o->cost_mean, 16);
  EXPECT_GT(o->p_within_budget, 0.99);
  // The same seed gives the same outlook.
  auto again = BuildOutlook(Store(), c, kCharter, clock_, options);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->end_p80, o->end_p80);
  EXPECT_EQ(again->cost_mean, o->cost_mean);
  // The tornado is on the end of the work (no chance of the criterion is known).
  EXPECT_FALSE(o->sensitivity_on_criterion);
  EXPECT_EQ(o->sensitivity_date, "2026-06-29");
  // Both roles are on the team and used.
  ASSERT_EQ(o->roles.size(), 2U);
}

TEST_F(PlanTest, ARoleWaitingForItsStageIsIdleUntilThen) {
  std::string text = kCharter;
  text.insert(text.find("  stages:"), R"(    - name: serving
      effort: {likely: 2}
      role: devops
      stage: deployment
)");
  text.replace(text.find("team:\n"), 6,
               "team:\n  - role: devops\n    count: 1\n    from_week: 0\n    to_week: 40\n");
  const core::Charter c = Parse(text);
  OutlookOptions options;
  options.futures = 2000;
  options.sensitivity_futures = 0;
  auto o = BuildOutlook(Store(), c, text, clock_, options);
  ASSERT_TRUE(o) << o.error().message();
  const core::RoleUse* devops = nullptr;
  for (const core::RoleUse& r : o->roles) {
    if (r.role == "devops") devops = &r;
  }
  ASSERT_NE(devops, nullptr);
  EXPECT_EQ(devops->idle_from, 8);
  EXPECT_EQ(devops->idle_until, 10);  // the deployment stage starts in week 10
}

TEST_F(PlanTest, ALearningCurveGivesAMethodItsChanceAndAMetTargetSettlesIt) {
  ASSERT_TRUE(Store().AddEvalSet(testing::AlternatingBinarySet(400)));
  // gbm's errors fall with the training size: 40%, 30%, 20%, 15% of examples wrong.
  struct Point {
    int64_t size;
    size_t wrong_in_20;
  };
  for (const Point p : {Point{100, 8}, Point{200, 6}, Point{400, 4}, Point{800, 3}}) {
    ASSERT_TRUE(Store().AddRun(testing::HardRun(
        400, "gbm-" + std::to_string(p.size), "gbm", "2026-02-10T09:00:00Z",
        [&p](size_t i) { return i % 20 < p.wrong_in_20; }, p.size)));
  }
  // The plan expects four times the data measured.
  std::string text = kCharter;
  text.insert(text.find("  rework:"), "  training_size: 3200\n");
  const core::Charter c = Parse(text);
  OutlookOptions options;
  options.futures = 5000;
  options.sensitivity_futures = 0;
  options.evidence.use_cache = false;
  auto o = BuildOutlook(Store(), c, text, clock_, options);
  ASSERT_TRUE(o) << o.error().message();
  EXPECT_TRUE(o->criterion_known);
  EXPECT_TRUE(o->already_met_by.empty());
  const core::OutlookMethod& boosting = o->methods[2];
  ASSERT_TRUE(boosting.chance);
  EXPECT_EQ(boosting.chance_from, "gbm");
  EXPECT_DOUBLE_EQ(boosting.training_size, 3200);
  EXPECT_GT(*boosting.chance, 0.02);
  EXPECT_LT(*boosting.chance, 0.98);
  // It ends before the deadline in nearly every future: the chance by then is its own.
  EXPECT_LE(o->dates[0].p_met, *boosting.chance + 0.02);
  EXPECT_GT(o->dates[0].p_met, *boosting.chance - 0.05);
  // A run that already meets the criterion (1 in 20 wrong: 95%) settles it.
  ASSERT_TRUE(Store().AddRun(testing::HardRun(
      400, "gbm-1600", "gbm", "2026-02-20T09:00:00Z", [](size_t i) { return i % 20 == 0; }, 1600)));
  o = BuildOutlook(Store(), c, text, clock_, options);
  ASSERT_TRUE(o);
  EXPECT_EQ(o->already_met_by, "boosting");
  EXPECT_EQ(o->dates[0].p_met, 1.0);
}

}  // namespace
}  // namespace foresight::app
