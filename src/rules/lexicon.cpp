#include "rules/lexicon.hpp"

#include <algorithm>

namespace foresight::rules {
namespace lexicon {
namespace {

#include "rules/lexicon_wordnet.inc"

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
  const std::span<const SearchText::Word> words = text.words();
  const auto end_of = [](const SearchText::Word& w) { return size_t{w.offset} + w.length; };
  std::vector<PhraseMatch> out;
  size_t i = 0;
  while (i < words.size()) {
    size_t matched = 0;
    // Longest first; the words of a phrase are separated by exactly one space.
    for (size_t n = std::min(max_words_, words.size() - i); n >= 1 && matched == 0; --n) {
      bool single_spaced = true;
      for (size_t k = i; k + 1 < i + n; ++k) {
        single_spaced = single_spaced && words[k + 1].offset == end_of(words[k]) + 1 &&
                        s[end_of(words[k])] == ' ';
      }
      if (!single_spaced) continue;
      const std::string_view candidate =
          s.substr(words[i].offset, end_of(words[i + n - 1]) - words[i].offset);
      if (entries_.count(candidate) != 0) matched = n;
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    const size_t begin = words[i].offset;
    out.push_back(PhraseMatch{begin, end_of(words[i + matched - 1]) - begin});
    i += matched;
  }
  return out;
}

namespace lexicon {
namespace {

// One lexicon per word list, made on first use.
template <const auto& kEntries>
const Lexicon& Made() {
  static const Lexicon made(kEntries);
  return made;
}

}  // namespace
}  // namespace lexicon

const Lexicon& WorkersAndLearners() { return lexicon::Made<lexicon::kWorkersAndLearners>(); }
const Lexicon& Feelings() { return lexicon::Made<lexicon::kFeelings>(); }
const Lexicon& Offences() { return lexicon::Made<lexicon::kOffences>(); }
const Lexicon& VulnerablePeople() { return lexicon::Made<lexicon::kVulnerablePeople>(); }
const Lexicon& Young() { return lexicon::Made<lexicon::kYoung>(); }

}  // namespace foresight::rules
