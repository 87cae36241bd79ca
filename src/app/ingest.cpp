#include "app/ingest.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
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

// The table file, read into `outcome.file`, keeping the cells of the `used` columns only (a
// file of 100,000 columns costs the memory of the few read); nothing (its problems in
// `outcome.diagnostics`) when it is not a table. Fails (Result) when the file cannot be read.
Result<std::optional<table::Table>> ReadInput(const std::string& path,
                                              std::optional<std::string> content,
                                              const std::vector<std::string>& used,
                                              IngestOutcome& outcome) {
  auto file = content ? TableFromBytes(path, std::move(*content)) : LoadTable(path);
  if (!file) return Fail(file.error());
  outcome.file = std::move(*file);
  diag::DiagnosticSink sink;
  const std::set<std::string, std::less<>> wanted(used.begin(), used.end());
  std::optional<table::Table> t = table::ReadTable(
      *outcome.file, table::FormatForPath(path), sink,
      {.record = {}, .column = [&wanted](std::string_view name) { return wanted.contains(name); }});
  if (!t) outcome.diagnostics = sink.Take();
  return t;
}

// --- AddEvalSet's stages --------------------------------------------------------------------

// The columns an evaluation set is read from.
struct EvalSetColumns {
  size_t id = 0;
  size_t label = 0;
  std::vector<size_t> slices;  // in the order of the options' slice columns
};

std::optional<EvalSetColumns> FindEvalSetColumns(const table::Table& t, const SourceFile& src,
                                                 const EvalSetAddOptions& o,
                                                 std::vector<diag::Diagnostic>& out) {
  const auto id_col = RequireColumn(t, src, o.id_column, FORESIGHT_FIELD("id"), out);
  const auto label_col = RequireColumn(t, src, o.label_column, FORESIGHT_FIELD("label"), out);
  std::vector<size_t> slice_cols;
  for (const std::string& s : o.slice_columns) {
    if (auto c = RequireColumn(t, src, s, FORESIGHT_FIELD("slice"), out)) slice_cols.push_back(*c);
  }
  if (!out.empty()) return std::nullopt;
  return EvalSetColumns{.id = *id_col, .label = *label_col, .slices = std::move(slice_cols)};
}

// Every row's id into `e` (each present and unique), and the label column's distinct values
// with their counts (up to kMaxTargetClasses + 1 of them: enough for InferTarget). Empty or
// repeated ids and empty labels become diagnostics.
std::map<std::string, size_t, std::less<>> ReadIdsAndLabels(const table::Table& t,
                                                            const SourceFile& src,
                                                            const EvalSetColumns& cols,
                                                            core::EvalSet& e,
                                                            std::vector<diag::Diagnostic>& out) {
  RowProblems empty_ids("with an empty id", "every example needs an id");
  RowProblems duplicate_ids("with an id seen earlier", "ids must be unique within a set");
  RowProblems empty_labels("without a label", "every example needs a label");
  RowProblems long_ids(fmt::format("with an id longer than {} bytes", kMaxIdBytes),
                       "ids are keys: use a short one per example (a number, or a hash of "
                       "the long text)");
  // Row numbers fit StringIndex's 32 bits: a row takes at least two bytes of a file.
  static_assert(kMaxTableBytes / 2 < UINT32_MAX);
  const auto id_of_row = [&t, column = cols.id](uint32_t r) { return t.Cell(r, column); };
  StringIndex seen(id_of_row, t.rows());
  std::map<std::string, size_t, std::less<>> distinct;
  for (size_t r = 0; r < t.rows(); ++r) {
    const std::string_view id = t.Cell(r, cols.id);
    if (id.empty()) empty_ids.Add(t.CellOffset(r, cols.id));
    if (id.size() > kMaxIdBytes) long_ids.Add(t.CellOffset(r, cols.id), fmt::format("'{}'", id));
    if (!id.empty() && seen.Insert(static_cast<uint32_t>(r)).has_value()) {
      duplicate_ids.Add(t.CellOffset(r, cols.id), fmt::format("'{}'", id));
    }
    e.ids.emplace_back(id);
    const std::string_view label = t.Cell(r, cols.label);
    if (label.empty() || t.IsNull(r, cols.label)) {
      empty_labels.Add(t.CellOffset(r, cols.label));
    } else if (const auto it = distinct.find(label); it != distinct.end()) {
      ++it->second;
    } else if (distinct.size() <= kMaxTargetClasses) {
      distinct.emplace(label, 1);
    }
  }
  empty_ids.Report(src, out);
  long_ids.Report(src, out);
  duplicate_ids.Report(src, out);
  empty_labels.Report(src, out);
  return distinct;
}

