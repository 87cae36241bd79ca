#include "stats/mcnemar.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::LoadStatsFixture;

TEST(StatsMcNemarTest, MatchesStatsmodelsDefinitions) {
  const auto fixture = LoadStatsFixture("mcnemar.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["cases"]) {
    const size_t b = row["b"];
    const size_t c = row["c"];
    SCOPED_TRACE("b = " + std::to_string(b) + ", c = " + std::to_string(c));
    const McNemarResult result = McNemar(b, c);
    EXPECT_EQ(result.b, b);
    EXPECT_EQ(result.c, c);
    EXPECT_EQ(result.method == McNemarResult::Method::kExactBinomial, row["exact"].get<bool>());
    EXPECT_DOUBLE_EQ(result.statistic, row["statistic"].get<double>());
    const double expected = row["p_value"];
    // Exact: lgamma-based binomial, n < 25 (relative 1e-13); chi-square: erfc (1e-13).
    EXPECT_NEAR(result.p_value, expected, 1e-13 * expected);
  }
}

TEST(StatsMcNemarTest, SwitchesToChiSquareAtTwentyFive) {
  EXPECT_EQ(McNemar(12, 12).method, McNemarResult::Method::kExactBinomial);
  EXPECT_EQ(McNemar(12, 13).method, McNemarResult::Method::kChiSquareCorrected);
  EXPECT_EQ(McNemar(0, 0).p_value, 1.0);
  // b = c = 50: statsmodels' corrected statistic is (0 - 1)^2 / 100, not 0.
  EXPECT_DOUBLE_EQ(McNemar(50, 50).statistic, 0.01);
  EXPECT_EQ(McNemar(3, 9).p_value, McNemar(9, 3).p_value);
}

TEST(StatsMcNemarTest, CountsDiscordantExamplesWithWeights) {
  const std::vector<uint8_t> a = {1, 1, 0, 0, 1, 0};
  const std::vector<uint8_t> b = {1, 0, 1, 0, 0, 1};
  const auto unweighted = CountDiscordant(a, b);
  ASSERT_TRUE(unweighted.has_value());
  EXPECT_EQ(unweighted->b, 2U);  // examples 1 and 4
  EXPECT_EQ(unweighted->c, 2U);  // examples 2 and 5
  const std::vector<uint32_t> weights = {9, 3, 1, 9, 0, 5};
  const auto weighted = CountDiscordant(a, b, weights);
  ASSERT_TRUE(weighted.has_value());
  EXPECT_EQ(weighted->b, 3U);
  EXPECT_EQ(weighted->c, 6U);
}

TEST(StatsMcNemarTest, RejectsMismatchedOrNonBinaryInput) {
  const std::vector<uint8_t> a = {1, 0};
  const std::vector<uint8_t> b = {1};
  EXPECT_FALSE(CountDiscordant(a, b).has_value());
  const std::vector<uint32_t> weights = {1};
  EXPECT_FALSE(CountDiscordant(a, a, weights).has_value());
  const std::vector<uint8_t> two = {2, 0};
  const auto bad = CountDiscordant(two, a);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace foresight::stats
