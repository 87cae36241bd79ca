#include "stats/pert.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace foresight::stats {
namespace {

constexpr double kLambda = 4;
constexpr size_t kGrid = 1024;  // cells of the numerical CDF

bool Certain(const ThreePoint& e) { return !(e.pessimistic > e.optimistic); }

// The CDF of the standard beta on a grid of kGrid cells, by Simpson's rule on each cell:
// cdf[i] = P(X <= i / kGrid), normalised so cdf[kGrid] = 1.
// The continued fraction of the regularised incomplete beta function, by the modified Lentz
// method; converges quickly for x < (a + 1) / (a + b + 2).
double BetaContinuedFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  const auto guard = [](double v) { return std::abs(v) < kTiny ? kTiny : v; };
  double c = 1;
  double d = 1 / guard(1 - (a + b) * x / (a + 1));
  double h = d;
  for (int m = 1; m <= 500; ++m) {
    const double m2 = 2.0 * m;
    const double even = m * (b - m) * x / ((a - 1 + m2) * (a + m2));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    h *= d * c;
    const double odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1 + m2));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    const double step = d * c;
    h *= step;
    if (std::abs(step - 1) < 1e-15) break;
  }
  return h;
}

// P(X <= x) for X ~ Beta(a, b), x in [0, 1]: the regularised incomplete beta function.
double BetaCdf(const BetaShape& s, double x) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double a = s.alpha;
  const double b = s.beta;
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * BetaContinuedFraction(a, b, x) / a;
  return 1 - front * BetaContinuedFraction(b, a, 1 - x) / b;
}

// The CDF of the standard beta on a grid of kGrid cells.
std::vector<double> BetaCdfGrid(const BetaShape& s) {
  std::vector<double> cdf(kGrid + 1, 0.0);
  for (size_t i = 0; i <= kGrid; ++i) {
    cdf[i] = BetaCdf(s, static_cast<double>(i) / static_cast<double>(kGrid));
  }
  return cdf;
}

}  // namespace

double PertMean(const ThreePoint& e) {
  return (e.optimistic + kLambda * e.likely + e.pessimistic) / (kLambda + 2);
}

double PertVariance(const ThreePoint& e) {
  if (Certain(e)) return 0;
  const double mean = PertMean(e);
  return (mean - e.optimistic) * (e.pessimistic - mean) / (kLambda + 3);
}

BetaShape PertShape(const ThreePoint& e) {
  if (Certain(e)) return {};
  const double range = e.pessimistic - e.optimistic;
  return {1 + kLambda * (e.likely - e.optimistic) / range,
          1 + kLambda * (e.pessimistic - e.likely) / range};
}

double PertCdf(const ThreePoint& e, double x) {
  if (Certain(e)) return x < e.optimistic ? 0.0 : 1.0;
  if (x <= e.optimistic) return 0;
  if (x >= e.pessimistic) return 1;
  return BetaCdf(PertShape(e), (x - e.optimistic) / (e.pessimistic - e.optimistic));
}

PertSampler::PertSampler(const ThreePoint& e) : low_(e.optimistic) {
  if (Certain(e)) {
    constant_ = true;
    return;
  }
  const std::vector<double> cdf = BetaCdfGrid(PertShape(e));
  const double range = e.pessimistic - e.optimistic;
  // Walk the CDF grid once, inverting it at each tabulated probability.
  size_t cell = 0;
  for (size_t k = 0; k <= kQuantiles; ++k) {
    const double u = static_cast<double>(k) / static_cast<double>(kQuantiles);
    while (cell < kGrid - 1 && cdf[cell + 1] < u) ++cell;
    const double width = cdf[cell + 1] - cdf[cell];
    const double w = width > 0 ? std::clamp((u - cdf[cell]) / width, 0.0, 1.0) : 0.0;
    const double x = (static_cast<double>(cell) + w) / static_cast<double>(kGrid);
    table_[k] = e.optimistic + range * x;
  }
  table_[0] = e.optimistic;
  table_[kQuantiles] = e.pessimistic;
}

}  // namespace foresight::stats
