#include "app/ingest.hpp"

#include "app/app_testing.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include <fmt/format.h>

#include "store/store_testing.hpp"

namespace foresight::app {
namespace {

class IngestTest : public testing::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    Store();  // opened up front: the tests read store_ directly
  }
  IngestOutcome AddSet(const std::string& csv, std::optional<std::string> task = {},
                       std::vector<std::string> slices = {},
                       std::optional<std::string> positive = {}) {
    EvalSetAddOptions o{.name = "holdout",
                        .file = Write("eval.csv", csv),
                        .id_column = "id",
                        .label_column = "label",
                        .slice_columns = std::move(slices),
                        .task = std::move(task),
                        .positive = std::move(positive)};
    auto outcome = AddEvalSet(*store_, o, clock_);
    EXPECT_TRUE(outcome) << outcome.error().message();
    return std::move(*outcome);
  }
  IngestOutcome AddPredictions(const std::string& csv, const std::string& file = "p.csv") {
    RunAddOptions o;
    o.name = "run";
    o.evalset = "holdout";
    o.predictions_file = Write(file, csv);
    auto outcome = AddRun(*store_, o, clock_);
    EXPECT_TRUE(outcome) << outcome.error().message();
    return std::move(*outcome);
  }
  FakeClock clock_{"2026-11-28T12:00:00Z"};
};

TEST_F(IngestTest, BinarySetWithSlicesAndPositiveLabelInferred) {
  const auto outcome = AddSet("id,label,sex\na,yes,f\nb,no,m\nc,yes,m\n", {}, {"sex"});
  ASSERT_TRUE(outcome.stored());
  auto e = store_->GetEvalSet("holdout");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->task, core::EvalTask::kBinary);
  EXPECT_EQ(e->classes, (std::vector<std::string>{"no", "yes"}));
  EXPECT_EQ(e->labels, (std::vector<int32_t>{1, 0, 1}));
  EXPECT_EQ(e->slices.at(0).levels, (std::vector<std::string>{"f", "m"}));
  EXPECT_EQ(e->created_at, "2026-11-28T12:00:00Z");
}

// A numeric slice column with many values (an age) is binned at its quartiles: 40 ages make
// four ranges of ten examples each, not 40 slices of one.
TEST_F(IngestTest, ANumericSliceWithManyValuesIsBinnedAtItsQuartiles) {
  std::string csv = "id,label,age,group\n";
  for (int i = 0; i < 40; ++i) {
    csv += fmt::format("r{},{},{},{}\n", i, i % 2, 20 + i, i % 3);
  }
  const auto outcome = AddSet(csv, {}, {"age", "group"});
  ASSERT_TRUE(outcome.stored());
  auto e = store_->GetEvalSet("holdout");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->slices.at(0).levels,
            (std::vector<std::string>{"[20, 30)", "[30, 40)", "[40, 50)", "[50, 59]"}));
  for (int i = 0; i < 40; ++i) EXPECT_EQ(e->slices.at(0).codes.at(i), i / 10) << i;
  // Three codes 0, 1, 2: few enough values to keep as they are.
  EXPECT_EQ(e->slices.at(1).levels, (std::vector<std::string>{"0", "1", "2"}));
  ASSERT_TRUE(outcome.evalset);
  const auto& summaries = outcome.evalset->slice_summaries;
  ASSERT_EQ(summaries.size(), 2U);
  EXPECT_TRUE(summaries[0].binned());
  EXPECT_EQ(summaries[0].distinct, 40U);
  EXPECT_EQ(summaries[0].small_levels, 0U);
  EXPECT_FALSE(summaries[1].binned());
}

// Ties at a quartile merge its ranges instead of making empty ones.
TEST_F(IngestTest, TiedQuartilesMergeRanges) {
  std::string csv = "id,label,score\n";
  for (int i = 0; i < 30; ++i) csv += fmt::format("r{},{},0\n", i, i % 2);
  for (int i = 30; i < 44; ++i) csv += fmt::format("r{},{},{}\n", i, i % 2, i);
  const auto outcome = AddSet(csv, {}, {"score"});
  ASSERT_TRUE(outcome.stored());
  auto e = store_->GetEvalSet("holdout");
  ASSERT_TRUE(e);
  // 44 values, 30 of them 0: the first two quartiles are 0, the third is 33.
  EXPECT_EQ(e->slices.at(0).levels, (std::vector<std::string>{"[0, 33)", "[33, 43]"}));
}

