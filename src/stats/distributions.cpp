#include "stats/distributions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace foresight::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal
// cumulative distribution function", 2003).
constexpr std::array<double, 6> kA = {-3.969683028665376e+01, 2.209460984245205e+02,
                                      -2.759285104469687e+02, 1.383577518672690e+02,
                                      -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kB = {-5.447609879822406e+01, 1.615858368580409e+02,
                                      -1.556989798598866e+02, 6.680131188771972e+01,
                                      -1.328068155288572e+01};
constexpr std::array<double, 6> kC = {-7.784894002430293e-03, -3.223964580411365e-01,
                                      -2.400758277161838e+00, -2.549732539343734e+00,
                                      4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 4> kD = {7.784695709041462e-03, 3.224671290700398e-01,
                                      2.445134137142996e+00, 3.754408661907416e+00};
constexpr double kLowRegion = 0.02425;

// Acklam's approximation for p in (0, 0.5].
double AcklamLower(double p) {
  if (p < kLowRegion) {
    const double q = std::sqrt(-2 * std::log(p));
    return (((((kC[0] * q + kC[1]) * q + kC[2]) * q + kC[3]) * q + kC[4]) * q + kC[5]) /
           ((((kD[0] * q + kD[1]) * q + kD[2]) * q + kD[3]) * q + 1);
  }
  const double q = p - 0.5;
  const double r = q * q;
  return (((((kA[0] * r + kA[1]) * r + kA[2]) * r + kA[3]) * r + kA[4]) * r + kA[5]) * q /
         (((((kB[0] * r + kB[1]) * r + kB[2]) * r + kB[3]) * r + kB[4]) * r + 1);
}

// log P(X = k) for X ~ Binomial(n, p), 0 < p < 1, k <= n. lgamma_r rather than std::lgamma
// because glibc's lgamma writes the global `signgam`, a data race when tests run in threads.
double BinomialLogPmf(size_t k, size_t n, double p) {
  int sign = 0;
  const auto nd = static_cast<double>(n);
  const auto kd = static_cast<double>(k);
  return lgamma_r(nd + 1, &sign) - lgamma_r(kd + 1, &sign) - lgamma_r(nd - kd + 1, &sign) +
         kd * std::log(p) + (nd - kd) * std::log1p(-p);
}

// Sum of P(X = i) for i = k, k - 1, ..., 0: terms shrink going down when k <= n p.
double SumLowerTail(size_t k, size_t n, double p) {
  double term = std::exp(BinomialLogPmf(k, n, p));
  double sum = term;
  const double ratio = (1 - p) / p;
  for (size_t i = k; i > 0; --i) {
    term *= static_cast<double>(i) / static_cast<double>(n - i + 1) * ratio;
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

// Sum of P(X = i) for i = k, k + 1, ..., n: terms shrink going up when k >= n p.
double SumUpperTail(size_t k, size_t n, double p) {
  double term = std::exp(BinomialLogPmf(k, n, p));
  double sum = term;
  const double ratio = p / (1 - p);
  for (size_t i = k; i < n; ++i) {
    term *= static_cast<double>(n - i) / static_cast<double>(i + 1) * ratio;
    sum += term;
    if (term <= sum * 1e-17) break;
  }
  return sum;
}

}  // namespace

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double NormalSf(double x) { return 0.5 * std::erfc(x / std::numbers::sqrt2); }

double NormalQuantile(double p) {
  if (std::isnan(p) || p < 0 || p > 1) return kNaN;
  if (p == 0) return -kInf;
  if (p == 1) return kInf;
  if (p > 0.5) return -NormalQuantile(1 - p);
  double x = AcklamLower(p);
  // One Halley step on f(x) = NormalCdf(x) - p. The step needs 1 / density(x), which
  // overflows below p ~ 1e-308 (subnormal p); there the approximation stands alone.
  const double inverse_density = std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  if (std::isfinite(inverse_density)) {
    const double u = (NormalCdf(x) - p) * inverse_density;
    x -= u / (1 + x * u / 2);
  }
  return x;
}

double BinomialCdf(size_t k, size_t n, double p) {
  if (std::isnan(p) || p < 0 || p > 1) return kNaN;
  if (k >= n) return 1;
  if (p == 0) return 1;
  if (p == 1) return 0;
  // Sum the smaller tail directly; the larger one as 1 - (the smaller one).
  if (static_cast<double>(k) <= static_cast<double>(n) * p) return SumLowerTail(k, n, p);
  return std::max(0.0, 1 - SumUpperTail(k + 1, n, p));
}

double BinomialTwoSidedPValue(size_t k, size_t n) {
  if (k > n) return kNaN;
  if (n == 0) return 1;
  const size_t smaller = std::min(k, n - k);
  return std::min(1.0, 2 * BinomialCdf(smaller, n, 0.5));
}

double ChiSquare1Sf(double x) {
  if (std::isnan(x)) return kNaN;
  if (x <= 0) return 1;
  return std::erfc(std::sqrt(x / 2));
}

}  // namespace foresight::stats
