#include "app/project_report.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "app/criteria.hpp"
#include "app/evaluate.hpp"
#include "app/forecast.hpp"
#include "app/gate.hpp"
#include "app/listings.hpp"
#include "app/plan.hpp"
#include "app/rank.hpp"
#include "app/version.hpp"
#include "stats/metric.hpp"

namespace foresight::app {
namespace {

using core::Signal;
using core::SignalKind;
using core::Verdict;

// Criteria versions whose effect on the runs is measured, newest first.
constexpr size_t kMaxHistory = 10;
// A method needs this many distinct training sizes for a learning curve.
// The plan's chance by its deadline that weighs ok, and at risk (below: failing).
constexpr double kPlanOk = 0.6;
constexpr double kPlanAtRisk = 0.25;

Signal Make(SignalKind kind, Verdict weight) {
  Signal s;
  s.kind = kind;
  s.weight = weight;
  return s;
}

// A signal from a paired comparison: runs a and b as `run` and `other`, the difference b - a
// with its interval, the examples and those that would tell the runs apart.
Signal FromComparison(SignalKind kind, Verdict weight, const core::Comparison& c) {
  Signal s = Make(kind, weight);
  s.run = c.a;
  s.other = c.b;
  s.metric = c.metric;
  s.value = c.difference;
  s.lower = c.lower;
  s.upper = c.upper;
  s.count = c.n;
  s.count2 = c.examples_to_resolve;
  s.unit_interval = c.unit_interval;
  s.higher_is_better = c.higher_is_better;
  s.significant = c.significant;
  return s;
}

class ReportBuilder {
 public:
  ReportBuilder(store::Store& store, const ReportOptions& options, const Clock& clock)
      : store_(store), options_(options), clock_(clock) {}

  Result<core::ProjectReport> Build() {
    r_.generated_at = clock_.NowIso8601();
    r_.tool_version = std::string(Version());
    r_.settings = {options_.evidence.confidence, options_.evidence.resamples,
                   options_.evidence.seed};
    r_.project = options_.project_fallback;
    if (options_.check) {
      r_.check = *options_.check;
      r_.charter_path = options_.check->path;
      if (options_.check->readable && options_.check->charter) {
        charter_ = options_.check->charter.get();
        criteria_ = CriteriaOf(*charter_, options_.check->file->text());
        if (charter_->project.name.has()) r_.project = *charter_->project.name;
        if (charter_->summary.has()) r_.summary = *charter_->summary;
        if (charter_->project.owner.has()) r_.owner = *charter_->project.owner;
      }
    }
    auto runs = store_.ListRuns();
    if (!runs) return Fail(runs.error());
    runs_ = std::move(*runs);
    auto sets = store_.ListEvalSets();
    if (!sets) return Fail(sets.error());
    r_.runs = runs_.size();
    r_.evalsets = sets->size();
    if (auto s = Base(); !s) return Fail(s.error());
    if (!runs_.empty()) {
      ChoosePrimary();
      Ranking();
      Best();
      Comparisons();
      Curves();
      Gap();
      SinceBase();
    }
    History();
    Gate();
    if (Status planned = Plan(); !planned) return Fail(planned.error());
    Assess();
    return std::move(r_);
  }

 private:
  void Skip(std::string section, const Error& error) {
    r_.skipped.emplace_back(std::move(section), error.message());
  }

  Status Base() {
    if (!options_.base) return {};
    for (const auto& run : runs_) {
      if (run.name == *options_.base) {
        base_ = run;
        r_.base = run.name;
        return {};
      }
    }
    return Fail(ErrorCode::kNotFound, "no run named '" + *options_.base + "' (" + FieldRef("base") +
                                          "); `foresight runs` lists the runs");
  }

