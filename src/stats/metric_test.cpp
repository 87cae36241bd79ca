#include "stats/metric.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace foresight::stats {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const MetricRegistry& Registry() { return BuiltinMetrics(); }

std::string ParseError(std::string_view text, TaskKind task) {
  const auto spec = Registry().Parse(text, task);
  EXPECT_FALSE(spec.has_value()) << text;
  if (spec.has_value()) return "";
  EXPECT_EQ(spec.error().code(), ErrorCode::kInvalidArgument);
  return spec.error().message();
}

TEST(MetricRegistryTest, EveryDefinitionIsComplete) {
  std::set<std::string> names;
  for (const MetricDef& def : Registry().defs()) {
    names.insert(def.name);
    EXPECT_FALSE(def.family.empty()) << def.name;
    EXPECT_FALSE(def.description.empty()) << def.name;
    EXPECT_FALSE(def.reference.empty()) << def.name;
    EXPECT_TRUE(def.prepare) << def.name;
    for (const ParamSpec& param : def.params) {
      EXPECT_FALSE(param.description.empty()) << def.name << "." << param.name;
      EXPECT_LE(param.min, param.default_value) << def.name << "." << param.name;
      EXPECT_GE(param.max, param.default_value) << def.name << "." << param.name;
    }
  }
  for (const char* name : {"roc_auc",
                           "average_precision",
                           "log_loss",
                           "brier",
                           "ece",
                           "accuracy",
                           "precision",
                           "recall",
                           "f1",
                           "fbeta",
                           "mcc",
                           "balanced_accuracy",
                           "recall_at_precision",
                           "precision_at_k",
                           "top_k_accuracy",
                           "f1_macro",
                           "f1_micro",
                           "f1_weighted",
                           "cohen_kappa",
                           "mae",
                           "rmse",
                           "r2",
                           "mape",
                           "pinball"}) {
    EXPECT_TRUE(names.count(name)) << name;
  }
}

TEST(MetricRegistryTest, FindsByNameAndTask) {
  const MetricDef* binary = Registry().Find("accuracy", TaskKind::kBinary);
  const MetricDef* multiclass = Registry().Find("accuracy", TaskKind::kMulticlass);
  ASSERT_NE(binary, nullptr);
  ASSERT_NE(multiclass, nullptr);
  EXPECT_NE(binary, multiclass);
  EXPECT_EQ(binary->family, "binary at a threshold");
  EXPECT_EQ(multiclass->family, "multiclass");
  EXPECT_EQ(Registry().Find("mae", TaskKind::kBinary), nullptr);
  EXPECT_NE(Registry().Find("mae"), nullptr);
  EXPECT_EQ(Registry().Find("nope"), nullptr);
  EXPECT_FALSE(Registry().Find("log_loss", TaskKind::kBinary)->higher_is_better);
  EXPECT_TRUE(Registry().Find("r2", TaskKind::kRegression)->higher_is_better);
}

TEST(MetricRegistryTest, FindsAnyTasksDefinitionAsUsersWriteIt) {
  EXPECT_EQ(Registry().FindAnyTask("accuracy"), Registry().Find("accuracy", TaskKind::kBinary))
      << "binary first";
  EXPECT_EQ(Registry().FindAnyTask("mae"), Registry().Find("mae", TaskKind::kRegression));
  EXPECT_EQ(Registry().FindAnyTask(" fbeta{beta=2} "), Registry().Find("fbeta"));
  EXPECT_EQ(Registry().FindAnyTask("fbeta{beta=-1}"), nullptr) << "a bad parameter";
  EXPECT_EQ(Registry().FindAnyTask("nope"), nullptr);
  EXPECT_EQ(Registry().FindAnyTask(""), nullptr);
}

TEST(MetricRegistryTest, RejectsDuplicateDefinitions) {
  MetricDef def;
  def.name = "x";
  def.tasks = {TaskKind::kBinary};
  def.prepare = [](const MetricData&, const Params&) -> Result<std::unique_ptr<Kernel>> {
    return Fail(ErrorCode::kInternal, "unused");
  };
  EXPECT_DEATH(MetricRegistry({def, def}), "duplicate metric x");
}

