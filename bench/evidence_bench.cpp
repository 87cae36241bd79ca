// Benchmarks of the evidence engine (Google Benchmark): bootstrap intervals of roc_auc,
// accuracy and log_loss on n = 1,000,000 examples with 1,000 resamples on 2 threads (and
// roc_auc's BCa interval, the jackknife included), and
// DeLong's test on 1,000,000 pairs. bench/evidence_speed.sh runs this beside the SciPy peer
// and writes the ratios into docs/PERFORMANCE.md's format.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <vector>

#include "stats/bootstrap.hpp"
#include "stats/delong.hpp"
#include "stats/metric.hpp"

namespace {

using namespace foresight::stats;

constexpr size_t kN = 1'000'000;

struct Data {
  std::vector<int32_t> label;
  std::vector<double> score;
  std::vector<double> score_b;
  Data() {
    std::mt19937_64 rng(42);
    std::normal_distribution<double> noise(0.0, 1.0);
    for (size_t i = 0; i < kN; ++i) {
      const int32_t y = (rng() % 10) < 3 ? 1 : 0;
      label.push_back(y);
      // Probabilities rounded to 4 decimals: realistic ties.
      const double z = 1.2 * y + noise(rng) - 0.6;
      score.push_back(std::round(1e4 / (1 + std::exp(-z))) / 1e4);
      const double z2 = 1.3 * y + noise(rng) - 0.65;
      score_b.push_back(std::round(1e4 / (1 + std::exp(-z2))) / 1e4);
    }
  }
};

const Data& GetData() {
  static const Data data;
  return data;
}

void RunBootstrap(benchmark::State& state, const char* metric, size_t resamples,
                  BootstrapOptions::Interval interval) {
  const Data& d = GetData();
  MetricData md;
  md.task = TaskKind::kBinary;
  md.label = d.label;
  md.score = d.score;
  auto spec = BuiltinMetrics().Parse(metric, TaskKind::kBinary);
  auto kernel = spec->def->prepare(md, spec->params);
  BootstrapOptions options;
  options.resamples = resamples;
  options.confidence = 0.95;
  options.interval = interval;
  // One pool for every iteration, as a long-lived caller would keep it.
  const auto executor = foresight::Executor::Start(2);
  options.executor = executor.get();
  for (auto _ : state) {
    auto estimate = BootstrapInterval(**kernel, kN, options);
    benchmark::DoNotOptimize(estimate);
  }
}

void BM_BootstrapInterval(benchmark::State& state, const char* metric) {
  RunBootstrap(state, metric, 1000, BootstrapOptions::Interval::kPercentile);
}

// BCa: the same plus the jackknife (for roc_auc, the leave-one-out values in one pass).
void BM_BootstrapBca(benchmark::State& state, const char* metric) {
  RunBootstrap(state, metric, 1000, BootstrapOptions::Interval::kBca);
}

void BM_DeLong(benchmark::State& state) {
  const Data& d = GetData();
  for (auto _ : state) {
    auto result = DeLongTest(d.label, d.score, d.score_b);
    benchmark::DoNotOptimize(result);
  }
}

BENCHMARK_CAPTURE(BM_BootstrapInterval, roc_auc, "roc_auc")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_BootstrapInterval, accuracy, "accuracy")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_BootstrapInterval, log_loss, "log_loss")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK_CAPTURE(BM_BootstrapBca, roc_auc, "roc_auc")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_DeLong)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

}  // namespace

BENCHMARK_MAIN();
