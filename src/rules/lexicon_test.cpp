#include "rules/lexicon.hpp"

#include <array>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace foresight::rules {
namespace {

std::vector<std::string> Found(const Lexicon& lexicon, std::string_view text) {
  const SearchText search(text);
  std::vector<std::string> out;
  for (const PhraseMatch& m : lexicon.FindAll(search)) {
    out.emplace_back(text.substr(m.offset, m.length));
  }
  return out;
}

TEST(LexiconTest, MatchesWholeWordsAndTheLongestPhrase) {
  constexpr std::array<std::string_view, 4> kEntries = {"wine", "wine steward", "nurse", "nurses"};
  const Lexicon lexicon(kEntries);
  EXPECT_EQ(Found(lexicon, "The Wine Steward and two nurses."),
            (std::vector<std::string>{"Wine Steward", "nurses"}));
  // A word inside another is not a match; a possessive reads as its noun; a hyphen is a space.
  EXPECT_EQ(Found(lexicon, "the nursery's wine-steward; the nurse's shift"),
            (std::vector<std::string>{"wine-steward", "nurse"}));
  // The words of a phrase must be next to each other, in one sentence.
  EXPECT_EQ(Found(lexicon, "wine. steward"), (std::vector<std::string>{"wine"}));
  EXPECT_TRUE(Found(lexicon, "").empty());
}

TEST(LexiconTest, TheWorkersAndLearnersComeFromWordNet) {
  const Lexicon& people = WorkersAndLearners();
  for (const char* word : {"nurses", "pupil", "teachers", "programmers", "soldier",
                           "flight attendant", "bus driver", "security guards", "lecturer"}) {
    EXPECT_EQ(Found(people, word).size(), 1u) << word;
  }
  // A word whose first sense is not a person at work: a body part, a factory, a device.
  for (const char* word : {"hand", "plant", "monitor", "washer", "nursery"}) {
    const std::vector<std::string> found = Found(people, word);
    EXPECT_TRUE(found.empty() || found.front() != word) << word;
  }
}

}  // namespace
}  // namespace foresight::rules
