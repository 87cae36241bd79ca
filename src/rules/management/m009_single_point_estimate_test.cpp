#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(M009Test, FiresOnSingleEstimate) {
  const auto run = RunRule("M009", R"(
plan:
  methods:
    - name: fine-tune BERT
      effort:
        likely: 4
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "5:7");
  EXPECT_EQ(run.Text(0), "effort");
  EXPECT_EQ(run.diagnostics[0].message,
            "method 'fine-tune BERT' has a single estimate (4 person-weeks) but no optimistic or "
            "pessimistic one");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"plan.methods[0].effort.optimistic",
                                      "plan.methods[0].effort.pessimistic"}));
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kWarning);
}

TEST(M009Test, FiresAtNameWhenThereIsNoEffort) {
  const auto run = RunRule("M009", R"(
plan:
  methods:
    - name: gradient boosting
      effort: {optimistic: 1, likely: 2, pessimistic: 4}
    - name: graph features
      hypothesis: fraud rings share devices
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:13");
  EXPECT_EQ(run.Text(0), "graph features");
  EXPECT_EQ(run.diagnostics[0].message, "method 'graph features' has no effort estimate");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"plan.methods[1].effort"});
}

TEST(M009Test, SilentOnThreePointEstimatesFinishedWorkAndTodos) {
  const auto run = RunRule("M009", R"(
plan:
  methods:
    - name: gradient boosting
      effort: {optimistic: 1, likely: 2, pessimistic: 4}
    - name: rules baseline
      status: done
      effort: {likely: 1}
    - name: fine-tune BERT
      effort:
        optimistic: TODO
        likely: 4
        pessimistic: TODO
    - name: graph features
      effort: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules
