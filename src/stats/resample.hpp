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

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

#include "base/hash.hpp"
#include "stats/simd.hpp"

namespace foresight::stats {

class Resample {
 public:
  // Every example counts once: the point estimate.
  static Resample All() { return Resample(Mode::kAll, 0, 0, 0); }
  // Bootstrap resample `index` of the run seeded with `seed`, computed per example on the fly.
  static Resample Poisson(uint64_t seed, uint64_t index) {
    return Resample(Mode::kPoisson, Mix(seed ^ Mix(index + 0x9E3779B97F4A7C15ULL)), 0, 0);
  }
  // The same resample's counts for ids 0..out.size()-1, written in one sequential pass
  // (one hash per four examples): out[id] == Poisson(seed, index).Count(id).
  static void FillPoisson(uint64_t seed, uint64_t index, std::span<uint8_t> out) {
    FillPoisson(seed, index, 0, out);
  }
  // The counts of ids first_id..first_id+out.size()-1; first_id must be a multiple of 4.
  static void FillPoisson(uint64_t seed, uint64_t index, uint64_t first_id,
                          std::span<uint8_t> out) {
    const uint64_t key = Mix(seed ^ Mix(index + 0x9E3779B97F4A7C15ULL));
    const uint64_t first_block = first_id / 4;
    const size_t blocks = out.size() / 4;
    // Two passes, so the second vectorises: the hashes (16 bits per example, little-endian
    // lanes), then the thresholds counted over 16-bit values.
    constexpr size_t kBatch = 1024;  // blocks per batch: 8 KiB of hashes, in L1
    uint64_t hashes[kBatch];
    uint16_t lanes[4 * kBatch];
    for (size_t start = 0; start < blocks; start += kBatch) {
      const size_t count = std::min(kBatch, blocks - start);
      for (size_t j = 0; j < count; ++j) {
        hashes[j] = Mix(key ^ ((first_block + start + j) * kBlockStride));
      }
      if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(lanes, hashes, count * sizeof(uint64_t));  // the lanes, as laid out
      } else {
        for (size_t j = 0; j < count; ++j) {
          for (unsigned lane = 0; lane < 4; ++lane) {
            lanes[4 * j + lane] = static_cast<uint16_t>(hashes[j] >> (16U * lane));
          }
        }
      }
      simd::PoissonFrom16(lanes, 4 * count, out.data() + 4 * start);
    }
    const Resample tail(Mode::kPoisson, key, 0, 0);
    for (size_t i = blocks * 4; i < out.size(); ++i) {
      out[i] = static_cast<uint8_t>(tail.Count(first_id + i));
    }
  }
  // Counts given explicitly (e.g. by FillPoisson), one per example id; not owned.
  static Resample FromCounts(std::span<const uint8_t> counts) {
    Resample r(Mode::kCounts, 0, 0, 0);
    r.counts_ = counts.data();
    return r;
  }
  // Every example counts once except those of group `group` out of `groups` (example id
  // modulo groups), which count zero: the grouped jackknife BCa intervals use for kernels
  // without leave-one-out values (Kernel::LeaveOneOut).
  // Requires 0 < groups < 2^32 and ids below 2^32.
  static Resample LeaveGroupOut(uint64_t group, uint64_t groups) {
    // Lemire's fastmod constant: id % groups with two multiplications instead of a division,
    // which matters because the jackknife calls Count n times for each of up to 1,000 groups.
    return Resample(Mode::kLeaveGroupOut, UINT64_MAX / groups + 1, group, groups);
  }

  // How many times example `id` (its row in the evaluation set) counts.
  uint32_t Count(uint64_t id) const {
    switch (mode_) {
      case Mode::kAll:
        return 1;
      case Mode::kPoisson: {
        const uint64_t h = Mix(key_ ^ ((id >> 2U) * kBlockStride));
        return PoissonOne16(static_cast<uint32_t>((h >> (16U * (id & 3U))) & 0xFFFFU));
      }
      case Mode::kCounts:
        return counts_[id];
      case Mode::kLeaveGroupOut:
        return FastMod(static_cast<uint32_t>(id)) == group_ ? 0U : 1U;
    }
    return 1;
  }

  bool is_all() const { return mode_ == Mode::kAll; }
  // The explicit counts of a FromCounts resample (one per id), else null: kernels read them
  // directly, which lets compilers vectorise their loops.
  const uint8_t* counts() const { return mode_ == Mode::kCounts ? counts_ : nullptr; }

  // SplitMix64's finaliser (base/hash.hpp).
  static uint64_t Mix(uint64_t x) { return Mix64(x); }

  // A Poisson(1) draw from 16 random bits: the number of CDF thresholds (scaled to 2^16)
  // that u reaches. Branch-free, so compilers vectorise FillPoisson. The 16-bit grid moves
  // each probability by less than 2^-16, far below the bootstrap's own Monte Carlo noise.
  static uint32_t PoissonOne16(uint32_t u) {
    static constexpr uint32_t kCdf16[] = {24109, 48218, 60273, 64291, 65296, 65497, 65530, 65535};
    uint32_t k = 0;
    for (const uint32_t threshold : kCdf16) k += u >= threshold ? 1U : 0U;
    return k;
  }

  // A Poisson(1) draw by inverting its CDF with 64 random bits. Branch-free: the draw is 0
  // or 1 three times in four, a coin flip no branch predictor can guess, so counting the
  // thresholds passed is about three times faster than searching for the first one missed.
  static uint32_t PoissonOne(uint64_t bits) {
    // Cumulative P(X <= k) for k = 0..9, scaled to 2^64 (rounded down).
    static constexpr uint64_t kCdf[] = {6786177901268885274ULL,  13572355802537770549ULL,
                                        16965444753172213186ULL, 18096474403383694065ULL,
                                        18379231815936564285ULL, 18435783298447138329ULL,
                                        18445208545532234003ULL, 18446555009401533385ULL,
                                        18446723317385195808ULL, 18446742018272269410ULL};
    uint32_t k = 0;
    for (const uint64_t threshold : kCdf) k += bits >= threshold ? 1U : 0U;
    return k;
  }

 private:
  enum class Mode { kAll, kPoisson, kLeaveGroupOut, kCounts };
  static constexpr uint64_t kBlockStride = 0xD1B54A32D192ED03ULL;
  Resample(Mode mode, uint64_t key, uint64_t group, uint64_t groups)
      : mode_(mode), key_(key), group_(group), groups_(groups) {}

  // id % groups_ for ids below 2^32 (Lemire, Kaser & Kurz 2019, "Faster remainder by direct
  // computation"); key_ holds the constant ceil(2^64 / groups_).
  uint64_t FastMod(uint32_t id) const {
    // The high 64 bits of low * groups_ (groups_ < 2^32), without a 128-bit type.
    const uint64_t low = key_ * id;
    const uint64_t high_part = (low >> 32U) * groups_;
    const uint64_t low_part = ((low & 0xFFFFFFFFULL) * groups_) >> 32U;
    return (high_part + low_part) >> 32U;
  }

  Mode mode_;
  uint64_t key_;
  uint64_t group_;
  uint64_t groups_;
  const uint8_t* counts_ = nullptr;
};

}  // namespace foresight::stats
