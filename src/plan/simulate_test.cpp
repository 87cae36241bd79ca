// The simulator on plans whose outcome can be worked out by hand (its calibration is in
// calibration_test.cpp).
#include "plan/simulate.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "plan/sensitivity.hpp"
#include "stats/distributions.hpp"
#include "stats/rng.hpp"

namespace foresight::plan {
namespace {

Work Fixed(double effort, size_t role = 0) {
  Work w;
  w.role = role;
  w.effort = {effort, effort, effort};
  return w;
}

Model OneRole(double people, std::vector<Work> work, int horizon = 200) {
  Model m;
  m.roles = 2;
  m.staff = {Staff{0, people, 0, horizon}};
  m.work = std::move(work);
  m.horizon_week = horizon;
  return m;
}

Outlook SimulateFutures(const Model& m, size_t futures = 20000, uint64_t seed = 7,
                        size_t threads = 2) {
  auto executor = Executor::Start(threads);
  Settings s;
  s.futures = futures;
  s.seed = seed;
  auto outlook = Simulate(m, s, *executor);
  EXPECT_TRUE(outlook) << outlook.error().message();
  return outlook ? *outlook : Outlook{};
}

// Tolerance for a share estimated from `futures` futures: four standard errors.
double Tol(size_t futures) { return 4 * std::sqrt(0.25 / static_cast<double>(futures)); }

TEST(SimulateTest, OneMethodOnePersonFinishesAtItsEffort) {
  Work w;
  w.effort = {2, 5, 11};
  w.chance = 1;
  const Outlook o = SimulateFutures(OneRole(1, {w}), 50000);
  for (const double x : {3.0, 4.7, 5.5, 6.5, 9.2}) {
    EXPECT_NEAR(o.EndedBy(x), stats::PertCdf(w.effort, x), Tol(50000)) << x;
    EXPECT_NEAR(o.SuccessBy(x), stats::PertCdf(w.effort, x), Tol(50000)) << x;
  }
  // The cost is the effort: its mean is the PERT mean.
  double total = 0;
  for (const double c : o.costs) total += c;
  EXPECT_NEAR(total / 50000, 5.5, 0.03);
}

TEST(SimulateTest, TwoMethodsRunInParallelWithTwoPeopleAndInTurnWithOne) {
  EXPECT_DOUBLE_EQ(
      Outlook::Quantile(SimulateFutures(OneRole(2, {Fixed(3), Fixed(5)}), 100).end_weeks, 0.5), 5);
  EXPECT_DOUBLE_EQ(
      Outlook::Quantile(SimulateFutures(OneRole(1, {Fixed(3), Fixed(5)}), 100).end_weeks, 0.5), 8);
  // Two uncertain methods in parallel: done by x when both are, P = F1(x) F2(x).
  Work a;
  a.effort = {2, 5, 11};
  Work b;
  b.effort = {3, 4, 8};
  const Outlook o = SimulateFutures(OneRole(2, {a, b}), 50000);
  for (const double x : {4.0, 5.5, 7.0, 9.0}) {
    EXPECT_NEAR(o.EndedBy(x), stats::PertCdf(a.effort, x) * stats::PertCdf(b.effort, x), Tol(50000))
        << x;
  }
}

TEST(SimulateTest, HalfTimePersonTakesTwiceAsLong) {
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(OneRole(0.5, {Fixed(2)}), 10).end_weeks, 0.5), 4,
              1e-9);
}

TEST(SimulateTest, LateRoleAndStageNeedsDelayTheWork) {
  Model m = OneRole(1, {Fixed(2)});
  m.staff[0].from_week = 6;
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(m, 10).end_weeks, 0.5), 8, 1e-9);
  // The stage needs role 1, who arrives at week 3.
  Model n = OneRole(1, {Fixed(2)});
  n.work[0].needs = {1};
  n.staff.push_back(Staff{1, 1, 3, 200});
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(n, 10).end_weeks, 0.5), 5, 1e-9);
  // A stage that starts at week 10.
  Model s = OneRole(1, {Fixed(2)});
  s.work[0].earliest_week = 10;
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(s, 10).end_weeks, 0.5), 12, 1e-9);
  // A role that never comes stalls the work: it never ends.
  Model never = OneRole(1, {Fixed(2)});
  never.work[0].needs = {1};
  const Outlook o = SimulateFutures(never, 10);
  EXPECT_EQ(o.EndedBy(1000), 0);
  EXPECT_GT(o.staffing.size(), 0U);
}

TEST(SimulateTest, MethodsWaitForThoseTheyComeAfter) {
  Model m = OneRole(2, {Fixed(3), Fixed(4)});
  m.work[1].after = {0};
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(m, 10).end_weeks, 0.5), 7, 1e-9);
}

TEST(SimulateTest, ReworkLoopWithKnownProbability) {
  // Each pass is sent back with probability 1/2 and costs half the effort again.
  Work w = Fixed(4);
  w.rework_probability = 0.5;
  w.rework_cost = 0.5;
  const Outlook o = SimulateFutures(OneRole(1, {w}), 40000);
  EXPECT_NEAR(o.EndedBy(4.0), 0.5, Tol(40000));
  EXPECT_NEAR(o.EndedBy(6.0), 0.75, Tol(40000));
  EXPECT_NEAR(o.EndedBy(8.0), 0.875, Tol(40000));
}

