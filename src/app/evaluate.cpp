#include "app/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "app/result_cache.hpp"
#include "base/files.hpp"
#include "base/strings.hpp"
#include "charter/parse.hpp"
#include "stats/bootstrap.hpp"
#include "stats/delong.hpp"
#include "stats/fairness.hpp"
#include "stats/mcnemar.hpp"
#include "stats/metric.hpp"
#include "stats/multiple.hpp"
#include "stats/paired.hpp"
#include "stats/power.hpp"

namespace foresight::app {
namespace {

Result<std::vector<std::string>> ResolveRuns(store::Store& store,
                                             const std::vector<std::string>& names) {
  if (!names.empty()) return names;
  auto runs = store.ListRuns();
  if (!runs) return Fail(runs.error());
  std::vector<std::string> out;
  for (const auto& r : *runs) out.push_back(r.name);
  if (out.empty()) {
    return Fail(ErrorCode::kFailedPrecondition,
                "the workspace has no runs yet; add one with `foresight run add`");
  }
  return out;
}

// Loads runs and their evaluation sets once each.
class Evidence {
 public:
  explicit Evidence(store::Store& store) : store_(store) {}
  Result<const core::Run*> Run(const std::string& name) {
    auto it = runs_.find(name);
    if (it == runs_.end()) {
      auto run = store_.GetRun(name);
      if (!run) return Fail(run.error());
      it = runs_.emplace(name, std::move(*run)).first;
    }
    return &it->second;
  }
  Result<const core::EvalSet*> Set(const std::string& name) {
    auto it = sets_.find(name);
    if (it == sets_.end()) {
      auto set = store_.GetEvalSet(name, /*with_ids=*/false);  // measuring needs no ids
      if (!set) return Fail(set.error());
      it = sets_.emplace(name, std::move(*set)).first;
    }
    return &it->second;
  }

