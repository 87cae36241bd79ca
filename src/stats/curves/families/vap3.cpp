// vap3: the vapour-pressure curve, exp(a + b / u + c log u): its log is linear in 1/u and
// log u. With c < 0 it falls to 0 at infinite data.
#include <algorithm>
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Vap3 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return exp(p[0] + p[1] / u + p[2] * std::log(u));
  }
};

}  // namespace

Family MakeVap3() {
  Family f;
  f.name = "vap3";
  f.formula = "exp(a + b / u + c * log(u))";
  f.params = 3;
  f.names = {"a", "b", "c"};
  f.lower = {-20, -1, -4, 0};
  f.upper = {5, 1, 0, 0};
  f.starts = [](const CurveData& data, size_t n) {
    // The least-squares fit of log(loss), on points with a positive loss.
    CurveData positive;
    for (size_t i = 0; i < n; ++i) {
      positive.u.push_back(data.u[i]);
      positive.x.push_back(data.x[i]);
      positive.y.push_back(std::log(std::max(data.y[i], 1e-6)));
      positive.weight.push_back(1);
    }
    const auto coef = LinearLeastSquares(positive, n, [](double u, double) {
      return std::array<double, 3>{1, 1 / u, std::log(u)};
    });
    return std::vector<Params>{{coef[0], coef[1], coef[2], 0}, {coef[0], 0, -0.5, 0}};
  };
  f.asymptote = [](const double* p) { return p[2] < 0 ? 0.0 : std::exp(p[0]); };
  return MakeFamily<Vap3>(f);
}

}  // namespace foresight::stats::curves::families
