// The inverse of the standard normal CDF, for confidence intervals in rules. It lives here
// until a stats module exists.
#pragma once

namespace foresight::rules {

// The x such that P(Z <= x) = p for a standard normal Z. Returns -inf at p = 0, +inf at
// p = 1 and NaN outside [0, 1]. Accurate to about 1e-15 (Acklam's rational approximation,
// refined by one Halley step).
double NormalQuantile(double p);

// The two-sided critical value for a confidence level: 0.95 -> 1.96, 0.99 -> 2.576.
double TwoSidedZ(double confidence);

}  // namespace foresight::rules