 private:
  store::Store& store_;
  std::map<std::string, core::Run> runs_;
  std::map<std::string, core::EvalSet> sets_;
};

std::string SliceLabel(const core::SliceColumn& s, size_t level) {
  return s.name + "=" + s.levels[level];
}

// The metric's direction when the registry knows it (for any task).
std::optional<bool> HigherIsBetter(const std::string& metric) {
  if (metric.empty()) return std::nullopt;
  if (const stats::MetricDef* def = stats::BuiltinMetrics().FindAnyTask(metric)) {
    return def->higher_is_better;
  }
  return std::nullopt;
}

// The criteria's difference from the version last recorded in the store (metric or
// threshold), if any. Reads only.
Result<std::optional<core::CriterionChange>> CriterionChangeSinceRecorded(
    store::Store& store, const Criteria& criteria) {
  auto history = store.ListCriteria();
  if (!history) return Fail(history.error());
  if (history->empty()) return std::optional<core::CriterionChange>();
  const core::CriteriaVersion& last = history->back();
  if (last.charter_hash == criteria.charter_hash ||
      (last.metric == criteria.metric && last.threshold == criteria.threshold)) {
    return std::optional<core::CriterionChange>();
  }
  return std::optional<core::CriterionChange>(core::CriterionChange{
      last, VersionOf(criteria, ""), HigherIsBetter(last.metric), HigherIsBetter(criteria.metric)});
}

}  // namespace

std::vector<std::string> DefaultMetrics(core::EvalTask task) {
  switch (task) {
    case core::EvalTask::kBinary:
      return {"roc_auc", "accuracy"};
    case core::EvalTask::kMulticlass:
      return {"accuracy", "f1_macro"};
    case core::EvalTask::kRegression:
      return {"mae", "rmse"};
  }
  return {};
}

std::optional<std::string> CharterMetric(const std::optional<Criteria>& criteria) {
  if (!criteria || criteria->metric.empty()) return std::nullopt;
  return criteria->metric;
}

std::optional<std::string> CharterMetricFor(const std::optional<Criteria>& criteria,
                                            core::EvalTask task) {
  auto metric = CharterMetric(criteria);
  if (!metric || !stats::BuiltinMetrics().Parse(*metric, KindOf(task))) return std::nullopt;
  return metric;
}

Result<EvalResult> Evaluate(store::Store& store, const std::vector<std::string>& run_names,
                            const EvidenceOptions& options, bool slices,
                            const std::optional<Criteria>& criteria) {
  EvalResult result;
  if (criteria) {
    auto change = CriterionChangeSinceRecorded(store, *criteria);
    if (!change) return Fail(change.error());
    result.criterion_change = std::move(*change);
  }
  auto names = ResolveRuns(store, run_names);
  if (!names) return Fail(names.error());
  Evidence evidence(store);
  std::unique_ptr<Executor> owned_executor;
  const stats::BootstrapOptions boot =
      BootstrapOptionsOf(options, ExecutorFor(options, owned_executor));
  const stats::MetricRegistry& registry = stats::BuiltinMetrics();
  // The criterion's metric in canonical spelling, per task (parsed once per task kind).
  std::map<stats::TaskKind, std::optional<std::string>> primary_by_task;
  const auto primary_for = [&](stats::TaskKind task) -> const std::optional<std::string>& {
    auto [it, inserted] = primary_by_task.try_emplace(task);
    if (inserted && criteria && criteria->threshold) {
      if (auto primary = registry.Parse(criteria->metric, task)) it->second = primary->ToString();
    }
    return it->second;
  };

  ResultCache cache(store, options.use_cache);
  const BootstrapKeyParts key_parts = KeyPartsOf(options);
  // Each run's evaluation set, read from the listing, so that a run whose results are all
  // cached is never loaded.
  auto infos = store.ListRuns();
  if (!infos) return Fail(infos.error());
  std::map<std::string, std::string> set_of;
  for (const core::RunInfo& info : *infos) set_of.emplace(info.name, info.evalset);

  // The metrics measured on a set: those asked for, else the charter's when it applies to
  // the set's task, else the task's defaults.
  const auto metrics_for = [&](const core::EvalSet& e) {
    if (!options.metrics.empty()) return options.metrics;
    const auto charter = CharterMetricFor(criteria, e.task);
    return charter ? std::vector<std::string>{*charter} : DefaultMetrics(e.task);
  };
  if (options.progress != nullptr) {
    // The work planned, in examples times resamples: every metric on the whole set, and with
    // slices each metric once more over the slices of each column (together about the set)
    // and the two fairness gaps per column of a binary set.
    for (const std::string& name : *names) {
      const auto known = set_of.find(name);
      if (known == set_of.end()) continue;  // fails below, with the store's error
      auto set = evidence.Set(known->second);
      if (!set) return Fail(set.error());
      const core::EvalSet& e = **set;
      const uint64_t columns = slices ? e.slices.size() : 0;
      const uint64_t gaps = e.task == core::EvalTask::kBinary ? 2 * columns : 0;
      const uint64_t measures = metrics_for(e).size() * (1 + columns) + gaps;
      options.progress->Plan(measures * e.size() * options.resamples);
    }
  }

  std::set<std::string> skipped_sets;  // sets the charter's metric does not apply to
  for (const std::string& name : *names) {
    const auto known = set_of.find(name);
    if (known == set_of.end()) {
      auto run = evidence.Run(name);  // the store's own "no run named ..." error
      if (!run) return Fail(run.error());
    }
    auto set = evidence.Set(known != set_of.end() ? known->second : (*evidence.Run(name))->evalset);
    if (!set) return Fail(set.error());
    const core::EvalSet& e = **set;
    // The run's predictions, loaded when a result is not cached.
    std::unique_ptr<Data> loaded;
    const auto data = [&]() -> Result<const Data*> {
      if (!loaded) {
        auto run = evidence.Run(name);
        if (!run) return Fail(run.error());
        loaded = DataFor(e, **run);
      }
      return loaded.get();
    };
    const std::vector<std::string> metrics = metrics_for(e);
    if (options.metrics.empty()) {
      // The charter names a metric this set's task cannot have: said once per set.
      if (!CharterMetricFor(criteria, e.task) && CharterMetric(criteria) &&
          skipped_sets.insert(e.name).second) {
        core::EvalNote note;
        note.kind = core::EvalNote::Kind::kCharterMetricNotForTask;
        note.measure = criteria->metric;
        note.slice = e.name;
        note.reason = Join(metrics, ", ");
        result.notes.push_back(std::move(note));
      }
    }
    if (slices && e.task == core::EvalTask::kBinary) {
      for (const core::SliceColumn& s : e.slices) {
        for (const auto gap :
             {stats::FairnessGap::kDemographicParity, stats::FairnessGap::kEqualizedOdds}) {
          const std::string measure(stats::FairnessGapName(gap));
          const std::string key = MeasurementKey(measure, "fairness:" + s.name, key_parts);
          if (options.progress != nullptr) {
            options.progress->SetSubject(fmt::format("{} · {}", name, measure));
          }
          std::optional<core::EvalNote> note;
          auto measured = CachedMeasure(cache, name, key, boot, [&]() -> Result<Measurement> {
            auto d = data();
            if (!d) return Fail(d.error());
            auto kernel = stats::PrepareFairnessGap((*d)->view.label, (*d)->view.score, s.codes,
                                                    s.levels.size(), 0.5, gap);
            if (!kernel) {
              note = {core::EvalNote::Kind::kFairnessGap, name, "", s.name,
                      kernel.error().message()};
              return Fail(kernel.error());
            }
            auto m = ComputeMeasurement(**kernel, e.size(), boot);
            if (!m) {
              note = {core::EvalNote::Kind::kFairnessRange, name, measure, s.name,
                      m.error().message()};
            }
            return m;
          });
          if (!measured) {
            if (!note) return Fail(measured.error());  // loading the run failed
            result.notes.push_back(std::move(*note));
            continue;
          }
          result.fairness.push_back({name, s.name, measure, measured->estimate.estimate,
                                     measured->estimate.lower, measured->estimate.upper});
        }
      }
    }
    for (const std::string& metric : metrics) {
      auto spec = registry.Parse(metric, KindOf(e.task));
      if (!spec) return Fail(spec.error().WithContext(fmt::format("run '{}'", name)));
      const std::string canonical = spec->ToString();
      if (options.progress != nullptr) {
        options.progress->SetSubject(fmt::format("{} · {}", name, canonical));
      }
      auto measured = CachedMeasure(cache, name, MeasurementKey(canonical, "", key_parts), boot,
                                    [&]() -> Result<Measurement> {
                                      auto d = data();
                                      if (!d) return Fail(d.error());
                                      return ComputeMeasurement(*spec, (*d)->view, boot);
                                    });
      if (!measured) {
        return Fail(measured.error().WithContext(fmt::format("run '{}', {}", name, metric)));
      }
      const bool higher = spec->def->higher_is_better;
      // ROC AUC below chance with its whole interval: the scores rank the classes the wrong
      // way round (the classic predict_proba[:, 1] with the classes in another order).
      if (spec->def->score_model == stats::ScoreModel::Kind::kAuc &&
          measured->estimate.upper < 0.5) {
        core::EvalNote note;
        note.kind = core::EvalNote::Kind::kBelowChance;
        note.run = name;
        note.measure = canonical;
        note.estimate = measured->estimate.estimate;
        note.upper = measured->estimate.upper;
        result.notes.push_back(std::move(note));
      }
      result.rows.push_back({name, canonical, std::nullopt, measured->estimate.estimate,
                             measured->estimate.lower, measured->estimate.upper, e.size(), higher,
                             measured->widened_by});
      // The charter's criterion, when this is its metric.
      if (criteria && criteria->threshold) {
        if (primary_for(KindOf(e.task)) == canonical) {
          Criterion c{canonical, *criteria->threshold, criteria->confidence.value_or(0.95), higher};
          result.criterion = c;
          result.criteria.push_back(Judge(name, *measured, c));
        }
      }
      if (!slices) continue;
      for (const core::SliceColumn& s : e.slices) {
        std::optional<EvalRow> worst;
        for (size_t level = 0; level < s.levels.size(); ++level) {
          std::vector<size_t> rows;
          for (size_t i = 0; i < s.codes.size(); ++i) {
            if (static_cast<size_t>(s.codes[i]) == level) rows.push_back(i);
          }
          const std::string label = SliceLabel(s, level);
          bool load_failed = false;
          auto m =
              CachedMeasure(cache, name, MeasurementKey(canonical, "slice:" + label, key_parts),
                            boot, [&]() -> Result<Measurement> {
                              auto run = evidence.Run(name);
                              if (!run) {
                                load_failed = true;
                                return Fail(run.error());
                              }
                              const auto slice_data = DataFor(e, **run, &rows);
                              return ComputeMeasurement(*spec, slice_data->view, boot);
                            });
          if (!m) {
            if (load_failed) return Fail(m.error());
            result.notes.push_back(
                {core::EvalNote::Kind::kSliceMetric, name, canonical, label, m.error().message()});
            continue;
          }
          EvalRow row{name,
                      canonical,
                      label,
                      m->estimate.estimate,
                      m->estimate.lower,
                      m->estimate.upper,
                      rows.size(),
                      higher,
                      m->widened_by};
          if (!worst ||
              (higher ? row.estimate < worst->estimate : row.estimate > worst->estimate)) {
            worst = row;
          }
          result.rows.push_back(std::move(row));
        }
        if (worst) result.worst_slices.push_back(*worst);
      }
    }
  }
  return result;
}

namespace {

// Which examples a run gets right at the metric's decision rule (binary: score at or above
// the threshold parameter; multiclass: the most probable class), for McNemar's test.
std::vector<uint8_t> Correct(const core::EvalSet& e, const stats::MetricSpec& spec,
                             const stats::MetricData& d) {
  std::vector<uint8_t> out(e.size());
  const double threshold = spec.params.count("threshold") ? spec.params.at("threshold") : 0.5;
  for (size_t i = 0; i < e.size(); ++i) {
    if (e.task == core::EvalTask::kBinary) {
      out[i] = static_cast<uint8_t>((d.score[i] >= threshold ? 1 : 0) == d.label[i]);
    } else {
      const auto row = d.proba.subspan(i * d.classes, d.classes);
      const auto best =
          static_cast<int32_t>(std::max_element(row.begin(), row.end()) - row.begin());
      out[i] = static_cast<uint8_t>(best == d.label[i]);
    }
  }
  return out;
}

// One paired comparison of b against a on one metric, and the test that decided it.
struct Compared {
  Comparison comparison;
  stats::PairedTest test = stats::PairedTest::kBootstrap;
};

// One paired comparison of b against a on one metric: the interval of the difference, and the
// test the metric registry names (falling back to the paired bootstrap when it cannot apply).
Result<Compared> CompareOne(const core::EvalSet& e, const stats::MetricSpec& spec,
                            const stats::Kernel& kernel_a, const Data& data_a, const Data& data_b,
                            const EvidenceOptions& options, const stats::BootstrapOptions& boot) {
  auto kernel_b = spec.def->prepare(data_b.view, spec.params);
  if (!kernel_b) return Fail(kernel_b.error());
  auto paired = stats::PairedBootstrap(kernel_a, **kernel_b, e.size(), boot);
  if (!paired) return Fail(paired.error());
  Comparison c;
  stats::PairedTest used = stats::PairedTest::kBootstrap;
  c.metric = spec.ToString();
  c.estimate_a = kernel_a.Evaluate(stats::Resample::All());
  c.estimate_b = (*kernel_b)->Evaluate(stats::Resample::All());
  c.difference = paired->difference;
  c.lower = paired->lower;
  c.upper = paired->upper;
  c.p_value = paired->p_value;
  c.test = std::string(stats::PairedTestName(stats::PairedTest::kBootstrap));
  c.interval_method = c.test;
  c.n = e.size();
  c.higher_is_better = spec.def->higher_is_better;
  c.unit_interval = spec.def->InUnitInterval();
  double se = paired->standard_error;
  switch (spec.def->paired_test) {
    case stats::PairedTest::kBootstrap:
      break;
    case stats::PairedTest::kDeLong: {
      auto delong = stats::DeLongTest(data_a.view.label, data_a.view.score, data_b.view.score,
                                      options.confidence);
      if (!delong) break;  // e.g. one class only: the bootstrap's answer stands
      c.difference = delong->difference;
      c.lower = delong->lower;
      c.upper = delong->upper;
      c.p_value = delong->p_value;
      c.test = std::string(stats::PairedTestName(stats::PairedTest::kDeLong));
      c.interval_method = c.test;
      se = delong->standard_error;
      used = stats::PairedTest::kDeLong;
      break;
    }
    case stats::PairedTest::kMcNemar: {
      auto counts =
          stats::CountDiscordant(Correct(e, spec, data_a.view), Correct(e, spec, data_b.view));
      if (!counts) break;
      const auto mc = stats::McNemar(counts->b, counts->c);
      c.p_value = mc.p_value;
      c.test = mc.method == stats::McNemarResult::Method::kExactBinomial ? "mcnemar (exact)"
                                                                         : "mcnemar (chi-square)";
      used = stats::PairedTest::kMcNemar;
      break;
    }
  }
  // A normal interval (DeLong's) can reach past what a difference of two bounded values can
  // be (an AUC difference beyond 1): clip it to the possible range.
  if (std::isfinite(spec.def->min_value) && std::isfinite(spec.def->max_value)) {
    const double widest = spec.def->max_value - spec.def->min_value;
    c.lower = std::clamp(c.lower, -widest, widest);
    c.upper = std::clamp(c.upper, -widest, widest);
  }
  c.examples_to_resolve =
      stats::ExamplesToResolve(c.difference, se, c.n, options.confidence, stats::kResolvePower);
  c.resolve_power = stats::kResolvePower;
  // One comparison: the test that gives the interval decides by it; McNemar by its p.
  c.significant = c.test == c.interval_method ? (c.lower > 0 || c.upper < 0)
                                              : c.p_value < 1 - options.confidence;
  return Compared{std::move(c), used};
}

// Holm's correction over the comparisons of one metric (`group`) that share a test (McNemar's
// exact and chi-square forms are one test); the decision then follows the adjusted p-value.
void AdjustByTest(std::vector<Comparison>& out, const std::vector<Compared>& group,
                  double confidence) {
  std::map<stats::PairedTest, std::vector<size_t>> by_test;
  for (size_t k = 0; k < group.size(); ++k) by_test[group[k].test].push_back(k);
  for (const auto& [test, members] : by_test) {
    if (members.size() < 2) continue;
    std::vector<double> p;
    for (const size_t k : members) p.push_back(group[k].comparison.p_value);
    const std::vector<double> adjusted = stats::HolmAdjust(p);
    for (size_t j = 0; j < members.size(); ++j) {
      Comparison& c = out[out.size() - group.size() + members[j]];
      c.p_adjusted = adjusted[j];
      c.significant = adjusted[j] < 1 - confidence;
    }
  }
}

}  // namespace

Result<std::vector<Comparison>> Compare(store::Store& store, const std::string& a_name,
                                        const std::vector<std::string>& b_names,
                                        const EvidenceOptions& options,
                                        const std::optional<Criteria>& criteria) {
  Evidence evidence(store);
  auto a = evidence.Run(a_name);
  if (!a) return Fail(a.error());
  auto set = evidence.Set((*a)->evalset);
  if (!set) return Fail(set.error());
  const core::EvalSet& e = **set;
  std::vector<std::string> metrics = options.metrics;
  if (metrics.empty()) {
    metrics = {CharterMetricFor(criteria, e.task).value_or(DefaultMetrics(e.task).front())};
  }
  std::unique_ptr<Executor> owned_executor;
  const stats::BootstrapOptions boot =
      BootstrapOptionsOf(options, ExecutorFor(options, owned_executor));
  const auto data_a = DataFor(e, **a);
  std::vector<Comparison> out;
  for (const std::string& metric : metrics) {
    auto spec = stats::BuiltinMetrics().Parse(metric, KindOf(e.task));
    if (!spec) return Fail(spec.error());
    auto kernel_a = spec->def->prepare(data_a->view, spec->params);
    if (!kernel_a) return Fail(kernel_a.error().WithContext("run '" + a_name + "'"));
    std::vector<Compared> group;
    for (const std::string& b_name : b_names) {
      auto b = evidence.Run(b_name);
      if (!b) return Fail(b.error());
      if ((*b)->evalset != (*a)->evalset) {
        return Fail(
            ErrorCode::kInvalidArgument,
            fmt::format(
                "runs '{}' and '{}' are on different evaluation sets ('{}' and '{}'); a paired "
                "comparison needs the same examples",
                a_name, b_name, (*a)->evalset, (*b)->evalset));
      }
      const auto data_b = DataFor(e, **b);
      auto c = CompareOne(e, *spec, **kernel_a, *data_a, *data_b, options, boot);
      if (!c) return Fail(c.error().WithContext("run '" + b_name + "'"));
      c->comparison.a = a_name;
      c->comparison.b = b_name;
      out.push_back(c->comparison);
      group.push_back(std::move(*c));
    }
    if (b_names.size() > 1) AdjustByTest(out, group, options.confidence);
  }
  return out;
}

Result<MethodCurve> MeasureMethod(store::Store& store, const std::string& method,
                                  const std::optional<std::string>& metric, const CurveRuns& which,
                                  const EvidenceOptions& options,
                                  const std::optional<Criteria>& criteria) {
  const std::optional<std::string>& evalset = which.evalset;
  store::RunFilter filter;
  filter.method = method;
  filter.evalset = evalset;
  filter.tags = which.tags;
  auto runs = store.ListRuns(filter);
  if (!runs) return Fail(runs.error());
  MethodCurve curve;
  curve.method = method;
  std::vector<const core::RunInfo*> chosen;
  std::set<std::string> methods;
  std::set<std::string> sets;
  for (const core::RunInfo& r : *runs) {
    if (!r.train_size) {
      curve.runs_without_size.push_back(r.name);
      continue;
    }
    chosen.push_back(&r);
    sets.insert(r.evalset);
  }
  if (chosen.empty()) {
    // Only to name the methods there are: a listing of every run, on this failure path only.
    auto all = store.ListRuns();
    if (!all) return Fail(all.error());
    for (const core::RunInfo& r : *all) {
      if (!r.method.empty()) methods.insert(r.method);
    }
    std::string known =
        methods.empty() ? "no run records a method (run add " + FieldRef("method") + ")"
                        : "the methods are: " +
                              Join(std::vector<std::string>(methods.begin(), methods.end()), ", ");
    std::string tagged;
    for (const auto& [key, value] : which.tags) {
      tagged += fmt::format("{}{}={}", tagged.empty() ? " tagged " : ", ", key, value);
    }
    return Fail(ErrorCode::kNotFound,
                fmt::format("no runs of method '{}'{}{} with a train size; {}", method,
                            evalset ? fmt::format(" on '{}'", *evalset) : "", tagged, known));
  }
  if (sets.size() > 1) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the runs of '{}' use several evaluation sets ({}); choose one with "
                            "{}, since a curve compares sizes on the same examples",
                            method, Join(std::vector<std::string>(sets.begin(), sets.end()), ", "),
                            FieldRef("evalset")));
  }
  curve.evalset = *sets.begin();
  auto set = store.GetEvalSet(curve.evalset, /*with_ids=*/false);
  if (!set) return Fail(set.error());
  std::string wanted = metric.value_or("");
  if (wanted.empty()) {
    wanted = CharterMetricFor(criteria, set->task).value_or(DefaultMetrics(set->task).front());
  }
  auto spec = stats::BuiltinMetrics().Parse(wanted, KindOf(set->task));
  if (!spec) return Fail(spec.error());
  curve.metric = spec->ToString();
  curve.higher_is_better = spec->def->higher_is_better;
  curve.best = spec->def->BestValue();
  if (criteria && criteria->threshold) {
    auto primary = stats::BuiltinMetrics().Parse(criteria->metric, KindOf(set->task));
    if (primary && primary->ToString() == curve.metric) curve.target = criteria->threshold;
  }
  std::unique_ptr<Executor> owned_executor;
  EvidenceOptions percentile = options;  // a point needs its standard error, not an interval
  percentile.bca = false;
  const stats::BootstrapOptions boot =
      BootstrapOptionsOf(percentile, ExecutorFor(percentile, owned_executor));
  ResultCache cache(store, percentile.use_cache);
  const std::string key = MeasurementKey(curve.metric, "", KeyPartsOf(percentile));
  if (options.progress != nullptr) {
    options.progress->Plan(chosen.size() * set->size() * options.resamples);
  }
  for (const core::RunInfo* info : chosen) {
    if (options.progress != nullptr) {
      options.progress->SetSubject(fmt::format("{} · {}", info->name, curve.metric));
    }
    auto measured = CachedMeasure(cache, info->name, key, boot, [&]() -> Result<Measurement> {
      auto run = store.GetRun(info->name);
      if (!run) return Fail(run.error());
      const auto data = DataFor(*set, *run);
      return ComputeMeasurement(*spec, data->view, boot);
    });
    if (!measured) {
      return Fail(measured.error().WithContext(fmt::format("run '{}', {}", info->name, wanted)));
    }
    curve.points.push_back({info->name, *info->train_size, measured->estimate.estimate,
                            measured->replicates.standard_error, set->size()});
  }
  std::stable_sort(
      curve.points.begin(), curve.points.end(),
      [](const RunMeasurement& a, const RunMeasurement& b) { return a.train_size < b.train_size; });
  return curve;
}

}  // namespace foresight::app
