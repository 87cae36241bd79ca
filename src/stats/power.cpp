#include "stats/power.hpp"

#include <cmath>
#include <limits>

#include "stats/distributions.hpp"

namespace foresight::stats {

size_t ExamplesToResolve(double difference, double standard_error, size_t n, double confidence,
                         double power) {
  constexpr size_t kNever = std::numeric_limits<size_t>::max();
  if (std::isnan(difference) || difference == 0 || std::isnan(standard_error)) return kNever;
  const double z = NormalQuantile((1 + confidence) / 2) + NormalQuantile(power);
  const double ratio = z * std::abs(standard_error) / std::abs(difference);
  const double needed = std::ceil(static_cast<double>(n) * ratio * ratio);
  // 2^64 as a double; anything at or above it does not fit in size_t.
  if (!(needed < 18446744073709551616.0)) return kNever;
  return static_cast<size_t>(needed);
}

}  // namespace foresight::stats
