// Small string helpers: edit distance and "did you mean", UTF-8 validation, case folding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace foresight {

// Levenshtein distance between two byte strings.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `word` by edit distance, if it is close enough to be a likely
// typo (at most a third of the word's length, and at least 1 edit allowed); else nullopt.
std::optional<std::string> ClosestMatch(std::string_view word,
                                        std::span<const std::string_view> candidates);

// The byte offset of the first byte that is not part of valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or nullopt if all is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// The number of code points in UTF-8 text (bytes that do not continue a sequence): the width
// a caret or a padded column counts in.
size_t CodePoints(std::string_view text);

// The length in bytes of the UTF-8 sequence that starts at text[i] (1 for ASCII), or 0 when
// the bytes there are not a complete, well-formed lead and continuation sequence.
size_t Utf8SequenceAt(std::string_view text, size_t i);

// Text as it is safe to print on a terminal, for messages that quote a user's data (an id,
// a cell, a file name): control characters (C0 but tab and line feed, DEL, and the C1
// controls U+0080 to U+009F) become visible escapes ("\x1b", "\u009b"), and so does each
// byte that is not part of valid UTF-8, so that no escape sequence a file holds can clear a
// screen or retitle a window. The field mark (\x1f) that FieldRef writes is kept, for the
// faces to spell.
std::string EscapeControls(std::string_view text);

// ASCII lower-casing; other bytes are left as they are.
std::string ToLowerAscii(std::string_view text);

// Joins with a separator: Join({"a","b"}, ", ") == "a, b".
std::string Join(std::span<const std::string> parts, std::string_view separator);

struct PhraseMatch {
  size_t offset = 0;  // byte offset of the match in the text searched
  size_t length = 0;  // bytes matched, to the end of the word for a '*' phrase
};

// Text prepared once for many phrase searches (see FindPhrase): lower-cased, with word
// separators as spaces, and its words indexed, so that a search costs the occurrences of the
// phrase's first word, not a pass over the text. Offsets in matches are offsets into the
// original text.
class SearchText {
 public:
  explicit SearchText(std::string_view text);
  std::optional<PhraseMatch> Find(std::string_view phrase) const;
  // Every match of `phrase`, in order (non-overlapping starts).
  std::vector<PhraseMatch> FindAll(std::string_view phrase) const;
  // The offset where the `words`-th word before `offset` starts, and where the `words`-th
  // word after `end` ends: fewer words when the text or the sentence (. ; : ! ?) ends first.
  size_t WordsBefore(size_t offset, size_t words) const;
  size_t WordsAfter(size_t end, size_t words) const;
  // The text as searched: lower-cased, word separators as spaces, offsets as in the original.
  std::string_view normalised() const { return normalised_; }
  // Its words (runs of letters, digits and non-ASCII bytes), in text order.
  struct Word {
    uint32_t offset = 0;
    uint32_t length = 0;
  };
  std::span<const Word> words() const { return words_; }

 private:
  std::vector<PhraseMatch> FindAll(std::string_view phrase, size_t limit) const;
  std::string_view TextOf(const Word& w) const {
    return std::string_view(normalised_).substr(w.offset, w.length);
  }
  std::string normalised_;
  std::vector<Word> words_;      // in text order
  std::vector<uint32_t> index_;  // positions in words_, sorted by the words' bytes
};

// Finds `phrase` in `text` as whole words, ignoring ASCII case; '-', '_' and line breaks
// count as spaces. A trailing '*' matches any word ending ("criminal*" finds "criminality").
std::optional<PhraseMatch> FindPhrase(std::string_view text, std::string_view phrase);

}  // namespace foresight
