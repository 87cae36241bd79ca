#include "app/probe.hpp"

#include "app/app_testing.hpp"
#include "app/ingest.hpp"
#include "app/probe_data.hpp"
#include "table/table_testing.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <numeric>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace foresight::app {
namespace {

using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;
using Warning = core::ProbeWarning;

// A warning of this kind.
auto OfKind(Warning::Kind kind) { return Field(&Warning::kind, kind); }

// A warning that `column` was left out, for `reason`.
auto Dropped(const std::string& column, core::ColumnDrop::Reason reason) {
  return AllOf(OfKind(Warning::Kind::kColumnDropped), Field(&Warning::column, column),
               Field(&Warning::drop, Field(&core::ColumnDrop::reason, reason)));
}

double Uniform(uint64_t i, uint64_t salt) {
  uint64_t x = i * 0x9E3779B97F4A7C15ULL + salt * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 31U)) * 0x94D049BB133111EBULL;
  x ^= x >> 29U;
  return static_cast<double>(x >> 11U) * 0x1.0p-53;
}

// A binary table with a known answer: the label is 1 when x1 + 0.3 x2 + noise > 0.6, so x1
// carries most of the signal; colour is noise; `spare` is missing in every row.
std::string BinaryCsv(size_t n) {
  std::string csv = "id,x1,x2,colour,spare,label\n";
  const char* colours[] = {"red", "green", "blue"};
  for (size_t i = 0; i < n; ++i) {
    const double x1 = Uniform(i, 1);
    const double x2 = Uniform(i, 2);
    const bool label = x1 + 0.3 * x2 + 0.2 * (Uniform(i, 3) - 0.5) > 0.6;
    csv +=
        fmt::format("r{},{:.4f},{:.4f},{},,{}\n", i, x1, x2, colours[i % 3], label ? "yes" : "no");
  }
  return csv;
}

class ProbeTest : public testing::StoreTest {
 protected:
  ProbeOptions Options(const std::string& path) {
    ProbeOptions o;
    o.data = path;
    o.target = "label";
    o.threads = 2;
    o.evidence.resamples = 500;
    return o;
  }
  Result<ProbeOutcome> Run(const ProbeOptions& o) {
    return Probe(Store(), o, std::nullopt, clock_);
  }
  // The probe's problems, joined, when it refused the table.
  std::string Problems(const ProbeOptions& o) {
    auto outcome = Run(o);
    if (!outcome) return "error: " + outcome.error().message();
    std::string all;
    for (const auto& d : outcome->diagnostics)
      all += d.message + " | " + fmt::format("{}", fmt::join(d.help, "; ")) + "\n";
    EXPECT_FALSE(outcome->result.has_value());
    EXPECT_TRUE(Store().ListEvalSets()->empty()) << "nothing is stored when the table is refused";
    return all;
  }
  FakeClock clock_{"2026-11-28T12:00:00Z"};
};

TEST(ProbeSizesTest, GeometricFromSixteenThenTheFullSize) {
  EXPECT_THAT(ProbeSizes(800),
              ElementsAre(16, 23, 32, 45, 64, 91, 128, 181, 256, 362, 512, 724, 800));
  EXPECT_THAT(ProbeSizes(16), ElementsAre(16));
  EXPECT_THAT(ProbeSizes(17), ElementsAre(16, 17));
  EXPECT_THAT(ProbeSizes(10), ElementsAre(10));
}

learners::Dataset Labels(const std::vector<int>& labels, size_t classes) {
  learners::Dataset d;
  d.task = classes == 2 ? learners::Task::kBinary : learners::Task::kMulticlass;
  d.classes = classes;
  for (const int l : labels) d.target.push_back(l);
  return d;
}

TEST(ProbeFoldsTest, FoldsAreStratifiedBalancedAndSeeded) {
  std::vector<int> labels;
  for (int i = 0; i < 1003; ++i) labels.push_back(i % 10 < 3 ? 1 : (i % 10 < 5 ? 2 : 0));
  const learners::Dataset d = Labels(labels, 3);
  const auto folds = AssignFolds(d, 5, 7);
  std::map<std::pair<uint32_t, int>, int> count;
  std::vector<int> per_fold(5, 0);
  for (size_t r = 0; r < folds.size(); ++r) {
    ASSERT_LT(folds[r], 5u);
    ++per_fold[folds[r]];
    ++count[{folds[r], labels[r]}];
  }
  for (const int c : per_fold) EXPECT_NEAR(c, 1003 / 5.0, 1.0);
  // Each class is spread evenly: within one example of its share in every fold.
  for (int cls = 0; cls < 3; ++cls) {
    const double total = static_cast<double>(std::count(labels.begin(), labels.end(), cls));
    for (uint32_t f = 0; f < 5; ++f) EXPECT_NEAR((count[{f, cls}]), total / 5, 1.0);
  }
  EXPECT_EQ(AssignFolds(d, 5, 7), folds);
  EXPECT_NE(AssignFolds(d, 5, 8), folds);
}

