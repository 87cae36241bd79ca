#include "stats/resample.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

namespace foresight::stats {
namespace {

TEST(ResampleTest, PoissonCountsHaveThePoissonOneDistribution) {
  const Resample r = Resample::Poisson(11, 3);
  std::array<int, 8> counts{};
  constexpr int kN = 1'000'000;
  for (int id = 0; id < kN; ++id)
    ++counts[std::min<uint32_t>(r.Count(static_cast<uint64_t>(id)), 7)];
  double factorial = 1;
  for (int k = 0; k < 6; ++k) {
    if (k > 0) factorial *= k;
    const double expected = kN * std::exp(-1.0) / factorial;
    // Five standard deviations of a binomial count.
    EXPECT_NEAR(counts[static_cast<size_t>(k)], expected, 5 * std::sqrt(expected) + 1) << "k=" << k;
  }
}

TEST(ResampleTest, CountsDependOnlyOnSeedResampleAndId) {
  EXPECT_EQ(Resample::Poisson(1, 2).Count(12345), Resample::Poisson(1, 2).Count(12345));
  int differ = 0;
  for (uint64_t id = 0; id < 1000; ++id) {
    differ += Resample::Poisson(1, 2).Count(id) != Resample::Poisson(1, 3).Count(id) ? 1 : 0;
  }
  EXPECT_GT(differ, 300);
  EXPECT_EQ(Resample::All().Count(99), 1u);
}

TEST(ResampleTest, FillPoissonEqualsCountPerExample) {
  std::vector<uint8_t> counts(1003);
  Resample::FillPoisson(5, 9, counts);
  const Resample r = Resample::Poisson(5, 9);
  for (uint64_t id = 0; id < counts.size(); ++id) ASSERT_EQ(counts[id], r.Count(id)) << id;
  const Resample given = Resample::FromCounts(counts);
  EXPECT_EQ(given.Count(1002), counts[1002]);
}

TEST(ResampleTest, FillPoissonFromAnOffsetEqualsCountPerExample) {
  const Resample r = Resample::Poisson(5, 9);
  for (const uint64_t first : {0ULL, 4ULL, 2048ULL, 4096ULL}) {
    std::vector<uint8_t> counts(1001);
    Resample::FillPoisson(5, 9, first, counts);
    for (uint64_t i = 0; i < counts.size(); ++i) {
      ASSERT_EQ(counts[i], r.Count(first + i)) << first << " + " << i;
    }
  }
}

TEST(ResampleTest, LeaveGroupOutMatchesModulo) {
  for (const uint64_t groups : {1ULL, 2ULL, 7ULL, 1000ULL}) {
    for (uint64_t g = 0; g < std::min<uint64_t>(groups, 5); ++g) {
      const Resample r = Resample::LeaveGroupOut(g, groups);
      for (uint64_t id = 0; id < 5000; id += 7) {
        ASSERT_EQ(r.Count(id), id % groups == g ? 0u : 1u) << groups << " " << g << " " << id;
      }
      ASSERT_EQ(r.Count(4294967295ULL), 4294967295ULL % groups == g ? 0u : 1u);
    }
  }
}

TEST(ResampleTest, PoissonOne16InvertsTheCdf) {
  EXPECT_EQ(Resample::PoissonOne16(0), 0u);
  EXPECT_EQ(Resample::PoissonOne16(24108), 0u);
  EXPECT_EQ(Resample::PoissonOne16(24109), 1u);
  EXPECT_EQ(Resample::PoissonOne16(65535), 8u);
}

TEST(ResampleTest, PoissonOneInvertsTheCdf) {
  EXPECT_EQ(Resample::PoissonOne(0), 0u);
  EXPECT_EQ(Resample::PoissonOne(6786177901268885273ULL), 0u);
  EXPECT_EQ(Resample::PoissonOne(6786177901268885274ULL), 1u);
  EXPECT_EQ(Resample::PoissonOne(UINT64_MAX), 10u);
}

}  // namespace
}  // namespace foresight::stats
