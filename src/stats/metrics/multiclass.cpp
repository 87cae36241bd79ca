// Multiclass metrics on an n x k matrix of class probabilities (or any scores, except for
// log_loss). The predicted class is the argmax, ties going to the lowest class index as
// np.argmax does.
#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "stats/metrics/common.hpp"
#include "stats/metrics/families.hpp"

namespace foresight::stats::metrics {
namespace {

constexpr double kDefaultTopK = 5;
constexpr double kMaxTopK = 1e6;

std::span<const double> Row(const MetricData& data, size_t i) {
  return data.proba.subspan(i * data.classes, data.classes);
}

// Whether the true class is among the k first of sklearn 1.2.1's top_k_accuracy_score order:
// np.argsort(kind="mergesort") reversed, so among tied scores the HIGHER class index comes
// first (unlike argmax). Its rank is the number of classes scored above it plus the tied
// classes with a higher index.
bool InTopK(std::span<const double> row, size_t label, size_t k) {
  size_t rank = 0;
  for (size_t j = 0; j < row.size(); ++j) {
    if (row[j] > row[label] || (j > label && row[j] == row[label])) ++rank;
  }
  return rank < k;
}

enum class Summary { kF1Macro, kF1Micro, kF1Weighted, kKappa };

// Per-class weighted counts: true (row sums), predicted (column sums) and correct (the
// diagonal) of the confusion matrix, enough for the F1 averages and Cohen's kappa.
struct ClassCounts {
  std::span<const uint64_t> truth;
  std::span<const uint64_t> predicted;
  std::span<const uint64_t> correct;
  uint64_t total = 0;
};

// sklearn's F1 of one class: zero-division ratios are 0, as is F1 when both are.
double ClassF1(double tp, double predicted, double truth) {
  const double precision = predicted == 0 ? 0.0 : tp / predicted;
  const double recall = truth == 0 ? 0.0 : tp / truth;
  double denom = precision + recall;
  if (denom == 0) denom = 1;
  return 2 * precision * recall / denom;
}

// f1_score(average=...) with labels=None: averages run over the classes present among the
// labels or the predictions, as sklearn's do.
double Summarise(const ClassCounts& c, Summary summary) {
  const auto d = [](uint64_t x) { return static_cast<double>(x); };
  switch (summary) {
    case Summary::kF1Micro: {
      uint64_t correct = 0;
      for (uint64_t x : c.correct) correct += x;
      return ClassF1(d(correct), d(c.total), d(c.total));
    }
    case Summary::kF1Macro:
    case Summary::kF1Weighted: {
      double sum = 0;
      double weight = 0;
      for (size_t j = 0; j < c.truth.size(); ++j) {
        if (c.truth[j] + c.predicted[j] == 0) continue;
        const double w = summary == Summary::kF1Macro ? 1.0 : d(c.truth[j]);
        sum += w * ClassF1(d(c.correct[j]), d(c.predicted[j]), d(c.truth[j]));
        weight += w;
      }
      return sum / weight;
    }
    case Summary::kKappa: {
      // kappa = 1 - observed disagreement / disagreement expected from the margins.
      uint64_t agree = 0;
      double expected = 0;  // times total; sums of integer products, exact below 2^53
      for (size_t j = 0; j < c.truth.size(); ++j) {
        agree += c.correct[j];
        expected += d(c.predicted[j]) * d(c.total - c.truth[j]);
      }
      if (expected == 0) return kNaN;
      return 1 - d(c.total - agree) * d(c.total) / expected;
    }
  }
  return kNaN;
}

class ClassCountsKernel : public Kernel {
 public:
  ClassCountsKernel(const MetricData& data, Summary summary)
      : classes_(data.classes), pairs_(data.label.size()), summary_(summary) {
    for (size_t i = 0; i < pairs_.size(); ++i) {
      const auto row = Row(data, i);
      const auto argmax = std::max_element(row.begin(), row.end()) - row.begin();
      pairs_[i] = {static_cast<uint32_t>(data.label[i]), static_cast<uint32_t>(argmax)};
    }
    // Up to 16 classes the confusion matrix fits the cell-based bootstrap's 256 cells.
    if (classes_ <= kMaxCellClasses) {
      cell_of_.resize(pairs_.size());
      for (size_t i = 0; i < pairs_.size(); ++i) {
        cell_of_[i] = static_cast<uint8_t>(pairs_[i].label * classes_ + pairs_[i].pred);
      }
    }
  }

