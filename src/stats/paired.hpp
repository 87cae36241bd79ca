// Paired bootstrap comparison of two models' metric on the same examples.
//
// Both kernels are evaluated on the same resample (the same Poisson counts for the same
// example), so the replicate difference b - a keeps the correlation between the two models'
// errors: that is what makes the comparison paired, and far tighter than comparing two
// independent intervals.
#pragma once

#include <cstddef>
#include <span>

#include "base/result.hpp"
#include "stats/bootstrap.hpp"
#include "stats/metric.hpp"

namespace foresight::stats {

struct PairedResult {
  double difference = 0;  // metric(b) - metric(a) on all the data
  double lower = 0;       // interval of the difference (percentile or BCa, per the options)
  double upper = 0;
  double standard_error = 0;  // standard deviation of the replicate differences (ddof = 1)
  double p_value = 1;         // two-sided, H0: no difference; see PairedBootstrap
  size_t resamples_used = 0;  // replicates where both metrics were defined
};

// Compares kernels `a` and `b`, prepared on the same n examples in the same row order.
// Replicate d_b = b.Evaluate(R_b) - a.Evaluate(R_b) with R_b = Resample::Poisson(seed, b);
// replicates where either metric is NaN are dropped (failing if more than half are). The
// interval is built from the d_b as BootstrapInterval does (for kBca, the jackknife is of the
// difference too).
// p-value: the bootstrap percentile test, with B the replicates used,
//   p = min(1, 2 (1 + min(#{d_b <= 0}, #{d_b >= 0})) / (1 + B)),
// i.e. twice the smaller tail mass at zero, with the (1 + count) / (1 + B) smoothing of
// Monte Carlo tests (Davison & Hinkley 1997, ch. 4; Phipson & Smyth 2010) so that p is never
// 0 from a finite number of resamples. It agrees with
// the percentile interval: p < 1 - confidence about when that interval excludes 0.
// Swapping a and b negates difference and bounds and keeps p.
// Fails as BootstrapInterval does.
Result<PairedResult> PairedBootstrap(const Kernel& a, const Kernel& b, size_t n,
                                     const BootstrapOptions& options);

// The p-value above from replicate differences (NaN-free, any order); 1 when empty.
double PairedBootstrapPValue(std::span<const double> differences);

}  // namespace foresight::stats
