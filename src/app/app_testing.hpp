// Test-only: a fixture with a scratch folder (named after the test, removed afterwards),
// files written into it, and a SQLite store opened there on first use.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include "store/store.hpp"

namespace foresight::app::testing {

// A new empty database `name` on the PostgreSQL server of the tests (FORESIGHT_TEST_PG_URL),
// made with psql (CREATE DATABASE is not a Store's); its URL, or nothing when no server is
// given, and the test skips with kNoPostgres.
inline std::optional<std::string> FreshPostgresDatabase(const std::string& name) {
  const char* admin = std::getenv("FORESIGHT_TEST_PG_URL");
  if (admin == nullptr) return std::nullopt;
  const std::string create = "psql -q '" + std::string(admin) + "' -c 'DROP DATABASE IF EXISTS " +
                             name + " WITH (FORCE)' -c 'CREATE DATABASE " + name + "' >/dev/null";
  EXPECT_EQ(std::system(create.c_str()), 0);  // NOLINT(cert-env33-c): a fixed command
  const std::string base = admin;
  return base.substr(0, base.rfind('/') + 1) + name;
}
inline constexpr const char* kNoPostgres =
    "no PostgreSQL to test against: set FORESIGHT_TEST_PG_URL (make test starts a throw-away "
    "cluster)";

// A binary evaluation set named `name` of n examples "ex0", "ex1", ..., labelled i % 2.
inline core::EvalSet AlternatingBinarySet(size_t n, const std::string& name = "holdout") {
  core::EvalSet e;
  e.name = name;
  e.task = core::EvalTask::kBinary;
  e.classes = {"0", "1"};
  for (size_t i = 0; i < n; ++i) {
    e.ids.push_back("ex" + std::to_string(i));
    e.labels.push_back(static_cast<int32_t>(i % 2));
  }
  e.created_at = "2026-12-01T09:00:00Z";
  return e;
}

// A binary run of hard 0/1 scores on AlternatingBinarySet(n, evalset): right on every
// example except those `wrong(i)` picks.
template <typename Wrong>
core::Run HardRun(size_t n, const std::string& name, const std::string& method,
                  const std::string& created_at, Wrong wrong,
                  std::optional<int64_t> train_size = std::nullopt,
                  const std::string& evalset = "holdout") {
  core::Run r;
  r.name = name;
  r.evalset = evalset;
  r.method = method;
  r.train_size = train_size;
  for (size_t i = 0; i < n; ++i) {
    const auto label = static_cast<double>(i % 2);
    r.predictions.push_back(wrong(i) ? 1 - label : label);
  }
  r.created_at = created_at;
  return r;
}

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("foresight-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_suite()->name()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  // Writes `content` to DIR/name; returns the path.
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  store::Store& Store() {
    if (!store_) {
      auto opened = store::OpenStore((dir_ / "db.sqlite").string());
      EXPECT_TRUE(opened) << opened.error().message();
      store_ = std::move(*opened);
    }
    return *store_;
  }
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace foresight::app::testing
