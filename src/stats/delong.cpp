#include "stats/delong.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "stats/distributions.hpp"

namespace foresight::stats {
namespace {

// Each example's placement: for a positive, the fraction of negatives scored below it (ties
// half); for a negative, the fraction of positives scored above it (ties half). These are
// Sun & Xu's (Tz - Tx) / n and 1 - (Tz - Ty) / m, computed from counts in the tie groups of
// one sort.
std::vector<double> Placements(std::span<const int32_t> label, std::span<const double> score,
                               size_t positives, size_t negatives) {
  const size_t n = score.size();
  std::vector<std::pair<double, size_t>> sorted(n);
  for (size_t i = 0; i < n; ++i) sorted[i] = {score[i], i};
  std::sort(sorted.begin(), sorted.end());

  std::vector<double> placement(n);
  const auto m = static_cast<double>(positives);
  const auto q = static_cast<double>(negatives);
  size_t positives_before = 0;
  size_t negatives_before = 0;
  for (size_t start = 0; start < n;) {
    size_t end = start;
    size_t group_positives = 0;
    while (end < n && sorted[end].first == sorted[start].first) {
      group_positives += label[sorted[end].second] == 1 ? 1U : 0U;
      ++end;
    }
    const size_t group_negatives = end - start - group_positives;
    // Doubled counts stay exact integers; one division per group.
    const double positive_value =
        static_cast<double>(2 * negatives_before + group_negatives) / (2 * q);
    const double negative_value =
        1 - static_cast<double>(2 * positives_before + group_positives) / (2 * m);
    for (size_t k = start; k < end; ++k) {
      const size_t i = sorted[k].second;
      placement[i] = label[i] == 1 ? positive_value : negative_value;
    }
    positives_before += group_positives;
    negatives_before += group_negatives;
    start = end;
  }
  return placement;
}

// Mean and sample variance (ddof = 1) of values[i] over the examples of one class.
struct Moments {
  double mean = 0;
  double variance = 0;
};

Moments ClassMoments(std::span<const int32_t> label, int32_t cls, const std::vector<double>& values,
                     size_t count) {
  double sum = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (label[i] == cls) sum += values[i];
  }
  const double mean = sum / static_cast<double>(count);
  double squares = 0;
  for (size_t i = 0; i < values.size(); ++i) {
    if (label[i] == cls) squares += (values[i] - mean) * (values[i] - mean);
  }
  return {mean, squares / static_cast<double>(count - 1)};
}

// DeLong variance of an AUC (or AUC difference) from per-example placements (or their
// differences): var over positives / m + var over negatives / n.
double DeLongVariance(std::span<const int32_t> label, const std::vector<double>& values,
                      size_t positives, size_t negatives) {
  return ClassMoments(label, 1, values, positives).variance / static_cast<double>(positives) +
         ClassMoments(label, 0, values, negatives).variance / static_cast<double>(negatives);
}

Result<std::pair<size_t, size_t>> CheckInputs(std::span<const int32_t> label,
                                              std::span<const double> score_a,
                                              std::span<const double> score_b, double confidence) {
  if (label.size() != score_a.size() || label.size() != score_b.size()) {
    return Fail(ErrorCode::kInvalidArgument, "DeLong: labels and scores differ in length");
  }
  if (!(confidence > 0 && confidence < 1)) {
    return Fail(ErrorCode::kInvalidArgument, "DeLong: confidence must be in (0, 1)");
  }
  size_t positives = 0;
  for (size_t i = 0; i < label.size(); ++i) {
    if (label[i] != 0 && label[i] != 1) {
      return Fail(ErrorCode::kInvalidArgument, "DeLong: label of example " + std::to_string(i) +
                                                   " is " + std::to_string(label[i]) +
                                                   ", not 0 or 1");
    }
    if (std::isnan(score_a[i]) || std::isnan(score_b[i])) {
      return Fail(ErrorCode::kInvalidArgument,
                  "DeLong: score of example " + std::to_string(i) + " is NaN");
    }
    positives += label[i] == 1 ? 1U : 0U;
  }
  const size_t negatives = label.size() - positives;
  if (positives < 2 || negatives < 2) {
    return Fail(ErrorCode::kInvalidArgument,
                "DeLong: needs at least 2 positive and 2 negative examples, got " +
                    std::to_string(positives) + " and " + std::to_string(negatives));
  }
  return std::pair{positives, negatives};
}

}  // namespace

Result<DeLongResult> DeLongTest(std::span<const int32_t> label, std::span<const double> score_a,
                                std::span<const double> score_b, double confidence) {
  const auto counts = CheckInputs(label, score_a, score_b, confidence);
  if (!counts) return Fail(counts.error());
  const auto [positives, negatives] = *counts;

  const std::vector<double> placement_a = Placements(label, score_a, positives, negatives);
  std::vector<double> placement_b = Placements(label, score_b, positives, negatives);

  DeLongResult result;
  result.positives = positives;
  result.negatives = negatives;
  result.confidence = confidence;
  result.auc_a = ClassMoments(label, 1, placement_a, positives).mean;
  result.auc_b = ClassMoments(label, 1, placement_b, positives).mean;
  result.standard_error_a = std::sqrt(DeLongVariance(label, placement_a, positives, negatives));
  result.standard_error_b = std::sqrt(DeLongVariance(label, placement_b, positives, negatives));
  result.difference = result.auc_b - result.auc_a;

  // var(a) + var(b) - 2 cov(a, b) is the variance of the placement differences: computing it
  // that way avoids cancellation when the models are highly correlated.
  std::vector<double>& placement_difference = placement_b;
  for (size_t i = 0; i < placement_difference.size(); ++i) {
    placement_difference[i] -= placement_a[i];
  }
  result.variance = DeLongVariance(label, placement_difference, positives, negatives);
  result.standard_error = std::sqrt(result.variance);

  if (result.standard_error > 0) {
    result.z = result.difference / result.standard_error;
  } else {
    result.z = result.difference == 0
                   ? 0
                   : std::copysign(std::numeric_limits<double>::infinity(), result.difference);
  }
  result.p_value = 2 * NormalSf(std::abs(result.z));
  const double half_width = NormalQuantile(0.5 + confidence / 2) * result.standard_error;
  result.lower = result.difference - half_width;
  result.upper = result.difference + half_width;
  return result;
}

}  // namespace foresight::stats
