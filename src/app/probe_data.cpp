#include "app/probe_data.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <unordered_set>

#include <fmt/format.h>

#include "app/table_input.hpp"
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

// The most classes a classification target may have.
constexpr size_t kMaxClasses = 200;

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

// Class names of a target column, in the order they are declared or first seen, with the
// class index of each row (-1: missing).
struct Classes {
  std::vector<std::string> names;
  std::vector<int32_t> index;
  std::vector<size_t> counts;
};

Classes ClassesOf(const TypedColumn& col, const table::Table& t, size_t column) {
  Classes out;
  const size_t n = col.size();
  out.index.assign(n, -1);
  if (col.kind == ColumnKind::kCategorical) {
    std::vector<int32_t> remap(col.levels.size(), -1);
    for (size_t r = 0; r < n; ++r) {
      const int32_t code = col.codes[r];
      if (code < 0) continue;
      auto& m = remap[static_cast<size_t>(code)];
      if (m < 0) m = 0;  // seen
    }
    // Keep the declared (ARFF) or first-seen order, dropping levels no row uses.
    for (size_t k = 0; k < col.levels.size(); ++k) {
      if (remap[k] < 0) continue;
      remap[k] = static_cast<int32_t>(out.names.size());
      out.names.push_back(col.levels[k]);
    }
    for (size_t r = 0; r < n; ++r) {
      if (col.codes[r] >= 0) out.index[r] = remap[static_cast<size_t>(col.codes[r])];
    }
  } else if (col.kind == ColumnKind::kBoolean) {
    out.names = col.booleans;  // {false, true}
    for (size_t r = 0; r < n; ++r) {
      if (!std::isnan(col.values[r])) out.index[r] = col.values[r] > 0.5 ? 1 : 0;
    }
  } else {
    // Numeric values as classes, in numeric order, spelled as in the file.
    std::map<double, std::string> seen;
    for (size_t r = 0; r < n; ++r) {
      if (!std::isnan(col.values[r])) seen.emplace(col.values[r], TrimmedCell(t, r, column));
      if (seen.size() > kMaxClasses) break;
    }
    std::map<double, int32_t> rank;
    for (const auto& [value, text] : seen) {
      rank.emplace(value, static_cast<int32_t>(out.names.size()));
      out.names.push_back(text);
    }
    for (size_t r = 0; r < n; ++r) {
      if (std::isnan(col.values[r])) continue;
      const auto it = rank.find(col.values[r]);
      if (it != rank.end()) out.index[r] = it->second;
    }
  }
  out.counts.assign(out.names.size(), 0);
  for (const int32_t c : out.index) {
    if (c >= 0) ++out.counts[static_cast<size_t>(c)];
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

std::string Plural(size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::optional<ProbeData> PrepareProbeData(const table::Table& t, const SourceFile& file,
                                          const ProbeOptions& options,
                                          std::vector<diag::Diagnostic>& out) {
  const size_t before = out.size();
  const auto target_col = RequireColumn(t, file, options.target, "--target", out);
  std::optional<size_t> id_col;
  if (options.id_column) id_col = RequireColumn(t, file, *options.id_column, "--id", out);
  std::set<size_t> ignored;
  for (const std::string& name : options.ignore) {
    if (auto c = RequireColumn(t, file, name, "--ignore", out)) ignored.insert(*c);
  }
  for (const auto& [name, kind] : options.types) {
    RequireColumn(t, file, name, "--type", out);
  }
  if (out.size() > before) return std::nullopt;
  if (t.rows() == 0) {
    out.push_back(FileProblem(file, "the table has a header but no rows",
                              "the probe learns from the rows: one example per row"));
    return std::nullopt;
  }
  if (id_col && *id_col == *target_col) {
    out.push_back(ColumnProblem(t, file, *target_col, "the target column is also the --id column",
                                "name a different column with --id, or leave --id out"));
    return std::nullopt;
  }

  table::Typed typed = table::TypeColumns(t, options.types);
  ProbeData data;
  data.warnings = typed.problems;
  const TypedColumn& target = typed.columns[*target_col];

  // The task: given, or from the target's type.
  EvalTask task = EvalTask::kRegression;
  Classes classes;
  if (options.task) {
    const auto parsed = core::ParseEvalTask(*options.task);
    if (!parsed) {
      out.push_back(FileProblem(file, fmt::format("unknown task '{}'", *options.task),
                                "use --task binary, multiclass or regression"));
      return std::nullopt;
    }
    task = *parsed;
  } else {
    data.task_inferred = true;
    if (target.kind != ColumnKind::kNumeric) {
      classes = ClassesOf(target, t, *target_col);
      task = classes.names.size() == 2 ? EvalTask::kBinary : EvalTask::kMulticlass;
    }
  }
  // A target of numbers but for a few cells (a stray "n.a.", "1,234") was typed categorical:
  // point at its first cell that is not a number.
  const NumericCells cells = CountNumeric(t, *target_col);
  const bool mostly_numbers =
      cells.first_other && cells.numeric * 10 >= (cells.numeric + cells.other) * 9;
  if (task == EvalTask::kRegression && target.kind != ColumnKind::kNumeric) {
    if (mostly_numbers) {
      out.push_back(table::InputProblem(
          file, t.CellOffset(*cells.first_other, *target_col),
          fmt::format("the target '{}' must be numeric for regression, but '{}' is not a number",
                      options.target, t.Cell(*cells.first_other, *target_col)),
          "write it as a number, or leave it empty (a missing value); or use --task binary or "
          "multiclass"));
    } else {
      out.push_back(ColumnProblem(
          t, file, *target_col,
          fmt::format("the target '{}' is {}, not numeric: it cannot be a regression target",
                      options.target, table::ColumnKindName(target.kind)),
          "use --task binary or multiclass, or choose a numeric target"));
    }
    return std::nullopt;
  }
  if (task != EvalTask::kRegression && classes.names.empty()) {
    classes = ClassesOf(target, t, *target_col);
  }

  // Rows whose target is missing cannot teach anything: they are left out.
  std::vector<size_t> rows;
  for (size_t r = 0; r < t.rows(); ++r) {
    const bool missing =
        task == EvalTask::kRegression ? std::isnan(target.values[r]) : classes.index[r] < 0;
    if (!missing) rows.push_back(r);
  }
  if (rows.empty()) {
    out.push_back(
        ColumnProblem(t, file, *target_col,
                      fmt::format("the target '{}' is missing in every row", options.target),
                      "choose the column that holds the outcome to predict"));
    return std::nullopt;
  }
  if (rows.size() < t.rows()) {
    data.warnings.push_back(fmt::format("{} without a target value were left out",
                                        Plural(t.rows() - rows.size(), "row", "rows")));
  }

  learners::Dataset& d = data.dataset;
  core::EvalSet& e = data.evalset;
  e.task = task;
  if (task == EvalTask::kRegression) {
    d.task = learners::Task::kRegression;
    const double first = target.values[rows[0]];
    const bool constant =
        std::all_of(rows.begin(), rows.end(), [&](size_t r) { return target.values[r] == first; });
    if (constant) {
      out.push_back(ColumnProblem(
          t, file, *target_col,
          fmt::format("the target '{}' has the same value ({}) in every row: there is nothing to "
                      "learn",
                      options.target, first),
          "choose the column that holds the outcome to predict"));
      return std::nullopt;
    }
    for (const size_t r : rows) {
      d.target.push_back(target.values[r]);
      e.targets.push_back(target.values[r]);
    }
  } else {
    size_t present = 0;
    for (const size_t c : classes.counts) present += c > 0 ? 1 : 0;
    if (present < 2) {
      out.push_back(ColumnProblem(
          t, file, *target_col,
          fmt::format("the target '{}' has one class ('{}') in every row: there is nothing to "
                      "learn",
                      options.target, classes.names.empty() ? "" : classes.names[0]),
          "a classifier needs examples of at least two classes; check the column or the "
          "data extract"));
      return std::nullopt;
    }
    if (classes.names.size() > kMaxClasses) {
      // Mostly numbers with a stray cell: point at the cell that made it categorical.
      if (mostly_numbers) {
        out.push_back(table::InputProblem(
            file, t.CellOffset(*cells.first_other, *target_col),
            fmt::format("the target '{}' has more than {} classes: it looks numeric, but '{}' "
                        "is not a number",
                        options.target, kMaxClasses, t.Cell(*cells.first_other, *target_col)),
            "write it as a number, or leave it empty (a missing value): a numeric target is a "
            "regression target"));
      } else {
        out.push_back(ColumnProblem(
            t, file, *target_col,
            fmt::format("the target '{}' has more than {} classes", options.target, kMaxClasses),
            "a numeric outcome is a regression target: use --task regression"));
      }
      return std::nullopt;
    }
    if (task == EvalTask::kBinary && classes.names.size() != 2) {
      out.push_back(ColumnProblem(
          t, file, *target_col,
          fmt::format("the target '{}' has {} classes ({}), so it is not binary", options.target,
                      classes.names.size(), Join(classes.names, ", ")),
          "use --task multiclass, or a target with two classes"));
      return std::nullopt;
    }
    std::vector<int32_t> label_of(classes.names.size());
    if (task == EvalTask::kBinary) {
      // The positive class: --positive, else a boolean's true value, else the rarer class
      // (the one a risk or detection model is usually about).
      size_t positive = 1;
      if (options.positive) {
        const auto it = std::find(classes.names.begin(), classes.names.end(), *options.positive);
        if (it == classes.names.end()) {
          out.push_back(
              ColumnProblem(t, file, *target_col,
                            fmt::format("--positive '{}' is not a class of '{}'", *options.positive,
                                        options.target),
                            fmt::format("the classes are: {}", Join(classes.names, ", "))));
          return std::nullopt;
        }
        positive = static_cast<size_t>(it - classes.names.begin());
      } else if (target.kind != ColumnKind::kBoolean && classes.counts[0] < classes.counts[1]) {
        positive = 0;
      }
      label_of[positive] = 1;
      label_of[1 - positive] = 0;
      e.classes = {classes.names[1 - positive], classes.names[positive]};
      d.task = learners::Task::kBinary;
      d.classes = 2;
    } else {
      for (size_t k = 0; k < classes.names.size(); ++k) label_of[k] = static_cast<int32_t>(k);
      e.classes = classes.names;
      d.task = learners::Task::kMulticlass;
      d.classes = classes.names.size();
    }
    // Rare classes: say what they do to the folds, the small sizes and the intervals.
    for (size_t k = 0; k < classes.names.size(); ++k) {
      if (classes.counts[k] == 0) continue;
      if (classes.counts[k] < options.folds) {
        data.warnings.push_back(fmt::format(
            "class '{}' has {}: fewer than the {} folds, so some folds test none of it",
            classes.names[k], Plural(classes.counts[k], "example", "examples"), options.folds));
      } else if (classes.counts[k] < kFewExamples) {
        data.warnings.push_back(fmt::format(
            "class '{}' has only {}: the smallest training sizes hold none of it, and every "
            "interval will be wide",
            classes.names[k], Plural(classes.counts[k], "example", "examples")));
      }
    }
    for (const size_t r : rows) {
      const int32_t label = label_of[static_cast<size_t>(classes.index[r])];
      d.target.push_back(label);
      e.labels.push_back(label);
    }
  }

  // Ids: the --id column (present and unique), else the row's number in the table.
  if (id_col) {
    RowProblems missing("with no id", "every row needs an id; fill it in or leave --id out");
    RowProblems repeated("with an id seen earlier",
                         "ids must be unique; leave --id out to "
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
    if (out.size() > before) return std::nullopt;
  } else {
    for (const size_t r : rows) e.ids.push_back(std::to_string(r + 1));
  }

  // Features: every other column that carries information, counted over the rows kept.
  for (size_t c = 0; c < typed.columns.size(); ++c) {
    const TypedColumn& col = typed.columns[c];
    core::ProbeColumn info;
    info.name = col.name;
    info.kind = std::string(table::ColumnKindName(col.kind));
    info.origin = col.overridden ? "override" : (col.declared ? "declared" : "inferred");
    info.missing = MissingIn(col, rows);
    const Levels levels = col.kind == ColumnKind::kCategorical ? UsedLevels(col, rows) : Levels{};
    info.levels = levels.names.size();
    if (c == *target_col) {
      info.role = "target";
      info.levels = classes.names.size();
    } else if (id_col && c == *id_col) {
      info.role = "id";
    } else if (ignored.count(c)) {
      info.role = "ignored";
    } else if (info.missing == rows.size()) {
      info.role = "dropped";
      info.note = "missing in every row";
    } else if (const size_t used = levels.names.size();
               col.kind == ColumnKind::kCategorical &&
               (used > kMaxLevels || (used > 20 && used * 2 > rows.size()))) {
      info.role = "dropped";
      info.note =
          fmt::format("{} distinct values in {} rows: an identifier or free text, not a category",
                      used, rows.size());
    } else {
      info.role = "feature";
      learners::Feature f;
      f.name = col.name;
      if (col.kind == ColumnKind::kCategorical) {
        // Codes of the levels the rows use; beyond the kMaxKeptLevels - 1 most frequent, the
        // rest share one "(other)" level, so one-hot encodings stay narrow.
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
          data.warnings.push_back(fmt::format(
              "column '{}' has {} values: the {} most frequent are kept, the other {} are "
              "grouped as one",
              col.name, levels.names.size(), kMaxKeptLevels - 1,
              levels.names.size() - (kMaxKeptLevels - 1)));
          kept = kMaxKeptLevels;
        }
        f.levels = kept;
        f.codes.reserve(rows.size());
        for (const size_t r : rows) {
          f.codes.push_back(col.codes[r] < 0 ? -1 : code[static_cast<size_t>(col.codes[r])]);
        }
      } else {
        f.values.reserve(rows.size());
        for (const size_t r : rows) f.values.push_back(col.values[r]);
      }
      d.features.push_back(std::move(f));
    }
    if (info.role == "dropped") {
      data.warnings.push_back(fmt::format(
          "column '{}' was left out: {}; to silence this, --ignore it", col.name, info.note));
    }
    data.columns.push_back(std::move(info));
  }
  if (d.features.empty()) {
    out.push_back(FileProblem(
        file, "no column is left to learn from",
        "the table needs at least one feature besides the target, the id and the ignored "
        "columns"));
    return std::nullopt;
  }
  e.source = std::string(file.path());
  return data;
}

}  // namespace foresight::app