TEST(ProbeFoldsTest, SubsamplePrefixesKeepTheClassShares) {
  std::vector<int> labels;
  for (int i = 0; i < 500; ++i) labels.push_back(i % 5 == 0 ? 1 : 0);  // 20% positive
  const learners::Dataset d = Labels(labels, 2);
  std::vector<size_t> rows(400);
  std::iota(rows.begin(), rows.end(), size_t{50});
  const auto order = SubsampleOrder(d, rows, 3, 1);
  auto sorted = order;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, rows) << "a permutation of the training rows";
  for (const int64_t size : ProbeSizes(400)) {
    int positives = 0;
    for (int64_t i = 0; i < size; ++i) positives += labels[order[static_cast<size_t>(i)]];
    EXPECT_NEAR(positives, 0.2 * static_cast<double>(size), 1.0) << "size " << size;
  }
  EXPECT_NE(SubsampleOrder(d, rows, 3, 2), order) << "each fold has its own order";
}

TEST_F(ProbeTest, StoresOutOfFoldRunsForEveryLearnerAndSize) {
  ProbeOptions o = Options(Write("t.csv", BinaryCsv(400)));
  o.id_column = "id";
  auto outcome = Run(o);
  ASSERT_TRUE(outcome) << outcome.error().message();
  ASSERT_TRUE(outcome->diagnostics.empty()) << outcome->diagnostics[0].message;
  const core::ProbeResult& r = *outcome->result;
  EXPECT_EQ(r.task, "binary");
  EXPECT_TRUE(r.task_inferred);
  EXPECT_THAT(r.classes, ElementsAre("no", "yes"));
  EXPECT_EQ(r.rows, 400u);
  EXPECT_EQ(r.features, 3u) << "x1, x2, colour: the id, the target and `spare` are not";
  EXPECT_EQ(r.full_size, 320);
  EXPECT_EQ(r.metric, "roc_auc");
  EXPECT_THAT(r.warnings, ElementsAre(Dropped("spare", core::ColumnDrop::Reason::kAllMissing)));

  // 5 learners x 10 sizes (16 ... 256, then 320), each one run over all 400 rows.
  const auto runs = Store().ListRuns();
  ASSERT_EQ(runs->size(), 5u * 10u);
  const auto set = Store().GetEvalSet(r.evalset);
  ASSERT_TRUE(set);
  EXPECT_EQ(set->ids[0], "r0");
  ASSERT_EQ(set->slices.size(), 1u);
  EXPECT_EQ(set->slices[0].name, "fold");
  for (const auto& info : *runs) {
    EXPECT_EQ(info.evalset, r.evalset);
    EXPECT_EQ(info.name, fmt::format("{}/{}/{}", r.evalset, info.method, *info.train_size));
  }

  // Out of fold: the floor predicts, for each row, the positive share among the training
  // rows of the row's fold, i.e. the rows of the other folds.
  const auto& fold = set->slices[0].codes;
  const auto floor = Store().GetRun(r.evalset + "/majority/320");
  ASSERT_TRUE(floor);
  for (size_t row = 0; row < 400; ++row) {
    double positives = 0;
    double count = 0;
    for (size_t other = 0; other < 400; ++other) {
      if (fold[other] == fold[row]) continue;
      positives += set->labels[other];
      count += 1;
    }
    ASSERT_DOUBLE_EQ(floor->predictions[row], positives / count) << "row " << row;
  }
  // And at a subsample size, the share among the first 16 rows of the fold's order.
  const auto small = Store().GetRun(r.evalset + "/majority/16");
  std::vector<int> labels(set->labels.begin(), set->labels.end());
  const learners::Dataset d = Labels(labels, 2);
  for (size_t k = 0; k < 5; ++k) {
    std::vector<size_t> train;
    size_t test_row = 0;
    for (size_t row = 0; row < 400; ++row) {
      if (static_cast<size_t>(fold[row]) == k) {
        test_row = row;
      } else {
        train.push_back(row);
      }
    }
    const auto order = SubsampleOrder(d, train, o.seed, k);
    double positives = 0;
    for (size_t i = 0; i < 16; ++i) positives += set->labels[order[i]];
    EXPECT_DOUBLE_EQ(small->predictions[test_row], positives / 16) << "fold " << k;
  }

  // The learners: the floor at 0.5, a linear model that finds x1.
  std::map<std::string, const core::ProbeLearner*> by_name;
  for (const auto& l : r.learners) by_name[l.name] = &l;
  ASSERT_EQ(by_name.size(), 5u);
  // (Not exactly 0.5: each fold's floor is its training share, which pooled folds rank.)
  EXPECT_NEAR(by_name["majority"]->metric->estimate, 0.5, 0.05);
  EXPECT_GT(by_name["linear"]->metric->estimate, 0.93);
  EXPECT_GT(by_name["boosting"]->metric->estimate, 0.88);
  EXPECT_EQ(by_name["linear"]->curve.size(), 10u);
  EXPECT_LT(by_name["linear"]->curve.front().estimate, by_name["linear"]->curve.back().estimate);
  EXPECT_TRUE(by_name["linear"]->forecast.has_value());
  EXPECT_FALSE(by_name["majority"]->forecast.has_value()) << "the floor gets no forecast";
  EXPECT_TRUE(by_name["linear"]->interpretable);
  EXPECT_FALSE(by_name["boosting"]->interpretable);
}