// Each row's label into `e`: a class code, or for regression a number (a label that is not
// a finite number is a diagnostic).
void EncodeLabels(const table::Table& t, const SourceFile& src, size_t label_col, core::EvalSet& e,
                  std::vector<diag::Diagnostic>& out) {
  if (e.task == core::EvalTask::kRegression) {
    RowProblems bad("with a label that is not a finite number",
                    "regression targets must be finite numbers");
    for (size_t r = 0; r < t.rows(); ++r) {
      auto v = table::ParseNumber(t.Cell(r, label_col));
      if (!v || !std::isfinite(*v)) {
        bad.Add(t.CellOffset(r, label_col), fmt::format("'{}'", t.Cell(r, label_col)));
        continue;
      }
      e.targets.push_back(*v);
    }
    bad.Report(src, out);
    return;
  }
  std::unordered_map<std::string_view, int32_t> code;
  for (size_t i = 0; i < e.classes.size(); ++i) {
    code.emplace(e.classes[i], static_cast<int32_t>(i));
  }
  for (size_t r = 0; r < t.rows(); ++r) e.labels.push_back(code.at(t.Cell(r, label_col)));
}

// A numeric slice column's values binned into ranges at its quartiles (nearest rank): levels
// "[lo, hi)" in ascending order, the last one closed "[lo, max]". Ties can merge ranges.
void BinNumericSlice(const std::vector<double>& values, core::SliceColumn& slice) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const size_t n = sorted.size();
  std::vector<double> cuts;
  for (size_t k = 1; k < 4; ++k) {
    const double cut = sorted[k * n / 4];
    if (cut > sorted.front() && (cuts.empty() || cut > cuts.back())) cuts.push_back(cut);
  }
  for (size_t b = 0; b <= cuts.size(); ++b) {
    const double low = b == 0 ? sorted.front() : cuts[b - 1];
    const bool last = b == cuts.size();
    slice.levels.push_back(
        fmt::format("[{}, {}{}", low, last ? sorted.back() : cuts[b], last ? "]" : ")"));
  }
  slice.codes.clear();
  for (const double v : values) {
    const auto bin = std::upper_bound(cuts.begin(), cuts.end(), v) - cuts.begin();
    slice.codes.push_back(static_cast<int32_t>(bin));
  }
}

// Each slice column's values, as levels in first-seen order and a code per row; a numeric
// column with many distinct values is binned at its quartiles instead (BinNumericSlice).
core::SliceColumn ReadSlice(const table::Table& t, size_t column, std::string name,
                            core::SliceSummary& summary) {
  core::SliceColumn slice;
  slice.name = std::move(name);
  std::unordered_map<std::string, int32_t> levels;
  std::vector<double> numbers;
  bool numeric = t.rows() > 0;
  for (size_t r = 0; r < t.rows(); ++r) {
    std::string value(t.Cell(r, column));
    if (numeric) {
      const auto number = table::ParseNumber(value);
      numeric = number && std::isfinite(*number);
      if (numeric) numbers.push_back(*number);
    }
    auto [it, inserted] = levels.emplace(value, static_cast<int32_t>(slice.levels.size()));
    if (inserted) slice.levels.push_back(value);
    slice.codes.push_back(it->second);
  }
  summary.column = slice.name;
  summary.distinct = slice.levels.size();
  if (numeric && slice.levels.size() > core::kMaxRawSliceValues) {
    slice.levels.clear();
    BinNumericSlice(numbers, slice);
    summary.ranges = slice.levels;
  }
  std::vector<size_t> counts(slice.levels.size(), 0);
  for (const int32_t code : slice.codes) ++counts[static_cast<size_t>(code)];
  summary.small_levels = static_cast<size_t>(std::count_if(
      counts.begin(), counts.end(), [](size_t c) { return c < core::kMinSliceExamples; }));
  return slice;
}

