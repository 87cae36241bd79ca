#include "rules/lexicon.hpp"

#include <algorithm>
#include <cctype>

namespace foresight::rules {
namespace lexicon {
namespace {

#include "rules/lexicon_wordnet.inc"

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80U;
}

struct Word {
  size_t begin = 0;
  size_t end = 0;
};

std::vector<Word> WordsOf(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !IsWordByte(text[i])) ++i;
    const size_t begin = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

}  // namespace
}  // namespace lexicon

Lexicon::Lexicon(std::span<const std::string_view> entries) {
  entries_.reserve(entries.size());
  for (std::string_view e : entries) {
    entries_.insert(e);
    max_words_ = std::max(max_words_, static_cast<size_t>(std::count(e.begin(), e.end(), ' ')) + 1);
  }
}

std::vector<PhraseMatch> Lexicon::FindAll(const SearchText& text) const {
  const std::string_view s = text.normalised();
  const std::vector<lexicon::Word> words = lexicon::WordsOf(s);
  std::vector<PhraseMatch> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t matched = 0;
    // Longest first; the words of a phrase are separated by exactly one space.
    for (size_t n = std::min(max_words_, words.size() - i); n >= 1 && matched == 0; --n) {
      bool single_spaced = true;
      for (size_t k = i; k + 1 < i + n; ++k) {
        single_spaced =
            single_spaced && words[k + 1].begin == words[k].end + 1 && s[words[k].end] == ' ';
      }
      if (!single_spaced) continue;
      const std::string_view candidate =
          s.substr(words[i].begin, words[i + n - 1].end - words[i].begin);
      if (entries_.count(candidate) != 0) matched = n;
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    const size_t begin = words[i].begin;
    const size_t end = words[i + matched - 1].end;
    out.push_back(PhraseMatch{begin, end - begin});
    i += matched;
  }
  return out;
}

const Lexicon& WorkersAndLearners() {
  static const Lexicon workers_and_learners(lexicon::kWorkersAndLearners);
  return workers_and_learners;
}

const Lexicon& Feelings() {
  static const Lexicon feelings(lexicon::kFeelings);
  return feelings;
}

const Lexicon& Offences() {
  static const Lexicon offences(lexicon::kOffences);
  return offences;
}

const Lexicon& VulnerablePeople() {
  static const Lexicon vulnerable_people(lexicon::kVulnerablePeople);
  return vulnerable_people;
}

const Lexicon& Young() {
  static const Lexicon young(lexicon::kYoung);
  return young;
}

}  // namespace foresight::rules
