#include "app/accounts.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/store.hpp"

namespace foresight::app {
namespace {

namespace fs = std::filesystem;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-accounts-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    url_ = "sqlite:" + (dir_ / "foresight.db").string();
    auto store = store::OpenStore(url_);
    ASSERT_TRUE(store) << store.error().message();
    store_ = std::move(*store);
    auto accounts = store::OpenAccounts(url_);
    ASSERT_TRUE(accounts) << accounts.error().message();
    accounts_ = std::move(*accounts);
  }
  void TearDown() override {
    accounts_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }

  fs::path dir_;
  std::string url_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::Accounts> accounts_;
  FakeClock clock_{"2026-12-03T10:00:00Z"};
};

TEST_F(AccountsTest, PasswordsAreArgon2idAndOnlyTheirOwnMatch) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash) << hash.error().message();
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_EQ(hash->find("correct"), std::string::npos);
  EXPECT_TRUE(PasswordMatches(*hash, "correct horse battery"));
  EXPECT_FALSE(PasswordMatches(*hash, "correct horse batterY"));
  EXPECT_FALSE(PasswordMatches("", "correct horse battery"));
  // Salted: the same password hashes differently each time.
  auto again = HashPassword("correct horse battery");
  ASSERT_TRUE(again);
  EXPECT_NE(*hash, *again);
  auto short_one = HashPassword("hunter2");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(short_one.error().message().find("at least 12"), std::string::npos);
}

TEST_F(AccountsTest, ATokenIsShownOnceStoredHashedAndAuthenticatesItsUser) {
  ASSERT_TRUE(AddUser(*accounts_, "ana", std::nullopt, false, "root", clock_));
  auto issued = IssueToken(*accounts_, "ana", "laptop", 30, "root", clock_);
  ASSERT_TRUE(issued) << issued.error().message();
  EXPECT_TRUE(issued->secret.starts_with("fst_" + issued->token.id + "_"));
  EXPECT_EQ(issued->token.expires_at, "2027-01-02T10:00:00Z");
  auto stored = accounts_->FindToken(issued->token.id);
  ASSERT_TRUE(stored && *stored);
  EXPECT_EQ((*stored)->token.hash.size(), 32u);
  EXPECT_EQ((*stored)->token.hash.find(issued->secret.substr(21)), std::string::npos);

  auto who = Authenticate(*accounts_, issued->secret, clock_);
  ASSERT_TRUE(who) << who.error().message();
  EXPECT_EQ(who->user, "ana");
  EXPECT_FALSE(who->admin);
}

TEST_F(AccountsTest, WrongTamperedRevokedExpiredAndDisabledTokensAreRefused) {
  ASSERT_TRUE(AddUser(*accounts_, "ana", std::nullopt, false, "root", clock_));
  auto issued = IssueToken(*accounts_, "ana", "", 1, "root", clock_);
  ASSERT_TRUE(issued);
  const std::string& secret = issued->secret;
  std::string tampered = secret;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  const auto refused = [&](std::string_view token, const Clock& clock, std::string_view why) {
    auto who = Authenticate(*accounts_, token, clock);
    ASSERT_FALSE(who) << token;
    EXPECT_EQ(who.error().code(), ErrorCode::kUnauthenticated);
    EXPECT_NE(who.error().message().find(why), std::string::npos) << who.error().message();
    // The message never repeats the secret part.
    if (token.size() > 25) {
      EXPECT_EQ(who.error().message().find(token.substr(21)), std::string::npos);
    }
  };
  refused("", clock_, "malformed");
  refused("Bearer " + secret, clock_, "malformed");
  refused(secret.substr(0, secret.size() - 1), clock_, "malformed");
  refused(tampered, clock_, "not known");
  refused("fst_0123456789abcdef_" + secret.substr(21), clock_, "not known");
  refused(secret, FakeClock("2026-12-04T10:00:00Z"), "expired");
  ASSERT_TRUE(Authenticate(*accounts_, secret, FakeClock("2026-12-04T09:59:59Z")));
  ASSERT_TRUE(SetUserDisabled(*accounts_, "ana", true, "root", clock_));
  refused(secret, clock_, "disabled");
  ASSERT_TRUE(SetUserDisabled(*accounts_, "ana", false, "root", clock_));
  ASSERT_TRUE(RevokeToken(*accounts_, issued->token.id, "root", clock_));
  refused(secret, clock_, "revoked");
}

TEST_F(AccountsTest, LoginNeedsTheRightPasswordAndSaysTheSameForEveryMistake) {
  ASSERT_TRUE(
      AddUser(*accounts_, "ana", std::string("a long enough secret"), false, "root", clock_));
  ASSERT_TRUE(AddUser(*accounts_, "bo", std::nullopt, false, "root", clock_));
  auto token = Login(*accounts_, "ana", "a long enough secret", "cli", 7, clock_);
  ASSERT_TRUE(token) << token.error().message();
  EXPECT_TRUE(Authenticate(*accounts_, token->secret, clock_));
  std::string first;
  for (const auto& [user, password] :
       {std::pair{"ana", "a long enough secreT"}, std::pair{"cy", "a long enough secret"},
        std::pair{"bo", ""}}) {
    auto refused = Login(*accounts_, user, password, "cli", 7, clock_);
    ASSERT_FALSE(refused) << user;
    EXPECT_EQ(refused.error().code(), ErrorCode::kUnauthenticated);
    if (first.empty()) first = refused.error().message();
    EXPECT_EQ(refused.error().message(), first);
  }
  ASSERT_TRUE(SetPassword(*accounts_, "ana", "another long secret", "root", clock_));
  EXPECT_FALSE(Login(*accounts_, "ana", "a long enough secret", "cli", 7, clock_));
  EXPECT_TRUE(Login(*accounts_, "ana", "another long secret", "cli", 7, clock_));
}