  void ChoosePrimary() {
    if (charter_ != nullptr && charter_->gate.candidate.has()) {
      for (const auto& run : runs_) {
        if (run.name == *charter_->gate.candidate) {
          r_.primary_evalset = run.evalset;
          return;
        }
      }
    }
    std::map<std::string, size_t> count;
    for (const auto& run : runs_) ++count[run.evalset];
    size_t most = 0;
    for (const auto& run : runs_) {  // in listing order, so ties go to the first listed
      if (count[run.evalset] > most) {
        most = count[run.evalset];
        r_.primary_evalset = run.evalset;
      }
    }
  }

  void Ranking() {
    RankOptions rank;
    rank.evidence = options_.evidence;
    auto ranking = Rank(store_, rank, Optional());
    if (!ranking) return Skip("ranking", ranking.error());
    r_.ranking = std::move(*ranking);
    for (const auto& group : r_.ranking->groups) {
      if (group.evalset == r_.primary_evalset) group_ = &group;
    }
    if (group_ != nullptr && !group_->runs.empty()) r_.best_run = group_->runs.front().run;
  }

  std::optional<Criteria> Optional() const {
    if (!criteria_) return std::nullopt;
    return criteria_;
  }

  EvidenceOptions Evidence(const std::string& metric) const {
    EvidenceOptions evidence = options_.evidence;
    evidence.metrics = {metric};
    return evidence;
  }

  void Best() {
    if (r_.best_run.empty()) return;
    auto best = Evaluate(store_, {r_.best_run}, Evidence(group_->metric), true, Optional());
    if (!best) return Skip("best run", best.error());
    r_.best = std::move(*best);
  }

  void Comparisons() {
    if (group_ == nullptr || group_->runs.size() < 2) return;
    std::vector<std::string> others;
    for (size_t i = 1; i < group_->runs.size() && others.size() < options_.max_comparisons; ++i) {
      others.push_back(group_->runs[i].run);
    }
    auto compared = Compare(store_, r_.best_run, others, Evidence(group_->metric), Optional());
    if (!compared) return Skip("comparisons", compared.error());
    r_.comparisons = std::move(*compared);
  }

  void Curves() {
    if (group_ == nullptr) return;
    std::map<std::string, std::set<int64_t>> sizes;
    for (const auto& run : runs_) {
      if (run.evalset == r_.primary_evalset && !run.method.empty() && run.train_size) {
        sizes[run.method].insert(*run.train_size);
      }
    }
    std::vector<std::string> methods;  // best-ranked first
    for (const auto& ranked : group_->runs) {
      if (methods.size() == options_.max_curves) break;
      const auto it = sizes.find(ranked.method);
      if (it == sizes.end() || it->second.size() < kMinCurveSizes) continue;
      if (std::find(methods.begin(), methods.end(), ranked.method) == methods.end()) {
        methods.push_back(ranked.method);
      }
    }
    // As `foresight forecast --method` measures curves by default, so its footnote agrees.
    EvidenceOptions evidence = options_.evidence;
    evidence.resamples = kCurveResamples;
    for (const auto& method : methods) {
      CurveRuns runs;
      runs.evalset = r_.primary_evalset;
      auto outcome = ForecastFromMethod(store_, method, group_->metric, runs, ForecastSettings{},
                                        evidence, Optional());
      if (!outcome) {
        Skip("learning curve of " + method, outcome.error());
        continue;
      }
      if (outcome->forecast) {
        r_.curves.push_back(core::ReportCurve{method, r_.primary_evalset, *outcome->forecast});
      }
    }
  }

  // Whether a run is a glass box (true), a black box (false), or not said: the charter's
  // plan.methods[].interpretable, else the probe's `box` tag.
  std::optional<bool> Glass(const core::RunInfo& run) const {
    if (charter_ != nullptr) {
      for (const auto& m : charter_->plan.methods) {
        if (m.name.has() && *m.name == run.method && m.interpretable.has()) {
          return *m.interpretable;
        }
      }
    }
    for (const auto& [key, value] : run.tags) {
      if (key == "box" && value == "glass") return true;
      if (key == "box" && value == "black") return false;
    }
    return std::nullopt;
  }

