#include "stats/poisson.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace foresight::stats {
namespace {

TEST(SamplePoissonTest, MeanAndVarianceMatchForSmallAndLargeMeans) {
  for (const double mean : {0.3, 1.0, 7.5, 12.0, 250.0, 1e6}) {
    CounterRng rng(17, static_cast<uint64_t>(mean * 10));
    constexpr int kDraws = 200000;
    double sum = 0;
    double squares = 0;
    for (int i = 0; i < kDraws; ++i) {
      const auto x = static_cast<double>(SamplePoisson(rng, mean));
      sum += x;
      squares += x * x;
    }
    const double m = sum / kDraws;
    const double variance = squares / kDraws - m * m;
    // The sample mean's standard error is sqrt(mean / draws); allow 5 of them.
    EXPECT_NEAR(m, mean, 5 * std::sqrt(mean / kDraws)) << "mean " << mean;
    // The sample variance's relative standard error is about sqrt(2 / draws) for large means.
    EXPECT_NEAR(variance / mean, 1.0, 5 * std::sqrt(2.0 / kDraws) + 5 / std::sqrt(mean * kDraws))
        << "mean " << mean;
  }
}

TEST(SamplePoissonTest, ZeroMeanIsZeroAndDrawsAreReproducible) {
  CounterRng rng(1, 1);
  EXPECT_EQ(SamplePoisson(rng, 0), 0u);
  CounterRng a(3, 4);
  CounterRng b(3, 4);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(SamplePoisson(a, 40.0), SamplePoisson(b, 40.0));
}

}  // namespace
}  // namespace foresight::stats
