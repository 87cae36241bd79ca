#include "rules/rule_helpers.hpp"

#include <gtest/gtest.h>

namespace foresight::rules {
namespace {

TEST(UnderPlaceholderTest, MatchesThePathAndWhatItEncloses) {
  core::Charter c;
  c.placeholders.emplace_back("success", Span{0, 4});
  c.placeholders.emplace_back("plan.methods", Span{5, 9});
  EXPECT_TRUE(UnderPlaceholder(c, "success"));
  EXPECT_TRUE(UnderPlaceholder(c, "success.kpi.name"));
  EXPECT_TRUE(UnderPlaceholder(c, "plan.methods"));
  EXPECT_TRUE(UnderPlaceholder(c, "plan.methods[0].name"));
  EXPECT_FALSE(UnderPlaceholder(c, "plan"));
  EXPECT_FALSE(UnderPlaceholder(c, "successor"));
  EXPECT_FALSE(UnderPlaceholder(c, "monitoring"));
}

TEST(UnderPlaceholderTest, AListWithATodoItemIsUnfinished) {
  core::Charter c;
  c.placeholders.emplace_back("inputs[1]", Span{0, 4});
  c.placeholders.emplace_back("team[0].role", Span{5, 9});
  EXPECT_TRUE(UnderPlaceholder(c, "inputs"));
  EXPECT_TRUE(UnderPlaceholder(c, "inputs[1].kind"));
  EXPECT_FALSE(UnderPlaceholder(c, "inputs[0].kind"));
  EXPECT_FALSE(UnderPlaceholder(c, "team"));  // a TODO field inside an item is not a TODO item
}

}  // namespace
}  // namespace foresight::rules
