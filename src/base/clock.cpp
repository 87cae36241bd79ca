#include "base/clock.hpp"

#include <ctime>

namespace foresight {

std::string SystemClock::NowIso8601() const {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[32];
  const size_t size = std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return std::string(buffer, size);
}

}  // namespace foresight
