#include "learners/learner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <string>

#include <nlohmann/json.hpp>

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
  for (const char* name : {"majority", "linear", "tree", "additive", "boosting"}) {
    ASSERT_NE(FindLearner(name), nullptr) << name;
  }
  EXPECT_TRUE(FindLearner("majority")->info().interpretable);
  EXPECT_TRUE(FindLearner("linear")->info().interpretable);
  EXPECT_TRUE(FindLearner("tree")->info().interpretable);
  EXPECT_TRUE(FindLearner("additive")->info().interpretable);
  EXPECT_FALSE(FindLearner("boosting")->info().interpretable);
  EXPECT_EQ(FindLearner("forest"), nullptr);
}

// Two features in [-1, 1]; class 1 when they have the same sign (XOR: pure interaction),
// or, for the additive variant, when x1^2 + |x2| > 0.8 (no interaction, not linear).
Dataset TwoFeatures(size_t n, bool interaction) {
  Dataset d;
  d.task = Task::kBinary;
  Feature a{"a", false, {}, {}, 0};
  Feature b{"b", false, {}, {}, 0};
  for (size_t i = 0; i < n; ++i) {
    const double x1 = 2 * Uniform(3 * i) - 1;
    const double x2 = 2 * Uniform(3 * i + 1) - 1;
    a.values.push_back(x1);
    b.values.push_back(x2);
    const bool y = interaction ? (x1 > 0) == (x2 > 0) : x1 * x1 + std::abs(x2) > 0.8;
    d.target.push_back(y ? 1 : 0);
  }
  d.features = {a, b};
  return d;
}

double Accuracy(const Learner& learner, const Dataset& d) {
  std::vector<size_t> train;
  std::vector<size_t> test;
  for (size_t i = 0; i < d.rows(); ++i) (i % 4 == 0 ? test : train).push_back(i);
  const auto m = learner.Fit(d, train, {.seed = 3});
  EXPECT_TRUE(m) << m.error().message();
  if (!m) return 0;
  const std::vector<double> p = (*m)->Predict(d, test);
  size_t correct = 0;
  for (size_t i = 0; i < test.size(); ++i) {
    correct += (p[i] > 0.5) == (d.target[test[i]] == 1) ? 1U : 0U;
  }
  return static_cast<double>(correct) / static_cast<double>(test.size());
}

TEST(LearnersTest, BoostingLearnsInteractionsTheGlassBoxesCannot) {
  const Dataset xor_data = TwoFeatures(2000, true);
  EXPECT_GT(Accuracy(*FindLearner("boosting"), xor_data), 0.9);
  EXPECT_LT(Accuracy(*FindLearner("additive"), xor_data), 0.65);  // a sum cannot do XOR
  EXPECT_LT(Accuracy(*FindLearner("linear"), xor_data), 0.65);
  const Dataset additive_data = TwoFeatures(2000, false);
  EXPECT_GT(Accuracy(*FindLearner("additive"), additive_data), 0.9);
  EXPECT_LT(Accuracy(*FindLearner("linear"), additive_data), 0.8);  // not linear
}

TEST(LearnersTest, AdditiveModelsAreSumsOfOneCurvePerFeature) {
  // In log-odds, moving a from 0 to 0.6 changes the prediction by the same amount whatever
  // b is: no interaction between features. (Probe points with moderate probabilities: the
  // predictions are 32-bit floats, too coarse for log-odds near 0 or 1.)
  const Dataset d = TwoFeatures(1500, false);
  const auto m = FindLearner("additive")->Fit(d, All(d.rows()), {.seed = 1});
  ASSERT_TRUE(m) << m.error().message();
  Dataset probe = d;
  probe.features[0].values = {0, 0.6, 0, 0.6, 0, 0.6};
  probe.features[1].values = {0.0, 0.0, 0.2, 0.2, -0.35, -0.35};
  probe.target.assign(6, 0);
  const std::vector<double> p = (*m)->Predict(probe, All(6));
  const auto logit = [](double q) { return std::log(q / (1 - q)); };
  const double effect = logit(p[1]) - logit(p[0]);
  EXPECT_GT(std::abs(effect), 0.1);  // a matters
  EXPECT_NEAR(logit(p[3]) - logit(p[2]), effect, 1e-4);
  EXPECT_NEAR(logit(p[5]) - logit(p[4]), effect, 1e-4);
}

