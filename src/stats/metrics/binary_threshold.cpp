// Binary metrics of hard predictions (positive when score >= threshold), and two cut-offs
// read off the ranking: recall_at_precision and precision_at_k.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "stats/metrics/common.hpp"
#include "stats/metrics/families.hpp"
#include "stats/metrics/ranked_scores.hpp"

namespace foresight::stats::metrics {
namespace {

constexpr double kDefaultThreshold = 0.5;
constexpr double kDefaultBeta = 1;
constexpr double kMaxBeta = 100;
constexpr double kDefaultMinPrecision = 0.9;
constexpr double kDefaultK = 100;
constexpr double kMaxK = 1e9;

// Weighted confusion counts. Zero divisions follow sklearn's default (zero_division="warn"):
// the ratio is 0.
struct Cells {
  double tn = 0;
  double fp = 0;
  double fn = 0;
  double tp = 0;
};

double Ratio(double num, double den) { return den == 0 ? 0.0 : num / den; }

double Accuracy(const Cells& c, double) { return (c.tp + c.tn) / (c.tp + c.tn + c.fp + c.fn); }
double Precision(const Cells& c, double) { return Ratio(c.tp, c.tp + c.fp); }
double Recall(const Cells& c, double) { return Ratio(c.tp, c.tp + c.fn); }

// As sklearn's precision_recall_fscore_support: from the (zero-division-adjusted) precision
// and recall, with a zero denominator giving 0.
double FBeta(const Cells& c, double beta) {
  const double precision = Precision(c, 0);
  const double recall = Recall(c, 0);
  const double beta2 = beta * beta;
  double denom = beta2 * precision + recall;
  if (denom == 0) denom = 1;
  return (1 + beta2) * precision * recall / denom;
}

// As sklearn's matthews_corrcoef: covariances from the confusion matrix, 0 when either
// variance vanishes (one class only among labels or predictions).
double Mcc(const Cells& c, double) {
  const double t0 = c.tn + c.fp;
  const double t1 = c.fn + c.tp;
  const double p0 = c.tn + c.fn;
  const double p1 = c.fp + c.tp;
  const double n = t0 + t1;
  const double cov_ytyp = (c.tp + c.tn) * n - (t0 * p0 + t1 * p1);
  const double cov_ypyp = n * n - (p0 * p0 + p1 * p1);
  const double cov_ytyt = n * n - (t0 * t0 + t1 * t1);
  if (cov_ypyp * cov_ytyt == 0) return 0;
  return cov_ytyp / std::sqrt(cov_ytyt * cov_ypyp);
}

// As sklearn's balanced_accuracy_score: the mean recall over the classes present among the
// labels (a class absent from the labels is left out, with sklearn's warning).
double BalancedAccuracy(const Cells& c, double) {
  double sum = 0;
  double present = 0;
  if (c.tn + c.fp > 0) {
    sum += c.tn / (c.tn + c.fp);
    ++present;
  }
  if (c.tp + c.fn > 0) {
    sum += c.tp / (c.tp + c.fn);
    ++present;
  }
  return sum / present;
}

using CellScore = double (*)(const Cells&, double);
// A proportion's denominator (its trials), for the metrics that are one.
using CellTrials = double (*)(const Cells&);

double AllExamples(const Cells& c) { return c.tn + c.fp + c.fn + c.tp; }
double PredictedPositives(const Cells& c) { return c.tp + c.fp; }
double Positives(const Cells& c) { return c.tp + c.fn; }

// Each example's confusion cell (label * 2 + predicted) is fixed once the threshold is; a
// resample only re-weights them, so evaluation is a weighted count of four cells.
class CellKernel : public Kernel {
 public:
  CellKernel(const MetricData& data, double threshold, CellScore score, double param,
             CellTrials trials)
      : cells_(data.label.size()), score_(score), param_(param), trials_(trials) {
    std::array<double, 4> counts{};
    for (size_t i = 0; i < cells_.size(); ++i) {
      cells_[i] = static_cast<uint8_t>(2 * data.label[i] + (data.score[i] >= threshold ? 1 : 0));
      ++counts[cells_[i]];
    }
    all_ = Cells{counts[0], counts[1], counts[2], counts[3]};
  }

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      // Four register accumulators rather than counts[cell] += c, whose store-to-load chain
      // through memory would serialise the loop.
      uint64_t total = 0;
      uint64_t label1 = 0;
      uint64_t pred1 = 0;
      uint64_t both = 0;
      for (size_t i = 0; i < cells_.size(); ++i) {
        const uint64_t c = count(i);
        const uint8_t cell = cells_[i];
        total += c;
        label1 += (cell & 2U) != 0 ? c : 0;
        pred1 += (cell & 1U) != 0 ? c : 0;
        both += cell == 3 ? c : 0;
      }
      if (total == 0) return kNaN;
      const auto d = [](uint64_t x) { return static_cast<double>(x); };
      const Cells cells{d(total - label1 - pred1 + both), d(pred1 - both), d(label1 - both),
                        d(both)};
      return score_(cells, param_);
    });
  }

  size_t CellCount() const override { return 4; }
  std::span<const uint8_t> CellOf() const override { return cells_; }
  double EvaluateCells(std::span<const double> counts) const override {
    if (counts[0] + counts[1] + counts[2] + counts[3] == 0) return kNaN;
    return score_(Cells{counts[0], counts[1], counts[2], counts[3]}, param_);
  }
  std::optional<ScoreModel> Score() const override {
    if (trials_ == nullptr) return std::nullopt;
    return ScoreModel{ScoreModel::Kind::kProportion, trials_(all_), 0, 0};
  }

 private:
  std::vector<uint8_t> cells_;  // 0 TN, 1 FP, 2 FN, 3 TP
  CellScore score_;
  double param_;
  CellTrials trials_;  // null: not a proportion
  Cells all_;          // the counts on all the data
};

