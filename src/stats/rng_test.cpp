#include "stats/rng.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace foresight::stats {
namespace {

// Known-answer vectors of Philox4x32-10 from the Random123 distribution (kat_vectors).
TEST(CounterRngTest, PhiloxKnownAnswers) {
  EXPECT_EQ(CounterRng::Block({0, 0, 0, 0}, {0, 0}),
            (std::array<uint32_t, 4>{0x6627e8d5U, 0xe169c58dU, 0xbc57ac4cU, 0x9b00dbd8U}));
  EXPECT_EQ(CounterRng::Block({0xffffffffU, 0xffffffffU, 0xffffffffU, 0xffffffffU},
                              {0xffffffffU, 0xffffffffU}),
            (std::array<uint32_t, 4>{0x408f276dU, 0x41c83b0eU, 0xa20bc7c6U, 0x6d5451fdU}));
  EXPECT_EQ(CounterRng::Block({0x243f6a88U, 0x85a308d3U, 0x13198a2eU, 0x03707344U},
                              {0xa4093822U, 0x299f31d0U}),
            (std::array<uint32_t, 4>{0xd16cfe09U, 0x94fdccebU, 0x5001e420U, 0x24126ea1U}));
}

TEST(CounterRngTest, StreamsAreReproducibleAndDistinct) {
  CounterRng a(42, 7);
  CounterRng b(42, 7);
  CounterRng c(42, 8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const uint32_t x = a.Next32();
    EXPECT_EQ(x, b.Next32());
    differs = differs || x != c.Next32();
  }
  EXPECT_TRUE(differs);
}

TEST(CounterRngTest, BelowIsUniform) {
  CounterRng rng(1, 0);
  std::vector<int> counts(10, 0);
  constexpr int kDraws = 100000;
  for (int i = 0; i < kDraws; ++i) ++counts[rng.Below(10)];
  for (int count : counts) {
    // 10,000 expected; 5 standard deviations is about 475.
    EXPECT_NEAR(count, kDraws / 10, 475);
  }
  for (int i = 0; i < 1000; ++i) {
    const double u = rng.NextDouble();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
}

}  // namespace
}  // namespace foresight::stats