TEST(LearnersTest, BoostingIsDeterministicAndHandlesRegressionAndCategories) {
  Dataset d;
  d.task = Task::kRegression;
  Feature x{"x", false, {}, {}, 0};
  Feature g{"group", true, {}, {}, 3};
  for (size_t i = 0; i < 600; ++i) {
    const double v = Uniform(i);
    const auto c = static_cast<int32_t>(i % 3);
    x.values.push_back(i % 50 == 0 ? std::nan("") : v);
    g.codes.push_back(c);
    d.target.push_back((v > 0.5 ? 10.0 : 0.0) + 5.0 * c);
  }
  d.features = {x, g};
  const auto a = FindLearner("boosting")->Fit(d, All(600), {.seed = 9});
  const auto b = FindLearner("boosting")->Fit(d, All(600), {.seed = 9});
  ASSERT_TRUE(a && b);
  Dataset probe = d;
  probe.features[0].values = {0.2, 0.8, 0.8};
  probe.features[1].codes = {0, 0, 2};
  probe.target.assign(3, 0);
  const std::vector<double> pa = (*a)->Predict(probe, All(3));
  EXPECT_EQ(pa, (*b)->Predict(probe, All(3)));
  EXPECT_NEAR(pa[0], 0, 1.0);
  EXPECT_NEAR(pa[1], 10, 1.0);
  EXPECT_NEAR(pa[2], 20, 1.0);
}

TEST(LearnersTest, MajorityPredictsTheTrainingFrequenciesOrMean) {
  Dataset d;
  d.task = Task::kMulticlass;
  d.classes = 3;
  d.target = {0, 1, 1, 2, 1, 0};
  const auto m = FindLearner("majority")->Fit(d, std::vector<size_t>{0, 1, 2, 3}, {.seed = 0});
  ASSERT_TRUE(m) << m.error().message();
  const auto p = (*m)->Predict(d, std::vector<size_t>{4, 5});
  EXPECT_EQ(p, (std::vector<double>{0.25, 0.5, 0.25, 0.25, 0.5, 0.25}));
  d.task = Task::kRegression;
  d.target = {1, 2, 6, 100};
  const auto r = FindLearner("majority")->Fit(d, std::vector<size_t>{0, 1, 2}, {.seed = 0});
  EXPECT_EQ((*r)->Predict(d, std::vector<size_t>{3}), (std::vector<double>{3}));
  d.task = Task::kBinary;
  d.classes = 2;
  d.target = {1, 0, 1, 1};
  const auto b = FindLearner("majority")->Fit(d, All(4), {.seed = 0});
  EXPECT_EQ((*b)->Predict(d, std::vector<size_t>{0}), (std::vector<double>{0.75}));
}

