// The store protocol's documents: every value round-trips exactly, packed or as plain lists,
// whatever the column's length (base64's three paddings), and a damaged packed column is
// refused naming its field.
#include "store/remote/wire.hpp"

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace foresight::store::wire {
namespace {

core::EvalSet SetOfSize(size_t n) {
  core::EvalSet e;
  e.name = "s";
  e.task = core::EvalTask::kRegression;
  for (size_t i = 0; i < n; ++i) {
    e.ids.push_back(i % 3 == 0 ? "" : std::string(i, static_cast<char>('a' + i % 26)) + "é");
    e.targets.push_back(i % 2 == 0 ? -0.0 : std::numeric_limits<double>::denorm_min() * i);
  }
  e.slices.push_back({"k", {"x", "y"}, std::vector<int32_t>(n, 1)});
  e.created_at = "t";
  return e;
}

TEST(WireTest, EveryLengthRoundTripsBitForBit) {
  for (size_t n = 0; n < 12; ++n) {
    const core::EvalSet e = SetOfSize(n);
    auto back = DecodeEvalSet(EncodeEvalSet(e));
    ASSERT_TRUE(back) << n << ": " << back.error().message();
    EXPECT_EQ(back->ids, e.ids) << n;
    ASSERT_EQ(back->targets.size(), n);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(std::memcmp(&back->targets[i], &e.targets[i], sizeof(double)), 0) << n;
    }
    EXPECT_EQ(back->slices[0].codes, e.slices[0].codes) << n;
  }
}

TEST(WireTest, PlainListsReadAsThePackedForm) {
  const core::EvalSet e = SetOfSize(5);
  nlohmann::json doc = nlohmann::json::parse(EncodeEvalSet(e));
  doc["ids"] = e.ids;
  doc["targets"] = e.targets;
  doc["slices"][0]["codes"] = e.slices[0].codes;
  auto back = DecodeEvalSet(doc.dump());
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(EncodeEvalSet(*back), EncodeEvalSet(e));
}

TEST(WireTest, ADamagedPackedColumnIsRefusedNamingIt) {
  const core::EvalSet e = SetOfSize(4);
  const std::string good = EncodeEvalSet(e);
  nlohmann::json doc = nlohmann::json::parse(good);
  std::string ids = doc["ids"]["str"];
  doc["ids"]["str"] = ids.substr(0, ids.size() - 4);  // the last string cut short
  auto cut = DecodeEvalSet(doc.dump());
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(cut.error().field().rfind("ids[", 0), 0U) << cut.error().field();
  doc = nlohmann::json::parse(good);
  doc["targets"] = {{"f64", "AAAAAAAA8H8="}};  // +infinity
  auto infinite = DecodeEvalSet(doc.dump());
  ASSERT_FALSE(infinite);
  EXPECT_EQ(infinite.error().field(), "targets[0]");
  doc["targets"] = {{"f64", "AAAAAAAAAAA="}, {"extra", 1}};
  EXPECT_EQ(DecodeEvalSet(doc.dump()).error().field(), "targets");
}

}  // namespace
}  // namespace foresight::store::wire
