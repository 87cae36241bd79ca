#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D006Test, FiresOnDarkPatternsForVulnerableUsers) {
  const auto run = RunRule("D006", R"(
summary: choose the checkout dark patterns that keep indebted gamblers depositing
task:
  type: ranking
  target: deposit after the nudge
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:30");
  EXPECT_EQ(run.Text(0), "dark patterns");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"dark patterns"});
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"summary"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D006Test, FiresOnDeclaredManipulation) {
  const auto run = RunRule("D006", R"(
task:
  target: whether the user buys after the message
  target_kind: manipulation
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:16");
  EXPECT_EQ(run.Text(0), "manipulation");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"task.target_kind"});
}

TEST(D006Test, SilentForPreventingManipulationOfUsers) {
  const auto run = RunRule("D006", R"(
task:
  type: binary
  target: scam message trying to manipulate the recipient, to flag it
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForAnOrdinaryRecommender) {
  const auto run = RunRule("D006", R"(
summary: recommend products customers are likely to buy next
task:
  type: ranking
  target: click on a recommended product
  target_kind: outcome
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForDetectingMarketManipulation) {
  const auto run = RunRule("D006", R"(
summary: detect market manipulation in order flow
task:
  type: binary
  target: market manipulation case confirmed by compliance
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentForRobotManipulation) {
  const auto run = RunRule("D006", R"(
task:
  type: binary
  target: successful robot grasp and manipulation of the part
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D006Test, SilentWhileTargetKindIsPlaceholder) {
  const auto run = RunRule("D006", R"(
task:
  target: conversion after the message
  target_kind: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
