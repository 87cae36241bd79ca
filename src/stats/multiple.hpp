// Multiple comparisons: when several models (or metrics) are compared at once, some p-values
// fall below 0.05 by chance alone. Holm's step-down adjustment controls the family-wise
// error rate (the chance of any false "they differ") with no assumption on how the tests
// depend on each other, and is uniformly more powerful than Bonferroni.
#pragma once

#include <span>
#include <vector>

namespace foresight::stats {

// Holm-adjusted p-values (Holm 1979), in the input's order: with p_(1) <= ... <= p_(m) the
// sorted p-values, adjusted_(i) = min(1, max_{j <= i} (m - j + 1) p_(j)). Monotone in p,
// never below the raw p, capped at 1; the same as statsmodels'
// multipletests(p, method='holm')[1]. Reject H_i at level alpha iff adjusted_i <= alpha.
// Ties give equal adjusted values whatever their order. NaN entries (a comparison that
// could not be made) stay NaN and are not counted in m, as in R's p.adjust.
std::vector<double> HolmAdjust(std::span<const double> p_values);

}  // namespace foresight::stats
