#include "stats/curves/fit.hpp"

#include <Eigen/Dense>
#include <cmath>
#include <limits>

namespace foresight::stats::curves {
namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxParams, kMaxParams>;
using Vector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxParams, 1>;

constexpr size_t kMaxIterations = 100;
// Converged when a step lowers the cost by less than this fraction.
constexpr double kTolerance = 1e-9;
// Every start gets this many iterations; only the best is then run to convergence.
constexpr size_t kScoutIterations = 8;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

double Cost(const Family& family, const CurveData& data, size_t n, const Params& p) {
  double cost = 0;
  for (size_t i = 0; i < n; ++i) {
    const double r = data.y[i] - family.value(data.u[i], data.x[i], p.data());
    cost += data.weight[i] * r * r;
  }
  if (!std::isfinite(cost)) return kInfinity;
  return cost;
}

// The normal equations J^T W J and J^T W r at p; false when a value is not finite.
bool NormalEquations(const Family& family, const CurveData& data, size_t n, const Params& p,
                     Matrix& jtj, Vector& jtr) {
  const auto k = static_cast<Eigen::Index>(family.params);
  jtj.setZero(k, k);
  jtr.setZero(k);
  Dual dp[kMaxParams];
  for (size_t j = 0; j < family.params; ++j) dp[j] = Dual::Variable(p[j], j);
  for (size_t i = 0; i < n; ++i) {
    const Dual f = family.dual(data.u[i], data.x[i], dp);
    const double r = data.y[i] - f.v;
    const double w = data.weight[i];
    for (Eigen::Index a = 0; a < k; ++a) {
      const double ga = f.d[static_cast<size_t>(a)];
      jtr(a) += w * ga * r;
      for (Eigen::Index b = 0; b <= a; ++b) jtj(a, b) += w * ga * f.d[static_cast<size_t>(b)];
    }
  }
  for (Eigen::Index a = 0; a < k; ++a) {
    for (Eigen::Index b = 0; b < a; ++b) jtj(b, a) = jtj(a, b);
  }
  return jtj.allFinite() && jtr.allFinite();
}

}  // namespace

FitResult FitFrom(const Family& family, const CurveData& data, size_t n, const Params& start,
                  size_t max_iterations) {
  FitResult result;
  Params p = Clamp(family, start);
  double cost = Cost(family, data, n, p);
  if (!std::isfinite(cost)) return result;
  double lambda = 1e-3;
  Matrix jtj;
  Vector jtr;
  const auto k = static_cast<Eigen::Index>(family.params);
  size_t it = 0;
  for (; it < max_iterations; ++it) {
    if (!NormalEquations(family, data, n, p, jtj, jtr)) break;
    bool improved = false;
    // Raise the damping until a step lowers the cost (or the damping is absurd).
    while (lambda < 1e12) {
      Matrix damped = jtj;
      for (Eigen::Index j = 0; j < k; ++j) {
        damped(j, j) += lambda * std::max(jtj(j, j), 1e-12);
      }
      const Vector step = damped.ldlt().solve(jtr);
      Params candidate = p;
      for (size_t j = 0; j < family.params; ++j) {
        candidate[j] += step(static_cast<Eigen::Index>(j));
      }
      candidate = Clamp(family, candidate);
      const double candidate_cost = Cost(family, data, n, candidate);
      if (candidate_cost < cost) {
        const double decrease = cost - candidate_cost;
        p = candidate;
        cost = candidate_cost;
        lambda = std::max(lambda / 3, 1e-12);
        improved = true;
        if (decrease <= kTolerance * cost + 1e-30) it = max_iterations;  // converged
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  result.params = p;
  result.cost = cost;
  result.iterations = it;
  result.ok = std::isfinite(cost);
  return result;
}

FitResult Fit(const Family& family, const CurveData& data, size_t n, const Params* warm) {
  // A few iterations from every start, then the most promising one to convergence: the
  // starts differ in which basin they lead to, which shows early, and most of the cost of a
  // fit is in its last iterations.
  FitResult best;
  best.cost = kInfinity;
  const auto consider = [&](const Params& start) {
    const FitResult r = FitFrom(family, data, n, start, kScoutIterations);
    if (r.ok && r.cost < best.cost) best = r;
  };
  if (warm != nullptr) consider(*warm);
  for (const Params& start : family.starts(data, n)) consider(start);
  if (!best.ok) return best;
  FitResult final_fit = FitFrom(family, data, n, best.params, kMaxIterations);
  if (!final_fit.ok || final_fit.cost > best.cost) return best;
  final_fit.iterations += best.iterations;
  return final_fit;
}

}  // namespace foresight::stats::curves
