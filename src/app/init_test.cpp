#include "app/init.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/check.hpp"
#include "charter/parse.hpp"
#include "rules/engine.hpp"
#include "rules/registry.hpp"

namespace foresight::app {
namespace {

class InitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("foresight-init-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(InitTest, TemplateHasOnlyFillThisInFindings) {
  const SourceFile file("foresight.yaml", std::string(CharterTemplate()));
  diag::DiagnosticSink sink;
  const core::Charter charter = charter::ParseCharter(file, sink);
  ASSERT_TRUE(sink.empty()) << sink.diagnostics()[0].message;
  const auto diagnostics = rules::RunRules(rules::BuiltinRules(), rules::RuleInput{charter, file});
  ASSERT_FALSE(diagnostics.empty());
  for (const diag::Diagnostic& d : diagnostics) {
    EXPECT_EQ(d.code, "M001") << d.message;
    EXPECT_NE(d.severity, Severity::kError);
  }
  EXPECT_EQ(diagnostics.size(), charter.placeholders.size());
}

TEST_F(InitTest, WritesTheTemplateAndCheckPassesOnIt) {
  Result<InitOutcome> done = RunInit(InitOptions{.directory = dir_.string()});
  ASSERT_TRUE(done) << done.error().message();
  EXPECT_TRUE(done->charter_written);
  EXPECT_TRUE(std::filesystem::exists(dir_ / ".foresight" / "foresight.db"));
  std::ifstream in(done->charter);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), CharterTemplate());
  Result<core::CheckResult> result = CheckCharterFile(dir_.string());
  ASSERT_TRUE(result);
  EXPECT_TRUE(result->readable);
  EXPECT_FALSE(result->HasFindingAtOrAbove(Severity::kError));
  EXPECT_TRUE(result->HasFindingAtOrAbove(Severity::kWarning));
}

TEST_F(InitTest, KeepsAnExistingCharterUnlessForced) {
  ASSERT_TRUE(RunInit(InitOptions{.directory = dir_.string()}));
  const auto charter = dir_ / "foresight.yaml";
  std::ofstream(charter) << "version: 1\n";
  const auto again = RunInit(InitOptions{.directory = dir_.string()});
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->charter_written);
  std::ifstream kept(charter);
  std::stringstream text;
  text << kept.rdbuf();
  EXPECT_EQ(text.str(), "version: 1\n");
  const auto forced = RunInit(InitOptions{.directory = dir_.string(), .force = true});
  ASSERT_TRUE(forced);
  EXPECT_TRUE(forced->charter_written);
}

TEST_F(InitTest, CheckWithoutCharterIsNotFound) {
  std::filesystem::create_directories(dir_);
  const auto outcome = CheckCharterFile(dir_.string());
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ExitCodeFor(outcome.error().code()), 2);
}

}  // namespace
}  // namespace foresight::app
