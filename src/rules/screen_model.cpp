#include "rules/screen_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

namespace foresight::rules::screen_model {
namespace model_data {

struct ModelWeight {
  std::string_view feature;
  int cls;
  double weight;
};

using namespace std::string_view_literals;  // NOLINT(google-build-using-namespace): the model's
                                            // "..."sv

#include "rules/screen_model.inc"

}  // namespace model_data

namespace words {

bool IsWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Words that carry no meaning alone: they count in the reading, but a feature made only of
// them (or of digits) is not shown as evidence.
constexpr std::array<std::string_view, 48> kFunctionWords = {
    "a",    "about", "after", "all",  "an",    "and",   "any",  "are",  "as",    "at",
    "be",   "by",    "can",   "each", "every", "for",   "from", "has",  "have",  "how",
    "if",   "in",    "into",  "is",   "it",    "its",   "more", "most", "no",    "not",
    "of",   "on",    "or",    "our",  "per",   "than",  "that", "the",  "their", "them",
    "they", "this",  "to",    "we",   "what",  "which", "who",  "with"};

bool Telling(std::string_view feature) {
  size_t start = 0;
  while (start <= feature.size()) {
    size_t end = feature.find(' ', start);
    if (end == std::string_view::npos) end = feature.size();
    const std::string_view word = feature.substr(start, end - start);
    const bool digits = word.find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits &&
        std::find(kFunctionWords.begin(), kFunctionWords.end(), word) == kFunctionWords.end()) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace words

using words::IsWordByte;
using words::Telling;

std::vector<std::string> Features(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char raw : text) {
    const char c = raw >= 'A' && raw <= 'Z' ? static_cast<char>(raw - 'A' + 'a') : raw;
    if (IsWordByte(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::vector<std::string> out;
  out.reserve(words.size() * 2);
  for (size_t i = 0; i < words.size(); ++i) {
    out.push_back(words[i]);
    if (i + 1 < words.size()) out.push_back(words[i] + " " + words[i + 1]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::span<const std::string_view> Classes() { return model_data::kModelClasses; }

int TrainedOn() { return model_data::kModelTrainedOn; }

Reading Read(std::string_view text, size_t evidence) {
  const auto& weights = model_data::kModelWeights;
  constexpr size_t kClasses = model_data::kModelClasses.size();
  const std::vector<std::string> features = Features(text);
  const double value =
      features.empty() ? 0.0 : 1.0 / std::sqrt(static_cast<double>(features.size()));
  std::array<double, kClasses> z = model_data::kModelIntercepts;
  // Each present feature's weights (sorted by feature, then class), found by binary search.
  std::vector<std::pair<std::string_view, std::array<double, kClasses>>> present;
  for (const std::string& f : features) {
    auto it = std::lower_bound(
        weights.begin(), weights.end(), std::string_view(f),
        [](const model_data::ModelWeight& w, std::string_view key) { return w.feature < key; });
    if (it == weights.end() || it->feature != f) continue;
    std::array<double, kClasses> row{};
    for (; it != weights.end() && it->feature == f; ++it) {
      row[static_cast<size_t>(it->cls)] = it->weight;
      z[static_cast<size_t>(it->cls)] += it->weight * value;
    }
    present.emplace_back(std::string_view(f), row);
  }
  Reading r;
  const double top = *std::max_element(z.begin(), z.end());
  double sum = 0;
  r.probabilities.resize(kClasses);
  for (size_t k = 0; k < kClasses; ++k) {
    r.probabilities[k] = std::exp(z[k] - top);
    sum += r.probabilities[k];
  }
  for (double& p : r.probabilities) p /= sum;
  const auto classes = Classes();
  const auto none = static_cast<size_t>(
      std::find(classes.begin(), classes.end(), std::string_view("none")) - classes.begin());
  r.prohibited = 1 - r.probabilities[none];
  size_t best = none == 0 ? 1 : 0;
  for (size_t k = 0; k < kClasses; ++k) {
    if (k != none && r.probabilities[k] > r.probabilities[best]) best = k;
  }
  r.practice = std::string(classes[best]);
  // Evidence: the features that push toward the practice and away from none the most.
  std::vector<std::pair<double, std::string_view>> pushes;
  pushes.reserve(present.size());
  for (const auto& [feature, row] : present) {
    const double push = row[best] - row[none];
    if (push > 0 && Telling(feature)) pushes.emplace_back(push, feature);
  }
  std::sort(pushes.begin(), pushes.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (size_t i = 0; i < pushes.size() && i < evidence; ++i) {
    r.evidence.emplace_back(pushes[i].second);
  }
  return r;
}

}  // namespace foresight::rules::screen_model
