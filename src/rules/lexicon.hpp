// Concepts read from a lexical resource: the words WordNet files under a sense (every
// occupation under "worker"), matched as whole words or short phrases in one pass over a
// text, beside the rules' own phrase lists.
#pragma once

#include <span>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/strings.hpp"

namespace foresight::rules {

class Lexicon {
 public:
  // Lower-case words and phrases of single-spaced words, as scripts/make-lexicon writes them.
  explicit Lexicon(std::span<const std::string_view> entries);

  // Every match in `text`, in text order: at each word, the longest entry that starts there
  // (a "wine steward", not a "wine"). A possessive reads as its noun ("the nurse's").
  std::vector<PhraseMatch> FindAll(const SearchText& text) const;

 private:
  std::unordered_set<std::string_view> entries_;
  size_t max_words_ = 1;
};

// The concepts drawn from WordNet (scripts/make-lexicon says how each is made):
// people at work (any occupation, the armed forces included) or in education;
const Lexicon& WorkersAndLearners();
// feelings and emotions, as nouns and the adjectives derived from them ("anger", "angry");
const Lexicon& Feelings();
// crimes against persons and property and the people who commit them, without the crimes of
// transactions (fraud, bribery), which the Act leaves out of the ban;
const Lexicon& Offences();
// people in a state the Act names as a vulnerability (old age, an addiction, debt, poverty,
// unemployment, having newly arrived, bereavement, disability);
const Lexicon& VulnerablePeople();
// children and young people.
const Lexicon& Young();

}  // namespace foresight::rules
