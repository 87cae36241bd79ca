#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D009Test, FiresOnFewExamplesPerClass) {
  const auto run = RunRule("D009", R"(
task:
  type: multiclass
  target: bird species in the photo
  granularity: fine-grained
  classes: 400
labels:
  source: manual
  examples_per_class: 12
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "9:23");
  EXPECT_EQ(run.Text(0), "12");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"labels.examples_per_class", "task.granularity"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "a fine-grained task with only 12 labelled examples in its smallest class: "
            "fine-grained models need at least 50 per class to tell similar classes apart");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D009Test, FiresOnRowsPerClassEstimate) {
  const auto run = RunRule("D009", R"(
task:
  type: multiclass
  target: part number of the spare part in the photo
  granularity: instance
  classes: 3000
data:
  sources:
    - name: catalogue photos
      rows: 45000
    - name: field photos
      rows: 15000
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:16");
  EXPECT_EQ(run.Text(0), "instance");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"task.granularity", "task.classes", "data.sources"}));
  EXPECT_NE(run.diagnostics[0].message.find("3000 classes and 60000 rows in all: about 20 "
                                            "examples per class"),
            std::string::npos);
}

TEST(D009Test, SilentForACoarseTaskWithFewExamples) {
  const auto run = RunRule("D009", R"(
task:
  type: binary
  granularity: coarse
labels:
  examples_per_class: 40
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D009Test, SilentForAWellStockedFineGrainedTask) {
  const auto run = RunRule("D009", R"(
task:
  type: multiclass
  granularity: fine-grained
  classes: 200
labels:
  examples_per_class: 150
data:
  sources:
    - name: herbarium scans
      rows: 60000
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D009Test, SilentWhileCountsArePlaceholders) {
  const auto run = RunRule("D009", R"(
task:
  granularity: fine-grained
  classes: 300
labels:
  examples_per_class: TODO
data:
  sources:
    - name: photos
      rows: 2000
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D009Test, SilentWhenASourceLeavesRowsOut) {
  const auto run = RunRule("D009", R"(
task:
  granularity: fine-grained
  classes: 300
data:
  sources:
    - name: photos
      rows: 2000
    - name: partner archive
      rows: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D009Test, SilentWhileLabelsOrASourceArePlaceholders) {
  // The labels section still TODO: the count per class is not answered yet.
  const auto labels = RunRule("D009", R"(
task:
  granularity: fine-grained
  classes: 300
labels: TODO
data:
  sources:
    - name: photos
      rows: 2000
)");
  ASSERT_TRUE(labels.problems.empty());
  EXPECT_TRUE(labels.diagnostics.empty());
  // A source still TODO: the rows of the others are only part of the data.
  const auto source = RunRule("D009", R"(
task:
  granularity: fine-grained
  classes: 300
data:
  sources:
    - TODO
    - name: photos
      rows: 2000
)");
  ASSERT_TRUE(source.problems.empty());
  EXPECT_TRUE(source.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
