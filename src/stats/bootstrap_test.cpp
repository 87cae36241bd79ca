#include "stats/bootstrap.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <optional>
#include <thread>
#include <vector>

#include "stats/distributions.hpp"
#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::DeclaredMeanKernel;
using testing::LoadStatsFixture;
using testing::MeanKernel;
using testing::OpaqueKernel;

std::vector<double> ToVector(const nlohmann::json& array) {
  return array.get<std::vector<double>>();
}

// Deterministic pseudo-data: a skewed sample (squares of a hashed uniform).
std::vector<double> SkewedData(size_t n, uint64_t seed) {
  std::vector<double> values(n);
  for (size_t i = 0; i < n; ++i) {
    const double u = static_cast<double>(Resample::Mix(seed * 1000003 + i) >> 11U) * 0x1.0p-53;
    values[i] = u * u * 10;
  }
  return values;
}

// Mean kernel that is NaN on resamples (not the full data) where example 0 counts fewer than
// `min_count` times.
class FragileKernel : public Kernel {
 public:
  FragileKernel(std::vector<double> values, uint32_t min_count)
      : mean_(std::move(values)), min_count_(min_count) {}
  double Evaluate(const Resample& resample) const override {
    if (!resample.is_all() && resample.Count(0) < min_count_) return std::nan("");
    return mean_.Evaluate(resample);
  }

 private:
  MeanKernel mean_;
  uint32_t min_count_;
};

// Counts its evaluations.
class CountingKernel : public Kernel {
 public:
  explicit CountingKernel(std::vector<double> values) : mean_(std::move(values)) {}
  double Evaluate(const Resample& resample) const override {
    calls_.fetch_add(1);
    return mean_.Evaluate(resample);
  }
  size_t Calls() const { return calls_.load(); }

 private:
  MeanKernel mean_;
  mutable std::atomic<size_t> calls_{0};
};

TEST(StatsBootstrapTest, QuantileMatchesNumpyPercentile) {
  const auto fixture = LoadStatsFixture("bootstrap.json");
  ASSERT_FALSE(fixture.is_null());
  std::vector<double> sorted = ToVector(fixture["percentiles"]["values"]);
  std::sort(sorted.begin(), sorted.end());
  const std::vector<double> qs = ToVector(fixture["percentiles"]["q"]);
  const std::vector<double> expected = ToVector(fixture["percentiles"]["expected"]);
  for (size_t i = 0; i < qs.size(); ++i) {
    // numpy divides 100 q by 100 again; that rounding is the only difference.
    EXPECT_NEAR(Quantile(sorted, qs[i]), expected[i], 1e-15 * std::max(1.0, std::abs(expected[i])))
        << "q = " << qs[i];
  }
  EXPECT_EQ(Quantile(sorted, 0), sorted.front());
  EXPECT_EQ(Quantile(sorted, 1), sorted.back());
  EXPECT_TRUE(std::isnan(Quantile(sorted, std::nan(""))));
  const std::vector<double> one = {4.5};
  EXPECT_EQ(Quantile(one, 0.3), 4.5);
}

TEST(StatsBootstrapTest, IntervalsMatchScipyOnFixedReplicates) {
  const auto fixture = LoadStatsFixture("bootstrap.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& c : fixture["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const std::vector<double> replicates = ToVector(c["replicates"]);
    const std::vector<double> jackknife = ToVector(c["jackknife"]);
    const double estimate = c["estimate"];
    const double confidence = c["confidence"];

    const BcaLevels levels = ComputeBcaLevels(replicates, estimate, jackknife, confidence);
    // Sums in a different order than numpy's pairwise ones: agreement to ~1e-13.
    EXPECT_NEAR(levels.z0, c["z0"].get<double>(), 1e-14);
    EXPECT_NEAR(levels.acceleration, c["acceleration"].get<double>(), 1e-12);
    EXPECT_NEAR(levels.alpha_lower, c["alpha_lower"].get<double>(), 1e-13);
    EXPECT_NEAR(levels.alpha_upper, c["alpha_upper"].get<double>(), 1e-13);

    const auto scale = [](double v) { return 1e-12 * std::max(1.0, std::abs(v)); };
    const IntervalBounds bca = BcaInterval(replicates, estimate, jackknife, confidence);
    EXPECT_NEAR(bca.lower, c["bca"][0].get<double>(), scale(bca.lower));
    EXPECT_NEAR(bca.upper, c["bca"][1].get<double>(), scale(bca.upper));
    const IntervalBounds percentile = PercentileInterval(replicates, confidence);
    EXPECT_NEAR(percentile.lower, c["percentile"][0].get<double>(), scale(percentile.lower));
    EXPECT_NEAR(percentile.upper, c["percentile"][1].get<double>(), scale(percentile.upper));
  }
}

