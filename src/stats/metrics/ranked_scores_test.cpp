#include "stats/metrics/ranked_scores.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "base/hash.hpp"
#include "stats/resample.hpp"

namespace foresight::stats::metrics {
namespace {

// The order Build must give: descending score, ties (-0.0 equal to 0.0) by ascending id.
std::vector<uint32_t> ReferenceOrder(const std::vector<double>& score) {
  std::vector<uint32_t> ids(score.size());
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<uint32_t>(i);
  std::sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
    return score[a] > score[b] || (score[a] == score[b] && a < b);
  });
  return ids;
}

TEST(RankedScoresTest, OrderAndTieGroupsMatchAComparisonSort) {
  const double kInf = std::numeric_limits<double>::max();
  for (const size_t n : {1UL, 2UL, 17UL, 1000UL, 70000UL}) {
    for (const int ties : {0, 1}) {
      std::vector<double> score(n);
      std::vector<int32_t> label(n);
      for (size_t i = 0; i < n; ++i) {
        const uint64_t h = Mix64(i * 31 + n + static_cast<uint64_t>(ties));
        const double u = static_cast<double>(h >> 11U) * 0x1.0p-53;
        // Negative and positive values, both zeros, huge and tiny magnitudes; with ties,
        // only a few distinct values.
        double v = (u - 0.5) * std::pow(10.0, static_cast<double>(h % 7) - 3);
        if (ties != 0) v = std::round(v * 4) / 4;
        if (h % 97 == 0) v = -0.0;
        if (h % 89 == 0) v = 0.0;
        if (h % 101 == 0) v = (h & 1U) != 0 ? kInf : -kInf;
        if (h % 103 == 0) v = 5e-324;
        score[i] = v;
        label[i] = static_cast<int32_t>((h >> 7U) & 1U);
      }
      const RankedScores ranked = RankedScores::Build(label, score);
      std::vector<uint32_t> order;
      std::vector<uint64_t> sizes;
      ranked.Walk(
          [&](uint64_t id) {
            order.push_back(static_cast<uint32_t>(id));
            return uint64_t{1};
          },
          [&](const GroupCounts& g) {
            sizes.push_back(g.pos + g.neg);
            return true;
          });
      const std::vector<uint32_t> expected = ReferenceOrder(score);
      ASSERT_EQ(order, expected) << "n " << n << " ties " << ties;
      std::vector<uint64_t> expected_sizes;
      for (size_t j = 0; j < n; ++j) {
        if (j == 0 || score[expected[j]] != score[expected[j - 1]]) expected_sizes.push_back(0);
        ++expected_sizes.back();
      }
      EXPECT_EQ(sizes, expected_sizes) << "n " << n << " ties " << ties;
    }
  }
}

// With scores that never rise with the id, position in score order is the id, so the
// in-order replicates (counts dealt by position) must equal RocPairs under the same
// resamples' counts by id, exactly: across blocks of positions, in tie groups, for a full
// batch and for batches that leave a remainder of the four-way walk.
TEST(RankedScoresTest, InOrderReplicatesEqualRocPairsWhenPositionIsTheId) {
  for (const size_t n : {1UL, 5UL, 2047UL, 2048UL, 5000UL}) {
    std::vector<double> score(n);
    std::vector<int32_t> label(n);
    for (size_t i = 0; i < n; ++i) {
      score[i] = static_cast<double>((n - i) / 3);  // groups of three equal scores
      label[i] = static_cast<int32_t>(Mix64(i + 7 * n) & 1U);
    }
    const RankedScores ranked = RankedScores::Build(label, score);
    for (const size_t batch : {16UL, 7UL, 1UL}) {
      const uint64_t seed = 42;
      const uint64_t first = 32;
      std::vector<RankedScores::RocTotals> totals(batch);
      ranked.RocPairsInOrder(seed, first, totals);
      for (size_t r = 0; r < batch; ++r) {
        const Resample resample = Resample::Poisson(seed, first + r);
        uint64_t twice_area = 0;
        uint64_t positives = 0;
        uint64_t negatives = 0;
        ranked.RocPairs([&](uint64_t id) { return resample.Count(id); }, twice_area, positives,
                        negatives);
        EXPECT_EQ(totals[r].twice_area, twice_area)
            << "n " << n << " batch " << batch << " r " << r;
        EXPECT_EQ(totals[r].positives, positives);
        EXPECT_EQ(totals[r].negatives, negatives);
      }
    }
  }
}

}  // namespace
}  // namespace foresight::stats::metrics
