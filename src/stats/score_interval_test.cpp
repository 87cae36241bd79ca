#include "stats/score_interval.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "stats/stats_fixtures_testing.hpp"

namespace foresight::stats {
namespace {

using testing::LoadStatsFixture;

constexpr double kTolerance = 1e-12;

TEST(StatsScoreIntervalTest, ProportionIsWilsonsIntervalAsScipyComputesIt) {
  const auto fixture = LoadStatsFixture("score.json");
  ASSERT_FALSE(fixture.is_null());
  ASSERT_GT(fixture["proportions"].size(), 40U);
  for (const auto& row : fixture["proportions"]) {
    const double k = row["k"];
    const double n = row["n"];
    const double c = row["confidence"];
    const ScoreModel model{ScoreModel::Kind::kProportion, n, 0, 0};
    const IntervalBounds two = ScoreInterval(model, k / n, c);
    const std::string what = "k = " + std::to_string(k) + ", n = " + std::to_string(n) +
                             ", confidence " + std::to_string(c);
    EXPECT_NEAR(two.lower, row["lower"].get<double>(), kTolerance) << what;
    EXPECT_NEAR(two.upper, row["upper"].get<double>(), kTolerance) << what;
    EXPECT_NEAR(ScoreBound(model, k / n, c, false), row["one_sided_lower"].get<double>(),
                kTolerance)
        << what;
    EXPECT_NEAR(ScoreBound(model, k / n, c, true), row["one_sided_upper"].get<double>(), kTolerance)
        << what;
  }
}

TEST(StatsScoreIntervalTest, AucInvertsHanleyMcNeilsVariance) {
  const auto fixture = LoadStatsFixture("score.json");
  ASSERT_FALSE(fixture.is_null());
  ASSERT_GT(fixture["aucs"].size(), 20U);
  for (const auto& row : fixture["aucs"]) {
    const double a = row["auc"];
    const double c = row["confidence"];
    const ScoreModel model{ScoreModel::Kind::kAuc, 0, row["positives"], row["negatives"]};
    const IntervalBounds two = ScoreInterval(model, a, c);
    const std::string what = "auc " + std::to_string(a) + ", confidence " + std::to_string(c);
    EXPECT_NEAR(two.lower, row["lower"].get<double>(), kTolerance) << what;
    EXPECT_NEAR(two.upper, row["upper"].get<double>(), kTolerance) << what;
    EXPECT_NEAR(ScoreBound(model, a, c, false), row["one_sided_lower"].get<double>(), kTolerance)
        << what;
    EXPECT_NEAR(ScoreBound(model, a, c, true), row["one_sided_upper"].get<double>(), kTolerance)
        << what;
  }
}

TEST(StatsScoreIntervalTest, ProbabilityIsTheScoreTests) {
  const auto fixture = LoadStatsFixture("score.json");
  ASSERT_FALSE(fixture.is_null());
  for (const auto& row : fixture["probabilities"]) {
    const bool auc = row["kind"] == "auc";
    const ScoreModel model =
        auc ? ScoreModel{ScoreModel::Kind::kAuc, 0, row["positives"], row["negatives"]}
            : ScoreModel{ScoreModel::Kind::kProportion, row["trials"], 0, 0};
    EXPECT_NEAR(ScoreProbability(model, row["estimate"], row["threshold"], true),
                row["probability"].get<double>(), 1e-14);
  }
}

// Twelve perfect predictions: the bootstrap says [1, 1]; the score interval does not.
TEST(StatsScoreIntervalTest, APerfectSmallSetKeepsItsUncertainty) {
  const ScoreModel twelve{ScoreModel::Kind::kProportion, 12, 0, 0};
  const IntervalBounds i = ScoreInterval(twelve, 1.0, 0.95);
  EXPECT_NEAR(i.lower, 0.7575, 1e-4);
  EXPECT_EQ(i.upper, 1.0);
  // Not 95% sure of a 0.9 target: the one-sided bound is below it, and P is below 0.95.
  EXPECT_LT(ScoreBound(twelve, 1.0, 0.95, false), 0.9);
  EXPECT_LT(ScoreProbability(twelve, 1.0, 0.9, true), 0.95);
  const ScoreModel six_and_six{ScoreModel::Kind::kAuc, 0, 6, 6};
  EXPECT_LT(ScoreInterval(six_and_six, 1.0, 0.95).lower, 0.7);
}

// The verdict read from P agrees with the one read from the bound, at every threshold.
TEST(StatsScoreIntervalTest, ProbabilityAgreesWithTheBound) {
  for (const auto& model : {ScoreModel{ScoreModel::Kind::kProportion, 40, 0, 0},
                            ScoreModel{ScoreModel::Kind::kAuc, 0, 15, 25}}) {
    for (const double estimate : {0.55, 0.8, 0.95, 1.0}) {
      const double bound = ScoreBound(model, estimate, 0.95, false);
      for (double t = 0.01; t < 1; t += 0.01) {
        if (std::abs(t - bound) < 1e-9) continue;
        EXPECT_EQ(ScoreProbability(model, estimate, t, true) >= 0.95, t <= bound)
            << "estimate " << estimate << ", threshold " << t;
        // Lower is better, mirrored: P(value <= t).
        const double upper = ScoreBound(model, estimate, 0.95, true);
        if (std::abs(t - upper) < 1e-9) continue;
        EXPECT_EQ(ScoreProbability(model, estimate, t, false) >= 0.95, t >= upper);
      }
    }
  }
}

TEST(StatsScoreIntervalTest, Edges) {
  const ScoreModel none{ScoreModel::Kind::kProportion, 0, 0, 0};
  EXPECT_EQ(ScoreInterval(none, 0.5, 0.95).lower, 0);
  EXPECT_EQ(ScoreInterval(none, 0.5, 0.95).upper, 1);
  const ScoreModel model{ScoreModel::Kind::kProportion, 10, 0, 0};
  EXPECT_EQ(ScoreProbability(model, 1.0, 1.0, true), 0);  // no finite set proves perfection
  EXPECT_EQ(ScoreProbability(model, 0.0, 0.0, true), 1);
  EXPECT_EQ(ScoreInterval(model, 0.0, 0.95).lower, 0);
  EXPECT_TRUE(std::isnan(ScoreBound(model, std::nan(""), 0.95, false)));
}

}  // namespace
}  // namespace foresight::stats
