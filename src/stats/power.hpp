// How much more data would tell two models apart: the number behind a "cannot tell them
// apart yet" verdict.
#pragma once

#include <cstddef>

namespace foresight::stats {

// The total number of examples (not the additional ones) at which a difference this large
// would just be resolved, i.e. its two-sided `confidence` interval would just exclude 0:
//   ceil(n * (z * standard_error / |difference|)^2),  z = NormalQuantile((1 + confidence) / 2).
// The approximation: the standard error of a mean-like metric shrinks as 1 / sqrt(n), so at
// n' examples it is standard_error * sqrt(n / n'); solve |difference| = z * se(n') for n'.
// It takes the observed difference as the true one and ignores its own sampling noise, so
// at that size the interval excludes 0 only about half the time (50% power); for 80% power
// replace z by z + 0.84, i.e. multiply by ((z + 0.84) / z)^2, about 2 at 95%.
// Returns SIZE_MAX when the difference is 0 or NaN (no amount of data resolves it) or the
// result overflows; 0 when standard_error is 0. Requires confidence in (0, 1).
size_t ExamplesToResolve(double difference, double standard_error, size_t n, double confidence);

}  // namespace foresight::stats
