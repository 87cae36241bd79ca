#include "base/string_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace foresight {
namespace {

TEST(StringIndexTest, FindsEveryStringAndRefusesDuplicates) {
  std::vector<std::string> keys;
  for (int i = 0; i < 5000; ++i) keys.push_back("ex" + std::to_string(i % 4000));
  auto key_of = [&keys](uint32_t p) { return std::string_view(keys[p]); };
  StringIndex index(key_of, 10);  // grows from a small start
  std::unordered_map<std::string, uint32_t> reference;
  for (uint32_t p = 0; p < keys.size(); ++p) {
    const auto earlier = index.Insert(p);
    const auto [it, inserted] = reference.emplace(keys[p], p);
    if (inserted) {
      EXPECT_FALSE(earlier.has_value()) << keys[p];
    } else {
      ASSERT_TRUE(earlier.has_value()) << keys[p];
      EXPECT_EQ(*earlier, it->second);
    }
  }
  EXPECT_EQ(index.size(), 4000U);
  for (const auto& [key, position] : reference) {
    const auto found = index.Find(key);
    ASSERT_TRUE(found.has_value()) << key;
    EXPECT_EQ(*found, position);
  }
  EXPECT_FALSE(index.Find("ex4000").has_value());
  EXPECT_FALSE(index.Find("").has_value());
  EXPECT_FALSE(index.Find("ex1 ").has_value());
}

TEST(StringIndexTest, EmptyAndBinaryStrings) {
  std::vector<std::string> keys = {"", std::string("a\0b", 3), std::string("a\0c", 3), "a"};
  auto key_of = [&keys](uint32_t p) { return std::string_view(keys[p]); };
  StringIndex index(key_of, keys.size());
  for (uint32_t p = 0; p < keys.size(); ++p) EXPECT_FALSE(index.Insert(p).has_value());
  EXPECT_EQ(index.Find(std::string_view("a\0c", 3)), 2U);
  EXPECT_EQ(index.Find(""), 0U);
}

}  // namespace
}  // namespace foresight