TEST(MetricParseTest, FillsDefaultsAndPrintsCanonically) {
  const auto plain = Registry().Parse("  fbeta ", TaskKind::kBinary);
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->params.at("beta"), 1);
  EXPECT_EQ(plain->params.at("threshold"), 0.5);
  EXPECT_EQ(plain->ToString(), "fbeta");

  const auto spaced = Registry().Parse("fbeta{ beta = 2.0 }", TaskKind::kBinary);
  ASSERT_TRUE(spaced.has_value());
  EXPECT_EQ(spaced->ToString(), "fbeta{beta=2}");

  // Declaration order, not the order written; defaults left out.
  const auto both = Registry().Parse("fbeta{threshold=0.3, beta=0.5}", TaskKind::kBinary);
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(both->ToString(), "fbeta{beta=0.5,threshold=0.3}");
  EXPECT_EQ(Registry().Parse("fbeta{beta=1,threshold=0.1}", TaskKind::kBinary)->ToString(),
            "fbeta{threshold=0.1}");
  EXPECT_EQ(Registry().Parse("roc_auc{}", TaskKind::kBinary)->ToString(), "roc_auc");
  EXPECT_EQ(Registry().Parse("precision_at_k{k=+1e3}", TaskKind::kBinary)->ToString(),
            "precision_at_k{k=1000}");
  EXPECT_EQ(Registry().Parse("precision{threshold=-1.5e-7}", TaskKind::kBinary)->ToString(),
            "precision{threshold=-1.5e-07}");
}

TEST(MetricParseTest, CanonicalSpellingRoundTrips) {
  for (const char* text : {"fbeta{beta=0.1,threshold=0.30000000000000004}", "ece{bins=3}",
                           "pinball{q=0.95}", "recall_at_precision{p=0.333}"}) {
    for (TaskKind task : {TaskKind::kBinary, TaskKind::kRegression}) {
      const auto spec = Registry().Parse(text, task);
      if (!spec.has_value()) continue;
      EXPECT_EQ(spec->ToString(), text);
      const auto again = Registry().Parse(spec->ToString(), task);
      ASSERT_TRUE(again.has_value());
      EXPECT_EQ(again->params, spec->params);
    }
  }
}

TEST(MetricParseTest, UnknownMetricSuggestsAndLists) {
  const std::string message = ParseError("roc_acu", TaskKind::kBinary);
  EXPECT_THAT(message, HasSubstr("unknown metric 'roc_acu'"));
  EXPECT_THAT(message, HasSubstr("did you mean 'roc_auc'?"));
  EXPECT_THAT(message, HasSubstr("metrics for binary classification: roc_auc, "));
  EXPECT_THAT(message, Not(HasSubstr("mae")));
  EXPECT_THAT(ParseError("mae", TaskKind::kBinary),
              HasSubstr("metric 'mae' is for regression, not binary classification"));
  EXPECT_THAT(ParseError("   ", TaskKind::kBinary), HasSubstr("no metric name"));
}

TEST(MetricParseTest, RejectsBadParameters) {
  EXPECT_EQ(ParseError("fbeta{bta=2}", TaskKind::kBinary),
            "fbeta has no parameter 'bta' (did you mean 'beta'?); its parameters: beta, "
            "threshold");
  EXPECT_EQ(ParseError("roc_auc{k=2}", TaskKind::kBinary), "roc_auc takes no parameters, got 'k'");
  EXPECT_EQ(ParseError("fbeta{beta=two}", TaskKind::kBinary),
            "parameter 'beta' of fbeta must be a finite number, got 'two'");
  EXPECT_THAT(ParseError("fbeta{beta=nan}", TaskKind::kBinary), HasSubstr("finite number"));
  EXPECT_THAT(ParseError("fbeta{beta=2x}", TaskKind::kBinary), HasSubstr("got '2x'"));
  EXPECT_EQ(ParseError("fbeta{beta=101}", TaskKind::kBinary),
            "parameter 'beta' of fbeta must be a number in (0, 100], got 101");
  EXPECT_EQ(ParseError("fbeta{beta=0}", TaskKind::kBinary),
            "parameter 'beta' of fbeta must be a number in (0, 100], got 0");
  EXPECT_EQ(ParseError("fbeta{beta=-0.5}", TaskKind::kBinary),
            "parameter 'beta' of fbeta must be a number in (0, 100], got -0.5");
  EXPECT_EQ(ParseError("top_k_accuracy{k=2.5}", TaskKind::kMulticlass),
            "parameter 'k' of top_k_accuracy must be an integer in [1, 1000000], got 2.5");
  EXPECT_EQ(ParseError("ece{bins=0}", TaskKind::kBinary),
            "parameter 'bins' of ece must be an integer in [1, 1000], got 0");
  EXPECT_THAT(ParseError("pinball{q=1.5}", TaskKind::kRegression), HasSubstr("[0, 1], got 1.5"));
  EXPECT_THAT(ParseError("fbeta{beta=2,beta=3}", TaskKind::kBinary), HasSubstr("given twice"));
  EXPECT_THAT(ParseError("fbeta{beta=2,}", TaskKind::kBinary),
              HasSubstr("expected 'parameter=value'"));
  EXPECT_THAT(ParseError("fbeta{beta 2}", TaskKind::kBinary),
              HasSubstr("expected 'parameter=value'"));
  EXPECT_THAT(ParseError("fbeta{beta=2", TaskKind::kBinary), HasSubstr("closing '}'"));
  EXPECT_THAT(ParseError("fbeta{beta=2}}", TaskKind::kBinary), HasSubstr("unexpected brace"));
  EXPECT_THAT(ParseError("fbeta{beta=2} x", TaskKind::kBinary), HasSubstr("closing '}'"));
}

