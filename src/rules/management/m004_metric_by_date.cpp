// M004: milestones promise a metric value by a date, with no methods to get there.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "base/strings.hpp"
#include "rules/builtin_rules.hpp"
#include "rules/management/management_helpers.hpp"
#include "rules/rule_helpers.hpp"

namespace foresight::rules {
namespace m004 {
namespace {

constexpr std::array<std::string_view, 17> kMetricWords = {
    "accuracy", "precision", "recall", "f1",   "auc",  "error", "errors", "score", "map",
    "top-1",    "top-5",     "iou",    "bleu", "rmse", "mae",   "wer",    "dice"};

bool IsWordChar(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_'; }

bool IsDigit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }

// The numbers written in `text`, as (offset, text) with a trailing '%' kept. Digits glued to
// a word ("v2", "f1", "top-1") are part of a name, not a number.
std::vector<std::pair<size_t, std::string>> Numbers(std::string_view text) {
  std::vector<std::pair<size_t, std::string>> out;
  size_t i = 0;
  while (i < text.size()) {
    const bool starts =
        IsDigit(text[i]) || (text[i] == '.' && i + 1 < text.size() && IsDigit(text[i + 1]));
    if (!starts) {
      ++i;
      continue;
    }
    const bool glued =
        i > 0 && (IsWordChar(text[i - 1]) ||
                  ((text[i - 1] == '-' || text[i - 1] == '.') && i > 1 && IsWordChar(text[i - 2])));
    size_t end = i;
    while (end < text.size() && (IsDigit(text[end]) || (text[end] == '.' && end + 1 < text.size() &&
                                                        IsDigit(text[end + 1])))) {
      ++end;
    }
    if (end < text.size() && text[end] == '%') ++end;
    const bool glued_after =
        end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])) != 0;
    if (!glued && !glued_after) out.emplace_back(i, std::string(text.substr(i, end - i)));
    i = end;
  }
  return out;
}

// The word before `offset` in `text`, lower-cased ("" at the start).
std::string WordBefore(std::string_view text, size_t offset) {
  size_t end = offset;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsWordChar(text[begin - 1])) --begin;
  return ToLowerAscii(text.substr(begin, end - begin));
}

// The word after `offset` in `text`, lower-cased ("" at the end).
std::string WordAfter(std::string_view text, size_t offset) {
  size_t begin = offset;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  size_t end = begin;
  while (end < text.size() && IsWordChar(text[end])) ++end;
  return ToLowerAscii(text.substr(begin, end - begin));
}

// Whether a number is not a metric value: a year ("the 2025 backlog"), or a share of a
// population ("roll out to 10% of stores", "A/B test on 5% of traffic").
bool IsNotAMetricValue(std::string_view text, size_t offset, const std::string& number) {
  if (number.size() == 4 && std::all_of(number.begin(), number.end(), IsDigit)) {
    int value = 0;
    for (const char ch : number) value = value * 10 + (ch - '0');
    if (value >= 1900 && value <= 2100) return true;
  }
  if (!number.ends_with('%') || WordAfter(text, offset + number.size()) != "of") return false;
  static constexpr std::array<std::string_view, 6> kPrepositions = {"to",  "on", "with",
                                                                    "for", "in", "across"};
  const std::string before = WordBefore(text, offset);
  return std::find(kPrepositions.begin(), kPrepositions.end(), before) != kPrepositions.end();
}

void Check(const RuleInput& in, std::vector<Finding>& out) {
  const core::Charter& c = in.charter;
  for (size_t i = 0; i < c.plan.milestones.size(); ++i) {
    const core::Milestone& m = c.plan.milestones[i];
    const std::string path = fmt::format("plan.milestones[{}]", i);
    if (!m.goal.has() || !m.methods.empty() || UnderPlaceholder(c, path + ".methods")) continue;
    const std::string& goal = *m.goal;
    auto numbers = Numbers(goal);
    std::erase_if(numbers,
                  [&](const auto& n) { return IsNotAMetricValue(goal, n.first, n.second); });
    if (numbers.empty()) continue;
    std::vector<std::pair<size_t, std::string>> words;
    const SearchText search(goal);
    for (std::string_view phrase : kMetricWords) {
      const auto match = search.Find(phrase);
      if (!match) continue;
      const std::string written = goal.substr(match->offset, match->length);
      // "map" is a metric only when written as one (mAP); otherwise it is the ordinary word.
      if (phrase == "map" && written != "mAP" && written != "MAP") continue;
      // "error analysis" is a piece of work, not a metric.
      if ((phrase == "error" || phrase == "errors") &&
          WordAfter(goal, match->offset + match->length) == "analysis") {
        continue;
      }
      words.emplace_back(match->offset, ToLowerAscii(written));
    }
    const bool percentage = std::any_of(numbers.begin(), numbers.end(),
                                        [](const auto& n) { return n.second.ends_with('%'); });
    if (words.empty() && !percentage) continue;
    words.insert(words.end(), numbers.begin(), numbers.end());
    std::sort(words.begin(), words.end());
    Finding f;
    f.span = m.goal.span;
    std::vector<std::string> promised;
    for (auto& [offset, word] : words) {
      if (std::find(f.words.begin(), f.words.end(), word) != f.words.end()) continue;
      f.words.push_back(word);
      promised.push_back(word);
    }
    const std::string when = m.date.has() ? " by " + m.date->ToString() : "";
    f.message = fmt::format(
        "milestone '{}' promises a number ({}){} but names no methods to try to get there", goal,
        Join(promised, " "), when);
    f.fields = {path + ".goal", path + ".methods"};
    out.push_back(std::move(f));
  }
}

}  // namespace
}  // namespace m004

RuleDef MakeM004() {
  return RuleDef{
      .meta =
          {
              .id = "M004",
              .factor = core::Factor::kManagement,
              .severity = Severity::kWarning,
              .title = "A milestone promises a metric value by a date, with no methods",
              .rationale =
                  "Progress in machine learning is not linear: a model can sit at 80% for "
                  "months and then jump, or never move. A milestone like '90% by March' is a "
                  "wish, not a plan, and when it is missed nobody knows what to do next. "
                  "Commit to the methods you will try and the dates you will decide, not to "
                  "the number.",
              .fix = "list the methods this milestone will try (plan.milestones[].methods) and "
                     "make the goal a decision (\"by March: tried A and B, decide whether to "
                     "continue\")",
              .references =
                  {
                      {"Full Stack Deep Learning, Lecture 5: ML Projects",
                       "https://fullstackdeeplearning.com/spring2021/lecture-5/"},
                      {"Google, Rules of Machine Learning",
                       "https://developers.google.com/machine-learning/guides/rules-of-ml"},
                  },
          },
      .check = m004::Check,
  };
}

}  // namespace foresight::rules
