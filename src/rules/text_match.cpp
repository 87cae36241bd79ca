#include "rules/text_match.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

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

namespace text_match {

// Where the clause holding `offset` starts: just after the last comma, bracket or sentence
// end before it.
size_t ClauseStart(std::string_view text, size_t offset) {
  const size_t at = text.substr(0, offset).find_last_of(",;:.!?()");
  return at == std::string_view::npos ? 0 : at + 1;
}

// One field prepared for searching: the source bytes (not the unescaped value) so that
// spans are exact in the file, or the value when the field has no source text.
struct Prepared {
  std::string_view source;
  std::string_view haystack;
  SearchText search;

  Prepared(const RuleInput& input, const TextField& f)
      : source(input.file.TextOf(f.field->span)),
        haystack(source.empty() ? std::string_view(f.field->value) : source),
        search(haystack) {}

  // The matches of `phrases` that no guard stands next to, in text order.
  std::vector<PhraseMatch> Unguarded(std::span<const std::string_view> phrases,
                                     const Guards& guards, const Lexicon* lexicon = nullptr) const {
    std::vector<PhraseMatch> around;
    for (std::string_view guard : guards.phrases) {
      for (const PhraseMatch& g : search.FindAll(guard)) around.push_back(g);
    }
    std::vector<PhraseMatch> before;
    for (std::string_view guard : guards.before_only) {
      for (const PhraseMatch& g : search.FindAll(guard)) before.push_back(g);
    }
    std::vector<PhraseMatch> candidates;
    for (std::string_view phrase : phrases) {
      for (const PhraseMatch& m : search.FindAll(phrase)) candidates.push_back(m);
    }
    if (lexicon != nullptr) {
      for (const PhraseMatch& m : lexicon->FindAll(search)) candidates.push_back(m);
    }
    std::vector<PhraseMatch> out;
    for (const PhraseMatch& m : candidates) {
      const size_t from = search.WordsBefore(m.offset, guards.before);
      const size_t to = search.WordsAfter(m.offset + m.length, guards.after);
      const auto within = [&](const PhraseMatch& g, size_t end) {
        const bool inside = g.offset >= m.offset && g.offset + g.length <= m.offset + m.length;
        return !inside && g.offset >= from && g.offset + g.length <= end;
      };
      const bool guarded =
          std::any_of(around.begin(), around.end(),
                      [&](const PhraseMatch& g) { return within(g, to); }) ||
          (!before.empty() && [&] {
            // A denial reaches back through its own clause only.
            const size_t from_clause =
                std::max(search.WordsBefore(m.offset, guards.before_only_words == 0
                                                          ? guards.before
                                                          : guards.before_only_words),
                         ClauseStart(search.normalised(), m.offset));
            return std::any_of(before.begin(), before.end(), [&](const PhraseMatch& g) {
              return g.offset >= from_clause && g.offset + g.length <= m.offset;
            });
          }());
      if (!guarded) out.push_back(m);
    }
    // In text order; at one place, the phrase listed first.
    std::stable_sort(out.begin(), out.end(), [](const PhraseMatch& x, const PhraseMatch& y) {
      return x.offset < y.offset;
    });
    return out;
  }

  TextMatch ToMatch(const TextField& f, const PhraseMatch& p) const {
    TextMatch m;
    m.path = f.path;
    m.word = std::string(haystack.substr(p.offset, p.length));
    if (source.empty()) {
      m.span = f.field->span;
    } else {
      const uint32_t begin = f.field->span.begin + static_cast<uint32_t>(p.offset);
      m.span = Span{begin, begin + static_cast<uint32_t>(p.length)};
    }
    return m;
  }
};

}  // namespace text_match

class TextCache {
 public:
  std::unordered_map<const core::Field<std::string>*, std::unique_ptr<text_match::Prepared>> fields;
};

namespace text_match {

// The field prepared once per input, whichever rule asks first.
const Prepared& PreparedOf(const RuleInput& input, const TextField& f) {
  if (!input.text_cache) input.text_cache = std::make_shared<TextCache>();
  std::unique_ptr<Prepared>& slot = input.text_cache->fields[f.field];
  if (!slot) slot = std::make_unique<Prepared>(input, f);
  return *slot;
}

}  // namespace text_match

std::vector<TextMatch> FindPhrases(const RuleInput& input, std::span<const TextField> fields,
                                   std::span<const std::string_view> phrases, const Guards& guards,
                                   const Lexicon* lexicon) {
  std::vector<TextMatch> out;
  for (const TextField& f : fields) {
    if (f.field == nullptr || !f.field->has()) continue;
    const text_match::Prepared& text = text_match::PreparedOf(input, f);
    const std::vector<PhraseMatch> matches = text.Unguarded(phrases, guards, lexicon);
    if (!matches.empty()) out.push_back(text.ToMatch(f, matches.front()));
  }
  return out;
}

std::vector<NearMatch> FindNear(const RuleInput& input, std::span<const TextField> fields,
                                std::span<const std::string_view> a, const Guards& a_guards,
                                std::span<const std::string_view> b, size_t window, bool b_after,
                                const Lexicon* b_lexicon, const Lexicon* a_lexicon) {
  std::vector<NearMatch> out;
  for (const TextField& f : fields) {
    if (f.field == nullptr || !f.field->has()) continue;
    const text_match::Prepared& text = text_match::PreparedOf(input, f);
    const std::vector<PhraseMatch> as = text.Unguarded(a, a_guards, a_lexicon);
    if (as.empty()) continue;
    const std::vector<PhraseMatch> bs = text.Unguarded(b, Guards{}, b_lexicon);
    bool found = false;
    for (const PhraseMatch& x : as) {
      const size_t from = b_after ? x.offset + x.length : text.search.WordsBefore(x.offset, window);
      const size_t to = text.search.WordsAfter(x.offset + x.length, window);
      for (const PhraseMatch& y : bs) {
        const bool overlaps = y.offset < x.offset + x.length && x.offset < y.offset + y.length;
        if (overlaps || y.offset < from || y.offset + y.length > to) continue;
        out.push_back(NearMatch{text.ToMatch(f, x), text.ToMatch(f, y)});
        found = true;
        break;
      }
      if (found) break;
    }
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
