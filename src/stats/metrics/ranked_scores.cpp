#include "stats/metrics/ranked_scores.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <limits>
#include <utility>

#include "stats/resample.hpp"

namespace foresight::stats::metrics {

namespace {

// A key whose unsigned order is the descending order of finite scores: the IEEE bits made
// monotone (negative numbers reversed, the sign bit flipped for the rest), then inverted.
// -0.0 is made +0.0 first, so equal scores have equal keys.
uint64_t DescendingKey(double score) {
  const auto bits = std::bit_cast<uint64_t>(score + 0.0);
  const uint64_t ascending = (bits >> 63U) != 0 ? ~bits : bits | (uint64_t{1} << 63U);
  return ~ascending;
}

// Sorts `keys` ascending, carrying `ids` along, stably: an LSD radix sort of 11-bit digits,
// skipping the digits on which every key agrees (the top bits of scores in a narrow range).
// O(n) per digit, against std::sort's O(n log n) comparisons, which dominated ranking a
// thousand runs.
void RadixSort(std::vector<uint64_t>& keys, std::vector<uint32_t>& ids) {
  constexpr unsigned kBits = 11;
  constexpr size_t kBuckets = size_t{1} << kBits;
  constexpr unsigned kDigits = (64 + kBits - 1) / kBits;
  const size_t n = keys.size();
  std::vector<std::array<uint32_t, kBuckets>> counts(kDigits);
  for (auto& c : counts) c.fill(0);
  for (const uint64_t key : keys) {
    for (unsigned d = 0; d < kDigits; ++d) ++counts[d][(key >> (d * kBits)) & (kBuckets - 1)];
  }
  std::vector<uint64_t> key_out(n);
  std::vector<uint32_t> id_out(n);
  for (unsigned d = 0; d < kDigits; ++d) {
    const auto& c = counts[d];
    if (std::any_of(c.begin(), c.end(), [&](uint32_t k) { return k == n; })) continue;
    std::array<uint32_t, kBuckets> next{};
    uint32_t total = 0;
    for (size_t b = 0; b < kBuckets; ++b) {
      next[b] = total;
      total += c[b];
    }
    for (size_t i = 0; i < n; ++i) {
      const uint32_t at = next[(keys[i] >> (d * kBits)) & (kBuckets - 1)]++;
      key_out[at] = keys[i];
      id_out[at] = ids[i];
    }
    keys.swap(key_out);
    ids.swap(id_out);
  }
}

}  // namespace

RankedScores RankedScores::Build(std::span<const int32_t> label, std::span<const double> score) {
  // Descending score, ties by ascending id: the ids start ascending and the sort is stable.
  std::vector<uint64_t> keys(score.size());
  std::vector<uint32_t> ids(score.size());
  for (size_t i = 0; i < score.size(); ++i) {
    keys[i] = DescendingKey(score[i]);
    ids[i] = static_cast<uint32_t>(i);
  }
  RadixSort(keys, ids);
  RankedScores ranked;
  ranked.entries_.resize(ids.size());
  for (size_t j = 0; j < ids.size(); ++j) {
    const uint32_t id = ids[j];
    const bool last = j + 1 == ids.size() || keys[j + 1] != keys[j];
    ranked.entries_[j] =
        (id << kIdShift) | (last ? kLastOfGroup : 0U) | (label[id] == 1 ? kPositive : 0U);
  }
  ranked.flags_.resize(ids.size());
  for (size_t j = 0; j < ids.size(); ++j) {
    ranked.flags_[j] = static_cast<uint8_t>(ranked.entries_[j] & (kPositive | kLastOfGroup));
  }
  return ranked;
}

void RankedScores::RocPairsInOrder(uint64_t seed, uint64_t first, std::span<RocTotals> out) const {
  constexpr size_t kBlock = 2048;  // 2 KiB of flags and 2 KiB of counts per resample, in L1
  const size_t n = flags_.size();
  const size_t batch = std::min(out.size(), kInOrderBatch);
  std::array<internal::RocWalk, kInOrderBatch> walks{};
  constexpr size_t kWays = 4;
  alignas(64) std::array<std::array<uint8_t, kBlock>, kWays> c{};
  for (size_t start = 0; start < n; start += kBlock) {
    const size_t len = std::min(kBlock, n - start);
    const uint8_t* flags = flags_.data() + start;
    for (size_t r = 0; r < batch; r += kWays) {
      const size_t ways = std::min(kWays, batch - r);
      for (size_t w = 0; w < ways; ++w) {
        Resample::FillPoisson(seed, first + r + w, start, std::span<uint8_t>(c[w].data(), len));
      }
      // Four resamples side by side, so that their dependency chains overlap; the last
      // ways of a batch that is not a multiple of four walk the block alone.
      if (ways == kWays) {
        internal::RocWalk w0 = walks[r];
        internal::RocWalk w1 = walks[r + 1];
        internal::RocWalk w2 = walks[r + 2];
        internal::RocWalk w3 = walks[r + 3];
        for (size_t i = 0; i < len; ++i) {
          w0.Step(c[0][i], flags[i]);
          w1.Step(c[1][i], flags[i]);
          w2.Step(c[2][i], flags[i]);
          w3.Step(c[3][i], flags[i]);
        }
        walks[r] = w0;
        walks[r + 1] = w1;
        walks[r + 2] = w2;
        walks[r + 3] = w3;
      } else {
        for (size_t w = 0; w < ways; ++w) {
          internal::RocWalk x = walks[r + w];
          for (size_t i = 0; i < len; ++i) x.Step(c[w][i], flags[i]);
          walks[r + w] = x;
        }
      }
    }
  }
  for (size_t r = 0; r < batch; ++r) {
    out[r] = {walks[r].area, walks[r].pos_above, walks[r].neg_above};
  }
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