TEST_F(ProbeTest, EveryNumberIsReDerivedFromTheStoredRuns) {
  auto outcome = Run(Options(Write("t.csv", BinaryCsv(300))));
  ASSERT_TRUE(outcome && outcome->result) << (outcome ? "" : outcome.error().message());
  const core::ProbeResult& r = *outcome->result;
  EvidenceOptions ev;
  ev.resamples = 500;
  ev.metrics = {"roc_auc"};
  for (const auto& l : r.learners) {
    auto evaluated = Evaluate(Store(), {l.run}, ev, false, std::nullopt);
    ASSERT_TRUE(evaluated);
    EXPECT_DOUBLE_EQ(evaluated->rows[0].estimate, l.metric->estimate) << l.name;
    EXPECT_DOUBLE_EQ(evaluated->rows[0].lower, l.metric->lower) << l.name;
  }
  // The gap is `compare` of the best glass box against the best black box.
  ASSERT_TRUE(r.gap.has_value());
  EXPECT_EQ(r.gap->black_box, "boosting");
  auto compared = Compare(Store(), r.gap->glass_run, {r.gap->black_run}, ev, std::nullopt);
  ASSERT_TRUE(compared);
  EXPECT_DOUBLE_EQ(compared->front().difference, r.gap->difference);
  EXPECT_DOUBLE_EQ(compared->front().lower, r.gap->lower);
  EXPECT_DOUBLE_EQ(compared->front().upper, r.gap->upper);
  EXPECT_LE(r.gap->lower, r.gap->difference);
  EXPECT_GE(r.gap->upper, r.gap->difference);
  // The glass box is the best of linear, tree and additive.
  double best_glass = 0;
  for (const auto& l : r.learners) {
    if (l.interpretable && l.name != "majority") {
      best_glass = std::max(best_glass, l.metric->estimate);
    }
  }
  EXPECT_DOUBLE_EQ(compared->front().estimate_a, best_glass);
}

TEST_F(ProbeTest, AStoredProbeIsMeasuredAgainWithoutTraining) {
  auto outcome = Run(Options(Write("t.csv", BinaryCsv(300))));
  ASSERT_TRUE(outcome && outcome->result) << (outcome ? "" : outcome.error().message());
  const core::ProbeResult& r = *outcome->result;
  const size_t runs_before = Store().ListRuns()->size();
  core::ProbeResult again;
  for (const core::ProbeLearner& l : r.learners) {
    core::ProbeLearner skeleton;
    skeleton.name = l.name;
    skeleton.interpretable = l.interpretable;
    skeleton.run = l.run;
    again.learners.push_back(skeleton);
  }
  ASSERT_TRUE(MeasureProbe(Store(), r.evalset, r.metric, r.higher_is_better, Options("").evidence,
                           std::nullopt, again));
  EXPECT_EQ(Store().ListRuns()->size(), runs_before) << "measuring stores nothing";
  for (size_t i = 0; i < r.learners.size(); ++i) {
    ASSERT_TRUE(again.learners[i].metric.has_value()) << r.learners[i].name;
    EXPECT_DOUBLE_EQ(again.learners[i].metric->estimate, r.learners[i].metric->estimate);
    EXPECT_DOUBLE_EQ(again.learners[i].metric->lower, r.learners[i].metric->lower);
    EXPECT_EQ(again.learners[i].curve.size(), r.learners[i].curve.size());
  }
  ASSERT_TRUE(again.gap.has_value());
  EXPECT_DOUBLE_EQ(again.gap->difference, r.gap->difference);
  EXPECT_EQ(again.curve_resamples, r.curve_resamples);
}

