#include "base/strings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

namespace foresight {

size_t EditDistance(std::string_view a, std::string_view b) {
  // Optimal string alignment: insertions, deletions, substitutions and transpositions of
  // adjacent characters ("lable" is one edit from "label").
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::optional<std::string> ClosestMatch(std::string_view word,
                                        std::span<const std::string_view> candidates) {
  const size_t allowed = std::max<size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  size_t best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const size_t distance = EditDistance(ToLowerAscii(word), candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

std::optional<size_t> FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80U) {
      ++i;
      continue;
    }
    size_t length = 0;
    uint32_t code_point = 0;
    if ((c & 0xE0U) == 0xC0U) {
      length = 2;
      code_point = c & 0x1FU;
    } else if ((c & 0xF0U) == 0xE0U) {
      length = 3;
      code_point = c & 0x0FU;
    } else if ((c & 0xF8U) == 0xF0U) {
      length = 4;
      code_point = c & 0x07U;
    } else {
      return i;
    }
    if (i + length > n) return i;
    for (size_t k = 1; k < length; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0U) != 0x80U) return i;
      code_point = (code_point << 6U) | (cc & 0x3FU);
    }
    const bool overlong = (length == 2 && code_point < 0x80U) ||
                          (length == 3 && code_point < 0x800U) ||
                          (length == 4 && code_point < 0x10000U);
    const bool surrogate = code_point >= 0xD800U && code_point <= 0xDFFFU;
    if (overlong || surrogate || code_point > 0x10FFFFU) return i;
    i += length;
  }
  return std::nullopt;
}

size_t CodePoints(std::string_view text) {
  size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  }
  return count;
}

namespace {

// "\x1b" (kind 'x', two hex digits) or "\u009b" (kind 'u', four).
void AppendEscape(std::string& out, char kind, unsigned value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '\\';
  out += kind;
  if (kind == 'u') out += "00";
  out += kHex[(value >> 4U) & 0xFU];
  out += kHex[value & 0xFU];
}

}  // namespace

size_t Utf8SequenceAt(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80U) return 1;
  const size_t length = (c & 0xE0U) == 0xC0U   ? 2
                        : (c & 0xF0U) == 0xE0U ? 3
                        : (c & 0xF8U) == 0xF0U ? 4
                                               : 0;
  if (length == 0 || i + length > text.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((static_cast<unsigned char>(text[i + k]) & 0xC0U) != 0x80U) return 0;
  }
  return length;
}

