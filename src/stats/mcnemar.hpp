// McNemar's test: do two classifiers have the same error rate on the same examples?
//
// Only the discordant examples carry information: b where A is right and B wrong, c where A
// is wrong and B right. Under H0 each discordant example is equally likely to fall either
// way, so b ~ Binomial(b + c, 1/2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "base/result.hpp"

namespace foresight::stats {

struct McNemarResult {
  enum class Method {
    kExactBinomial,       // b + c < 25: the exact two-sided binomial (sign) test
    kChiSquareCorrected,  // b + c >= 25: chi-square(1) with continuity correction
  };
  size_t b = 0;
  size_t c = 0;
  Method method = Method::kExactBinomial;
  double statistic = 0;  // exact: min(b, c); chi-square: (|b - c| - 1)^2 / (b + c)
  double p_value = 1;    // two-sided
};

// McNemar's test on the discordant counts, with the definitions of statsmodels'
// mcnemar(table, exact=..., correction=True):
//   b + c < 25 (the usual rule for when the chi-square approximation is poor):
//     p = min(1, 2 P(X <= min(b, c))), X ~ Binomial(b + c, 1/2); p = 1 when b + c = 0;
//   otherwise: statistic (|b - c| - 1)^2 / (b + c), p = P(chi-square(1) > statistic).
// Note that, as in statsmodels, the corrected statistic is 1 / (b + c), not 0, when b = c.
McNemarResult McNemar(size_t b, size_t c);

struct DiscordantCounts {
  size_t b = 0;  // A right, B wrong
  size_t c = 0;  // A wrong, B right
};

// Counts the discordant examples from per-example correctness (1 right, 0 wrong) of models
// A and B on the same examples. `weights`, when not empty, are frequency weights: example i
// counts weights[i] times (a whole number, so that the exact test stays exact).
// Fails with kInvalidArgument when the sizes differ or a correctness value is not 0 or 1.
Result<DiscordantCounts> CountDiscordant(std::span<const uint8_t> correct_a,
                                         std::span<const uint8_t> correct_b,
                                         std::span<const uint32_t> weights = {});

}  // namespace foresight::stats
