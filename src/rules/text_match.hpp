// Free-text matching for rules: find phrases in the charter's prose fields and point at the
// exact words in the file. Free text is a secondary signal; structured fields come first.
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/charter.hpp"
#include "rules/lexicon.hpp"
#include "rules/rule.hpp"

namespace foresight::rules {

// A prose field to search, with its dotted path.
struct TextField {
  std::string path;
  const core::Field<std::string>* field = nullptr;
};

struct TextMatch {
  std::string path;  // the field
  std::string word;  // the matched words as written in the file
  Span span;         // the matched words' span
};

// Every free-text field of the charter: summary, descriptions, task.target, decision.affected,
// data source descriptions, and so on.
std::vector<TextField> ProseFields(const core::Charter& charter);

// The first match of any phrase in each field (see base/strings.hpp FindPhrase for the
// phrase syntax), in field order.
std::vector<TextMatch> FindPhrases(const RuleInput& input, std::span<const TextField> fields,
                                   std::span<const std::string_view> phrases);

// Phrases that, standing right next to a match, say the text is about checking for the thing
// or about another sense of the word, not about doing it: "detect manipulation", "errors
// compared across ethnic groups", "financial crime", "robot manipulation". A guard counts only
// within `before` words before the match or `after` words after it, in the same field: the
// same word elsewhere in the field ("a fairness audit is planned") changes nothing, so no
// innocent sentence can switch a rule off. A guard wholly inside the matched words
// ("chasing their losses" and the guard "their") does not count.
struct Guards {
  std::span<const std::string_view> phrases;
  size_t before = 3;
  size_t after = 2;
  // Guards that count only before the match, within `before` words: a negation ("no bonus
  // offers") negates what follows it, not what precedes it ("buys without reading").
  std::span<const std::string_view> before_only = {};
  // How far back a `before_only` guard reaches, in words (0: `before`); never past a comma,
  // a bracket or a sentence's end, so a denial covers its own clause ("refuses to play ads
  // or suggest purchases") and no other.
  size_t before_only_words = 0;
};

// FindPhrases, skipping every match a guard stands next to: the first unguarded match of
// any phrase in each field. With `lexicon`, its words (a concept from WordNet) count as
// more phrases.
std::vector<TextMatch> FindPhrases(const RuleInput& input, std::span<const TextField> fields,
                                   std::span<const std::string_view> phrases, const Guards& guards,
                                   const Lexicon* lexicon = nullptr);

// Two concepts read together: a match of `a` (not guarded by `a_guards`) with a match of
// `b` in the same field and sentence, at most `window` words before or after it. The first
// such pair in each field, in field order. "frustration of each call centre agent" is an
// emotion of a worker; "agents hear the caller's frustration" pairs only with a window that
// reaches "agents".
struct NearMatch {
  TextMatch a;
  TextMatch b;
};
// With `b_after`, the `b` match must come after the `a` match ("a parent ... buys"). With
// `b_lexicon` (`a_lexicon`), its words count as more `b` (`a`) phrases.
std::vector<NearMatch> FindNear(const RuleInput& input, std::span<const TextField> fields,
                                std::span<const std::string_view> a, const Guards& a_guards,
                                std::span<const std::string_view> b, size_t window,
                                bool b_after = false, const Lexicon* b_lexicon = nullptr,
                                const Lexicon* a_lexicon = nullptr);

// Appends a match's field and words to a finding (without duplicates).
void AddMatch(Finding& finding, const TextMatch& match);
// The same for every match of each list, in order (a rule that reads several concepts).
void AddMatches(Finding& finding, std::initializer_list<const std::vector<TextMatch>*> lists);

}  // namespace foresight::rules
