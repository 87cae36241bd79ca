#include <gtest/gtest.h>

#include "rules/testing.hpp"

namespace foresight::rules {
namespace {

using testing::RunRule;

TEST(D013Test, FiresOnUnknownLegalBasis) {
  const auto run = RunRule("D013", R"(
data:
  sources:
    - name: customer profiles
      personal_data: true
      legal_basis: unknown
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:20");
  EXPECT_EQ(run.Text(0), "unknown");
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"data.sources[0].legal_basis",
                                                                 "data.sources[0].personal_data"}));
  EXPECT_EQ(run.diagnostics[0].message,
            "data source 'customer profiles' holds personal data, but its legal basis is "
            "'unknown': processing it needs one of the six bases of GDPR Article 6");
  EXPECT_EQ(run.diagnostics[0].severity, Severity::kError);
}

TEST(D013Test, FiresAtPersonalDataWhenLegalBasisIsMissing) {
  const auto run = RunRule("D013", R"(
data:
  sources:
    - name: product catalogue
      personal_data: false
    - name: support tickets
      personal_data: true
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "7:22");
  EXPECT_EQ(run.Text(0), "true");
  EXPECT_EQ(run.diagnostics[0].fields, (std::vector<std::string>{"data.sources[1].personal_data",
                                                                 "data.sources[1].legal_basis"}));
}

TEST(D013Test, FiresOnPersonalInputsWithoutAnySourceDeclaringThem) {
  const auto run = RunRule("D013", R"(
inputs:
  - name: purchase history
    kind: tabular
  - name: selfie
    kind: face
data:
  sources:
    - name: app uploads
)");
  ASSERT_TRUE(run.problems.empty());
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.Position(0), "6:11");
  EXPECT_EQ(run.Text(0), "face");
  EXPECT_EQ(run.diagnostics[0].fields,
            (std::vector<std::string>{"inputs[1].kind", "data.sources"}));
  EXPECT_NE(run.diagnostics[0].message.find("input 'selfie' is face"), std::string::npos);
  ASSERT_EQ(run.diagnostics[0].help.size(), 2u);
  EXPECT_NE(run.diagnostics[0].help[0].find("Art. 9"), std::string::npos);
}

TEST(D013Test, SilentWithALegalBasis) {
  const auto run = RunRule("D013", R"(
inputs:
  - name: account history
    kind: personal-data
data:
  sources:
    - name: accounts
      personal_data: true
      legal_basis: contract
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D013Test, SilentForNonPersonalData) {
  const auto run = RunRule("D013", R"(
inputs:
  - name: sensor readings
    kind: time-series
data:
  sources:
    - name: turbine telemetry
      personal_data: false
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D013Test, SilentWhilePlaceholders) {
  const auto run = RunRule("D013", R"(
inputs:
  - name: account history
    kind: personal-data
data:
  sources:
    - name: accounts
      personal_data: true
      legal_basis: TODO
    - name: web sessions
      personal_data: TODO
)");
  ASSERT_TRUE(run.problems.empty());
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(D013Test, SilentWhileTheSourcesArePlaceholders) {
  // The data section, its sources, or one source still TODO may yet declare the personal data.
  for (const char* data :
       {"data: TODO\n", "data:\n  sources: TODO\n", "data:\n  sources:\n    - TODO\n"}) {
    const auto run = RunRule("D013", std::string(R"(
inputs:
  - name: account history
    kind: personal-data
)") + data);
    ASSERT_TRUE(run.problems.empty()) << data;
    EXPECT_TRUE(run.diagnostics.empty()) << data;
  }
}

}  // namespace
}  // namespace foresight::rules
