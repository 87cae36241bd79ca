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
  Result<std::string> path = RunInit(InitOptions{.directory = dir_.string()});
  ASSERT_TRUE(path) << path.error().message();
  std::ifstream in(*path);
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_EQ(content.str(), CharterTemplate());
  Result<CheckOutcome> outcome = RunCheck(CheckOptions{.path = dir_.string()});
  ASSERT_TRUE(outcome);
  EXPECT_EQ(outcome->exit_code, 0);
  Result<CheckOutcome> strict =
      RunCheck(CheckOptions{.path = dir_.string(), .fail_on = Severity::kWarning});
  ASSERT_TRUE(strict);
  EXPECT_EQ(strict->exit_code, 1);
}

TEST_F(InitTest, RefusesToOverwriteUnlessForced) {
  ASSERT_TRUE(RunInit(InitOptions{.directory = dir_.string()}));
  const auto again = RunInit(InitOptions{.directory = dir_.string()});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kAlreadyExists);
  EXPECT_TRUE(RunInit(InitOptions{.directory = dir_.string(), .force = true}));
}

TEST_F(InitTest, CheckWithoutCharterIsNotFound) {
  std::filesystem::create_directories(dir_);
  const auto outcome = RunCheck(CheckOptions{.path = dir_.string()});
  ASSERT_FALSE(outcome);
  EXPECT_EQ(outcome.error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ExitCodeFor(outcome.error().code()), 2);
}

}  // namespace
}  // namespace foresight::app
