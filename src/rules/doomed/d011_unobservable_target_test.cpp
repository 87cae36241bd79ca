#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D011Test, FiresWhenDeclaredNotObservable) {
  const auto run = RunRule("D011", R"(
task:
  type: regression
  target: health need of the patient
  target_observable: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:22");
  EXPECT_EQ(run.Text(0), "false");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"task.target_observable"});
  EXPECT_NE(run.diagnostics[0].message.find("'health need of the patient'"), std::string::npos);
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(D011Test, FiresOnAPersonalQualityInTheTarget) {
  const auto run = RunRule("D011", R"(
task:
  type: binary
  target: cultural fit of the candidate
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:11");
  EXPECT_EQ(run.Text(0), "cultural fit");
  EXPECT_EQ(run.diagnostics[0].words, std::vector<std::string>{"cultural fit"});
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"task.target"});
}

TEST(D011Test, SilentForAnObservedOutcome) {
  const auto run = RunRule("D011", R"(
summary: find honest mistakes in invoices
task:
  type: binary
  target: customer churns within 90 days, with potential churners contacted
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D011Test, SilentWhenDeclaredObservable) {
  const auto run = RunRule("D011", R"(
task:
  target: purchase intent, recorded as an add-to-cart within the session
  target_observable: true
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D011Test, SilentWhileObservableIsPlaceholder) {
  const auto run = RunRule("D011", R"(
task:
  target: loyalty of the customer
  target_observable: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D011Test, MessageReadsWellWithoutATargetText) {
  const auto run = RunRule("D011", R"(
task:
  target: TODO
  target_observable: false
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].message.rfind("the target is declared not directly observable", 0),
            0u);
}

}  // namespace
}  // namespace foresight::rules