struct BinaryInput {
  std::vector<int32_t> label;
  std::vector<double> score;
  MetricData Data() const {
    MetricData data;
    data.label = label;
    data.score = score;
    return data;
  }
};

Result<double> Compute(std::string_view text, const MetricData& data) {
  const auto spec = Registry().Parse(text, data.task);
  if (!spec) return Fail(spec.error());
  return ComputeMetric(*spec, data);
}

// One table of each task, viewed as the MetricData of `task` (the spans point into it).
struct TaskTables {
  std::vector<int32_t> binary;
  std::vector<double> scores;
  std::vector<int32_t> classes;
  std::vector<double> proba;
  size_t class_count = 0;
  std::vector<double> target;
  std::vector<double> value;  // predictions; the targets when empty (perfect)
  MetricData For(TaskKind task) const {
    MetricData data;
    data.task = task;
    if (task == TaskKind::kBinary) {
      data.label = binary;
      data.score = scores;
    } else if (task == TaskKind::kMulticlass) {
      data.label = classes;
      data.proba = proba;
      data.classes = class_count;
    } else {
      data.target = target;
      data.value = value.empty() ? target : value;
    }
    return data;
  }
};

TEST(MetricComputeTest, PerfectPredictionsReachEachMetricsBestValue) {
  // 200 examples, half positive; 6 classes; non-zero regression targets.
  std::vector<int32_t> binary;
  std::vector<double> scores;
  std::vector<int32_t> classes;
  std::vector<double> proba;
  std::vector<double> target;
  for (int i = 0; i < 200; ++i) {
    binary.push_back(i % 2);
    scores.push_back(i % 2);
    classes.push_back(i % 6);
    for (int k = 0; k < 6; ++k) proba.push_back(k == i % 6 ? 1.0 : 0.0);
    target.push_back(1 + i * 0.5);
  }
  const TaskTables tables{binary, scores, classes, proba, 6, target, {}};
  size_t checked = 0;
  for (const MetricDef& def : Registry().defs()) {
    for (const TaskKind task : def.tasks) {
      const MetricData data = tables.For(task);
      const auto value = Compute(def.name, data);
      ASSERT_TRUE(value.has_value()) << def.name << ": " << value.error().message();
      EXPECT_NEAR(*value, def.BestValue(), 1e-9) << def.name;
      ++checked;
    }
  }
  EXPECT_GE(checked, 25U);
}

TEST(MetricComputeTest, EveryValueLiesInTheDeclaredRange) {
  // Poor, random and inverted predictions push each metric towards its worst values.
  for (const uint64_t seed : {1U, 2U, 3U}) {
    std::vector<int32_t> binary;
    std::vector<double> scores;
    std::vector<int32_t> classes;
    std::vector<double> proba;
    std::vector<double> target;
    std::vector<double> value;
    uint64_t state = seed;
    const auto next = [&state] {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      return static_cast<double>(state >> 11U) / 9007199254740992.0;
    };
    for (int i = 0; i < 300; ++i) {
      binary.push_back(i % 3 == 0 ? 1 : 0);
      // Seed 3 inverts the scores: every positive below every negative.
      scores.push_back(seed == 3 ? 1.0 - binary.back() * 0.9 - next() * 0.05 : next());
      classes.push_back(i % 4);
      double sum = 0;
      std::vector<double> row;
      for (int k = 0; k < 4; ++k) row.push_back(next() + (k == (i + 1) % 4 ? 3 : 0));
      for (double v : row) sum += v;
      for (double v : row) proba.push_back(v / sum);
      target.push_back(next());
      value.push_back(seed == 3 ? 50 * next() : next());
    }
    for (const MetricDef& def : Registry().defs()) {
      for (const TaskKind task : def.tasks) {
        MetricData data;
        data.task = task;
        data.label = task == TaskKind::kBinary ? binary : classes;
        data.score = scores;
        data.proba = proba;
        data.classes = 4;
        data.target = target;
        data.value = value;
        const auto v = Compute(def.name, data);
        ASSERT_TRUE(v.has_value()) << def.name << ": " << v.error().message();
        EXPECT_GE(*v, def.min_value) << def.name << " seed " << seed;
        EXPECT_LE(*v, def.max_value) << def.name << " seed " << seed;
      }
    }
  }
}

