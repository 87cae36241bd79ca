#include "stats/bootstrap.hpp"

#include "stats/poisson.hpp"
#include "stats/rng.hpp"
#include "stats/simd.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include "stats/distributions.hpp"

namespace foresight::stats {
namespace {

// The weighted means sum(c_i v_i) / sum(c_i) of resamples first..first+count-1 (count at
// most kMeanBatch), each mapped by the kernel's mean form; NaN where every count is zero.
// The values are read in blocks that stay in L1 while every resample of the batch visits
// them, so memory is read once per batch instead of once per resample. The summation order
// depends only on n, so results do not depend on the thread count.
constexpr size_t kMeanBatch = 16;
constexpr size_t kMeanBlock = 2048;  // 16 KiB of values and 2 KiB of counts

void MeanReplicates(const Kernel::MeanForm& form, uint64_t seed, size_t first, size_t count,
                    std::span<double> out) {
  const std::span<const double> values = form.values;
  const size_t n = values.size();
  double sums[kMeanBatch] = {};
  uint64_t totals[kMeanBatch] = {};
  uint8_t counts[kMeanBlock];
  for (size_t start = 0; start < n; start += kMeanBlock) {
    const size_t len = std::min(kMeanBlock, n - start);
    const double* v = values.data() + start;
    for (size_t r = 0; r < count; ++r) {
      Resample::FillPoisson(seed, first + r, start, std::span<uint8_t>(counts, len));
      double acc[8] = {0, 0, 0, 0, 0, 0, 0, 0};
      uint64_t t = 0;
      simd::WeightedSum8(counts, v, len, acc, t);
      sums[r] += ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
      totals[r] += t;
    }
  }
  for (size_t r = 0; r < count; ++r) {
    if (totals[r] == 0) {
      out[r] = std::nan("");
      continue;
    }
    const double mean = sums[r] / static_cast<double>(totals[r]);
    out[r] = form.take_sqrt ? std::sqrt(mean) : mean;
  }
}

// Groups of the delete-a-group jackknife: enough for a stable acceleration estimate, few
// enough that the jackknife costs at most 1000 kernel evaluations.
constexpr size_t kMaxJackknifeGroups = 1000;

std::vector<double> SortedCopy(std::span<const double> values) {
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

double Alpha(double confidence) { return (1 - confidence) / 2; }

// Sums of the squared and cubed deviations d = mean - v of the finite jackknife values v
// (non-finite ones, where the metric is undefined without that group, are ignored).
struct JackknifeMoments {
  size_t count = 0;
  double squares = 0;
  double cubes = 0;
};
JackknifeMoments MomentsOf(std::span<const double> jackknife) {
  JackknifeMoments m;
  double sum = 0;
  for (double v : jackknife) {
    if (!std::isfinite(v)) continue;
    sum += v;
    ++m.count;
  }
  if (m.count < 2) return m;
  const double mean = sum / static_cast<double>(m.count);
  for (double v : jackknife) {
    if (!std::isfinite(v)) continue;
    const double d = mean - v;
    m.squares += d * d;
    m.cubes += d * d * d;
  }
  return m;
}

// Acceleration from jackknife values: sum d^3 / (6 (sum d^2)^1.5).
double AccelerationOf(const JackknifeMoments& m) {
  if (m.count < 2 || m.squares <= 0) return 0;
  return m.cubes / (6 * std::pow(m.squares, 1.5));
}
double Acceleration(std::span<const double> jackknife) {
  return AccelerationOf(MomentsOf(jackknife));
}

// Fraction of replicates below the estimate, ties counted as half, clamped away from 0 and 1.
double FractionBelow(std::span<const double> replicates, double estimate) {
  size_t less = 0;
  size_t less_or_equal = 0;
  for (double r : replicates) {
    less += r < estimate ? 1U : 0U;
    less_or_equal += r <= estimate ? 1U : 0U;
  }
  const double twice = 2 * static_cast<double>(replicates.size());
  const double fraction = static_cast<double>(less + less_or_equal) / twice;
  return std::clamp(fraction, 1 / twice, 1 - 1 / twice);
}

double StandardDeviation(std::span<const double> values) {
  if (values.size() < 2) return 0;
  double sum = 0;
  for (double v : values) sum += v;
  const double mean = sum / static_cast<double>(values.size());
  double squares = 0;
  for (double v : values) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(values.size() - 1));
}

// The executor of `options`, or one of options.threads threads made for this call and kept
// alive by `owned`.
Executor& ExecutorFor(const BootstrapOptions& options, std::unique_ptr<Executor>& owned) {
  if (options.executor != nullptr) return *options.executor;
  // Starting fewer threads than asked for only makes the call slower, never different.
  owned = Executor::Start(options.threads);
  return *owned;
}

// The jackknife values for BCa's acceleration: the full leave-one-out jackknife when the
// kernel computes it in O(n), else the metric with group g of G left out.
Result<std::vector<double>> JackknifeValues(const Kernel& kernel, size_t n, Executor& executor,
                                            size_t max_groups = kMaxJackknifeGroups) {
  if (auto values = kernel.LeaveOneOut(); values && values->size() == n) {
    return std::move(*values);
  }
  const size_t groups = std::max<size_t>(1, std::min(n, max_groups));
  std::vector<double> values(groups);
  if (const size_t cells = kernel.CellCount(); cells > 0) {
    // Per-group cell counts, then each jackknife value from the totals less one group's.
    const std::span<const uint8_t> cell_of = kernel.CellOf();
    std::vector<double> totals(cells, 0.0);
    std::vector<double> by_group(groups * cells, 0.0);
    for (size_t id = 0; id < n; ++id) {
      totals[cell_of[id]] += 1;
      by_group[(id % groups) * cells + cell_of[id]] += 1;
    }
    std::vector<double> counts(cells);
    for (size_t g = 0; g < groups; ++g) {
      for (size_t j = 0; j < cells; ++j) counts[j] = totals[j] - by_group[g * cells + j];
      values[g] = kernel.EvaluateCells(counts);
    }
    return values;
  }
  auto done = executor.ParallelFor(
      groups, [&](size_t g) { values[g] = kernel.Evaluate(Resample::LeaveGroupOut(g, groups)); });
  if (!done) return Fail(done.error().WithContext("bootstrap: the jackknife"));
  return values;
}

}  // namespace

double Quantile(std::span<const double> sorted, double q) {
  if (std::isnan(q)) return q;
  const size_t last = sorted.size() - 1;
  const double h = static_cast<double>(last) * std::clamp(q, 0.0, 1.0);
  const double below = std::floor(h);
  const auto index = static_cast<size_t>(below);
  if (index >= last) return sorted[last];
  const double t = h - below;
  const double a = sorted[index];
  const double b = sorted[index + 1];
  const double difference = b - a;
  // numpy's _lerp: from whichever end is nearer, so q = 1 gives the maximum exactly.
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}

IntervalBounds PercentileInterval(std::span<const double> replicates, double confidence) {
  const std::vector<double> sorted = SortedCopy(replicates);
  const double alpha = Alpha(confidence);
  return {Quantile(sorted, alpha), Quantile(sorted, 1 - alpha)};
}

BcaLevels ComputeBcaLevels(std::span<const double> replicates, double estimate,
                           std::span<const double> jackknife, double confidence) {
  return ComputeBcaLevelsWithAcceleration(replicates, estimate, Acceleration(jackknife),
                                          confidence);
}

BcaLevels ComputeBcaLevelsWithAcceleration(std::span<const double> replicates, double estimate,
                                           double acceleration, double confidence) {
  BcaLevels levels;
  levels.z0 = NormalQuantile(FractionBelow(replicates, estimate));
  levels.acceleration = acceleration;
  const double z_alpha = NormalQuantile(Alpha(confidence));
  const auto level = [&](double z) {
    const double shifted = levels.z0 + z;
    return NormalCdf(levels.z0 + shifted / (1 - levels.acceleration * shifted));
  };
  levels.alpha_lower = level(z_alpha);
  levels.alpha_upper = level(-z_alpha);
  return levels;
}

IntervalBounds BcaInterval(std::span<const double> replicates, double estimate,
                           std::span<const double> jackknife, double confidence) {
  const BcaLevels levels = ComputeBcaLevels(replicates, estimate, jackknife, confidence);
  const std::vector<double> sorted = SortedCopy(replicates);
  return {Quantile(sorted, levels.alpha_lower), Quantile(sorted, levels.alpha_upper)};
}

Result<Replicates> DrawReplicates(const Kernel& kernel, size_t n, const BootstrapOptions& options) {
  if (n == 0) return Fail(ErrorCode::kInvalidArgument, "bootstrap: no examples");
  if (options.resamples == 0) {
    return Fail(ErrorCode::kInvalidArgument, "bootstrap: resamples must be at least 1");
  }
  if (!(options.confidence > 0 && options.confidence < 1)) {
    return Fail(ErrorCode::kInvalidArgument,
                "bootstrap: confidence must be between 0 and 1 (exclusive), got " +
                    std::to_string(options.confidence));
  }
  Replicates result;
  result.estimate = kernel.Evaluate(Resample::All());
  if (std::isnan(result.estimate)) {
    return Fail(ErrorCode::kInvalidArgument, "bootstrap: the metric is undefined on the data");
  }
  std::unique_ptr<Executor> owned;
  Executor& executor = ExecutorFor(options, owned);
  std::vector<double> values(options.resamples);
  // Counts `replicates` more drawn for a progress bar: n examples each.
  const auto done_with = [&](size_t replicates) {
    if (options.progress != nullptr) {
      options.progress->Advance(n * replicates);
    }
  };
  Status done;
  if (const size_t cells = kernel.CellCount(); cells > 0) {
    // Cell-based kernels: under the Poisson bootstrap a cell holding m examples gets a
    // Poisson(m) total, so one draw per cell replaces one per example. Resample b draws from
    // its own stream, so results do not depend on the thread count.
    // Cells are drawn in the order of their first example, which does not depend on how
    // the cells are numbered: a paired comparison read the other way round (b, a) numbers
    // its joint cells differently but draws the same totals for the same examples.
    std::vector<double> totals(cells, 0.0);
    std::vector<size_t> first(cells, SIZE_MAX);
    const std::span<const uint8_t> cell_of = kernel.CellOf().first(n);
    for (size_t id = 0; id < n; ++id) {
      totals[cell_of[id]] += 1;
      first[cell_of[id]] = std::min(first[cell_of[id]], id);
    }
    std::vector<size_t> order(cells);
    for (size_t j = 0; j < cells; ++j) order[j] = j;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return first[x] < first[y]; });
    done = executor.ParallelFor(values.size(), [&](size_t b) {
      CounterRng rng(options.seed, b);
      std::vector<double> counts(cells);
      for (const size_t j : order) counts[j] = static_cast<double>(SamplePoisson(rng, totals[j]));
      values[b] = kernel.EvaluateCells(counts);
      done_with(1);
    });
  } else if (const auto form = kernel.AsMean(); form && form->values.size() == n) {
    const size_t batches = (values.size() + kMeanBatch - 1) / kMeanBatch;
    done = executor.ParallelFor(batches, [&](size_t batch) {
      const size_t first = batch * kMeanBatch;
      const size_t count = std::min(kMeanBatch, values.size() - first);
      MeanReplicates(*form, options.seed, first, count, std::span<double>(values).subspan(first));
      done_with(count);
    });
  } else if (kernel.HasOwnOrder()) {
    constexpr size_t kBatch = Kernel::kInOrderBatch;
    const size_t batches = (values.size() + kBatch - 1) / kBatch;
    done = executor.ParallelFor(batches, [&](size_t batch) {
      const size_t first = batch * kBatch;
      const size_t count = std::min(kBatch, values.size() - first);
      kernel.ReplicatesInOwnOrder(options.seed, first,
                                  std::span<double>(values).subspan(first, count));
      done_with(count);
    });
  } else {
    done = executor.ParallelFor(values.size(), [&](size_t b) {
      // The counts are written once per resample into this thread's buffer, so the
      // kernel reads one byte per example instead of hashing it. (The buffer lives as long
      // as the thread: an executor's workers reuse it from call to call.)
      thread_local std::vector<uint8_t> counts;
      counts.resize(n);
      Resample::FillPoisson(options.seed, b, counts);
      values[b] = kernel.Evaluate(Resample::FromCounts(counts));
      done_with(1);
    });
  }
  if (!done) return Fail(done.error().WithContext("bootstrap"));
  std::erase_if(values, [](double v) { return std::isnan(v); });
  result.dropped = options.resamples - values.size();
  if (2 * result.dropped > options.resamples) {
    return Fail(ErrorCode::kInvalidArgument,
                "bootstrap: the metric is undefined on " + std::to_string(result.dropped) + " of " +
                    std::to_string(options.resamples) +
                    " resamples (more than half); the data are too few or too unbalanced");
  }
  // Before sorting, so that negated replicates (a paired comparison read the other way
  // round) give the same sums, bit for bit.
  result.standard_error = StandardDeviation(values);
  std::sort(values.begin(), values.end());
  result.sorted = std::move(values);
  return result;
}