  void Gap() {
    if (group_ == nullptr) return;
    std::map<std::string, const core::RunInfo*> by_name;
    for (const auto& run : runs_) by_name[run.name] = &run;
    const core::RunInfo* glass = nullptr;
    const core::RunInfo* black = nullptr;
    for (const auto& ranked : group_->runs) {  // best first
      const auto* run = by_name[ranked.run];
      if (run == nullptr) continue;
      const auto box = Glass(*run);
      if (!box) continue;
      if (*box && glass == nullptr) glass = run;
      if (!*box && black == nullptr) black = run;
    }
    if (glass == nullptr || black == nullptr) return;
    auto compared =
        Compare(store_, glass->name, {black->name}, Evidence(group_->metric), Optional());
    if (!compared) return Skip("interpretability gap", compared.error());
    if (compared->empty()) return;
    r_.gap = core::InterpretabilityGap{glass->method, black->method, compared->front()};
  }

  void SinceBase() {
    if (!base_) return;
    // ListRuns lists runs in the order they were added.
    bool after = false;
    for (const auto& run : runs_) {
      if (after) r_.new_runs.push_back(run.name);
      after = after || run.name == base_->name;
    }
    if (r_.best_run.empty() || r_.best_run == base_->name || base_->evalset != r_.primary_evalset) {
      return;
    }
    auto compared =
        Compare(store_, base_->name, {r_.best_run}, Evidence(group_->metric), Optional());
    if (!compared) return Skip("since the base", compared.error());
    if (!compared->empty()) r_.since_base = compared->front();
  }

  void History() {
    auto versions = CriteriaHistory(store_);
    if (!versions) return Skip("history", versions.error());
    const size_t first = versions->size() > kMaxHistory ? versions->size() - kMaxHistory : 0;
    for (size_t i = first; i < versions->size(); ++i) {
      core::CriteriaImpact impact;
      impact.version = (*versions)[i];
      const auto& v = impact.version;
      if (const auto* def = stats::BuiltinMetrics().FindAnyTask(v.metric)) {
        impact.higher_is_better = def->higher_is_better;
      }
      if (!v.metric.empty() && v.threshold && !runs_.empty()) {
        RankOptions rank;
        rank.metric = v.metric;
        rank.max_intervals = 1;
        rank.evidence = options_.evidence;
        if (auto ranking = Rank(store_, rank, std::nullopt)) {
          const bool higher = impact.higher_is_better.value_or(true);
          for (const auto& group : ranking->groups) {
            for (const auto& run : group.runs) {
              ++impact.runs;
              if (higher ? run.estimate >= *v.threshold : run.estimate <= *v.threshold) {
                ++impact.meeting;
              }
              if (!impact.best_run ||
                  (higher ? run.estimate > impact.best : run.estimate < impact.best)) {
                impact.best_run = run.run;
                impact.best = run.estimate;
              }
            }
          }
        }
      }
      r_.history.push_back(std::move(impact));
    }
  }

  void Gate() {
    if (charter_ == nullptr || runs_.empty()) return;
    GateOptions gate;
    gate.evidence = options_.evidence;
    if (!charter_->gate.candidate.has() && !r_.best_run.empty()) gate.candidate = r_.best_run;
    auto result = RunGate(store_, *options_.check, gate);
    if (!result) return Skip("gate", result.error());
    r_.gate = std::move(*result);
  }

  // The plan's outlook, as `foresight plan outlook` computes it by default (the footnote's
  // command). A plan without a team or without work left has none; a bad day is misuse.
  Status Plan() {
    if (charter_ == nullptr || charter_->plan.methods.empty() || charter_->team.empty()) {
      return {};
    }
    auto clock = PlanClock(options_.plan_today);
    if (!clock) return Fail(clock.error());
    r_.plan_today = options_.plan_today.value_or("");
    OutlookOptions outlook;
    outlook.evidence.use_cache = options_.evidence.use_cache;
    outlook.evidence.executor = options_.evidence.executor;
    outlook.evidence.threads = options_.evidence.threads;
    auto built = BuildOutlook(store_, *charter_, options_.check->file->text(), **clock, outlook);
    if (!built) {
      if (built.error().code() != ErrorCode::kFailedPrecondition) {
        Skip("plan outlook", built.error());
      }
      return {};
    }
    r_.outlook = std::move(*built);
    return {};
  }

