// The trained reading: its words as the training script makes them, and its probabilities
// equal to those the script computed with scikit-learn's model (tests/screening/
// model_fixture.json, written by scripts/make-screen-model).
#include "rules/screen_model.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace foresight::rules::screen_model {
namespace {

TEST(ScreenModelTest, WordsAndNeighbourPairsAsTheTrainingScriptMakesThem) {
  EXPECT_EQ(Features("Rank job-applicants, 2X!"),
            (std::vector<std::string>{"2x", "applicants", "applicants 2x", "job", "job applicants",
                                      "rank", "rank job"}));
  // Only ASCII letters and digits make words: "café" is "caf", then a separator.
  EXPECT_EQ(Features("caf\xc3\xa9 noir"), (std::vector<std::string>{"caf", "caf noir", "noir"}));
  EXPECT_EQ(Features("a a a"), (std::vector<std::string>{"a", "a a"}));
  EXPECT_TRUE(Features("").empty());
  EXPECT_TRUE(Features("\xff\xfe -- !!").empty());
}

TEST(ScreenModelTest, ProbabilitiesEqualTheTrainingScripts) {
  std::ifstream in(std::string(FORESIGHT_SOURCE_DIR) + "/tests/screening/model_fixture.json");
  ASSERT_TRUE(in) << "tests/screening/model_fixture.json";
  std::stringstream bytes;
  bytes << in.rdbuf();
  const nlohmann::json fixture = nlohmann::json::parse(bytes.str());
  const auto classes = Classes();
  ASSERT_EQ(fixture["classes"].size(), classes.size());
  for (size_t k = 0; k < classes.size(); ++k) {
    EXPECT_EQ(fixture["classes"][k].get<std::string>(), classes[k]);
  }
  ASSERT_GE(fixture["cases"].size(), 40U);
  for (const nlohmann::json& c : fixture["cases"]) {
    const std::string text = c["text"].get<std::string>();
    const Reading r = Read(text);
    ASSERT_EQ(r.probabilities.size(), classes.size());
    double sum = 0;
    for (size_t k = 0; k < classes.size(); ++k) {
      EXPECT_NEAR(r.probabilities[k], c["probabilities"][k].get<double>(), 1e-9) << text;
      sum += r.probabilities[k];
    }
    EXPECT_NEAR(sum, 1.0, 1e-12);
  }
}

TEST(ScreenModelTest, APlainProhibitedDescriptionIsReadWithItsEvidence) {
  const Reading r = Read(
      "Score every resident on their social behaviour, fines and neighbours' complaints, and "
      "refuse public housing and benefits to those with a low citizen score.");
  EXPECT_EQ(r.practice, "social_scoring");
  EXPECT_GT(r.prohibited, 0.5);
  ASSERT_FALSE(r.evidence.empty());
  for (const std::string& e : r.evidence) {
    EXPECT_EQ(e.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789 "), std::string::npos) << e;
    EXPECT_NE(e, "the") << "a function word is not evidence";
    EXPECT_NE(e, "on") << "a function word is not evidence";
  }
  const Reading innocent =
      Read("Forecast the weekly number of parcels each depot will handle from past volumes.");
  EXPECT_LT(innocent.prohibited, 0.5);
  EXPECT_EQ(Read("").probabilities.size(), Classes().size());
}

}  // namespace
}  // namespace foresight::rules::screen_model
