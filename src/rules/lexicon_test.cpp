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

// The other concepts, each with words a phrase list would not hold and words left out.
TEST(LexiconTest, FeelingsOffencesVulnerablePeopleAndTheYoung) {
  const auto has = [](const Lexicon& lexicon, const char* word) {
    const std::vector<std::string> found = Found(lexicon, word);
    return found.size() == 1 && found.front() == word;
  };
  for (const char* word : {"anger", "angry", "boredom", "bored", "despondent", "exasperation"}) {
    EXPECT_TRUE(has(Feelings(), word)) << word;
  }
  // An interest rate, a model's fit, a painful joint, a yen: not feelings here.
  for (const char* word : {"interest", "fit", "painful", "yen", "boring"}) {
    EXPECT_FALSE(has(Feelings(), word)) << word;
  }
  for (const char* word : {"burglar", "kidnappers", "carjacking", "shoplifter", "arsonist"}) {
    EXPECT_TRUE(has(Offences(), word)) << word;
  }
  // The crimes of transactions are left to the fraud rules; a scam is what victims meet.
  for (const char* word : {"fraud", "embezzlement", "bribery", "scam", "violation"}) {
    EXPECT_FALSE(has(Offences(), word)) << word;
  }
  for (const char* word : {"octogenarian", "debtors", "pauper", "refugees", "widow"}) {
    EXPECT_TRUE(has(VulnerablePeople(), word)) << word;
  }
  for (const char* word : {"venture capitalist", "bookie", "have not"}) {
    EXPECT_FALSE(has(VulnerablePeople(), word)) << word;
  }
  for (const char* word : {"toddler", "teenagers", "preschooler", "schoolchild"}) {
    EXPECT_TRUE(has(Young(), word)) << word;
  }
}

}  // namespace
}  // namespace foresight::rules
