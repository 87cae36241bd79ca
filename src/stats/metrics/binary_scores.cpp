// Binary metrics of a score: ranking quality (roc_auc, average_precision) and probability
// quality (log_loss, brier, ece).
#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

#include "stats/metrics/common.hpp"
#include "stats/metrics/families.hpp"
#include "stats/metrics/ranked_scores.hpp"

namespace foresight::stats::metrics {
namespace {

constexpr double kDefaultBins = 10;
constexpr double kMaxBins = 1000;

// AUC = sum over tie groups of neg_g * (pos_above + pos_g / 2) / (P * N): a tie between a
// positive and a negative counts one half, as the trapezoids of sklearn's ROC curve do.
class RocAucKernel : public Kernel {
 public:
  // `constant`: every score is the same, so the AUC is 0.5 on any sample and has no
  // uncertainty for a score interval to show.
  RocAucKernel(RankedScores ranked, double positives, double negatives, bool constant)
      : ranked_(std::move(ranked)),
        positives_(positives),
        negatives_(negatives),
        constant_(constant) {}

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t twice_area = 0;
      uint64_t positives = 0;
      uint64_t negatives = 0;
      ranked_.RocPairs(count, twice_area, positives, negatives);
      if (positives == 0 || negatives == 0) return kNaN;
      return static_cast<double>(twice_area) /
             (2.0 * static_cast<double>(positives) * static_cast<double>(negatives));
    });
  }
  std::optional<std::vector<double>> LeaveOneOut() const override {
    return ranked_.RocLeaveOneOut();
  }
  std::optional<ScoreModel> Score() const override {
    if (constant_) return std::nullopt;
    return ScoreModel{ScoreModel::Kind::kAuc, 0, positives_, negatives_};
  }
  static_assert(RankedScores::kInOrderBatch == kInOrderBatch,
                "the bootstrap's batches are the ranked walk's");
  bool HasOwnOrder() const override { return true; }
  void ReplicatesInOwnOrder(uint64_t seed, uint64_t first, std::span<double> out) const override {
    std::array<RankedScores::RocTotals, kInOrderBatch> totals{};
    const size_t batch = std::min(out.size(), totals.size());
    ranked_.RocPairsInOrder(seed, first, std::span(totals).first(batch));
    for (size_t r = 0; r < batch; ++r) {
      const auto& t = totals[r];
      out[r] = t.positives == 0 || t.negatives == 0
                   ? kNaN
                   : static_cast<double>(t.twice_area) / (2.0 * static_cast<double>(t.positives) *
                                                          static_cast<double>(t.negatives));
    }
  }

 private:
  RankedScores ranked_;
  double positives_;
  double negatives_;
  bool constant_;
};

// AP = sum over tie groups of (pos_g / P) * precision at that group's threshold, the step
// integral sklearn computes from precision_recall_curve (no interpolation).
class AveragePrecisionKernel : public Kernel {
 public:
  explicit AveragePrecisionKernel(RankedScores ranked) : ranked_(std::move(ranked)) {}

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t tp = 0;
      uint64_t fp = 0;
      double sum = 0;
      ranked_.Walk(count, [&](const GroupCounts& group) {
        tp += group.pos;
        fp += group.neg;
        if (group.pos > 0) {
          const double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
          sum += static_cast<double>(group.pos) * precision;
        }
        return true;
      });
      if (tp == 0) return kNaN;
      return sum / static_cast<double>(tp);
    });
  }

 private:
  RankedScores ranked_;
};

// ECE = sum over bins of |sum of count * (label - p)| / total count, which is
// sum of (n_b / n) * |mean label - mean p| over non-empty bins. Examples are stored grouped
// by bin so that a resample is one sequential pass.
class EceKernel : public Kernel {
 public:
  EceKernel(const MetricData& data, size_t bins) {
    // Bin edges as np.linspace(0, 1, bins + 1) computes them; a probability on an inner
    // edge falls in the lower bin (np.searchsorted side='left', as calibration_curve does).
    std::vector<double> inner(bins - 1);
    const double step = 1.0 / static_cast<double>(bins);
    for (size_t i = 0; i + 1 < bins; ++i) inner[i] = static_cast<double>(i + 1) * step;
    const size_t n = data.score.size();
    std::vector<uint32_t> bin_of(n);
    std::vector<uint32_t> start(bins + 1, 0);
    for (size_t i = 0; i < n; ++i) {
      const auto it = std::lower_bound(inner.begin(), inner.end(), data.score[i]);
      bin_of[i] = static_cast<uint32_t>(it - inner.begin());
      ++start[bin_of[i] + 1];
    }
    for (size_t b = 0; b < bins; ++b) start[b + 1] += start[b];
    ids_.resize(n);
    residual_.resize(n);
    std::vector<uint32_t> next(start.begin(), start.end() - 1);
    for (size_t i = 0; i < n; ++i) {
      const uint32_t slot = next[bin_of[i]]++;
      ids_[slot] = static_cast<uint32_t>(i);
      residual_[slot] = static_cast<double>(data.label[i]) - data.score[i];
    }
    for (size_t b = 0; b < bins; ++b) {
      if (start[b + 1] > start[b]) bin_end_.push_back(start[b + 1]);
    }
  }

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t total = 0;
      double gap = 0;
      size_t begin = 0;
      for (const uint32_t end : bin_end_) {
        double bin_sum = 0;
        for (size_t j = begin; j < end; ++j) {
          const uint32_t c = count(ids_[j]);
          total += c;
          bin_sum += static_cast<double>(c) * residual_[j];
        }
        gap += std::fabs(bin_sum);
        begin = end;
      }
      return total == 0 ? kNaN : gap / static_cast<double>(total);
    });
  }

 private:
  std::vector<uint32_t> ids_;      // example ids grouped by bin
  std::vector<double> residual_;   // label - p, in the same order
  std::vector<uint32_t> bin_end_;  // one past the last slot of each non-empty bin
};