TEST_F(IngestTest, TaskInference) {
  ASSERT_TRUE(AddSet("id,label\na,2\nb,10\nc,1\n").stored());
  auto e = store_->GetEvalSet("holdout");
  EXPECT_EQ(e->task, core::EvalTask::kMulticlass);
  EXPECT_EQ(e->classes, (std::vector<std::string>{"1", "2", "10"}));  // numeric order
  EXPECT_EQ(e->labels, (std::vector<int32_t>{1, 2, 0}));
}

TEST_F(IngestTest, RegressionTargetsMustBeFinite) {
  const auto outcome = AddSet("id,label\na,1.5\nb,inf\nc,x\n", "regression");
  ASSERT_FALSE(outcome.stored());
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  EXPECT_EQ(outcome.diagnostics[0].message,
            "2 rows with a label that is not a finite number (lines 3, 4): 'inf'; 'x'");
  EXPECT_TRUE(store_->ListEvalSets()->empty());
}

TEST_F(IngestTest, DuplicateAndEmptyIdsAreRefused) {
  const auto outcome = AddSet("id,label\na,1\na,0\n,1\nb,0\n");
  ASSERT_FALSE(outcome.stored());
  ASSERT_EQ(outcome.diagnostics.size(), 2u);
  EXPECT_EQ(outcome.diagnostics[0].message, "1 row with an empty id (line 4)");
  EXPECT_EQ(outcome.diagnostics[1].message, "1 row with an id seen earlier (line 3): 'a'");
}

// Ids are keys: one of a megabyte is refused, and the message quotes only its start.
TEST_F(IngestTest, AnIdLongerThanTheLimitIsRefusedAndQuotedShort) {
  const std::string long_id(1'000'000, 'x');
  const auto outcome = AddSet("id,label\na,1\n" + long_id + ",0\nb,0\n");
  ASSERT_FALSE(outcome.stored());
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  const std::string& message = outcome.diagnostics[0].message;
  EXPECT_EQ(message.rfind("1 row with an id longer than 1024 bytes (line 3): 'xxx", 0), 0u)
      << message.substr(0, 200);
  EXPECT_NE(message.find("… (1000002 bytes)"), std::string::npos) << message.substr(0, 200);
  EXPECT_LT(message.size(), 200u);
  EXPECT_TRUE(store_->ListEvalSets()->empty());
  EXPECT_TRUE(AddSet("id,label\n" + std::string(kMaxIdBytes, 'y') + ",1\nb,0\n").stored())
      << "an id of exactly the limit is fine";
}

// Labels coded 0/1 ... 70 rows of the first, 30 of the second.
std::string TwoLabels(const std::string& first, const std::string& second) {
  std::string csv = "id,label\n";
  for (int i = 0; i < 100; ++i)
    csv += "r" + std::to_string(i) + "," + (i < 70 ? first : second) + "\n";
  return csv;
}

TEST_F(IngestTest, TwoLabelsWithoutAKnownPairMakeTheRarerPositiveAndSaySo) {
  const auto outcome = AddSet(TwoLabels("dog", "cat"));
  ASSERT_TRUE(outcome.stored());
  EXPECT_EQ(outcome.evalset->task, core::EvalTask::kBinary);
  EXPECT_EQ(outcome.evalset->classes, (std::vector<std::string>{"dog", "cat"}));
  EXPECT_EQ(outcome.evalset->positive_inferred, core::InferredPositive::kRarer);
  const auto e = store_->GetEvalSet("holdout");
  EXPECT_EQ(e->labels.at(0), 0);
  EXPECT_EQ(e->labels.at(99), 1);
}

