// The two inner loops of the bootstrap, with SIMD versions chosen once at run time (AVX2
// where the CPU has it, else SSE2, else plain C++). Every version gives the same result, bit
// for bit: the same integers, and the same floating-point operations in the same order.
#pragma once

#include <cstddef>
#include <cstdint>

namespace foresight::stats::simd {

// out[i] = the number of thresholds of Resample::PoissonOne16 that u[i] reaches.
void PoissonFrom16(const uint16_t* u, size_t count, uint8_t* out);

// acc[i % 8] += counts[i] * v[i] (a multiplication, then an addition: never fused) and
// total += counts[i], for i in [0, len): a weighted sum in eight interleaved partial sums.
void WeightedSum8(const uint8_t* counts, const double* v, size_t len, double acc[8],
                  uint64_t& total);

// Which versions run. kBest (the default) picks the widest the CPU supports. Tests force
// each level to check they agree; returns false (and changes nothing) when the CPU or the
// build lacks it.
enum class Level { kBest, kScalar, kSse2, kAvx2 };
bool ForceLevelForTesting(Level level);

}  // namespace foresight::stats::simd
