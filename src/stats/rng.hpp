// CounterRng: a counter-based random generator (Philox4x32-10, Salmon et al. 2011).
//
// Its output is a pure function of (seed, stream, counter), so resample b of a bootstrap
// can use stream b and get the same numbers whichever thread runs it, in whatever order:
// same seed, same intervals, whatever the thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace foresight::stats {

class CounterRng {
 public:
  CounterRng(uint64_t seed, uint64_t stream) : key_{Low(seed), High(seed)}, stream_(stream) {}

  // The next 32 random bits.
  uint32_t Next32() {
    if (index_ == 4) Refill();
    return block_[index_++];
  }

  // A uniform integer in [0, bound), bound > 0, without modulo bias (Lemire 2019).
  uint32_t Below(uint32_t bound) {
    uint64_t product = static_cast<uint64_t>(Next32()) * bound;
    auto low = static_cast<uint32_t>(product);
    if (low < bound) {
      const uint32_t threshold = static_cast<uint32_t>(-bound) % bound;
      while (low < threshold) {
        product = static_cast<uint64_t>(Next32()) * bound;
        low = static_cast<uint32_t>(product);
      }
    }
    return static_cast<uint32_t>(product >> 32U);
  }

  // A uniform double in [0, 1) with 53 random bits.
  double NextDouble() {
    const uint64_t high = Next32() >> 5U;  // 27 bits
    const uint64_t low = Next32() >> 6U;   // 26 bits
    return static_cast<double>((high << 26U) | low) * 0x1.0p-53;
  }

  // One Philox4x32-10 block for a counter; exposed for tests against known answers.
  static std::array<uint32_t, 4> Block(std::array<uint32_t, 4> counter,
                                       std::array<uint32_t, 2> key);

 private:
  static uint32_t Low(uint64_t x) { return static_cast<uint32_t>(x); }
  static uint32_t High(uint64_t x) { return static_cast<uint32_t>(x >> 32U); }
  void Refill() {
    block_ = Block({Low(counter_), High(counter_), Low(stream_), High(stream_)}, key_);
    ++counter_;
    index_ = 0;
  }

  std::array<uint32_t, 2> key_;
  uint64_t stream_;
  uint64_t counter_ = 0;
  std::array<uint32_t, 4> block_{};
  size_t index_ = 4;
};

}  // namespace foresight::stats