Result<JackknifeSummary> Jackknife(const Kernel& kernel, size_t n, const BootstrapOptions& options,
                                   size_t max_groups) {
  if (n == 0) return Fail(ErrorCode::kInvalidArgument, "bootstrap: no examples");
  std::unique_ptr<Executor> owned;
  auto values = JackknifeValues(kernel, n, ExecutorFor(options, owned), max_groups);
  if (!values) return Fail(values.error());
  JackknifeSummary summary;
  // The standard error sqrt((m - 1) / m * sum d^2) and the acceleration, from one pass.
  const JackknifeMoments moments = MomentsOf(*values);
  summary.values = moments.count;
  if (moments.count >= 2) {
    const auto m = static_cast<double>(moments.count);
    summary.standard_error = std::sqrt((m - 1) / m * moments.squares);
  }
  summary.acceleration = AccelerationOf(moments);
  return summary;
}

Estimate IntervalOf(const Replicates& replicates, double acceleration,
                    const BootstrapOptions& options) {
  const std::span<const double> sorted = replicates.sorted;
  Estimate estimate;
  estimate.estimate = replicates.estimate;
  estimate.resamples_used = sorted.size();
  estimate.standard_error = replicates.standard_error;
  switch (options.interval) {
    case BootstrapOptions::Interval::kPercentile: {
      const double alpha = Alpha(options.confidence);
      estimate.lower = Quantile(sorted, alpha);
      estimate.upper = Quantile(sorted, 1 - alpha);
      break;
    }
    case BootstrapOptions::Interval::kBca: {
      const BcaLevels levels = ComputeBcaLevelsWithAcceleration(sorted, replicates.estimate,
                                                                acceleration, options.confidence);
      estimate.lower = Quantile(sorted, levels.alpha_lower);
      estimate.upper = Quantile(sorted, levels.alpha_upper);
      break;
    }
  }
  return estimate;
}

