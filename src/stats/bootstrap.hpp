// Bootstrap confidence intervals for a metric, computed through its prepared Kernel.
//
// BootstrapInterval evaluates the kernel on all the data (the estimate) and on B Poisson
// bootstrap resamples (see resample.hpp), then builds a percentile or BCa interval from the
// replicates. The interval arithmetic is exposed on its own (PercentileInterval,
// BcaInterval) so it can be checked against SciPy on fixed replicate arrays.
//
// Determinism: replicate b is Evaluate(Resample::Poisson(seed, b)), written to slot b, and
// every reduction runs over the slots in index order after the workers finish, so the
// result is bitwise identical for any thread count.
//
// Threads: the work runs on the caller's Executor (options.executor), so a process that
// serves many requests keeps one pool instead of each call starting its own threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "base/executor.hpp"
#include "base/progress.hpp"
#include "base/result.hpp"
#include "stats/metric.hpp"

namespace foresight::stats {

struct BootstrapOptions {
  enum class Interval {
    kPercentile,  // the alpha/2 and 1 - alpha/2 percentiles of the replicates
    kBca,         // bias-corrected and accelerated (Efron 1987); costs the jackknife below
  };
  size_t resamples = 2000;   // B, at least 1
  double confidence = 0.95;  // in (0, 1)
  // BCa by default, like scipy.stats.bootstrap: it corrects the percentile interval's bias
  // and skew, which matter for bounded metrics near their bounds (an AUC of 0.98, say).
  Interval interval = Interval::kBca;
  uint64_t seed = 0;
  // Where the resamples run; not owned, and it must outlive the call. Null: a pool of
  // `threads` threads (0: the machine's cores) is made for the call, which is convenient for
  // one-off callers and tests; long-lived callers pass one executor to every call.
  Executor* executor = nullptr;
  size_t threads = 0;  // used only when executor is null
  // Counts the work done for a progress bar, when set (not owned): DrawReplicates advances
  // it by n for each replicate drawn, so a call adds n * resamples in all.
  Progress* progress = nullptr;
};

struct Estimate {
  double estimate = 0;  // the metric on all the data
  double lower = 0;     // the interval's bounds
  double upper = 0;
  size_t resamples_used = 0;  // replicates that were not NaN (B minus the dropped ones)
  double standard_error = 0;  // standard deviation of the used replicates (ddof = 1)
};

// The metric on `n` examples (ids 0..n-1) with a bootstrap confidence interval.
//   - estimate = kernel.Evaluate(Resample::All());
//   - replicates r_b = kernel.Evaluate(Resample::Poisson(seed, b)), b in [0, resamples);
//     NaN replicates (metric undefined on that resample) are dropped and counted;
//   - kBca additionally needs jackknife values: the full leave-one-out jackknife in O(n)
//     when the kernel offers it (Kernel::LeaveOneOut: means, ROC AUC), else the
//     delete-a-group jackknife, G = min(n, 1000) evaluations of Resample::LeaveGroupOut(g, G)
//     (per-cell arithmetic for cell-based kernels); see BcaInterval.
// Fails with kInvalidArgument when n = 0, resamples = 0, confidence is not in (0, 1), the
// estimate is NaN, or more than half of the replicates are NaN (then the interval would
// describe a different population of resamples than the estimate).
// Cost: resamples + 1 kernel evaluations (+ G for the grouped jackknife), spread over the
// executor's threads. Fails with the executor's error if a worker fails (out of memory).
Result<Estimate> BootstrapInterval(const Kernel& kernel, size_t n, const BootstrapOptions& options);

// The two halves of BootstrapInterval, for callers that need the replicates themselves
// (PairedBootstrap derives its p-value from them).
struct Replicates {
  double estimate = 0;
  std::vector<double> sorted;  // the non-NaN replicates, ascending
  size_t dropped = 0;          // NaN replicates
  double standard_error = 0;   // of the non-NaN replicates, summed in resample order
};
// Validates the inputs, evaluates the estimate and the replicates; same failures as
// BootstrapInterval.
Result<Replicates> DrawReplicates(const Kernel& kernel, size_t n, const BootstrapOptions& options);
// The interval of options.interval from drawn replicates (kBca evaluates the jackknife).
Result<Estimate> SummarizeReplicates(const Kernel& kernel, size_t n, const Replicates& replicates,
                                     const BootstrapOptions& options);

// What the jackknife of a kernel tells, computed once: BCa's acceleration (independent of
// the confidence level, so an interval at any level can be read off cached replicates with
// it), and the jackknife's standard error, a cheap stand-in for the bootstrap's that needs
// no resamples: sqrt((m - 1) / m * sum (mean - v_j)^2) over the m finite jackknife values.
struct JackknifeSummary {
  double acceleration = 0;
  double standard_error = 0;
  size_t values = 0;  // m: n for the full leave-one-out jackknife, else the groups used
};
// The jackknife of SummarizeReplicates's BCa (the full leave-one-out one when the kernel
// offers it, cell arithmetic for cell-based kernels, else `max_groups` groups at most:
// 1,000 is what BCa uses; fewer makes the standard error cheaper and noisier).
Result<JackknifeSummary> Jackknife(const Kernel& kernel, size_t n, const BootstrapOptions& options,
                                   size_t max_groups = 1000);

// The interval of options.interval (its kind and confidence) from drawn replicates and, for
// kBca, the acceleration of Jackknife: the same numbers SummarizeReplicates gives.
Estimate IntervalOf(const Replicates& replicates, double acceleration,
                    const BootstrapOptions& options);

// A one-sided bound at `confidence` by the method of options.interval, as IntervalOf reads a
// two-sided one: the lower bound (upper = false) is the value the metric exceeds with
// probability `confidence`. Percentile: the (1 - confidence) quantile of the replicates;
// BCa: the quantile at BCa's level for z = NormalQuantile(1 - confidence). So the one-sided
// bound at 97.5% is the limit of the two-sided 95% interval, by either method.
double OneSidedBound(const Replicates& replicates, double acceleration,
                     const BootstrapOptions& options, double confidence, bool upper);

struct IntervalBounds {
  double lower = 0;
  double upper = 0;
};

// The q-quantile (q in [0, 1]) of `sorted` (ascending, no NaN, not empty) with linear
// interpolation between order statistics, exactly as numpy.percentile(a, 100 q) by default:
// position h = (size - 1) q, then a lerp that is exact at both ends. q is clamped to [0, 1];
// NaN for NaN q.
double Quantile(std::span<const double> sorted, double q);

// The percentile interval [Quantile(alpha/2), Quantile(1 - alpha/2)], alpha = 1 - confidence,
// of `replicates` (any order, no NaN, not empty).
IntervalBounds PercentileInterval(std::span<const double> replicates, double confidence);

// What BCa computes before reading off percentiles; exposed for tests.
struct BcaLevels {
  double z0 = 0;            // bias correction
  double acceleration = 0;  // a
  double alpha_lower = 0;   // quantile levels at which the interval is read
  double alpha_upper = 0;
};

// BCa levels as scipy.stats.bootstrap(method='BCa') (scipy/stats/_resampling.py,
// _bca_interval; Efron & Tibshirani 1993, "An Introduction to the Bootstrap", sec. 14.3):
//   z0 = NormalQuantile(fraction of replicates below `estimate`, ties counted as half);
//   a  = sum d^3 / (6 (sum d^2)^1.5), d_j = mean(jackknife) - jackknife_j;
//   alpha_lower/upper = NormalCdf(z0 + (z0 + z) / (1 - a (z0 + z))), z = -/+ z_{1 - alpha/2}.
// `jackknife` holds the statistic with each group of examples left out. SciPy uses the full
// leave-one-out jackknife, which needs n evaluations of an O(n) kernel: O(n^2), 10^12
// operations at n = 10^6. BootstrapInterval uses it only where a kernel computes every
// leave-one-out value in O(1) from its prepared data (Kernel::LeaveOneOut); otherwise it uses
// the delete-a-group jackknife (Efron & Tibshirani 1993, ch. 11) with G = min(n, 1000)
// groups, group g being the examples with id % G == g (sizes differ by at most one). The
// formula for a is the same for both, as its scale factor cancels; for n <= 1000 every group
// is one example, so it IS the full jackknife.
// Degenerate cases, where SciPy returns NaN: when every replicate lies on one side of the
// estimate the fraction is clamped to [1/(2B), 1 - 1/(2B)] (as if one replicate tied), and
// when the jackknife values are all equal (or fewer than two are finite) a = 0. Non-finite
// jackknife values (the metric undefined without that group) are ignored.
BcaLevels ComputeBcaLevels(std::span<const double> replicates, double estimate,
                           std::span<const double> jackknife, double confidence);
// The same from the acceleration instead of the jackknife values.
BcaLevels ComputeBcaLevelsWithAcceleration(std::span<const double> replicates, double estimate,
                                           double acceleration, double confidence);

// The BCa interval: Quantile(alpha_lower), Quantile(alpha_upper) of the sorted replicates.
// Same preconditions as PercentileInterval.
IntervalBounds BcaInterval(std::span<const double> replicates, double estimate,
                           std::span<const double> jackknife, double confidence);

}  // namespace foresight::stats
