#include "stats/paired.hpp"

#include <algorithm>

namespace foresight::stats {
namespace {

// b - a on each resample; NaN when either is undefined, so the replicate is dropped.
class DifferenceKernel : public Kernel {
 public:
  DifferenceKernel(const Kernel& a, const Kernel& b) : a_(a), b_(b) {}
  double Evaluate(const Resample& resample) const override {
    return b_.Evaluate(resample) - a_.Evaluate(resample);
  }

 private:
  const Kernel& a_;
  const Kernel& b_;
};

}  // namespace

double PairedBootstrapPValue(std::span<const double> differences) {
  size_t at_most_zero = 0;
  size_t at_least_zero = 0;
  for (double d : differences) {
    at_most_zero += d <= 0 ? 1U : 0U;
    at_least_zero += d >= 0 ? 1U : 0U;
  }
  const auto tail = static_cast<double>(1 + std::min(at_most_zero, at_least_zero));
  return std::min(1.0, 2 * tail / static_cast<double>(1 + differences.size()));
}

Result<PairedResult> PairedBootstrap(const Kernel& a, const Kernel& b, size_t n,
                                     const BootstrapOptions& options) {
  const DifferenceKernel difference(a, b);
  auto replicates = DrawReplicates(difference, n, options);
  if (!replicates) return Fail(replicates.error().WithContext("paired comparison"));
  const Estimate estimate = SummarizeReplicates(difference, n, *replicates, options);
  PairedResult result;
  result.difference = estimate.estimate;
  result.lower = estimate.lower;
  result.upper = estimate.upper;
  result.standard_error = estimate.standard_error;
  result.p_value = PairedBootstrapPValue(replicates->sorted);
  result.resamples_used = estimate.resamples_used;
  return result;
}

}  // namespace foresight::stats
