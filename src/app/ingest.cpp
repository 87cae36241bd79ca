#include "app/ingest.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "app/table_input.hpp"
#include "app/target.hpp"
#include "base/files.hpp"
#include "base/result.hpp"
#include "base/string_index.hpp"
#include "base/strings.hpp"
#include "table/table.hpp"

namespace foresight::app {
namespace {

// The label column's distinct values, in text order, with their counts: enough for
// InferTarget (which stops caring after kMaxTargetClasses + 1 values).
TargetSummary SummarizeLabels(const std::map<std::string, size_t, std::less<>>& distinct) {
  TargetSummary summary;
  summary.values.reserve(distinct.size());
  for (const auto& [text, count] : distinct) {
    summary.values.push_back(
        TargetValue{.text = text, .count = count, .number = table::ParseNumber(text)});
  }
  return summary;
}

// Turns a problem of the label column into a diagnostic (or, for --task, an error).
Result<diag::Diagnostic> LabelProblem(TargetProblem problem, const TargetSummary& summary,
                                      const EvalSetAddOptions& o, const SourceFile& src) {
  const auto& values = summary.values;
  switch (problem) {
    case TargetProblem::kUnknownTask:
      return Fail(ErrorCode::kInvalidArgument,
                  FORESIGHT_FIELD("task") " must be binary, multiclass or regression");
    case TargetProblem::kNoValue:
    case TargetProblem::kOneValue:
      return FileProblem(
          src,
          fmt::format("the label column has one value ('{}') in every row: there is nothing to "
                      "tell apart",
                      values.empty() ? "" : values[0].text),
          "an evaluation set needs two classes or two target values at least; check the column "
          "or the file");
    case TargetProblem::kNotBinary:
      return FileProblem(
          src, fmt::format("a binary task needs exactly 2 labels; the file has {}", values.size()),
          "pass " FORESIGHT_FIELD("task") " multiclass, or fix the labels");
    case TargetProblem::kTooManyClasses:
      static_assert(kMaxTargetClasses == 1000);
      return FileProblem(src, "the label column has more than 1,000 distinct values",
                         "for a numeric target pass " FORESIGHT_FIELD("task") " regression");
    case TargetProblem::kNotNumeric:
      break;  // AddEvalSet names each such label
    case TargetProblem::kPositiveNotAClass:
      return FileProblem(
          src,
          fmt::format(
              FORESIGHT_FIELD("positive") " '{}' is not a label of the file: the labels are "
                                          "'{}' and '{}'",
              o.positive.value_or(""), values[0].text, values[1].text),
          "pass " FORESIGHT_FIELD("positive") " with one of the two labels");
  }
  return FileProblem(src, "the label column is not numeric",
                     "pass " FORESIGHT_FIELD("task") " binary or multiclass");
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
  const auto id_col = RequireColumn(*t, src, o.id_column, FORESIGHT_FIELD("id"), out);
  const auto label_col = RequireColumn(*t, src, o.label_column, FORESIGHT_FIELD("label"), out);
  std::vector<size_t> slice_cols;
  for (const std::string& s : o.slice_columns) {
    if (auto c = RequireColumn(*t, src, s, FORESIGHT_FIELD("slice"), out)) slice_cols.push_back(*c);
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
  std::map<std::string, size_t, std::less<>> distinct;
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
    } else if (const auto it = distinct.find(label); it != distinct.end()) {
      ++it->second;
    } else if (distinct.size() <= kMaxTargetClasses) {
      distinct.emplace(label, 1);
    }
  }
  empty_ids.Report(src, out);
  duplicate_ids.Report(src, out);
  empty_labels.Report(src, out);
  if (!out.empty()) return outcome;

  // The task, the classes and the positive class: the policy the probe shares (target.hpp).
  const TargetSummary summary = SummarizeLabels(distinct);
  const auto target = InferTarget(summary, {.task = o.task, .positive = o.positive});
  if (!target && target.error() != TargetProblem::kNotNumeric) {
    auto problem = LabelProblem(target.error(), summary, o, src);
    if (!problem) return Fail(problem.error());
    out.push_back(std::move(*problem));
    return outcome;
  }
  // Not numeric: a regression target with labels that are not finite numbers, named below.
  e.task = target ? target->task : core::EvalTask::kRegression;
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
    e.classes = target->classes;
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
      core::EvalSetInfo{.name = e.name,
                        .task = e.task,
                        .rows = e.size(),
                        .classes = e.classes,
                        .slices = o.slice_columns,
                        .created_at = e.created_at,
                        .positive_inferred = target ? target->positive_inferred : std::nullopt};
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
                    fmt::format("'{}' is a binary task: give its scores with " FORESIGHT_FIELD(
                                    "score") " COL",
                                e.name));
      }
      columns = {o.score_column.value_or("score")};
      option = FORESIGHT_FIELD("score");
      break;
    case core::EvalTask::kMulticlass: {
      if (o.score_column || o.value_column) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' is a multiclass task: give one probability column per class "
                        "with " FORESIGHT_FIELD("proba_prefix") " PREFIX (columns PREFIX<class>)",
                        e.name));
      }
      const std::string prefix = o.proba_prefix.value_or("proba_");
      for (const std::string& c : e.classes) columns.push_back(prefix + c);
      option = FORESIGHT_FIELD("proba_prefix");
      break;
    }
    case core::EvalTask::kRegression:
      if (o.score_column || o.proba_prefix) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' is a regression task: give its predictions with " FORESIGHT_FIELD(
                            "value") " COL",
                        e.name));
      }
      columns = {o.value_column.value_or("prediction")};
      option = FORESIGHT_FIELD("value");
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
  const auto id_col = RequireColumn(*t, src, o.id_column, FORESIGHT_FIELD("id"), out);
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
