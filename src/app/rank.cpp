#include "app/rank.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "app/evaluate.hpp"
#include "app/result_cache.hpp"

namespace foresight::app {
namespace {

// Runs loaded and measured together: enough to keep both threads busy, few enough that
// their predictions stay small in memory (32 runs of 10^6 values are 256 MB).
constexpr size_t kBatch = 32;

// The jackknife groups for the standard error of metrics that have no O(n) leave-one-out
// values: cheap (that many kernel evaluations), and precise enough for a screen whose margin
// is several standard errors.
constexpr size_t kScreenGroups = 64;

// The runs of the filter grouped by evaluation set, in the order sets first appear.
std::vector<std::pair<std::string, std::vector<const core::RunInfo*>>> BySet(
    const std::vector<core::RunInfo>& runs) {
  std::vector<std::pair<std::string, std::vector<const core::RunInfo*>>> out;
  std::map<std::string, size_t> index;
  for (const core::RunInfo& r : runs) {
    auto [it, added] = index.emplace(r.evalset, out.size());
    if (added) out.push_back({r.evalset, {}});
    out[it->second].second.push_back(&r);
  }
  return out;
}

// The point estimates of the runs that are not cached, computed in batches: the store reads
// a batch (one thread: the store's rule), then the batch is measured in parallel.
Status ComputePoints(store::Store& store, const core::EvalSet& set, const stats::MetricSpec& spec,
                     const std::vector<std::string>& names, const std::vector<size_t>& missing,
                     const stats::BootstrapOptions& boot, Executor& executor, ResultCache& cache,
                     std::vector<std::optional<PointMeasurement>>& points,
                     std::vector<std::optional<std::string>>& failures) {
  const std::string key = PointKey(spec.ToString());
  for (size_t first = 0; first < missing.size(); first += kBatch) {
    const size_t count = std::min(kBatch, missing.size() - first);
    std::vector<core::Run> runs(count);
    for (size_t j = 0; j < count; ++j) {
      auto run = store.GetRun(names[missing[first + j]]);
      if (!run) return Fail(run.error());
      runs[j] = std::move(*run);
    }
    auto done = executor.ParallelFor(count, [&](size_t j) {
      const size_t i = missing[first + j];
      const auto data = DataFor(set, runs[j]);
      auto kernel = spec.def->prepare(data->view, spec.params);
      if (!kernel) {
        failures[i] = kernel.error().message();
        return;
      }
      PointMeasurement p;
      p.n = set.size();
      p.estimate = (*kernel)->Evaluate(stats::Resample::All());
      if (std::isnan(p.estimate)) {
        failures[i] = "the metric is undefined on these predictions";
        return;
      }
      auto jackknife = stats::Jackknife(**kernel, set.size(), boot, kScreenGroups);
      if (!jackknife) {
        failures[i] = jackknife.error().message();
        return;
      }
      p.standard_error = jackknife->standard_error;
      points[i] = p;
    });
    if (!done) return done;
    for (size_t j = 0; j < count; ++j) {
      const size_t i = missing[first + j];
      if (points[i]) cache.Keep(names[i], key, *points[i]);
    }
  }
  return {};
}

// Whether `r` could meet the target, or without one, could be the best run.
bool WithinReach(const core::RankedRun& r, const core::RankedRun& best,
                 const std::optional<core::Criterion>& criterion, bool higher, double reach) {
  if (criterion) {
    return higher ? r.estimate + reach * r.standard_error >= criterion->threshold
                  : r.estimate - reach * r.standard_error <= criterion->threshold;
  }
  const double spread = std::hypot(r.standard_error, best.standard_error);
  return std::abs(r.estimate - best.estimate) <= reach * spread;
}

// Marks each run a contender, out of reach, or beyond the limit (runs are best first).
void Screen(core::RankingGroup& group, double reach, size_t max_intervals) {
  if (group.runs.empty()) return;
  size_t contenders = 0;
  const core::RankedRun best = group.runs.front();
  for (core::RankedRun& r : group.runs) {
    if (!WithinReach(r, best, group.criterion, group.higher_is_better, reach)) {
      r.screen = core::RankScreen::kOutOfReach;
    } else if (max_intervals != 0 && contenders >= max_intervals) {
      r.screen = core::RankScreen::kBeyondLimit;
    } else {
      r.screen = core::RankScreen::kContender;
      ++contenders;
    }
  }
}

// The bootstrap for the contenders: cached, or computed one run at a time (each bootstrap
// runs on every thread).
Status MeasureContenders(store::Store& store, const core::EvalSet& set,
                         const stats::MetricSpec& spec, core::RankingGroup& group,
                         const EvidenceOptions& options, const stats::BootstrapOptions& boot,
                         ResultCache& cache, std::vector<core::RankNote>& notes) {
  std::vector<std::string> names;
  for (const core::RankedRun& r : group.runs) {
    if (r.screen == core::RankScreen::kContender) names.push_back(r.run);
  }
  const std::string key = MeasurementKey(group.metric, "", KeyPartsOf(options));
  auto cached = cache.FindMeasurements(key, names);
  // The progress line's work: the contenders' bootstraps (the screen before is one pass).
  const uint64_t per_run = static_cast<uint64_t>(set.size()) * options.resamples;
  if (options.progress != nullptr) options.progress->Plan(names.size() * per_run);
  size_t k = 0;
  for (core::RankedRun& r : group.runs) {
    if (r.screen != core::RankScreen::kContender) continue;
    if (options.progress != nullptr) {
      options.progress->SetSubject(fmt::format("{} · {}", r.run, group.metric));
    }
    std::optional<Measurement>& m = cached[k++];
    if (m && options.progress != nullptr) options.progress->Advance(per_run);
    if (!m) {
      auto run = store.GetRun(r.run);
      if (!run) return Fail(run.error());
      const auto data = DataFor(set, *run);
      auto computed = ComputeMeasurement(spec, data->view, boot);
      if (!computed) {
        notes.push_back({r.run, group.metric, computed.error().message()});
        continue;
      }
      cache.Keep(r.run, key, *computed);
      m = std::move(*computed);
    }
    const Measured measured = Summarize(std::move(*m), boot);
    r.lower = measured.estimate.lower;
    r.upper = measured.estimate.upper;
    if (group.criterion) r.criterion = Judge(r.run, measured, *group.criterion);
  }
  return {};
}

}  // namespace

Result<core::Ranking> Rank(store::Store& store, const RankOptions& options,
                           const std::optional<Criteria>& criteria) {
  auto infos = store.ListRuns(options.filter);
  if (!infos) return Fail(infos.error());
  if (infos->empty()) {
    auto any = store.ListRuns({.limit = 1});
    if (!any) return Fail(any.error());
    return Fail(ErrorCode::kFailedPrecondition,
                any->empty() ? "the workspace has no runs yet; add one with `foresight run add`"
                             : "no run matches the filter; `foresight runs` lists them");
  }
  std::unique_ptr<Executor> owned_executor;
  Executor& executor = ExecutorFor(options.evidence, owned_executor);
  const stats::BootstrapOptions boot = BootstrapOptionsOf(options.evidence, executor);
  ResultCache cache(store, options.evidence.use_cache);
  core::Ranking ranking;
  ranking.reach = options.reach;
  ranking.max_intervals = options.max_intervals;

  for (const auto& [set_name, runs] : BySet(*infos)) {
    auto set = store.GetEvalSet(set_name, /*with_ids=*/false);
    if (!set) return Fail(set.error());
    const stats::TaskKind kind = KindOf(set->task);
    const std::string wanted = options.metric.value_or(
        CharterMetricFor(criteria, set->task).value_or(DefaultMetrics(set->task)[0]));
    auto spec = stats::BuiltinMetrics().Parse(wanted, kind);
    if (!spec) {
      return Fail(spec.error().WithContext(fmt::format("evaluation set '{}'", set_name)));
    }
    core::RankingGroup group;
    group.evalset = set_name;
    group.metric = spec->ToString();
    group.higher_is_better = spec->def->higher_is_better;
    group.n = set->size();
    if (criteria && criteria->threshold) {
      auto primary = stats::BuiltinMetrics().Parse(criteria->metric, kind);
      if (primary && primary->ToString() == group.metric) {
        group.criterion =
            core::Criterion{group.metric, *criteria->threshold, criteria->confidence.value_or(0.95),
                            group.higher_is_better};
      }
    }

    std::vector<std::string> names;
    for (const core::RunInfo* r : runs) names.push_back(r->name);
    auto points = cache.FindPoints(PointKey(group.metric), names);
    std::vector<size_t> missing;
    for (size_t i = 0; i < points.size(); ++i) {
      if (!points[i]) missing.push_back(i);
    }
    std::vector<std::optional<std::string>> failures(names.size());
    if (Status done = ComputePoints(store, *set, *spec, names, missing, boot, executor, cache,
                                    points, failures);
        !done) {
      return Fail(done.error());
    }
    for (size_t i = 0; i < names.size(); ++i) {
      if (!points[i]) {
        ranking.notes.push_back({names[i], group.metric, failures[i].value_or("")});
        continue;
      }
      core::RankedRun r;
      r.run = names[i];
      r.method = runs[i]->method;
      r.estimate = points[i]->estimate;
      r.standard_error = points[i]->standard_error;
      group.runs.push_back(std::move(r));
    }
    std::stable_sort(group.runs.begin(), group.runs.end(),
                     [&](const core::RankedRun& a, const core::RankedRun& b) {
                       return group.higher_is_better ? a.estimate > b.estimate
                                                     : a.estimate < b.estimate;
                     });
    Screen(group, options.reach, options.max_intervals);
    if (Status done = MeasureContenders(store, *set, *spec, group, options.evidence, boot, cache,
                                        ranking.notes);
        !done) {
      return Fail(done.error());
    }
    ranking.groups.push_back(std::move(group));
  }
  cache.Flush();
  ranking.cached = cache.Hits();
  ranking.computed = cache.Misses();
  return ranking;
}

}  // namespace foresight::app
