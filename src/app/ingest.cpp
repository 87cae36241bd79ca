#include "app/ingest.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "app/table_input.hpp"
#include "base/files.hpp"
#include "base/string_index.hpp"
#include "base/strings.hpp"
#include "table/table.hpp"

namespace foresight::app {
namespace {

bool IsInteger(std::string_view text) {
  auto v = table::ParseNumber(text);
  return v && std::isfinite(*v) && *v == std::floor(*v);
}

// Orders class names: numerically when they are all integers, else as text.
void SortClasses(std::vector<std::string>& classes) {
  const bool numeric = std::all_of(classes.begin(), classes.end(),
                                   [](const std::string& c) { return IsInteger(c); });
  if (numeric) {
    std::sort(classes.begin(), classes.end(), [](const std::string& a, const std::string& b) {
      return *table::ParseNumber(a) < *table::ParseNumber(b);
    });
  } else {
    std::sort(classes.begin(), classes.end());
  }
}

// The positive class of a binary set: the --positive value, or the obvious one of
// {0,1}, {false,true}, {no,yes}, {negative,positive}.
std::optional<std::string> PositiveLabel(const std::vector<std::string>& classes,
                                         const std::optional<std::string>& given) {
  if (given) return given;
  static const std::vector<std::pair<std::string, std::string>> known_pairs = {
      {"0", "1"}, {"false", "true"}, {"no", "yes"}, {"negative", "positive"}, {"-1", "1"}};
  std::vector<std::string> lower;
  lower.reserve(classes.size());
  for (const auto& c : classes) lower.push_back(ToLowerAscii(c));
  for (const auto& [negative, positive] : known_pairs) {
    if (std::find(lower.begin(), lower.end(), positive) != lower.end() &&
        std::find(lower.begin(), lower.end(), negative) != lower.end()) {
      return classes[static_cast<size_t>(std::find(lower.begin(), lower.end(), positive) -
                                         lower.begin())];
    }
  }
  return std::nullopt;
}

}  // namespace

Result<IngestOutcome> AddEvalSet(store::Store& store, const EvalSetAddOptions& o,
                                 const Clock& clock) {
  IngestOutcome outcome;
  auto file = LoadTable(o.file);
  if (!file) return Fail(file.error());
  outcome.file = std::move(*file);
  const SourceFile& src = *outcome.file;
  auto& out = outcome.diagnostics;
  diag::DiagnosticSink sink;
  std::optional<table::Table> t = table::ReadTable(src, table::FormatForPath(o.file), sink);
  if (!t) {
    out = sink.Take();
    return outcome;
  }
  const auto id_col = RequireColumn(*t, src, o.id_column, "--id", out);
  const auto label_col = RequireColumn(*t, src, o.label_column, "--label", out);
  std::vector<size_t> slice_cols;
  for (const std::string& s : o.slice_columns) {
    if (auto c = RequireColumn(*t, src, s, "--slice", out)) slice_cols.push_back(*c);
  }
  if (!out.empty()) return outcome;

  core::EvalSet e;
  e.name = o.name;
  e.source = o.file;
  e.created_at = clock.NowIso8601();
  RowProblems empty_ids("with an empty id", "every example needs an id");
  RowProblems duplicate_ids("with an id seen earlier", "ids must be unique within a set");
  RowProblems empty_labels("without a label", "every example needs a label");
  // Row numbers fit StringIndex's 32 bits: a row takes at least two bytes of a file.
  static_assert(kMaxTableBytes / 2 < UINT32_MAX);
  const auto id_of_row = [&t, column = *id_col](uint32_t r) { return t->Cell(r, column); };
  StringIndex seen(id_of_row, t->rows());
  std::set<std::string> distinct;
  for (size_t r = 0; r < t->rows(); ++r) {
    const std::string_view id = t->Cell(r, *id_col);
    if (id.empty()) empty_ids.Add(t->CellOffset(r, *id_col));
    if (!id.empty() && seen.Insert(static_cast<uint32_t>(r)).has_value()) {
      duplicate_ids.Add(t->CellOffset(r, *id_col), fmt::format("'{}'", id));
    }
    e.ids.emplace_back(id);
    const std::string_view label = t->Cell(r, *label_col);
    if (label.empty() || t->IsNull(r, *label_col)) {
      empty_labels.Add(t->CellOffset(r, *label_col));
    } else if (distinct.size() <= 1000) {
      distinct.emplace(label);
    }
  }
  empty_ids.Report(src, out);
  duplicate_ids.Report(src, out);
  empty_labels.Report(src, out);
  if (!out.empty()) return outcome;

  // The task: as given, or 2 labels -> binary, non-integer numbers -> regression, else
  // multiclass.
  std::optional<core::EvalTask> task;
  if (o.task) {
    task = core::ParseEvalTask(*o.task);
    if (!task) {
      return Fail(ErrorCode::kInvalidArgument, "--task must be binary, multiclass or regression");
    }
  } else if (distinct.size() == 2) {
    task = core::EvalTask::kBinary;
  } else {
    const bool all_numeric =
        std::all_of(distinct.begin(), distinct.end(),
                    [](const std::string& v) { return table::ParseNumber(v).has_value(); });
    const bool all_integer = std::all_of(distinct.begin(), distinct.end(),
                                         [](const std::string& v) { return IsInteger(v); });
    task = all_numeric && (!all_integer || distinct.size() > 1000) ? core::EvalTask::kRegression
                                                                   : core::EvalTask::kMulticlass;
  }
  e.task = *task;
  if (e.task == core::EvalTask::kRegression) {
    RowProblems bad("with a label that is not a finite number",
                    "regression targets must be finite numbers");
    for (size_t r = 0; r < t->rows(); ++r) {
      auto v = table::ParseNumber(t->Cell(r, *label_col));
      if (!v || !std::isfinite(*v)) {
        bad.Add(t->CellOffset(r, *label_col), fmt::format("'{}'", t->Cell(r, *label_col)));
        continue;
      }
      e.targets.push_back(*v);
    }
    bad.Report(src, out);
  } else {
    if (distinct.size() > 1000) {
      out.push_back(FileProblem(src, "the label column has more than 1,000 distinct values",
                                "for a numeric target pass --task regression"));
      return outcome;
    }
    std::vector<std::string> classes(distinct.begin(), distinct.end());
    SortClasses(classes);
    if (e.task == core::EvalTask::kBinary) {
      if (classes.size() != 2) {
        out.push_back(FileProblem(
            src,
            fmt::format("a binary task needs exactly 2 labels; the file has {}", classes.size()),
            "pass --task multiclass, or fix the labels"));
        return outcome;
      }
      const auto positive = PositiveLabel(classes, o.positive);
      if (!positive || std::find(classes.begin(), classes.end(), *positive) == classes.end()) {
        out.push_back(FileProblem(
            src,
            fmt::format("which label is the positive class? the labels are '{}' and '{}'",
                        classes[0], classes[1]),
            "pass --positive VALUE"));
        return outcome;
      }
      e.classes = {*positive == classes[0] ? classes[1] : classes[0], *positive};
    } else {
      e.classes = classes;
    }
    std::unordered_map<std::string_view, int32_t> code;
    for (size_t i = 0; i < e.classes.size(); ++i) {
      code.emplace(e.classes[i], static_cast<int32_t>(i));
    }
    for (size_t r = 0; r < t->rows(); ++r) e.labels.push_back(code.at(t->Cell(r, *label_col)));
  }
  for (size_t s = 0; s < slice_cols.size(); ++s) {
    core::SliceColumn slice;
    slice.name = o.slice_columns[s];
    std::unordered_map<std::string, int32_t> levels;
    for (size_t r = 0; r < t->rows(); ++r) {
      std::string value(t->Cell(r, slice_cols[s]));
      auto [it, inserted] = levels.emplace(value, static_cast<int32_t>(slice.levels.size()));
      if (inserted) slice.levels.push_back(value);
      slice.codes.push_back(it->second);
    }
    e.slices.push_back(std::move(slice));
  }
  if (!out.empty()) return outcome;
  if (Status added = store.AddEvalSet(e); !added) return Fail(added.error());
  outcome.evalset =
      core::EvalSetInfo{e.name, e.task, e.size(), e.classes, o.slice_columns, e.created_at};
  return outcome;
}

Result<IngestOutcome> AddRun(store::Store& store, const RunAddOptions& o, const Clock& clock) {
  auto evalset = store.GetEvalSet(o.evalset);
  if (!evalset) return Fail(evalset.error());
  const core::EvalSet& e = *evalset;
  // The prediction columns the task needs, with their defaults.
  std::vector<std::string> columns;
  std::string option;
  switch (e.task) {
    case core::EvalTask::kBinary:
      if (o.proba_prefix || o.value_column) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("'{}' is a binary task: give its scores with --score COL", e.name));
      }
      columns = {o.score_column.value_or("score")};
      option = "--score";
      break;
    case core::EvalTask::kMulticlass: {
      if (o.score_column || o.value_column) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' is a multiclass task: give one probability column per class with "
                        "--proba-prefix PREFIX (columns PREFIX<class>)",
                        e.name));
      }
      const std::string prefix = o.proba_prefix.value_or("proba_");
      for (const std::string& c : e.classes) columns.push_back(prefix + c);
      option = "--proba-prefix";
      break;
    }
    case core::EvalTask::kRegression:
      if (o.score_column || o.proba_prefix) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("'{}' is a regression task: give its predictions with --value COL",
                                e.name));
      }
      columns = {o.value_column.value_or("prediction")};
      option = "--value";
      break;
  }

  IngestOutcome outcome;
  auto file = LoadTable(o.predictions_file);
  if (!file) return Fail(file.error());
  outcome.file = std::move(*file);
  const SourceFile& src = *outcome.file;
  auto& out = outcome.diagnostics;
  diag::DiagnosticSink sink;
  std::optional<table::Table> t =
      table::ReadTable(src, table::FormatForPath(o.predictions_file), sink);
  if (!t) {
    out = sink.Take();
    return outcome;
  }
  const auto id_col = RequireColumn(*t, src, o.id_column, "--id", out);
  std::vector<size_t> value_cols;
  for (const std::string& c : columns) {
    if (auto index = RequireColumn(*t, src, c, option, out)) value_cols.push_back(*index);
  }
  if (!out.empty()) return outcome;

  // Where each prediction's example is: predictions usually come in the evaluation set's
  // order, so row r is tried first; the index of all ids is built only when that fails.
  const auto id_of_example = [&e](uint32_t i) { return std::string_view(e.ids[i]); };
  std::optional<StringIndex<decltype(id_of_example)>> row_of;
  const auto find_example = [&](size_t r, std::string_view id) -> std::optional<size_t> {
    if (r < e.ids.size() && e.ids[r] == id) return r;
    if (!row_of) {
      row_of.emplace(id_of_example, e.ids.size());
      for (size_t i = 0; i < e.ids.size(); ++i) row_of->Insert(static_cast<uint32_t>(i));
    }
    return row_of->Find(id);
  };
  const size_t width = value_cols.size();
  core::Run run;
  run.predictions.assign(e.size() * width, 0.0);
  std::vector<bool> filled(e.size(), false);
  RowProblems unknown("with an id that is not in the evaluation set",
                      fmt::format("predict exactly the examples of '{}'", e.name));
  RowProblems duplicate("with an id seen earlier", "give one prediction per example");
  RowProblems not_number("with a prediction that is not a number",
                         "write plain numbers such as 0.73");
  RowProblems not_finite("with a NaN or infinite prediction",
                         "replace NaN and infinities with real predictions");
  RowProblems outside("with a probability outside [0, 1]", "probabilities lie between 0 and 1");
  RowProblems bad_sum("whose probabilities do not sum to 1",
                      "each row's class probabilities must sum to 1");
  for (size_t r = 0; r < t->rows(); ++r) {
    const std::string_view id = t->Cell(r, *id_col);
    const std::optional<size_t> example = find_example(r, id);
    if (!example) {
      unknown.Add(t->CellOffset(r, *id_col), fmt::format("'{}'", id));
      continue;
    }
    if (filled[*example]) {
      duplicate.Add(t->CellOffset(r, *id_col), fmt::format("'{}'", id));
      continue;
    }
    filled[*example] = true;
    double sum = 0;
    bool row_ok = true;
    for (size_t k = 0; k < width; ++k) {
      const size_t col = value_cols[k];
      auto v = table::ParseNumber(t->Cell(r, col));
      if (!v) {
        not_number.Add(t->CellOffset(r, col), fmt::format("'{}'", t->Cell(r, col)));
        row_ok = false;
        continue;
      }
      if (!std::isfinite(*v)) {
        not_finite.Add(t->CellOffset(r, col), fmt::format("'{}'", t->Cell(r, col)));
        row_ok = false;
        continue;
      }
      if (e.task == core::EvalTask::kMulticlass && (*v < 0 || *v > 1)) {
        outside.Add(t->CellOffset(r, col), fmt::format("{}", *v));
        row_ok = false;
      }
      sum += *v;
      run.predictions[*example * width + k] = *v;
    }
    if (row_ok && e.task == core::EvalTask::kMulticlass && std::fabs(sum - 1.0) > 1e-4) {
      bad_sum.Add(t->RowOffset(r), fmt::format("sum {:.6g}", sum));
    }
  }
  for (const RowProblems* p :
       {&unknown, &duplicate, &not_number, &not_finite, &outside, &bad_sum}) {
    p->Report(src, out);
  }
  const size_t missing = static_cast<size_t>(std::count(filled.begin(), filled.end(), false));
  if (missing > 0) {
    std::vector<std::string> first;
    for (size_t i = 0; i < e.size() && first.size() < 3; ++i) {
      if (!filled[i]) first.push_back("'" + e.ids[i] + "'");
    }
    out.push_back(FileProblem(src,
                              fmt::format("{} example{} of '{}' {} no prediction (first: {})",
                                          missing, missing == 1 ? "" : "s", e.name,
                                          missing == 1 ? "has" : "have", Join(first, ", ")),
                              "predict every example of the evaluation set"));
  }
  diag::SortByPosition(out);
  if (!out.empty()) return outcome;
  run.name = o.name;
  run.evalset = o.evalset;
  run.method = o.method;
  run.train_size = o.train_size;
  run.effort_hours = o.effort_hours;
  run.params = o.params;
  run.tags = o.tags;
  run.created_at = clock.NowIso8601();
  if (Status added = store.AddRun(run); !added) return Fail(added.error());
  outcome.run = core::RunInfo{run.name,         run.evalset, run.method, run.train_size,
                              run.effort_hours, run.params,  run.tags,   run.created_at};
  outcome.predictions = e.size();
  return outcome;
}

}  // namespace foresight::app
