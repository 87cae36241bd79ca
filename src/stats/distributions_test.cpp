#include "stats/distributions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::LoadStatsFixture;

// |actual - expected| <= tolerance * |expected| (relative), with an absolute floor for
// values that are 0.
void ExpectRelativeNear(double actual, double expected, double tolerance, const std::string& what) {
  const double scale = std::max(std::abs(expected), std::numeric_limits<double>::min());
  EXPECT_LE(std::abs(actual - expected), tolerance * scale)
      << what << ": actual " << actual << ", expected " << expected;
}

TEST(StatsDistributionsTest, NormalQuantileMatchesScipyNdtri) {
  const auto fixture = LoadStatsFixture("distributions.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["normal_quantile"]) {
    const double p = row["p"];
    const double expected = row["x"];
    const double actual = NormalQuantile(p);
    // The contract: |error| < 1e-14, relative to |x| beyond 1.
    EXPECT_LE(std::abs(actual - expected), 1e-14 * std::max(1.0, std::abs(expected)))
        << "p = " << p << ": actual " << actual << ", expected " << expected;
  }
}

TEST(StatsDistributionsTest, NormalQuantileEdges) {
  EXPECT_EQ(NormalQuantile(0), -std::numeric_limits<double>::infinity());
  EXPECT_EQ(NormalQuantile(1), std::numeric_limits<double>::infinity());
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(std::nan(""))));
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
  // Subnormal p: no refinement possible, still finite and ordered.
  const double tiny = NormalQuantile(4.9e-324);
  EXPECT_TRUE(std::isfinite(tiny));
  EXPECT_LT(tiny, NormalQuantile(2.2250738585072014e-308));
  // Symmetry and round trip.
  for (double p : {1e-12, 0.001, 0.1, 0.3, 0.45}) {
    EXPECT_EQ(NormalQuantile(1 - p), -NormalQuantile(1 - (1 - p)));
    // x = NormalQuantile(p) is rounded, and the relative slope of the CDF there is about |x|.
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-14 * p);
  }
}

TEST(StatsDistributionsTest, NormalCdfAndSfMatchScipy) {
  const auto fixture = LoadStatsFixture("distributions.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["normal"]) {
    const double x = row["x"];
    // Both ours and SciPy's are erfc of the rounded x / sqrt(2), whose rounding alone moves
    // the tail by a relative x^2 * 1.1e-16 (1.5e-13 at x = 37): that is the tolerance.
    const double tolerance = std::max(1e-15, 4e-16 * x * x);
    const double cdf = row["cdf"];
    const double sf = row["sf"];
    // Below 1e-300 (subnormals) SciPy underflows to 0 a little earlier than erfc does.
    if (cdf > 1e-300) {
      ExpectRelativeNear(NormalCdf(x), cdf, tolerance, "cdf(" + std::to_string(x) + ")");
    } else {
      EXPECT_LE(NormalCdf(x), 1e-300);
    }
    if (sf > 1e-300) {
      ExpectRelativeNear(NormalSf(x), sf, tolerance, "sf(" + std::to_string(x) + ")");
    } else {
      EXPECT_LE(NormalSf(x), 1e-300);
    }
  }
}

TEST(StatsDistributionsTest, BinomialCdfMatchesScipy) {
  const auto fixture = LoadStatsFixture("distributions.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["binomial_cdf"]) {
    const size_t k = row["k"];
    const size_t n = row["n"];
    const double p = row["p"];
    // lgamma-based: relative error about 1e-16 * n log n (see the header).
    const double tolerance = n <= 100 ? 2e-13 : n <= 1000 ? 2e-12 : 2e-11;
    ExpectRelativeNear(
        BinomialCdf(k, n, p), row["cdf"], tolerance,
        "cdf(" + std::to_string(k) + "; " + std::to_string(n) + ", " + std::to_string(p) + ")");
  }
  EXPECT_EQ(BinomialCdf(3, 3, 0.5), 1.0);
  EXPECT_EQ(BinomialCdf(0, 4, 0.0), 1.0);
  EXPECT_EQ(BinomialCdf(3, 4, 1.0), 0.0);
  EXPECT_TRUE(std::isnan(BinomialCdf(1, 4, 1.5)));
}

TEST(StatsDistributionsTest, SignTestMatchesScipyBinomtest) {
  const auto fixture = LoadStatsFixture("distributions.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["sign_test"]) {
    const size_t k = row["k"];
    const size_t n = row["n"];
    const double tolerance = n <= 100 ? 2e-13 : 2e-12;
    ExpectRelativeNear(BinomialTwoSidedPValue(k, n), row["p_value"], tolerance,
                       "binomtest(" + std::to_string(k) + ", " + std::to_string(n) + ")");
  }
  EXPECT_EQ(BinomialTwoSidedPValue(0, 0), 1.0);
  EXPECT_TRUE(std::isnan(BinomialTwoSidedPValue(5, 4)));
  // Hand value: 2 * (1 + 10) / 1024.
  EXPECT_NEAR(BinomialTwoSidedPValue(1, 10), 22.0 / 1024.0, 1e-16);
}

TEST(StatsDistributionsTest, ChiSquare1SfMatchesScipy) {
  const auto fixture = LoadStatsFixture("distributions.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["chi_square_1"]) {
    const double x = row["x"];
    ExpectRelativeNear(ChiSquare1Sf(x), row["sf"], 1e-13, "chi2.sf(" + std::to_string(x) + ")");
  }
  EXPECT_EQ(ChiSquare1Sf(-1), 1.0);
  EXPECT_NEAR(ChiSquare1Sf(3.841458820694124), 0.05, 1e-15);
}

}  // namespace
}  // namespace foresight::stats