TEST_F(ProbeTest, SameSeedSameRunsWhateverTheThreads) {
  const std::string path = Write("t.csv", BinaryCsv(200));
  ProbeOptions a = Options(path);
  a.name = "a";
  a.threads = 1;
  ProbeOptions b = Options(path);
  b.name = "b";
  b.threads = 2;
  ASSERT_TRUE(Run(a));
  ASSERT_TRUE(Run(b));
  const auto runs = Store().ListRuns();
  ASSERT_EQ(runs->size() % 2, 0u);
  const size_t half = runs->size() / 2;
  for (size_t i = 0; i < half; ++i) {
    const auto ra = Store().GetRun((*runs)[i].name);
    const auto rb = Store().GetRun((*runs)[half + i].name);
    EXPECT_EQ(ra->predictions, rb->predictions) << (*runs)[i].name;
  }
}

TEST_F(ProbeTest, TimeBudgetStopsAddingWorkAndSaysWhat) {
  ProbeOptions o = Options(Write("t.csv", BinaryCsv(200)));
  o.time_budget = 0;
  auto outcome = Run(o);
  ASSERT_TRUE(outcome && outcome->result);
  const core::ProbeResult& r = *outcome->result;
  // The first job (the floor at full size) always runs; nothing else starts.
  EXPECT_EQ(Store().ListRuns()->size(), 1u);
  EXPECT_TRUE(r.learners[0].metric.has_value());
  EXPECT_FALSE(r.learners[1].metric.has_value());
  for (size_t i = 1; i < r.learners.size(); ++i) {
    EXPECT_FALSE(r.learners[i].skipped_sizes.empty()) << r.learners[i].name;
  }
  EXPECT_THAT(r.learners[1].skipped_sizes,
              ::testing::ElementsAre(160, 16, 23, 32, 45, 64, 91, 128));
  EXPECT_FALSE(r.gap.has_value());
}

// A table too large for the memory there is is refused from a line count, before it is
// parsed or anything is trained, with a sample size that would fit; with that sample the
// probe runs on a uniform, seeded sample of exactly that many rows.
TEST_F(ProbeTest, ATableTooLargeForMemoryIsRefusedBeforeReadingAndASampleFits) {
  const std::string path = Write("t.csv", BinaryCsv(3000));
  ProbeOptions o = Options(path);
  o.learners = {"majority", "linear"};
  o.memory_budget = uint64_t{2} << 20U;  // 2 MiB
  auto refused = Run(o);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code(), ErrorCode::kResourceExhausted);
  const std::string message = refused.error().message();
  EXPECT_THAT(message, HasSubstr("3000 rows of 6 columns"));
  EXPECT_THAT(message, HasSubstr("2.0 MiB is available"));
  EXPECT_TRUE(Store().ListEvalSets()->empty());
  // The suggested sample: the number after the sample flag.
  const size_t flag = message.find(FieldRef("sample"));
  ASSERT_NE(flag, std::string::npos) << message;
  const size_t suggested = std::stoul(message.substr(flag + FieldRef("sample").size() + 1));
  EXPECT_GT(suggested, 100u);
  EXPECT_LT(suggested, 3000u);
  EXPECT_LE(EstimateProbeBytes(BinaryCsv(3000).size(), suggested, 6, 2 * 9, 2), *o.memory_budget);

  o.sample = suggested;
  auto sampled = Run(o);
  ASSERT_TRUE(sampled && sampled->result) << (sampled ? "refused" : sampled.error().message());
  EXPECT_EQ(sampled->result->rows, suggested);
  EXPECT_EQ(sampled->result->sampled_from, 3000u);
  // The rows are spread over the file (ids, their row numbers in the file, from its first
  // and last tenth), not its head.
  const auto set = Store().GetEvalSet(sampled->result->evalset);
  ASSERT_TRUE(set);
  EXPECT_EQ(set->ids.size(), suggested);
  size_t early = 0;
  size_t late = 0;
  for (const std::string& id : set->ids) {
    const size_t row = std::stoul(id) - 1;
    early += row < 300 ? 1 : 0;
    late += row >= 2700 ? 1 : 0;
  }
  EXPECT_GT(early, suggested / 20);
  EXPECT_GT(late, suggested / 20);
}

TEST_F(ProbeTest, ASampleIsSeededAndNoLargerThanTheTable) {
  ProbeOptions o = Options(Write("t.csv", BinaryCsv(400)));
  o.learners = {"majority"};
  o.sample = 100;
  o.name = "a";
  auto a = Run(o);
  o.name = "b";
  auto b = Run(o);
  o.name = "c";
  o.seed = 7;
  auto c = Run(o);
  ASSERT_TRUE(a && a->result && b && b->result && c && c->result);
  EXPECT_EQ(Store().GetEvalSet("a")->ids, Store().GetEvalSet("b")->ids) << "same seed";
  EXPECT_NE(Store().GetEvalSet("a")->ids, Store().GetEvalSet("c")->ids) << "another seed";
  o.name = "d";
  o.sample = 1000;  // more than the table: the whole table, and no sample is reported
  auto d = Run(o);
  ASSERT_TRUE(d && d->result);
  EXPECT_EQ(d->result->rows, 400u);
  EXPECT_EQ(d->result->sampled_from, 0u);
}

