#include "stats/fairness.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/bootstrap.hpp"

namespace foresight::stats {
namespace {

// Two groups, hand-computed. Group 0: labels 1 1 0 0, scores .9 .2 .8 .1 -> predicted 1 0 1 0.
// Group 1: labels 1 1 0 0, scores .9 .7 .3 .1 -> predicted 1 1 0 0.
const std::vector<int32_t> kLabel = {1, 1, 0, 0, 1, 1, 0, 0};
const std::vector<double> kScore = {0.9, 0.2, 0.8, 0.1, 0.9, 0.7, 0.3, 0.1};
const std::vector<int32_t> kGroup = {0, 0, 0, 0, 1, 1, 1, 1};

TEST(FairnessGapTest, DemographicParityDifference) {
  auto kernel = PrepareFairnessGap(kLabel, kScore, kGroup, 2, 0.5, FairnessGap::kDemographicParity);
  ASSERT_TRUE(kernel);
  // Selection rates: group 0 2/4, group 1 2/4.
  EXPECT_DOUBLE_EQ((*kernel)->Evaluate(Resample::All()), 0.0);
  auto shifted =
      PrepareFairnessGap(kLabel, kScore, kGroup, 2, 0.75, FairnessGap::kDemographicParity);
  // At 0.75: group 0 predicts .9 .8 -> 2/4; group 1 predicts .9 -> 1/4.
  EXPECT_DOUBLE_EQ((*shifted)->Evaluate(Resample::All()), 0.25);
}

TEST(FairnessGapTest, EqualizedOddsDifference) {
  auto kernel = PrepareFairnessGap(kLabel, kScore, kGroup, 2, 0.5, FairnessGap::kEqualizedOdds);
  ASSERT_TRUE(kernel);
  // TPR: group 0 1/2, group 1 2/2 -> 0.5. FPR: group 0 1/2, group 1 0/2 -> 0.5.
  EXPECT_DOUBLE_EQ((*kernel)->Evaluate(Resample::All()), 0.5);
}

TEST(FairnessGapTest, CellsAndExamplesAgreeAndIntervalContainsEstimate) {
  std::vector<int32_t> label;
  std::vector<double> score;
  std::vector<int32_t> group;
  for (int i = 0; i < 3000; ++i) {
    label.push_back(i % 3 == 0 ? 1 : 0);
    group.push_back(i % 4 == 0 ? 1 : 0);
    score.push_back(std::fmod(i * 0.61803398875, 1.0) + (group.back() == 1 ? 0.1 : 0.0));
  }
  auto kernel = PrepareFairnessGap(label, score, group, 2, 0.5, FairnessGap::kDemographicParity);
  ASSERT_TRUE(kernel);
  const Resample r = Resample::Poisson(3, 1);
  std::vector<double> counts(8, 0.0);
  for (size_t i = 0; i < label.size(); ++i) counts[(*kernel)->CellOf()[i]] += r.Count(i);
  EXPECT_DOUBLE_EQ((*kernel)->Evaluate(r), (*kernel)->EvaluateCells(counts));
  BootstrapOptions options;
  options.resamples = 500;
  auto interval = BootstrapInterval(**kernel, label.size(), options);
  ASSERT_TRUE(interval);
  EXPECT_LE(interval->lower, interval->estimate);
  EXPECT_GE(interval->upper, interval->estimate);
}

TEST(FairnessGapTest, RejectsBadInput) {
  EXPECT_FALSE(PrepareFairnessGap(kLabel, kScore, kGroup, 1, 0.5, FairnessGap::kEqualizedOdds));
  EXPECT_FALSE(PrepareFairnessGap(kLabel, kScore, std::vector<int32_t>{0}, 2, 0.5,
                                  FairnessGap::kEqualizedOdds));
}

}  // namespace
}  // namespace foresight::stats
