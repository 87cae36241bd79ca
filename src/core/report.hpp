// What `foresight report` shows, as plain values: the project, a verdict per failure factor
// with the evidence behind it, and every section's typed results. The renderers (HTML for
// leaders, Markdown for a pull request) word them; nothing here is a sentence.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "core/check.hpp"
#include "core/evidence.hpp"
#include "core/forecast.hpp"
#include "core/gate.hpp"
#include "core/plan_ledger.hpp"
#include "core/ranking.hpp"
#include "core/rule_meta.hpp"

namespace foresight::core {

// One fact behind a factor's verdict, as values.
enum class SignalKind {
  kCharter,               // the charter check's verdict for this factor (`charter` holds it)
  kNoCharter,             // there is no charter, or it could not be read
  kNoRuns,                // no run is stored: nothing is measured yet
  kNoCriterion,           // the charter declares no success metric and threshold
  kTargetMet,             // `run` meets the criterion (probability, value, lower)
  kTargetNotYetKnown,     // the best run's interval straddles the threshold
  kTargetNotMet,          // even the best run misses the threshold
  kCannotTellApart,       // the best run and the runner-up (`other`) cannot be told apart
  kBeatsRunnerUp,         // the best run is detectably better than the runner-up
  kTargetReachable,       // `method`'s forecast reaches the target with about `size` examples
  kCurveMeetsTarget,      // `method`'s curve already reaches the target at `size` examples
  kTargetOutOfReach,      // no method's forecast reaches the target (best: `method`)
  kNoCurve,               // no method has runs at 3 or more training sizes
  kGatePassed,            // the gate lets `run` through
  kGateFailed,            // the gate holds `run` back: `count` fail, `count2` cannot tell
  kGateUndecided,         // nothing fails, but `count2` conditions cannot tell (and block)
  kInterpretabilityCost,  // the best black box (`run`) beats the best glass box (`other`)
  kInterpretabilityFree,  // the glass box is as good, or the difference is not detectable
  // The plan's outlook: `probability` of the criterion met (`significant`: its chance is
  // known) or else of the work being over, by the deadline `other`.
  kPlanOutlook,
};

struct Signal {
  SignalKind kind = SignalKind::kCharter;
  Verdict weight = Verdict::kOk;  // how it weighs on the factor's verdict
  std::string run;
  std::string other;
  std::string method;
  std::string metric;
  double value = std::numeric_limits<double>::quiet_NaN();
  double lower = std::numeric_limits<double>::quiet_NaN();
  double upper = std::numeric_limits<double>::quiet_NaN();
  double probability = std::numeric_limits<double>::quiet_NaN();
  double threshold = std::numeric_limits<double>::quiet_NaN();
  double size = std::numeric_limits<double>::quiet_NaN();
  size_t count = 0;
  size_t count2 = 0;
  bool higher_is_better = true;
  bool unit_interval = false;
  bool significant = false;  // comparisons: the test detects the difference
  std::string why;  // kCharter: the check's own sentence for the factor (FactorVerdict::why)
};

struct FactorAssessment {
  Factor factor = Factor::kResearch;
  Verdict verdict = Verdict::kOk;  // the worst of its signals
  std::vector<Signal> signals;
  std::optional<FactorVerdict> charter;  // the check's verdict, when the charter was read
};

// A method's learning curve and its forecast.
struct ReportCurve {
  std::string method;
  std::string evalset;
  Forecast forecast;
};

// The best interpretable (glass box) run against the best black box on the same set.
struct InterpretabilityGap {
  std::string glass_method;
  std::string black_method;
  Comparison comparison;  // a = the glass box's run, b = the black box's: difference b - a
};

// One version of the success criteria and what it made of the runs (point estimates).
struct CriteriaImpact {
  CriteriaVersion version;
  std::optional<bool> higher_is_better;  // when foresight knows the metric
  size_t runs = 0;                       // runs the metric could be measured on
  size_t meeting = 0;                    // of those, how many reach the threshold (point estimate)
  std::optional<std::string> best_run;
  double best = std::numeric_limits<double>::quiet_NaN();
};

// The settings every number was computed with, so each footnote's command reproduces it.
struct ReportSettings {
  double confidence = 0.95;
  size_t resamples = 2000;
  uint64_t seed = 0;
};

struct ProjectReport {
  std::string project;  // the charter's project.name, else the workspace folder's name
  std::string summary;
  std::string owner;
  std::string charter_path;
  std::string generated_at;  // ISO 8601, UTC
  std::string tool_version;
  ReportSettings settings;
  size_t runs = 0;
  size_t evalsets = 0;
  std::optional<CheckResult> check;  // absent without a charter
  std::vector<FactorAssessment> factors;
  // The evidence. The primary evaluation set is the one the judged run is on: the charter's
  // gate.candidate's, else the set with the most runs.
  std::string primary_evalset;
  std::optional<Ranking> ranking;
  std::string best_run;                 // the best-ranked run on the primary set
  std::optional<EvalResult> best;       // the best run with slices and fairness gaps
  std::vector<Comparison> comparisons;  // the best run against the next ones
  std::vector<ReportCurve> curves;
  std::optional<InterpretabilityGap> gap;
  std::vector<CriteriaImpact> history;
  std::optional<GateResult> gate;
  // The plan's Monte-Carlo outlook (`foresight plan outlook`), when the charter has a plan
  // with a team and methods still to do; `plan_today` is the day it was computed as of, when
  // not today.
  std::optional<PlanOutlook> outlook;
  std::string plan_today;
  // Since a base run (`--base`): how the best run compares with it, and the runs added after it.
  std::string base;
  std::optional<Comparison> since_base;
  std::vector<std::string> new_runs;
  // Sections that could not be computed, with the error's message.
  std::vector<std::pair<std::string, std::string>> skipped;
};

}  // namespace foresight::core