TEST(LearnersTest, LinearSeparatesALinearProblem) {
  const Dataset d = Binary(600);
  std::vector<size_t> train;
  std::vector<size_t> test;
  for (size_t i = 0; i < d.rows(); ++i) (i % 4 == 0 ? test : train).push_back(i);
  const auto m = FindLearner("linear")->Fit(d, train, {.seed = 7});
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
  const auto m = FindLearner("linear")->Fit(d, All(400), {.seed = 1});
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
  const auto m = FindLearner("linear")->Fit(d, All(300), {.seed = 1});
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

Dataset OneNumeric(std::vector<double> x, std::vector<double> y, Task task = Task::kBinary) {
  Dataset d;
  d.task = task;
  d.features = {Feature{"x", false, std::move(x), {}, 0}};
  d.target = std::move(y);
  return d;
}

TEST(LearnersTest, TreeFindsTheSplitsByHand) {
  const Learner& tree = *FindLearner("tree");
  // A threshold between 3 and 4.
  Dataset d = OneNumeric({1, 2, 3, 4, 5, 6}, {0, 0, 0, 1, 1, 1});
  auto m = tree.Fit(d, All(6), {.seed = 0});
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_EQ((*m)->Predict(d, All(6)), (std::vector<double>{0, 0, 0, 1, 1, 1}));
  Dataset probe = OneNumeric({3.4, 3.6}, {0, 0});
  EXPECT_EQ((*m)->Predict(probe, All(2)), (std::vector<double>{0, 1}));  // the midpoint 3.5
  // Missing values go to the side that fits them: here with the large values.
  d = OneNumeric({1, 2, std::nan(""), 4, 5, std::nan("")}, {0, 0, 1, 1, 1, 1});
  m = tree.Fit(d, All(6), {.seed = 0});
  EXPECT_EQ((*m)->Predict(d, All(6)), (std::vector<double>{0, 0, 1, 1, 1, 1}));
  // A categorical feature splits on one level against the rest.
  Dataset c;
  c.features = {Feature{"color", true, {}, {0, 1, 2, 0, 1, 2}, 3}};
  c.target = {1, 0, 0, 1, 0, 0};
  m = tree.Fit(c, All(6), {.seed = 0});
  EXPECT_EQ((*m)->Predict(c, All(6)), (std::vector<double>{1, 0, 0, 1, 0, 0}));
  // Regression leaves hold means.
  d = OneNumeric({1, 2, 3, 4}, {1, 1, 5, 5}, Task::kRegression);
  m = tree.Fit(d, All(4), {.seed = 0});
  EXPECT_EQ((*m)->Predict(d, All(4)), (std::vector<double>{1, 1, 5, 5}));
}

TEST(LearnersTest, TreeSplitsBetweenAdjacentAndExtremeValuesKeepTheirSides) {
  const Learner& tree = *FindLearner("tree");
  // 0.3 and the next double up: their midpoint rounds to the larger one, so the threshold
  // must fall back to the smaller, or the training rows would land on the wrong side.
  const double a = 0.3;
  const double b = std::nextafter(a, 1.0);
  Dataset d = OneNumeric({a, a, b, b}, {0, 0, 1, 1});
  auto m = tree.Fit(d, All(4), {.seed = 0});
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_EQ((*m)->Predict(d, All(4)), (std::vector<double>{0, 0, 1, 1}));
  // Values near the largest doubles: the midpoint must not overflow.
  d = OneNumeric({-1.7e308, -1.7e308, 1.7e308, 1.7e308}, {0, 0, 1, 1});
  m = tree.Fit(d, All(4), {.seed = 0});
  ASSERT_TRUE(m) << m.error().message();
  EXPECT_EQ((*m)->Predict(d, All(4)), (std::vector<double>{0, 0, 1, 1}));
}

TEST(LearnersTest, TreeHasAtMostEightLeaves) {
  std::vector<double> x;
  std::vector<double> y;
  for (int i = 0; i < 64; ++i) {
    x.push_back(i);
    y.push_back(i % 2);  // alternating: a full tree would need 64 leaves
  }
  const Dataset d = OneNumeric(x, y);
  const auto m = FindLearner("tree")->Fit(d, All(64), {.seed = 0});
  ASSERT_TRUE(m) << m.error().message();
  std::vector<double> p = (*m)->Predict(d, All(64));
  std::sort(p.begin(), p.end());
  p.erase(std::unique(p.begin(), p.end()), p.end());
  EXPECT_LE(p.size(), 8U);
  // And it does better than a coin on a real split.
  EXPECT_GT(Accuracy(*FindLearner("tree"), Binary(600)), 0.8);
}

TEST(LearnersTest, OneClassIsRefusedAndSplitsAreStratifiedAndDeterministic) {
  Dataset d = Binary(100);
  std::vector<size_t> ones;
  for (size_t i = 0; i < d.rows(); ++i) {
    if (d.target[i] == 1) ones.push_back(i);
  }
  const auto m = FindLearner("linear")->Fit(d, ones, {.seed = 0});
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

// The multiclass linear model is scikit-learn's multinomial logistic regression: at the same C,
// on the same rows, the same probabilities (tests/fixtures/learners/make_fixtures.py; wine,
// and a four-class mix with a one-hot categorical feature). The tolerance is what stopping
// at a gradient of 1e-5 leaves (under 2e-4 on these cases); one-vs-rest models, or the
// optimum of another C, differ by far more.
TEST(LearnersTest, LinearMulticlassIsScikitLearnsMultinomialModel) {
  std::ifstream in(std::string(FORESIGHT_SOURCE_DIR) + "/tests/fixtures/learners/softmax.json");
  ASSERT_TRUE(in) << "fixture missing";
  const auto fixture = nlohmann::json::parse(in);
  for (const auto& c : fixture["cases"]) {
    Dataset d;
    d.task = Task::kMulticlass;
    d.classes = c["classes"].get<size_t>();
    d.target = c["target"].get<std::vector<double>>();
    const auto numeric = c["numeric"].get<std::vector<std::vector<double>>>();
    const size_t n = numeric.size();
    for (size_t j = 0; j < numeric[0].size(); ++j) {
      Feature f{"x" + std::to_string(j), false, {}, {}, 0};
      for (size_t i = 0; i < n; ++i) f.values.push_back(numeric[i][j]);
      d.features.push_back(std::move(f));
    }
    if (!c["categorical"].is_null()) {
      Feature f{"kind",
                true,
                {},
                c["categorical"].get<std::vector<int32_t>>(),
                c["levels"].get<size_t>()};
      d.features.push_back(std::move(f));
    }
    for (const auto& fit : c["fits"]) {
      const double strength = fit["c"].get<double>();
      const auto m = FitMultinomialLogistic(d, All(n), strength);
      ASSERT_TRUE(m) << m.error().message();
      const std::vector<double> p = (*m)->Predict(d, All(n));
      const auto expected = fit["proba"].get<std::vector<std::vector<double>>>();
      ASSERT_EQ(p.size(), n * d.classes);
      double worst = 0;
      double loss = 0;
      for (size_t i = 0; i < n; ++i) {
        for (size_t k = 0; k < d.classes; ++k) {
          worst = std::max(worst, std::abs(p[i * d.classes + k] - expected[i][k]));
        }
        loss -= std::log(p[i * d.classes + static_cast<size_t>(d.target[i])]);
      }
      loss /= static_cast<double>(n);
      const std::string where = c["name"].get<std::string>() + ", C " + std::to_string(strength);
      EXPECT_LT(worst, 5e-4) << where;
      EXPECT_NEAR(loss, fit["log_loss"].get<double>(), 1e-4) << where;
    }
  }
}

}  // namespace
}  // namespace foresight::learners