TEST(StatsBootstrapTest, BcaDegenerateCasesStayFinite) {
  // All replicates equal to the estimate, constant jackknife: SciPy gives NaN; we give the point.
  const std::vector<double> same(50, 2.0);
  const IntervalBounds flat = BcaInterval(same, 2.0, same, 0.95);
  EXPECT_EQ(flat.lower, 2.0);
  EXPECT_EQ(flat.upper, 2.0);
  // Estimate below every replicate: the fraction is clamped to 1 / (2B), not 0.
  const std::vector<double> above = {3, 4, 5, 6};
  const BcaLevels levels = ComputeBcaLevels(above, 1.0, above, 0.9);
  EXPECT_NEAR(levels.z0, NormalQuantile(1.0 / 8), 1e-15);
  EXPECT_TRUE(std::isfinite(BcaInterval(above, 1.0, above, 0.9).lower));
  // NaN jackknife values are ignored.
  const std::vector<double> with_nan = {1, 2, std::nan(""), 4};
  const std::vector<double> without = {1, 2, 4};
  EXPECT_EQ(ComputeBcaLevels(above, 4.5, with_nan, 0.9).acceleration,
            ComputeBcaLevels(above, 4.5, without, 0.9).acceleration);
}

TEST(StatsBootstrapTest, IdenticalForAnyThreadCount) {
  const MeanKernel kernel(SkewedData(3000, 1));
  for (const auto interval :
       {BootstrapOptions::Interval::kPercentile, BootstrapOptions::Interval::kBca}) {
    BootstrapOptions options;
    options.resamples = 300;
    options.seed = 99;
    options.interval = interval;
    std::vector<Estimate> results;
    for (const size_t threads : {1, 2, 7}) {
      options.threads = threads;
      const auto result = BootstrapInterval(kernel, 3000, options);
      ASSERT_TRUE(result.has_value()) << result.error().message();
      results.push_back(*result);
    }
    for (const Estimate& e : results) {
      // Bitwise: == on doubles, not a tolerance.
      EXPECT_EQ(e.estimate, results[0].estimate);
      EXPECT_EQ(e.lower, results[0].lower);
      EXPECT_EQ(e.upper, results[0].upper);
      EXPECT_EQ(e.standard_error, results[0].standard_error);
      EXPECT_EQ(e.resamples_used, 300U);
    }
  }
}

TEST(StatsBootstrapTest, BatchedMeansAgreeWithOneResampleAtATime) {
  // Sizes around the block of 2048 and the batch of 16 resamples, including ragged ends.
  for (const size_t n : {5UL, 2047UL, 2048UL, 4099UL}) {
    for (const bool take_sqrt : {false, true}) {
      const DeclaredMeanKernel declared(SkewedData(n, 3), take_sqrt);
      const OpaqueKernel opaque(declared);
      BootstrapOptions options;
      options.resamples = 37;
      options.seed = 11;
      options.threads = 2;
      const auto batched = DrawReplicates(declared, n, options);
      const auto general = DrawReplicates(opaque, n, options);
      ASSERT_TRUE(batched.has_value()) << batched.error().message();
      ASSERT_TRUE(general.has_value()) << general.error().message();
      ASSERT_EQ(batched->sorted.size(), general->sorted.size());
      EXPECT_EQ(batched->dropped, general->dropped);
      for (size_t i = 0; i < batched->sorted.size(); ++i) {
        EXPECT_NEAR(batched->sorted[i], general->sorted[i], 1e-12 * std::abs(general->sorted[i]))
            << "n " << n << ", replicate " << i;
      }
    }
  }
}

TEST(StatsBootstrapTest, BatchedMeansAreIdenticalForAnyThreadCount) {
  const DeclaredMeanKernel kernel(SkewedData(5000, 4), false);
  BootstrapOptions options;
  options.resamples = 100;
  options.seed = 5;
  std::vector<std::vector<double>> all;
  for (const size_t threads : {1, 2, 7}) {
    options.threads = threads;
    const auto replicates = DrawReplicates(kernel, 5000, options);
    ASSERT_TRUE(replicates.has_value()) << replicates.error().message();
    all.push_back(replicates->sorted);
  }
  EXPECT_EQ(all[0], all[1]);
  EXPECT_EQ(all[0], all[2]);
}

