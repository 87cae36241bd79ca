#include "app/gate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "app/criteria.hpp"
#include "app/evaluate.hpp"
#include "stats/fairness.hpp"
#include "stats/metric.hpp"

namespace foresight::app {
namespace {

using core::GateCondition;
using core::GateConditionKind;
using core::GateMeasure;
using core::GateReason;
using core::GateStatus;

// How many rule codes the charter condition lists.
constexpr size_t kMaxErrorCodes = 5;

// A measurement's status against the condition's limits: pass when its whole one-sided
// interval is inside them, fail when the whole interval is outside one of them.
GateStatus Judge(const GateMeasure& m, const GateCondition& c) {
  if (std::isnan(m.lower) || std::isnan(m.upper)) return GateStatus::kCannotTell;
  bool pass = true;
  if (c.min) {
    if (m.upper < *c.min) return GateStatus::kFail;
    pass = pass && m.lower >= *c.min;
  }
  if (c.max) {
    if (m.lower > *c.max) return GateStatus::kFail;
    pass = pass && m.upper <= *c.max;
  }
  return pass ? GateStatus::kPass : GateStatus::kCannotTell;
}

// How far a measurement's interval is inside the limits (negative: outside); the deciding
// measurement of a group is the one with the least.
double Slack(const GateMeasure& m, const GateCondition& c) {
  double slack = std::numeric_limits<double>::infinity();
  if (c.min) slack = std::min(slack, m.lower - *c.min);
  if (c.max) slack = std::min(slack, *c.max - m.upper);
  return std::isnan(slack) ? -std::numeric_limits<double>::infinity() : slack;
}

// Sets the condition's status from its measures: any failing fails it, any undecided leaves
// it undecided, else it passes. The deciding measure is the worst of those with that status.
void Decide(GateCondition& c, bool unmeasured_levels) {
  GateStatus status = unmeasured_levels ? GateStatus::kCannotTell : GateStatus::kPass;
  for (const auto& m : c.measures) {
    const GateStatus s = Judge(m, c);
    if (s == GateStatus::kFail) {
      status = GateStatus::kFail;
    } else if (s == GateStatus::kCannotTell && status == GateStatus::kPass) {
      status = GateStatus::kCannotTell;
    }
  }
  c.status = status;
  c.reason = GateReason::kMeasured;
  const GateMeasure* worst = nullptr;
  for (const auto& m : c.measures) {
    if (Judge(m, c) != status) continue;
    if (worst == nullptr || Slack(m, c) < Slack(*worst, c)) worst = &m;
  }
  if (worst != nullptr) c.deciding = *worst;
}

GateMeasure MeasureOf(const core::EvalRow& row) {
  return GateMeasure{row.run, row.slice.value_or(""), row.estimate, row.lower, row.upper, row.n};
}

// "Applicant sex", "applicant-sex" and "applicant_sex" name the same column.
std::string NormalName(std::string_view name) {
  std::string out;
  for (const char ch : name) {
    if (ch == ' ' || ch == '-' || ch == '_') {
      if (!out.empty() && out.back() != '_') out.push_back('_');
    } else {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

// The slice column a guardrail's slice names: the same name up to case and separators, else
// the one column whose name is a whole word group of it ("sex" in "applicant sex").
std::optional<std::string> FindSliceColumn(const core::EvalSet& set, std::string_view written) {
  const std::string wanted = NormalName(written);
  std::vector<std::string> within;
  for (const auto& column : set.slices) {
    const std::string name = NormalName(column.name);
    if (name == wanted) return column.name;
    const std::string padded = "_" + wanted + "_";
    if (!name.empty() && padded.find("_" + name + "_") != std::string::npos) {
      within.push_back(column.name);
    }
  }
  if (within.size() == 1) return within.front();
  return std::nullopt;
}

bool IsFairnessGap(std::string_view metric) {
  return metric == stats::FairnessGapName(stats::FairnessGap::kDemographicParity) ||
         metric == stats::FairnessGapName(stats::FairnessGap::kEqualizedOdds);
}

Result<core::RunInfo> FindRun(const std::vector<core::RunInfo>& runs, const std::string& name,
                              std::string_view role) {
  for (const auto& r : runs) {
    if (r.name == name) return r;
  }
  return Fail(
      ErrorCode::kNotFound,
      fmt::format("no run named '{}' (the {}); `foresight runs` lists the runs", name, role));
}

// The run judged when none is named: the newest that is not the production run.
Result<core::RunInfo> NewestRun(const std::vector<core::RunInfo>& runs,
                                const std::optional<std::string>& production) {
  const core::RunInfo* newest = nullptr;
  for (const auto& r : runs) {
    if (production && r.name == *production) continue;
    if (newest == nullptr || r.created_at >= newest->created_at) newest = &r;
  }
  if (newest == nullptr) {
    return Fail(ErrorCode::kFailedPrecondition,
                "there is no run to judge; store the candidate's predictions with `foresight run "
                "add` (or name it with " FORESIGHT_FIELD("run") ")");
  }
  return *newest;
}

class GateBuilder {
 public:
  GateBuilder(store::Store& store, const core::CheckResult& check, const GateOptions& options)
      : store_(store), check_(check), charter_(*check.charter), options_(options) {}

  Result<core::GateResult> Build() {
    out_.charter_path = check_.path;
    out_.charter = check_.file;
    out_.confidence = charter_.success.confidence.value_or(0.95);
    out_.undecided = charter_.gate.undecided.value_or(core::GateUndecided::kFail);
    criteria_ = CriteriaOf(charter_, check_.file->text());
    if (auto s = ChooseRuns(); !s) return Fail(s.error());
    auto set = store_.GetEvalSet(out_.evalset, false);
    if (!set) return Fail(set.error());
    set_ = std::move(*set);
    kind_ = KindOf(set_.task);
    // Each side's bound of a two-sided interval at 2c - 1 is a one-sided bound at c.
    evidence_ = options_.evidence;
    evidence_.confidence = std::max(0.01, 2 * out_.confidence - 1);
    if (auto s = Measure(); !s) return Fail(s.error());
    Criterion();
    for (size_t i = 0; i < charter_.success.guardrails.size(); ++i) Guardrail(i);
    if (auto s = Production(); !s) return Fail(s.error());
    Calibration();
    Interpretability();
    EvaluationSet();
    CharterErrors();
    return std::move(out_);
  }

 private:
  Status ChooseRuns() {
    auto runs = store_.ListRuns();
    if (!runs) return Fail(runs.error());
    if (options_.production) {
      production_ = *options_.production;
    } else if (charter_.gate.production.has()) {
      production_ = *charter_.gate.production;
    }
    if (production_) {
      auto info = FindRun(*runs, *production_, "production run");
      if (!info) return Fail(info.error());
      production_info_ = std::move(*info);
    }
    Result<core::RunInfo> candidate = [&]() -> Result<core::RunInfo> {
      if (options_.candidate) return FindRun(*runs, *options_.candidate, "candidate");
      if (charter_.gate.candidate.has()) {
        return FindRun(*runs, *charter_.gate.candidate, "candidate, gate.candidate");
      }
      out_.candidate_chosen = true;
      return NewestRun(*runs, production_);
    }();
    if (!candidate) return Fail(candidate.error());
    out_.candidate = candidate->name;
    out_.evalset = candidate->evalset;
    out_.method = candidate->method;
    return {};
  }

  // The canonical spelling of `metric` for the set's task, or nullopt.
  std::optional<std::string> Canonical(const std::string& metric) const {
    auto spec = stats::BuiltinMetrics().Parse(metric, kind_);
    if (!spec) return std::nullopt;
    return spec->ToString();
  }

  // Sets the condition's metric to `metric`'s canonical spelling and its direction, parsing it
  // once; false when the metric does not apply to the set's task.
  bool Adopt(GateCondition& c, const std::string& metric) const {
    auto spec = stats::BuiltinMetrics().Parse(metric, kind_);
    if (!spec) return false;
    c.metric = spec->ToString();
    c.higher_is_better = spec->def->higher_is_better;
    return true;
  }

  // One `eval` of the candidate with every metric the conditions need.
  Status Measure() {
    std::vector<std::string> metrics;
    const auto want = [&](const std::string& metric) {
      if (auto canonical = Canonical(metric);
          canonical && std::find(metrics.begin(), metrics.end(), *canonical) == metrics.end()) {
        metrics.push_back(*canonical);
      }
    };
    if (!criteria_.metric.empty()) want(criteria_.metric);
    bool slices = false;
    for (const auto& g : charter_.success.guardrails) {
      if (!g.metric.has()) continue;
      if (g.slice.has() && FindSliceColumn(set_, *g.slice)) slices = true;
      if (!IsFairnessGap(*g.metric)) want(*g.metric);
    }
    if (charter_.gate.max_calibration_error.has()) want("ece");
    if (metrics.empty() && !slices) return {};
    if (metrics.empty()) metrics = {DefaultMetrics(set_.task).front()};
    EvidenceOptions evidence = evidence_;
    evidence.metrics = metrics;
    std::optional<Criteria> criteria;
    if (!criteria_.metric.empty()) criteria = criteria_;
    auto result = Evaluate(store_, {out_.candidate}, evidence, slices, criteria);
    if (!result) return Fail(result.error());
    eval_ = std::move(*result);
    return {};
  }

  const core::EvalRow* WholeSetRow(const std::string& metric) const {
    for (const auto& row : eval_.rows) {
      if (row.run == out_.candidate && row.metric == metric && !row.slice) return &row;
    }
    return nullptr;
  }

  GateCondition& Add(GateConditionKind kind, std::string field, Span span) {
    GateCondition c;
    c.kind = kind;
    c.field = std::move(field);
    c.span = span;
    out_.conditions.push_back(std::move(c));
    return out_.conditions.back();
  }

  // The condition cannot be decided, for `reason`, because of the charter field `field`.
  static void CannotTell(GateCondition& c, GateReason reason, std::string field, Span span) {
    c.status = GateStatus::kCannotTell;
    c.reason = reason;
    c.field = std::move(field);
    c.span = span;
  }

  static void NotDeclared(GateCondition& c, std::string field, Span span) {
    CannotTell(c, GateReason::kNotDeclared, std::move(field), span);
  }

  void Criterion() {
    const auto& success = charter_.success;
    GateCondition& c = Add(GateConditionKind::kCriterion, "success.threshold",
                           success.threshold.has() ? success.threshold.span : success.mark.span);
    if (!success.metric.has()) return NotDeclared(c, "success.metric", success.mark.span);
    c.metric = *success.metric;
    if (!success.threshold.has()) return NotDeclared(c, "success.threshold", success.mark.span);
    if (!Adopt(c, *success.metric)) {
      return CannotTell(c, GateReason::kMetricNotForTask, "success.metric", success.metric.span);
    }
    const std::string canonical = c.metric;
    (c.higher_is_better ? c.min : c.max) = *success.threshold;
    const core::EvalRow* row = WholeSetRow(canonical);
    for (const auto& judged : eval_.criteria) {
      if (judged.run != out_.candidate || row == nullptr) continue;
      GateMeasure m = MeasureOf(*row);
      (c.higher_is_better ? m.lower : m.upper) = judged.bound;
      c.deciding = m;
      c.measures = {m};
      c.probability = judged.probability;
      switch (judged.status) {
        case core::CriterionStatus::kMet:
          c.status = GateStatus::kPass;
          break;
        case core::CriterionStatus::kNotMet:
          c.status = GateStatus::kFail;
          break;
        case core::CriterionStatus::kNotYetKnown:
          c.status = GateStatus::kCannotTell;
          break;
      }
      c.reason = judged.basis == core::CriterionBasis::kTooFewExamples ? GateReason::kTooFewExamples
                                                                       : GateReason::kMeasured;
      return;
    }
    MeasureFailed(c, canonical, "");
  }

  // The reason `eval` gave for not measuring `metric` (on `slice`), if it gave one.
  void MeasureFailed(GateCondition& c, const std::string& metric, const std::string& slice) {
    c.status = GateStatus::kCannotTell;
    c.reason = GateReason::kMeasureFailed;
    for (const auto& note : eval_.notes) {
      if (note.run == out_.candidate && note.measure == metric &&
          (slice.empty() || note.slice.starts_with(slice))) {
        c.detail = note.reason;
        return;
      }
    }
  }

  void Guardrail(size_t i) {
    const core::Guardrail& g = charter_.success.guardrails[i];
    GateCondition& c =
        Add(GateConditionKind::kGuardrail, fmt::format("success.guardrails[{}]", i), g.span);
    if (!g.metric.has()) {
      return NotDeclared(c, fmt::format("success.guardrails[{}].metric", i), g.span);
    }
    c.metric = *g.metric;
    if (g.min.has()) c.min = *g.min;
    if (g.max.has()) c.max = *g.max;
    if (!c.min && !c.max) {
      return NotDeclared(c, fmt::format("success.guardrails[{}].min", i), g.span);
    }
    std::optional<std::string> column;
    if (g.slice.has()) {
      c.slice = *g.slice;
      column = FindSliceColumn(set_, *g.slice);
      if (!column) {
        return CannotTell(c, GateReason::kSliceNotFound,
                          fmt::format("success.guardrails[{}].slice", i), g.slice.span);
      }
      c.slice = *column;
    }
    if (IsFairnessGap(*g.metric)) return FairnessGuardrail(c, column, i);
    if (!Adopt(c, *g.metric)) {
      return CannotTell(c, GateReason::kMetricNotForTask,
                        fmt::format("success.guardrails[{}].metric", i), g.metric.span);
    }
    const std::string canonical = c.metric;
    const std::string prefix = column ? *column + "=" : "";
    for (const auto& row : eval_.rows) {
      if (row.run != out_.candidate || row.metric != canonical) continue;
      if (column ? (row.slice && row.slice->starts_with(prefix)) : !row.slice) {
        c.measures.push_back(MeasureOf(row));
      }
    }
    // Slice values `eval` could not measure (one class only, say) leave the guardrail open.
    bool unmeasured = false;
    for (const auto& note : eval_.notes) {
      if (note.kind == core::EvalNote::Kind::kSliceMetric && note.run == out_.candidate &&
          note.measure == canonical && column && note.slice.starts_with(prefix)) {
        unmeasured = true;
      }
    }
    if (c.measures.empty()) return MeasureFailed(c, canonical, prefix);
    Decide(c, unmeasured);
  }

  void FairnessGuardrail(GateCondition& c, const std::optional<std::string>& column, size_t i) {
    c.higher_is_better = false;
    if (!column) {
      return NotDeclared(c, fmt::format("success.guardrails[{}].slice", i),
                         charter_.success.guardrails[i].span);
    }
    for (const auto& f : eval_.fairness) {
      if (f.run == out_.candidate && f.measure == c.metric && f.slice == *column) {
        c.measures.push_back(
            GateMeasure{f.run, f.slice, f.estimate, f.lower, f.upper, set_.size()});
      }
    }
    if (c.measures.empty()) {
      if (set_.task != core::EvalTask::kBinary) {
        c.status = GateStatus::kCannotTell;
        c.reason = GateReason::kMetricNotForTask;
        return;
      }
      return MeasureFailed(c, c.metric, *column);
    }
    Decide(c, false);
  }

  Status Production() {
    if (!production_) return {};
    const auto& success = charter_.success;
    const Span span =
        charter_.gate.production.has() ? charter_.gate.production.span : charter_.gate.mark.span;
    GateCondition& c = Add(GateConditionKind::kProduction, "gate.production", span);
    c.production = *production_;
    c.margin = charter_.gate.margin.value_or(0.0);
    c.min = -c.margin;
    if (!success.metric.has()) {
      NotDeclared(c, "success.metric", success.mark.span);
      return {};
    }
    c.metric = *success.metric;
    if (!Adopt(c, *success.metric)) {
      c.status = GateStatus::kCannotTell;
      c.reason = GateReason::kMetricNotForTask;
      return {};
    }
    const std::string canonical = c.metric;
    if (production_info_.evalset != out_.evalset) {
      c.status = GateStatus::kCannotTell;
      c.reason = GateReason::kOtherEvaluationSet;
      c.detail = production_info_.evalset;
      return {};
    }
    EvidenceOptions evidence = evidence_;
    evidence.metrics = {canonical};
    auto compared = Compare(store_, *production_, {out_.candidate}, evidence, criteria_);
    if (!compared) {
      if (compared.error().code() != ErrorCode::kInvalidArgument) return Fail(compared.error());
      c.status = GateStatus::kCannotTell;
      c.reason = GateReason::kMeasureFailed;
      c.detail = compared.error().message();
      return {};
    }
    for (const auto& cmp : *compared) {
      if (cmp.metric != canonical) continue;
      const double sign = c.higher_is_better ? 1.0 : -1.0;
      GateMeasure m{out_.candidate,
                    "",
                    sign * cmp.difference,
                    c.higher_is_better ? cmp.lower : -cmp.upper,
                    c.higher_is_better ? cmp.upper : -cmp.lower,
                    set_.size()};
      c.measures = {m};
      Decide(c, false);
      return {};
    }
    c.status = GateStatus::kCannotTell;
    c.reason = GateReason::kMeasureFailed;
    return {};
  }

  void Calibration() {
    const auto& bound = charter_.gate.max_calibration_error;
    if (!bound.has()) return;
    GateCondition& c =
        Add(GateConditionKind::kCalibration, "gate.max_calibration_error", bound.span);
    c.metric = "ece";
    c.higher_is_better = false;
    c.max = *bound;
    if (!Adopt(c, "ece")) {
      c.status = GateStatus::kCannotTell;
      c.reason = GateReason::kMetricNotForTask;
      return;
    }
    const std::string canonical = c.metric;
    const core::EvalRow* row = WholeSetRow(canonical);
    if (row == nullptr) return MeasureFailed(c, canonical, "");
    c.measures = {MeasureOf(*row)};
    Decide(c, false);
  }

  void Interpretability() {
    const auto& wanted = charter_.constraints.interpretability;
    GateCondition& c = Add(GateConditionKind::kInterpretability, "constraints.interpretability",
                           wanted.has() ? wanted.span : charter_.constraints.mark.span);
    c.method = out_.method;
    if (!wanted.has() || *wanted != core::Interpretability::kRequired) {
      c.status = GateStatus::kPass;
      c.reason = GateReason::kNotRequired;
      return;
    }
    c.status = GateStatus::kCannotTell;
    if (out_.method.empty()) {
      c.reason = GateReason::kNoMethod;
      return;
    }
    const core::Method* found = nullptr;
    for (const auto& m : charter_.plan.methods) {
      if (m.name.has() && *m.name == out_.method) found = &m;
    }
    if (found == nullptr) {
      for (const auto& m : charter_.plan.methods) {
        if (m.name.has() && NormalName(*m.name) == NormalName(out_.method)) found = &m;
      }
    }
    if (found == nullptr) {
      c.reason = GateReason::kMethodNotInPlan;
      c.field = "plan.methods";
      c.span = charter_.plan.methods_mark.span;
      return;
    }
    c.field = "plan.methods[].interpretable";
    c.span = found->span;
    if (!found->interpretable.has()) {
      c.reason = GateReason::kNotMarked;
      return;
    }
    c.span = found->interpretable.span;
    c.reason = GateReason::kMeasured;
    c.status = *found->interpretable ? GateStatus::kPass : GateStatus::kFail;
  }

  void EvaluationSet() {
    const auto& evaluation = charter_.success.evaluation;
    const auto& drawn = evaluation.drawn_like_production;
    GateCondition& c =
        Add(GateConditionKind::kEvaluationSet, "success.evaluation.drawn_like_production",
            drawn.has() ? drawn.span : evaluation.mark.span);
    if (!drawn.has()) {
      c.status = GateStatus::kCannotTell;
      c.reason = GateReason::kNotDeclared;
      return;
    }
    c.status = *drawn ? GateStatus::kPass : GateStatus::kFail;
  }

  void CharterErrors() {
    GateCondition& c = Add(GateConditionKind::kCharter, "", Span{});
    for (const auto& d : check_.diagnostics) {
      if (d.severity != Severity::kError) continue;
      ++c.errors;
      if (c.error_codes.size() < kMaxErrorCodes &&
          std::find(c.error_codes.begin(), c.error_codes.end(), d.code) == c.error_codes.end()) {
        c.error_codes.push_back(d.code);
      }
    }
    c.status = c.errors == 0 ? GateStatus::kPass : GateStatus::kFail;
  }

  store::Store& store_;
  const core::CheckResult& check_;
  const core::Charter& charter_;
  const GateOptions& options_;
  core::GateResult out_;
  Criteria criteria_;
  std::optional<std::string> production_;
  core::RunInfo production_info_;
  core::EvalSet set_;
  stats::TaskKind kind_ = stats::TaskKind::kBinary;
  EvidenceOptions evidence_;
  core::EvalResult eval_;
};

}  // namespace

Result<core::GateResult> RunGate(store::Store& store, const core::CheckResult& check,
                                 const GateOptions& options) {
  if (!check.readable || !check.charter || !check.file) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the charter '{}' cannot be read, so the gate has nothing to judge "
                            "against; `foresight check {}` shows why",
                            check.path, check.path));
  }
  return GateBuilder(store, check, options).Build();
}

}  // namespace foresight::app
