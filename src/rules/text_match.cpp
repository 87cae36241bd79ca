#include "rules/text_match.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.hpp"

namespace foresight::rules {

std::vector<TextField> ProseFields(const core::Charter& c) {
  std::vector<TextField> out = {
      {"task.target", &c.task.target},
      {"task.description", &c.task.description},
      {"summary", &c.summary},
      {"project.name", &c.project.name},
      {"domain.description", &c.domain.description},
      {"decision.affected", &c.decision.affected},
  };
  for (size_t i = 0; i < c.inputs.size(); ++i) {
    out.push_back({fmt::format("inputs[{}].name", i), &c.inputs[i].name});
  }
  for (size_t i = 0; i < c.data.sources.size(); ++i) {
    out.push_back({fmt::format("data.sources[{}].name", i), &c.data.sources[i].name});
    out.push_back({fmt::format("data.sources[{}].description", i), &c.data.sources[i].description});
  }
  return out;
}

std::vector<TextMatch> FindPhrases(const RuleInput& input, std::span<const TextField> fields,
                                   std::span<const std::string_view> phrases) {
  return FindPhrases(input, fields, phrases, Guards{});
}

std::vector<TextMatch> FindPhrases(const RuleInput& input, std::span<const TextField> fields,
                                   std::span<const std::string_view> phrases,
                                   const Guards& guards) {
  std::vector<TextMatch> out;
  for (const TextField& f : fields) {
    if (f.field == nullptr || !f.field->has()) continue;
    // Search the source bytes (not the unescaped value) so the span is exact in the file.
    const std::string_view source = input.file.TextOf(f.field->span);
    const std::string_view haystack = source.empty() ? std::string_view(f.field->value) : source;
    const SearchText search(haystack);
    // Where the guards stand: a match inside a guard's reach is not counted.
    std::vector<PhraseMatch> guard_matches;
    for (std::string_view guard : guards.phrases) {
      for (const PhraseMatch& g : search.FindAll(guard)) guard_matches.push_back(g);
    }
    const auto guarded = [&](const PhraseMatch& m) {
      const size_t from = search.WordsBefore(m.offset, guards.before);
      const size_t to = search.WordsAfter(m.offset + m.length, guards.after);
      return std::any_of(guard_matches.begin(), guard_matches.end(), [&](const PhraseMatch& g) {
        return g.offset >= from && g.offset + g.length <= to;
      });
    };
    std::optional<PhraseMatch> best;
    for (std::string_view phrase : phrases) {
      for (const PhraseMatch& match : search.FindAll(phrase)) {
        if (best && match.offset >= best->offset) break;
        if (guarded(match)) continue;
        best = match;
        break;
      }
    }
    if (!best) continue;
    TextMatch m;
    m.path = f.path;
    m.word = std::string(haystack.substr(best->offset, best->length));
    const uint32_t begin =
        f.field->span.begin + static_cast<uint32_t>(source.empty() ? 0 : best->offset);
    m.span = Span{begin, begin + static_cast<uint32_t>(source.empty() ? 0 : best->length)};
    if (source.empty()) m.span = f.field->span;
    out.push_back(std::move(m));
  }
  return out;
}

void AddMatches(Finding& finding, std::initializer_list<const std::vector<TextMatch>*> lists) {
  for (const std::vector<TextMatch>* list : lists) {
    for (const TextMatch& m : *list) AddMatch(finding, m);
  }
}

void AddMatch(Finding& finding, const TextMatch& match) {
  if (std::find(finding.fields.begin(), finding.fields.end(), match.path) == finding.fields.end()) {
    finding.fields.push_back(match.path);
  }
  const std::string word = ToLowerAscii(match.word);
  if (std::find(finding.words.begin(), finding.words.end(), word) == finding.words.end()) {
    finding.words.push_back(word);
  }
}

}  // namespace foresight::rules