Result<std::unique_ptr<Kernel>> PrepareRocAuc(const MetricData& data, const Params&) {
  if (auto ok = CheckBinary(data, "roc_auc"); !ok) return Fail(ok.error());
  if (auto ok = CheckBothClasses(data, "roc_auc"); !ok) return Fail(ok.error());
  const auto positives = static_cast<double>(std::count(data.label.begin(), data.label.end(), 1));
  const bool constant = std::adjacent_find(data.score.begin(), data.score.end(),
                                           std::not_equal_to<>()) == data.score.end();
  return MakeKernel<RocAucKernel>(RankedScores::Build(data.label, data.score), positives,
                                  static_cast<double>(data.label.size()) - positives, constant);
}

Result<std::unique_ptr<Kernel>> PrepareAveragePrecision(const MetricData& data, const Params&) {
  if (auto ok = CheckBinary(data, "average_precision"); !ok) return Fail(ok.error());
  if (auto ok = CheckHasPositive(data, "average_precision"); !ok) return Fail(ok.error());
  return MakeKernel<AveragePrecisionKernel>(RankedScores::Build(data.label, data.score));
}

// Per-example log loss exactly as sklearn 1.2.1 computes it: clip p to [eps, 1 - eps]
// (eps="auto" is float64's machine epsilon), form [1 - p, p], renormalise by its sum.
Result<std::unique_ptr<Kernel>> PrepareBinaryLogLoss(const MetricData& data, const Params&) {
  if (auto ok = CheckBinaryProbabilities(data, "log_loss"); !ok) return Fail(ok.error());
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  std::vector<double> loss(data.score.size());
  for (size_t i = 0; i < loss.size(); ++i) {
    const double p = std::clamp(data.score[i], kEps, 1 - kEps);
    const double q0 = 1 - p;
    const double sum = q0 + p;
    loss[i] = -std::log((data.label[i] == 1 ? p : q0) / sum);
  }
  return MakeKernel<MeanKernel>(std::move(loss));
}

Result<std::unique_ptr<Kernel>> PrepareBrier(const MetricData& data, const Params&) {
  if (auto ok = CheckBinaryProbabilities(data, "brier"); !ok) return Fail(ok.error());
  std::vector<double> loss(data.score.size());
  for (size_t i = 0; i < loss.size(); ++i) {
    const double d = static_cast<double>(data.label[i]) - data.score[i];
    loss[i] = d * d;
  }
  return MakeKernel<MeanKernel>(std::move(loss));
}

Result<std::unique_ptr<Kernel>> PrepareEce(const MetricData& data, const Params& params) {
  if (auto ok = CheckBinaryProbabilities(data, "ece"); !ok) return Fail(ok.error());
  const double bins = std::clamp(std::round(ParamOr(params, "bins", kDefaultBins)), 1.0, kMaxBins);
  return MakeKernel<EceKernel>(data, static_cast<size_t>(bins));
}

MetricDef Binary(std::string name, bool higher_is_better, std::string description,
                 std::string reference) {
  MetricDef def;
  def.name = std::move(name);
  def.family = "binary scores";
  def.tasks = {TaskKind::kBinary};
  def.higher_is_better = higher_is_better;
  def.description = std::move(description);
  def.reference = std::move(reference);
  return def;
}

}  // namespace

void AddBinaryScoreMetrics(std::vector<MetricDef>& defs) {
  MetricDef roc_auc = Binary("roc_auc", true,
                             "Area under the ROC curve: the chance a random positive scores above "
                             "a random negative (ties count one half).",
                             "sklearn.metrics.roc_auc_score");
  roc_auc.prepare = PrepareRocAuc;
  roc_auc.paired_test = PairedTest::kDeLong;
  roc_auc.score_model = ScoreModel::Kind::kAuc;
  defs.push_back(std::move(roc_auc));

  MetricDef ap = Binary("average_precision", true,
                        "Average precision: precision at each threshold weighted by the recall "
                        "it adds (step integral of the precision-recall curve).",
                        "sklearn.metrics.average_precision_score");
  ap.prepare = PrepareAveragePrecision;
  defs.push_back(std::move(ap));

  MetricDef log_loss = Binary("log_loss", false,
                              "Mean negative log-likelihood of the labels under the score read as "
                              "P(label = 1), clipped to [eps, 1 - eps].",
                              "sklearn.metrics.log_loss");
  log_loss.prepare = PrepareBinaryLogLoss;
  log_loss.max_value = std::numeric_limits<double>::infinity();
  defs.push_back(std::move(log_loss));

  MetricDef brier = Binary("brier", false,
                           "Brier score: mean squared difference between the label and the "
                           "probability of the positive class.",
                           "sklearn.metrics.brier_score_loss");
  brier.prepare = PrepareBrier;
  defs.push_back(std::move(brier));

  MetricDef ece = Binary("ece", false,
                         "Expected calibration error: |mean label - mean probability| per "
                         "equal-width bin, weighted by the bin's share of examples.",
                         "sklearn.calibration.calibration_curve(strategy='uniform')");
  ece.params = {{"bins", kDefaultBins, 1, kMaxBins, true,
                 "number of equal-width probability bins on [0, 1]"}};
  ece.prepare = PrepareEce;
  defs.push_back(std::move(ece));
}

}  // namespace foresight::stats::metrics
