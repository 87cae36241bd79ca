#include "app/rank.hpp"

#include <gtest/gtest.h>

#include "app/app_testing.hpp"
#include "app/evaluate.hpp"
#include "base/hash.hpp"

namespace foresight::app {
namespace {

class RankTest : public testing::StoreTest {
 protected:
  static constexpr size_t kN = 2000;
  void SetUp() override {
    StoreTest::SetUp();
    ASSERT_TRUE(Store().AddEvalSet(testing::AlternatingBinarySet(kN)));
  }
  // Scores in [0, 1]: the label times `signal` plus uniform noise (drawn from `noise`),
  // scaled; a larger signal separates better.
  void AddRun(const std::string& name, double signal, const std::string& method = "gbm",
              uint64_t noise = 1) {
    core::Run r;
    r.name = name;
    r.evalset = "holdout";
    r.method = method;
    for (size_t i = 0; i < kN; ++i) {
      const double u = static_cast<double>(Mix64(i * 7919 + noise) >> 11U) * 0x1.0p-53;
      r.predictions.push_back((static_cast<double>(i % 2) * signal + u) / (1 + signal));
    }
    r.created_at = "2026-12-01T09:30:00Z";
    ASSERT_TRUE(Store().AddRun(r));
  }
  static RankOptions Options() {
    RankOptions o;
    o.evidence.resamples = 300;
    return o;
  }
};

TEST_F(RankTest, RanksEveryRunAndBootstrapsOnlyThoseThatCouldMeetTheTarget) {
  AddRun("far", 0.2);    // AUC about 0.68
  AddRun("good", 0.9);   // about 0.995
  AddRun("near", 0.7);   // about 0.955: within reach of 0.95
  AddRun("weak", 0.45);  // about 0.85
  const Criteria criteria{"h", "roc_auc", 0.95, 0.95};
  auto ranking = Rank(Store(), Options(), criteria);
  ASSERT_TRUE(ranking) << ranking.error().message();
  ASSERT_EQ(ranking->groups.size(), 1u);
  const core::RankingGroup& g = ranking->groups[0];
  EXPECT_EQ(g.metric, "roc_auc");
  EXPECT_EQ(g.n, kN);
  ASSERT_TRUE(g.criterion.has_value());
  ASSERT_EQ(g.runs.size(), 4u);
  EXPECT_EQ(g.runs[0].run, "good");
  EXPECT_EQ(g.runs[1].run, "near");
  EXPECT_EQ(g.runs[2].run, "weak");
  EXPECT_EQ(g.runs[3].run, "far");
  EXPECT_EQ(g.runs[0].screen, core::RankScreen::kContender);
  EXPECT_EQ(g.runs[1].screen, core::RankScreen::kContender);
  EXPECT_EQ(g.runs[2].screen, core::RankScreen::kOutOfReach);
  EXPECT_EQ(g.runs[3].screen, core::RankScreen::kOutOfReach);
  EXPECT_FALSE(g.runs[3].lower.has_value());
  EXPECT_FALSE(g.runs[3].criterion.has_value());

  // The contenders' numbers are eval's, bit for bit; the runs screened out would get
  // P(target met) = 0 from the bootstrap.
  EvidenceOptions eo = Options().evidence;
  eo.metrics = {"roc_auc"};
  eo.use_cache = false;
  auto eval = Evaluate(Store(), {"good", "near", "weak", "far"}, eo, false, criteria);
  ASSERT_TRUE(eval) << eval.error().message();
  ASSERT_EQ(eval->criteria.size(), 4u);
  for (size_t k = 0; k < 2; ++k) {
    const core::RankedRun& r = g.runs[k];
    const core::EvalRow& row = eval->rows[k];
    ASSERT_EQ(row.run, r.run);
    EXPECT_EQ(r.estimate, row.estimate);
    EXPECT_EQ(*r.lower, row.lower);
    EXPECT_EQ(*r.upper, row.upper);
    ASSERT_TRUE(r.criterion.has_value());
    EXPECT_EQ(r.criterion->probability, eval->criteria[k].probability);
    EXPECT_EQ(r.criterion->bound, eval->criteria[k].bound);
    EXPECT_EQ(r.criterion->status, eval->criteria[k].status);
    EXPECT_GT(r.standard_error, 0);
  }
  EXPECT_EQ(eval->criteria[2].probability, 0.0);
  EXPECT_EQ(eval->criteria[3].probability, 0.0);
  EXPECT_EQ(ranking->computed, 6u) << "4 point estimates and 2 bootstraps";
  EXPECT_EQ(ranking->cached, 0u);

  // Again: every number from the cache, the same.
  auto again = Rank(Store(), Options(), criteria);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->computed, 0u);
  EXPECT_EQ(again->cached, 6u);
  for (size_t k = 0; k < 4; ++k) {
    EXPECT_EQ(again->groups[0].runs[k].run, g.runs[k].run);
    EXPECT_EQ(again->groups[0].runs[k].estimate, g.runs[k].estimate);
    EXPECT_EQ(again->groups[0].runs[k].standard_error, g.runs[k].standard_error);
    EXPECT_EQ(again->groups[0].runs[k].lower, g.runs[k].lower);
  }
}

TEST_F(RankTest, AProgressBarEndsAtItsPlannedWork) {
  AddRun("far", 0.2);
  AddRun("good", 0.9);
  AddRun("near", 0.7);
  const Criteria criteria{"h", "roc_auc", 0.95, 0.95};
  for (int pass = 0; pass < 2; ++pass) {  // the second reads the cache
    Progress progress;
    RankOptions o = Options();
    o.evidence.progress = &progress;
    auto ranking = Rank(Store(), o, criteria);
    ASSERT_TRUE(ranking) << ranking.error().message();
    const Progress::Snapshot s = progress.Read();
    // The two contenders' bootstraps: 2,000 examples, 300 resamples each.
    EXPECT_EQ(s.total, 2u * kN * 300);
    EXPECT_EQ(s.done, s.total);
  }
}

TEST_F(RankTest, TheLimitLeavesLaterContendersUnmeasured) {
  AddRun("a", 0.9);
  AddRun("b", 0.85);
  AddRun("c", 0.8);
  RankOptions o = Options();
  o.max_intervals = 1;
  auto ranking = Rank(Store(), o, Criteria{"h", "roc_auc", 0.95, 0.95});
  ASSERT_TRUE(ranking) << ranking.error().message();
  const auto& runs = ranking->groups[0].runs;
  EXPECT_EQ(runs[0].screen, core::RankScreen::kContender);
  EXPECT_TRUE(runs[0].lower.has_value());
  EXPECT_EQ(runs[1].screen, core::RankScreen::kBeyondLimit);
  EXPECT_FALSE(runs[1].lower.has_value());
  EXPECT_EQ(runs[2].screen, core::RankScreen::kBeyondLimit);
}

TEST_F(RankTest, WithoutATargetTheRunsThatCouldBeTheBestGetIntervals) {
  AddRun("best", 0.9);
  AddRun("tied", 0.9 + 1e-6, "linear");  // the same noise: indistinguishable from the best
  AddRun("poor", 0.1, "gbm", 5);
  RankOptions o = Options();
  o.metric = "log_loss";  // lower is better; no charter
  auto ranking = Rank(Store(), o, std::nullopt);
  ASSERT_TRUE(ranking) << ranking.error().message();
  const core::RankingGroup& g = ranking->groups[0];
  EXPECT_FALSE(g.higher_is_better);
  EXPECT_FALSE(g.criterion.has_value());
  ASSERT_EQ(g.runs.size(), 3u);
  EXPECT_LE(g.runs[0].estimate, g.runs[1].estimate);
  EXPECT_LE(g.runs[1].estimate, g.runs[2].estimate);
  EXPECT_EQ(g.runs[2].run, "poor");
  EXPECT_EQ(g.runs[0].screen, core::RankScreen::kContender);
  EXPECT_EQ(g.runs[1].screen, core::RankScreen::kContender);
  EXPECT_EQ(g.runs[2].screen, core::RankScreen::kOutOfReach);
  // Filters: the method.
  o.filter.method = "linear";
  auto linear = Rank(Store(), o, std::nullopt);
  ASSERT_TRUE(linear);
  ASSERT_EQ(linear->groups[0].runs.size(), 1u);
  EXPECT_EQ(linear->groups[0].runs[0].run, "tied");
}

TEST_F(RankTest, NothingToRankIsAClearError) {
  auto none = Rank(Store(), Options(), std::nullopt);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_NE(none.error().message().find("run add"), std::string::npos);
  AddRun("a", 0.5);
  RankOptions o = Options();
  o.filter.method = "nope";
  auto filtered = Rank(Store(), o, std::nullopt);
  ASSERT_FALSE(filtered);
  EXPECT_NE(filtered.error().message().find("matches"), std::string::npos);
  o = Options();
  o.metric = "rocauc";
  auto unknown = Rank(Store(), o, std::nullopt);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace foresight::app
