#include "stats/simd.hpp"

#include <atomic>

#if defined(__x86_64__)
#include <immintrin.h>
#define FORESIGHT_X86 1
#endif

namespace foresight::stats::simd {
namespace {

// Resample::PoissonOne16's thresholds: P(X <= k) for Poisson(1), scaled to 2^16.
constexpr uint16_t kCdf16[] = {24109, 48218, 60273, 64291, 65296, 65497, 65530, 65535};

void PoissonFrom16Scalar(const uint16_t* u, size_t begin, size_t count, uint8_t* out) {
  for (size_t i = begin; i < count; ++i) {
    uint32_t k = 0;
    for (const uint16_t threshold : kCdf16) k += u[i] >= threshold ? 1U : 0U;
    out[i] = static_cast<uint8_t>(k);
  }
}

void WeightedSum8Scalar(const uint8_t* counts, const double* v, size_t begin, size_t len,
                        double acc[8], uint64_t& total) {
  for (size_t i = begin; i < len; ++i) {
    const double product = static_cast<double>(counts[i]) * v[i];
    acc[i % 8] += product;
    total += counts[i];
  }
}

#if defined(FORESIGHT_X86)

// SSE2 (every x86-64 CPU). Signed 16-bit compares see unsigned order once the top bit is
// flipped; u >= t is u > t - 1 (every threshold is at least 1); a passed threshold
// compares to all ones (-1), so subtracting it adds one.
void PoissonFrom16Sse2(const uint16_t* u, size_t count, uint8_t* out) {
  __m128i thresholds[8];
  for (size_t j = 0; j < 8; ++j) {
    thresholds[j] = _mm_set1_epi16(static_cast<int16_t>((kCdf16[j] - 1U) ^ 0x8000U));
  }
  const __m128i flip = _mm_set1_epi16(static_cast<int16_t>(0x8000U));
  size_t i = 0;
  for (; i + 16 <= count; i += 16) {
    __m128i k[2];
    for (size_t half = 0; half < 2; ++half) {
      const __m128i x =
          _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i + 8 * half)), flip);
      __m128i acc = _mm_setzero_si128();
#pragma GCC unroll 8
      for (const __m128i& t : thresholds) acc = _mm_sub_epi16(acc, _mm_cmpgt_epi16(x, t));
      k[half] = acc;
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + i), _mm_packus_epi16(k[0], k[1]));
  }
  PoissonFrom16Scalar(u, i, count, out);
}

__attribute__((target("avx2"))) void PoissonFrom16Avx2(const uint16_t* u, size_t count,
                                                       uint8_t* out) {
  __m256i thresholds[8];
  for (size_t j = 0; j < 8; ++j) {
    thresholds[j] = _mm256_set1_epi16(static_cast<int16_t>((kCdf16[j] - 1U) ^ 0x8000U));
  }
  const __m256i flip = _mm256_set1_epi16(static_cast<int16_t>(0x8000U));
  size_t i = 0;
  for (; i + 32 <= count; i += 32) {
    __m256i k[2];
    for (size_t half = 0; half < 2; ++half) {
      const __m256i x = _mm256_xor_si256(
          _mm256_loadu_si256(reinterpret_cast<const __m256i*>(u + i + 16 * half)), flip);
      __m256i acc = _mm256_setzero_si256();
#pragma GCC unroll 8
      for (const __m256i& t : thresholds) acc = _mm256_sub_epi16(acc, _mm256_cmpgt_epi16(x, t));
      k[half] = acc;
    }
    // packus works within 128-bit halves: put the lanes back in order afterwards.
    const __m256i packed = _mm256_packus_epi16(k[0], k[1]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i),
                        _mm256_permute4x64_epi64(packed, 0xD8));
  }
  PoissonFrom16Scalar(u, i, count, out);
}