  size_t CellCount() const override { return cell_of_.empty() ? 0 : classes_ * classes_; }
  std::span<const uint8_t> CellOf() const override { return cell_of_; }
  double EvaluateCells(std::span<const double> cells) const override {
    std::array<uint64_t, 3 * kMaxCellClasses> counts{};
    const std::span<uint64_t> truth = std::span(counts).subspan(0, classes_);
    const std::span<uint64_t> predicted = std::span(counts).subspan(classes_, classes_);
    const std::span<uint64_t> correct = std::span(counts).subspan(2 * classes_, classes_);
    uint64_t total = 0;
    for (size_t label = 0; label < classes_; ++label) {
      for (size_t pred = 0; pred < classes_; ++pred) {
        const auto c = static_cast<uint64_t>(cells[label * classes_ + pred]);
        truth[label] += c;
        predicted[pred] += c;
        correct[label] += label == pred ? c : 0;
        total += c;
      }
    }
    if (total == 0) return kNaN;
    return Summarise({truth, predicted, correct, total}, summary_);
  }

  double Evaluate(const Resample& resample) const override {
    // Counts live on the stack for up to kStackClasses classes: no allocation per resample.
    constexpr size_t kStackClasses = 128;
    std::array<uint64_t, 3 * kStackClasses> stack{};
    std::vector<uint64_t> heap;
    std::span<uint64_t> counts(stack);
    if (classes_ > kStackClasses) {
      heap.assign(3 * classes_, 0);
      counts = heap;
    }
    const std::span<uint64_t> truth = counts.subspan(0, classes_);
    const std::span<uint64_t> predicted = counts.subspan(classes_, classes_);
    const std::span<uint64_t> correct = counts.subspan(2 * classes_, classes_);
    const uint64_t total = WithCounts(resample, [&](auto count) {
      uint64_t sum = 0;
      for (size_t i = 0; i < pairs_.size(); ++i) {
        const uint64_t c = count(i);
        const Pair pair = pairs_[i];
        truth[pair.label] += c;
        predicted[pair.pred] += c;
        correct[pair.label] += pair.label == pair.pred ? c : 0;
        sum += c;
      }
      return sum;
    });
    if (total == 0) return kNaN;
    return Summarise({truth, predicted, correct, total}, summary_);
  }

 private:
  struct Pair {
    uint32_t label;
    uint32_t pred;
  };
  static constexpr size_t kMaxCellClasses = 16;
  size_t classes_;
  std::vector<Pair> pairs_;
  std::vector<uint8_t> cell_of_;  // label * classes + predicted, when classes <= 16
  Summary summary_;
};

// A share of hits (0/1 values): a proportion with the examples as its trials.
class HitsKernel : public MeanKernel {
 public:
  explicit HitsKernel(std::vector<double> hits) : MeanKernel(std::move(hits)) {}
  std::optional<ScoreModel> Score() const override {
    return ScoreModel{ScoreModel::Kind::kProportion, static_cast<double>(AsMean()->values.size()),
                      0, 0};
  }
};

Result<std::unique_ptr<Kernel>> PrepareAccuracy(const MetricData& data, const Params&) {
  if (auto ok = CheckMulticlass(data, "accuracy"); !ok) return Fail(ok.error());
  std::vector<double> hit(data.label.size());
  for (size_t i = 0; i < hit.size(); ++i) {
    const auto row = Row(data, i);
    const auto argmax = std::max_element(row.begin(), row.end()) - row.begin();
    hit[i] = argmax == data.label[i] ? 1.0 : 0.0;
  }
  return MakeKernel<HitsKernel>(std::move(hit));
}

Result<std::unique_ptr<Kernel>> PrepareTopK(const MetricData& data, const Params& params) {
  if (auto ok = CheckMulticlass(data, "top_k_accuracy"); !ok) return Fail(ok.error());
  const double k = std::clamp(std::round(ParamOr(params, "k", kDefaultTopK)), 1.0, kMaxTopK);
  std::vector<double> hit(data.label.size());
  for (size_t i = 0; i < hit.size(); ++i) {
    hit[i] = InTopK(Row(data, i), static_cast<size_t>(data.label[i]), static_cast<size_t>(k)) ? 1.0
                                                                                              : 0.0;
  }
  return MakeKernel<HitsKernel>(std::move(hit));
}

// Per-example loss as sklearn 1.2.1's log_loss: clip every probability to [eps, 1 - eps]
// (eps = float64 machine epsilon), renormalise the row by its sum, take -log of the true
// class's share.
Result<std::unique_ptr<Kernel>> PrepareMulticlassLogLoss(const MetricData& data, const Params&) {
  if (auto ok = CheckMulticlass(data, "log_loss"); !ok) return Fail(ok.error());
  constexpr double kEps = std::numeric_limits<double>::epsilon();
  std::vector<double> loss(data.label.size());
  for (size_t i = 0; i < loss.size(); ++i) {
    const auto row = Row(data, i);
    double sum = 0;
    for (size_t j = 0; j < row.size(); ++j) {
      if (row[j] < 0 || row[j] > 1) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("log_loss needs probabilities in [0, 1]; row {} has {} for class {}", i,
                        row[j], j));
      }
      sum += std::clamp(row[j], kEps, 1 - kEps);
    }
    const double p = std::clamp(row[static_cast<size_t>(data.label[i])], kEps, 1 - kEps);
    loss[i] = -std::log(p / sum);
  }
  return MakeKernel<MeanKernel>(std::move(loss));
}

