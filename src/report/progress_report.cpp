#include "report/progress_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace foresight::report {

std::string RoughDuration(double seconds) {
  if (!(seconds >= 0) || !std::isfinite(seconds)) return "?";
  if (seconds < 90) return fmt::format("{} s", std::max<long>(1, std::lround(seconds)));
  const long minutes = std::lround(seconds / 60);
  if (minutes < 90) return fmt::format("{} min", minutes);
  return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

std::string RenderProgressLine(std::string_view command, const Progress::Snapshot& snapshot,
                               double elapsed_seconds, size_t width) {
  constexpr size_t kBar = 20;
  const double fraction = snapshot.Fraction();
  const auto filled = static_cast<size_t>(fraction * kBar);
  // Rounded down: 100% only when everything is done.
  const auto percent = static_cast<int>(fraction * 100);
  std::string line = fmt::format("{} {:3d}% [{}{}]", command, percent, std::string(filled, '#'),
                                 std::string(kBar - filled, ' '));
  if (!snapshot.subject.empty()) line += " " + snapshot.subject;
  // The pace is known once a few percent are done; before that a guess would jump about.
  if (fraction >= 0.03 && fraction < 1 && elapsed_seconds >= 1) {
    const double left = elapsed_seconds * (1 - fraction) / fraction;
    line += fmt::format(", about {} left", RoughDuration(left));
  }
  // Cut at `width` code points (UTF-8 continuation bytes do not start one).
  size_t points = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0U) != 0x80U && ++points > width) {
      line.resize(i);
      break;
    }
  }
  return line;
}

std::string RenderProbeProgressLine(std::string_view learner, long long size, size_t done,
                                    size_t total, double seconds) {
  if (learner.empty()) {
    return fmt::format("probe: {} fits done ({:.0f} s); measuring intervals, curves and forecasts",
                       total, seconds);
  }
  const int percent = total > 0 ? static_cast<int>(100 * done / total) : 100;
  return fmt::format("probe: {:3d}% ({}/{} fits, {:.0f} s) {} on {} examples", percent, done, total,
                     seconds, learner, size);
}

}  // namespace foresight::report