TEST_F(IngestTest, OneTwoIsBinaryWithTheRarerPositive) {
  const auto outcome = AddSet(TwoLabels("1", "2"));
  ASSERT_TRUE(outcome.stored());
  EXPECT_EQ(outcome.evalset->task, core::EvalTask::kBinary);
  EXPECT_EQ(outcome.evalset->classes, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(outcome.evalset->positive_inferred, core::InferredPositive::kRarer);
}

TEST_F(IngestTest, MinusOneOneIsBinaryWithOnePositive) {
  const auto outcome = AddSet(TwoLabels("1", "-1"));
  ASSERT_TRUE(outcome.stored());
  EXPECT_EQ(outcome.evalset->task, core::EvalTask::kBinary);
  EXPECT_EQ(outcome.evalset->classes, (std::vector<std::string>{"-1", "1"}));
  EXPECT_EQ(outcome.evalset->positive_inferred, core::InferredPositive::kKnownPair);
}

TEST_F(IngestTest, GivenPositiveMustBeALabel) {
  auto outcome = AddSet(TwoLabels("no", "yes"), {}, {}, "maybe");
  ASSERT_FALSE(outcome.stored());
  EXPECT_EQ(outcome.diagnostics.at(0).message,
            FORESIGHT_FIELD(
                "positive") " 'maybe' is not a label of the file: the labels are 'no' and 'yes'");
  outcome = AddSet(TwoLabels("no", "yes"), {}, {}, "no");
  ASSERT_TRUE(outcome.stored());
  EXPECT_EQ(outcome.evalset->classes, (std::vector<std::string>{"yes", "no"}));
  EXPECT_FALSE(outcome.evalset->positive_inferred.has_value());
}

TEST_F(IngestTest, OneLabelAndManyWholeNumbers) {
  const auto one = AddSet("id,label\na,ok\nb,ok\n");
  ASSERT_FALSE(one.stored());
  EXPECT_EQ(one.diagnostics.at(0).message,
            "the label column has one value ('ok') in every row: there is nothing to tell apart");
  // 25 distinct whole numbers: counts or amounts, a regression target.
  std::string csv = "id,label\n";
  for (int i = 0; i < 25; ++i) csv += "r" + std::to_string(i) + "," + std::to_string(i * 3) + "\n";
  const auto many = AddSet(csv);
  ASSERT_TRUE(many.stored());
  EXPECT_EQ(many.evalset->task, core::EvalTask::kRegression);
}

TEST_F(IngestTest, MissingColumnSuggestsTheClosest) {
  EvalSetAddOptions o{.name = "holdout",
                      .file = Write("e.csv", "id,lable\na,1\n"),
                      .id_column = "id",
                      .label_column = "label"};
  auto outcome = AddEvalSet(*store_, o, clock_);
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->diagnostics.size(), 1u);
  EXPECT_EQ(outcome->diagnostics[0].message,
            "no column 'label' (given by " FORESIGHT_FIELD("label") ")");
  EXPECT_EQ(outcome->diagnostics[0].help.at(0), "did you mean 'lable'? the columns are: id, lable");
}

TEST_F(IngestTest, RunPredictionsAreAlignedToTheSetOrder) {
  ASSERT_TRUE(AddSet("id,label\na,1\nb,0\nc,1\n").stored());
  ASSERT_TRUE(AddPredictions("score,id\n0.2,b\n0.9,a\n0.7,c\n").stored());
  auto run = store_->GetRun("run");
  ASSERT_TRUE(run);
  EXPECT_EQ(run->predictions, (std::vector<double>{0.9, 0.2, 0.7}));
}

TEST_F(IngestTest, BadPredictionsAreAllReportedAndNothingIsStored) {
  ASSERT_TRUE(AddSet("id,label\na,1\nb,0\nc,1\nd,0\n").stored());
  const auto outcome = AddPredictions("id,score\na,0.9\nb,NaN\nzz,0.5\na,0.1\nc,high\n");
  ASSERT_FALSE(outcome.stored());
  std::vector<std::string> messages;
  for (const auto& d : outcome.diagnostics) messages.push_back(d.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "1 example of 'holdout' has no prediction (first: 'd')",
                          "1 row with a NaN or infinite prediction (line 3): 'NaN'",
                          "1 row with an id that is not in the evaluation set (line 4): 'zz'",
                          "1 row with an id seen earlier (line 5): 'a'",
                          "1 row with a prediction that is not a number (line 6): 'high'",
                      }));
  EXPECT_TRUE(store_->ListRuns()->empty());
}