// A metric names a score model exactly when its kernels give one, with the counts of the
// data: the trials of each proportion, ROC AUC's class counts.
TEST(MetricComputeTest, ScoreModelsCountTheirTrials) {
  // 10 examples, 4 positive; scores put 3 positives and 1 negative at or above 0.5.
  const std::vector<int32_t> label = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
  const std::vector<double> score = {0.9, 0.8, 0.7, 0.2, 0.6, 0.1, 0.1, 0.3, 0.4, 0.0};
  std::vector<int32_t> classes = {0, 1, 2, 0, 1, 2, 0};
  std::vector<double> proba;
  for (size_t i = 0; i < classes.size(); ++i) {
    for (int k = 0; k < 3; ++k) proba.push_back(k == 0 ? 0.5 : 0.25);
  }
  std::vector<double> target = {1, 2, 3};
  const std::map<std::string, double> trials = {
      {"accuracy", 10}, {"precision", 4}, {"recall", 4}, {"top_k_accuracy", 7}};
  const TaskTables tables{label, score, classes, proba, 3, target, {}};
  size_t with_model = 0;
  for (const MetricDef& def : Registry().defs()) {
    for (const TaskKind task : def.tasks) {
      const MetricData data = tables.For(task);
      auto spec = Registry().Parse(def.name, task);
      ASSERT_TRUE(spec.has_value()) << def.name;
      auto kernel = def.prepare(data, spec->params);
      ASSERT_TRUE(kernel.has_value()) << def.name << ": " << kernel.error().message();
      const std::optional<ScoreModel> model = (*kernel)->Score();
      ASSERT_EQ(model.has_value(), def.score_model.has_value()) << def.name;
      if (!model) continue;
      ++with_model;
      EXPECT_EQ(model->kind, *def.score_model) << def.name;
      if (model->kind == ScoreModel::Kind::kAuc) {
        EXPECT_EQ(model->positives, 4) << def.name;
        EXPECT_EQ(model->negatives, 6) << def.name;
      } else {
        const double expected =
            task == TaskKind::kMulticlass && def.name == "accuracy" ? 7.0 : trials.at(def.name);
        EXPECT_EQ(model->trials, expected) << def.name;
      }
    }
  }
  // accuracy (binary, multiclass), precision, recall, roc_auc, top_k_accuracy.
  EXPECT_EQ(with_model, 6U);
  // A constant score has an AUC of 0.5 on any sample: nothing for a score interval to show.
  const std::vector<double> constant(label.size(), 0.3);
  MetricData flat;
  flat.label = label;
  flat.score = constant;
  auto kernel = Registry().Find("roc_auc")->prepare(flat, {});
  ASSERT_TRUE(kernel.has_value());
  EXPECT_FALSE((*kernel)->Score().has_value());
}

TEST(MetricRegistryTest, RangesAndPairedTestsAreDeclared) {
  const MetricRegistry& r = Registry();
  EXPECT_TRUE(r.Find("roc_auc")->InUnitInterval());
  EXPECT_EQ(r.Find("roc_auc")->paired_test, PairedTest::kDeLong);
  EXPECT_EQ(r.Find("accuracy", TaskKind::kBinary)->paired_test, PairedTest::kMcNemar);
  EXPECT_EQ(r.Find("accuracy", TaskKind::kMulticlass)->paired_test, PairedTest::kMcNemar);
  EXPECT_EQ(r.Find("f1")->paired_test, PairedTest::kBootstrap);
  EXPECT_FALSE(r.Find("mcc")->InUnitInterval());
  EXPECT_EQ(r.Find("mcc")->min_value, -1);
  EXPECT_FALSE(r.Find("cohen_kappa")->InUnitInterval());
  EXPECT_FALSE(r.Find("r2")->InUnitInterval());
  EXPECT_EQ(r.Find("r2")->BestValue(), 1);
  for (const char* loss : {"mae", "rmse", "mape", "pinball"}) {
    EXPECT_FALSE(r.Find(loss)->InUnitInterval()) << loss;
    EXPECT_EQ(r.Find(loss)->BestValue(), 0) << loss;
  }
  EXPECT_FALSE(r.Find("log_loss", TaskKind::kBinary)->InUnitInterval());
  EXPECT_TRUE(r.Find("brier")->InUnitInterval());
  EXPECT_EQ(PairedTestName(PairedTest::kDeLong), "delong");
}

