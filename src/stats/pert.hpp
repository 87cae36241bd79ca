// The PERT arithmetic of three-point estimates, in one place: the rules (M006's sums) and the
// plan's simulator (its draws) use these, so "the PERT mean" means one thing everywhere.
//
// A three-point estimate (optimistic o, most likely m, pessimistic p) is read as a PERT-beta
// distribution on [o, p] with mode m and shape lambda = 4 (Vose, "Risk Analysis", 2008):
//   alpha = 1 + 4 (m - o) / (p - o),  beta = 1 + 4 (p - m) / (p - o),
//   mean = (o + 4m + p) / 6, variance = (mean - o)(p - mean) / 7.
// When o = p the effort is certain (variance 0).
#pragma once

#include <array>
#include <cstddef>

namespace foresight::stats {

struct ThreePoint {
  double optimistic = 0;
  double likely = 0;
  double pessimistic = 0;
};

double PertMean(const ThreePoint& e);
double PertVariance(const ThreePoint& e);

// The shape parameters (alpha, beta) of the PERT-beta on [o, p]; both are in [1, 5].
struct BetaShape {
  double alpha = 1;
  double beta = 1;
};
BetaShape PertShape(const ThreePoint& e);

// P(X <= x) of the PERT distribution: the regularised incomplete beta function, by its
// continued fraction (tests check it against SciPy's beta to 1e-12).
double PertCdf(const ThreePoint& e, double x);

// Draws from a PERT distribution by its quantile function, tabulated once at kQuantiles
// evenly spaced probabilities (from its CDF on a grid of 1024 cells) and interpolated linearly: one
// uniform draw per sample, and monotone in that draw, so a simulation that draws with the
// same uniform for two variants of a plan compares them on common random numbers.
class PertSampler {
 public:
  static constexpr size_t kQuantiles = 1024;

  explicit PertSampler(const ThreePoint& e);
  // The effort at probability u in [0, 1).
  double Quantile(double u) const {
    if (constant_) return low_;
    const double position = u * static_cast<double>(kQuantiles);
    auto i = static_cast<size_t>(position);
    if (i >= kQuantiles) i = kQuantiles - 1;
    const double w = position - static_cast<double>(i);
    return table_[i] + w * (table_[i + 1] - table_[i]);
  }

 private:
  bool constant_ = false;
  double low_ = 0;
  std::array<double, kQuantiles + 1> table_{};
};

}  // namespace foresight::stats
