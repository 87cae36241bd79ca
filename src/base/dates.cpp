#include "base/dates.hpp"

#include <charconv>

namespace foresight {
namespace {

bool Leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && Leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

// Counts whole 400-year eras (146,097 days each) from 0000-03-01, so February's length
// falls at the end of the counted year.
int64_t DayNumber(int year, int month, int day) {
  const int64_t y = static_cast<int64_t>(year) - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t m = month > 2 ? month - 3 : month + 9;
  const int64_t day_of_year = (153 * m + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

std::optional<int64_t> ParseDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    const char* first = text.data() + starts[i];
    const char* last = first + lengths[i];
    for (const char* c = first; c != last; ++c) {
      if (*c < '0' || *c > '9') return std::nullopt;
    }
    std::from_chars(first, last, parts[i]);
  }
  if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1 || parts[2] > DaysIn(parts[0], parts[1])) {
    return std::nullopt;
  }
  return DayNumber(parts[0], parts[1], parts[2]);
}

std::string FormatDay(int64_t day) {
  const int64_t z = day + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t day_of_era = z - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;
  const int64_t d = day_of_year - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = year_of_era + era * 400 + (m <= 2 ? 1 : 0);
  std::string out = std::to_string(y);
  if (y >= 0 && y < 1000) out.insert(0, 4 - out.size(), '0');
  const auto two = [](int64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return out + "-" + two(m) + "-" + two(d);
}

}  // namespace foresight
