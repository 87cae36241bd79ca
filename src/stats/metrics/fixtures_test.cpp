// Every built-in metric against scikit-learn 1.2.1 on the inputs of
// tests/fixtures/metrics/metrics_fixtures.json (made by make_fixtures.py beside it).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stats/metric.hpp"
#include "stats/metrics/confusion.hpp"

namespace foresight::stats {
namespace {

using nlohmann::json;

const json& Fixtures() {
  static const json fixtures = [] {
    std::ifstream in(std::string(FORESIGHT_SOURCE_DIR) +
                     "/tests/fixtures/metrics/metrics_fixtures.json");
    return json::parse(in);
  }();
  return fixtures;
}

// Relative 1e-9, absolute 1e-12 near zero.
void ExpectClose(double actual, double expected, const std::string& where) {
  const double tolerance = std::max(1e-12, 1e-9 * std::fabs(expected));
  EXPECT_NEAR(actual, expected, tolerance) << where;
}

// A case's inputs, owning the arrays the MetricData spans point into.
struct Case {
  std::string name;
  std::vector<int32_t> label;
  std::vector<double> score, proba, target, value;
  MetricData data;
  std::vector<uint8_t> weights;  // counts per example, for weighted cases
  bool weighted = false;

  Resample MakeResample() const {
    return weighted ? Resample::FromCounts(weights) : Resample::All();
  }
};

Case LoadCase(const json& j, TaskKind task) {
  Case c;
  c.name = j.at("name").get<std::string>();
  c.data.task = task;
  switch (task) {
    case TaskKind::kBinary:
      c.label = j.at("label").get<std::vector<int32_t>>();
      c.score = j.at("score").get<std::vector<double>>();
      c.data.label = c.label;
      c.data.score = c.score;
      break;
    case TaskKind::kMulticlass:
      c.label = j.at("label").get<std::vector<int32_t>>();
      c.proba = j.at("proba").get<std::vector<double>>();
      c.data.label = c.label;
      c.data.proba = c.proba;
      c.data.classes = j.at("classes").get<size_t>();
      break;
    case TaskKind::kRegression:
      c.target = j.at("target").get<std::vector<double>>();
      c.value = j.at("value").get<std::vector<double>>();
      c.data.target = c.target;
      c.data.value = c.value;
      break;
  }
  if (j.contains("weight")) {
    c.weights = j.at("weight").get<std::vector<uint8_t>>();
    c.weighted = true;
  }
  return c;
}

// Checks every expected value of every case of one task; adds the metric names to `seen`.
void CheckTask(const char* key, TaskKind task, std::set<std::string>& seen) {
  const json& cases = Fixtures().at(key);
  EXPECT_FALSE(cases.empty());
  for (const json& j : cases) {
    const Case c = LoadCase(j, task);
    for (const auto& [text, expected] : j.at("expected").items()) {
      const std::string where = c.name + ": " + text;
      const auto spec = BuiltinMetrics().Parse(text, task);
      ASSERT_TRUE(spec.has_value()) << where << ": " << spec.error().message();
      seen.insert(spec->def->name);
      double actual = NAN;
      if (!c.weighted) {
        const auto result = ComputeMetric(*spec, c.data);
        if (expected.is_null()) {
          ASSERT_FALSE(result.has_value()) << where << " = " << *result;
          EXPECT_EQ(result.error().code(), ErrorCode::kInvalidArgument);
          continue;
        }
        ASSERT_TRUE(result.has_value()) << where << ": " << result.error().message();
        actual = *result;
      } else {
        auto kernel = spec->def->prepare(c.data, spec->params);
        ASSERT_TRUE(kernel.has_value()) << where << ": " << kernel.error().message();
        actual = (*kernel)->Evaluate(c.MakeResample());
        if (expected.is_null()) {
          EXPECT_TRUE(std::isnan(actual)) << where << " = " << actual;
          continue;
        }
      }
      ExpectClose(actual, expected.get<double>(), where);
    }
  }
}

std::set<std::string> RegisteredNames(TaskKind task) {
  std::set<std::string> names;
  for (const MetricDef& def : BuiltinMetrics().defs()) {
    if (std::find(def.tasks.begin(), def.tasks.end(), task) != def.tasks.end()) {
      names.insert(def.name);
    }
  }
  return names;
}

TEST(MetricFixtureTest, BinaryMatchesScikitLearn) {
  std::set<std::string> seen;
  CheckTask("binary", TaskKind::kBinary, seen);
  EXPECT_EQ(seen, RegisteredNames(TaskKind::kBinary));
}

TEST(MetricFixtureTest, MulticlassMatchesScikitLearn) {
  std::set<std::string> seen;
  CheckTask("multiclass", TaskKind::kMulticlass, seen);
  EXPECT_EQ(seen, RegisteredNames(TaskKind::kMulticlass));
}

TEST(MetricFixtureTest, RegressionMatchesScikitLearn) {
  std::set<std::string> seen;
  CheckTask("regression", TaskKind::kRegression, seen);
  EXPECT_EQ(seen, RegisteredNames(TaskKind::kRegression));
}

TEST(MetricFixtureTest, ConfusionMatrixMatchesScikitLearn) {
  for (const json& j : Fixtures().at("multiclass")) {
    const Case c = LoadCase(j, TaskKind::kMulticlass);
    const auto expected = j.at("confusion").get<std::vector<std::vector<uint64_t>>>();
    const auto actual = ConfusionMatrix(c.data, c.MakeResample());
    ASSERT_TRUE(actual.has_value()) << actual.error().message();
    ASSERT_EQ(actual->classes, expected.size());
    for (size_t t = 0; t < expected.size(); ++t) {
      for (size_t p = 0; p < expected.size(); ++p) {
        EXPECT_EQ(actual->at(t, p), expected[t][p]) << c.name << " [" << t << "][" << p << "]";
      }
    }
  }
}

}  // namespace
}  // namespace foresight::stats
