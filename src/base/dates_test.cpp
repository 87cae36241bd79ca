#include "base/dates.hpp"

#include <gtest/gtest.h>

namespace foresight {
namespace {

// Day numbers from Python: (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days
TEST(DatesTest, DayNumbersAgreeWithPython) {
  EXPECT_EQ(DayNumber(1970, 1, 1), 0);
  EXPECT_EQ(DayNumber(2000, 2, 29), 11016);
  EXPECT_EQ(DayNumber(2026, 12, 2), 20789);
  EXPECT_EQ(DayNumber(1969, 12, 31), -1);
  EXPECT_EQ(DayNumber(2100, 3, 1), 47541);
}

TEST(DatesTest, ParsesAndFormatsRealDaysOnly) {
  EXPECT_EQ(ParseDay("2026-12-02"), 20789);
  EXPECT_EQ(ParseDay("2024-02-29"), DayNumber(2024, 2, 29));
  EXPECT_FALSE(ParseDay("2023-02-29"));
  EXPECT_FALSE(ParseDay("2026-13-01"));
  EXPECT_FALSE(ParseDay("2026-1-01"));
  EXPECT_FALSE(ParseDay("2026-01-0x"));
  EXPECT_FALSE(ParseDay("+026-01-01"));
  for (int64_t day = DayNumber(1, 1, 1); day < 2900000; day += 997) {
    EXPECT_EQ(ParseDay(FormatDay(day)), day) << FormatDay(day);
  }
  EXPECT_EQ(FormatDay(20789), "2026-12-02");
}

}  // namespace
}  // namespace foresight