std::string EscapeControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80U) {
      const bool control = (c < 0x20U && c != '\t' && c != '\n' && c != 0x1FU) || c == 0x7FU;
      if (control) {
        AppendEscape(out, 'x', c);
      } else {
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    const size_t length = Utf8SequenceAt(text, i);
    if (length == 0) {
      AppendEscape(out, 'x', c);
      ++i;
      continue;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (c == 0xC2U && second >= 0x80U && second <= 0x9FU) {
      AppendEscape(out, 'u', second);  // a C1 control, as its code point
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string ToLowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Join(std::span<const std::string> parts, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

namespace {

// Punctuation that ends a sentence or a clause: a guard's reach stops there.
bool IsSentenceEnd(char c) { return c == '.' || c == ';' || c == '!' || c == '?' || c == ':'; }

bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || static_cast<unsigned char>(c) >= 0x80U;
}

// Lower-cases and maps word separators ('-', '_', tabs, newlines) to spaces; keeps length.
std::string Normalise(std::string_view text) {
  std::string out = ToLowerAscii(text);
  for (char& c : out) {
    if (c == '-' || c == '_' || c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

SearchText::SearchText(std::string_view text) : normalised_(Normalise(text)) {
  // Texts are at most a charter's size (1 MiB), well within 32-bit offsets.
  size_t i = 0;
  while (i < normalised_.size()) {
    while (i < normalised_.size() && !IsWordByte(normalised_[i])) ++i;
    const size_t begin = i;
    while (i < normalised_.size() && IsWordByte(normalised_[i])) ++i;
    if (i > begin) {
      words_.push_back(Word{static_cast<uint32_t>(begin), static_cast<uint32_t>(i - begin)});
    }
  }
  index_.resize(words_.size());
  for (size_t w = 0; w < words_.size(); ++w) index_[w] = static_cast<uint32_t>(w);
  // Equal words stay in text order.
  std::stable_sort(index_.begin(), index_.end(),
                   [&](uint32_t a, uint32_t b) { return TextOf(words_[a]) < TextOf(words_[b]); });
}

std::optional<PhraseMatch> SearchText::Find(std::string_view phrase) const {
  std::vector<PhraseMatch> all = FindAll(phrase, 1);
  if (all.empty()) return std::nullopt;
  return all.front();
}

std::vector<PhraseMatch> SearchText::FindAll(std::string_view phrase) const {
  return FindAll(phrase, SIZE_MAX);
}

std::vector<PhraseMatch> SearchText::FindAll(std::string_view phrase, size_t limit) const {
  std::vector<PhraseMatch> out;
  bool prefix = false;
  if (!phrase.empty() && phrase.back() == '*') {
    prefix = true;
    phrase.remove_suffix(1);
  }
  if (phrase.empty()) return out;
  const std::string& haystack = normalised_;
  const std::string needle = Normalise(phrase);
  // A match starts at a word: the words of the text that the needle's first word can be.
  size_t first_end = 0;
  while (first_end < needle.size() && IsWordByte(needle[first_end])) ++first_end;
  const std::string_view first = std::string_view(needle).substr(0, first_end);
  const bool first_is_prefix = prefix && first_end == needle.size();
  const auto matches = [&](size_t pos) {
    if (pos > 0 && IsWordByte(haystack[pos - 1])) return;
    if (haystack.compare(pos, needle.size(), needle) != 0) return;
    const size_t after = pos + needle.size();
    if (!prefix && after < haystack.size() && IsWordByte(haystack[after])) return;
    size_t stop = after;
    while (prefix && stop < haystack.size() && IsWordByte(haystack[stop])) ++stop;
    out.push_back(PhraseMatch{pos, stop - pos});
  };
  if (first.empty()) {
    // A needle that starts with a mark ("%"): every place it occurs.
    for (size_t pos = haystack.find(needle); pos != std::string::npos;
         pos = haystack.find(needle, pos + 1)) {
      matches(pos);
    }
  } else {
    auto it =
        std::lower_bound(index_.begin(), index_.end(), first,
                         [&](uint32_t w, std::string_view key) { return TextOf(words_[w]) < key; });
    for (; it != index_.end(); ++it) {
      const std::string_view word = TextOf(words_[*it]);
      if (first_is_prefix ? word.substr(0, first.size()) != first : word != first) break;
      matches(words_[*it].offset);
    }
    std::sort(out.begin(), out.end(),
              [](const PhraseMatch& a, const PhraseMatch& b) { return a.offset < b.offset; });
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

size_t SearchText::WordsBefore(size_t offset, size_t words) const {
  size_t pos = std::min(offset, normalised_.size());
  for (size_t w = 0; w < words; ++w) {
    size_t gap = pos;
    while (gap > 0 && !IsWordByte(normalised_[gap - 1])) {
      if (IsSentenceEnd(normalised_[gap - 1])) return pos;  // the window ends at a sentence
      --gap;
    }
    if (gap == 0) return pos;
    pos = gap;
    while (pos > 0 && IsWordByte(normalised_[pos - 1])) --pos;
  }
  return pos;
}

size_t SearchText::WordsAfter(size_t end, size_t words) const {
  size_t pos = std::min(end, normalised_.size());
  for (size_t w = 0; w < words; ++w) {
    size_t gap = pos;
    while (gap < normalised_.size() && !IsWordByte(normalised_[gap])) {
      if (IsSentenceEnd(normalised_[gap])) return pos;
      ++gap;
    }
    if (gap == normalised_.size()) return pos;
    pos = gap;
    while (pos < normalised_.size() && IsWordByte(normalised_[pos])) ++pos;
  }
  return pos;
}

std::optional<PhraseMatch> FindPhrase(std::string_view text, std::string_view phrase) {
  return SearchText(text).Find(phrase);
}

}  // namespace foresight