// A binary score is the positive class's probability: a margin of 2.3 would abort every
// log_loss, brier and ece evaluation later, so it is refused here, where the file is known.
TEST_F(IngestTest, BinaryScoresOutsideTheUnitIntervalAreRefused) {
  ASSERT_TRUE(AddSet("id,label\na,1\nb,0\nc,1\n").stored());
  const auto outcome = AddPredictions("id,score\na,2.3\nb,-0.4\nc,1\n");
  ASSERT_FALSE(outcome.stored());
  ASSERT_EQ(outcome.diagnostics.size(), 1u);
  const auto& d = outcome.diagnostics[0];
  EXPECT_EQ(d.message, "2 rows with a score outside [0, 1] (lines 2, 3): 2.3; -0.4");
  ASSERT_FALSE(d.help.empty());
  EXPECT_NE(d.help[0].find("predict_proba"), std::string::npos);
  EXPECT_TRUE(store_->ListRuns()->empty());
  EXPECT_TRUE(AddPredictions("id,score\na,1\nb,0\nc,0.5\n").stored());
}

TEST_F(IngestTest, MulticlassProbabilitiesAreChecked) {
  ASSERT_TRUE(AddSet("id,label\na,oak\nb,ash\nc,elm\n").stored());
  const auto outcome = AddPredictions(
      "id,proba_ash,proba_elm,proba_oak\na,0.1,0.1,0.8\nb,0.7,0.2,0.2\nc,-0.1,0.6,0.5\n");
  ASSERT_FALSE(outcome.stored());
  ASSERT_EQ(outcome.diagnostics.size(), 2u);
  EXPECT_EQ(outcome.diagnostics[0].message,
            "1 row whose probabilities do not sum to 1 (line 3): sum 1.1");
  EXPECT_EQ(outcome.diagnostics[1].message,
            "1 row with a probability outside [0, 1] (line 4): -0.1");
  ASSERT_TRUE(AddPredictions(
                  "id,proba_ash,proba_elm,proba_oak\na,0.1,0.1,0.8\nb,0.6,0.2,0.2\nc,0,0.5,0.5\n")
                  .stored());
  EXPECT_EQ(store_->GetRun("run")->predictions.size(), 9u);
}

// Probabilities rounded before export (0.333 three times) are refused with how far off the
// worst row is and the way out; with renormalize each row is divided by its sum.
TEST_F(IngestTest, RoundedProbabilitiesAreRenormalizedOnlyWhenAsked) {
  ASSERT_TRUE(AddSet("id,label\na,oak\nb,ash\nc,elm\n").stored());
  const std::string rounded =
      "id,proba_ash,proba_elm,proba_oak\na,0.333,0.333,0.333\nb,0.7,0.2,0.1\nc,0.25,0.25,0.499\n";
  const auto refused = AddPredictions(rounded);
  ASSERT_EQ(refused.diagnostics.size(), 1u);
  EXPECT_EQ(refused.diagnostics[0].message,
            "2 rows whose probabilities do not sum to 1 (lines 2, 4): sum 0.999; sum 0.999");
  ASSERT_EQ(refused.diagnostics[0].help.size(), 1u);
  EXPECT_NE(refused.diagnostics[0].help[0].find("the farthest row sums to 0.999"),
            std::string::npos)
      << refused.diagnostics[0].help[0];
  EXPECT_NE(refused.diagnostics[0].help[0].find(FieldRef("renormalize")), std::string::npos);

  RunAddOptions o;
  o.name = "run";
  o.evalset = "holdout";
  o.predictions_file = Write("p.csv", rounded);
  o.renormalize = true;
  const auto outcome = AddRun(*store_, o, clock_);
  ASSERT_TRUE(outcome) << outcome.error().message();
  ASSERT_TRUE(outcome->stored());
  ASSERT_TRUE(outcome->renormalized_worst_sum);
  EXPECT_DOUBLE_EQ(*outcome->renormalized_worst_sum, 0.999);
  const auto run = store_->GetRun("run");
  ASSERT_TRUE(run);
  EXPECT_DOUBLE_EQ(run->predictions[0], 0.333 / 0.999);
  EXPECT_DOUBLE_EQ(run->predictions[3], 0.7);
  EXPECT_DOUBLE_EQ(run->predictions[8], 0.499 / 0.999);
}

