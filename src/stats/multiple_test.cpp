#include "stats/multiple.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::LoadStatsFixture;

TEST(StatsHolmTest, MatchesTextbookFormula) {
  const auto fixture = LoadStatsFixture("holm.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["cases"]) {
    const auto p = row["p"].get<std::vector<double>>();
    const auto expected = row["adjusted"].get<std::vector<double>>();
    const std::vector<double> adjusted = HolmAdjust(p);
    ASSERT_EQ(adjusted.size(), expected.size());
    for (size_t i = 0; i < p.size(); ++i) {
      // Same products, same maxima: equal to the last bit.
      EXPECT_EQ(adjusted[i], expected[i]) << "p[" << i << "] = " << p[i];
    }
  }
}

TEST(StatsHolmTest, WorkedExample) {
  // Sorted: 0.005 * 4 = 0.02, 0.01 * 3 = 0.03, 0.03 * 2 = 0.06, 0.04 * 1 = 0.04 -> 0.06.
  const std::vector<double> p = {0.01, 0.04, 0.03, 0.005};
  const std::vector<double> adjusted = HolmAdjust(p);
  EXPECT_DOUBLE_EQ(adjusted[0], 0.03);
  EXPECT_DOUBLE_EQ(adjusted[1], 0.06);
  EXPECT_DOUBLE_EQ(adjusted[2], 0.06);
  EXPECT_DOUBLE_EQ(adjusted[3], 0.02);
}

TEST(StatsHolmTest, NaNStaysAndIsNotCounted) {
  const std::vector<double> p = {0.01, std::nan(""), 0.02};
  const std::vector<double> adjusted = HolmAdjust(p);
  EXPECT_DOUBLE_EQ(adjusted[0], 0.02);
  EXPECT_TRUE(std::isnan(adjusted[1]));
  EXPECT_DOUBLE_EQ(adjusted[2], 0.02);
  EXPECT_TRUE(HolmAdjust({}).empty());
}

}  // namespace
}  // namespace foresight::stats
