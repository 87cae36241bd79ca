#include "stats/fairness.hpp"

#include <algorithm>
#include <limits>
#include <vector>

namespace foresight::stats {
namespace {

constexpr size_t kMaxGroups = 64;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Cell of an example: group * 4 + label * 2 + predicted.
class GapKernel : public Kernel {
 public:
  GapKernel(std::vector<uint8_t> cells, size_t groups, FairnessGap gap)
      : cells_(std::move(cells)), groups_(groups), gap_(gap) {}

  double Evaluate(const Resample& resample) const override {
    std::vector<double> counts(4 * groups_, 0.0);
    for (size_t i = 0; i < cells_.size(); ++i) counts[cells_[i]] += resample.Count(i);
    return EvaluateCells(counts);
  }
  size_t CellCount() const override { return 4 * groups_; }
  std::span<const uint8_t> CellOf() const override { return cells_; }

  double EvaluateCells(std::span<const double> counts) const override {
    // Per group: [label 0 pred 0, label 0 pred 1, label 1 pred 0, label 1 pred 1].
    double low_a = std::numeric_limits<double>::infinity();
    double high_a = -low_a;
    double low_b = low_a;
    double high_b = -low_a;
    size_t present_a = 0;
    size_t present_b = 0;
    for (size_t g = 0; g < groups_; ++g) {
      const double tn = counts[4 * g];
      const double fp = counts[4 * g + 1];
      const double fn = counts[4 * g + 2];
      const double tp = counts[4 * g + 3];
      switch (gap_) {
        case FairnessGap::kDemographicParity: {
          const double n = tn + fp + fn + tp;
          if (n == 0) continue;
          const double rate = (fp + tp) / n;
          low_a = std::min(low_a, rate);
          high_a = std::max(high_a, rate);
          ++present_a;
          break;
        }
        case FairnessGap::kEqualizedOdds: {
          if (tp + fn > 0) {
            const double tpr = tp / (tp + fn);
            low_a = std::min(low_a, tpr);
            high_a = std::max(high_a, tpr);
            ++present_a;
          }
          if (tn + fp > 0) {
            const double fpr = fp / (tn + fp);
            low_b = std::min(low_b, fpr);
            high_b = std::max(high_b, fpr);
            ++present_b;
          }
          break;
        }
      }
    }
    switch (gap_) {
      case FairnessGap::kDemographicParity:
        return present_a < 2 ? kNaN : high_a - low_a;
      case FairnessGap::kEqualizedOdds:
        if (present_a < 2 || present_b < 2) return kNaN;
        return std::max(high_a - low_a, high_b - low_b);
    }
    return kNaN;
  }

 private:
  std::vector<uint8_t> cells_;
  size_t groups_;
  FairnessGap gap_;
};

}  // namespace

std::string_view FairnessGapName(FairnessGap gap) {
  switch (gap) {
    case FairnessGap::kDemographicParity:
      return "demographic_parity_difference";
    case FairnessGap::kEqualizedOdds:
      return "equalized_odds_difference";
  }
  return "";
}

Result<std::unique_ptr<Kernel>> PrepareFairnessGap(std::span<const int32_t> label,
                                                   std::span<const double> score,
                                                   std::span<const int32_t> group, size_t groups,
                                                   double threshold, FairnessGap gap) {
  if (label.size() != score.size() || label.size() != group.size()) {
    return Fail(ErrorCode::kInvalidArgument,
                "fairness gap: labels, scores and groups differ in length");
  }
  if (groups > kMaxGroups) {
    return Fail(ErrorCode::kInvalidArgument, "fairness gap: more than 64 groups");
  }
  std::vector<uint8_t> cells(label.size());
  for (size_t i = 0; i < label.size(); ++i) {
    if (label[i] != 0 && label[i] != 1) {
      return Fail(ErrorCode::kInvalidArgument, "fairness gap: labels must be 0 or 1");
    }
    if (group[i] < 0 || static_cast<size_t>(group[i]) >= groups) {
      return Fail(ErrorCode::kInvalidArgument, "fairness gap: group code out of range");
    }
    const auto predicted = static_cast<uint32_t>(score[i] >= threshold ? 1 : 0);
    cells[i] = static_cast<uint8_t>(static_cast<uint32_t>(group[i]) * 4U +
                                    static_cast<uint32_t>(label[i]) * 2U + predicted);
  }
  return std::unique_ptr<Kernel>(std::make_unique<GapKernel>(std::move(cells), groups, gap));
}

}  // namespace foresight::stats
