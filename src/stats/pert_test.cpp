// The PERT arithmetic against SciPy 1.10's beta distribution (loc = o, scale = p - o,
// a = 1 + 4 (m - o) / (p - o), b = 1 + 4 (p - m) / (p - o)); the values were printed by
//   from scipy.stats import beta; d = beta(a, b, loc=o, scale=p - o)
//   d.mean(), d.var(), d.cdf(x), d.ppf(q)
#include "stats/pert.hpp"

#include <gtest/gtest.h>

namespace foresight::stats {
namespace {

struct PertCase {
  ThreePoint e;
  double mean;
  double variance;
  std::vector<std::pair<double, double>> cdf;       // (x, P(X <= x))
  std::vector<std::pair<double, double>> quantile;  // (q, x)
};

const std::vector<PertCase>& Cases() {
  static const std::vector<PertCase> cases = {
      {{2, 5, 11},
       5.5,
       2.749999999999999,
       {{2.9, 0.04122921387606369},
        {4.7, 0.35137538548347136},
        {6.5, 0.7214421965295753},
        {9.2, 0.9850712928025113},
        {10.55, 0.9998898197798652}},
       {{0.05, 2.9854915279849497}, {0.5, 5.38231256303709}, {0.95, 8.41958647891893}}},
      {{1, 1, 4},
       1.5,
       0.17857142857142855,
       {{1.3, 0.40951000000000004}, {1.9, 0.83193}, {2.5, 0.96875}, {3.4, 0.99968}},
       {{0.05, 1.0306186549390346}, {0.5, 1.3883483101116276}, {0.95, 2.352159185040823}}},
      {{3, 8, 8.5},
       7.250000000000001,
       0.7589285714285714,
       {{3.55, 4.622338293065294e-05},
        {4.65, 0.00700832673620328},
        {5.75, 0.06834194326459878},
        {7.4, 0.49039115264669003},
        {8.225, 0.8937528400719001}},
       {{0.05, 5.561123588554697}, {0.5, 7.422195166572055}, {0.95, 8.34713585883669}}},
  };
  return cases;
}

TEST(PertTest, MeanAndVarianceAgreeWithScipy) {
  for (const PertCase& c : Cases()) {
    EXPECT_NEAR(PertMean(c.e), c.mean, 1e-12);
    EXPECT_NEAR(PertVariance(c.e), c.variance, 1e-12);
  }
}

TEST(PertTest, CdfAgreesWithScipy) {
  for (const PertCase& c : Cases()) {
    for (const auto& [x, p] : c.cdf) EXPECT_NEAR(PertCdf(c.e, x), p, 1e-12) << x;
  }
}

TEST(PertTest, SamplerQuantilesAgreeWithScipy) {
  for (const PertCase& c : Cases()) {
    const PertSampler sampler(c.e);
    const double range = c.e.pessimistic - c.e.optimistic;
    for (const auto& [q, x] : c.quantile) EXPECT_NEAR(sampler.Quantile(q), x, 2e-4 * range) << q;
    EXPECT_DOUBLE_EQ(sampler.Quantile(0), c.e.optimistic);
    EXPECT_LE(sampler.Quantile(0.999999), c.e.pessimistic);
  }
}

TEST(PertTest, SamplerIsMonotone) {
  const PertSampler sampler({3, 8, 8.5});
  double last = 0;
  for (int i = 0; i < 10000; ++i) {
    const double x = sampler.Quantile(i / 10000.0);
    EXPECT_GE(x, last);
    last = x;
  }
}

TEST(PertTest, CertainEstimateIsConstant) {
  const ThreePoint e{4, 4, 4};
  EXPECT_EQ(PertMean(e), 4);
  EXPECT_EQ(PertVariance(e), 0);
  EXPECT_EQ(PertSampler(e).Quantile(0.3), 4);
  EXPECT_EQ(PertCdf(e, 3.9), 0);
  EXPECT_EQ(PertCdf(e, 4), 1);
}

}  // namespace
}  // namespace foresight::stats