TEST(StatsBootstrapTest, BcaUsesReplicatesAndFullJackknifeOnSmallData) {
  // n <= 1000: the grouped jackknife is the leave-one-out jackknife, computed here directly.
  const std::vector<double> data = SkewedData(200, 2);
  const MeanKernel kernel(data);
  BootstrapOptions options;
  options.resamples = 500;
  options.seed = 5;
  options.confidence = 0.9;
  const auto result = BootstrapInterval(kernel, data.size(), options);
  ASSERT_TRUE(result.has_value());

  std::vector<double> replicates;
  replicates.reserve(options.resamples);
  for (size_t b = 0; b < options.resamples; ++b) {
    replicates.push_back(kernel.Evaluate(Resample::Poisson(options.seed, b)));
  }
  double total = 0;
  for (double v : data) total += v;
  std::vector<double> jackknife;
  jackknife.reserve(data.size());
  for (double v : data) jackknife.push_back((total - v) / static_cast<double>(data.size() - 1));
  const IntervalBounds expected = BcaInterval(replicates, result->estimate, jackknife, 0.9);
  EXPECT_NEAR(result->lower, expected.lower, 1e-12);
  EXPECT_NEAR(result->upper, expected.upper, 1e-12);
  EXPECT_NEAR(result->estimate, total / static_cast<double>(data.size()), 1e-12);
  EXPECT_LT(result->lower, result->estimate);
  EXPECT_GT(result->upper, result->estimate);
}

TEST(StatsBootstrapTest, JackknifeHasAtMostAThousandGroups) {
  BootstrapOptions options;
  options.resamples = 40;
  {
    CountingKernel kernel(SkewedData(5000, 3));
    ASSERT_TRUE(BootstrapInterval(kernel, 5000, options).has_value());
    EXPECT_EQ(kernel.Calls(), 1U + 40U + 1000U);
  }
  {
    CountingKernel kernel(SkewedData(30, 3));
    ASSERT_TRUE(BootstrapInterval(kernel, 30, options).has_value());
    EXPECT_EQ(kernel.Calls(), 1U + 40U + 30U);
  }
  {
    options.interval = BootstrapOptions::Interval::kPercentile;
    CountingKernel kernel(SkewedData(30, 3));
    ASSERT_TRUE(BootstrapInterval(kernel, 30, options).has_value());
    EXPECT_EQ(kernel.Calls(), 1U + 40U);
  }
}

TEST(StatsBootstrapTest, IntervalOfAMeanHasTheTextbookWidth) {
  // Mean of n values: standard error sigma / sqrt(n); the 95% interval is about +-1.96 of it.
  const size_t n = 20000;
  const std::vector<double> data = SkewedData(n, 4);
  double mean = 0;
  for (double v : data) mean += v;
  mean /= static_cast<double>(n);
  double variance = 0;
  for (double v : data) variance += (v - mean) * (v - mean);
  const double se = std::sqrt(variance / static_cast<double>(n - 1) / static_cast<double>(n));

  BootstrapOptions options;
  options.resamples = 1000;
  options.interval = BootstrapOptions::Interval::kPercentile;
  const auto result = BootstrapInterval(MeanKernel(data), n, options);
  ASSERT_TRUE(result.has_value());
  // 1000 resamples estimate a standard error to about 2.2%, the 2.5% quantiles to ~5%.
  EXPECT_NEAR(result->standard_error, se, 0.08 * se);
  EXPECT_NEAR(result->upper - result->lower, 2 * 1.959964 * se, 0.12 * 2 * 1.959964 * se);
}

TEST(StatsBootstrapTest, SeedChangesReplicatesNotTheEstimate) {
  const MeanKernel kernel(SkewedData(500, 6));
  BootstrapOptions options;
  options.resamples = 200;
  const auto first = BootstrapInterval(kernel, 500, options);
  options.seed = 1;
  const auto second = BootstrapInterval(kernel, 500, options);
  ASSERT_TRUE(first.has_value() && second.has_value());
  EXPECT_EQ(first->estimate, second->estimate);
  EXPECT_NE(first->lower, second->lower);
}

