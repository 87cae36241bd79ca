// wbl4: the Weibull curve, c + b exp(-a u^d): from c + b (no data) to c (infinite data),
// with a stretched-exponential bend.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Wbl4 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[2] + p[1] * exp(-p[0] * pow(T(u), p[3]));
  }
};

}  // namespace

Family MakeWbl4() {
  Family f;
  f.name = "wbl4";
  f.formula = "c + b * exp(-a * u^d)";
  f.params = 4;
  f.names = {"a", "b", "c", "d"};
  f.lower = {1e-4, 0, 0, 0.05};
  f.upper = {1e5, 10, 1.5, 4};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    const double c = 0.9 * s.y_min;
    std::vector<Params> starts;
    for (const double d : {0.3, 1.0}) {
      starts.push_back({std::log(2.0) / std::pow(s.u_mid, d), 1.2 * s.y_first - c, c, d});
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[2]; };
  return MakeFamily<Wbl4>(f);
}

}  // namespace foresight::stats::curves::families
