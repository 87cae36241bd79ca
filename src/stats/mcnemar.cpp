#include "stats/mcnemar.hpp"

#include <algorithm>
#include <string>

#include "stats/distributions.hpp"

namespace foresight::stats {
namespace {

// Below this many discordant examples the chi-square approximation is poor; statsmodels'
// documentation and most textbooks use 25.
constexpr size_t kExactBelow = 25;

}  // namespace

McNemarResult McNemar(size_t b, size_t c) {
  McNemarResult result;
  result.b = b;
  result.c = c;
  const size_t discordant = b + c;
  if (discordant < kExactBelow) {
    result.method = McNemarResult::Method::kExactBinomial;
    result.statistic = static_cast<double>(std::min(b, c));
    result.p_value = BinomialTwoSidedPValue(std::min(b, c), discordant);
    return result;
  }
  result.method = McNemarResult::Method::kChiSquareCorrected;
  const double gap = static_cast<double>(std::max(b, c) - std::min(b, c)) - 1;
  result.statistic = gap * gap / static_cast<double>(discordant);
  result.p_value = ChiSquare1Sf(result.statistic);
  return result;
}

Result<DiscordantCounts> CountDiscordant(std::span<const uint8_t> correct_a,
                                         std::span<const uint8_t> correct_b,
                                         std::span<const uint32_t> weights) {
  if (correct_a.size() != correct_b.size() ||
      (!weights.empty() && weights.size() != correct_a.size())) {
    return Fail(ErrorCode::kInvalidArgument,
                "McNemar: correctness and weight vectors must have one entry per example");
  }
  DiscordantCounts counts;
  for (size_t i = 0; i < correct_a.size(); ++i) {
    const uint8_t a = correct_a[i];
    const uint8_t b = correct_b[i];
    if (a > 1 || b > 1) {
      return Fail(ErrorCode::kInvalidArgument, "McNemar: correctness must be 0 or 1, example " +
                                                   std::to_string(i) + " has " + std::to_string(a) +
                                                   " and " + std::to_string(b));
    }
    const size_t weight = weights.empty() ? 1 : weights[i];
    if (a == 1 && b == 0) counts.b += weight;
    if (a == 0 && b == 1) counts.c += weight;
  }
  return counts;
}

}  // namespace foresight::stats
