#include "app/target.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <utility>

#include "base/strings.hpp"

namespace foresight::app {
namespace {

bool IsFinite(const TargetValue& v) { return v.number && std::isfinite(*v.number); }

bool IsWhole(const TargetValue& v) { return IsFinite(v) && *v.number == std::floor(*v.number); }

// The positive of a known pair among two values (0 or 1), if they are one.
std::optional<size_t> KnownPositive(const TargetValue& a, const TargetValue& b) {
  if (IsFinite(a) && IsFinite(b)) {
    // 0/1 and -1/1 by value, so "+1", "1.0" and "0.0" count too.
    const double low = std::min(*a.number, *b.number);
    const double high = std::max(*a.number, *b.number);
    if (high == 1 && (low == 0 || low == -1)) return *a.number == 1 ? 0 : 1;
    return std::nullopt;
  }
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kPairs = {{
      {"false", "true"},
      {"no", "yes"},
      {"n", "y"},
      {"f", "t"},
      {"negative", "positive"},
  }};
  const std::string la = ToLowerAscii(a.text);
  const std::string lb = ToLowerAscii(b.text);
  for (const auto& [negative, positive] : kPairs) {
    if (la == negative && lb == positive) return 1;
    if (la == positive && lb == negative) return 0;
  }
  return std::nullopt;
}

// The order of the summary's values as classes: numeric when all are finite numbers, else as
// given.
std::vector<size_t> ClassOrder(const TargetSummary& s) {
  std::vector<size_t> order(s.values.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (!FirstNonFinite(s)) {
    std::stable_sort(order.begin(), order.end(), [&s](size_t a, size_t b) {
      return *s.values[a].number < *s.values[b].number;
    });
  }
  return order;
}

}  // namespace

std::optional<size_t> FirstNonFinite(const TargetSummary& summary) {
  for (size_t i = 0; i < summary.values.size(); ++i) {
    if (!IsFinite(summary.values[i])) return i;
  }
  return std::nullopt;
}

tl::expected<Target, TargetProblem> InferTarget(const TargetSummary& summary,
                                                const TargetChoice& choice) {
  Target out;
  if (choice.task) {
    const auto task = core::ParseEvalTask(*choice.task);
    if (!task) return tl::unexpected(TargetProblem::kUnknownTask);
    out.task = *task;
  }
  const auto& values = summary.values;
  if (values.empty()) return tl::unexpected(TargetProblem::kNoValue);
  if (values.size() == 1) return tl::unexpected(TargetProblem::kOneValue);
  if (!choice.task) {
    const bool all_numbers = std::all_of(values.begin(), values.end(),
                                         [](const TargetValue& v) { return v.number.has_value(); });
    out.task_inferred = true;
    const bool all_whole = std::all_of(values.begin(), values.end(), IsWhole);
    if (values.size() == 2) {
      out.task = core::EvalTask::kBinary;
    } else if (all_numbers && (!all_whole || values.size() > kMaxCodedClasses)) {
      out.task = core::EvalTask::kRegression;
    } else {
      out.task = core::EvalTask::kMulticlass;
    }
  }
  if (out.task == core::EvalTask::kRegression) {
    if (FirstNonFinite(summary)) return tl::unexpected(TargetProblem::kNotNumeric);
    return out;
  }
  if (values.size() > kMaxTargetClasses) return tl::unexpected(TargetProblem::kTooManyClasses);
  if (out.task == core::EvalTask::kBinary && values.size() != 2) {
    return tl::unexpected(TargetProblem::kNotBinary);
  }
  std::vector<size_t> order = ClassOrder(summary);
  if (out.task == core::EvalTask::kBinary) {
    // order[1] becomes the positive class.
    const TargetValue& first = values[order[0]];
    const TargetValue& second = values[order[1]];
    size_t positive = 1;
    if (choice.positive) {
      if (*choice.positive == first.text) {
        positive = 0;
      } else if (*choice.positive != second.text) {
        return tl::unexpected(TargetProblem::kPositiveNotAClass);
      }
    } else if (const auto known = KnownPositive(first, second)) {
      positive = *known;
      out.positive_inferred = core::InferredPositive::kKnownPair;
    } else {
      positive = first.count < second.count ? 0 : 1;  // a tie: the later
      out.positive_inferred = core::InferredPositive::kRarer;
    }
    if (positive == 0) std::swap(order[0], order[1]);
  }
  out.class_of.assign(values.size(), -1);
  for (size_t k = 0; k < order.size(); ++k) {
    out.classes.push_back(values[order[k]].text);
    out.class_of[order[k]] = static_cast<int32_t>(k);
  }
  return out;
}

}  // namespace foresight::app
