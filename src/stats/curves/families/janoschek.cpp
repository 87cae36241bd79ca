// janoschek: a - (a - b) exp(-c u^d), the Weibull shape written with its two ends as
// parameters: b with no data, a with infinite data. Bounding the ends directly makes its
// fits behave differently from wbl4's on short curves.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Janoschek {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[0] - (p[0] - p[1]) * exp(-p[2] * pow(T(u), p[3]));
  }
};

}  // namespace

Family MakeJanoschek() {
  Family f;
  f.name = "janoschek";
  f.formula = "a - (a - b) * exp(-c * u^d)";
  f.params = 4;
  f.names = {"a", "b", "c", "d"};
  f.lower = {0, 0, 1e-4, 0.05};
  f.upper = {1.5, 10, 1e5, 4};
  f.starts = [](const CurveData& data, size_t n) {
    const Summary s = Summarize(data, n);
    std::vector<Params> starts;
    for (const double d : {0.5, 1.5}) {
      starts.push_back({0.9 * s.y_min, 1.2 * s.y_first, std::log(2.0) / std::pow(s.u_mid, d), d});
    }
    return starts;
  };
  f.asymptote = [](const double* p) { return p[0]; };
  return MakeFamily<Janoschek>(f);
}

}  // namespace foresight::stats::curves::families
