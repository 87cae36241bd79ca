#include "stats/metrics/common.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <string>

#include "stats/metrics/ranked_scores.hpp"

namespace foresight::stats::metrics {
namespace {

// Kernels pack an example id with two flags into 32 bits, and sum counts (at most 10 per
// example) in 64 bits; see RankedScores::kMaxExamples.
constexpr size_t kMaxExamples = RankedScores::kMaxExamples;

Status CheckSize(std::string_view metric, size_t n) {
  if (n == 0) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: the evaluation set is empty", metric));
  }
  if (n > kMaxExamples) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{}: {} examples, more than the {} supported", metric, n, kMaxExamples));
  }
  return {};
}

Status CheckFinite(std::string_view metric, std::string_view what, std::span<const double> values) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("{}: {} at row {} is not a finite number ({})", metric, what, i, values[i]));
    }
  }
  return {};
}

// Which class every example is of, in words that hold whatever the classes are named (label
// code 1 is the positive class).
std::string_view OnlyClass(const MetricData& data) {
  return data.label[0] == 1 ? "the positive class" : "the negative class";
}

}  // namespace

Status CheckBinary(const MetricData& data, std::string_view metric) {
  if (data.label.size() != data.score.size()) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}: {} labels but {} scores", metric,
                                                         data.label.size(), data.score.size()));
  }
  if (auto ok = CheckSize(metric, data.label.size()); !ok) return ok;
  for (size_t i = 0; i < data.label.size(); ++i) {
    if (data.label[i] != 0 && data.label[i] != 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}: label at row {} is {}; binary labels are 0 or 1", metric, i,
                              data.label[i]));
    }
  }
  return CheckFinite(metric, "score", data.score);
}

Status CheckBinaryProbabilities(const MetricData& data, std::string_view metric) {
  if (auto ok = CheckBinary(data, metric); !ok) return ok;
  for (size_t i = 0; i < data.score.size(); ++i) {
    if (data.score[i] < 0 || data.score[i] > 1) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} needs probabilities in [0, 1]; the score at row {} is {}", metric,
                              i, data.score[i]));
    }
  }
  return {};
}

Status CheckBothClasses(const MetricData& data, std::string_view metric) {
  for (int32_t label : data.label) {
    if (label != data.label[0]) return {};
  }
  return Fail(
      ErrorCode::kInvalidArgument,
      fmt::format("{} needs both classes; every example here is of {}", metric, OnlyClass(data)));
}

Status CheckHasPositive(const MetricData& data, std::string_view metric) {
  for (int32_t label : data.label) {
    if (label == 1) return {};
  }
  return Fail(
      ErrorCode::kInvalidArgument,
      fmt::format("{} needs at least one positive example; every example here is of the negative "
                  "class",
                  metric));
}

Status CheckMulticlass(const MetricData& data, std::string_view metric) {
  if (data.classes < 2) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{}: multiclass data needs at least 2 classes, got {}", metric, data.classes));
  }
  if (auto ok = CheckSize(metric, data.label.size()); !ok) return ok;
  if (data.proba.size() / data.classes != data.label.size() ||
      data.proba.size() % data.classes != 0) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: proba has {} values, expected {} examples x {} classes", metric,
                            data.proba.size(), data.label.size(), data.classes));
  }
  for (size_t i = 0; i < data.label.size(); ++i) {
    if (data.label[i] < 0 || static_cast<size_t>(data.label[i]) >= data.classes) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}: label at row {} is {}; labels are 0..{} for {} classes", metric,
                              i, data.label[i], data.classes - 1, data.classes));
    }
  }
  return CheckFinite(metric, "a probability", data.proba);
}

Status CheckRegression(const MetricData& data, std::string_view metric) {
  if (data.target.size() != data.value.size()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: {} targets but {} predicted values", metric, data.target.size(),
                            data.value.size()));
  }
  if (auto ok = CheckSize(metric, data.target.size()); !ok) return ok;
  if (auto ok = CheckFinite(metric, "target", data.target); !ok) return ok;
  return CheckFinite(metric, "predicted value", data.value);
}

double ParamOr(const Params& params, std::string_view name, double fallback) {
  const auto it = params.find(std::string(name));
  return it == params.end() ? fallback : it->second;
}

MeanKernel::MeanKernel(std::vector<double> values, bool take_sqrt)
    : values_(std::move(values)), take_sqrt_(take_sqrt) {
  const bool binary =
      std::all_of(values_.begin(), values_.end(), [](double v) { return v == 0.0 || v == 1.0; });
  if (binary && !values_.empty()) {
    cell_of_.resize(values_.size());
    for (size_t i = 0; i < values_.size(); ++i) cell_of_[i] = values_[i] == 1.0 ? 1 : 0;
  }
}

double MeanKernel::EvaluateCells(std::span<const double> counts) const {
  const double total = counts[0] + counts[1];
  if (total == 0) return kNaN;
  const double mean = counts[1] / total;
  return take_sqrt_ ? std::sqrt(mean) : mean;
}

std::optional<std::vector<double>> MeanKernel::LeaveOneOut() const {
  // Cell-based means (0/1 hits) keep the grouped jackknife of the other cell-based kernels,
  // which is already O(n) with per-cell arithmetic.
  if (!cell_of_.empty()) return std::nullopt;
  const size_t n = values_.size();
  std::vector<double> out(n, kNaN);
  if (n < 2) return out;
  double sum = 0;
  for (const double v : values_) sum += v;
  const auto rest = static_cast<double>(n - 1);
  for (size_t i = 0; i < n; ++i) {
    const double mean = (sum - values_[i]) / rest;
    out[i] = take_sqrt_ ? std::sqrt(mean) : mean;
  }
  return out;
}

double MeanKernel::Evaluate(const Resample& resample) const {
  return WithCounts(resample, [this](auto count) {
    uint64_t total = 0;
    double sum = 0;
    for (size_t i = 0; i < values_.size(); ++i) {
      const uint32_t c = count(i);
      total += c;
      sum += static_cast<double>(c) * values_[i];
    }
    if (total == 0) return kNaN;
    const double mean = sum / static_cast<double>(total);
    return take_sqrt_ ? std::sqrt(mean) : mean;
  });
}

}  // namespace foresight::stats::metrics