TEST_F(ProbeTest, MulticlassAndRegressionTargetsAreInferred) {
  std::string csv = "a,b,kind,amount\n";
  for (size_t i = 0; i < 240; ++i) {
    const double a = Uniform(i, 5);
    const double b = Uniform(i, 6);
    const char* kind = a < 0.33 ? "low" : (a < 0.66 ? "mid" : "high");
    csv += fmt::format("{:.4f},{:.4f},{},{:.4f}\n", a, b, kind, 3 * a + b);
  }
  const std::string path = Write("t.csv", csv);
  ProbeOptions o = Options(path);
  o.target = "kind";
  o.ignore = {"amount"};
  o.learners = {"majority", "linear", "tree"};
  auto multi = Run(o);
  ASSERT_TRUE(multi && multi->result);
  EXPECT_EQ(multi->result->task, "multiclass");
  EXPECT_EQ(multi->result->metric, "accuracy");
  EXPECT_THAT(multi->result->classes, UnorderedElementsAre("low", "mid", "high"));
  EXPECT_GT(multi->result->learners[2].metric->estimate, 0.9) << "a tree splits `a` twice";

  o.target = "amount";
  o.ignore = {"kind"};
  o.name = "regression";
  // The credit-scoring charter's roc_auc does not fit a regression target: passed over.
  const auto criteria =
      ReadCriteria(std::string(FORESIGHT_SOURCE_DIR) + "/examples/credit-scoring/foresight.yaml");
  ASSERT_TRUE(criteria) << criteria.error().message();
  auto reg = Probe(Store(), o, *criteria, clock_);
  ASSERT_TRUE(reg && reg->result);
  EXPECT_EQ(reg->result->task, "regression");
  EXPECT_EQ(reg->result->metric, "mae");
  EXPECT_FALSE(reg->result->higher_is_better);
  EXPECT_LT(reg->result->learners[1].metric->estimate, 0.05) << "linear recovers 3a + b";
  EXPECT_GT(reg->result->learners[0].metric->estimate, 0.5) << "the mean does not";
  // The charter's metric does not apply to a regression target: the probe uses mae.
  EXPECT_THAT(
      reg->result->warnings,
      ElementsAre(AllOf(OfKind(Warning::Kind::kMetricNotForTask), Field(&Warning::name, "roc_auc"),
                        Field(&Warning::task, "regression"), Field(&Warning::used, "mae"))));
  EXPECT_FALSE(reg->result->criterion.has_value());
}