// --- AddRun's stages --------------------------------------------------------------------

// The prediction columns a task needs (with their defaults), and the field that names them.
struct PredictionColumns {
  std::vector<std::string> names;
  std::string field;
};

// Fails when the options give predictions of another task's kind.
Result<PredictionColumns> ChoosePredictionColumns(const core::EvalSet& e, const RunAddOptions& o) {
  switch (e.task) {
    case core::EvalTask::kBinary:
      if (o.proba_prefix || o.value_column) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("'{}' is a binary task: give its scores with " FORESIGHT_FIELD(
                                    "score") " COL",
                                e.name));
      }
      return PredictionColumns{{o.score_column.value_or("score")}, FORESIGHT_FIELD("score")};
    case core::EvalTask::kMulticlass: {
      if (o.score_column || o.value_column) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' is a multiclass task: give one probability column per class "
                        "with " FORESIGHT_FIELD("proba_prefix") " PREFIX (columns PREFIX<class>)",
                        e.name));
      }
      const std::string prefix = o.proba_prefix.value_or("proba_");
      PredictionColumns columns{{}, FORESIGHT_FIELD("proba_prefix")};
      for (const std::string& c : e.classes) columns.names.push_back(prefix + c);
      return columns;
    }
    case core::EvalTask::kRegression:
      if (o.score_column || o.proba_prefix) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format("'{}' is a regression task: give its predictions with " FORESIGHT_FIELD(
                            "value") " COL",
                        e.name));
      }
      return PredictionColumns{{o.value_column.value_or("prediction")}, FORESIGHT_FIELD("value")};
  }
  return Fail(ErrorCode::kInternal, "unknown task");
}

// Where each prediction's example is: predictions usually come in the evaluation set's order,
// so row r is tried first; the index of all ids is built only when that fails.
class ExampleFinder {
 public:
  explicit ExampleFinder(const core::EvalSet& e) : e_(e) {}
  std::optional<size_t> Find(size_t r, std::string_view id) {
    if (r < e_.ids.size() && e_.ids[r] == id) return r;
    if (!row_of_) {
      row_of_.emplace(IdOf{&e_}, e_.ids.size());
      for (size_t i = 0; i < e_.ids.size(); ++i) row_of_->Insert(static_cast<uint32_t>(i));
    }
    return row_of_->Find(id);
  }

 private:
  struct IdOf {
    const core::EvalSet* e;
    std::string_view operator()(uint32_t i) const { return e->ids[i]; }
  };
  const core::EvalSet& e_;
  std::optional<StringIndex<IdOf>> row_of_;
};

// The problems of the predictions' values, one kind each.
struct ValueProblems {
  RowProblems not_number{"with a prediction that is not a number",
                         "write plain numbers such as 0.73"};
  RowProblems not_finite{"with a NaN or infinite prediction",
                         "replace NaN and infinities with real predictions"};
  RowProblems outside{"with a probability outside [0, 1]", "probabilities lie between 0 and 1"};
  RowProblems score_outside{
      "with a score outside [0, 1]",
      "a binary prediction is the positive class's probability (log_loss, brier and ece need "
      "one); turn a decision function's margins into probabilities first, e.g. with "
      "scikit-learn's predict_proba(X)[:, 1] or 1 / (1 + exp(-margin))"};
  RowProblems bad_sum{"whose probabilities do not sum to 1", ""};
  RowProblems zero_sum{"whose probabilities are all 0, so no sum to divide by",
                       "give every row at least one class probability above 0"};
  double worst_sum = 1;  // the row sum farthest from 1
};

