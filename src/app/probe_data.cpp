#include "app/probe_data.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "app/table_input.hpp"
#include "app/target.hpp"
#include "base/result.hpp"
#include "base/strings.hpp"
#include "table/typed.hpp"

namespace foresight::app {
namespace {

using core::EvalTask;
using table::ColumnKind;
using table::TypedColumn;

// A categorical feature keeps at most this many levels: the most frequent, and one for the
// rest (one-hot encodings stay narrow whatever the data).
constexpr size_t kMaxKeptLevels = 100;

// Fewer examples of a class than this earn a warning.
constexpr size_t kFewExamples = 20;

// The probe's training capacity: the most classes its learners are trained on (each fits a
// model, or a tree per boosting round, per class). A limit of the probe, not of what a
// target may be: InferTarget allows kMaxTargetClasses.
constexpr size_t kMaxProbeClasses = 200;

diag::Diagnostic ColumnProblem(const table::Table& t, const SourceFile& file, size_t column,
                               std::string message, std::string help) {
  const uint32_t offset = t.rows() > 0 ? t.CellOffset(0, column) : 0;
  return table::InputProblem(file, offset, std::move(message), std::move(help));
}

std::string TrimmedCell(const table::Table& t, size_t row, size_t column) {
  std::string_view text = t.Cell(row, column);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return std::string(text);
}

// A target column summed up for InferTarget: its distinct values with their counts, in the
// column's order (boolean: false, true; categorical: as declared or first seen; numeric: in
// numeric order), and each row's value (-1: missing). A numeric column's values beyond
// kMaxTargetClasses + 1 are not collected (a row holding one gets -1): it is a regression
// target, or too many classes, either way.
struct TargetValues {
  TargetSummary summary;
  std::vector<int32_t> value_of_row;
};

std::optional<double> NumberOf(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return table::ParseNumber(text);
}

TargetValues SummarizeTarget(const TypedColumn& col, const table::Table& t, size_t column) {
  TargetValues out;
  auto& values = out.summary.values;
  const size_t n = col.size();
  out.value_of_row.assign(n, -1);
  if (col.kind == ColumnKind::kCategorical) {
    // Keep the declared (ARFF) or first-seen order, dropping levels no row uses.
    std::vector<size_t> count(col.levels.size(), 0);
    for (const int32_t code : col.codes) {
      if (code >= 0) ++count[static_cast<size_t>(code)];
    }
    std::vector<int32_t> remap(col.levels.size(), -1);
    for (size_t k = 0; k < col.levels.size(); ++k) {
      if (count[k] == 0) continue;
      remap[k] = static_cast<int32_t>(values.size());
      values.push_back(
          {.text = col.levels[k], .count = count[k], .number = NumberOf(col.levels[k])});
    }
    for (size_t r = 0; r < n; ++r) {
      if (col.codes[r] >= 0) out.value_of_row[r] = remap[static_cast<size_t>(col.codes[r])];
    }
  } else if (col.kind == ColumnKind::kBoolean) {
    for (const std::string& spelled : col.booleans) {  // {false, true}
      values.push_back({.text = spelled, .count = 0, .number = NumberOf(spelled)});
    }
    for (size_t r = 0; r < n; ++r) {
      if (std::isnan(col.values[r])) continue;
      out.value_of_row[r] = col.values[r] > 0.5 ? 1 : 0;
      ++values[static_cast<size_t>(out.value_of_row[r])].count;
    }
  } else {
    // Numeric values, spelled as in the file (first seen), in numeric order.
    std::map<double, TargetValue> seen;
    for (size_t r = 0; r < n; ++r) {
      const double v = col.values[r];
      if (std::isnan(v)) continue;
      if (const auto it = seen.find(v); it != seen.end()) {
        ++it->second.count;
      } else if (seen.size() <= kMaxTargetClasses) {
        seen.emplace(v, TargetValue{.text = TrimmedCell(t, r, column), .count = 1, .number = v});
      }
    }
    std::map<double, int32_t> index;
    for (auto& [v, value] : seen) {
      index.emplace(v, static_cast<int32_t>(values.size()));
      values.push_back(std::move(value));
    }
    for (size_t r = 0; r < n; ++r) {
      if (std::isnan(col.values[r])) continue;
      if (const auto it = index.find(col.values[r]); it != index.end()) {
        out.value_of_row[r] = it->second;
      }
    }
  }
  return out;
}

// The levels of a categorical column that `rows` use, in the column's order: their names,
// how often each occurs, and each original level's new code (-1: unused).
struct Levels {
  std::vector<std::string> names;
  std::vector<size_t> count;
  std::vector<int32_t> code;
};

Levels UsedLevels(const TypedColumn& col, const std::vector<size_t>& rows) {
  std::vector<size_t> count(col.levels.size(), 0);
  for (const size_t r : rows) {
    if (col.codes[r] >= 0) ++count[static_cast<size_t>(col.codes[r])];
  }
  Levels out;
  out.code.assign(col.levels.size(), -1);
  for (size_t k = 0; k < col.levels.size(); ++k) {
    if (count[k] == 0) continue;
    out.code[k] = static_cast<int32_t>(out.names.size());
    out.names.push_back(col.levels[k]);
    out.count.push_back(count[k]);
  }
  return out;
}

// How many of `rows` miss a value in the column.
size_t MissingIn(const TypedColumn& col, const std::vector<size_t>& rows) {
  size_t missing = 0;
  for (const size_t r : rows) {
    missing += col.kind == ColumnKind::kCategorical ? col.codes[r] < 0 : std::isnan(col.values[r]);
  }
  return missing;
}

// The present cells of a column that are finite numbers, those that are not, and the row of
// the first that is not.
struct NumericCells {
  size_t numeric = 0;
  size_t other = 0;
  std::optional<size_t> first_other;
};

NumericCells CountNumeric(const table::Table& t, size_t column) {
  NumericCells out;
  for (size_t r = 0; r < t.rows(); ++r) {
    if (table::IsMissing(t, r, column)) continue;
    const auto v = table::ParseNumber(TrimmedCell(t, r, column));
    if (v && std::isfinite(*v)) {
      ++out.numeric;
    } else {
      ++out.other;
      if (!out.first_other) out.first_other = r;
    }
  }
  return out;
}

// Where and how the probe words a problem of its target (see InferTarget). A target of
// numbers but for a few cells (a stray "n.a.", "1,234") was typed categorical: the problem
// points at its first cell that is not a number.
struct TargetPlace {
  const table::Table& t;
  const SourceFile& file;
  size_t column;
  const std::string& name;
  const TypedColumn& typed;
  NumericCells cells;
  bool MostlyNumbers() const {
    return cells.first_other && cells.numeric * 10 >= (cells.numeric + cells.other) * 9;
  }
  diag::Diagnostic AtStrayCell(std::string message, std::string help) const {
    return table::InputProblem(file, t.CellOffset(*cells.first_other, column), std::move(message),
                               std::move(help));
  }
  std::string_view StrayCell() const { return t.Cell(*cells.first_other, column); }
};

// At most `shown` names, then how many more.
std::string SomeNames(const std::vector<TargetValue>& values, size_t shown) {
  std::vector<std::string> names;
  for (size_t i = 0; i < values.size() && i < shown; ++i) names.push_back(values[i].text);
  std::string out = Join(names, ", ");
  if (values.size() > shown) out += fmt::format(" and {} more", values.size() - shown);
  return out;
}

diag::Diagnostic TargetProblemDiagnostic(TargetProblem problem, const TargetSummary& summary,
                                         const TargetPlace& at, const ProbeOptions& options) {
  const auto& values = summary.values;
  switch (problem) {
    case TargetProblem::kUnknownTask:
      return FileProblem(at.file, fmt::format("unknown task '{}'", options.task.value_or("")),
                         "use " FORESIGHT_FIELD("task") " binary, multiclass or regression");
    case TargetProblem::kNoValue:
      return ColumnProblem(at.t, at.file, at.column,
                           fmt::format("the target '{}' is missing in every row", at.name),
                           "choose the column that holds the outcome to predict");
    case TargetProblem::kOneValue: {
      const bool classes = options.task && *options.task != "regression";
      if (values[0].number && !classes) {
        return ColumnProblem(
            at.t, at.file, at.column,
            fmt::format("the target '{}' has the same value ({}) in every row: there is nothing "
                        "to learn",
                        at.name, values[0].text),
            "choose the column that holds the outcome to predict");
      }
      return ColumnProblem(
          at.t, at.file, at.column,
          fmt::format("the target '{}' has one class ('{}') in every row: there is nothing to "
                      "learn",
                      at.name, values[0].text),
          "a classifier needs examples of at least two classes; check the column or the "
          "data extract");
    }
    case TargetProblem::kNotBinary:
      return ColumnProblem(
          at.t, at.file, at.column,
          fmt::format("the target '{}' has {} classes ({}), so it is not binary", at.name,
                      values.size(), SomeNames(values, 10)),
          "use " FORESIGHT_FIELD("task") " multiclass, or a target with two classes");
    case TargetProblem::kTooManyClasses:
      static_assert(kMaxTargetClasses == 1000);
      if (at.MostlyNumbers()) {
        return at.AtStrayCell(
            fmt::format("the target '{}' has more than 1,000 classes: it looks numeric, but '{}' "
                        "is not a number",
                        at.name, at.StrayCell()),
            "write it as a number, or leave it empty (a missing value): a numeric target is a "
            "regression target");
      }
      return ColumnProblem(
          at.t, at.file, at.column,
          fmt::format("the target '{}' has more than 1,000 classes", at.name),
          "a numeric outcome is a regression target: use " FORESIGHT_FIELD("task") " regression");
    case TargetProblem::kNotNumeric:
      if (at.MostlyNumbers()) {
        return at.AtStrayCell(
            fmt::format("the target '{}' must be numeric for regression, but '{}' is not a number",
                        at.name, at.StrayCell()),
            "write it as a number, or leave it empty (a missing value); or use " FORESIGHT_FIELD("task") " binary or "
            "multiclass");
      }
      return ColumnProblem(
          at.t, at.file, at.column,
          fmt::format("the target '{}' is {}, not numeric: it cannot be a regression target",
                      at.name, table::ColumnKindName(at.typed.kind)),
          "use " FORESIGHT_FIELD("task") " binary or multiclass, or choose a numeric target");
    case TargetProblem::kPositiveNotAClass:
      return ColumnProblem(at.t, at.file, at.column,
                           fmt::format(FORESIGHT_FIELD("positive") " '{}' is not a class of '{}'",
                                       options.positive.value_or(""), at.name),
                           fmt::format("the classes are: {}", SomeNames(values, 10)));
  }
  return FileProblem(at.file, "the target cannot be used",
                     "choose another " FORESIGHT_FIELD("target"));
}

// The probe's training limit (not the inference policy's): a classification target with more
// classes than its learners are trained on.
diag::Diagnostic TooManyClassesToTrain(size_t classes, const TargetPlace& at) {
  static_assert(kMaxTargetClasses == 1000);
  if (at.MostlyNumbers()) {
    return at.AtStrayCell(
        fmt::format("the target '{}' has {} classes, more than the {} the probe trains on: it "
                    "looks numeric, but '{}' is not a number",
                    at.name, classes, kMaxProbeClasses, at.StrayCell()),
        "write it as a number, or leave it empty (a missing value): a numeric target is a "
        "regression target");
  }
  return ColumnProblem(
      at.t, at.file, at.column,
      fmt::format("the target '{}' has {} classes, more than the {} the probe trains on", at.name,
                  classes, kMaxProbeClasses),
      fmt::format(
          "{} classes is the probe's training limit, not a limit of the task (an "
          "evaluation set may have up to 1,000); group rare classes, or use " FORESIGHT_FIELD(
              "task") " "
                      "regression for a numeric outcome",
          kMaxProbeClasses));
}

// The columns the options name: the target, the id, the ignored ones.
struct NamedColumns {
  size_t target = 0;
  std::optional<size_t> id;
  std::set<size_t> ignored;
};

// Every column the options name exists (else a diagnostic naming the columns there are),
// the table has rows, and the id column is not the target.
std::optional<NamedColumns> FindNamedColumns(const table::Table& t, const SourceFile& file,
                                             const ProbeOptions& options,
                                             std::vector<diag::Diagnostic>& out) {
  const size_t before = out.size();
  NamedColumns cols;
  const auto target = RequireColumn(t, file, options.target, FORESIGHT_FIELD("target"), out);
  if (options.id_column) {
    cols.id = RequireColumn(t, file, *options.id_column, FORESIGHT_FIELD("id"), out);
  }
  for (const std::string& name : options.ignore) {
    if (auto c = RequireColumn(t, file, name, FORESIGHT_FIELD("ignore"), out)) {
      cols.ignored.insert(*c);
    }
  }
  for (const auto& [name, kind] : options.types) {
    RequireColumn(t, file, name, FORESIGHT_FIELD("type"), out);
  }
  if (out.size() > before) return std::nullopt;
  cols.target = *target;
  if (t.rows() == 0) {
    out.push_back(FileProblem(file, "the table has a header but no rows",
                              "the probe learns from the rows: one example per row"));
    return std::nullopt;
  }
  if (cols.id && *cols.id == cols.target) {
    out.push_back(ColumnProblem(t, file, cols.target,
                                "the target column is also the " FORESIGHT_FIELD("id") " column",
                                "name a different column with " FORESIGHT_FIELD(
                                    "id") ", or leave " FORESIGHT_FIELD("id") " out"));
    return std::nullopt;
  }
  if (cols.ignored.count(cols.target) > 0) {
    out.push_back(ColumnProblem(
        t, file, cols.target,
        "the target column is also given to " FORESIGHT_FIELD(
            "ignore") ": the probe cannot learn a target it ignores",
        "drop it from " FORESIGHT_FIELD("ignore") ", or name another "
                                                  "target with " FORESIGHT_FIELD("target")));
    return std::nullopt;
  }
  return cols;
}

// The target's task and classes, and each row's value: its number (regression) or its
// class (classification); NaN or -1 when missing.
struct EncodedTarget {
  Target target;
  std::vector<double> number_of_row;  // regression only
  std::vector<int32_t> class_of_row;
  bool Missing(size_t r) const {
    return target.task == EvalTask::kRegression ? std::isnan(number_of_row[r])
                                                : class_of_row[r] < 0;
  }
};

// The task, the classes and the positive class: the policy `evalset add` shares
// (target.hpp), on the values of the typed column. A problem is a diagnostic at the
// target column (or its first cell that is not a number).
std::optional<EncodedTarget> EncodeTarget(const table::Table& t, const SourceFile& file,
                                          size_t column, const TypedColumn& typed,
                                          const ProbeOptions& options,
                                          std::vector<diag::Diagnostic>& out) {
  const TargetValues target_values = SummarizeTarget(typed, t, column);
  const TargetSummary& summary = target_values.summary;
  const TargetPlace place{.t = t,
                          .file = file,
                          .column = column,
                          .name = options.target,
                          .typed = typed,
                          .cells = CountNumeric(t, column)};
  auto inferred = InferTarget(summary, {.task = options.task, .positive = options.positive});
  if (!inferred) {
    out.push_back(TargetProblemDiagnostic(inferred.error(), summary, place, options));
    return std::nullopt;
  }
  if (inferred->classes.size() > kMaxProbeClasses) {
    out.push_back(TooManyClassesToTrain(inferred->classes.size(), place));
    return std::nullopt;
  }
  // A regression target is all numbers; a categorical column's (ARFF nominal, --type) are
  // its levels' numbers.
  EncodedTarget encoded;
  encoded.target = std::move(*inferred);
  encoded.class_of_row.assign(t.rows(), -1);
  if (encoded.target.task == EvalTask::kRegression) {
    encoded.number_of_row.assign(t.rows(), std::numeric_limits<double>::quiet_NaN());
    for (size_t r = 0; r < t.rows(); ++r) {
      if (typed.kind != ColumnKind::kCategorical) {
        encoded.number_of_row[r] = typed.values[r];
      } else if (const int32_t v = target_values.value_of_row[r]; v >= 0) {
        encoded.number_of_row[r] = *summary.values[static_cast<size_t>(v)].number;
      }
    }
  } else {
    for (size_t r = 0; r < t.rows(); ++r) {
      const int32_t v = target_values.value_of_row[r];
      if (v >= 0) encoded.class_of_row[r] = encoded.target.class_of[static_cast<size_t>(v)];
    }
  }
  return encoded;
}

// The rows with a target value: the others cannot teach anything, and are left out (with a
// warning).
std::vector<size_t> RowsWithTarget(const EncodedTarget& target, size_t table_rows,
                                   std::vector<core::ProbeWarning>& warnings) {
  std::vector<size_t> rows;
  for (size_t r = 0; r < table_rows; ++r) {
    if (!target.Missing(r)) rows.push_back(r);
  }
  if (rows.size() < table_rows) {
    warnings.push_back(
        {.kind = core::ProbeWarning::Kind::kRowsWithoutTarget, .count = table_rows - rows.size()});
  }
  return rows;
}

// The dataset's and the evaluation set's task and targets over `rows`. Rare classes are
// warned about: what they do to the folds, the small sizes and the intervals.
void FillTargets(const EncodedTarget& encoded, const std::vector<size_t>& rows, size_t folds,
                 ProbeData& data) {
  const EvalTask task = encoded.target.task;
  learners::Dataset& d = data.dataset;
  core::EvalSet& e = data.evalset;
  e.task = task;
  if (task == EvalTask::kRegression) {
    d.task = learners::Task::kRegression;
    for (const size_t r : rows) {
      d.target.push_back(encoded.number_of_row[r]);
      e.targets.push_back(encoded.number_of_row[r]);
    }
    return;
  }
  const std::vector<std::string>& classes = encoded.target.classes;
  e.classes = classes;
  d.task = task == EvalTask::kBinary ? learners::Task::kBinary : learners::Task::kMulticlass;
  d.classes = classes.size();
  std::vector<size_t> counts(classes.size(), 0);
  for (const size_t r : rows) ++counts[static_cast<size_t>(encoded.class_of_row[r])];
  for (size_t k = 0; k < classes.size(); ++k) {
    if (counts[k] < folds) {
      data.warnings.push_back({.kind = core::ProbeWarning::Kind::kClassBelowFolds,
                               .name = classes[k],
                               .count = counts[k],
                               .limit = folds});
    } else if (counts[k] < kFewExamples) {
      data.warnings.push_back(
          {.kind = core::ProbeWarning::Kind::kRareClass, .name = classes[k], .count = counts[k]});
    }
  }
  for (const size_t r : rows) {
    d.target.push_back(encoded.class_of_row[r]);
    e.labels.push_back(encoded.class_of_row[r]);
  }
}

// Ids: the id column's (present and unique, else diagnostics and false), else each row's
// number in the table (its number in the file when a sample was read).
bool FillIds(const table::Table& t, const SourceFile& file, std::optional<size_t> id_col,
             const std::vector<size_t>& rows, core::EvalSet& e,
             std::vector<diag::Diagnostic>& out) {
  if (!id_col) {
    for (const size_t r : rows) e.ids.push_back(std::to_string(t.Record(r) + 1));
    return true;
  }
  const size_t before = out.size();
  RowProblems missing("with no id",
                      "every row needs an id; fill it in or leave " FORESIGHT_FIELD("id") " out");
  RowProblems repeated("with an id seen earlier",
                       "ids must be unique; leave " FORESIGHT_FIELD("id") " out to "
                       "number the rows instead");
  std::unordered_set<std::string_view> seen;
  seen.reserve(rows.size());
  for (const size_t r : rows) {
    const std::string_view id = t.Cell(r, *id_col);
    if (id.empty() || table::IsMissing(t, r, *id_col)) {
      missing.Add(t.CellOffset(r, *id_col));
      continue;
    }
    if (!seen.insert(id).second) {
      repeated.Add(t.CellOffset(r, *id_col), fmt::format("'{}'", id));
    }
    e.ids.emplace_back(id);
  }
  missing.Report(file, out);
  repeated.Report(file, out);
  return out.size() == before;
}

// How column `c` is used: its kind, where the kind came from, its missing cells and levels
// over `rows`, its role, and why it is dropped (missing in every row; an identifier or free
// text: too many distinct values).
core::ProbeColumn DescribeColumn(const TypedColumn& col, size_t c, const NamedColumns& cols,
                                 const Levels& levels, const std::vector<size_t>& rows,
                                 size_t classes) {
  core::ProbeColumn info;
  info.name = col.name;
  info.kind = std::string(table::ColumnKindName(col.kind));
  info.origin = col.overridden ? "override" : (col.declared ? "declared" : "inferred");
  info.missing = MissingIn(col, rows);
  info.levels = levels.names.size();
  const size_t used = levels.names.size();
  if (c == cols.target) {
    info.role = "target";
    info.levels = classes;
  } else if (cols.id && c == *cols.id) {
    info.role = "id";
  } else if (cols.ignored.count(c)) {
    info.role = "ignored";
  } else if (info.missing == rows.size()) {
    info.role = "dropped";
    info.drop = core::ColumnDrop{.reason = core::ColumnDrop::Reason::kAllMissing};
  } else if (col.kind == ColumnKind::kCategorical &&
             (used > kMaxLevels || (used > 20 && used * 2 > rows.size()))) {
    info.role = "dropped";
    info.drop = core::ColumnDrop{
        .reason = core::ColumnDrop::Reason::kTooManyValues, .values = used, .rows = rows.size()};
  } else {
    info.role = "feature";
  }
  return info;
}

// A categorical feature: the codes of the levels the rows use; beyond the kMaxKeptLevels - 1
// most frequent, the rest share one "(other)" level (with a warning), so one-hot encodings
// stay narrow.
learners::Feature CategoricalFeature(const TypedColumn& col, const Levels& levels,
                                     const std::vector<size_t>& rows,
                                     std::vector<core::ProbeWarning>& warnings) {
  learners::Feature f;
  f.name = col.name;
  f.categorical = true;
  std::vector<int32_t> code = levels.code;
  size_t kept = levels.names.size();
  if (kept > kMaxKeptLevels) {
    std::vector<size_t> order(levels.names.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return levels.count[a] > levels.count[b]; });
    std::vector<int32_t> rank(order.size());
    for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int32_t>(i);
    const auto other = static_cast<int32_t>(kMaxKeptLevels - 1);
    for (int32_t& k : code) {
      if (k >= 0) k = std::min(rank[static_cast<size_t>(k)], other);
    }
    warnings.push_back({.kind = core::ProbeWarning::Kind::kLevelsGrouped,
                        .column = col.name,
                        .count = levels.names.size(),
                        .limit = kMaxKeptLevels - 1});
    kept = kMaxKeptLevels;
  }
  f.levels = kept;
  f.codes.reserve(rows.size());
  for (const size_t r : rows) {
    f.codes.push_back(col.codes[r] < 0 ? -1 : code[static_cast<size_t>(col.codes[r])]);
  }
  return f;
}

learners::Feature NumericFeature(const TypedColumn& col, const std::vector<size_t>& rows) {
  learners::Feature f;
  f.name = col.name;
  f.values.reserve(rows.size());
  for (const size_t r : rows) f.values.push_back(col.values[r]);
  return f;
}

// Features: every other column that carries information, counted over the rows kept. Every
// column is described in `data.columns`; a dropped one is warned about.
void AddFeatures(const table::Typed& typed, const NamedColumns& cols,
                 const std::vector<size_t>& rows, size_t classes, ProbeData& data) {
  for (size_t c = 0; c < typed.columns.size(); ++c) {
    const TypedColumn& col = typed.columns[c];
    const Levels levels = col.kind == ColumnKind::kCategorical ? UsedLevels(col, rows) : Levels{};
    core::ProbeColumn info = DescribeColumn(col, c, cols, levels, rows, classes);
    if (info.role == "feature") {
      data.dataset.features.push_back(col.kind == ColumnKind::kCategorical
                                          ? CategoricalFeature(col, levels, rows, data.warnings)
                                          : NumericFeature(col, rows));
    } else if (info.role == "dropped") {
      data.warnings.push_back({.kind = core::ProbeWarning::Kind::kColumnDropped,
                               .column = col.name,
                               .drop = *info.drop});
    }
    data.columns.push_back(std::move(info));
  }
}

}  // namespace

