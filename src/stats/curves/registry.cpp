#include <algorithm>
#include <cmath>
#include <vector>

#include "stats/curves/families/families.hpp"
#include "stats/curves/family.hpp"

namespace foresight::stats::curves {

std::span<const Family> Families() {
  static const std::vector<Family> all = {
      families::MakePow3(),  families::MakePow4(), families::MakeLog2(),
      families::MakeIlog2(), families::MakeExp3(), families::MakeMmf4(),
      families::MakeWbl4(),  families::MakeVap3(), families::MakeJanoschek(),
  };
  return all;
}

const Family* FindFamily(std::string_view name) {
  for (const Family& f : Families()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

Params Clamp(const Family& family, Params p) {
  for (size_t j = 0; j < kMaxParams; ++j) {
    p[j] = j < family.params ? std::clamp(p[j], family.lower[j], family.upper[j]) : 0.0;
  }
  return p;
}

Summary Summarize(const CurveData& data, size_t n) {
  Summary s;
  if (n == 0) return s;
  // Mean loss at the first and at the last size (several points may share a size).
  const auto mean_at = [&](double u) {
    double sum = 0;
    size_t count = 0;
    for (size_t i = 0; i < n; ++i) {
      if (data.u[i] == u) {
        sum += data.y[i];
        ++count;
      }
    }
    return sum / static_cast<double>(count);
  };
  s.u_first = data.u[0];
  s.u_last = data.u[n - 1];
  s.y_first = mean_at(s.u_first);
  s.y_last = mean_at(s.u_last);
  s.y_min = *std::min_element(data.y.begin(), data.y.begin() + static_cast<std::ptrdiff_t>(n));
  // The first size where the loss has come halfway from the first value to the last; the
  // geometric middle of the sizes when the curve does not fall.
  s.u_mid = std::sqrt(s.u_first * s.u_last);
  const double half = (s.y_first + s.y_last) / 2;
  if (s.y_first > s.y_last) {
    for (size_t i = 0; i < n; ++i) {
      if (data.y[i] <= half) {
        s.u_mid = data.u[i];
        break;
      }
    }
  }
  s.u_mid = std::max(s.u_mid, 1e-12);
  return s;
}

}  // namespace foresight::stats::curves
