// The cell-based bootstrap (one Poisson draw per confusion cell) against the per-example
// Poisson bootstrap it replaces: same estimate, statistically the same interval.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/bootstrap.hpp"
#include "stats/metric.hpp"
#include "stats/paired.hpp"
#include "stats/rng.hpp"

namespace foresight::stats {
namespace {

// Hides a kernel's cells, forcing the per-example path.
class PerExample : public Kernel {
 public:
  explicit PerExample(const Kernel& inner) : inner_(inner) {}
  double Evaluate(const Resample& resample) const override { return inner_.Evaluate(resample); }

 private:
  const Kernel& inner_;
};

struct Binary {
  std::vector<int32_t> label;
  std::vector<double> score_a;
  std::vector<double> score_b;
};

Binary MakeData(size_t n) {
  CounterRng rng(2024, 0);
  Binary d;
  for (size_t i = 0; i < n; ++i) {
    const int32_t y = rng.Below(10) < 4 ? 1 : 0;
    d.label.push_back(y);
    d.score_a.push_back(0.7 * rng.NextDouble() + 0.25 * y);
    d.score_b.push_back(0.7 * rng.NextDouble() + 0.32 * y);
  }
  return d;
}

std::unique_ptr<Kernel> Prepare(const char* metric, const std::vector<int32_t>& label,
                                const std::vector<double>& score) {
  MetricData data;
  data.label = label;
  data.score = score;
  auto spec = BuiltinMetrics().Parse(metric, TaskKind::kBinary);
  EXPECT_TRUE(spec);
  auto kernel = spec->def->prepare(data, spec->params);
  EXPECT_TRUE(kernel);
  return std::move(*kernel);
}

TEST(CellBootstrapTest, AgreesWithThePerExampleBootstrap) {
  const Binary d = MakeData(20000);
  for (const char* metric : {"accuracy", "f1", "mcc"}) {
    const auto kernel = Prepare(metric, d.label, d.score_a);
    ASSERT_EQ(kernel->CellCount(), 4u);
    const PerExample slow(*kernel);
    BootstrapOptions options;
    options.resamples = 2000;
    options.seed = 5;
    for (const auto interval :
         {BootstrapOptions::Interval::kPercentile, BootstrapOptions::Interval::kBca}) {
      options.interval = interval;
      auto fast = BootstrapInterval(*kernel, d.label.size(), options);
      auto reference = BootstrapInterval(slow, d.label.size(), options);
      ASSERT_TRUE(fast && reference);
      EXPECT_EQ(fast->estimate, reference->estimate);
      const double width = fast->upper - fast->lower;
      const double reference_width = reference->upper - reference->lower;
      // Two independent Monte Carlo estimates of the same interval: within 10%.
      EXPECT_NEAR(width / reference_width, 1.0, 0.1) << metric;
      EXPECT_NEAR(fast->lower, reference->lower, 0.15 * reference_width) << metric;
    }
  }
}

TEST(CellBootstrapTest, MulticlassConfusionMetricsAgreeToo) {
  CounterRng rng(9, 1);
  constexpr size_t kN = 8000;
  constexpr size_t kClasses = 4;
  std::vector<int32_t> label;
  std::vector<double> proba;
  for (size_t i = 0; i < kN; ++i) {
    const auto y = static_cast<int32_t>(rng.Below(kClasses));
    label.push_back(y);
    double sum = 0;
    std::vector<double> row(kClasses);
    for (size_t k = 0; k < kClasses; ++k) {
      row[k] = rng.NextDouble() + (static_cast<int32_t>(k) == y ? 0.6 : 0.0);
      sum += row[k];
    }
    for (double v : row) proba.push_back(v / sum);
  }
  MetricData data;
  data.task = TaskKind::kMulticlass;
  data.label = label;
  data.proba = proba;
  data.classes = kClasses;
  for (const char* metric : {"accuracy", "f1_macro", "cohen_kappa"}) {
    auto spec = BuiltinMetrics().Parse(metric, TaskKind::kMulticlass);
    ASSERT_TRUE(spec);
    auto kernel = spec->def->prepare(data, spec->params);
    ASSERT_TRUE(kernel);
    ASSERT_GT((*kernel)->CellCount(), 0u);
    const PerExample slow(**kernel);
    BootstrapOptions options;
    options.resamples = 2000;
    auto fast = BootstrapInterval(**kernel, kN, options);
    auto reference = BootstrapInterval(slow, kN, options);
    ASSERT_TRUE(fast && reference);
    EXPECT_EQ(fast->estimate, reference->estimate);
    EXPECT_NEAR((fast->upper - fast->lower) / (reference->upper - reference->lower), 1.0, 0.1)
        << metric;
  }
}

TEST(CellBootstrapTest, PairedComparisonUsesJointCells) {
  const Binary d = MakeData(20000);
  const auto a = Prepare("accuracy", d.label, d.score_a);
  const auto b = Prepare("accuracy", d.label, d.score_b);
  const PerExample slow_a(*a);
  const PerExample slow_b(*b);
  BootstrapOptions options;
  options.resamples = 2000;
  options.interval = BootstrapOptions::Interval::kPercentile;
  auto fast = PairedBootstrap(*a, *b, d.label.size(), options);
  auto reference = PairedBootstrap(slow_a, slow_b, d.label.size(), options);
  ASSERT_TRUE(fast && reference);
  EXPECT_EQ(fast->difference, reference->difference);
  EXPECT_NEAR((fast->upper - fast->lower) / (reference->upper - reference->lower), 1.0, 0.1);
  auto swapped = PairedBootstrap(*b, *a, d.label.size(), options);
  ASSERT_TRUE(swapped);
  EXPECT_EQ(swapped->difference, -fast->difference);
  EXPECT_NEAR(swapped->lower, -fast->upper, 1e-12);
  EXPECT_EQ(swapped->p_value, fast->p_value);
}

TEST(CellBootstrapTest, SameSeedSameIntervalForAnyThreadCount) {
  const Binary d = MakeData(5000);
  const auto kernel = Prepare("balanced_accuracy", d.label, d.score_a);
  BootstrapOptions options;
  options.resamples = 500;
  options.threads = 1;
  auto one = BootstrapInterval(*kernel, d.label.size(), options);
  options.threads = 7;
  auto seven = BootstrapInterval(*kernel, d.label.size(), options);
  ASSERT_TRUE(one && seven);
  EXPECT_EQ(one->lower, seven->lower);
  EXPECT_EQ(one->upper, seven->upper);
}

}  // namespace
}  // namespace foresight::stats
