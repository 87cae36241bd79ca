// The simulator's calibration: on synthetic projects whose true effort distributions are
// known, the predicted P(done by a date) matches how often they are done by it. Kept apart
// from simulate_test.cpp so the ThreadSanitizer build, which runs that file, skips this
// long one.
#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "plan/accuracy.hpp"
#include "plan/simulate.hpp"
#include "stats/distributions.hpp"
#include "stats/rng.hpp"

namespace foresight::plan {
namespace {

// The calibration: projects whose true effort is PERT x a bias factor B with log B ~
// Normal(0.2, 0.3), unknown to the simulator, which learns it from 20 finished methods of the
// same team. Each project's real finish comes from a straightforward computation of the same
// schedule (list scheduling onto the earliest free person). Over many projects, the share
// finished by the date the outlook gives P = q must be q, within 2 points, for q across the
// range.
TEST(CalibrationTest, PredictedChanceOfBeingDoneMatchesTheObservedFrequency) {
  constexpr size_t kProjects = 4000;
  constexpr size_t kFutures = 500;
  constexpr double kMu = 0.2;
  constexpr double kTau = 0.3;
  auto executor = Executor::Start(2);
  std::vector<double> pit;
  pit.reserve(kProjects);
  stats::CounterRng rng(2026, 0);
  const auto estimate = [&]() {
    const double o = 1 + 3 * rng.NextDouble();
    const double m = o + 4 * rng.NextDouble();
    return stats::ThreePoint{o, m, m + 8 * rng.NextDouble()};
  };
  const auto normal = [&]() { return stats::NormalQuantile(std::max(rng.NextDouble(), 1e-300)); };
  // Reality draws its PERT efforts on its own, as a ratio of gamma draws (Marsaglia and Tsang
  // 2000), not with the simulator's tabulated quantiles.
  const auto gamma = [&](double shape) {
    const double d = shape - 1.0 / 3;
    const double c = 1 / std::sqrt(9 * d);
    while (true) {
      const double x = normal();
      const double v = std::pow(1 + c * x, 3);
      if (v <= 0) continue;
      if (std::log(std::max(rng.NextDouble(), 1e-300)) < x * x / 2 + d - d * v + d * std::log(v)) {
        return d * v;
      }
    }
  };
  const auto actual = [&](const stats::ThreePoint& e) {
    const stats::BetaShape s = stats::PertShape(e);
    const double x = gamma(s.alpha);
    const double pert = e.optimistic + (e.pessimistic - e.optimistic) * x / (x + gamma(s.beta));
    return pert * std::exp(kMu + kTau * normal());
  };
  for (size_t p = 0; p < kProjects; ++p) {
    std::vector<Finished> record;
    for (int j = 0; j < 20; ++j) {
      const stats::ThreePoint e = estimate();
      record.push_back(Finished{0, e, actual(e)});
    }
    const size_t people = 1 + p % 2;  // half the projects have two people
    Model m;
    m.roles = 1;
    m.horizon_week = 400;
    m.staff = {Staff{0, static_cast<double>(people), 0, 400}};
    m.accuracy = {LearnAccuracy(record, std::nullopt).accuracy};
    std::vector<double> free(people, 0.0);
    for (int i = 0; i < 4; ++i) {
      Work w;
      w.effort = estimate();
      m.work.push_back(w);
      auto earliest = std::min_element(free.begin(), free.end());
      *earliest += actual(w.effort);
    }
    const double finished = *std::max_element(free.begin(), free.end());
    Settings s;
    s.futures = kFutures;
    s.seed = p + 1;
    s.staffing = false;
    auto outlook = Simulate(m, s, *executor);
    ASSERT_TRUE(outlook);
    pit.push_back(outlook->EndedBy(finished));
  }
  for (const double q : {0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95}) {
    const auto below = std::count_if(pit.begin(), pit.end(), [&](double v) { return v <= q; });
    EXPECT_NEAR(static_cast<double>(below) / kProjects, q, 0.02) << "P = " << q;
  }
}

}  // namespace
}  // namespace foresight::plan
