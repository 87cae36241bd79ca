#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D008Test, FiresOnRequestedAccess) {
  const auto run = RunRule("D008", R"(
data:
  sources:
    - name: claims history
      owner: Claims department
      access: requested
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:15");
  EXPECT_EQ(run.Text(0), "requested");
  EXPECT_EQ(run.diagnostics[0].message,
            "data source 'claims history' (owner: Claims department) is required, but access is "
            "only requested");
  EXPECT_EQ(run.diagnostics[0].fields, std::vector<std::string>{"data.sources[0].access"});
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D008Test, FiresOnDeniedAndOnMissingAccess) {
  const auto run = RunRule("D008", R"(
data:
  sources:
    - name: web logs
      access: granted
    - name: partner sales
      access: denied
      required: true
    - name: CRM export
      rows: 120000
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 2u);
  EXPECT_EQ(run.Position(0), "7:15");
  EXPECT_EQ(run.Text(0), "denied");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"data.sources[1].access", "data.sources[1].required"}));
  EXPECT_NE(run.diagnostics[0].message.find("was denied"), std::string::npos);
  EXPECT_EQ(run.Position(1), "9:7");
  EXPECT_NE(run.diagnostics[1].message.find("'CRM export'"), std::string::npos);
  EXPECT_NE(run.diagnostics[1].message.find("access is not stated"), std::string::npos);
}

TEST(D008Test, SilentWhenGrantedOrOptional) {
  const auto run = RunRule("D008", R"(
data:
  sources:
    - name: transactions
      access: granted
    - name: weather feed
      access: negotiating
      required: false
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D008Test, SilentWhileAccessIsPlaceholder) {
  const auto run = RunRule("D008", R"(
data:
  sources:
    - name: transactions
      access: TODO
    - name: call notes
      access: unknown
      required: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

}  // namespace
}  // namespace foresight::rules

namespace foresight::rules {
namespace {

TEST(D008Test, SilentForATodoSourceAndKeepsTheNextSourcesIndex) {
  const auto run = testing::RunRule("D008", R"(
data:
  sources:
    - TODO
    - name: crm
      access: denied
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].fields.at(0), "data.sources[1].access");
  EXPECT_EQ(run.Position(0), "6:15");
}

}  // namespace
}  // namespace foresight::rules
