// Helpers shared by the metric families: input checks, parameter access, resample counting
// and the kernel that most metrics reduce to (a weighted mean of per-example values).
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "stats/metric.hpp"
#include "stats/resample.hpp"

namespace foresight::stats::metrics {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr double kInf = std::numeric_limits<double>::infinity();

// Runs `body(count)` where `count(id)` is the resample's count of example `id`, specialised
// per kind of resample so each kernel loop inlines its own: a constant 1 for the point
// estimate, a byte load for explicit counts (the bootstrap's FillPoisson), else Count.
template <typename Body>
decltype(auto) WithCounts(const Resample& resample, Body&& body) {
  if (resample.is_all()) return body([](uint64_t) -> uint32_t { return 1; });
  if (const uint8_t* counts = resample.counts()) {
    return body([counts](uint64_t id) -> uint32_t { return counts[id]; });
  }
  return body([&resample](uint64_t id) -> uint32_t { return resample.Count(id); });
}

// Binary data: label and score of equal length n > 0, labels 0/1, finite scores.
Status CheckBinary(const MetricData& data, std::string_view metric);
// Binary data whose scores are probabilities (in [0, 1]), for log_loss, brier and ece.
Status CheckBinaryProbabilities(const MetricData& data, std::string_view metric);
// Both labels occur (roc_auc).
Status CheckBothClasses(const MetricData& data, std::string_view metric);
// At least one positive label (average_precision, recall_at_precision).
Status CheckHasPositive(const MetricData& data, std::string_view metric);
// Multiclass data: classes >= 2, proba of n * classes finite values, labels in range.
Status CheckMulticlass(const MetricData& data, std::string_view metric);
// Regression data: target and value of equal length n > 0, all finite.
Status CheckRegression(const MetricData& data, std::string_view metric);

// The value of parameter `name`, or `fallback` when absent (Parse fills in every default;
// a hand-built Params may not).
double ParamOr(const Params& params, std::string_view name, double fallback);

// A weighted mean of precomputed per-example values: sum count*v / sum count, then
// optionally a square root (rmse). NaN when every count is zero.
class MeanKernel : public Kernel {
 public:
  // When every value is 0 or 1 (hits, as for multiclass accuracy) the kernel is
  // cell-based: two cells, misses and hits, and the bootstrap draws per cell.
  explicit MeanKernel(std::vector<double> values, bool take_sqrt = false);
  double Evaluate(const Resample& resample) const override;
  size_t CellCount() const override { return cell_of_.empty() ? 0 : 2; }
  std::span<const uint8_t> CellOf() const override { return cell_of_; }
  double EvaluateCells(std::span<const double> counts) const override;
  std::optional<MeanForm> AsMean() const override { return MeanForm{values_, take_sqrt_}; }
  std::optional<std::vector<double>> LeaveOneOut() const override;

 private:
  std::vector<double> values_;
  bool take_sqrt_;
  std::vector<uint8_t> cell_of_;
};

// Wraps a kernel as the Result a MetricDef::prepare returns.
template <typename K, typename... Args>
Result<std::unique_ptr<Kernel>> MakeKernel(Args&&... args) {
  return std::unique_ptr<Kernel>(std::make_unique<K>(std::forward<Args>(args)...));
}

}  // namespace foresight::stats::metrics