TEST_F(AccountsTest, RepeatedFailedLoginsAreRefusedForAWhileEvenWithTheRightPassword) {
  ASSERT_TRUE(
      AddUser(*accounts_, "ana", std::string("a long enough secret"), false, "root", clock_));
  for (size_t i = 0; i < kMaxFailedLogins; ++i) {
    auto wrong = Login(*accounts_, "ana", "not the password", "", 1, clock_);
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code(), ErrorCode::kUnauthenticated);
  }
  auto limited = Login(*accounts_, "ana", "a long enough secret", "", 1, clock_);
  ASSERT_FALSE(limited);
  EXPECT_EQ(limited.error().code(), ErrorCode::kRateLimited);
  // Another name is not slowed down; the window passes.
  EXPECT_EQ(Login(*accounts_, "bo", "whatever it is", "", 1, clock_).error().code(),
            ErrorCode::kUnauthenticated);
  EXPECT_TRUE(
      Login(*accounts_, "ana", "a long enough secret", "", 1, FakeClock("2026-12-03T10:15:01Z")));
}

TEST_F(AccountsTest, RolesAreOrderedAndAdministratorsHoldEvery) {
  ASSERT_TRUE(AddUser(*accounts_, "root", std::nullopt, true, "host", clock_));
  ASSERT_TRUE(AddUser(*accounts_, "ana", std::nullopt, false, "root", clock_));
  ASSERT_TRUE(store_->CreateProject("vision"));
  ASSERT_TRUE(
      SetMemberRole(*accounts_, "vision", "ana", core::ProjectRole::kContributor, "root", clock_));
  const Principal ana{"ana", false};
  // Admitted, with the role held.
  auto viewing = Authorize(*accounts_, ana, "vision", core::ProjectRole::kViewer);
  ASSERT_TRUE(viewing);
  EXPECT_EQ(*viewing, core::ProjectRole::kContributor);
  EXPECT_TRUE(Authorize(*accounts_, ana, "vision", core::ProjectRole::kContributor));
  auto denied = Authorize(*accounts_, ana, "vision", core::ProjectRole::kMaintainer);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code(), ErrorCode::kPermissionDenied);
  EXPECT_NE(denied.error().message().find("needs the role maintainer"), std::string::npos);
  EXPECT_NE(denied.error().message().find("is a contributor"), std::string::npos);
  auto elsewhere = Authorize(*accounts_, ana, "default", core::ProjectRole::kViewer);
  ASSERT_FALSE(elsewhere);
  EXPECT_NE(elsewhere.error().message().find("has no role"), std::string::npos);
  auto root = Authorize(*accounts_, Principal{"root", true}, "vision", core::ProjectRole::kAdmin);
  ASSERT_TRUE(root);
  EXPECT_EQ(*root, core::ProjectRole::kAdmin);

  auto visible = VisibleProjects(*accounts_, *store_, ana);
  ASSERT_TRUE(visible);
  EXPECT_EQ(*visible, std::vector<std::string>{"vision"});
  auto all = VisibleProjects(*accounts_, *store_, Principal{"root", true});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
}

TEST_F(AccountsTest, EveryChangeIsInTheAuditLogWithoutSecrets) {
  ASSERT_TRUE(
      AddUser(*accounts_, "ana", std::string("a long enough secret"), true, "host:root", clock_));
  auto issued = IssueToken(*accounts_, "ana", "ci", 10, "host:root", clock_);
  ASSERT_TRUE(issued);
  ASSERT_TRUE(RevokeToken(*accounts_, issued->token.id, "ana", clock_));
  ASSERT_TRUE(
      SetMemberRole(*accounts_, "default", "ana", core::ProjectRole::kViewer, "ana", clock_));
  auto log = accounts_->ListAudit(std::nullopt, 0);
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ((*log)[0].action, "add administrator");
  EXPECT_EQ((*log)[0].user, "host:root");
  EXPECT_EQ((*log)[1].action, "create token");
  EXPECT_EQ((*log)[2].action, "revoke token");
  EXPECT_EQ((*log)[3].project, "default");
  for (const core::AuditEntry& e : *log) {
    EXPECT_EQ(e.target.find(issued->secret), std::string::npos);
    EXPECT_EQ(e.at, "2026-12-03T10:00:00Z");
  }
}

TEST(AddDaysTest, CrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(*AddDays("2026-12-03T10:00:00Z", 90), "2027-03-03T10:00:00Z");
  EXPECT_EQ(*AddDays("2028-02-28T23:59:59Z", 1), "2028-02-29T23:59:59Z");
  EXPECT_EQ(*AddDays("2027-02-28T00:00:00Z", 1), "2027-03-01T00:00:00Z");
  EXPECT_FALSE(AddDays("yesterday", 1));
  EXPECT_EQ(*AddSeconds("2026-01-01T00:10:00Z", int64_t{-15} * 60), "2025-12-31T23:55:00Z");
}

// Each role may do what the ones before it may, and no more.
TEST(ProjectRoleTest, EachRolePermitsWhatTheOnesBeforeItMay) {
  using core::ProjectRole;
  EXPECT_TRUE(core::Permits(ProjectRole::kContributor, ProjectRole::kViewer));
  EXPECT_TRUE(core::Permits(ProjectRole::kAdmin, ProjectRole::kMaintainer));
  EXPECT_TRUE(core::Permits(ProjectRole::kMaintainer, ProjectRole::kMaintainer));
  EXPECT_FALSE(core::Permits(ProjectRole::kViewer, ProjectRole::kContributor));
  EXPECT_FALSE(core::Permits(ProjectRole::kMaintainer, ProjectRole::kAdmin));
}

}  // namespace
}  // namespace foresight::app