TEST_F(IngestTest, RenormalizeIsForMulticlassAndNeedsAProbabilityAboveZero) {
  ASSERT_TRUE(AddSet("id,label\na,oak\nb,ash\nc,elm\n").stored());
  RunAddOptions o;
  o.name = "run";
  o.evalset = "holdout";
  o.renormalize = true;
  o.predictions_file =
      Write("p.csv", "id,proba_ash,proba_elm,proba_oak\na,0,0,0\nb,0.7,0.2,0.1\nc,0.2,0.2,0.2\n");
  const auto outcome = AddRun(*store_, o, clock_);
  ASSERT_TRUE(outcome);
  ASSERT_EQ(outcome->diagnostics.size(), 1u);
  EXPECT_EQ(outcome->diagnostics[0].message,
            "1 row whose probabilities are all 0, so no sum to divide by (line 2)");
  EXPECT_FALSE(store_->GetRun("run"));

  EvalSetAddOptions binary{.name = "bin",
                           .file = Write("b.csv", "id,label\n1,0\n2,1\n"),
                           .id_column = "id",
                           .label_column = "label"};
  ASSERT_TRUE(AddEvalSet(*store_, binary, clock_));
  o.evalset = "bin";
  o.predictions_file = Write("s.csv", "id,score\n1,0.2\n2,0.9\n");
  const auto refused = AddRun(*store_, o, clock_);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(refused.error().message().find("'bin' is a binary task"), std::string::npos);
}

// A row of NaNs is one row with a NaN, at its first cell: not "lines 2, 2, 2".
TEST_F(IngestTest, ARowWithSeveralBadCellsCountsOnce) {
  ASSERT_TRUE(AddSet("id,label\na,oak\nb,ash\nc,elm\n").stored());
  const auto outcome =
      AddPredictions("id,proba_ash,proba_elm,proba_oak\na,nan,nan,nan\nb,0.7,0.2,0.1\nc,x,y,0.5\n");
  ASSERT_EQ(outcome.diagnostics.size(), 2u);
  EXPECT_EQ(outcome.diagnostics[0].message,
            "1 row with a NaN or infinite prediction (line 2): 'nan'");
  EXPECT_EQ(outcome.diagnostics[1].message,
            "1 row with a prediction that is not a number (line 4): 'x'");
}

TEST_F(IngestTest, JsonLinesPredictions) {
  ASSERT_TRUE(AddSet("id,label\n1,1\n2,0\n").stored());
  ASSERT_TRUE(
      AddPredictions("{\"id\": 2, \"score\": 0.25}\n{\"id\": 1, \"score\": 0.75}\n", "p.jsonl")
          .stored());
  EXPECT_EQ(store_->GetRun("run")->predictions, (std::vector<double>{0.75, 0.25}));
}

// Another writer replaces the set between the run's read of it and its write (here, right
// after the read): the store refuses the run lined up with the old set, and AddRun reads the
// set again and lines the file up with it. On SQLite the new set gets the old one's id.
TEST_F(IngestTest, ASetReplacedBetweenTheReadAndTheWriteIsReadAgain) {
  class ReplacedAfterRead : public store::testing::ForwardingStore {
   public:
    using ForwardingStore::ForwardingStore;
    Result<SetForRun> GetEvalSetForRun(std::string_view name) override {
      auto read = inner().GetEvalSetForRun(name);
      if (read && !replaced_) {
        replaced_ = true;
        core::EvalSet now = read->set;
        std::reverse(now.ids.begin(), now.ids.end());
        std::reverse(now.labels.begin(), now.labels.end());
        EXPECT_TRUE(inner().DeleteEvalSet(name, /*with_runs=*/true));
        EXPECT_TRUE(inner().AddEvalSet(now));
      }
      return read;
    }

   private:
    bool replaced_ = false;
  };
  EvalSetAddOptions set{.name = "holdout",
                        .file = "eval.csv",
                        .content = "id,label\na,1\nb,0\nc,0\n",
                        .id_column = "id",
                        .label_column = "label"};
  ASSERT_TRUE(AddEvalSet(*store_, set, clock_)->stored());
  ReplacedAfterRead racing(*store_);
  RunAddOptions o;
  o.name = "r";
  o.evalset = "holdout";
  o.predictions_file = "p.csv";
  o.content = "id,score\nc,0.3\na,0.1\nb,0.2\n";
  auto outcome = AddRun(racing, o, clock_);
  ASSERT_TRUE(outcome) << outcome.error().message();
  ASSERT_TRUE(outcome->stored());
  EXPECT_EQ(store_->GetRun("r")->predictions, (std::vector<double>{0.3, 0.2, 0.1}))
      << "lined up with the set as it is now: c, b, a";
}

