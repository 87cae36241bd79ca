// Weighted nonlinear least squares for one curve family: minimise
//   sum_i w_i (y_i - f(u_i, x_i; p))^2   subject to lower <= p <= upper
// by Levenberg-Marquardt with projection onto the bounds, from each of the family's
// deterministic starting points, keeping the best.
//
// Why our own Levenberg-Marquardt over Eigen types rather than Ceres or Eigen's MINPACK
// port: these problems are tiny (at most 4 parameters and a few hundred points) and a
// forecast solves hundreds of them (every family, several starts, every backtest), in about
// 5 ms per curve. Ceres builds a problem, its parameter blocks and a linear solver per fit,
// which costs more than the fit; Eigen's unsupported LevenbergMarquardt has no bounds and
// allocates dynamic matrices. Here the normal equations are a 4x4 matrix on the stack
// (Eigen, LDLT), and the Jacobian is exact (forward-mode Duals, dual.hpp).
#pragma once

#include <cstddef>

#include "stats/curves/family.hpp"

namespace foresight::stats::curves {

struct FitResult {
  Params params{};
  double cost = 0;  // weighted sum of squared residuals at params
  size_t iterations = 0;
  bool ok = false;  // a finite fit was found
};

// Fits `family` to the first n points of `data` (n >= 1). Starts from each of the
// family's starting points, and from `warm` too when given; returns the lowest cost.
FitResult Fit(const Family& family, const CurveData& data, size_t n, const Params* warm = nullptr);

// One Levenberg-Marquardt run from `start` (clamped into bounds), of at most
// `max_iterations` iterations.
FitResult FitFrom(const Family& family, const CurveData& data, size_t n, const Params& start,
                  size_t max_iterations = 100);

}  // namespace foresight::stats::curves
