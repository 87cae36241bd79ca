// log2: a loss falling by the same amount per doubling of data, c - a log(u). It has no
// floor: it falls forever, so it says nothing about the asymptote (NaN), and its forecasts
// are cut at 0 by the forecaster.
#include <cmath>

#include "stats/curves/families/families.hpp"

namespace foresight::stats::curves::families {
namespace {

struct Log2 {
  template <typename T>
  static T Eval(double u, double /*x*/, const T* p) {
    return p[1] - p[0] * std::log(u);
  }
};

}  // namespace

Family MakeLog2() {
  Family f;
  f.name = "log2";
  f.formula = "c - a * log(u)";
  f.params = 2;
  f.names = {"a", "c"};
  f.lower = {0, -5, 0, 0};
  f.upper = {2, 5, 0, 0};
  f.starts = [](const CurveData& data, size_t n) {
    // Linear in (1, -log u): the least-squares line is the start.
    const auto coef = LinearLeastSquares(data, n, [](double u, double) {
      return std::array<double, 2>{-std::log(u), 1};
    });
    return std::vector<Params>{{coef[0], coef[1], 0, 0}};
  };
  f.asymptote = [](const double*) { return std::nan(""); };
  return MakeFamily<Log2>(f);
}

}  // namespace foresight::stats::curves::families
