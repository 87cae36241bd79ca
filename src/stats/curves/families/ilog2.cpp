// ilog2: a loss falling with the inverse logarithm of the size, c + a / log(x): slow, and
// with a floor c.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Ilog2 {
  template <typename T>
  static T Eval(double /*u*/, double x, const T* p) {
    return p[1] + p[0] / std::log(x);
  }
};

}  // namespace

Family MakeIlog2() {
  Family f;
  f.name = "ilog2";
  f.formula = "c + a / log(size)";
  f.params = 2;
  f.names = {"a", "c"};
  f.lower = {0, 0, 0, 0};
  f.upper = {100, 1.5, 0, 0};
  f.starts = [](const CurveData& data, size_t n) {
    const auto coef = LinearLeastSquares(data, n, [](double, double x) {
      return std::array<double, 2>{1 / std::log(x), 1};
    });
    return std::vector<Params>{{coef[0], coef[1], 0, 0}};
  };
  f.asymptote = [](const double* p) { return p[1]; };
  return MakeFamily<Ilog2>(f);
}

}  // namespace foresight::stats::curves::families
