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

}  // namespace
}  // namespace foresight::rules
