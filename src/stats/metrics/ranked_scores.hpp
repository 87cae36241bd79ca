// Binary examples sorted once by descending score and cut into tie groups, so that ranking
// metrics (roc_auc, average_precision, recall_at_precision, precision_at_k) evaluate any
// resample in one sequential pass that only adds up counts per tie group.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "base/result.hpp"

namespace foresight::stats::metrics {

// Weighted counts of one tie group (examples with equal scores) under a resample.
struct GroupCounts {
  uint64_t pos = 0;
  uint64_t neg = 0;
};

namespace internal {

// RocPairs' running sums for one resample: twice the pair count so far, the counts above
// the current tie group and in it.
struct RocWalk {
  uint64_t area = 0;
  uint64_t pos_above = 0;
  uint64_t neg_above = 0;
  uint64_t pos_group = 0;
  uint64_t neg_group = 0;

  // One example counted c times; flags bit 0: positive, bit 1: last of its tie group. Each
  // tied positive-negative pair is counted once, by whichever comes later. Branch-free,
  // since with continuous scores every example is its own group.
  void Step(uint64_t c, uint32_t flags) {
    const bool positive = (flags & 1U) != 0;
    area += c * (positive ? neg_group : 2 * pos_above + pos_group);
    pos_group += positive ? c : 0;
    neg_group += positive ? 0 : c;
    const uint64_t last = 0 - static_cast<uint64_t>((flags & 2U) != 0);
    pos_above += pos_group & last;
    neg_above += neg_group & last;
    pos_group &= ~last;
    neg_group &= ~last;
  }
};

}  // namespace internal

class RankedScores {
 public:
  // Sorts by descending score (ties by id, though no metric depends on the order within a
  // group). Labels are 0/1, scores finite and n <= kMaxExamples (checked by the caller).
  static RankedScores Build(std::span<const int32_t> label, std::span<const double> score);

  // Calls on_group(const GroupCounts&) for each tie group from the highest score down;
  // stops early when it returns false. `count(id)` gives the resample count of example id.
  template <typename Count, typename OnGroup>
  void Walk(Count count, OnGroup on_group) const {
    GroupCounts group;
    for (const uint32_t entry : entries_) {
      const uint64_t c = count(entry >> kIdShift);
      const uint64_t positive = entry & kPositive;
      group.pos += c * positive;
      group.neg += c * (1U - positive);
      if ((entry & kLastOfGroup) != 0) {
        if (!on_group(group)) return;
        group = {};
      }
    }
  }

  // Twice the ROC area in pair units (a positive above a negative counts 2, a tie 1) and the
  // counts P and N, in one pass.
  template <typename Count>
  void RocPairs(Count count, uint64_t& twice_area, uint64_t& positives, uint64_t& negatives) const {
    internal::RocWalk walk;
    for (const uint32_t entry : entries_) walk.Step(count(entry >> kIdShift), entry);
    twice_area = walk.area;
    positives = walk.pos_above;
    negatives = walk.neg_above;
  }

  // RocPairs for Poisson bootstrap resamples first..first+out.size()-1 (at most
  // kInOrderBatch) of `seed`, with the counts dealt by position in score order rather than
  // by id (Kernel::ReplicatesInOwnOrder says why that is the same bootstrap): each block of
  // positions is read once for the whole batch, and four resamples walk it side by side so
  // that their dependency chains overlap (2.5 to 3 times the speed of RocPairs over counts
  // looked up by id, at a million examples).
  struct RocTotals {
    uint64_t twice_area = 0;
    uint64_t positives = 0;
    uint64_t negatives = 0;
  };
  void RocPairsInOrder(uint64_t seed, uint64_t first, std::span<RocTotals> out) const;
  static constexpr size_t kInOrderBatch = 16;

  // ROC AUC with each example left out, out[id] for every id (NaN when its class would be
  // empty), in two passes: leaving out a positive removes its placement (the negatives
  // below it, ties counting half) from the pair count, leaving out a negative the positives
  // above it, so each value is (2 S - 2 placement) / (2 (P - 1) N) or / (2 P (N - 1)).
  std::vector<double> RocLeaveOneOut() const;

  // Ids must fit in 29 bits: kernels add up counts (at most 10 per example) in 64 bits, and
  // twice the ROC area is at most (total count)^2 / 2.
  static constexpr size_t kMaxExamples = size_t{1} << 29U;

 private:
  static constexpr uint32_t kPositive = 1;
  static constexpr uint32_t kLastOfGroup = 2;
  static constexpr uint32_t kIdShift = 2;

  std::vector<uint32_t> entries_;  // id << 2 | last of its tie group << 1 | label
  std::vector<uint8_t> flags_;     // the same two low bits, by position: a quarter the bytes
};

}  // namespace foresight::stats::metrics