TEST(MetricComputeTest, UndefinedOnTheDataIsAClearError) {
  const BinaryInput ones{{1, 1, 1}, {0.2, 0.5, 0.9}};
  const auto auc = Compute("roc_auc", ones.Data());
  ASSERT_FALSE(auc.has_value());
  EXPECT_EQ(auc.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(auc.error().message(),
            "roc_auc needs both classes; every example here is of the positive class");
  const BinaryInput zeros{{0, 0}, {0.2, 0.5}};
  EXPECT_EQ(Compute("average_precision", zeros.Data()).error().message(),
            "average_precision needs at least one positive example; every example here is of the "
            "negative class");
  EXPECT_THAT(Compute("log_loss", BinaryInput{{0, 1}, {-0.5, 2}}.Data()).error().message(),
              HasSubstr("log_loss needs probabilities in [0, 1]"));
  EXPECT_THAT(Compute("roc_auc", BinaryInput{{0, 2}, {0.1, 0.2}}.Data()).error().message(),
              HasSubstr("label at row 1 is 2"));
  EXPECT_THAT(Compute("roc_auc", BinaryInput{{0, 1}, {0.1, NAN}}.Data()).error().message(),
              HasSubstr("score at row 1 is not a finite number"));
  EXPECT_THAT(Compute("roc_auc", BinaryInput{{0, 1}, {0.1}}.Data()).error().message(),
              HasSubstr("2 labels but 1 scores"));
  EXPECT_THAT(Compute("roc_auc", BinaryInput{}.Data()).error().message(), HasSubstr("empty"));
  EXPECT_THAT(Compute("fbeta{beta=0}", BinaryInput{{0, 1}, {0.1, 0.7}}.Data()).error().message(),
              HasSubstr("must be a number in (0, 100], got 0"));
}

TEST(MetricComputeTest, ChecksTaskAndParameters) {
  const BinaryInput input{{0, 1}, {0.1, 0.7}};
  MetricSpec spec{Registry().Find("mae"), {}};
  EXPECT_THAT(ComputeMetric(spec, input.Data()).error().message(),
              HasSubstr("'mae' is for regression, but the data is binary classification"));
  spec = {Registry().Find("ece"), {{"bins", 0}}};
  EXPECT_THAT(ComputeMetric(spec, input.Data()).error().message(), HasSubstr("[1, 1000]"));
  spec = {Registry().Find("roc_auc"), {}};
  EXPECT_EQ(*ComputeMetric(spec, input.Data()), 1.0);
  EXPECT_FALSE(ComputeMetric(MetricSpec{}, input.Data()).has_value());
}

// The tie rule of precision_at_k, by hand: scores 0.9 (pos), 0.5 x4 (2 pos), 0.1 (pos).
TEST(MetricComputeTest, PrecisionAtKSharesTiedPlaces) {
  const BinaryInput input{{1, 1, 0, 1, 0, 1}, {0.9, 0.5, 0.5, 0.5, 0.5, 0.1}};
  EXPECT_DOUBLE_EQ(*Compute("precision_at_k{k=1}", input.Data()), 1.0);
  // Top 3: the 0.9 positive plus 2 of 4 tied places, each tied example counting 1/2.
  EXPECT_DOUBLE_EQ(*Compute("precision_at_k{k=3}", input.Data()), (1 + 2 * 0.5) / 3);
  EXPECT_DOUBLE_EQ(*Compute("precision_at_k{k=5}", input.Data()), 3.0 / 5);
  EXPECT_DOUBLE_EQ(*Compute("precision_at_k{k=6}", input.Data()), 4.0 / 6);
  EXPECT_DOUBLE_EQ(*Compute("precision_at_k{k=100}", input.Data()), 4.0 / 6);
}

// sklearn's top_k_accuracy_score ranks tied classes by descending index; argmax (accuracy)
// takes the lowest index.
TEST(MetricComputeTest, MulticlassTieRules) {
  const std::vector<int32_t> label = {0, 2};
  const std::vector<double> proba = {0.4, 0.2, 0.4, 0.4, 0.2, 0.4};
  MetricData data;
  data.task = TaskKind::kMulticlass;
  data.label = label;
  data.proba = proba;
  data.classes = 3;
  EXPECT_DOUBLE_EQ(*Compute("accuracy", data), 0.5);
  EXPECT_DOUBLE_EQ(*Compute("top_k_accuracy{k=1}", data), 0.5);
  EXPECT_DOUBLE_EQ(*Compute("top_k_accuracy{k=2}", data), 1.0);
  const std::vector<int32_t> all_zero = {0, 0};
  data.label = all_zero;
  EXPECT_DOUBLE_EQ(*Compute("accuracy", data), 1.0);
  EXPECT_DOUBLE_EQ(*Compute("top_k_accuracy{k=1}", data), 0.0);
  EXPECT_THAT(Compute("cohen_kappa", data).error().message(),
              HasSubstr("cohen_kappa is undefined when every label and every prediction"));
}

TEST(MetricComputeTest, UndefinedUnderAResampleIsNaN) {
  const BinaryInput input{{0, 1, 0, 1}, {0.1, 0.7, 0.3, 0.9}};
  const auto spec = Registry().Parse("roc_auc", TaskKind::kBinary);
  auto kernel = spec->def->prepare(input.Data(), spec->params);
  ASSERT_TRUE(kernel.has_value());
  EXPECT_EQ((*kernel)->Evaluate(Resample::All()), 1.0);
  // Leaving out every odd id leaves only negatives.
  EXPECT_TRUE(std::isnan((*kernel)->Evaluate(Resample::LeaveGroupOut(1, 2))));
}

}  // namespace
}  // namespace foresight::stats

