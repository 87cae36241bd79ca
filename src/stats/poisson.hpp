// Poisson random variates of any mean, from a CounterRng: the per-cell draws of the
// cell-based bootstrap (see Kernel::CellCount).
#pragma once

#include <cstdint>

#include "stats/rng.hpp"

namespace foresight::stats {

// A Poisson(mean) draw, mean >= 0. Small means (< 10) by multiplying uniforms (Knuth);
// larger ones by Hörmann's transformed rejection with squeeze (PTRS, "The transformed
// rejection method for generating Poisson random variables", Insurance: Mathematics and
// Economics 12, 1993), the algorithm NumPy uses: exact, and O(1) expected time for any mean.
uint64_t SamplePoisson(CounterRng& rng, double mean);

}  // namespace foresight::stats
