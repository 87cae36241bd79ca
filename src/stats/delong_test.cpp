#include "stats/delong.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::LoadStatsFixture;

void ExpectRelative(double actual, double expected, double tolerance, const char* what) {
  EXPECT_NEAR(actual, expected, tolerance * std::max(1e-300, std::abs(expected))) << what;
}

TEST(StatsDeLongTest, MatchesNumpyReferenceAndSklearnAuc) {
  const auto fixture = LoadStatsFixture("delong.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& c : fixture["cases"]) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto label = c["label"].get<std::vector<int32_t>>();
    const auto a = c["score_a"].get<std::vector<double>>();
    const auto b = c["score_b"].get<std::vector<double>>();
    const auto result = DeLongTest(label, a, b, c["confidence"].get<double>());
    ASSERT_TRUE(result.has_value()) << result.error().message();
    // AUCs: sums of halves divided once; sklearn integrates the ROC curve.
    EXPECT_NEAR(result->auc_a, c["sklearn_auc_a"].get<double>(), 1e-14);
    EXPECT_NEAR(result->auc_b, c["sklearn_auc_b"].get<double>(), 1e-14);
    EXPECT_NEAR(result->difference, c["difference"].get<double>(), 1e-14);
    // Variances: numpy.cov's sums versus ours in another order (and var(b - a) versus
    // var(a) + var(b) - 2 cov): observed within 2e-15 relative; 1e-13 allowed.
    ExpectRelative(result->standard_error_a * result->standard_error_a,
                   c["variance_a"].get<double>(), 1e-13, "variance_a");
    ExpectRelative(result->standard_error_b * result->standard_error_b,
                   c["variance_b"].get<double>(), 1e-13, "variance_b");
    ExpectRelative(result->variance, c["variance"].get<double>(), 1e-13, "variance");
    ExpectRelative(result->standard_error, c["standard_error"].get<double>(), 1e-13, "se");
    ExpectRelative(result->z, c["z"].get<double>(), 1e-13, "z");
    // p = 2 sf(|z|) magnifies z's relative error by about z^2 (observed 1e-13 at z = 5).
    ExpectRelative(result->p_value, c["p_value"].get<double>(), 1e-11, "p");
    EXPECT_NEAR(result->lower, c["lower"].get<double>(), 1e-12);
    EXPECT_NEAR(result->upper, c["upper"].get<double>(), 1e-12);
  }
}

// Pseudo-random data with many ties: scores on a coarse grid.
struct Data {
  std::vector<int32_t> label;
  std::vector<double> a;
  std::vector<double> b;
};

Data TiedData(size_t n) {
  Data data;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t bits = Resample::Mix(i + 1);
    const int32_t y = (bits & 3U) == 0 ? 1 : 0;
    data.label.push_back(y);
    data.a.push_back(static_cast<double>((bits >> 8U) % 7) + 2.0 * y);
    data.b.push_back(static_cast<double>((bits >> 16U) % 11) + 3.0 * y);
  }
  return data;
}

// DeLong et al. (1988) computed from all m * n pairs: the definition, O(m n).
struct BruteForce {
  double auc_a;
  double auc_b;
  double variance;
};

BruteForce PairwiseDeLong(const Data& d) {
  const auto kernel = [](double x, double y) { return x > y ? 1.0 : x == y ? 0.5 : 0.0; };
  std::vector<double> v10;  // per positive: mean over negatives of psi(b) - psi(a)
  std::vector<double> v01;  // per negative: mean over positives
  double sum_a = 0;
  double sum_b = 0;
  size_t m = 0;
  size_t n = 0;
  for (int32_t y : d.label) (y == 1 ? m : n)++;
  for (size_t i = 0; i < d.label.size(); ++i) {
    if (d.label[i] != 1) continue;
    double diff = 0;
    for (size_t j = 0; j < d.label.size(); ++j) {
      if (d.label[j] != 0) continue;
      sum_a += kernel(d.a[i], d.a[j]);
      sum_b += kernel(d.b[i], d.b[j]);
      diff += kernel(d.b[i], d.b[j]) - kernel(d.a[i], d.a[j]);
    }
    v10.push_back(diff / static_cast<double>(n));
  }
  for (size_t j = 0; j < d.label.size(); ++j) {
    if (d.label[j] != 0) continue;
    double diff = 0;
    for (size_t i = 0; i < d.label.size(); ++i) {
      if (d.label[i] != 1) continue;
      diff += kernel(d.b[i], d.b[j]) - kernel(d.a[i], d.a[j]);
    }
    v01.push_back(diff / static_cast<double>(m));
  }
  const auto sample_variance = [](const std::vector<double>& v) {
    double mean = 0;
    for (double x : v) mean += x;
    mean /= static_cast<double>(v.size());
    double squares = 0;
    for (double x : v) squares += (x - mean) * (x - mean);
    return squares / static_cast<double>(v.size() - 1);
  };
  const double pairs = static_cast<double>(m) * static_cast<double>(n);
  return {sum_a / pairs, sum_b / pairs,
          sample_variance(v10) / static_cast<double>(m) +
              sample_variance(v01) / static_cast<double>(n)};
}

