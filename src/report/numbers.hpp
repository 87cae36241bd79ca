// Number formatting and column widths shared by the renderers. Internal to report: not part of
// its interface.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/strings.hpp"

namespace foresight::report {

// A JSON number, or null for NaN and the infinities (JSON has neither).
inline nlohmann::ordered_json JsonNumber(double v) {
  return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

// Four decimals: 0.8123; "n/a" when not finite.
inline std::string Number(double v) { return std::isfinite(v) ? fmt::format("{:.4f}", v) : "n/a"; }

// A share as a whole percentage: 0.954 -> 95.
inline int Percent(double share) { return static_cast<int>(std::lround(share * 100)); }

// A count with its noun: "1 run", "3 runs".
inline std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

// The width of a text column: `minimum`, or the widest of `cell(row)` over `rows` (in code
// points, as fmt pads), so a long name widens its column instead of pushing the rest out of
// line.
template <typename Rows, typename Cell>
size_t ColumnWidth(size_t minimum, const Rows& rows, Cell cell) {
  size_t width = minimum;
  for (const auto& row : rows) {
    width = std::max(width, CodePoints(cell(row)));
  }
  return width;
}

}  // namespace foresight::report
