// Resample: how many times each example counts in one evaluation of a metric.
//
// The bootstrap here is the Poisson bootstrap (Hanley & MacGibbon 2006; Chamandy et al.
// 2012): each example's count is an independent Poisson(1) draw, a function of (seed,
// resample, example id) only. Compared with drawing n indices with replacement it has the
// same large-sample behaviour, and three properties that matter here:
//   - a kernel can visit examples in any order (sorted by score, say) and compute each
//     count on the spot, so there is no n-sized count vector to build or look up;
//   - paired comparisons get the same counts for the same example in both runs for free;
//   - results do not depend on the thread count or on which thread ran which resample.
#pragma once

#include <cstdint>

namespace foresight::stats {

class Resample {
 public:
  // Every example counts once: the point estimate.
  static Resample All() { return Resample(Mode::kAll, 0, 0, 0); }
  // Bootstrap resample `index` of the run seeded with `seed`.
  static Resample Poisson(uint64_t seed, uint64_t index) {
    return Resample(Mode::kPoisson, Mix(seed ^ Mix(index + 0x9E3779B97F4A7C15ULL)), 0, 0);
  }
  // Every example counts once except those of group `group` out of `groups` (example id
  // modulo groups), which count zero: the grouped jackknife used by BCa intervals.
  static Resample LeaveGroupOut(uint64_t group, uint64_t groups) {
    return Resample(Mode::kLeaveGroupOut, 0, group, groups);
  }

  // How many times example `id` (its row in the evaluation set) counts.
  uint32_t Count(uint64_t id) const {
    switch (mode_) {
      case Mode::kAll:
        return 1;
      case Mode::kPoisson:
        return PoissonOne(Mix(key_ ^ (id * 0xD1B54A32D192ED03ULL)));
      case Mode::kLeaveGroupOut:
        return id % groups_ == group_ ? 0U : 1U;
    }
    return 1;
  }

  bool is_all() const { return mode_ == Mode::kAll; }

  // SplitMix64's finaliser: a strong 64-bit mixing function.
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 30U;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27U;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31U;
    return x;
  }

  // A Poisson(1) draw by inverting its CDF with 64 random bits.
  static uint32_t PoissonOne(uint64_t bits) {
    // Cumulative P(X <= k) for k = 0..9, scaled to 2^64 (rounded down).
    static constexpr uint64_t kCdf[] = {6786177901268885274ULL,  13572355802537770549ULL,
                                        16965444753172213186ULL, 18096474403383694065ULL,
                                        18379231815936564285ULL, 18435783298447138329ULL,
                                        18445208545532234003ULL, 18446555009401533385ULL,
                                        18446723317385195808ULL, 18446742018272269410ULL};
    uint32_t k = 0;
    while (k < 10 && bits >= kCdf[k]) ++k;
    return k;
  }

 private:
  enum class Mode { kAll, kPoisson, kLeaveGroupOut };
  Resample(Mode mode, uint64_t key, uint64_t group, uint64_t groups)
      : mode_(mode), key_(key), group_(group), groups_(groups) {}

  Mode mode_;
  uint64_t key_;
  uint64_t group_;
  uint64_t groups_;
};

}  // namespace foresight::stats
