// How much more data would tell two models apart: the number behind a "cannot tell them
// apart yet" verdict.
#pragma once

#include <cstddef>

namespace foresight::stats {

// The total number of examples (not the additional ones) at which a true difference this
// large would be detected with probability `power`: its two-sided `confidence` interval
// would exclude 0 in that share of evaluations,
//   ceil(n * ((z + z_power) * standard_error / |difference|)^2),
//   z = NormalQuantile((1 + confidence) / 2), z_power = NormalQuantile(power).
// The approximation: the standard error of a mean-like metric shrinks as 1 / sqrt(n), so at
// n' examples it is standard_error * sqrt(n / n'); the observed difference is taken as the
// true one. 80% power is the convention (at 50% the interval would exclude 0 only half the
// time: z_power = 0, about half the size).
// Returns SIZE_MAX when the difference is 0 or NaN (no amount of data resolves it) or the
// result overflows; 0 when standard_error is 0. Requires confidence and power in (0, 1).
size_t ExamplesToResolve(double difference, double standard_error, size_t n, double confidence,
                         double power = 0.8);

// The power ExamplesToResolve uses by default, as reports state it.
inline constexpr double kResolvePower = 0.8;

}  // namespace foresight::stats