// Row r's predictions (one per column of `value_cols`) into `predictions` at `example`; a value
// that is not a finite number, a probability (or a binary score) outside [0, 1] or class
// probabilities that do not sum to 1 are problems.
void ReadPredictionRow(const table::Table& t, size_t r, const std::vector<size_t>& value_cols,
                       core::EvalTask task, bool renormalize, size_t example,
                       std::vector<double>& predictions, ValueProblems& problems) {
  const size_t width = value_cols.size();
  double sum = 0;
  bool row_ok = true;
  // A row counts once per kind of problem, at its first cell of that kind (a row of NaNs is
  // one row with a NaN, not one per class).
  std::vector<const RowProblems*> counted;
  const auto add = [&](RowProblems& kind, size_t col, std::string detail) {
    row_ok = false;
    if (std::find(counted.begin(), counted.end(), &kind) != counted.end()) return;
    counted.push_back(&kind);
    kind.Add(t.CellOffset(r, col), std::move(detail));
  };
  for (size_t k = 0; k < width; ++k) {
    const size_t col = value_cols[k];
    auto v = table::ParseNumber(t.Cell(r, col));
    if (!v) {
      add(problems.not_number, col, fmt::format("'{}'", t.Cell(r, col)));
      continue;
    }
    if (!std::isfinite(*v)) {
      add(problems.not_finite, col, fmt::format("'{}'", t.Cell(r, col)));
      continue;
    }
    if (task != core::EvalTask::kRegression && (*v < 0 || *v > 1)) {
      add(task == core::EvalTask::kMulticlass ? problems.outside : problems.score_outside, col,
          fmt::format("{}", *v));
    }
    sum += *v;
    predictions[example * width + k] = *v;
  }
  if (!row_ok || task != core::EvalTask::kMulticlass) return;
  if (std::fabs(sum - 1) > std::fabs(problems.worst_sum - 1)) problems.worst_sum = sum;
  if (renormalize) {
    if (sum <= 0) {
      problems.zero_sum.Add(t.RowOffset(r));
      return;
    }
    for (size_t k = 0; k < width; ++k) predictions[example * width + k] /= sum;
  } else if (std::fabs(sum - 1.0) > kProbabilitySumTolerance) {
    problems.bad_sum.Add(t.RowOffset(r), fmt::format("sum {:.6g}", sum));
  }
}

// Every row's predictions, placed at its example of `e` (matched by id): one per example, in
// the set's order. Unknown and repeated ids, bad values, and examples without a prediction are
// diagnostics (sorted by position).
std::vector<double> ReadPredictions(const table::Table& t, const SourceFile& src, size_t id_col,
                                    const std::vector<size_t>& value_cols, const core::EvalSet& e,
                                    bool renormalize, double& worst_sum,
                                    std::vector<diag::Diagnostic>& out) {
  ExampleFinder finder(e);
  std::vector<double> predictions(e.size() * value_cols.size(), 0.0);
  std::vector<bool> filled(e.size(), false);
  RowProblems unknown("with an id that is not in the evaluation set",
                      fmt::format("predict exactly the examples of '{}'", e.name));
  RowProblems duplicate("with an id seen earlier", "give one prediction per example");
  ValueProblems values;
  for (size_t r = 0; r < t.rows(); ++r) {
    const std::string_view id = t.Cell(r, id_col);
    const std::optional<size_t> example = finder.Find(r, id);
    if (!example) {
      unknown.Add(t.CellOffset(r, id_col), fmt::format("'{}'", id));
      continue;
    }
    if (filled[*example]) {
      duplicate.Add(t.CellOffset(r, id_col), fmt::format("'{}'", id));
      continue;
    }
    filled[*example] = true;
    ReadPredictionRow(t, r, value_cols, e.task, renormalize, *example, predictions, values);
  }
  values.bad_sum.set_help(fmt::format(
      "each row's class probabilities must sum to 1 (within {}); the farthest row sums to {:.6g}. "
      "If rounding is the only cause, pass {} to divide each row by its sum",
      kProbabilitySumTolerance, values.worst_sum, FieldRef("renormalize")));
  for (const RowProblems* p :
       {&unknown, &duplicate, &values.not_number, &values.not_finite, &values.outside,
        &values.score_outside, &values.bad_sum, &values.zero_sum}) {
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
  worst_sum = values.worst_sum;
  return predictions;
}

}  // namespace