// On PostgreSQL a run's set comes from a copy kept since an earlier read. Another writer
// (the same database under another URL: a copy kept apart, as in another server process)
// replaces the set; the next runs must be aligned to the set as it is now: one whose ids are
// the same in another order, and one whose ids are all new (refused against the stale copy).
TEST_F(IngestTest, OnPostgresARunIsAlignedToItsSetAsItIsNotAsItWasKept) {
  const std::optional<std::string> fresh = testing::FreshPostgresDatabase("fs_ingest_kept_test");
  if (!fresh) GTEST_SKIP() << testing::kNoPostgres;
  const std::string& url = *fresh;
  auto here = store::OpenStore(url);
  ASSERT_TRUE(here) << here.error().message();
  auto there = store::OpenStore(url + "?application_name=elsewhere");
  ASSERT_TRUE(there) << there.error().message();
  const auto add_set = [&](store::Store& store, const std::string& csv) {
    EvalSetAddOptions o{.name = "holdout",
                        .file = "eval.csv",
                        .content = csv,
                        .id_column = "id",
                        .label_column = "label"};
    auto added = AddEvalSet(store, o, clock_);
    ASSERT_TRUE(added) << added.error().message();
    ASSERT_TRUE(added->stored());
  };
  const auto add_run = [&](const std::string& name, const std::string& csv) {
    RunAddOptions o;
    o.name = name;
    o.evalset = "holdout";
    o.predictions_file = "p.csv";
    o.content = csv;
    auto outcome = AddRun(**here, o, clock_);
    EXPECT_TRUE(outcome) << outcome.error().message();
    return outcome && outcome->stored();
  };
  add_set(**here, "id,label\na,1\nb,0\nc,0\n");
  ASSERT_TRUE(add_run("first", "id,score\nc,0.3\na,0.1\nb,0.2\n"));  // the set is now kept
  EXPECT_EQ((*here)->GetRun("first")->predictions, (std::vector<double>{0.1, 0.2, 0.3}));

  ASSERT_TRUE((*there)->DeleteEvalSet("holdout", /*with_runs=*/true));
  add_set(**there, "id,label\nc,0\nb,0\na,1\n");
  ASSERT_TRUE(add_run("reordered", "id,score\nc,0.3\na,0.1\nb,0.2\n"));
  EXPECT_EQ((*here)->GetRun("reordered")->predictions, (std::vector<double>{0.3, 0.2, 0.1}))
      << "aligned to the set as it is now: c, b, a";

  ASSERT_TRUE((*there)->DeleteEvalSet("holdout", /*with_runs=*/true));
  add_set(**there, "id,label\nx,0\ny,1\n");
  ASSERT_TRUE(add_run("renewed", "id,score\ny,0.9\nx,0.4\n"));
  EXPECT_EQ((*here)->GetRun("renewed")->predictions, (std::vector<double>{0.4, 0.9}));

  // A file found wrong against a set that has not changed is answered once, as before.
  RunAddOptions wrong;
  wrong.name = "wrong";
  wrong.evalset = "holdout";
  wrong.predictions_file = "p.csv";
  wrong.content = "id,score\nx,0.4\nq,0.9\n";
  auto refused = AddRun(**here, wrong, clock_);
  ASSERT_TRUE(refused) << refused.error().message();
  EXPECT_FALSE(refused->stored());
  EXPECT_FALSE(refused->diagnostics.empty());
}

}  // namespace
}  // namespace foresight::app
