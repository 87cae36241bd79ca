// exp3: an exponential decay to a floor, c + a exp(-b u): saturates fast, so it is the
// optimist among the families.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Exp3 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[2] + p[0] * exp(-p[1] * u);
  }
};

}  // namespace

Family MakeExp3() {
  Family f;
  f.name = "exp3";
  f.formula = "c + a * exp(-b * u)";
  f.params = 3;
  f.names = {"a", "b", "c"};
  f.lower = {0, 0.01, 0, 0};
  f.upper = {10, 1e4, 1.5, 0};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    const double c = 0.9 * s.y_min;
    std::vector<Params> starts;
    for (const double b : {std::log(2.0) / s.u_mid, 3 / s.u_last}) {
      starts.push_back({(s.y_first - c) * std::exp(b * s.u_first), b, c, 0});
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[2]; };
  return MakeFamily<Exp3>(f);
}

}  // namespace foresight::stats::curves::families