auto PrepareCounts(std::string name, Summary summary) {
  return [name = std::move(name), summary](const MetricData& data,
                                           const Params&) -> Result<std::unique_ptr<Kernel>> {
    if (auto ok = CheckMulticlass(data, name); !ok) return Fail(ok.error());
    auto kernel = std::make_unique<ClassCountsKernel>(data, summary);
    if (std::isnan(kernel->Evaluate(Resample::All()))) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{} is undefined when every label and every prediction is the "
                              "same class",
                              name));
    }
    return std::unique_ptr<Kernel>(std::move(kernel));
  };
}

MetricDef Multiclass(std::string name, bool higher_is_better, std::string description,
                     std::string reference) {
  MetricDef def;
  def.name = std::move(name);
  def.family = "multiclass";
  def.tasks = {TaskKind::kMulticlass};
  def.higher_is_better = higher_is_better;
  def.description = std::move(description);
  def.reference = std::move(reference);
  return def;
}

}  // namespace

void AddMulticlassMetrics(std::vector<MetricDef>& defs) {
  MetricDef accuracy = Multiclass("accuracy", true,
                                  "Share of examples whose most probable class is the label "
                                  "(ties go to the lowest class index).",
                                  "sklearn.metrics.accuracy_score on argmax");
  accuracy.prepare = PrepareAccuracy;
  accuracy.paired_test = PairedTest::kMcNemar;
  accuracy.score_model = ScoreModel::Kind::kProportion;
  defs.push_back(std::move(accuracy));

  MetricDef top_k = Multiclass("top_k_accuracy", true,
                               "Share of examples whose label is among the k most probable "
                               "classes (ties go to the higher class index, as in sklearn).",
                               "sklearn.metrics.top_k_accuracy_score");
  top_k.params = {{"k", kDefaultTopK, 1, kMaxTopK, true, "number of classes that count as a hit"}};
  top_k.prepare = PrepareTopK;
  top_k.score_model = ScoreModel::Kind::kProportion;
  defs.push_back(std::move(top_k));

  const std::array<std::pair<const char*, Summary>, 3> f1s = {
      {{"f1_macro", Summary::kF1Macro},
       {"f1_micro", Summary::kF1Micro},
       {"f1_weighted", Summary::kF1Weighted}}};
  const std::array<const char*, 3> f1_descriptions = {
      "Unweighted mean of the per-class F1 over the classes present.",
      "F1 of all decisions pooled (equals accuracy for single-label data).",
      "Mean of the per-class F1 weighted by each class's number of examples."};
  for (size_t i = 0; i < f1s.size(); ++i) {
    MetricDef f1 = Multiclass(
        f1s[i].first, true, f1_descriptions[i],
        std::string("sklearn.metrics.f1_score(average='") + (f1s[i].first + 3) + "') on argmax");
    f1.prepare = PrepareCounts(f1s[i].first, f1s[i].second);
    defs.push_back(std::move(f1));
  }

  MetricDef log_loss = Multiclass("log_loss", false,
                                  "Mean negative log-probability of the true class, "
                                  "probabilities clipped to [eps, 1 - eps] and renormalised.",
                                  "sklearn.metrics.log_loss");
  log_loss.prepare = PrepareMulticlassLogLoss;
  log_loss.max_value = std::numeric_limits<double>::infinity();
  defs.push_back(std::move(log_loss));

  MetricDef kappa = Multiclass("cohen_kappa", true,
                               "Cohen's kappa between labels and argmax predictions: agreement "
                               "beyond what the class frequencies explain.",
                               "sklearn.metrics.cohen_kappa_score");
  kappa.prepare = PrepareCounts("cohen_kappa", Summary::kKappa);
  kappa.min_value = -1;
  defs.push_back(std::move(kappa));
}

}  // namespace foresight::stats::metrics
