// One policy that turns a table's target column into a task: `evalset add` (its label
// column) and `probe` (its --target column) both ask `InferTarget`, so the same values give
// the same task, the same classes and the same positive class in both.
//
// The policy, when the user does not say (--task, --positive):
//   - exactly two distinct values: binary (0/1, 1/2, -1/1, yes/no, any two labels);
//   - numbers that are not all whole: regression;
//   - whole numbers: multiclass up to kMaxCodedClasses distinct values, regression beyond
//     (integer-coded classes are digits, ratings, a few dozen categories at most; counts,
//     ages, years and amounts take more values than that);
//   - anything else (text labels): multiclass;
//   - a classification target has at most kMaxTargetClasses classes.
// Classes are in numeric order when every value is a finite number, else in the caller's
// order. A value that is an infinite number counts as a number for the task (so a column of
// numbers with one "inf" is inferred as regression) and then fails it (kNotNumeric): the
// caller points at the cell.
// The positive class of a binary task: --positive; else the positive of a known pair,
// ignoring case (0/1, -1/1 by value; false/true, no/yes, n/y, f/t, negative/positive); else
// the rarer class (a tie: the later in class order), the one a risk or detection model is
// usually about.
//
// Pure: no I/O and no sentences. A problem comes back typed; each caller words it and puts it
// at its own place in the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "core/evidence.hpp"

namespace foresight::app {

// The most classes a classification target may have, inferred or given (evaluation sets of
// 1,000 classes are real: ImageNet's).
inline constexpr size_t kMaxTargetClasses = 1000;

// Whole-number targets with more distinct values than this are inferred as regression.
inline constexpr size_t kMaxCodedClasses = 20;

// One distinct non-missing value of a target column.
struct TargetValue {
  std::string text = {};              // as spelled (trimmed)
  size_t count = 0;                   // rows holding it
  std::optional<double> number = {};  // its value when it is a number (infinite or NaN too)
};

// A target column summed up by the caller: its distinct non-missing values in the caller's
// order (first seen, declared, or sorted). A caller may stop collecting after
// kMaxTargetClasses + 1 distinct values: the outcome is the same.
struct TargetSummary {
  std::vector<TargetValue> values;
};

// What the user chose.
struct TargetChoice {
  std::optional<std::string> task = {};      // "binary", "multiclass", "regression"
  std::optional<std::string> positive = {};  // binary: the positive class, as spelled
};

struct Target {
  core::EvalTask task = core::EvalTask::kBinary;
  bool task_inferred = false;
  // Classification: the class names in stored order (binary: {negative, positive}), and the
  // class of each summary value (its index in `classes`). Regression: both empty.
  std::vector<std::string> classes;
  std::vector<int32_t> class_of;
  // Binary: how the positive class was chosen when --positive did not name it.
  std::optional<core::InferredPositive> positive_inferred;
};

enum class TargetProblem {
  kUnknownTask,       // the given task is not binary, multiclass or regression
  kNoValue,           // no value in any row
  kOneValue,          // one distinct value: nothing to tell apart or to predict
  kNotBinary,         // binary was asked for, but there are more than two values
  kTooManyClasses,    // a classification target with more than kMaxTargetClasses classes
  kNotNumeric,        // a regression target (given or inferred) with a value that is not a
                      // finite number
  kPositiveNotAClass  // --positive names none of the two classes
};

// The task of a target column, or the first problem that stops it, in the order above.
tl::expected<Target, TargetProblem> InferTarget(const TargetSummary& summary,
                                                const TargetChoice& choice);

// The index of the first value (in summary order) that is not a finite number, if any.
std::optional<size_t> FirstNonFinite(const TargetSummary& summary);

}  // namespace foresight::app