TEST_F(ProbeTest, BadTablesAreRefusedWithWhatAndHow) {
  const std::string good = BinaryCsv(100);
  EXPECT_THAT(Problems([&] {
                auto o = Options(Write("t.csv", good));
                o.target = "lable";
                return o;
              }()),
              HasSubstr("did you mean 'label'"));
  // A constant target, and one class.
  std::string constant = "x,y\n";
  for (int i = 0; i < 50; ++i) constant += fmt::format("{},7\n", i);
  auto o = Options(Write("c.csv", constant));
  o.target = "y";
  EXPECT_THAT(Problems(o), HasSubstr("the same value (7) in every row"));
  std::string one = "x,y\n";
  for (int i = 0; i < 50; ++i) one += fmt::format("{},ok\n", i);
  o = Options(Write("o.csv", one));
  o.target = "y";
  EXPECT_THAT(Problems(o), HasSubstr("one class ('ok') in every row"));
  // Positive class not among the classes; categorical target as a regression.
  o = Options(Write("t.csv", good));
  o.positive = "maybe";
  EXPECT_THAT(Problems(o), HasSubstr("the classes are: no, yes"));
  o = Options(Write("t.csv", good));
  o.target = "colour";
  o.task = "regression";
  EXPECT_THAT(Problems(o), HasSubstr("not numeric"));
  // A numeric target with one stray cell: the cell is named, whether regression was asked
  // for or the stray cell made hundreds of classes.
  std::string stray = "x,y\n";
  for (int i = 0; i < 300; ++i) stray += fmt::format("{},{}\n", i, i == 123 ? "n.a." : "1.5");
  for (int i = 0; i < 300; ++i) stray += fmt::format("{},{}.25\n", i, i);
  o = Options(Write("stray.csv", stray));
  o.target = "y";
  o.task = "regression";
  EXPECT_THAT(Problems(o), HasSubstr("must be numeric for regression, but 'n.a.' is not a number"));
  o.task.reset();
  EXPECT_THAT(Problems(o), HasSubstr("more than the 200 the probe trains on: it looks numeric, "
                                     "but 'n.a.' is not"));
  // The target given to --ignore too.
  o = Options(Write("t.csv", good));
  o.ignore = {"label"};
  EXPECT_THAT(Problems(o), HasSubstr("the target column is also given to " + FieldRef("ignore")));
  // Repeated ids; too few rows.
  o = Options(Write("d.csv", "id,x,label\na,1,yes\na,2,no\n" + std::string("b,3,yes\n")));
  o.id_column = "id";
  EXPECT_THAT(Problems(o), HasSubstr("with an id seen earlier"));
  o = Options(Write("s.csv", "x,label\n1,yes\n2,no\n3,yes\n4,no\n"));
  EXPECT_THAT(Problems(o), HasSubstr("too few to probe"));
  // Only the target: nothing to learn from.
  std::string only = "label\n";
  for (int i = 0; i < 40; ++i) only += i % 2 ? "yes\n" : "no\n";
  o = Options(Write("l.csv", only));
  EXPECT_THAT(Problems(o), HasSubstr("no column is left to learn from"));
  // Binary junk.
  o = Options(Write("b.csv", std::string("\x00\x01\x02garbage", 10)));
  EXPECT_THAT(Problems(o), HasSubstr("binary"));
  // Missing files and bad options fail before reading.
  o = Options((dir_ / "none.csv").string());
  EXPECT_THAT(Problems(o), HasSubstr("error:"));
  o = Options(Write("t.csv", good));
  o.learners = {"svm"};
  EXPECT_THAT(Problems(o), HasSubstr("the learners are: majority, linear"));
  o = Options(Write("t.csv", good));
  o.metric = "rmse";
  EXPECT_THAT(Problems(o), HasSubstr(FieldRef("metric")));
  // More predictions than memory allows: refused before training (5 learners x 6 sizes x
  // 100 rows x 8 bytes = 24,000 bytes).
  o = Options(Write("t.csv", good));
  o.max_prediction_bytes = 23999;
  EXPECT_THAT(Problems(o), HasSubstr("the probe would hold 23.4 KiB of predictions (30 runs of "
                                     "100 rows); the limit is 23.4 KiB"));
  o.max_prediction_bytes = 24000;
  o.learners = {"majority"};
  auto at_limit = Run(o);
  EXPECT_TRUE(at_limit && at_limit->result) << "within the limit: trained";
}

TEST_F(ProbeTest, ARareClassIsWarnedAboutAndOneClassSubsamplesAreSkippedInOneNote) {
  std::string csv = "x,label\n";
  for (size_t i = 0; i < 1000; ++i) {
    csv += fmt::format("{:.4f},{}\n", Uniform(i, 8), i % 200 == 0 ? "yes" : "no");
  }
  ProbeOptions o = Options(Write("t.csv", csv));
  o.learners = {"majority", "tree"};
  auto outcome = Run(o);
  ASSERT_TRUE(outcome && outcome->result);
  const auto& r = *outcome->result;
  EXPECT_THAT(r.warnings,
              ElementsAre(AllOf(OfKind(Warning::Kind::kRareClass), Field(&Warning::name, "yes"),
                                Field(&Warning::count, 5u))));
  // 5 positives in 1,000: the first 16 to 45 training rows of a fold hold none.
  ASSERT_EQ(r.learners[1].notes.size(), 1u);
  const core::ProbeNote& note = r.learners[1].notes[0];
  EXPECT_EQ(note.kind, core::ProbeNote::Kind::kNotTrained);
  EXPECT_THAT(note.sizes, ElementsAre(16, 23, 32, 45));
  EXPECT_EQ(note.reason, "the training rows hold one class only");
  EXPECT_THAT(r.learners[1].skipped_sizes, ElementsAre(16, 23, 32, 45));
  EXPECT_TRUE(r.learners[1].metric.has_value()) << "the full size has every class";
}