std::optional<ProbeData> PrepareProbeData(const table::Table& t, const SourceFile& file,
                                          const ProbeOptions& options,
                                          std::vector<diag::Diagnostic>& out) {
  const std::optional<NamedColumns> cols = FindNamedColumns(t, file, options, out);
  if (!cols) return std::nullopt;
  const table::Typed typed = table::TypeColumns(t, options.types);
  ProbeData data;
  for (const table::RefusedOverride& refused : typed.refused) {
    data.warnings.push_back({.kind = core::ProbeWarning::Kind::kTypeRefused,
                             .column = refused.column,
                             .type = std::string(table::ColumnKindName(refused.kind)),
                             .declared = refused.declared});
  }
  const std::optional<EncodedTarget> target =
      EncodeTarget(t, file, cols->target, typed.columns[cols->target], options, out);
  if (!target) return std::nullopt;
  data.task_inferred = target->target.task_inferred;
  data.positive_inferred = target->target.positive_inferred;
  const std::vector<size_t> rows = RowsWithTarget(*target, t.rows(), data.warnings);
  FillTargets(*target, rows, options.folds, data);
  if (!FillIds(t, file, cols->id, rows, data.evalset, out)) return std::nullopt;
  AddFeatures(typed, *cols, rows, target->target.classes.size(), data);
  if (data.dataset.features.empty()) {
    out.push_back(FileProblem(
        file, "no column is left to learn from",
        "the table needs at least one feature besides the target, the id and the ignored "
        "columns"));
    return std::nullopt;
  }
  data.evalset.source = std::string(file.path());
  return data;
}

}  // namespace foresight::app