  void Research(core::FactorAssessment& a) {
    if (runs_.empty()) {
      a.signals.push_back(Make(SignalKind::kNoRuns, Verdict::kAtRisk));
      return;
    }
    if (group_ == nullptr || group_->runs.empty()) return;
    const core::RankedRun& best = group_->runs.front();
    if (!group_->criterion || !best.criterion) {
      if (!criteria_ || criteria_->metric.empty() || !criteria_->threshold) {
        a.signals.push_back(Make(SignalKind::kNoCriterion, Verdict::kAtRisk));
      }
    } else {
      const auto& c = *best.criterion;
      const auto kind = c.status == core::CriterionStatus::kMet ? SignalKind::kTargetMet
                        : c.status == core::CriterionStatus::kNotMet
                            ? SignalKind::kTargetNotMet
                            : SignalKind::kTargetNotYetKnown;
      const auto weight = kind == SignalKind::kTargetMet      ? Verdict::kOk
                          : kind == SignalKind::kTargetNotMet ? Verdict::kFailing
                                                              : Verdict::kAtRisk;
      Signal s = Make(kind, weight);
      s.run = best.run;
      s.metric = group_->metric;
      s.value = best.estimate;
      s.lower = c.bound;
      s.probability = c.probability;
      s.threshold = group_->criterion->threshold;
      s.higher_is_better = group_->higher_is_better;
      a.signals.push_back(std::move(s));
    }
    if (!r_.comparisons.empty()) {
      const auto& c = r_.comparisons.front();
      a.signals.push_back(
          FromComparison(c.significant ? SignalKind::kBeatsRunnerUp : SignalKind::kCannotTellApart,
                         Verdict::kOk, c));
    }
  }

  void Management(core::FactorAssessment& a) {
    // The examples a curve needs for the target: 0 when it already reaches it, infinite when
    // it never does.
    const auto needed = [](const core::ForecastTarget& t) {
      if (t.already_met) return 0.0;
      return t.size_needed ? t.size_needed->estimate : std::numeric_limits<double>::infinity();
    };
    const core::ReportCurve* reach = nullptr;  // the curve that needs the least
    const core::ReportCurve* closest = nullptr;
    for (const auto& curve : r_.curves) {
      const auto& t = curve.forecast.target;
      if (!t) continue;
      if (std::isfinite(needed(*t)) &&
          (reach == nullptr || needed(*t) < needed(*reach->forecast.target))) {
        reach = &curve;
      }
      if (closest == nullptr ||
          t->probability_reachable > closest->forecast.target->probability_reachable) {
        closest = &curve;
      }
    }
    if (reach != nullptr) {
      const auto& t = *reach->forecast.target;
      Signal s = Make(t.already_met ? SignalKind::kCurveMeetsTarget : SignalKind::kTargetReachable,
                      Verdict::kOk);
      s.method = reach->method;
      s.size = t.already_met ? reach->forecast.points.back().size : t.size_needed->estimate;
      s.probability = t.probability_reachable;
      s.threshold = t.value;
      s.metric = reach->forecast.metric;
      a.signals.push_back(std::move(s));
    } else if (closest != nullptr) {
      Signal s = Make(SignalKind::kTargetOutOfReach, Verdict::kAtRisk);
      s.method = closest->method;
      s.probability = closest->forecast.target->probability_reachable;
      s.threshold = closest->forecast.target->value;
      s.value = closest->forecast.asymptote.estimate;
      s.metric = closest->forecast.metric;
      a.signals.push_back(std::move(s));
    } else if (!runs_.empty() && r_.curves.empty()) {
      const bool met = group_ != nullptr && !group_->runs.empty() &&
                       group_->runs.front().criterion &&
                       group_->runs.front().criterion->status == core::CriterionStatus::kMet;
      if (!met) a.signals.push_back(Make(SignalKind::kNoCurve, Verdict::kAtRisk));
    }
    // The plan's chance by its deadline: ok from 60%, at risk from 25%, failing below.
    if (r_.outlook) {
      const core::PlanOutlook& o = *r_.outlook;
      for (const core::OutlookDate& d : o.dates) {
        if (d.label != "deadline") continue;
        const double p = o.criterion_known ? d.p_met : d.p_ended;
        Signal s = Make(SignalKind::kPlanOutlook, p >= kPlanOk       ? Verdict::kOk
                                                  : p >= kPlanAtRisk ? Verdict::kAtRisk
                                                                     : Verdict::kFailing);
        s.probability = p;
        s.significant = o.criterion_known;
        s.other = d.date;
        s.metric = o.metric;
        a.signals.push_back(std::move(s));
      }
    }
  }

