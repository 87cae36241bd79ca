// pow3: a power law falling to a floor, c + a u^-b. The classic learning curve; strong when
// little of the curve is seen.
#include <algorithm>
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Pow3 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[2] + p[0] * pow(T(u), -p[1]);
  }
};

}  // namespace

Params PowerStart(const Summary& s, double c, double d) {
  // The exponent that takes the loss above the floor c from the first point to the last.
  const double ratio = (s.y_first - c) / std::max(s.y_last - c, 1e-12);
  const double span = std::log(s.u_last / s.u_first);
  const double b =
      !(ratio > 1) || !(span > 0) ? 0.5 : std::clamp(std::log(ratio) / span, 0.02, 3.0);
  return {(s.y_last - c) * std::pow(s.u_last + d, b), b, c, d};
}

Family MakePow3() {
  Family f;
  f.name = "pow3";
  f.formula = "c + a * u^(-b)";
  f.params = 3;
  f.names = {"a", "b", "c"};
  f.lower = {0, 0.01, 0, 0};
  f.upper = {10, 4, 1.5, 0};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    std::vector<Params> starts;
    for (const double c : {0.0, 0.5 * s.y_min, 0.9 * s.y_min}) {
      starts.push_back(PowerStart(s, c, 0));
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[2]; };
  return MakeFamily<Pow3>(f);
}

}  // namespace foresight::stats::curves::families