double OneSidedBound(const Replicates& replicates, double acceleration,
                     const BootstrapOptions& options, double confidence, bool upper) {
  const std::span<const double> sorted = replicates.sorted;
  const double tail = upper ? confidence : 1 - confidence;
  if (options.interval == BootstrapOptions::Interval::kPercentile) return Quantile(sorted, tail);
  const double z0 = NormalQuantile(FractionBelow(sorted, replicates.estimate));
  const double shifted = z0 + NormalQuantile(tail);
  return Quantile(sorted, NormalCdf(z0 + shifted / (1 - acceleration * shifted)));
}

Result<Estimate> SummarizeReplicates(const Kernel& kernel, size_t n, const Replicates& replicates,
                                     const BootstrapOptions& options) {
  double acceleration = 0;
  if (options.interval == BootstrapOptions::Interval::kBca) {
    auto jackknife = Jackknife(kernel, n, options);
    if (!jackknife) return Fail(jackknife.error());
    acceleration = jackknife->acceleration;
  }
  return IntervalOf(replicates, acceleration, options);
}

Result<Estimate> BootstrapInterval(const Kernel& kernel, size_t n,
                                   const BootstrapOptions& options) {
  // One executor for both halves, when the caller has none.
  std::unique_ptr<Executor> owned;
  BootstrapOptions with_executor = options;
  with_executor.executor = &ExecutorFor(options, owned);
  auto replicates = DrawReplicates(kernel, n, with_executor);
  if (!replicates) return Fail(replicates.error());
  return SummarizeReplicates(kernel, n, *replicates, with_executor);
}

}  // namespace foresight::stats