TEST(ProbeDataTest, LevelsAreTheUsedOnesAndManyAreCappedWithTheRestGrouped) {
  // `city` has 150 values among labelled rows and one more only where the label is missing;
  // `note` is filled only where the label is missing.
  std::string csv = "city,note,label\n";
  for (size_t i = 0; i < 3000; ++i) {
    // City c0 is the most frequent (half the rows), the others share the rest.
    const size_t city = i % 2 == 0 ? 0 : 1 + (i / 2) % 149;
    csv += fmt::format("c{},,{}\n", city, i % 3 == 0 ? "yes" : "no");
  }
  csv += "unseen,text,\n";
  const table::testing::Read read = table::testing::ReadText(csv);
  ASSERT_TRUE(read.table.has_value());
  ProbeOptions o;
  o.target = "label";
  std::vector<diag::Diagnostic> problems;
  const auto data = PrepareProbeData(*read.table, *read.file, o, problems);
  ASSERT_TRUE(data.has_value()) << (problems.empty() ? "" : problems[0].message);
  ASSERT_EQ(data->dataset.features.size(), 1u) << "`note` is missing in every labelled row";
  const learners::Feature& city = data->dataset.features[0];
  EXPECT_EQ(city.levels, 100u);
  EXPECT_EQ(city.codes[0], 0) << "the most frequent value keeps the first code";
  EXPECT_EQ(*std::max_element(city.codes.begin(), city.codes.end()), 99);
  // The other 1,500 rows spread over 149 cities: 10 have 11 rows, 139 have 10. Kept: c0 and
  // the 98 most frequent others (ties by first appearance); grouped: 51 cities of 10 rows.
  EXPECT_EQ(std::count(city.codes.begin(), city.codes.end(), 99), 510);
  EXPECT_EQ(data->columns[0].levels, 150u) << "the used values, not 'unseen'";
  EXPECT_EQ(data->columns[1].role, "dropped");
  // One row without a target value; 'city' has 150 values: the 99 most frequent are kept, the
  // other 51 are grouped as one; 'note' is missing in every row.
  EXPECT_THAT(
      data->warnings,
      ElementsAre(AllOf(OfKind(Warning::Kind::kRowsWithoutTarget), Field(&Warning::count, 1u)),
                  AllOf(OfKind(Warning::Kind::kLevelsGrouped), Field(&Warning::column, "city"),
                        Field(&Warning::count, 150u), Field(&Warning::limit, 99u)),
                  Dropped("note", core::ColumnDrop::Reason::kAllMissing)));
}

// The target of a 30-row table with a feature: `first` in 20 rows, `second` in 10.
std::string TwoValued(const std::string& first, const std::string& second) {
  std::string csv = "id,x,label\n";
  for (size_t i = 0; i < 30; ++i) {
    csv += fmt::format("r{},{:.4f},{}\n", i, Uniform(i, 11), i < 20 ? first : second);
  }
  return csv;
}

// What PrepareProbeData makes of a table, or its first problem.
struct Prepared {
  std::optional<ProbeData> data;
  std::string problem;
};
Prepared Prepare(const std::string& csv, const ProbeOptions& o) {
  const table::testing::Read read = table::testing::ReadText(csv);
  std::vector<diag::Diagnostic> problems;
  Prepared out;
  out.data = PrepareProbeData(*read.table, *read.file, o, problems);
  if (!problems.empty()) out.problem = problems[0].message + " | " + problems[0].help.at(0);
  return out;
}