// acc[0..7] as four pairs (SSE2) or two quadruples (AVX2): lane l of register m holds
// partial sum 2m + l (or 4m + l), the same eight sums as the scalar loop.
void WeightedSum8Sse2(const uint8_t* counts, const double* v, size_t len, double acc[8],
                      uint64_t& total) {
  const __m128i zero = _mm_setzero_si128();
  __m128d sums[4];
  for (size_t m = 0; m < 4; ++m) sums[m] = _mm_loadu_pd(acc + 2 * m);
  __m128i byte_sums = _mm_setzero_si128();
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    const __m128i c8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(counts + i));
    byte_sums = _mm_add_epi64(byte_sums, _mm_sad_epu8(c8, zero));
    const __m128i c16 = _mm_unpacklo_epi8(c8, zero);
    const __m128i lo = _mm_unpacklo_epi16(c16, zero);
    const __m128i hi = _mm_unpackhi_epi16(c16, zero);
    const __m128d c[4] = {_mm_cvtepi32_pd(lo), _mm_cvtepi32_pd(_mm_shuffle_epi32(lo, 0x4E)),
                          _mm_cvtepi32_pd(hi), _mm_cvtepi32_pd(_mm_shuffle_epi32(hi, 0x4E))};
    for (size_t m = 0; m < 4; ++m) {
      sums[m] = _mm_add_pd(sums[m], _mm_mul_pd(c[m], _mm_loadu_pd(v + i + 2 * m)));
    }
  }
  for (size_t m = 0; m < 4; ++m) _mm_storeu_pd(acc + 2 * m, sums[m]);
  uint64_t lanes[2];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes), byte_sums);
  total += lanes[0] + lanes[1];
  WeightedSum8Scalar(counts, v, i, len, acc, total);
}

__attribute__((target("avx2"))) void WeightedSum8Avx2(const uint8_t* counts, const double* v,
                                                      size_t len, double acc[8], uint64_t& total) {
  const __m128i zero = _mm_setzero_si128();
  __m256d sums[2] = {_mm256_loadu_pd(acc), _mm256_loadu_pd(acc + 4)};
  __m128i byte_sums = _mm_setzero_si128();
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    const __m128i c8 = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(counts + i));
    byte_sums = _mm_add_epi64(byte_sums, _mm_sad_epu8(c8, zero));
    const __m256i c32 = _mm256_cvtepu8_epi32(c8);
    const __m256d c[2] = {_mm256_cvtepi32_pd(_mm256_castsi256_si128(c32)),
                          _mm256_cvtepi32_pd(_mm256_extracti128_si256(c32, 1))};
    for (size_t m = 0; m < 2; ++m) {
      sums[m] = _mm256_add_pd(sums[m], _mm256_mul_pd(c[m], _mm256_loadu_pd(v + i + 4 * m)));
    }
  }
  _mm256_storeu_pd(acc, sums[0]);
  _mm256_storeu_pd(acc + 4, sums[1]);
  uint64_t lanes[2];
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lanes), byte_sums);
  total += lanes[0] + lanes[1];
  WeightedSum8Scalar(counts, v, i, len, acc, total);
}

#endif

std::atomic<Level> forced{Level::kBest};

Level Chosen() {
  const Level level = forced.load(std::memory_order_relaxed);
  if (level != Level::kBest) return level;
#if defined(FORESIGHT_X86)
  static const Level best = __builtin_cpu_supports("avx2") != 0 ? Level::kAvx2 : Level::kSse2;
  return best;
#else
  return Level::kScalar;
#endif
}

}  // namespace

bool ForceLevelForTesting(Level level) {
#if defined(FORESIGHT_X86)
  if (level == Level::kAvx2 && __builtin_cpu_supports("avx2") == 0) return false;
#else
  if (level == Level::kSse2 || level == Level::kAvx2) return false;
#endif
  forced.store(level, std::memory_order_relaxed);
  return true;
}

void PoissonFrom16(const uint16_t* u, size_t count, uint8_t* out) {
  switch (Chosen()) {
#if defined(FORESIGHT_X86)
    case Level::kAvx2:
      return PoissonFrom16Avx2(u, count, out);
    case Level::kSse2:
      return PoissonFrom16Sse2(u, count, out);
#endif
    default:
      return PoissonFrom16Scalar(u, 0, count, out);
  }
}

void WeightedSum8(const uint8_t* counts, const double* v, size_t len, double acc[8],
                  uint64_t& total) {
  switch (Chosen()) {
#if defined(FORESIGHT_X86)
    case Level::kAvx2:
      return WeightedSum8Avx2(counts, v, len, acc, total);
    case Level::kSse2:
      return WeightedSum8Sse2(counts, v, len, acc, total);
#endif
    default:
      return WeightedSum8Scalar(counts, v, 0, len, acc, total);
  }
}

}  // namespace foresight::stats::simd
