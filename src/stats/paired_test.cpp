#include "stats/paired.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::DeclaredMeanKernel;
using testing::MeanKernel;
using testing::OpaqueKernel;

// Two models' per-example losses sharing most of their noise (hard examples are hard for
// both): b's loss is a's plus a small shift plus a little noise of its own.
struct Losses {
  std::vector<double> a;
  std::vector<double> b;
};

Losses CorrelatedLosses(size_t n, double shift) {
  Losses losses;
  for (size_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(Resample::Mix(i + 17) >> 11U) * 0x1.0p-53;
    const double v = static_cast<double>(Resample::Mix(i + 1000017) >> 11U) * 0x1.0p-53;
    losses.a.push_back(4 * u * u);
    losses.b.push_back(4 * u * u + shift + 0.2 * (v - 0.5));
  }
  return losses;
}

TEST(StatsPairedTest, PValueFormula) {
  // #(d <= 0) = 1, #(d >= 0) = 3, B = 4: 2 (1 + 1) / 5.
  const std::vector<double> mixed = {-1, 1, 2, 3};
  EXPECT_DOUBLE_EQ(PairedBootstrapPValue(mixed), 0.8);
  // All positive: the smallest p that B = 4 resamples can give, 2 / 5.
  const std::vector<double> positive = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(PairedBootstrapPValue(positive), 0.4);
  // Zeros count on both sides; capped at 1.
  const std::vector<double> zeros = {0, 0, 0};
  EXPECT_EQ(PairedBootstrapPValue(zeros), 1.0);
  EXPECT_EQ(PairedBootstrapPValue({}), 1.0);
}

TEST(StatsPairedTest, SwappingModelsNegatesDifferenceAndKeepsP) {
  const Losses losses = CorrelatedLosses(2000, 0.01);
  // Means declared as such: the bootstrap evaluates their difference in batches.
  const DeclaredMeanKernel a(losses.a, false);
  const DeclaredMeanKernel b(losses.b, false);
  for (const auto interval :
       {BootstrapOptions::Interval::kPercentile, BootstrapOptions::Interval::kBca}) {
    BootstrapOptions options;
    options.resamples = 400;
    options.seed = 3;
    options.interval = interval;
    const auto ab = PairedBootstrap(a, b, 2000, options);
    const auto ba = PairedBootstrap(b, a, 2000, options);
    ASSERT_TRUE(ab.has_value() && ba.has_value());
    // x - y = -(y - x) exactly in IEEE arithmetic; the interpolated bounds to rounding.
    EXPECT_EQ(ab->difference, -ba->difference);
    EXPECT_NEAR(ab->lower, -ba->upper, 1e-12);
    EXPECT_NEAR(ab->upper, -ba->lower, 1e-12);
    EXPECT_EQ(ab->p_value, ba->p_value);
    EXPECT_EQ(ab->standard_error, ba->standard_error);
    EXPECT_EQ(ab->resamples_used, ba->resamples_used);
  }
}

TEST(StatsPairedTest, DifferenceOfDeclaredMeansAgreesWithTheGeneralPath) {
  const Losses losses = CorrelatedLosses(3001, 0.02);
  const DeclaredMeanKernel a(losses.a, false);
  const DeclaredMeanKernel b(losses.b, false);
  const OpaqueKernel opaque_a(a);
  const OpaqueKernel opaque_b(b);
  BootstrapOptions options;
  options.resamples = 200;
  options.seed = 8;
  const auto batched = PairedBootstrap(a, b, 3001, options);
  const auto general = PairedBootstrap(opaque_a, opaque_b, 3001, options);
  ASSERT_TRUE(batched.has_value() && general.has_value());
  EXPECT_EQ(batched->difference, general->difference);
  EXPECT_NEAR(batched->lower, general->lower, 1e-12);
  EXPECT_NEAR(batched->upper, general->upper, 1e-12);
  EXPECT_EQ(batched->p_value, general->p_value);
  EXPECT_NEAR(batched->standard_error, general->standard_error, 1e-12);
}

TEST(StatsPairedTest, PairingResolvesWhatSeparateIntervalsCannot) {
  const size_t n = 3000;
  const Losses losses = CorrelatedLosses(n, 0.02);
  const MeanKernel a(losses.a);
  const MeanKernel b(losses.b);
  BootstrapOptions options;
  options.resamples = 500;
  const auto paired = PairedBootstrap(a, b, n, options);
  const auto alone_a = BootstrapInterval(a, n, options);
  const auto alone_b = BootstrapInterval(b, n, options);
  ASSERT_TRUE(paired.has_value() && alone_a.has_value() && alone_b.has_value());
  // Separately, the intervals overlap: no verdict.
  EXPECT_LT(alone_b->lower, alone_a->upper);
  // Paired, the shared noise cancels: b is worse, clearly.
  EXPECT_NEAR(paired->difference, alone_b->estimate - alone_a->estimate, 1e-12);
  EXPECT_GT(paired->lower, 0);
  EXPECT_LT(paired->p_value, 0.01);
  EXPECT_LT(paired->standard_error, alone_a->standard_error / 5);
}

TEST(StatsPairedTest, IdenticalModelsGiveZeroAndPOne) {
  const Losses losses = CorrelatedLosses(500, 0);
  const MeanKernel a(losses.a);
  const MeanKernel same(losses.a);
  const auto result = PairedBootstrap(a, same, 500, BootstrapOptions{});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->difference, 0);
  EXPECT_EQ(result->lower, 0);
  EXPECT_EQ(result->upper, 0);
  EXPECT_EQ(result->p_value, 1);
}

TEST(StatsPairedTest, IdenticalForAnyThreadCount) {
  const Losses losses = CorrelatedLosses(1500, 0.005);
  const MeanKernel a(losses.a);
  const MeanKernel b(losses.b);
  BootstrapOptions options;
  options.resamples = 200;
  options.threads = 1;
  const auto one = PairedBootstrap(a, b, 1500, options);
  options.threads = 7;
  const auto seven = PairedBootstrap(a, b, 1500, options);
  ASSERT_TRUE(one.has_value() && seven.has_value());
  EXPECT_EQ(one->lower, seven->lower);
  EXPECT_EQ(one->upper, seven->upper);
  EXPECT_EQ(one->p_value, seven->p_value);
}

TEST(StatsPairedTest, FailsWithContext) {
  const MeanKernel a({1, 2});
  const MeanKernel b({1, 2});
  const auto result = PairedBootstrap(a, b, 0, BootstrapOptions{});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().message().rfind("paired comparison: ", 0), 0U);
}

}  // namespace
}  // namespace foresight::stats
