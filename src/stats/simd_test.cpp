#include "stats/simd.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "stats/resample.hpp"

namespace foresight::stats::simd {
namespace {

// Restores the default choice when a test ends.
class SimdTest : public ::testing::Test {
 protected:
  void TearDown() override { ForceLevelForTesting(Level::kBest); }
  // The levels this CPU and build can run.
  static std::vector<Level> Available() {
    std::vector<Level> levels;
    for (const Level level : {Level::kScalar, Level::kSse2, Level::kAvx2}) {
      if (ForceLevelForTesting(level)) levels.push_back(level);
    }
    ForceLevelForTesting(Level::kBest);
    return levels;
  }
};

TEST_F(SimdTest, ScalarIsAlwaysAvailable) {
  EXPECT_TRUE(ForceLevelForTesting(Level::kScalar));
  EXPECT_FALSE(Available().empty());
}

TEST_F(SimdTest, PoissonFrom16AgreesWithTheScalarDrawOnEveryInput) {
  std::vector<uint16_t> u(65536 + 37);  // every 16-bit value, then a ragged tail
  for (size_t i = 0; i < u.size(); ++i) u[i] = static_cast<uint16_t>(i * 40503U);
  for (const Level level : Available()) {
    ASSERT_TRUE(ForceLevelForTesting(level));
    std::vector<uint8_t> out(u.size(), 0xFF);
    PoissonFrom16(u.data(), u.size(), out.data());
    for (size_t i = 0; i < u.size(); ++i) {
      ASSERT_EQ(out[i], Resample::PoissonOne16(u[i]))
          << "level " << static_cast<int>(level) << ", u = " << u[i];
    }
  }
}

TEST_F(SimdTest, WeightedSumIsBitIdenticalAtEveryLevel) {
  for (const size_t len : {0UL, 1UL, 7UL, 8UL, 9UL, 2048UL, 2053UL}) {
    std::vector<uint8_t> counts(len);
    std::vector<double> v(len);
    for (size_t i = 0; i < len; ++i) {
      counts[i] = static_cast<uint8_t>(Resample::Mix(i) % 9);
      v[i] = std::log1p(static_cast<double>(Resample::Mix(i + 77) >> 11U) * 0x1.0p-53) * 3.7;
    }
    // The definition: eight interleaved partial sums, multiply then add.
    double expected[8] = {0.5, -1, 0, 0, 0, 0, 0, 2};  // accumulates into what is there
    uint64_t expected_total = 5;
    for (size_t i = 0; i < len; ++i) {
      const double product = static_cast<double>(counts[i]) * v[i];
      expected[i % 8] += product;
      expected_total += counts[i];
    }
    for (const Level level : Available()) {
      ASSERT_TRUE(ForceLevelForTesting(level));
      double acc[8] = {0.5, -1, 0, 0, 0, 0, 0, 2};
      uint64_t total = 5;
      WeightedSum8(counts.data(), v.data(), len, acc, total);
      EXPECT_EQ(total, expected_total) << len;
      for (size_t k = 0; k < 8; ++k) {
        EXPECT_EQ(std::memcmp(&acc[k], &expected[k], sizeof(double)), 0)
            << "level " << static_cast<int>(level) << ", len " << len << ", sum " << k << ": "
            << acc[k] << " vs " << expected[k];
      }
    }
  }
}

}  // namespace
}  // namespace foresight::stats::simd
