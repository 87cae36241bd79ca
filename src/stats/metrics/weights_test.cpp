// Resample weights mean repetition: a kernel evaluated under a resample equals the metric on
// the data set where example i is repeated Count(i) times.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "stats/metric.hpp"
#include "stats/rng.hpp"

namespace foresight::stats {
namespace {

// Owns the arrays a MetricData points into.
struct WeightsCase {
  std::vector<int32_t> label;
  std::vector<double> score, proba, target, value;
  size_t classes = 0;
  TaskKind task = TaskKind::kBinary;

  MetricData View() const {
    MetricData data;
    data.task = task;
    data.label = label;
    data.score = score;
    data.proba = proba;
    data.classes = classes;
    data.target = target;
    data.value = value;
    return data;
  }

  size_t Size() const { return task == TaskKind::kRegression ? target.size() : label.size(); }

  // Example i repeated resample.Count(i) times.
  WeightsCase Repeated(const Resample& resample) const {
    WeightsCase out;
    out.task = task;
    out.classes = classes;
    for (size_t i = 0; i < Size(); ++i) {
      for (uint32_t r = 0; r < resample.Count(i); ++r) {
        if (task == TaskKind::kRegression) {
          out.target.push_back(target[i]);
          out.value.push_back(value[i]);
          continue;
        }
        out.label.push_back(label[i]);
        if (task == TaskKind::kBinary) out.score.push_back(score[i]);
        for (size_t j = 0; j < classes; ++j) out.proba.push_back(proba[i * classes + j]);
      }
    }
    return out;
  }
};

// Rounding to `decimals` makes ties; negative keeps full precision.
double Round(double x, int decimals) {
  if (decimals < 0) return x;
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

WeightsCase BinaryData(size_t n, int decimals, uint64_t seed) {
  CounterRng rng(seed, 0);
  WeightsCase d;
  for (size_t i = 0; i < n; ++i) {
    const int32_t y = rng.Below(100) < 35 ? 1 : 0;
    d.label.push_back(y);
    d.score.push_back(Round(std::min(1.0, 0.7 * rng.NextDouble() + 0.3 * y), decimals));
  }
  return d;
}

WeightsCase MulticlassData(size_t n, size_t classes, int decimals, uint64_t seed) {
  CounterRng rng(seed, 1);
  WeightsCase d;
  d.task = TaskKind::kMulticlass;
  d.classes = classes;
  for (size_t i = 0; i < n; ++i) {
    const auto y = static_cast<int32_t>(rng.Below(static_cast<uint32_t>(classes)));
    d.label.push_back(y);
    std::vector<double> row(classes);
    double sum = 0;
    for (size_t j = 0; j < classes; ++j) {
      row[j] = rng.NextDouble() + (static_cast<int32_t>(j) == y ? 0.5 : 0.0);
      sum += row[j];
    }
    for (double p : row) d.proba.push_back(Round(p / sum, decimals));
  }
  return d;
}

WeightsCase RegressionData(size_t n, int decimals, uint64_t seed) {
  CounterRng rng(seed, 2);
  WeightsCase d;
  d.task = TaskKind::kRegression;
  for (size_t i = 0; i < n; ++i) {
    const double y = Round(10 * rng.NextDouble() - 3, decimals);
    d.target.push_back(i % 17 == 0 ? 0.0 : y);
    d.value.push_back(Round(y + rng.NextDouble() - 0.5, decimals));
  }
  return d;
}

const std::vector<std::string>& SpecsFor(TaskKind task) {
  static const std::vector<std::string> binary = {"roc_auc",
                                                  "average_precision",
                                                  "log_loss",
                                                  "brier",
                                                  "ece",
                                                  "ece{bins=7}",
                                                  "accuracy",
                                                  "precision{threshold=0.6}",
                                                  "recall",
                                                  "f1",
                                                  "fbeta{beta=2}",
                                                  "mcc",
                                                  "balanced_accuracy{threshold=0.4}",
                                                  "recall_at_precision",
                                                  "recall_at_precision{p=0.6}",
                                                  "precision_at_k",
                                                  "precision_at_k{k=7}",
                                                  "precision_at_k{k=100000}"};
  static const std::vector<std::string> multiclass = {"accuracy",
                                                      "top_k_accuracy{k=1}",
                                                      "top_k_accuracy{k=2}",
                                                      "f1_macro",
                                                      "f1_micro",
                                                      "f1_weighted",
                                                      "log_loss",
                                                      "cohen_kappa"};
  static const std::vector<std::string> regression = {"mae",  "rmse",    "r2",
                                                      "mape", "pinball", "pinball{q=0.8}"};
  switch (task) {
    case TaskKind::kBinary:
      return binary;
    case TaskKind::kMulticlass:
      return multiclass;
    case TaskKind::kRegression:
      return regression;
  }
  return binary;
}

// Hashed Poisson counts, explicit counts (filled by FillPoisson, and every count 0..10), the
// jackknife's leave-group-out and the point estimate. Explicit counts cover up to 1000 ids.
std::vector<Resample> Resamples() {
  static const std::vector<uint8_t> filled = [] {
    std::vector<uint8_t> counts(1000);
    Resample::FillPoisson(11, 3, counts);
    return counts;
  }();
  static const std::vector<uint8_t> spread = [] {
    std::vector<uint8_t> counts(1000);
    for (size_t i = 0; i < counts.size(); ++i) counts[i] = static_cast<uint8_t>((i * 7919) % 11);
    return counts;
  }();
  return {Resample::Poisson(1, 0),           Resample::Poisson(2, 5),
          Resample::Poisson(0xDEADBEEF, 77), Resample::FromCounts(filled),
          Resample::FromCounts(spread),      Resample::LeaveGroupOut(1, 4),
          Resample::LeaveGroupOut(0, 3),     Resample::All()};
}

void ExpectRepetitionEquivalence(const WeightsCase& data, const std::string& label) {
  for (const std::string& text : SpecsFor(data.task)) {
    const auto spec = BuiltinMetrics().Parse(text, data.task);
    ASSERT_TRUE(spec.has_value()) << spec.error().message();
    auto kernel = spec->def->prepare(data.View(), spec->params);
    ASSERT_TRUE(kernel.has_value()) << label << " " << text << ": " << kernel.error().message();
    int r = 0;
    for (const Resample& resample : Resamples()) {
      std::string where = label;
      where += " " + text + " resample " + std::to_string(r);
      ++r;
      const double weighted = (*kernel)->Evaluate(resample);
      const WeightsCase repeated = data.Repeated(resample);
      double expected = NAN;
      if (repeated.Size() > 0) {
        auto plain = spec->def->prepare(repeated.View(), spec->params);
        if (plain.has_value()) expected = (*plain)->Evaluate(Resample::All());
      }
      if (std::isnan(expected)) {
        EXPECT_TRUE(std::isnan(weighted)) << where << " = " << weighted;
      } else {
        EXPECT_NEAR(weighted, expected, std::max(1e-12, 1e-12 * std::fabs(expected))) << where;
      }
    }
  }
}

TEST(MetricWeightsTest, BinaryWeightsAreRepetitions) {
  ExpectRepetitionEquivalence(BinaryData(400, -1, 1), "continuous");
  ExpectRepetitionEquivalence(BinaryData(400, 1, 2), "ties");
  ExpectRepetitionEquivalence(BinaryData(6, 1, 3), "tiny");
}

TEST(MetricWeightsTest, MulticlassWeightsAreRepetitions) {
  ExpectRepetitionEquivalence(MulticlassData(300, 4, -1, 4), "continuous");
  ExpectRepetitionEquivalence(MulticlassData(300, 3, 1, 5), "ties");
  ExpectRepetitionEquivalence(MulticlassData(5, 3, 1, 6), "tiny");
  ExpectRepetitionEquivalence(MulticlassData(200, 150, 2, 7), "many classes");
}

TEST(MetricWeightsTest, RegressionWeightsAreRepetitions) {
  ExpectRepetitionEquivalence(RegressionData(400, -1, 8), "continuous");
  ExpectRepetitionEquivalence(RegressionData(300, 0, 9), "ties");
  ExpectRepetitionEquivalence(RegressionData(4, 1, 10), "tiny");
}

}  // namespace
}  // namespace foresight::stats
