#include "base/result.hpp"

#include <gtest/gtest.h>

#include <string>

namespace foresight {
namespace {

std::string Flag(std::string_view field) { return "--" + std::string(field); }
std::string Key(std::string_view field) { return "`" + std::string(field) + "`"; }

TEST(FieldRefTest, EachFrontDoorSpellsTheFieldItsOwnWay) {
  const std::string message =
      "choose one with " + FieldRef("evalset") + ", or fewer " + FieldRef("folds") + "";
  EXPECT_EQ(SpellFields(message, Flag), "choose one with --evalset, or fewer --folds");
  EXPECT_EQ(SpellFields(message, Key), "choose one with `evalset`, or fewer `folds`");
  EXPECT_EQ(SpellFields("no reference here", Flag), "no reference here");
  // An unpaired mark is left as it is rather than swallowing the rest.
  EXPECT_EQ(SpellFields("half \x1fopen", Flag), "half \x1fopen");
}

TEST(ErrorTest, CarriesTheFieldItIsAbout) {
  const Error e = Error(ErrorCode::kInvalidArgument, "out of range").WithField("folds");
  EXPECT_EQ(e.field(), "folds");
  EXPECT_EQ(e.WithContext("probe").field(), "folds");
  EXPECT_EQ(Error(ErrorCode::kNotFound, "x").field(), "");
}

// An API's error names its code; a client reads the same code back.
TEST(ErrorCodeNameTest, EveryNameReadsBackAsItsCode) {
  for (const ErrorCode code :
       {ErrorCode::kInvalidArgument, ErrorCode::kNotFound, ErrorCode::kAlreadyExists,
        ErrorCode::kFailedPrecondition, ErrorCode::kResourceExhausted, ErrorCode::kUnavailable,
        ErrorCode::kDataLoss, ErrorCode::kInternal, ErrorCode::kUnauthenticated,
        ErrorCode::kPermissionDenied, ErrorCode::kRateLimited}) {
    EXPECT_EQ(ParseErrorCodeName(ErrorCodeName(code)), code) << ErrorCodeName(code);
  }
  EXPECT_FALSE(ParseErrorCodeName("no_such_code").has_value());
  EXPECT_FALSE(ParseErrorCodeName("").has_value());
}

}  // namespace
}  // namespace foresight
