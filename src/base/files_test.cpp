#include "base/files.hpp"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace foresight {
namespace {

namespace fs = std::filesystem;

class FilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("foresight-files-" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(FilesTest, ReadsARegularFileWithinItsLimit) {
  const std::string path = (dir_ / "a.txt").string();
  std::ofstream(path) << "hello";
  auto text = ReadFile(path, 100);
  ASSERT_TRUE(text) << text.error().message();
  EXPECT_EQ(*text, "hello");
  EXPECT_EQ(ReadFile(path, 4).error().code(), ErrorCode::kResourceExhausted);
  EXPECT_EQ(ReadFile((dir_ / "none").string(), 100).error().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ReadFile(dir_.string(), 100).error().code(), ErrorCode::kInvalidArgument);
}

// A pipe with no writer would block open() forever, and /dev/zero never ends: both are
// refused at once, before any byte is read.
TEST_F(FilesTest, PipesAndDevicesAreRefusedWithoutWaitingOrReading) {
  const std::string fifo = (dir_ / "fifo").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto piped = ReadFile(fifo, 100);
  ASSERT_FALSE(piped);
  EXPECT_EQ(piped.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(piped.error().message().find("not a regular file"), std::string::npos);
  auto zero = ReadFile("/dev/zero", size_t{1} << 30U);
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().message().find("not a regular file"), std::string::npos);
  // A symbolic link to a regular file is that file.
  const std::string target = (dir_ / "t.txt").string();
  std::ofstream(target) << "x";
  fs::create_symlink(target, dir_ / "link");
  EXPECT_TRUE(ReadFile((dir_ / "link").string(), 10));
}

}  // namespace
}  // namespace foresight