  void Production(core::FactorAssessment& a) {
    if (r_.gate) {
      const auto& g = *r_.gate;
      size_t blocking_open = 0;
      for (const auto& c : g.conditions) {
        if (c.status == core::GateStatus::kCannotTell && g.Blocks(c.status)) ++blocking_open;
      }
      const size_t fails = g.Count(core::GateStatus::kFail);
      Signal s = Make(g.Passed()  ? SignalKind::kGatePassed
                      : fails > 0 ? SignalKind::kGateFailed
                                  : SignalKind::kGateUndecided,
                      g.Passed()  ? Verdict::kOk
                      : fails > 0 ? Verdict::kFailing
                                  : Verdict::kAtRisk);
      s.run = g.candidate;
      s.count = fails;
      s.count2 = blocking_open;
      a.signals.push_back(std::move(s));
    }
    if (r_.gap) {
      const auto& c = r_.gap->comparison;
      const bool black_better = c.significant && (c.difference > 0) == c.higher_is_better;
      const bool required =
          charter_ != nullptr && charter_->constraints.interpretability.has() &&
          *charter_->constraints.interpretability == core::Interpretability::kRequired;
      Signal s = FromComparison(
          black_better ? SignalKind::kInterpretabilityCost : SignalKind::kInterpretabilityFree,
          black_better && required ? Verdict::kAtRisk : Verdict::kOk, c);
      std::swap(s.run, s.other);  // the black box first: it is what the sentence weighs
      s.method = r_.gap->black_method;
      a.signals.push_back(std::move(s));
    }
  }

  void Assess() {
    for (const core::Factor factor : core::kAllFactors) {
      core::FactorAssessment a;
      a.factor = factor;
      if (r_.check && r_.check->readable) {
        for (const auto& v : r_.check->verdicts) {
          if (v.factor != factor) continue;
          a.charter = v;
          Signal s = Make(SignalKind::kCharter, v.verdict);
          s.why = v.why;
          a.signals.push_back(std::move(s));
        }
      } else if (factor == core::Factor::kDoomed || factor == core::Factor::kProduction) {
        a.signals.push_back(Make(SignalKind::kNoCharter, Verdict::kAtRisk));
      }
      switch (factor) {
        case core::Factor::kResearch:
          Research(a);
          break;
        case core::Factor::kManagement:
          Management(a);
          break;
        case core::Factor::kDoomed:
          break;
        case core::Factor::kProduction:
          Production(a);
          break;
      }
      for (const auto& s : a.signals) a.verdict = std::max(a.verdict, s.weight);
      r_.factors.push_back(std::move(a));
    }
  }

  store::Store& store_;
  const ReportOptions& options_;
  const Clock& clock_;
  core::ProjectReport r_;
  const core::Charter* charter_ = nullptr;
  std::optional<Criteria> criteria_;
  std::vector<core::RunInfo> runs_;
  std::optional<core::RunInfo> base_;
  const core::RankingGroup* group_ = nullptr;
};

}  // namespace

Result<core::ProjectReport> BuildReport(store::Store& store, const ReportOptions& options,
                                        const Clock& clock) {
  return ReportBuilder(store, options, clock).Build();
}

}  // namespace foresight::app