TEST(ProbeDataTest, TargetsCodedOneTwoOrPlusMinusOneAreBinary) {
  ProbeOptions o;
  o.target = "label";
  o.id_column = "id";
  auto p = Prepare(TwoValued("1", "2"), o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_EQ(p.data->evalset.task, core::EvalTask::kBinary) << "not a regression on 1 and 2";
  EXPECT_TRUE(p.data->task_inferred);
  EXPECT_THAT(p.data->evalset.classes, ElementsAre("1", "2")) << "2 is the rarer";
  EXPECT_EQ(p.data->positive_inferred, core::InferredPositive::kRarer);
  EXPECT_EQ(p.data->evalset.labels.at(0), 0);
  EXPECT_EQ(p.data->evalset.labels.at(29), 1);
  p = Prepare(TwoValued("-1", "1"), o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_EQ(p.data->evalset.task, core::EvalTask::kBinary);
  EXPECT_THAT(p.data->evalset.classes, ElementsAre("-1", "1")) << "1 is positive, though commoner";
  EXPECT_EQ(p.data->positive_inferred, core::InferredPositive::kKnownPair);
  EXPECT_EQ(p.data->evalset.labels.at(0), 0);
  // A boolean's true value, whatever its case; --positive chooses.
  p = Prepare(TwoValued("Yes", "No"), o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_THAT(p.data->evalset.classes, ElementsAre("No", "Yes"));
  EXPECT_EQ(p.data->positive_inferred, core::InferredPositive::kKnownPair);
  o.positive = "No";
  p = Prepare(TwoValued("Yes", "No"), o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_THAT(p.data->evalset.classes, ElementsAre("Yes", "No"));
  EXPECT_FALSE(p.data->positive_inferred.has_value());
}

TEST(ProbeDataTest, FewWholeNumbersAreClassesManyAreRegression) {
  ProbeOptions o;
  o.target = "label";
  std::string ratings = "x,label\n";
  std::string counts = "x,label\n";
  for (size_t i = 0; i < 60; ++i) {
    ratings += fmt::format("{:.4f},{}\n", Uniform(i, 12), 1 + i % 5);
    counts += fmt::format("{:.4f},{}\n", Uniform(i, 12), i % 30);
  }
  auto p = Prepare(ratings, o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_EQ(p.data->evalset.task, core::EvalTask::kMulticlass);
  EXPECT_THAT(p.data->evalset.classes, ElementsAre("1", "2", "3", "4", "5"));
  p = Prepare(counts, o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_EQ(p.data->evalset.task, core::EvalTask::kRegression);
  EXPECT_EQ(p.data->evalset.targets.at(29), 29.0);
  o.task = "regression";
  p = Prepare(ratings, o);
  ASSERT_TRUE(p.data) << p.problem;
  EXPECT_EQ(p.data->evalset.task, core::EvalTask::kRegression) << "--task decides";
  EXPECT_FALSE(p.data->task_inferred);
}

TEST(ProbeDataTest, MoreClassesThanTheProbeTrainsOnIsItsOwnLimit) {
  ProbeOptions o;
  o.target = "label";
  std::string csv = "x,label\n";
  for (size_t i = 0; i < 1000; ++i) csv += fmt::format("{:.4f},c{}\n", Uniform(i, 13), i % 250);
  const auto p = Prepare(csv, o);
  EXPECT_FALSE(p.data);
  EXPECT_EQ(p.problem,
            "the target 'label' has 250 classes, more than the 200 the probe trains on | 200 "
            "classes is the probe's training limit, not a limit of the task (an evaluation set "
            "may have up to 1,000); group rare classes, or use " FORESIGHT_FIELD("task") " regression for a numeric "
            "outcome");
}

TEST_F(ProbeTest, EvalsetAddAndProbeAgreeOnTaskClassesAndPositive) {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"1", "2"}, {"-1", "1"}, {"1", "0"}, {"yes", "no"}, {"No", "Yes"}, {"good", "bad"}};
  for (size_t k = 0; k < pairs.size(); ++k) {
    const auto& [first, second] = pairs[k];
    const std::string csv = TwoValued(first, second);
    EvalSetAddOptions add{.name = fmt::format("set{}", k),
                          .file = Write(fmt::format("t{}.csv", k), csv),
                          .id_column = "id",
                          .label_column = "label"};
    auto added = AddEvalSet(Store(), add, clock_);
    ASSERT_TRUE(added && added->stored()) << first << "/" << second;
    ProbeOptions o;
    o.target = "label";
    o.id_column = "id";
    const auto probed = Prepare(csv, o);
    ASSERT_TRUE(probed.data) << probed.problem;
    EXPECT_EQ(added->evalset->task, probed.data->evalset.task) << first << "/" << second;
    EXPECT_EQ(added->evalset->classes, probed.data->evalset.classes) << first << "/" << second;
    EXPECT_EQ(added->evalset->positive_inferred, probed.data->positive_inferred)
        << first << "/" << second;
    EXPECT_EQ(Store().GetEvalSet(add.name)->labels, probed.data->evalset.labels);
  }
}

TEST_F(ProbeTest, IdentifierLikeColumnsAndMissingTargetsAreLeftOutWithAWarning) {
  // 10,000 rows whose `code` is unique per row: an identifier, not a category.
  std::string csv = "code,x,label\n";
  for (size_t i = 0; i < 10000; ++i) {
    const double x = Uniform(i, 9);
    const char* label = i % 100 == 0 ? "" : (x + 0.3 * Uniform(i, 4) > 0.65 ? "1" : "0");
    csv += fmt::format("c{},{:.4f},{}\n", i, x, label);
  }
  ProbeOptions o = Options(Write("t.csv", csv));
  o.learners = {"majority", "linear"};
  o.folds = 3;
  auto outcome = Run(o);
  ASSERT_TRUE(outcome && outcome->result);
  const auto& r = *outcome->result;
  EXPECT_EQ(r.rows, 9900u);
  EXPECT_EQ(r.features, 1u);
  EXPECT_THAT(
      r.warnings,
      ElementsAre(AllOf(OfKind(Warning::Kind::kRowsWithoutTarget), Field(&Warning::count, 100u)),
                  AllOf(Dropped("code", core::ColumnDrop::Reason::kTooManyValues),
                        Field(&Warning::drop, AllOf(Field(&core::ColumnDrop::values, 9900u),
                                                    Field(&core::ColumnDrop::rows, 9900u))))));
  EXPECT_THAT(r.classes, ElementsAre("0", "1")) << "a 0/1 target: 1 is the positive class";
}

}  // namespace
}  // namespace foresight::app
