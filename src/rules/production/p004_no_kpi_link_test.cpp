#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(P004Test, FiresAtTheSuccessSectionWithoutAKpi) {
  const auto run = RunRule("P004", R"(
success:
  metric: recall
  threshold: 0.8
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "2:1");
  EXPECT_EQ(run.Text(0), "success");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.kpi"});
  EXPECT_EQ(run.diagnostics[0].message,
            "no business KPI is named: nothing says how improving recall pays off for the "
            "business");
}

TEST(P004Test, FiresAtTheKpiWithoutALink) {
  const auto run = RunRule("P004", R"(
success:
  metric: recall
  kpi:
    name: monthly churn
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "4:3");
  EXPECT_EQ(run.Text(0), "kpi");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"success.kpi.link"});
  EXPECT_EQ(run.diagnostics[0].message,
            "the KPI monthly churn has no link: nothing says how improving recall moves it");
}

TEST(P004Test, SilentWithANamedAndLinkedKpi) {
  const auto run = RunRule("P004", R"(
success:
  metric: recall
  threshold: 0.8
  kpi:
    name: monthly churn
    link: each churner caught is offered a retention deal; 30% accept
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(P004Test, SilentOnPlaceholders) {
  EXPECT_TRUE(RunRule("P004", "\nsuccess:\n  kpi: TODO\n").diagnostics.empty());
  EXPECT_TRUE(RunRule("P004", "\nsuccess: TODO\n").diagnostics.empty());
  EXPECT_TRUE(
      RunRule("P004", "\nsuccess:\n  kpi:\n    name: churn\n    link: TODO\n").diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
