// Distribution functions behind the intervals and tests: the standard normal (CDF, tail,
// quantile), the binomial (CDF and the exact two-sided sign test) and the chi-square
// distribution with one degree of freedom.
//
// Written here rather than taken from a library because the stats module depends on nothing
// but base, and because each is a few lines around std::erfc / std::lgamma. Each function's
// accuracy is checked against SciPy 1.10 in distributions_test.cpp.
#pragma once

#include <cstddef>

namespace foresight::stats {

// P(Z <= x) for a standard normal Z, as 0.5 erfc(-x / sqrt 2): no cancellation in the lower
// tail. Relative error about max(1, x^2) * 1e-16 (rounding x / sqrt 2 moves the tail by x^2
// times that rounding; SciPy's ndtr has the same limit). NaN for NaN.
double NormalCdf(double x);

// P(Z > x) = NormalCdf(-x), with full relative accuracy in the upper tail: use it for
// p-values instead of 1 - NormalCdf(x), which rounds to 0 beyond x = 8.3.
double NormalSf(double x);

// The x with NormalCdf(x) = p, for p in (0, 1); -inf at 0, +inf at 1, NaN outside [0, 1].
// Acklam's rational approximation (relative error 1.2e-9) refined by one Halley step on
// erfc, which cubes the error: agrees with scipy.special.ndtri to |error| < 1e-14 * max(1, |x|)
// for p down to the smallest normal double. For p > 0.5 it returns -NormalQuantile(1 - p)
// (1 - p is exact there), so the refinement always works in the lower tail where erfc has
// full relative accuracy.
double NormalQuantile(double p);

// P(X <= k) for X ~ Binomial(n, p), p in [0, 1]. Sums probability terms outward from k
// (from the side with the smaller tail), starting from lgamma-based log P(X = k), so the
// relative error grows like 1e-16 * n log n: about 1e-14 for n < 25 (McNemar's exact range),
// 1e-13 at n = 100, 1e-12 at n = 1000, 1e-9 at n = 10^6. Returns 1 for k >= n, NaN for p
// outside [0, 1].
double BinomialCdf(size_t k, size_t n, double p);

// The exact two-sided binomial (sign) test of H0: p = 1/2 for k successes in n trials, as
// scipy.stats.binomtest(k, n, 0.5).pvalue: the probability of an outcome at most as likely
// as k. By symmetry that is min(1, 2 * P(X <= min(k, n - k))). 1 when n = 0. Requires k <= n
// (returns NaN otherwise).
double BinomialTwoSidedPValue(size_t k, size_t n);

// P(X > x) for X ~ chi-square with one degree of freedom: erfc(sqrt(x / 2)), since X = Z^2.
// 1 for x <= 0.
double ChiSquare1Sf(double x);

}  // namespace foresight::stats
