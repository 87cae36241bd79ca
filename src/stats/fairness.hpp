// Fairness gaps between groups of examples (slices) for a binary classifier at a threshold,
// as fairlearn defines them:
//   demographic parity difference: max - min over groups of P(predicted positive | group);
//   equalized odds difference: the larger of the max - min over groups of the true positive
//   rate and of the false positive rate.
// The gap is a Kernel, so it gets a bootstrap interval like any metric; it is cell-based
// (group x label x prediction), so its bootstrap costs O(cells) per resample.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "base/result.hpp"
#include "stats/metric.hpp"

namespace foresight::stats {

enum class FairnessGap { kDemographicParity, kEqualizedOdds };

// "demographic_parity_difference", "equalized_odds_difference".
std::string_view FairnessGapName(FairnessGap gap);

// Groups are codes 0..groups-1, one per example; at most 64 groups. A group absent from a
// resample is left out; fewer than two groups present (or, for equalized odds, no group
// with both labels) gives NaN. Fails with kInvalidArgument on mismatched lengths, labels
// other than 0/1, codes out of range, or more than 64 groups.
Result<std::unique_ptr<Kernel>> PrepareFairnessGap(std::span<const int32_t> label,
                                                   std::span<const double> score,
                                                   std::span<const int32_t> group, size_t groups,
                                                   double threshold, FairnessGap gap);

}  // namespace foresight::stats