// The highest recall among the points of sklearn's precision_recall_curve (one per distinct
// score, plus the final point precision 1, recall 0) whose precision is >= p.
class RecallAtPrecisionKernel : public Kernel {
 public:
  RecallAtPrecisionKernel(RankedScores ranked, double min_precision)
      : ranked_(std::move(ranked)), min_precision_(min_precision) {}

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t tp = 0;
      uint64_t fp = 0;
      uint64_t best_tp = 0;  // recall grows with each group: the last qualifying one wins
      ranked_.Walk(count, [&](const GroupCounts& group) {
        tp += group.pos;
        fp += group.neg;
        if (tp > 0 && static_cast<double>(tp) / static_cast<double>(tp + fp) >= min_precision_) {
          best_tp = tp;
        }
        return true;
      });
      if (tp == 0) return kNaN;
      return static_cast<double>(best_tp) / static_cast<double>(tp);
    });
  }

 private:
  RankedScores ranked_;
  double min_precision_;
};

// Precision among the k' = min(k, n) highest-scored examples. Examples tied with the k'-th
// score share the places left equally: each counts (places left) / (tied examples), so the
// result is the expected precision when ties are broken at random.
class PrecisionAtKKernel : public Kernel {
 public:
  PrecisionAtKKernel(RankedScores ranked, uint64_t k) : ranked_(std::move(ranked)), k_(k) {}

  double Evaluate(const Resample& resample) const override {
    return WithCounts(resample, [this](auto count) {
      uint64_t taken = 0;
      uint64_t pos_taken = 0;
      double result = kNaN;
      ranked_.Walk(count, [&](const GroupCounts& group) {
        const uint64_t size = group.pos + group.neg;
        if (taken + size >= k_) {
          const double share = static_cast<double>(k_ - taken) / static_cast<double>(size);
          result = (static_cast<double>(pos_taken) + share * static_cast<double>(group.pos)) /
                   static_cast<double>(k_);
          return false;
        }
        taken += size;
        pos_taken += group.pos;
        return true;
      });
      if (std::isnan(result) && taken > 0) {
        result = static_cast<double>(pos_taken) / static_cast<double>(taken);
      }
      return result;
    });
  }

 private:
  RankedScores ranked_;
  uint64_t k_;
};

ParamSpec ThresholdParam() {
  return {"threshold", kDefaultThreshold,
          -kInf,       kInf,
          false,       "a prediction is positive when score >= threshold"};
}

// `trials`: the denominator when the metric is a proportion (then it has Wilson's score
// interval), else null.
MetricDef AtThreshold(const std::string& name, std::string description, std::string reference,
                      CellScore score, CellTrials trials = nullptr) {
  MetricDef def;
  def.name = name;
  def.family = "binary at a threshold";
  def.tasks = {TaskKind::kBinary};
  def.higher_is_better = true;
  def.params = {ThresholdParam()};
  def.description = std::move(description);
  def.reference = std::move(reference);
  if (trials != nullptr) def.score_model = ScoreModel::Kind::kProportion;
  def.prepare = [name, score, trials](const MetricData& data,
                                      const Params& params) -> Result<std::unique_ptr<Kernel>> {
    if (auto ok = CheckBinary(data, name); !ok) return Fail(ok.error());
    const double beta = ParamOr(params, "beta", kDefaultBeta);
    if (!(beta > 0)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}: beta must be in (0, {}], got {}", name, kMaxBeta, beta));
    }
    return MakeKernel<CellKernel>(data, ParamOr(params, "threshold", kDefaultThreshold), score,
                                  beta, trials);
  };
  return def;
}

