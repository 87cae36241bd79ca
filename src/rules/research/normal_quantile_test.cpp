#include "rules/research/normal_quantile.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace foresight::rules {
namespace {

TEST(NormalQuantileTest, MatchesKnownValues) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.995), 2.5758293035489, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.9), 1.2815515655446008, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.8), 0.8416212335729144, 1e-12);
  EXPECT_EQ(NormalQuantile(0.5), 0.0);
}

TEST(NormalQuantileTest, AccurateInTheTailsAndAtTheRegionBoundaries) {
  EXPECT_NEAR(NormalQuantile(0.001), -3.090232306167813, 1e-12);
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-10);
  EXPECT_NEAR(NormalQuantile(0.02425), -1.9729610513118845, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.97575), 1.9729610513118847, 1e-12);
}

TEST(NormalQuantileTest, IsSymmetric) {
  for (double p : {0.01, 0.1, 0.3, 0.45}) {
    EXPECT_NEAR(NormalQuantile(p), -NormalQuantile(1 - p), 1e-12) << p;
  }
}

TEST(NormalQuantileTest, HandlesTheEdges) {
  EXPECT_TRUE(std::isinf(NormalQuantile(0)) && NormalQuantile(0) < 0);
  EXPECT_TRUE(std::isinf(NormalQuantile(1)) && NormalQuantile(1) > 0);
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.5)));
}

TEST(NormalQuantileTest, TwoSidedCriticalValues) {
  EXPECT_NEAR(TwoSidedZ(0.95), 1.959963984540054, 1e-12);
  EXPECT_NEAR(TwoSidedZ(0.99), 2.5758293035489, 1e-12);
}

}  // namespace
}  // namespace foresight::rules