TEST(SimulateTest, AMethodThatReachesTheTargetEndsTheSearch) {
  Work first = Fixed(2);
  first.chance = 0.3;
  Work second = Fixed(3);
  second.chance = 1;
  const Outlook o = SimulateFutures(OneRole(1, {first, second}), 40000);
  EXPECT_NEAR(o.SuccessBy(2), 0.3, Tol(40000));
  EXPECT_NEAR(o.SuccessBy(5), 1.0, 1e-12);
  double total = 0;
  for (const double c : o.costs) total += c;
  EXPECT_NEAR(total / 40000, 0.3 * 2 + 0.7 * 5, 0.03);
}

TEST(SimulateTest, AccuracyScalesTheEffort) {
  Model m = OneRole(1, {Fixed(3)});
  m.accuracy = {Accuracy{std::log(2.0), 0}};
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(m, 10).end_weeks, 0.5), 6, 1e-9);
  // Effort already spent comes off what is left.
  Model spent = OneRole(1, {Fixed(3)});
  spent.work[0].spent = 1;
  EXPECT_NEAR(Outlook::Quantile(SimulateFutures(spent, 10).end_weeks, 0.5), 2, 1e-9);
}

TEST(SimulateTest, SameSeedSameResultWhateverTheThreads) {
  Work a;
  a.effort = {2, 5, 11};
  a.chance = 0.4;
  a.rework_probability = 0.2;
  a.rework_cost = 0.3;
  Work b = a;
  b.effort = {1, 2, 6};
  const Model m = OneRole(1.5, {a, b, a});
  const Outlook one = SimulateFutures(m, 9000, 3, 1);
  const Outlook two = SimulateFutures(m, 9000, 3, 2);
  EXPECT_EQ(one.end_weeks, two.end_weeks);
  EXPECT_EQ(one.success_weeks, two.success_weeks);
  EXPECT_EQ(one.costs, two.costs);
  ASSERT_EQ(one.staffing.size(), two.staffing.size());
  for (size_t k = 0; k < one.staffing.size(); ++k) {
    EXPECT_EQ(one.staffing[k][0].busy, two.staffing[k][0].busy);
  }
  EXPECT_NE(SimulateFutures(m, 9000, 4).end_weeks, one.end_weeks);
}

TEST(SimulateTest, StaffingAddsUpToTheCost) {
  Work a;
  a.effort = {2, 5, 11};
  const Outlook o = SimulateFutures(OneRole(1, {a, Fixed(3)}), 5000);
  double busy = 0;
  for (const auto& week : o.staffing) busy += week[0].busy;
  double cost = 0;
  for (const double c : o.costs) cost += c;
  EXPECT_NEAR(busy, cost / 5000, 1e-9);
  // One person, two methods: the second waits while the first is worked.
  EXPECT_GT(o.staffing[0][0].waiting, 0.99);
}

TEST(SimulateTest, RejectsInconsistentModels) {
  auto executor = Executor::Inline();
  Model m = OneRole(1, {Fixed(2)});
  m.work[0].after = {5};
  EXPECT_EQ(Simulate(m, {}, *executor).error().code(), ErrorCode::kInvalidArgument);
  Model nan = OneRole(1, {Fixed(2)});
  nan.work[0].effort.pessimistic = std::nan("");
  EXPECT_EQ(Simulate(nan, {}, *executor).error().code(), ErrorCode::kInvalidArgument);
  Model bad = OneRole(1, {Fixed(2)});
  bad.work[0].chance = 1.5;
  EXPECT_EQ(Simulate(bad, {}, *executor).error().code(), ErrorCode::kInvalidArgument);
}

TEST(SensitivityTest, BringingTheLateRoleEarlierMovesTheChance) {
  // Role 1 prepares the data (3 weeks) from week 10; role 0 models after it (2 weeks).
  Model m;
  m.roles = 2;
  m.horizon_week = 40;
  m.staff = {Staff{0, 1, 0, 40}, Staff{1, 1, 10, 40}};
  Work data = Fixed(3, 1);
  Work model;
  model.effort = {1, 2, 3};
  model.after = {0};
  m.work = {data, model};
  auto executor = Executor::Start(2);
  Settings s;
  s.futures = 4000;
  // By week 13.5 it cannot be done (10 + 3 + at least 1); with the data ready 4 weeks
  // earlier it always is; no method's effort changes that alone.
  auto t = Sensitivity(m, s, 13.5, false, std::nullopt, *executor);
  ASSERT_TRUE(t) << t.error().message();
  ASSERT_FALSE(t->levers.empty());
  const Lever& top = t->levers.front();
  EXPECT_EQ(top.kind, LeverKind::kStartWeek);
  EXPECT_EQ(top.subject, 1U);
  EXPECT_EQ(top.low_value, 6);
  EXPECT_EQ(t->base, 0);
  EXPECT_EQ(top.p_low, 1);
  EXPECT_EQ(top.p_high, 0);
  EXPECT_EQ(t->levers.size(), 1U);
}

}  // namespace
}  // namespace foresight::plan
