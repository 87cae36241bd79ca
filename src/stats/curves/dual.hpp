// Forward-mode automatic differentiation for curve families: a value and its gradient
// with respect to up to kMaxParams parameters. Each family writes its formula once, as a
// template over the number type; evaluating it on Duals gives the exact Jacobian that
// Levenberg-Marquardt needs, with no hand-derived (and hand-debugged) derivatives.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>

namespace foresight::stats::curves {

inline constexpr size_t kMaxParams = 4;

struct Dual {
  double v = 0;
  std::array<double, kMaxParams> d{};  // d v / d p_j

  Dual() = default;
  Dual(double value) : v(value) {}  // NOLINT(google-explicit-constructor): constants mix in
  static Dual Variable(double value, size_t index) {
    Dual x(value);
    x.d[index] = 1;
    return x;
  }
};

inline Dual operator+(const Dual& a, const Dual& b) {
  Dual r(a.v + b.v);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = a.d[j] + b.d[j];
  return r;
}
inline Dual operator-(const Dual& a, const Dual& b) {
  Dual r(a.v - b.v);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = a.d[j] - b.d[j];
  return r;
}
inline Dual operator-(const Dual& a) {
  Dual r(-a.v);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = -a.d[j];
  return r;
}
inline Dual operator*(const Dual& a, const Dual& b) {
  Dual r(a.v * b.v);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = a.d[j] * b.v + a.v * b.d[j];
  return r;
}
inline Dual operator/(const Dual& a, const Dual& b) {
  Dual r(a.v / b.v);
  const double inv = 1 / (b.v * b.v);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = (a.d[j] * b.v - a.v * b.d[j]) * inv;
  return r;
}
// f(a) with f'(a) given: the chain rule.
inline Dual Chain(const Dual& a, double value, double derivative) {
  Dual r(value);
  for (size_t j = 0; j < kMaxParams; ++j) r.d[j] = derivative * a.d[j];
  return r;
}
// Named as std::exp, std::log and std::pow, so a template formula calls either.
// NOLINTBEGIN(readability-identifier-naming)
inline Dual exp(const Dual& a) {
  const double e = std::exp(a.v);
  return Chain(a, e, e);
}
inline Dual log(const Dual& a) { return Chain(a, std::log(a.v), 1 / a.v); }
// a^b for a > 0 (constant base, variable exponent, or both variable).
inline Dual pow(const Dual& a, const Dual& b) { return exp(b * log(a)); }
// NOLINTEND(readability-identifier-naming)

// The same names for plain doubles, so a template formula reads alike for both.
using std::exp;
using std::log;
using std::pow;

}  // namespace foresight::stats::curves
