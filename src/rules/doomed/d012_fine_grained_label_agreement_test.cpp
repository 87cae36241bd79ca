#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D012Test, FiresOnLowAgreement) {
  const auto run = RunRule("D012", R"(
task:
  type: multiclass
  target: defect type on the weld
  granularity: fine-grained
labels:
  source: manual
  agreement: 0.45
  agreement_measure: Cohen's kappa
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "8:14");
  EXPECT_EQ(run.Text(0), "0.45");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"labels.agreement", "task.granularity"}));
  EXPECT_NE(run.diagnostics[0].message.find("agree at 0.45 (Cohen's kappa) on a fine-grained"),
            std::string::npos);
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(D012Test, FiresAtLabelsWhenAgreementIsUnknown) {
  const auto run = RunRule("D012", R"(
task:
  granularity: instance
labels:
  source: crowd
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:1");
  EXPECT_EQ(run.Text(0), "labels");
  EXPECT_EQ(run.diagnostics[0].message,
            "an instance-level task without a measured label agreement: if annotators cannot "
            "tell the classes apart consistently, neither can a model");
}

TEST(D012Test, FiresAtGranularityWithoutLabelsSection) {
  const auto run = RunRule("D012", R"(
task:
  granularity: fine-grained
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "3:16");
  EXPECT_EQ(run.Text(0), "fine-grained");
}

TEST(D012Test, SilentForGoodAgreementOrCoarseTasks) {
  const auto good = RunRule("D012", R"(
task:
  granularity: fine-grained
labels:
  agreement: 0.78
)");
  ASSERT_TRUE(good.problems.empty());
  EXPECT_TRUE(good.diagnostics.empty());
  const auto coarse = RunRule("D012", R"(
task:
  type: binary
  granularity: coarse
labels:
  source: existing
)");
  ASSERT_TRUE(coarse.problems.empty());
  EXPECT_TRUE(coarse.diagnostics.empty());
}

TEST(D012Test, SilentWhilePlaceholders) {
  const auto run = RunRule("D012", R"(
task:
  granularity: fine-grained
labels:
  agreement: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
  const auto pending = RunRule("D012", R"(
task:
  granularity: TODO
)");
  EXPECT_TRUE(pending.diagnostics.empty());
}

TEST(D012Test, SilentWhileTheLabelsSectionIsPlaceholder) {
  const auto run = RunRule("D012", R"(
task:
  granularity: fine-grained
labels: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