MetricDef Cutoff(std::string name, std::string description, std::string reference) {
  MetricDef def;
  def.name = std::move(name);
  def.family = "binary at a threshold";
  def.tasks = {TaskKind::kBinary};
  def.higher_is_better = true;
  def.description = std::move(description);
  def.reference = std::move(reference);
  return def;
}

Result<std::unique_ptr<Kernel>> PrepareRecallAtPrecision(const MetricData& data,
                                                         const Params& params) {
  if (auto ok = CheckBinary(data, "recall_at_precision"); !ok) return Fail(ok.error());
  if (auto ok = CheckHasPositive(data, "recall_at_precision"); !ok) return Fail(ok.error());
  return MakeKernel<RecallAtPrecisionKernel>(RankedScores::Build(data.label, data.score),
                                             ParamOr(params, "p", kDefaultMinPrecision));
}

Result<std::unique_ptr<Kernel>> PreparePrecisionAtK(const MetricData& data, const Params& params) {
  if (auto ok = CheckBinary(data, "precision_at_k"); !ok) return Fail(ok.error());
  const double k = std::clamp(std::round(ParamOr(params, "k", kDefaultK)), 1.0, kMaxK);
  return MakeKernel<PrecisionAtKKernel>(RankedScores::Build(data.label, data.score),
                                        static_cast<uint64_t>(k));
}

}  // namespace

void AddBinaryThresholdMetrics(std::vector<MetricDef>& defs) {
  MetricDef accuracy =
      AtThreshold("accuracy", "Share of examples whose prediction matches the label.",
                  "sklearn.metrics.accuracy_score", Accuracy, AllExamples);
  accuracy.paired_test = PairedTest::kMcNemar;
  defs.push_back(std::move(accuracy));
  defs.push_back(AtThreshold("precision", "Share of predicted positives that are positive.",
                             "sklearn.metrics.precision_score", Precision, PredictedPositives));
  defs.push_back(AtThreshold("recall", "Share of positives predicted positive.",
                             "sklearn.metrics.recall_score", Recall, Positives));
  defs.push_back(AtThreshold("f1", "Harmonic mean of precision and recall.",
                             "sklearn.metrics.f1_score", FBeta));
  MetricDef fbeta = AtThreshold("fbeta", "F-beta: recall weighted beta times as much as precision.",
                                "sklearn.metrics.fbeta_score", FBeta);
  fbeta.params.insert(fbeta.params.begin(),
                      {"beta", kDefaultBeta, 0, kMaxBeta, false,
                       "weight of recall relative to precision; must be > 0", true});
  defs.push_back(std::move(fbeta));
  MetricDef mcc = AtThreshold("mcc", "Matthews correlation between predictions and labels.",
                              "sklearn.metrics.matthews_corrcoef", Mcc);
  mcc.min_value = -1;
  defs.push_back(std::move(mcc));
  defs.push_back(AtThreshold("balanced_accuracy", "Mean of the recalls of the two classes.",
                             "sklearn.metrics.balanced_accuracy_score", BalancedAccuracy));

  MetricDef recall_at = Cutoff("recall_at_precision",
                               "Highest recall at a threshold whose precision is at least p "
                               "(0 when none reaches p).",
                               "sklearn.metrics.precision_recall_curve");
  recall_at.params = {{"p", kDefaultMinPrecision, 0, 1, false, "the precision to reach"}};
  recall_at.prepare = PrepareRecallAtPrecision;
  defs.push_back(std::move(recall_at));

  MetricDef at_k = Cutoff("precision_at_k",
                          "Precision among the k highest scores (all examples when fewer than "
                          "k); examples tied at the cut share the places left.",
                          "none in scikit-learn for binary scores; see the rule in the docs");
  at_k.params = {{"k", kDefaultK, 1, kMaxK, true, "number of top-scored examples"}};
  at_k.prepare = PreparePrecisionAtK;
  defs.push_back(std::move(at_k));
}

}  // namespace foresight::stats::metrics
