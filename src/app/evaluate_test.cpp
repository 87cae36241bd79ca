#include "app/evaluate.hpp"

#include "app/app_testing.hpp"

#include <cmath>
#include <fstream>
#include <iterator>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/criteria.hpp"
#include "app/result_cache.hpp"
#include "base/clock.hpp"

namespace foresight::app {
namespace {

class FixedClock final : public Clock {
 public:
  std::string NowIso8601() const override { return "2026-12-01T10:00:00Z"; }
};

class EvaluateTest : public testing::StoreTest {
 protected:
  // A binary set of n examples, label i % 2.
  void AddBinarySet(size_t n) { ASSERT_TRUE(Store().AddEvalSet(testing::AlternatingBinarySet(n))); }
  void AddRun(const std::string& name, std::vector<double> scores) {
    core::Run r;
    r.name = name;
    r.evalset = "holdout";
    r.predictions = std::move(scores);
    r.created_at = "2026-12-01T09:30:00Z";
    ASSERT_TRUE(Store().AddRun(r));
  }
  // Scores that get every example right (label i % 2) except those in `wrong`.
  static std::vector<double> RightExcept(size_t n, const std::vector<size_t>& wrong) {
    std::vector<double> s;
    for (size_t i = 0; i < n; ++i) {
      const bool right = std::find(wrong.begin(), wrong.end(), i) == wrong.end();
      const double label = static_cast<double>(i % 2);
      s.push_back(right ? 0.2 + 0.6 * label : 0.8 - 0.6 * label);
    }
    return s;
  }
  FixedClock clock_;
};

TEST_F(EvaluateTest, EvaluateOnlyReadsTheCriteriaAndRecordingIsExplicit) {
  AddBinarySet(40);
  AddRun("a", RightExcept(40, {0, 1, 2}));
  const Criteria first{"hash-1", "roc_auc", 0.8, 0.95};
  EvidenceOptions o;
  o.resamples = 200;
  auto result = Evaluate(Store(), {}, o, false, first);
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_TRUE(Store().ListCriteria()->empty()) << "a read must not write";
  EXPECT_FALSE(result->criterion_change.has_value()) << "nothing recorded yet to differ from";
  ASSERT_TRUE(RecordCriteria(Store(), first, clock_));
  ASSERT_EQ(Store().ListCriteria()->size(), 1u);

  const Criteria second{"hash-2", "log_loss", 0.3, 0.95};
  result = Evaluate(Store(), {}, o, false, second);
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(Store().ListCriteria()->size(), 1u);
  ASSERT_TRUE(result->criterion_change.has_value());
  EXPECT_EQ(result->criterion_change->previous.metric, "roc_auc");
  EXPECT_EQ(result->criterion_change->previous.seen_at, "2026-12-01T10:00:00Z");
  EXPECT_EQ(result->criterion_change->current.metric, "log_loss");
  EXPECT_EQ(result->criterion_change->previous_higher_is_better, true);
  EXPECT_EQ(result->criterion_change->current_higher_is_better, false);
  // The criterion of a lower-is-better metric is met at or below its threshold.
  ASSERT_TRUE(result->criterion.has_value());
  EXPECT_FALSE(result->criterion->higher_is_better);
  // The same charter version again is no change.
  ASSERT_TRUE(RecordCriteria(Store(), second, clock_));
  result = Evaluate(Store(), {}, o, false, second);
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->criterion_change.has_value());
}

// Every number of an EvalResult, bit for bit (the cache must change none).
void ExpectSameResult(const EvalResult& a, const EvalResult& b) {
  ASSERT_EQ(a.rows.size(), b.rows.size());
  for (size_t i = 0; i < a.rows.size(); ++i) {
    EXPECT_EQ(a.rows[i].run, b.rows[i].run);
    EXPECT_EQ(a.rows[i].metric, b.rows[i].metric);
    EXPECT_EQ(a.rows[i].slice, b.rows[i].slice);
    EXPECT_EQ(a.rows[i].estimate, b.rows[i].estimate);
    EXPECT_EQ(a.rows[i].lower, b.rows[i].lower) << a.rows[i].run << " " << a.rows[i].metric;
    EXPECT_EQ(a.rows[i].upper, b.rows[i].upper);
    EXPECT_EQ(a.rows[i].n, b.rows[i].n);
  }
  ASSERT_EQ(a.fairness.size(), b.fairness.size());
  for (size_t i = 0; i < a.fairness.size(); ++i) {
    EXPECT_EQ(a.fairness[i].estimate, b.fairness[i].estimate);
    EXPECT_EQ(a.fairness[i].lower, b.fairness[i].lower);
    EXPECT_EQ(a.fairness[i].upper, b.fairness[i].upper);
  }
  ASSERT_EQ(a.criteria.size(), b.criteria.size());
  for (size_t i = 0; i < a.criteria.size(); ++i) {
    EXPECT_EQ(a.criteria[i].probability, b.criteria[i].probability);
    EXPECT_EQ(a.criteria[i].bound, b.criteria[i].bound);
    EXPECT_EQ(a.criteria[i].status, b.criteria[i].status);
  }
  EXPECT_EQ(a.worst_slices.size(), b.worst_slices.size());
  EXPECT_EQ(a.notes.size(), b.notes.size());
}

TEST_F(EvaluateTest, ARepeatedEvaluationIsALookupWithTheSameNumbers) {
  core::EvalSet e = testing::AlternatingBinarySet(300);
  core::SliceColumn region{"region", {"north", "south"}, {}};
  for (size_t i = 0; i < 300; ++i) region.codes.push_back(static_cast<int32_t>((i / 2) % 2));
  e.slices.push_back(region);
  ASSERT_TRUE(Store().AddEvalSet(e));
  AddRun("a", RightExcept(300, {0, 1, 5, 8, 13, 21, 34, 55, 89, 144}));
  AddRun("b", RightExcept(300, {2, 3, 7, 11, 17, 19, 23, 29, 31, 37, 41, 43}));
  const Criteria criteria{"hash-1", "roc_auc", 0.9, 0.95};
  EvidenceOptions o;
  o.resamples = 300;
  o.metrics = {"roc_auc", "accuracy", "log_loss"};
  o.use_cache = false;
  auto uncached = Evaluate(Store(), {}, o, true, criteria);
  ASSERT_TRUE(uncached) << uncached.error().message();
  EXPECT_FALSE(uncached->fairness.empty());
  o.use_cache = true;
  auto first = Evaluate(Store(), {}, o, true, criteria);
  ASSERT_TRUE(first) << first.error().message();
  ExpectSameResult(*uncached, *first);
  // The second time every number comes from the cache: no measurement is left to compute.
  const std::string key = MeasurementKey("roc_auc", "", {300, 0, true});
  ASSERT_TRUE((*Store().GetCachedResults(key, {"a", "b"}))[1].has_value());
  auto second = Evaluate(Store(), {}, o, true, criteria);
  ASSERT_TRUE(second) << second.error().message();
  ExpectSameResult(*uncached, *second);

  // Another confidence level is read off the same cached replicates: the same as computing.
  o.confidence = 0.8;
  auto cached80 = Evaluate(Store(), {"b"}, o, true, criteria);
  o.use_cache = false;
  auto fresh80 = Evaluate(Store(), {"b"}, o, true, criteria);
  ASSERT_TRUE(cached80 && fresh80);
  ExpectSameResult(*fresh80, *cached80);
  EXPECT_NE(cached80->rows[0].lower, second->rows[3].lower) << "80% is narrower than 95%";

  // A damaged entry is a miss: computed again, same numbers.
  ASSERT_TRUE(Store().PutCachedResults({{"a", key, "damaged"}}));
  o.confidence = 0.95;
  o.use_cache = true;
  auto repaired = Evaluate(Store(), {}, o, true, criteria);
  ASSERT_TRUE(repaired) << repaired.error().message();
  ExpectSameResult(*uncached, *repaired);
  EXPECT_TRUE(DecodeMeasurement(*(*Store().GetCachedResults(key, {"a"}))[0]).has_value())
      << "the damaged entry was replaced";
  // Other resamples or seed: other keys, other numbers.
  o.seed = 1;
  auto reseeded = Evaluate(Store(), {"a"}, o, false, criteria);
  ASSERT_TRUE(reseeded);
  // log_loss (no score interval, so its interval is the bootstrap's alone).
  ASSERT_EQ(reseeded->rows[2].metric, "log_loss");
  EXPECT_NE(reseeded->rows[2].lower, uncached->rows[2].lower);
}

// The work eval plans for its progress bar is the work it counts off: every metric, slice
// and fairness gap, computed or read from the cache, ends at exactly 100%.
TEST_F(EvaluateTest, AProgressBarEndsAtItsPlannedWork) {
  core::EvalSet e = testing::AlternatingBinarySet(300);
  core::SliceColumn region{"region", {"north", "south", "east"}, {}};
  for (size_t i = 0; i < 300; ++i) region.codes.push_back(static_cast<int32_t>((i / 2) % 3));
  e.slices.push_back(region);
  ASSERT_TRUE(Store().AddEvalSet(e));
  AddRun("a", RightExcept(300, {0, 1, 5, 8, 13, 21, 34, 55, 89, 144}));
  AddRun("b", RightExcept(300, {2, 3, 7, 11, 17, 19, 23, 29, 31, 37, 41, 43}));
  EvidenceOptions o;
  o.resamples = 150;
  o.metrics = {"roc_auc", "accuracy"};
  for (const bool slices : {false, true, true}) {  // the last is all cache hits
    Progress progress;
    o.progress = &progress;
    auto result = Evaluate(Store(), {}, o, slices, std::nullopt);
    ASSERT_TRUE(result) << result.error().message();
    const Progress::Snapshot s = progress.Read();
    // Two runs, 300 examples, 150 resamples; with slices, each metric again over the
    // slices and the two fairness gaps.
    EXPECT_EQ(s.total, 2u * 300 * 150 * (slices ? 2 + 2 + 2 : 2));
    EXPECT_EQ(s.done, s.total);
    EXPECT_EQ(s.subject.rfind("b · ", 0), 0u) << s.subject;
  }
}

TEST_F(EvaluateTest, TheCriterionsBoundUsesTheIntervalsMethod) {
  // A criterion at 97.5% one-sided confidence: its bound is the lower limit of the 95%
  // two-sided interval printed on the same report, for BCa (the default) as for percentile.
  AddBinarySet(120);
  AddRun("a", RightExcept(120, {0, 1, 2, 3, 5, 8, 13, 21, 34, 55}));
  const Criteria criteria{"h", "roc_auc", 0.9, 0.975};
  for (const bool bca : {true, false}) {
    EvidenceOptions o;
    o.resamples = 500;
    o.metrics = {"roc_auc"};
    o.bca = bca;
    o.use_cache = false;
    auto result = Evaluate(Store(), {}, o, false, criteria);
    ASSERT_TRUE(result) << result.error().message();
    ASSERT_EQ(result->criteria.size(), 1u);
    EXPECT_EQ(result->criteria[0].bound, result->rows[0].lower) << (bca ? "bca" : "percentile");
  }
}

TEST_F(EvaluateTest, TwelvePerfectPredictionsDoNotProveATarget) {
  // Every resample of 12 perfect predictions is perfect: the bootstrap alone says [1, 1] and
  // P(target met) = 1. The score intervals keep the uncertainty 12 examples leave.
  AddBinarySet(12);
  AddRun("perfect", RightExcept(12, {}));
  EvidenceOptions o;
  o.resamples = 500;
  o.metrics = {"roc_auc", "accuracy"};
  o.use_cache = false;
  for (const char* metric : {"roc_auc", "accuracy"}) {
    const Criteria criteria{"h", metric, 0.9, 0.95};
    auto result = Evaluate(Store(), {}, o, false, criteria);
    ASSERT_TRUE(result) << result.error().message();
    ASSERT_EQ(result->rows.size(), 2u);
    for (const EvalRow& row : result->rows) {
      EXPECT_EQ(row.estimate, 1.0) << row.metric;
      EXPECT_EQ(row.upper, 1.0) << row.metric;
      EXPECT_LT(row.lower, 0.8) << row.metric;
      ASSERT_TRUE(row.widened_by.has_value()) << row.metric;
      EXPECT_EQ(*row.widened_by, row.metric == "roc_auc" ? core::ScoreMethod::kHanleyMcNeil
                                                         : core::ScoreMethod::kWilson);
    }
    // Wilson's 95% interval for 12 of 12, as SciPy computes it.
    EXPECT_NEAR(result->rows[1].lower, 0.7575059933447592, 1e-12);
    ASSERT_EQ(result->criteria.size(), 1u) << metric;
    const core::CriterionRow& c = result->criteria[0];
    EXPECT_EQ(c.status, core::CriterionStatus::kNotYetKnown) << metric;
    EXPECT_EQ(c.basis, core::CriterionBasis::kScore) << metric;
    EXPECT_LT(c.probability, 0.95) << metric;
    EXPECT_LT(c.bound, 0.9) << metric;
    EXPECT_EQ(c.n, 12u);
  }
}

TEST_F(EvaluateTest, WithoutAScoreIntervalAFewExamplesDecideNothing) {
  // f1 has no score interval: on 20 examples (fewer than 30) the bootstrap alone decides
  // nothing, so the verdict is not yet known and P(target met) is withheld.
  AddBinarySet(20);
  AddRun("perfect", RightExcept(20, {}));
  AddRun("poor", RightExcept(20, {0, 1, 2, 3, 4, 5, 6, 7}));
  EvidenceOptions o;
  o.resamples = 300;
  o.use_cache = false;
  auto result = Evaluate(Store(), {}, o, false, Criteria{"h", "f1", 0.8, 0.95});
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(result->criteria.size(), 2u);
  for (const core::CriterionRow& c : result->criteria) {
    EXPECT_EQ(c.status, core::CriterionStatus::kNotYetKnown) << c.run;
    EXPECT_EQ(c.basis, core::CriterionBasis::kTooFewExamples) << c.run;
    EXPECT_TRUE(std::isnan(c.probability)) << c.run;
    EXPECT_FALSE(c.score_method.has_value());
  }
}

TEST_F(EvaluateTest, OnEnoughExamplesTheBootstrapDecides) {
  AddBinarySet(400);
  AddRun("good", RightExcept(400, {0, 1, 2, 3, 5, 8, 13, 21}));
  EvidenceOptions o;
  o.resamples = 300;
  o.use_cache = false;
  auto f1 = Evaluate(Store(), {}, o, false, Criteria{"h", "f1", 0.9, 0.95});
  ASSERT_TRUE(f1) << f1.error().message();
  EXPECT_EQ(f1->criteria.at(0).basis, core::CriterionBasis::kBootstrap);
  EXPECT_EQ(f1->criteria.at(0).status, core::CriterionStatus::kMet);
  // Accuracy has Wilson's interval, and on 400 examples a 0.9 target is met either way.
  auto accuracy = Evaluate(Store(), {}, o, false, Criteria{"h", "accuracy", 0.9, 0.95});
  ASSERT_TRUE(accuracy) << accuracy.error().message();
  EXPECT_EQ(accuracy->criteria.at(0).status, core::CriterionStatus::kMet);
  EXPECT_EQ(accuracy->criteria.at(0).score_method, core::ScoreMethod::kWilson);
}

TEST_F(EvaluateTest, AnAucBelowChanceIsPointedOut) {
  // Scores of the other class (every example wrong but a few): an AUC near 0, which says the
  // scores rank the classes the wrong way round, not that the model is useless.
  AddBinarySet(200);
  std::vector<size_t> wrong;
  for (size_t i = 5; i < 200; ++i) wrong.push_back(i);
  AddRun("flipped", RightExcept(200, wrong));
  AddRun("fine", RightExcept(200, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
  EvidenceOptions o;
  o.resamples = 200;
  o.metrics = {"roc_auc", "accuracy"};
  o.use_cache = false;
  auto result = Evaluate(Store(), {}, o, false, std::nullopt);
  ASSERT_TRUE(result) << result.error().message();
  ASSERT_EQ(result->notes.size(), 1u);
  const core::EvalNote& note = result->notes[0];
  EXPECT_EQ(note.kind, core::EvalNote::Kind::kBelowChance);
  EXPECT_EQ(note.run, "flipped");
  EXPECT_EQ(note.measure, "roc_auc");
  EXPECT_LT(note.estimate, 0.1);
  EXPECT_LT(note.upper, 0.5);
}

TEST_F(EvaluateTest, ACharterMetricATaskCannotHaveFallsBackToTheTasksDefaults) {
  // The charter says roc_auc (binary only); the workspace also holds a 3-class set. Plain
  // `eval` measures the binary runs on roc_auc and the multiclass run on the defaults, and
  // says so once, instead of failing for the whole workspace.
  AddBinarySet(60);
  AddRun("binary-run", RightExcept(60, {0, 1, 2}));
  core::EvalSet three;
  three.name = "species";
  three.task = core::EvalTask::kMulticlass;
  three.classes = {"a", "b", "c"};
  std::vector<double> proba;
  for (size_t i = 0; i < 45; ++i) {
    three.ids.push_back("s" + std::to_string(i));
    three.labels.push_back(static_cast<int32_t>(i % 3));
    for (size_t k = 0; k < 3; ++k) proba.push_back(k == i % 3 ? 0.8 : 0.1);
  }
  three.created_at = "2026-12-01T09:00:00Z";
  ASSERT_TRUE(Store().AddEvalSet(three));
  core::Run multi;
  multi.name = "multi-run";
  multi.evalset = "species";
  multi.predictions = proba;
  multi.created_at = "2026-12-01T09:30:00Z";
  ASSERT_TRUE(Store().AddRun(multi));
  EvidenceOptions o;
  o.resamples = 200;
  o.use_cache = false;
  auto result = Evaluate(Store(), {}, o, false, Criteria{"h", "roc_auc", 0.8, 0.95});
  ASSERT_TRUE(result) << result.error().message();
  std::vector<std::pair<std::string, std::string>> measured;
  for (const EvalRow& row : result->rows) measured.emplace_back(row.run, row.metric);
  EXPECT_EQ(measured,
            (std::vector<std::pair<std::string, std::string>>{
                {"binary-run", "roc_auc"}, {"multi-run", "accuracy"}, {"multi-run", "f1_macro"}}));
  ASSERT_EQ(result->notes.size(), 1u);
  EXPECT_EQ(result->notes[0].kind, core::EvalNote::Kind::kCharterMetricNotForTask);
  EXPECT_EQ(result->notes[0].slice, "species");
  EXPECT_EQ(result->criteria.size(), 1u) << "the criterion judges the runs it applies to";
  auto compared =
      Compare(Store(), "multi-run", {"multi-run"}, o, Criteria{"h", "roc_auc", 0.8, 0.95});
  ASSERT_TRUE(compared) << compared.error().message();
  EXPECT_EQ(compared->front().metric, "accuracy");
}

TEST_F(EvaluateTest, DeLongsIntervalStaysWithinWhatADifferenceCanBe) {
  // b is right nearly everywhere, a nearly everywhere wrong: an AUC difference near 1, whose
  // normal interval reaches past 1 unless clipped.
  AddBinarySet(30);
  std::vector<size_t> all_but_two;
  for (size_t i = 2; i < 30; ++i) all_but_two.push_back(i);
  AddRun("a", RightExcept(30, all_but_two));
  AddRun("b", RightExcept(30, {0, 1}));
  EvidenceOptions o;
  o.resamples = 200;
  o.metrics = {"roc_auc"};
  auto compared = Compare(Store(), "a", {"b"}, o, std::nullopt);
  ASSERT_TRUE(compared) << compared.error().message();
  const Comparison& c = compared->front();
  EXPECT_EQ(c.test, "delong");
  EXPECT_GT(c.difference, 0.8);
  EXPECT_LE(c.upper, 1.0);
  EXPECT_GE(c.lower, -1.0);
  EXPECT_LE(c.lower, c.difference);
}

TEST(ResultCacheTest, EncodingsRoundTripAndRejectDamage) {
  Measurement m;
  m.replicates.estimate = 0.8125;
  m.replicates.standard_error = 0.01;
  m.replicates.dropped = 3;
  m.replicates.sorted = {0.7, 0.75, -0.0, 0.9};
  m.acceleration = -0.002;
  m.examples = 569;
  m.score = stats::ScoreModel{stats::ScoreModel::Kind::kAuc, 0, 212, 357};
  const std::string bytes = EncodeMeasurement(m);
  auto back = DecodeMeasurement(bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->examples, 569u);
  ASSERT_TRUE(back->score.has_value());
  EXPECT_EQ(back->score->kind, stats::ScoreModel::Kind::kAuc);
  EXPECT_EQ(back->score->positives, 212);
  EXPECT_EQ(back->score->negatives, 357);
  Measurement no_model = m;
  no_model.score.reset();
  EXPECT_FALSE(DecodeMeasurement(EncodeMeasurement(no_model))->score.has_value());
  EXPECT_EQ(back->replicates.estimate, m.replicates.estimate);
  EXPECT_EQ(back->replicates.dropped, 3u);
  EXPECT_EQ(back->acceleration, m.acceleration);
  EXPECT_EQ(back->replicates.sorted, m.replicates.sorted);
  EXPECT_TRUE(std::signbit(back->replicates.sorted[2]));
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string flipped = bytes;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x10);
    EXPECT_FALSE(DecodeMeasurement(flipped).has_value()) << "byte " << i;
  }
  EXPECT_FALSE(DecodeMeasurement(bytes.substr(0, bytes.size() - 1)).has_value());
  EXPECT_FALSE(DecodeMeasurement("").has_value());
  EXPECT_FALSE(DecodePoint(bytes).has_value()) << "a measurement is not a point";
  const PointMeasurement p{0.91, 0.004, 100000};
  auto point = DecodePoint(EncodePoint(p));
  ASSERT_TRUE(point.has_value());
  EXPECT_EQ(point->estimate, 0.91);
  EXPECT_EQ(point->standard_error, 0.004);
  EXPECT_EQ(point->n, 100000u);
  // The fuzz corpus's seeds are valid entries (written by another implementation of the
  // checksum), so the fuzzer starts past it.
  for (const char* name : {"measurement", "point"}) {
    std::ifstream in(std::string(FORESIGHT_SOURCE_DIR) + "/tests/fuzz/corpus-result-cache/" + name,
                     std::ios::binary);
    const std::string seed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(seed.empty()) << name;
    EXPECT_TRUE(DecodeMeasurement(seed).has_value() || DecodePoint(seed).has_value()) << name;
  }
  EXPECT_NE(MeasurementKey("roc_auc", "", {2000, 0, true}),
            MeasurementKey("roc_auc", "", {2000, 0, false}));
  EXPECT_NE(MeasurementKey("roc_auc", "", {2000, 0, true}),
            MeasurementKey("roc_auc", "", {2000, 1, true}));
  EXPECT_NE(MeasurementKey("roc_auc", "", {2000, 0, true}),
            MeasurementKey("roc_auc", "", {1000, 0, true}));
  EXPECT_NE(MeasurementKey("fbeta{beta=2}", "", {2000, 0, true}),
            MeasurementKey("fbeta", "", {2000, 0, true}));
}

TEST_F(EvaluateTest, AccuracyIsDecidedByMcNemarNotByTheBootstrapInterval) {
  // B gets right 5 examples that A gets wrong, and nothing the other way round: McNemar's
  // exact p is 2 / 2^5 = 0.0625, not significant at 95%; yet the paired bootstrap interval of
  // the difference excludes 0 (a resample misses all five examples with chance e^-5).
  const size_t n = 200;
  AddBinarySet(n);
  AddRun("a", RightExcept(n, {10, 20, 30, 40, 50, 60, 70}));
  AddRun("b", RightExcept(n, {60, 70}));
  EvidenceOptions o;
  o.metrics = {"accuracy"};
  o.bca = false;
  auto compared = Compare(Store(), "a", {"b"}, o, std::nullopt);
  ASSERT_TRUE(compared) << compared.error().message();
  const core::Comparison& c = compared->front();
  EXPECT_EQ(c.test, "mcnemar (exact)");
  EXPECT_EQ(c.interval_method, "paired bootstrap");
  EXPECT_NEAR(c.p_value, 0.0625, 1e-12);
  EXPECT_GT(c.lower, 0) << "the interval alone would have called it";
  EXPECT_FALSE(c.significant);
  EXPECT_TRUE(c.unit_interval);
}

TEST_F(EvaluateTest, HolmDecidesWithinOneTestAndTheDecisionFollowsTheAdjustedP) {
  const size_t n = 400;
  AddBinarySet(n);
  std::vector<size_t> wrong_a;
  for (size_t i = 0; i < 60; ++i) wrong_a.push_back(i * 5);
  AddRun("a", RightExcept(n, wrong_a));
  // b1 fixes 12 of a's mistakes, b2 fixes 9, b3 fixes 40.
  for (const auto& [name, fixed] :
       {std::pair<std::string, size_t>{"b1", 12}, std::pair<std::string, size_t>{"b2", 9},
        std::pair<std::string, size_t>{"b3", 40}}) {
    AddRun(name, RightExcept(n, std::vector<size_t>(wrong_a.begin() + static_cast<long>(fixed),
                                                    wrong_a.end())));
  }
  EvidenceOptions o;
  o.metrics = {"accuracy", "mcc"};
  auto compared = Compare(Store(), "a", {"b1", "b2", "b3"}, o, std::nullopt);
  ASSERT_TRUE(compared) << compared.error().message();
  ASSERT_EQ(compared->size(), 6u);
  for (const core::Comparison& c : *compared) {
    ASSERT_TRUE(c.p_adjusted.has_value()) << c.b << " " << c.metric;
    EXPECT_GE(*c.p_adjusted, c.p_value);
    EXPECT_EQ(c.significant, *c.p_adjusted < 0.05) << c.b << " " << c.metric;
  }
  // Accuracy by McNemar, MCC by the paired bootstrap: two families, adjusted apart.
  EXPECT_EQ((*compared)[0].test.substr(0, 7), "mcnemar");
  EXPECT_EQ((*compared)[3].test, "paired bootstrap");
  EXPECT_FALSE((*compared)[3].unit_interval) << "MCC lies in [-1, 1]";
  EXPECT_TRUE((*compared)[2].significant) << "40 fixed mistakes is a real difference";
}

TEST_F(EvaluateTest, ACharterWithErrorsGivesNoCriteria) {
  const std::string good =
      Write("good.yaml", "version: 1\nsuccess:\n  metric: roc_auc\n  threshold: 0.8\n");
  auto criteria = ReadCriteria(good);
  ASSERT_TRUE(criteria) << criteria.error().message();
  EXPECT_EQ(criteria->metric, "roc_auc");
  EXPECT_EQ(criteria->threshold, 0.8);
  const std::string bad = Write("bad.yaml", "version: 1\nsuccess:\n  metric: [\n");
  criteria = ReadCriteria(bad);
  ASSERT_FALSE(criteria);
  EXPECT_EQ(criteria.error().code(), ErrorCode::kFailedPrecondition);
  EXPECT_THAT(criteria.error().message(), ::testing::HasSubstr("foresight check"));
}

}  // namespace
}  // namespace foresight::app
