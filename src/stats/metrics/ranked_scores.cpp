#include "stats/metrics/ranked_scores.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace foresight::stats::metrics {

RankedScores RankedScores::Build(std::span<const int32_t> label, std::span<const double> score) {
  std::vector<std::pair<double, uint32_t>> order(score.size());
  for (size_t i = 0; i < score.size(); ++i) order[i] = {score[i], static_cast<uint32_t>(i)};
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  RankedScores ranked;
  ranked.entries_.resize(order.size());
  for (size_t j = 0; j < order.size(); ++j) {
    const uint32_t id = order[j].second;
    const bool last = j + 1 == order.size() || order[j + 1].first != order[j].first;
    ranked.entries_[j] =
        (id << kIdShift) | (last ? kLastOfGroup : 0U) | (label[id] == 1 ? kPositive : 0U);
  }
  return ranked;
}

std::vector<double> RankedScores::RocLeaveOneOut() const {
  uint64_t twice_area = 0;
  uint64_t positives = 0;
  uint64_t negatives = 0;
  RocPairs([](uint64_t) { return uint64_t{1}; }, twice_area, positives, negatives);
  std::vector<double> out(entries_.size(), std::numeric_limits<double>::quiet_NaN());
  const auto area = static_cast<double>(twice_area);
  const double without_positive =
      2.0 * static_cast<double>(positives - 1) * static_cast<double>(negatives);
  const double without_negative =
      2.0 * static_cast<double>(positives) * static_cast<double>(negatives - 1);
  uint64_t pos_above = 0;
  uint64_t neg_above = 0;
  size_t group_start = 0;
  for (size_t j = 0; j < entries_.size(); ++j) {
    if ((entries_[j] & kLastOfGroup) == 0) continue;
    uint64_t pos_group = 0;
    for (size_t k = group_start; k <= j; ++k) pos_group += entries_[k] & kPositive;
    const uint64_t neg_group = j + 1 - group_start - pos_group;
    const uint64_t neg_below = negatives - neg_above - neg_group;
    // Twice each example's pairs: a positive's negatives below (2 each) and tied (1 each); a
    // negative's positives above and tied.
    const auto twice_positive = static_cast<double>(2 * neg_below + neg_group);
    const auto twice_negative = static_cast<double>(2 * pos_above + pos_group);
    for (size_t k = group_start; k <= j; ++k) {
      const uint32_t id = entries_[k] >> kIdShift;
      if ((entries_[k] & kPositive) != 0) {
        if (positives > 1) out[id] = (area - twice_positive) / without_positive;
      } else if (negatives > 1) {
        out[id] = (area - twice_negative) / without_negative;
      }
    }
    pos_above += pos_group;
    neg_above += neg_group;
    group_start = j + 1;
  }
  return out;
}

}  // namespace foresight::stats::metrics
