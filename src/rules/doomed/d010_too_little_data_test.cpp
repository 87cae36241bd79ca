#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D010Test, FiresOnFewExamplesPerClass) {
  const auto run = RunRule("D010", R"(
task:
  type: binary
  target: machine fails within 7 days
labels:
  source: existing
  examples_per_class: 18
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "7:23");
  EXPECT_EQ(run.Text(0), "18");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"labels.examples_per_class", "task.type"}));
  EXPECT_NE(run.diagnostics[0].message.find("only 18 labelled examples"), std::string::npos);
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(D010Test, FiresOnFewRowsPerFeature) {
  const auto run = RunRule("D010", R"(
task:
  type: regression
  target: yield per hectare
data:
  sources:
    - name: field trials
      rows: 600
  features: 120
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "8:13");
  EXPECT_EQ(run.Text(0), "600");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"data.sources[0].rows", "data.features"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "600 rows for 120 features is 5 rows per feature: with fewer than 10, a model fits "
            "noise in the features instead of the signal");
}

TEST(D010Test, FiresAtTheSourcesWhenSeveralAddUp) {
  const auto run = RunRule("D010", R"(
data:
  sources:
    - name: plant A
      rows: 200
    - name: plant B
      rows: 250
  features: 80
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:3");
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"data.sources", "data.features"}));
}

TEST(D010Test, SilentForFineGrainedTasksAndAmpleData) {
  // Fine-grained counts are D009's business; 20000 rows for 40 features is plenty.
  const auto run = RunRule("D010", R"(
task:
  type: multiclass
  granularity: fine-grained
labels:
  examples_per_class: 20
data:
  sources:
    - name: transactions
      rows: 20000
  features: 40
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D010Test, SilentForRegressionWithExamplesPerClass) {
  const auto run = RunRule("D010", R"(
task:
  type: regression
labels:
  examples_per_class: 10
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D010Test, SilentWhilePlaceholders) {
  const auto run = RunRule("D010", R"(
task:
  type: binary
  granularity: TODO
labels:
  examples_per_class: 12
data:
  sources:
    - name: logs
      rows: TODO
  features: 300
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D010Test, SilentWhileASourceIsPlaceholder) {
  // The TODO source is left out of the list: 200 rows would be only part of the data.
  const auto run = RunRule("D010", R"(
task:
  type: regression
data:
  sources:
    - name: sensor log
      rows: 200
    - TODO
  features: 40
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