TEST(StatsDeLongTest, AgreesWithThePairwiseDefinition) {
  const Data data = TiedData(1500);
  const auto result = DeLongTest(data.label, data.a, data.b);
  ASSERT_TRUE(result.has_value());
  const BruteForce expected = PairwiseDeLong(data);
  EXPECT_NEAR(result->auc_a, expected.auc_a, 1e-13);
  EXPECT_NEAR(result->auc_b, expected.auc_b, 1e-13);
  EXPECT_NEAR(result->variance, expected.variance, 1e-12 * expected.variance);
}

TEST(StatsDeLongTest, SymmetricAndInvariantToMonotoneTransforms) {
  const Data data = TiedData(800);
  const auto ab = DeLongTest(data.label, data.a, data.b, 0.9);
  const auto ba = DeLongTest(data.label, data.b, data.a, 0.9);
  ASSERT_TRUE(ab.has_value() && ba.has_value());
  EXPECT_EQ(ab->difference, -ba->difference);
  EXPECT_NEAR(ab->lower, -ba->upper, 1e-15);
  EXPECT_EQ(ab->p_value, ba->p_value);

  std::vector<double> squashed;  // a strictly increasing map keeps every rank and tie
  for (double v : data.a) squashed.push_back(1 / (1 + std::exp(-v)));
  const auto transformed = DeLongTest(data.label, squashed, data.b, 0.9);
  ASSERT_TRUE(transformed.has_value());
  EXPECT_EQ(transformed->auc_a, ab->auc_a);
  EXPECT_EQ(transformed->variance, ab->variance);
}

TEST(StatsDeLongTest, IdenticalScoresHaveZeroVariance) {
  const Data data = TiedData(300);
  const auto result = DeLongTest(data.label, data.a, data.a);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->difference, 0);
  EXPECT_EQ(result->variance, 0);
  EXPECT_EQ(result->z, 0);
  EXPECT_EQ(result->p_value, 1);
  EXPECT_EQ(result->lower, 0);
  EXPECT_EQ(result->upper, 0);
  // Perfect separation for both, different but each with zero variance.
  const std::vector<int32_t> label = {0, 0, 1, 1};
  const std::vector<double> perfect = {0.1, 0.2, 0.8, 0.9};
  const auto both_perfect = DeLongTest(label, perfect, perfect);
  ASSERT_TRUE(both_perfect.has_value());
  EXPECT_EQ(both_perfect->auc_a, 1.0);
  EXPECT_EQ(both_perfect->p_value, 1.0);
}

TEST(StatsDeLongTest, RejectsBadInput) {
  const std::vector<int32_t> label = {0, 1, 0, 1};
  const std::vector<double> s = {0.1, 0.2, 0.3, 0.4};
  const std::vector<double> short_scores = {0.1, 0.2};
  EXPECT_FALSE(DeLongTest(label, s, short_scores).has_value());
  const std::vector<int32_t> bad_label = {0, 1, 2, 1};
  EXPECT_FALSE(DeLongTest(bad_label, s, s).has_value());
  const std::vector<double> with_nan = {0.1, std::nan(""), 0.3, 0.4};
  EXPECT_FALSE(DeLongTest(label, with_nan, s).has_value());
  const std::vector<int32_t> one_positive = {0, 1, 0, 0};
  const auto result = DeLongTest(one_positive, s, s);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_FALSE(DeLongTest(label, s, s, 1.0).has_value());
}

}  // namespace
}  // namespace foresight::stats
