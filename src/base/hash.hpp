// Mix64: SplitMix64's finaliser, a strong 64-bit mixing function. The counter-based
// randomness of the bootstrap (stats) and of the probe's folds and subsamples (app) is built
// on it, so a draw depends on its key alone, whatever the thread or order.
#pragma once

#include <cstdint>

namespace foresight {

constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 30U;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27U;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31U;
  return x;
}

}  // namespace foresight