TEST(StatsBootstrapTest, ConstantDataGivesAPointInterval) {
  const MeanKernel kernel(std::vector<double>(100, 0.75));
  const auto result = BootstrapInterval(kernel, 100, BootstrapOptions{});
  ASSERT_TRUE(result.has_value());
  EXPECT_DOUBLE_EQ(result->lower, 0.75);
  EXPECT_DOUBLE_EQ(result->upper, 0.75);
}

TEST(StatsBootstrapTest, DropsNaNReplicatesAndFailsWhenMostAreNaN) {
  BootstrapOptions options;
  options.resamples = 1000;
  // P(Count(0) = 0) = e^-1: about 368 of 1000 replicates are NaN.
  const auto some = BootstrapInterval(FragileKernel(SkewedData(50, 7), 1), 50, options);
  ASSERT_TRUE(some.has_value()) << some.error().message();
  EXPECT_GT(some->resamples_used, 560U);
  EXPECT_LT(some->resamples_used, 700U);
  // P(Count(0) <= 1) = 2 e^-1 = 0.74: most are NaN.
  const auto most = BootstrapInterval(FragileKernel(SkewedData(50, 7), 2), 50, options);
  ASSERT_FALSE(most.has_value());
  EXPECT_EQ(most.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(most.error().message().find("more than half"), std::string::npos);
}

TEST(StatsBootstrapTest, RejectsBadArguments) {
  const MeanKernel kernel({1, 2, 3});
  BootstrapOptions options;
  EXPECT_FALSE(BootstrapInterval(kernel, 0, options).has_value());
  options.resamples = 0;
  EXPECT_FALSE(BootstrapInterval(kernel, 3, options).has_value());
  for (double confidence : {0.0, 1.0, -0.5, 95.0, std::nan("")}) {
    options.resamples = 10;
    options.confidence = confidence;
    EXPECT_FALSE(BootstrapInterval(kernel, 3, options).has_value()) << confidence;
  }
  // The metric undefined on the full data.
  const MeanKernel empty({});
  EXPECT_FALSE(BootstrapInterval(empty, 3, BootstrapOptions{}).has_value());
}

TEST(StatsBootstrapTest, RunsOnTheCallersExecutor) {
  // The executor's own tests cover the loop; here: a caller's executor gives the same bits
  // as the one made for the call, whatever its size.
  std::vector<double> values(5000);
  for (size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>((i * 7919) % 1000);
  const MeanKernel kernel(values);
  BootstrapOptions options;
  options.resamples = 300;
  options.threads = 1;
  const auto expected = BootstrapInterval(kernel, values.size(), options);
  ASSERT_TRUE(expected.has_value());
  for (const size_t threads : {1, 2, 5}) {
    const auto executor = Executor::Start(threads);
    options.executor = executor.get();
    const auto got = BootstrapInterval(kernel, values.size(), options);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->lower, expected->lower);
    EXPECT_EQ(got->upper, expected->upper);
    EXPECT_EQ(got->standard_error, expected->standard_error);
  }
}

TEST(StatsBootstrapTest, JackknifeStandardErrorOfAMeanIsTheSampleStandardError) {
  // For a mean, the leave-one-out jackknife's standard error is exactly s / sqrt(n) (s with
  // ddof = 1); n <= 1000 makes every group one example.
  const std::vector<double> data = SkewedData(400, 7);
  const MeanKernel kernel(data);
  double sum = 0;
  for (double v : data) sum += v;
  const double mean = sum / 400;
  double squares = 0;
  for (double v : data) squares += (v - mean) * (v - mean);
  const double expected = std::sqrt(squares / 399) / std::sqrt(400.0);
  BootstrapOptions options;
  options.threads = 1;
  const auto jackknife = Jackknife(kernel, 400, options);
  ASSERT_TRUE(jackknife.has_value()) << jackknife.error().message();
  EXPECT_NEAR(jackknife->standard_error, expected, 1e-12 * expected);
  EXPECT_EQ(jackknife->values, 400U);
  // Fewer groups: a noisier estimate of the same quantity.
  const auto grouped = Jackknife(kernel, 400, options, 20);
  ASSERT_TRUE(grouped.has_value());
  EXPECT_EQ(grouped->values, 20U);
  EXPECT_NEAR(grouped->standard_error, expected, 0.5 * expected);
}

TEST(StatsBootstrapTest, IntervalFromCachedReplicatesEqualsTheSummary) {
  // What the result cache relies on: replicates plus the acceleration give the interval
  // SummarizeReplicates gives, bit for bit, at any confidence.
  const std::vector<double> data = SkewedData(1500, 9);
  const MeanKernel kernel(data);
  for (const auto kind :
       {BootstrapOptions::Interval::kPercentile, BootstrapOptions::Interval::kBca}) {
    for (const double confidence : {0.8, 0.95, 0.99}) {
      BootstrapOptions options;
      options.resamples = 300;
      options.interval = kind;
      options.confidence = confidence;
      options.threads = 2;
      const auto replicates = DrawReplicates(kernel, data.size(), options);
      ASSERT_TRUE(replicates.has_value());
      const auto summary = SummarizeReplicates(kernel, data.size(), *replicates, options);
      ASSERT_TRUE(summary.has_value());
      const auto jackknife = Jackknife(kernel, data.size(), options);
      ASSERT_TRUE(jackknife.has_value());
      const Estimate cached = IntervalOf(*replicates, jackknife->acceleration, options);
      EXPECT_EQ(cached.lower, summary->lower);
      EXPECT_EQ(cached.upper, summary->upper);
      EXPECT_EQ(cached.estimate, summary->estimate);
      EXPECT_EQ(cached.standard_error, summary->standard_error);
    }
  }
}

TEST(StatsBootstrapTest, OneSidedBoundUsesTheIntervalsMethod) {
  // The one-sided bound at 97.5% is the two-sided 95% interval's limit, for both methods, so
  // a criterion's bound never disagrees with the interval printed beside it.
  const std::vector<double> data = SkewedData(800, 12);
  const MeanKernel kernel(data);
  for (const auto kind :
       {BootstrapOptions::Interval::kPercentile, BootstrapOptions::Interval::kBca}) {
    BootstrapOptions options;
    options.resamples = 400;
    options.interval = kind;
    options.confidence = 0.95;
    options.threads = 2;
    const auto replicates = DrawReplicates(kernel, data.size(), options);
    ASSERT_TRUE(replicates.has_value());
    const auto jackknife = Jackknife(kernel, data.size(), options);
    ASSERT_TRUE(jackknife.has_value());
    const Estimate two_sided = IntervalOf(*replicates, jackknife->acceleration, options);
    EXPECT_EQ(OneSidedBound(*replicates, jackknife->acceleration, options, 0.975, false),
              two_sided.lower);
    EXPECT_EQ(OneSidedBound(*replicates, jackknife->acceleration, options, 0.975, true),
              two_sided.upper);
    // A less demanding bound lies inside the interval.
    const double lower90 = OneSidedBound(*replicates, jackknife->acceleration, options, 0.9, false);
    EXPECT_GT(lower90, two_sided.lower);
    EXPECT_LT(lower90, two_sided.estimate);
  }
}

// Every path of the bootstrap (per cell, batched means, a kernel's own order, counts by id)
// counts n per replicate off a progress bar's work, read meanwhile from another thread, so
// a use case that plans n * resamples ends at exactly 100%.
TEST(StatsBootstrapTest, EveryPathCountsItsWorkForAProgressBar) {
  const size_t n = 3001;
  std::vector<int32_t> label(n);
  std::vector<double> score(n);
  for (size_t i = 0; i < n; ++i) {
    label[i] = static_cast<int32_t>(i % 3 == 0);
    score[i] = static_cast<double>(Resample::Mix(i) >> 11U) * 0x1.0p-53;
  }
  MetricData data;
  data.label = label;
  data.score = score;
  for (const char* metric : {"accuracy", "log_loss", "roc_auc", "average_precision"}) {
    auto spec = BuiltinMetrics().Parse(metric, TaskKind::kBinary);
    ASSERT_TRUE(spec) << metric;
    auto kernel = spec->def->prepare(data, spec->params);
    ASSERT_TRUE(kernel) << metric;
    Progress progress;
    const auto executor = Executor::Start(3);
    BootstrapOptions options;
    options.resamples = 203;  // not a multiple of any batch size
    options.executor = executor.get();
    options.progress = &progress;
    std::atomic<bool> done{false};
    uint64_t last_seen = 0;
    std::thread reader([&] {
      while (!done.load()) {
        const uint64_t seen = progress.Read().done;
        EXPECT_GE(seen, last_seen) << "progress never goes back";
        last_seen = seen;
      }
    });
    const auto replicates = DrawReplicates(**kernel, n, options);
    done = true;
    reader.join();
    ASSERT_TRUE(replicates) << metric;
    EXPECT_EQ(progress.Read().done, n * options.resamples) << metric;
  }
}

}  // namespace
}  // namespace foresight::stats
