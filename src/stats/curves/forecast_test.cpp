#include "stats/curves/forecast.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace foresight::stats::curves {
namespace {

using ::testing::HasSubstr;

// An error curve 0.1 + 0.05 (size / 4096)^-0.5 at sizes 16 * 2^(k/2) up to `largest`.
std::vector<CurvePoint> PowerCurve(double largest) {
  std::vector<CurvePoint> points;
  for (int k = 0;; ++k) {
    const double size = std::round(16 * std::pow(2.0, k / 2.0));
    if (size > largest) break;
    points.push_back({size, 0.1 + 0.05 * std::pow(size / 4096, -0.5), std::nullopt});
  }
  return points;
}

double Truth(double size) { return 0.1 + 0.05 * std::pow(size / 4096, -0.5); }

std::string ErrorOf(const std::vector<CurvePoint>& points, ForecastOptions options = {}) {
  auto result = Forecast(points, options);
  return result ? "" : result.error().message();
}

TEST(ForecastTest, ACleanPowerLawIsExtrapolatedWithinItsBand) {
  const auto result = Forecast(PowerCurve(4096), {});
  ASSERT_TRUE(result.has_value()) << result.error().message();
  ASSERT_EQ(result->predictions.size(), 2U);
  EXPECT_EQ(result->predictions[0].size, 8192);
  EXPECT_EQ(result->predictions[1].size, 40960);
  for (const SizePrediction& p : result->predictions) {
    EXPECT_NEAR(p.value.estimate, Truth(p.size), 0.01) << p.size;
    EXPECT_LE(p.value.lower, Truth(p.size)) << p.size;
    EXPECT_GE(p.value.upper, Truth(p.size)) << p.size;
    EXPECT_LE(p.value.lower, p.value.estimate);
    EXPECT_GE(p.value.upper, p.value.estimate);
  }
  EXPECT_NEAR(result->asymptote.estimate, 0.1, 0.03);
  EXPECT_LE(result->asymptote.lower, 0.1);
  EXPECT_FALSE(result->ill_behaved);
  double total = 0;
  for (const FamilyWeight& f : result->families) total += f.weight;
  EXPECT_NEAR(total, 1, 1e-12);
  EXPECT_GT(result->families.front().weight, 0);
}

TEST(ForecastTest, TargetsBelowTheFloorAreNotReachable) {
  ForecastOptions options;
  options.target = 0.02;  // the curve levels off at 0.1
  const auto result = Forecast(PowerCurve(4096), options);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  ASSERT_TRUE(result->target.has_value());
  EXPECT_FALSE(result->target->size_needed.has_value());
  EXPECT_LT(result->target->probability_reachable, 0.2);
  EXPECT_FALSE(result->target->already_met);
}

TEST(ForecastTest, ReachableTargetsGetASizeWithAnInterval) {
  ForecastOptions options;
  options.target = Truth(4 * 4096);  // reached at 4x the data on the true curve
  const auto result = Forecast(PowerCurve(4096), options);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  ASSERT_TRUE(result->target->size_needed.has_value());
  const Band& size = *result->target->size_needed;
  EXPECT_NEAR(std::log2(size.estimate / 16384), 0, 1) << size.estimate;
  EXPECT_LE(size.lower, size.estimate);
  EXPECT_GE(size.upper, size.estimate);
  EXPECT_GT(result->target->probability_reachable, 0.8);
}

TEST(ForecastTest, HigherIsBetterMetricsAreMirrored) {
  std::vector<CurvePoint> accuracy = PowerCurve(4096);
  for (CurvePoint& p : accuracy) p.value = 1 - p.value;
  ForecastOptions options;
  options.lower_is_better = false;
  const auto result = Forecast(accuracy, options);
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_NEAR(result->predictions[1].value.estimate, 1 - Truth(40960), 0.01);
  EXPECT_NEAR(result->asymptote.estimate, 0.9, 0.03);
  EXPECT_LE(result->asymptote.lower, result->asymptote.upper);
}

TEST(ForecastTest, RisingErrorIsFlaggedIllBehaved) {
  std::vector<CurvePoint> points = PowerCurve(4096);
  for (size_t i = points.size() / 2; i < points.size(); ++i)
    points[i].value += 0.05 * static_cast<double>(i - points.size() / 2);
  const auto result = Forecast(points, {});
  ASSERT_TRUE(result.has_value()) << result.error().message();
  EXPECT_TRUE(result->ill_behaved);
  EXPECT_THAT(result->warnings.at(0), HasSubstr("ill-behaved"));
}

TEST(ForecastTest, DegenerateInputsGetClearErrorsOrWarnings) {
  EXPECT_THAT(ErrorOf({{100, 0.2, {}}, {200, 0.1, {}}}), HasSubstr("3 or more different sizes"));
  EXPECT_THAT(ErrorOf({{100, 0.2, {}}, {100, 0.1, {}}, {200, 0.1, {}}, {200, 0.1, {}}}),
              HasSubstr("got 2"));
  EXPECT_THAT(ErrorOf({{100, 0.2, {}}, {200, std::nan(""), {}}, {400, 0.1, {}}}),
              HasSubstr("point 2: the value is not a finite number"));
  EXPECT_THAT(ErrorOf({{0, 0.2, {}}, {200, 0.1, {}}, {400, 0.1, {}}}),
              HasSubstr("point 1: the size must be a number of examples"));
  EXPECT_THAT(ErrorOf({{100, 0.2, -1.0}, {200, 0.1, {}}, {400, 0.1, {}}}),
              HasSubstr("standard error must be a finite number >= 0"));
  ForecastOptions bad_band;
  bad_band.band = 1;
  EXPECT_THAT(ErrorOf(PowerCurve(4096), bad_band), HasSubstr("band must be between 0 and 1"));
  ForecastOptions accuracy_as_error;
  accuracy_as_error.best = 0.5;
  EXPECT_THAT(ErrorOf(PowerCurve(4096), accuracy_as_error), HasSubstr("better than the best"));

  // Constant and zero-error curves forecast themselves, with a warning for zero error.
  const std::vector<CurvePoint> constant = {
      {100, 0.3, {}}, {200, 0.3, {}}, {400, 0.3, {}}, {800, 0.3, {}}};
  const auto flat = Forecast(constant, {});
  ASSERT_TRUE(flat.has_value()) << flat.error().message();
  EXPECT_NEAR(flat->predictions[1].value.estimate, 0.3, 1e-6);
  const std::vector<CurvePoint> zero = {{100, 0, {}}, {200, 0, {}}, {400, 0, {}}};
  const auto perfect = Forecast(zero, {});
  ASSERT_TRUE(perfect.has_value()) << perfect.error().message();
  EXPECT_NEAR(perfect->predictions[0].value.estimate, 0, 1e-12);
  EXPECT_THAT(perfect->warnings.at(0), HasSubstr("already the best possible"));

  // Order does not matter; repeated sizes are used.
  std::vector<CurvePoint> shuffled = PowerCurve(4096);
  std::reverse(shuffled.begin(), shuffled.end());
  shuffled.push_back(shuffled.front());
  const auto a = Forecast(PowerCurve(4096), {});
  const auto b = Forecast(shuffled, {});
  ASSERT_TRUE(a.has_value() && b.has_value());
  EXPECT_NEAR(a->predictions[1].value.estimate, b->predictions[1].value.estimate, 1e-3);
}

}  // namespace
}  // namespace foresight::stats::curves
