#include "app/forecast.hpp"

#include <algorithm>

#include "app/app_testing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace foresight::app {
namespace {

using ::testing::HasSubstr;

class ForecastUseCaseTest : public testing::StoreTest {
 protected:
  // An evaluation set of n binary examples, and runs of `method` whose scores separate the
  // classes better as the training size grows (a learning curve that flattens).
  void AddCurve(const std::string& method, const std::string& evalset, size_t n,
                const std::string& features = "") {
    core::EvalSet e;
    e.name = evalset;
    e.task = core::EvalTask::kBinary;
    e.classes = {"0", "1"};
    for (size_t i = 0; i < n; ++i) {
      e.ids.push_back("ex" + std::to_string(i));
      e.labels.push_back(static_cast<int32_t>(i % 2));
    }
    e.source = "eval.csv";
    e.created_at = "2026-11-28T10:00:00Z";
    if (!Store().GetEvalSet(evalset)) {
      ASSERT_TRUE(Store().AddEvalSet(e));
    }
    for (const int64_t size : {100, 200, 400, 800, 1600, 3200}) {
      core::Run r;
      r.name = method + "-" + evalset + features + "-" + std::to_string(size);
      if (!features.empty()) r.tags = {{"features", features}};
      r.evalset = evalset;
      r.method = method;
      r.train_size = size;
      // Positives shifted up by 0.1 + 0.4 (1 - (size / 100)^-0.5) over uniform noise: the AUC
      // rises from about 0.6 and levels off below 0.9.
      const double signal = 0.1 + 0.4 * (1 - std::pow(static_cast<double>(size) / 100, -0.5));
      for (size_t i = 0; i < n; ++i) {
        const double noise =
            static_cast<double>((i * 2654435761U + static_cast<size_t>(size)) % 1000) / 1000;
        r.predictions.push_back(signal * static_cast<double>(e.labels[i]) + noise);
      }
      r.created_at = "2026-11-28T11:00:00Z";
      ASSERT_TRUE(Store().AddRun(r));
    }
  }
};

TEST_F(ForecastUseCaseTest, PointsFileGivesAForecastAndInfersTheDirection) {
  const auto outcome = ForecastFromFile(
      Write("p.csv",
            "size,value,stderr\n100,0.30,0.01\n200,0.25,0.01\n400,0.21,0.01\n800,0.185,0.01\n"
            "1600,0.17,0.01\n3200,0.16,0.01\n"),
      {});
  ASSERT_TRUE(outcome) << outcome.error().message();
  ASSERT_TRUE(outcome->diagnostics.empty());
  const core::Forecast& f = *outcome->forecast;
  EXPECT_FALSE(f.higher_is_better);
  EXPECT_TRUE(f.direction_inferred);
  ASSERT_EQ(f.predictions.size(), 2U);
  EXPECT_EQ(f.predictions[1].size, 32000);
  EXPECT_LT(f.predictions[1].value.estimate, 0.16);
  EXPECT_GT(f.predictions[1].value.estimate, 0.10);
  EXPECT_EQ(f.points.size(), 6U);
  EXPECT_TRUE(f.points[0].standard_error.has_value());
}

// A flat curve says nothing about which way is better: the direction is asked for, never
// guessed; given, the forecast says the values show no trend.
TEST_F(ForecastUseCaseTest, AFlatCurveGivesNoDirectionAndIsFlagged) {
  const std::string flat = Write("flat.csv", "size,value\n100,0.5\n200,0.5\n400,0.5\n800,0.5\n");
  const auto guessed = ForecastFromFile(flat, {});
  ASSERT_FALSE(guessed);
  EXPECT_EQ(guessed.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(guessed.error().message(), HasSubstr("neither clearly rise nor fall"));
  EXPECT_THAT(guessed.error().message(), HasSubstr(FieldRef("lower_is_better")));
  // Noise around a level, no trend: the same.
  const std::string noisy =
      Write("noisy.csv", "size,value\n100,0.52\n200,0.47\n400,0.53\n800,0.46\n1600,0.51\n");
  EXPECT_FALSE(ForecastFromFile(noisy, {}));
  ForecastSettings lower;
  lower.higher_is_better = false;
  const auto told = ForecastFromFile(flat, lower);
  ASSERT_TRUE(told) << told.error().message();
  const auto& warnings = told->forecast->warnings;
  EXPECT_NE(std::find(warnings.begin(), warnings.end(), core::ForecastWarning::kNoTrend),
            warnings.end());
  // A clear trend is read as before.
  const auto falling = ForecastFromFile(
      Write("falling.csv", "size,value\n100,0.5\n200,0.4\n400,0.33\n800,0.3\n"), {});
  ASSERT_TRUE(falling) << falling.error().message();
  EXPECT_FALSE(falling->forecast->higher_is_better);
  EXPECT_EQ(std::find(falling->forecast->warnings.begin(), falling->forecast->warnings.end(),
                      core::ForecastWarning::kNoTrend),
            falling->forecast->warnings.end());
}

// Boosting's mean absolute error on Weka's cpu by training size (the probe's curve): noisy
// and short, so the band for its level runs from 0 to far beyond it. Where it levels off is
// flagged as not determined; a clean curve is not.
TEST_F(ForecastUseCaseTest, AnAsymptoteTheCurveCannotCarryIsFlagged) {
  ForecastSettings lower;
  lower.higher_is_better = false;
  const auto noisy = ForecastFromFile(
      Write("cpu.csv",
            "size,value\n16,46.38\n23,42.68\n32,47.76\n45,41.57\n64,36.87\n91,38.35\n"
            "128,38.56\n167,31.58\n"),
      lower);
  ASSERT_TRUE(noisy) << noisy.error().message();
  const auto& w = noisy->forecast->warnings;
  EXPECT_NE(std::find(w.begin(), w.end(), core::ForecastWarning::kAsymptoteUndetermined), w.end());
  const auto clean = ForecastFromFile(
      Write("p.csv",
            "size,value,stderr\n100,0.30,0.01\n200,0.25,0.01\n400,0.21,0.01\n800,0.185,0.01\n"
            "1600,0.17,0.01\n3200,0.16,0.01\n"),
      {});
  ASSERT_TRUE(clean) << clean.error().message();
  const auto& none = clean->forecast->warnings;
  EXPECT_EQ(std::find(none.begin(), none.end(), core::ForecastWarning::kAsymptoteUndetermined),
            none.end());
}

TEST_F(ForecastUseCaseTest, BadCellsAreReportedWithTheirLines) {
  const auto outcome = ForecastFromFile(
      Write("p.csv", "size,value\n100,0.3\nten,0.2\n400,NaN\n800,0.1\n1,0.1\n"), {});
  ASSERT_TRUE(outcome) << outcome.error().message();
  ASSERT_EQ(outcome->diagnostics.size(), 2U);
  EXPECT_EQ(outcome->diagnostics[0].message,
            "2 rows with a size that is not a number of examples (2 or more) (lines 3, 6): "
            "'ten'; '1'");
  EXPECT_EQ(outcome->diagnostics[1].message,
            "1 row with a value that is not a finite number (line 4): 'NaN'");
  EXPECT_FALSE(outcome->forecast.has_value());
}

TEST_F(ForecastUseCaseTest, MissingColumnsSuggestTheClosest) {
  const auto outcome = ForecastFromFile(Write("p.csv", "sise,value\n100,0.3\n"), {});
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->diagnostics.size(), 1U);
  EXPECT_EQ(outcome->diagnostics[0].message,
            "no column 'size' (given by the points file's format)");
  EXPECT_THAT(outcome->diagnostics[0].help.at(0), HasSubstr("did you mean 'sise'?"));
}

TEST_F(ForecastUseCaseTest, TooFewSizesIsAClearError) {
  const auto outcome = ForecastFromFile(Write("p.csv", "size,value\n100,0.3\n200,0.2\n"), {});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_THAT(outcome.error().message(), HasSubstr("3 or more different sizes; got 2"));
}

TEST_F(ForecastUseCaseTest, MethodRunsBecomeACurveOfTheirMetric) {
  AddCurve("boost", "holdout", 400);
  ForecastSettings settings;
  settings.target = 0.99;
  EvidenceOptions evidence;
  evidence.resamples = 200;
  const auto outcome =
      ForecastFromMethod(Store(), "boost", std::nullopt, {}, settings, evidence, {});
  ASSERT_TRUE(outcome) << outcome.error().message();
  const core::Forecast& f = *outcome->forecast;
  EXPECT_EQ(f.metric, "roc_auc");
  EXPECT_TRUE(f.higher_is_better);
  EXPECT_FALSE(f.direction_inferred);
  ASSERT_EQ(f.points.size(), 6U);
  EXPECT_EQ(f.points.front().size, 100);
  EXPECT_EQ(f.points.back().size, 3200);
  // Standard errors come from the bootstrap: positive, and small with 400 examples.
  for (const auto& p : f.points) {
    ASSERT_TRUE(p.standard_error.has_value());
    EXPECT_GT(*p.standard_error, 0);
    EXPECT_LT(*p.standard_error, 0.05);
  }
  EXPECT_LE(f.asymptote.upper, 1.0);
  EXPECT_GE(f.predictions.back().value.estimate, f.points.back().value - 0.02);
  ASSERT_TRUE(f.target.has_value());
}

TEST_F(ForecastUseCaseTest, MethodErrorsNameWhatThereIs) {
  AddCurve("boost", "holdout", 200);
  AddCurve("boost", "other", 200);
  const auto none = ForecastFromMethod(Store(), "tree", std::nullopt, {}, {}, {}, {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code(), ErrorCode::kNotFound);
  EXPECT_THAT(none.error().message(), HasSubstr("the methods are: boost"));
  const auto both = ForecastFromMethod(Store(), "boost", std::nullopt, {}, {}, {}, {});
  ASSERT_FALSE(both);
  EXPECT_THAT(both.error().message(), HasSubstr("choose one with " + FieldRef("evalset")));
  EvidenceOptions evidence;
  evidence.resamples = 200;
  const auto one = ForecastFromMethod(Store(), "boost", std::string("accuracy"),
                                      {.evalset = "other"}, {}, evidence, {});
  ASSERT_TRUE(one) << one.error().message();
  EXPECT_EQ(one->forecast->metric, "accuracy");
  const auto bad_metric = ForecastFromMethod(Store(), "boost", std::string("rmse"),
                                             {.evalset = "other"}, {}, evidence, {});
  ASSERT_FALSE(bad_metric);
}

// Two curves of one method on one set, told apart by a tag: the forecast takes the tagged one.
TEST_F(ForecastUseCaseTest, ATagChoosesTheRunsOfTheCurve) {
  AddCurve("boost", "holdout", 200, "v1");
  AddCurve("boost", "holdout", 200, "v2");
  EvidenceOptions evidence;
  evidence.resamples = 200;
  const auto v2 = ForecastFromMethod(Store(), "boost", std::nullopt, {.tags = {{"features", "v2"}}},
                                     {}, evidence, {});
  ASSERT_TRUE(v2) << v2.error().message();
  ASSERT_EQ(v2->forecast->points.size(), 6U);
  const auto none = ForecastFromMethod(Store(), "boost", std::nullopt,
                                       {.tags = {{"features", "v3"}}}, {}, evidence, {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code(), ErrorCode::kNotFound);
  EXPECT_THAT(none.error().message(), HasSubstr("no runs of method 'boost' tagged features=v3"));
}

}  // namespace
}  // namespace foresight::app