Result<IngestOutcome> AddEvalSet(store::Store& store, const EvalSetAddOptions& o,
                                 const Clock& clock) {
  IngestOutcome outcome;
  std::vector<std::string> used = {o.id_column, o.label_column};
  used.insert(used.end(), o.slice_columns.begin(), o.slice_columns.end());
  auto t = ReadInput(o.file, o.content, used, outcome);
  if (!t) return Fail(t.error());
  if (!*t) return outcome;
  const SourceFile& src = *outcome.file;
  auto& out = outcome.diagnostics;
  const std::optional<EvalSetColumns> cols = FindEvalSetColumns(**t, src, o, out);
  if (!cols) return outcome;

  core::EvalSet e;
  e.name = o.name;
  e.source = o.file;
  e.created_at = clock.NowIso8601();
  const auto distinct = ReadIdsAndLabels(**t, src, *cols, e, out);
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
  if (target) e.classes = target->classes;
  EncodeLabels(**t, src, cols->label, e, out);
  std::vector<core::SliceSummary> slice_summaries(cols->slices.size());
  for (size_t s = 0; s < cols->slices.size(); ++s) {
    e.slices.push_back(ReadSlice(**t, cols->slices[s], o.slice_columns[s], slice_summaries[s]));
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
                        .positive_inferred = target ? target->positive_inferred : std::nullopt,
                        .slice_summaries = std::move(slice_summaries)};
  return outcome;
}

namespace {

// The run read from its file, aligned to the set `e`, and stored.
Result<IngestOutcome> AddRunTo(store::Store& store, const core::EvalSet& e, const RunAddOptions& o,
                               const Clock& clock) {
  const auto columns = ChoosePredictionColumns(e, o);
  if (!columns) return Fail(columns.error());
  if (o.renormalize && e.task != core::EvalTask::kMulticlass) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format(FORESIGHT_FIELD("renormalize") " divides multiclass probabilities by "
                                                           "their sum; '{}' is a {} task",
                            e.name, core::EvalTaskName(e.task)));
  }

  IngestOutcome outcome;
  std::vector<std::string> used = columns->names;
  used.push_back(o.id_column);
  auto t = ReadInput(o.predictions_file, o.content, used, outcome);
  if (!t) return Fail(t.error());
  if (!*t) return outcome;
  const SourceFile& src = *outcome.file;
  auto& out = outcome.diagnostics;
  const auto id_col = RequireColumn(**t, src, o.id_column, FORESIGHT_FIELD("id"), out);
  std::vector<size_t> value_cols;
  for (const std::string& c : columns->names) {
    if (auto index = RequireColumn(**t, src, c, columns->field, out)) value_cols.push_back(*index);
  }
  if (!out.empty()) return outcome;

  core::Run run;
  double worst_sum = 1;
  run.predictions =
      ReadPredictions(**t, src, *id_col, value_cols, e, o.renormalize, worst_sum, out);
  if (!out.empty()) return outcome;
  if (o.renormalize) outcome.renormalized_worst_sum = worst_sum;
  run.name = o.name;
  run.evalset = o.evalset;
  run.method = o.method;
  run.train_size = o.train_size;
  run.effort_hours = o.effort_hours;
  run.params = o.params;
  run.tags = o.tags;
  run.created_at = clock.NowIso8601();
  run.evalset_key = e.store_key;
  if (Status added = store.AddRun(run); !added) return Fail(added.error());
  outcome.run = core::RunInfo{run.name,         run.evalset, run.method, run.train_size,
                              run.effort_hours, run.params,  run.tags,   run.created_at};
  outcome.predictions = e.size();
  return outcome;
}

}  // namespace

Result<IngestOutcome> AddRun(store::Store& store, const RunAddOptions& o, const Clock& clock) {
  auto evalset = store.GetEvalSetForRun(o.evalset);
  if (!evalset) return Fail(evalset.error());
  auto added = AddRunTo(store, evalset->set, o, clock);
  const bool stored = added && added->stored();
  const bool replaced = !added && added.error().code() == ErrorCode::kFailedPrecondition;
  if (stored || (!evalset->kept && !replaced)) return added;
  // Refused because the set was replaced after it was read, or refused or its file found
  // wrong against a copy of the set the store kept from an earlier read (which may have been
  // replaced since). Read again; a set still the same gives the same answer, another is
  // tried once more.
  auto now = store.GetEvalSet(o.evalset);
  if (!now) return Fail(now.error());
  if (now->store_key == evalset->set.store_key) return added;
  return AddRunTo(store, *now, o, clock);
}

}  // namespace foresight::app
