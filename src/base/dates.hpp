// Calendar days: "YYYY-MM-DD" to a day number and back (proleptic Gregorian, UTC), for the
// plan's weeks and dates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace foresight {

// Days since 1970-01-01 of `year-month-day` (no validation).
int64_t DayNumber(int year, int month, int day);
// The day number of a date written YYYY-MM-DD; nullopt unless it is exactly that and a real
// calendar day.
std::optional<int64_t> ParseDay(std::string_view text);
// The date of a day number, as YYYY-MM-DD.
std::string FormatDay(int64_t day);

}  // namespace foresight
