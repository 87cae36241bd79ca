#include "learners/learner.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "learners/learners.hpp"

namespace foresight::learners {
namespace {

std::vector<size_t> All(size_t n) {
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0);
  return rows;
}

// A deterministic uniform in [0, 1) for row i.
double Uniform(uint64_t i) {
  uint64_t x = i * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL;
  x ^= x >> 30U;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27U;
  return static_cast<double>(x >> 11U) * 0x1.0p-53;
}

// Binary data: class 1 when x + noise > 0, and a categorical feature that matters.
Dataset Binary(size_t n) {
  Dataset d;
  d.task = Task::kBinary;
  d.classes = 2;
  Feature x{"x", false, {}, {}, 0};
  Feature color{"color", true, {}, {}, 3};
  for (size_t i = 0; i < n; ++i) {
    const double v = 4 * Uniform(i) - 2;
    const auto c = static_cast<int32_t>(i % 3);
    x.values.push_back(i % 17 == 0 ? std::nan("") : v);
    color.codes.push_back(i % 11 == 0 ? -1 : c);
    const double noise = 0.5 * (Uniform(i + 1000000) - 0.5);
    d.target.push_back(v + (c == 2 ? 1.0 : 0.0) + noise > 0.5 ? 1 : 0);
  }
  d.features = {x, color};
  return d;
}

TEST(LearnersTest, RegistryNamesAndGlassBoxes) {
  ASSERT_NE(FindLearner("majority"), nullptr);
  ASSERT_NE(FindLearner("linear"), nullptr);
  EXPECT_TRUE(FindLearner("majority")->info().interpretable);
  EXPECT_TRUE(FindLearner("linear")->info().interpretable);
  EXPECT_EQ(FindLearner("forest"), nullptr);
}

TEST(LearnersTest, MajorityPredictsTheTrainingFrequenciesOrMean) {
  Dataset d;
  d.task = Task::kMulticlass;
  d.classes = 3;
  d.target = {0, 1, 1, 2, 1, 0};
  const auto m = FindLearner("majority")->Fit(d, std::vector<size_t>{0, 1, 2, 3}, 0);
  ASSERT_TRUE(m) << m.error().message();
  const auto p = (*m)->Predict(d, std::vector<size_t>{4, 5});
  EXPECT_EQ(p, (std::vector<double>{0.25, 0.5, 0.25, 0.25, 0.5, 0.25}));
  d.task = Task::kRegression;
  d.target = {1, 2, 6, 100};
  const auto r = FindLearner("majority")->Fit(d, std::vector<size_t>{0, 1, 2}, 0);
  EXPECT_EQ((*r)->Predict(d, std::vector<size_t>{3}), (std::vector<double>{3}));
  d.task = Task::kBinary;
  d.classes = 2;
  d.target = {1, 0, 1, 1};
  const auto b = FindLearner("majority")->Fit(d, All(4), 0);
  EXPECT_EQ((*b)->Predict(d, std::vector<size_t>{0}), (std::vector<double>{0.75}));
}

TEST(LearnersTest, LinearSeparatesALinearProblem) {
  const Dataset d = Binary(600);
  std::vector<size_t> train;
  std::vector<size_t> test;
  for (size_t i = 0; i < d.rows(); ++i) (i % 4 == 0 ? test : train).push_back(i);
  const auto m = FindLearner("linear")->Fit(d, train, 7);
  ASSERT_TRUE(m) << m.error().message();
  const std::vector<double> p = (*m)->Predict(d, test);
  ASSERT_EQ(p.size(), test.size());
  size_t correct = 0;
  for (size_t i = 0; i < test.size(); ++i) {
    ASSERT_GE(p[i], 0);
    ASSERT_LE(p[i], 1);
    correct += (p[i] > 0.5) == (d.target[test[i]] == 1) ? 1U : 0U;
  }
  EXPECT_GT(static_cast<double>(correct) / static_cast<double>(test.size()), 0.85);
  // Monotone in x: a larger x, same colour, is more likely class 1.
  Dataset probe = d;
  probe.features[0].values = {-1.5, 0, 1.5};
  probe.features[1].codes = {0, 0, 0};
  probe.target = {0, 0, 0};
  const std::vector<double> q = (*m)->Predict(probe, All(3));
  EXPECT_LT(q[0], q[1]);
  EXPECT_LT(q[1], q[2]);
  EXPECT_LT(q[0], 0.2);
  EXPECT_GT(q[2], 0.8);
}

TEST(LearnersTest, LinearRegressionRecoversASlope) {
  Dataset d;
  d.task = Task::kRegression;
  Feature x{"x", false, {}, {}, 0};
  for (size_t i = 0; i < 400; ++i) {
    const double v = 10 * Uniform(i);
    x.values.push_back(v);
    d.target.push_back(3 * v + 5 + 0.1 * (Uniform(i + 99999) - 0.5));
  }
  d.features = {x};
  const auto m = FindLearner("linear")->Fit(d, All(400), 1);
  ASSERT_TRUE(m) << m.error().message();
  Dataset probe = d;
  probe.features[0].values = {2, 8};
  probe.target = {0, 0};
  const std::vector<double> p = (*m)->Predict(probe, All(2));
  EXPECT_NEAR(p[0], 11, 0.3);
  EXPECT_NEAR(p[1], 29, 0.3);
}

TEST(LearnersTest, LinearMulticlassGivesDistributions) {
  Dataset d;
  d.task = Task::kMulticlass;
  d.classes = 3;
  Feature x{"x", false, {}, {}, 0};
  for (size_t i = 0; i < 300; ++i) {
    const double v = 3 * Uniform(i);
    x.values.push_back(v);
    d.target.push_back(std::floor(v));
  }
  d.features = {x};
  const auto m = FindLearner("linear")->Fit(d, All(300), 1);
  ASSERT_TRUE(m) << m.error().message();
  Dataset probe = d;
  probe.features[0].values = {0.2, 2.8};
  probe.target = {0, 0};
  const std::vector<double> p = (*m)->Predict(probe, All(2));
  ASSERT_EQ(p.size(), 6U);
  EXPECT_NEAR(p[0] + p[1] + p[2], 1, 1e-9);
  EXPECT_GT(p[0], p[2]);  // x = 0.2: class 0 over class 2
  EXPECT_GT(p[5], p[3]);  // x = 2.8: class 2 over class 0
}

TEST(LearnersTest, OneClassIsRefusedAndSplitsAreStratifiedAndDeterministic) {
  Dataset d = Binary(100);
  std::vector<size_t> ones;
  for (size_t i = 0; i < d.rows(); ++i) {
    if (d.target[i] == 1) ones.push_back(i);
  }
  const auto m = FindLearner("linear")->Fit(d, ones, 0);
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().message(), "linear: the training rows hold one class only");
  const InnerSplit a = SplitRows(d, All(100), 0.2, 5);
  const InnerSplit b = SplitRows(d, All(100), 0.2, 5);
  EXPECT_EQ(a.validation, b.validation);
  EXPECT_EQ(a.train.size() + a.validation.size(), 100U);
  size_t pos_val = 0;
  for (const size_t r : a.validation) pos_val += d.target[r] == 1 ? 1U : 0U;
  EXPECT_GT(pos_val, 0U);
  EXPECT_LT(pos_val, a.validation.size());
}

}  // namespace
}  // namespace foresight::learners
