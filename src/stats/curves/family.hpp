// Learning-curve families: parametric shapes of a loss (error, 1 - accuracy, ...) that
// falls as the training set grows. Each family is one file in families/, with its formula
// written once as a template (evaluated on doubles, and on Duals for the Jacobian), its
// parameter bounds, deterministic starting points and its limit at infinite data.
//
// Families see normalised data (CurveData): sizes as u = size / reference size (the largest
// fitted size is about 1), losses scaled to about [0, 1] and at least 0 (0 is perfect), so
// that one set of bounds suits every curve.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "stats/curves/dual.hpp"

namespace foresight::stats::curves {

using Params = std::array<double, kMaxParams>;

// Points sorted by size. Losses are >= 0 when the metric has a known best value.
struct CurveData {
  std::vector<double> u;       // size / reference size
  std::vector<double> x;       // size, as given (ilog2 reads log(x))
  std::vector<double> y;       // scaled loss
  std::vector<double> weight;  // 1 / variance, normalised to mean 1; all 1 without errors
  size_t size() const { return u.size(); }
};

struct Family {
  std::string_view name;
  std::string_view formula;  // in u (normalised size), for docs and --format json
  size_t params = 0;
  std::array<std::string_view, kMaxParams> names{};
  Params lower{};
  Params upper{};
  double (*value)(double u, double x, const double* p) = nullptr;
  Dual (*dual)(double u, double x, const Dual* p) = nullptr;
  // Starting points for the fit on the first n points of the data (n >= params).
  std::vector<Params> (*starts)(const CurveData& data, size_t n) = nullptr;
  // The loss at infinite data; NaN when the curve has no finite limit (log2 falls forever).
  double (*asymptote)(const double* p) = nullptr;
};

// Builds a Family from a formula type F with `template <typename T> static T Eval(double u,
// double x, const T* p)`.
template <typename F>
Family MakeFamily(Family f) {
  f.value = [](double u, double x, const double* p) { return F::template Eval<double>(u, x, p); };
  f.dual = [](double u, double x, const Dual* p) { return F::template Eval<Dual>(u, x, p); };
  return f;
}

// What starting-point heuristics read from the first n points: the first and last sizes
// and losses (averaged over points at the same size), the smallest loss, and the size
// where the loss is halfway between the first and the last.
struct Summary {
  double u_first = 0, u_last = 0, u_mid = 0;
  double y_first = 0, y_last = 0, y_min = 0;
};
Summary Summarize(const CurveData& data, size_t n);

// The weighted least-squares coefficients of y on kTerms basis functions basis(u, x) over the
// first n points (starting points of families that are linear in some transform). Zeros
// when the system is singular.
template <typename Basis>
auto LinearLeastSquares(const CurveData& data, size_t n, Basis basis) {
  constexpr size_t kTerms = std::tuple_size_v<decltype(basis(1.0, 1.0))>;
  double a[kTerms][kTerms + 1] = {};
  for (size_t i = 0; i < n; ++i) {
    const std::array<double, kTerms> row = basis(data.u[i], data.x[i]);
    for (size_t r = 0; r < kTerms; ++r) {
      for (size_t c = 0; c < kTerms; ++c) a[r][c] += data.weight[i] * row[r] * row[c];
      a[r][kTerms] += data.weight[i] * row[r] * data.y[i];
    }
  }
  // Gaussian elimination with partial pivoting on the kTerms x kTerms normal equations.
  for (size_t col = 0; col < kTerms; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < kTerms; ++r) {
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    }
    if (std::abs(a[pivot][col]) < 1e-300) return std::array<double, kTerms>{};
    for (size_t c = 0; c <= kTerms; ++c) std::swap(a[col][c], a[pivot][c]);
    for (size_t r = 0; r < kTerms; ++r) {
      if (r == col) continue;
      const double factor = a[r][col] / a[col][col];
      for (size_t c = col; c <= kTerms; ++c) a[r][c] -= factor * a[col][c];
    }
  }
  std::array<double, kTerms> coef{};
  for (size_t r = 0; r < kTerms; ++r) coef[r] = a[r][kTerms] / a[r][r];
  return coef;
}

// Clamps p into the family's bounds.
Params Clamp(const Family& family, Params p);

// Every family, in a fixed order (registry.cpp).
std::span<const Family> Families();
// The family named `name`, or null.
const Family* FindFamily(std::string_view name);

}  // namespace foresight::stats::curves