namespace foresight::stats {
namespace {

// Every kernel that offers leave-one-out values agrees with evaluating it with that example
// left out (Resample::LeaveGroupOut with one group per example), on data with ties, and
// says NaN where the metric is undefined without the example (a lone positive).
TEST(MetricLeaveOneOutTest, AgreesWithLeavingEachExampleOut) {
  for (const size_t positives : {1, 37}) {
    const size_t n = 120;
    std::vector<int32_t> label(n, 0);
    std::vector<double> score(n);
    std::vector<double> target(n);
    std::vector<double> value(n);
    for (size_t i = 0; i < n; ++i) {
      if (i * positives / n != (i + 1) * positives / n) label[i] = 1;
      score[i] = static_cast<double>((i * 37) % 11) / 10.0;  // 11 values: many ties
      target[i] = static_cast<double>(i % 7);
      value[i] = static_cast<double>((i * 5) % 9) / 2.0;
    }
    MetricData binary;
    binary.task = TaskKind::kBinary;
    binary.label = label;
    binary.score = score;
    MetricData regression;
    regression.task = TaskKind::kRegression;
    regression.target = target;
    regression.value = value;
    size_t offered = 0;
    for (const MetricDef& def : BuiltinMetrics().defs()) {
      const bool is_binary = def.tasks.front() == TaskKind::kBinary;
      if (!is_binary && def.tasks.front() != TaskKind::kRegression) continue;
      const auto spec = BuiltinMetrics().Parse(def.name, def.tasks.front());
      ASSERT_TRUE(spec.has_value()) << def.name;
      const auto kernel = def.prepare(is_binary ? binary : regression, spec->params);
      if (!kernel) continue;
      const auto loo = (*kernel)->LeaveOneOut();
      if (!loo) continue;
      ++offered;
      ASSERT_EQ(loo->size(), n) << def.name;
      for (size_t i = 0; i < n; ++i) {
        const double expected = (*kernel)->Evaluate(Resample::LeaveGroupOut(i, n));
        if (std::isnan(expected)) {
          EXPECT_TRUE(std::isnan((*loo)[i])) << def.name << " without " << i;
        } else {
          EXPECT_NEAR((*loo)[i], expected, 1e-12 * std::max(1.0, std::abs(expected)))
              << def.name << " without " << i;
        }
      }
    }
    EXPECT_GE(offered, 5U);  // roc_auc, log_loss, brier, mae, rmse at least
  }
}

}  // namespace
}  // namespace foresight::stats
