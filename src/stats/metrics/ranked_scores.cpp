#include "stats/metrics/ranked_scores.hpp"

#include <algorithm>
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

}  // namespace foresight::stats::metrics
