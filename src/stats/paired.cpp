#include "stats/paired.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace foresight::stats {
namespace {

// b - a on each resample; NaN when either is undefined, so the replicate is dropped.
class DifferenceKernel : public Kernel {
 public:
  DifferenceKernel(const Kernel& a, const Kernel& b, size_t n) : a_(a), b_(b) {
    // When both metrics are plain means of per-example values over the same examples, so is
    // their difference (both means divide by the same total count): the bootstrap can then
    // evaluate it in batches.
    const auto mean_a = a.AsMean();
    const auto mean_b = b.AsMean();
    if (mean_a && mean_b && !mean_a->take_sqrt && !mean_b->take_sqrt &&
        mean_a->values.size() == n && mean_b->values.size() == n) {
      differences_.resize(n);
      for (size_t i = 0; i < n; ++i) differences_[i] = mean_b->values[i] - mean_a->values[i];
    }
    // When both metrics are cell-based, the pair is too: its cells are the joint cells
    // (a's cell, b's cell), so the paired bootstrap draws one count per joint cell and both
    // metrics see the same resample.
    const size_t ka = a.CellCount();
    const size_t kb = b.CellCount();
    if (ka == 0 || kb == 0 || ka * kb > 256 || a.CellOf().size() < n || b.CellOf().size() < n) {
      return;
    }
    joint_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      joint_[i] = static_cast<uint8_t>(a.CellOf()[i] * kb + b.CellOf()[i]);
    }
    cells_a_ = ka;
    cells_b_ = kb;
  }
  double Evaluate(const Resample& resample) const override {
    return b_.Evaluate(resample) - a_.Evaluate(resample);
  }
  // The difference with each example left out, when both metrics offer theirs.
  std::optional<std::vector<double>> LeaveOneOut() const override {
    auto a = a_.LeaveOneOut();
    if (!a) return std::nullopt;
    auto b = b_.LeaveOneOut();
    if (!b || b->size() != a->size()) return std::nullopt;
    for (size_t i = 0; i < b->size(); ++i) (*b)[i] -= (*a)[i];
    return b;
  }
  size_t CellCount() const override { return joint_.empty() ? 0 : cells_a_ * cells_b_; }
  std::optional<MeanForm> AsMean() const override {
    if (differences_.empty()) return std::nullopt;
    return MeanForm{differences_, false};
  }
  std::span<const uint8_t> CellOf() const override { return joint_; }
  double EvaluateCells(std::span<const double> counts) const override {
    std::vector<double> a(cells_a_, 0.0);
    std::vector<double> b(cells_b_, 0.0);
    for (size_t j = 0; j < counts.size(); ++j) {
      a[j / cells_b_] += counts[j];
      b[j % cells_b_] += counts[j];
    }
    return b_.EvaluateCells(b) - a_.EvaluateCells(a);
  }

 private:
  const Kernel& a_;
  const Kernel& b_;
  std::vector<uint8_t> joint_;
  std::vector<double> differences_;
  size_t cells_a_ = 0;
  size_t cells_b_ = 0;
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
  const DifferenceKernel difference(a, b, n);
  // One executor for both halves, when the caller has none.
  BootstrapOptions with_executor = options;
  std::unique_ptr<Executor> owned;
  if (options.executor == nullptr) {
    owned = Executor::Start(options.threads);
    with_executor.executor = owned.get();
  }
  auto replicates = DrawReplicates(difference, n, with_executor);
  if (!replicates) return Fail(replicates.error().WithContext("paired comparison"));
  auto summary = SummarizeReplicates(difference, n, *replicates, with_executor);
  if (!summary) return Fail(summary.error().WithContext("paired comparison"));
  const Estimate& estimate = *summary;
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
