#include "stats/curves/fit.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "stats/curves/family.hpp"
#include "stats/resample.hpp"

namespace foresight::stats::curves {
namespace {

struct Truth {
  std::string family;
  Params params;
};

// Representative parameters of each family: a curve falling from about 0.4-0.9 at 16
// examples to about 0.1 at 4,096 (u = size / 4096).
const std::vector<Truth>& Truths() {
  static const std::vector<Truth> truths = {
      {"pow3", {0.05, 0.5, 0.1, 0}},      {"pow4", {0.05, 0.6, 0.08, 0.01}},
      {"log2", {0.05, 0.1, 0, 0}},        {"ilog2", {2, 0.05, 0, 0}},
      {"exp3", {0.5, 20, 0.1, 0}},        {"mmf4", {0.9, 0.01, 0.1, 0.7}},
      {"wbl4", {10, 0.6, 0.1, 0.5}},      {"vap3", {-2.5, 0.002, -0.3, 0}},
      {"janoschek", {0.1, 0.9, 10, 0.5}},
  };
  return truths;
}

// Sizes 16 * 2^(k/2) up to 4096, as the probe and LCDB space them; the loss of `truth`
// plus Gaussian noise of standard deviation `noise` (deterministic).
CurveData Synthetic(const Family& family, const Params& truth, double noise, uint64_t seed) {
  CurveData data;
  for (int k = 0; k <= 16; ++k) {
    const double x = std::round(16 * std::pow(2.0, k / 2.0));
    const double u = x / 4096;
    // Box-Muller from two hashed uniforms.
    const double u1 =
        (static_cast<double>(Resample::Mix(seed * 1000 + 2 * k) >> 11U) + 1) * 0x1.0p-53;
    const double u2 =
        static_cast<double>(Resample::Mix(seed * 1000 + 2 * k + 1) >> 11U) * 0x1.0p-53;
    const double z = std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
    data.u.push_back(u);
    data.x.push_back(x);
    data.y.push_back(family.value(u, x, truth.data()) + noise * z);
    data.weight.push_back(1);
  }
  return data;
}

TEST(CurveFamiliesTest, RegistryHoldsTheNamedFamiliesWithSaneBounds) {
  for (const Truth& t : Truths()) {
    const Family* f = FindFamily(t.family);
    ASSERT_NE(f, nullptr) << t.family;
    EXPECT_FALSE(f->formula.empty());
    for (size_t j = 0; j < f->params; ++j) {
      EXPECT_LT(f->lower[j], f->upper[j]) << t.family << " " << f->names[j];
      EXPECT_GE(t.params[j], f->lower[j]) << t.family << " " << f->names[j];
      EXPECT_LE(t.params[j], f->upper[j]) << t.family << " " << f->names[j];
    }
  }
  EXPECT_EQ(Families().size(), Truths().size());
  EXPECT_EQ(FindFamily("pow5"), nullptr);
}

TEST(CurveFamiliesTest, DualGradientMatchesFiniteDifferences) {
  for (const Truth& t : Truths()) {
    const Family& f = *FindFamily(t.family);
    for (const double u : {0.01, 0.3, 1.0, 7.0}) {
      const double x = u * 4096;
      Dual p[kMaxParams];
      for (size_t j = 0; j < f.params; ++j) p[j] = Dual::Variable(t.params[j], j);
      const Dual d = f.dual(u, x, p);
      EXPECT_NEAR(d.v, f.value(u, x, t.params.data()), 1e-12) << t.family;
      for (size_t j = 0; j < f.params; ++j) {
        const double h = 1e-6 * std::max(1.0, std::abs(t.params[j]));
        Params up = t.params;
        Params down = t.params;
        up[j] += h;
        down[j] -= h;
        const double numeric = (f.value(u, x, up.data()) - f.value(u, x, down.data())) / (2 * h);
        EXPECT_NEAR(d.d[j], numeric, 1e-5 * std::max(1.0, std::abs(numeric)))
            << t.family << " d/d" << f.names[j] << " at u = " << u;
      }
    }
  }
}

TEST(CurveFitTest, RecoversNoiselessCurves) {
  for (const Truth& t : Truths()) {
    const Family& f = *FindFamily(t.family);
    const CurveData data = Synthetic(f, t.params, 0, 1);
    const FitResult fit = Fit(f, data, data.size());
    ASSERT_TRUE(fit.ok) << t.family;
    EXPECT_LT(fit.cost, 1e-10) << t.family;
    // The curve itself, where it was seen and 10x beyond: parameters of 4-parameter
    // families are not all identifiable from a short curve, but the curve is.
    for (const double u : {16 / 4096.0, 0.1, 1.0}) {
      EXPECT_NEAR(f.value(u, u * 4096, fit.params.data()), f.value(u, u * 4096, t.params.data()),
                  1e-5)
          << t.family << " at u = " << u;
    }
    EXPECT_NEAR(f.value(10, 40960, fit.params.data()), f.value(10, 40960, t.params.data()), 2e-3)
        << t.family << " at 10x";
    // And the parameters themselves.
    for (size_t j = 0; j < f.params; ++j) {
      EXPECT_NEAR(fit.params[j], t.params[j], 1e-3 * std::max(1.0, std::abs(t.params[j])))
          << t.family << " parameter " << f.names[j];
    }
  }
}

TEST(CurveFitTest, NoisyCurvesFitToTheNoiseLevel) {
  const double noise = 0.01;
  for (const Truth& t : Truths()) {
    const Family& f = *FindFamily(t.family);
    for (uint64_t seed = 1; seed <= 3; ++seed) {
      const CurveData data = Synthetic(f, t.params, noise, seed);
      const FitResult fit = Fit(f, data, data.size());
      ASSERT_TRUE(fit.ok) << t.family;
      // The residual variance is about the noise variance (fewer degrees of freedom).
      const double rms = std::sqrt(fit.cost / static_cast<double>(data.size()));
      EXPECT_LT(rms, 1.5 * noise) << t.family << " seed " << seed;
      // At the largest size seen, the fitted curve is within a few noise levels of truth.
      EXPECT_NEAR(f.value(1, 4096, fit.params.data()), f.value(1, 4096, t.params.data()), 3 * noise)
          << t.family << " seed " << seed;
      // The asymptote, what users ask about, within a few noise levels too (4-parameter
      // families trade it against their shape, so not as close as the curve itself).
      const double truth_limit = f.asymptote(t.params.data());
      if (std::isfinite(truth_limit)) {
        EXPECT_NEAR(f.asymptote(fit.params.data()), truth_limit, 4 * noise)
            << t.family << " seed " << seed;
      }
    }
  }
}

TEST(CurveFitTest, WeightsPullTheFitTowardsPrecisePoints) {
  // Two precise points at the ends, one wild imprecise point in the middle: the weighted
  // fit follows the precise ones.
  const Family& f = *FindFamily("pow3");
  CurveData data = Synthetic(f, {0.05, 0.5, 0.1, 0}, 0, 1);
  data.y[8] += 0.2;
  CurveData weighted = data;
  for (double& w : weighted.weight) w = 1;
  weighted.weight[8] = 1e-6;
  const FitResult plain = Fit(f, data, data.size());
  const FitResult fit = Fit(f, weighted, weighted.size());
  const double truth = f.value(1, 4096, Params{0.05, 0.5, 0.1, 0}.data());
  EXPECT_LT(std::abs(f.value(1, 4096, fit.params.data()) - truth),
            std::abs(f.value(1, 4096, plain.params.data()) - truth));
  EXPECT_NEAR(f.value(1, 4096, fit.params.data()), truth, 1e-4);
}

TEST(CurveFitTest, FitsAPrefixAndStaysInBounds) {
  const Family& f = *FindFamily("mmf4");
  const CurveData data = Synthetic(f, {0.9, 0.01, 0.1, 0.7}, 0.01, 4);
  const FitResult fit = Fit(f, data, 6);
  ASSERT_TRUE(fit.ok);
  for (size_t j = 0; j < f.params; ++j) {
    EXPECT_GE(fit.params[j], f.lower[j]);
    EXPECT_LE(fit.params[j], f.upper[j]);
  }
}

}  // namespace
}  // namespace foresight::stats::curves
