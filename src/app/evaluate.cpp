#include "app/evaluate.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

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

// Views of one evaluation set and one run's predictions, optionally restricted to rows.
struct Data {
  std::vector<int32_t> label;
  std::vector<double> predictions;
  std::vector<double> target;
  stats::MetricData view;
};

std::unique_ptr<Data> DataFor(const core::EvalSet& e, const core::Run& r,
                              const std::vector<size_t>* rows = nullptr) {
  auto d = std::make_unique<Data>();
  const size_t width = e.task == core::EvalTask::kMulticlass ? e.classes.size() : 1;
  const size_t n = rows ? rows->size() : e.size();
  for (size_t i = 0; i < n; ++i) {
    const size_t row = rows ? (*rows)[i] : i;
    if (e.task == core::EvalTask::kRegression) {
      d->target.push_back(e.targets[row]);
    } else {
      d->label.push_back(e.labels[row]);
    }
    for (size_t k = 0; k < width; ++k) d->predictions.push_back(r.predictions[row * width + k]);
  }
  d->view.task = KindOf(e.task);
  switch (e.task) {
    case core::EvalTask::kBinary:
      d->view.label = d->label;
      d->view.score = d->predictions;
      break;
    case core::EvalTask::kMulticlass:
      d->view.label = d->label;
      d->view.proba = d->predictions;
      d->view.classes = width;
      break;
    case core::EvalTask::kRegression:
      d->view.target = d->target;
      d->view.value = d->predictions;
      break;
  }
  return d;
}

// The bootstrap's options; `executor` runs it (see ExecutorFor).
stats::BootstrapOptions BootstrapOptionsOf(const EvidenceOptions& o, Executor& executor) {
  stats::BootstrapOptions b;
  b.executor = &executor;
  b.resamples = o.resamples;
  b.confidence = o.confidence;
  b.interval = o.bca ? stats::BootstrapOptions::Interval::kBca
                     : stats::BootstrapOptions::Interval::kPercentile;
  b.seed = o.seed;
  b.threads = o.threads;
  return b;
}

// The caller's executor, or one of o.threads threads made for this use case (kept alive by
// `owned`), so that one call starts its threads once, not once per interval.
Executor& ExecutorFor(const EvidenceOptions& o, std::unique_ptr<Executor>& owned) {
  if (o.executor != nullptr) return *o.executor;
  // Fewer threads than asked for (the system refusing one) makes the call slower, never
  // different: the bootstrap's results do not depend on the thread count.
  owned = Executor::Start(o.threads);
  return *owned;
}

// FNV-1a, 64 bits: a stable content hash for charter versions.
std::string ContentHash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return fmt::format("{:016x}", hash);
}

struct CharterCriteria {
  std::string hash;
  std::string metric;  // as written
  std::optional<double> threshold;
  std::optional<double> confidence;
};

// The success criteria of a charter, or nullopt when there is no readable charter.
std::optional<CharterCriteria> ReadCriteria(const std::optional<std::string>& path) {
  if (!path) return std::nullopt;
  auto text = ReadFile(*path, charter::kMaxCharterBytes);
  if (!text) return std::nullopt;
  const SourceFile file(*path, *text);
  diag::DiagnosticSink sink;
  const core::Charter c = charter::ParseCharter(file, sink);
  if (sink.HasErrors()) return std::nullopt;
  CharterCriteria out;
  out.hash = ContentHash(*text);
  if (c.success.metric.has()) out.metric = *c.success.metric;
  if (c.success.threshold.has()) out.threshold = *c.success.threshold;
  if (c.success.confidence.has()) out.confidence = *c.success.confidence;
  return out;
}

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
      auto set = store_.GetEvalSet(name);
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

struct Measured {
  stats::Estimate estimate;
  stats::Replicates replicates;
};

Result<Measured> Measure(const stats::MetricSpec& spec, const stats::MetricData& data,
                         const stats::BootstrapOptions& options) {
  auto kernel = spec.def->prepare(data, spec.params);
  if (!kernel) return Fail(kernel.error());
  auto replicates = stats::DrawReplicates(**kernel, data.size(), options);
  if (!replicates) return Fail(replicates.error());
  Measured m;
  auto estimate = stats::SummarizeReplicates(**kernel, data.size(), *replicates, options);
  if (!estimate) return Fail(estimate.error());
  m.estimate = *estimate;
  m.replicates = std::move(*replicates);
  return m;
}

CriterionRow Judge(const std::string& run, const Measured& m, const Criterion& c, bool higher) {
  CriterionRow row;
  row.run = run;
  const auto& r = m.replicates.sorted;
  const auto meets = [&](double v) { return higher ? v >= c.threshold : v <= c.threshold; };
  row.probability = r.empty() ? 0.0
                              : static_cast<double>(std::count_if(r.begin(), r.end(), meets)) /
                                    static_cast<double>(r.size());
  row.bound = stats::Quantile(r, higher ? 1.0 - c.confidence : c.confidence);
  const double other = stats::Quantile(r, higher ? c.confidence : 1.0 - c.confidence);
  if (meets(row.bound)) {
    row.status = "met";
  } else if (!meets(other)) {
    row.status = "not met";
  } else {
    row.status = "not yet known";
  }
  return row;
}

std::string SliceLabel(const core::SliceColumn& s, size_t level) {
  return s.name + "=" + s.levels[level];
}

}  // namespace

stats::TaskKind KindOf(core::EvalTask task) {
  switch (task) {
    case core::EvalTask::kBinary:
      return stats::TaskKind::kBinary;
    case core::EvalTask::kMulticlass:
      return stats::TaskKind::kMulticlass;
    case core::EvalTask::kRegression:
      return stats::TaskKind::kRegression;
  }
  return stats::TaskKind::kBinary;
}

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

std::optional<std::string> CharterMetric(const std::optional<std::string>& charter_path) {
  const auto criteria = ReadCriteria(charter_path);
  if (!criteria || criteria->metric.empty()) return std::nullopt;
  return criteria->metric;
}

Result<EvalResult> Evaluate(store::Store& store, const std::vector<std::string>& run_names,
                            const EvidenceOptions& options, bool slices,
                            const std::optional<std::string>& charter_path, const Clock& clock) {
  EvalResult result;
  const auto criteria = ReadCriteria(charter_path);
  if (criteria) {
    core::CriteriaVersion version{criteria->hash, criteria->metric, criteria->threshold,
                                  criteria->confidence, clock.NowIso8601()};
    auto previous = store.RecordCriteria(version);
    if (!previous) return Fail(previous.error());
    if (*previous && ((*previous)->metric != criteria->metric ||
                      (*previous)->threshold != criteria->threshold)) {
      const auto& p = **previous;
      result.notes.push_back(
          fmt::format("the success criterion changed: it was {} {} (recorded {}), it is now {} {}; "
                      "every run below is "
                      "re-scored from its stored predictions",
                      p.metric.empty() ? "(no metric)" : p.metric,
                      p.threshold ? fmt::format(">= {}", *p.threshold) : "", p.seen_at,
                      criteria->metric.empty() ? "(no metric)" : criteria->metric,
                      criteria->threshold ? fmt::format(">= {}", *criteria->threshold) : ""));
    }
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

  for (const std::string& name : *names) {
    auto run = evidence.Run(name);
    if (!run) return Fail(run.error());
    auto set = evidence.Set((*run)->evalset);
    if (!set) return Fail(set.error());
    const core::EvalSet& e = **set;
    std::vector<std::string> metrics = options.metrics;
    if (metrics.empty()) {
      metrics = criteria && !criteria->metric.empty() ? std::vector<std::string>{criteria->metric}
                                                      : DefaultMetrics(e.task);
    }
    const auto data = DataFor(e, **run);
    if (slices && e.task == core::EvalTask::kBinary) {
      for (const core::SliceColumn& s : e.slices) {
        for (const auto gap :
             {stats::FairnessGap::kDemographicParity, stats::FairnessGap::kEqualizedOdds}) {
          auto kernel = stats::PrepareFairnessGap(data->view.label, data->view.score, s.codes,
                                                  s.levels.size(), 0.5, gap);
          if (!kernel) {
            result.notes.push_back(
                fmt::format("run '{}', slice {}: {}", name, s.name, kernel.error().message()));
            continue;
          }
          auto interval = stats::BootstrapInterval(**kernel, e.size(), boot);
          if (!interval) {
            result.notes.push_back(fmt::format("run '{}', {} over {}: {}", name,
                                               stats::FairnessGapName(gap), s.name,
                                               interval.error().message()));
            continue;
          }
          result.fairness.push_back({name, s.name, std::string(stats::FairnessGapName(gap)),
                                     interval->estimate, interval->lower, interval->upper});
        }
      }
    }
    for (const std::string& metric : metrics) {
      auto spec = registry.Parse(metric, KindOf(e.task));
      if (!spec) return Fail(spec.error().WithContext(fmt::format("run '{}'", name)));
      auto measured = Measure(*spec, data->view, boot);
      if (!measured) {
        return Fail(measured.error().WithContext(fmt::format("run '{}', {}", name, metric)));
      }
      const bool higher = spec->def->higher_is_better;
      result.rows.push_back({name, spec->ToString(), std::nullopt, measured->estimate.estimate,
                             measured->estimate.lower, measured->estimate.upper, e.size(), higher});
      // The charter's criterion, when this is its metric.
      if (criteria && criteria->threshold) {
        if (primary_for(KindOf(e.task)) == spec->ToString()) {
          Criterion c{spec->ToString(), *criteria->threshold, criteria->confidence.value_or(0.95)};
          result.criterion = c;
          result.criteria.push_back(Judge(name, *measured, c, higher));
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
          const auto slice_data = DataFor(e, **run, &rows);
          auto m = Measure(*spec, slice_data->view, boot);
          if (!m) {
            result.notes.push_back(fmt::format("run '{}', {} on {}: {}", name, spec->ToString(),
                                               SliceLabel(s, level), m.error().message()));
            continue;
          }
          EvalRow row{name,
                      spec->ToString(),
                      SliceLabel(s, level),
                      m->estimate.estimate,
                      m->estimate.lower,
                      m->estimate.upper,
                      rows.size(),
                      higher};
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

bool IsRate(const Comparison& c) {
  return c.estimate_a >= 0 && c.estimate_a <= 1 && c.estimate_b >= 0 && c.estimate_b <= 1;
}

std::string FormatP(double p) {
  if (p < 0.001) return "p < 0.001";
  return fmt::format("p = {:.2g}", p);
}

std::string Verdict(const Comparison& c, double confidence) {
  const bool excludes_zero = c.lower > 0 || c.upper < 0;
  const int level = static_cast<int>(std::lround(confidence * 100));
  if (!excludes_zero) {
    if (c.examples_to_resolve == SIZE_MAX) {
      return fmt::format(
          "no detectable difference in {}: the two runs score the same on this evaluation set",
          c.metric);
    }
    return fmt::format(
        "no detectable difference in {} — this evaluation set ({} examples) cannot tell them "
        "apart; about {} "
        "examples would",
        c.metric, c.n, c.examples_to_resolve);
  }
  const bool b_better = (c.difference > 0) == c.higher_is_better;
  const std::string& winner = b_better ? c.b : c.a;
  const std::string& loser = b_better ? c.a : c.b;
  // Express the gap in the winner's favour: positive numbers.
  const double sign = c.difference > 0 ? 1.0 : -1.0;
  double gap = c.difference * sign;
  double lo = std::min(c.lower * sign, c.upper * sign);
  double hi = std::max(c.lower * sign, c.upper * sign);
  std::string unit;
  if (IsRate(c)) {
    gap *= 100;
    lo *= 100;
    hi *= 100;
    unit = " points";
  }
  return fmt::format("{} beats {} on {} by {:.3g}{} ({}% CI {:.3g} to {:.3g}, {})", winner, loser,
                     c.metric, gap, unit, level, lo, hi, FormatP(c.p_adjusted.value_or(c.p_value)));
}

}  // namespace

Result<std::vector<Comparison>> Compare(store::Store& store, const std::string& a_name,
                                        const std::vector<std::string>& b_names,
                                        const EvidenceOptions& options,
                                        const std::optional<std::string>& charter_path) {
  Evidence evidence(store);
  auto a = evidence.Run(a_name);
  if (!a) return Fail(a.error());
  auto set = evidence.Set((*a)->evalset);
  if (!set) return Fail(set.error());
  const core::EvalSet& e = **set;
  std::vector<std::string> metrics = options.metrics;
  if (metrics.empty()) {
    const auto criteria = ReadCriteria(charter_path);
    metrics = criteria && !criteria->metric.empty()
                  ? std::vector<std::string>{criteria->metric}
                  : std::vector<std::string>{DefaultMetrics(e.task).front()};
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
    const size_t first = out.size();
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
      auto kernel_b = spec->def->prepare(data_b->view, spec->params);
      if (!kernel_b) return Fail(kernel_b.error().WithContext("run '" + b_name + "'"));
      auto paired = stats::PairedBootstrap(**kernel_a, **kernel_b, e.size(), boot);
      if (!paired) return Fail(paired.error());
      Comparison c;
      c.a = a_name;
      c.b = b_name;
      c.metric = spec->ToString();
      c.estimate_a = (*kernel_a)->Evaluate(stats::Resample::All());
      c.estimate_b = (*kernel_b)->Evaluate(stats::Resample::All());
      c.difference = paired->difference;
      c.lower = paired->lower;
      c.upper = paired->upper;
      c.p_value = paired->p_value;
      c.test = "paired bootstrap";
      c.n = e.size();
      c.higher_is_better = spec->def->higher_is_better;
      double se = paired->standard_error;
      if (spec->def->name == "roc_auc" && e.task == core::EvalTask::kBinary) {
        auto delong = stats::DeLongTest(data_a->view.label, data_a->view.score, data_b->view.score,
                                        options.confidence);
        if (delong) {
          c.difference = delong->difference;
          c.lower = delong->lower;
          c.upper = delong->upper;
          c.p_value = delong->p_value;
          c.test = "delong";
          se = delong->standard_error;
        }
      } else if (spec->def->name == "accuracy" && e.task != core::EvalTask::kRegression) {
        // McNemar on which examples each run gets right.
        auto correct = [&](const stats::MetricData& d, size_t i) -> uint8_t {
          if (e.task == core::EvalTask::kBinary) {
            const double threshold =
                spec->params.count("threshold") ? spec->params.at("threshold") : 0.5;
            return static_cast<uint8_t>((d.score[i] >= threshold ? 1 : 0) == d.label[i]);
          }
          const auto row = d.proba.subspan(i * d.classes, d.classes);
          const auto best =
              static_cast<int32_t>(std::max_element(row.begin(), row.end()) - row.begin());
          return static_cast<uint8_t>(best == d.label[i]);
        };
        std::vector<uint8_t> ca(e.size());
        std::vector<uint8_t> cb(e.size());
        for (size_t i = 0; i < e.size(); ++i) {
          ca[i] = correct(data_a->view, i);
          cb[i] = correct(data_b->view, i);
        }
        auto counts = stats::CountDiscordant(ca, cb);
        if (counts) {
          const auto mc = stats::McNemar(counts->b, counts->c);
          c.p_value = mc.p_value;
          c.test = mc.method == stats::McNemarResult::Method::kExactBinomial
                       ? "mcnemar (exact)"
                       : "mcnemar (chi-square)";
        }
      }
      c.examples_to_resolve = stats::ExamplesToResolve(c.difference, se, c.n, options.confidence);
      out.push_back(std::move(c));
    }
    if (b_names.size() > 1) {
      std::vector<double> p;
      for (size_t i = first; i < out.size(); ++i) p.push_back(out[i].p_value);
      const std::vector<double> adjusted = stats::HolmAdjust(p);
      for (size_t i = first; i < out.size(); ++i) out[i].p_adjusted = adjusted[i - first];
    }
  }
  for (Comparison& c : out) c.verdict = Verdict(c, options.confidence);
  return out;
}

Result<MethodCurve> MeasureMethod(store::Store& store, const std::string& method,
                                  const std::optional<std::string>& metric,
                                  const std::optional<std::string>& evalset,
                                  const EvidenceOptions& options,
                                  const std::optional<std::string>& charter_path) {
  auto runs = store.ListRuns();
  if (!runs) return Fail(runs.error());
  MethodCurve curve;
  curve.method = method;
  std::vector<const core::RunInfo*> chosen;
  std::set<std::string> methods;
  std::set<std::string> sets;
  for (const core::RunInfo& r : *runs) {
    if (!r.method.empty()) methods.insert(r.method);
    if (r.method != method || (evalset && r.evalset != *evalset)) continue;
    if (!r.train_size) {
      curve.notes.push_back(fmt::format(
          "run '{}' records no train size (--train-size), so it is not on the curve", r.name));
      continue;
    }
    chosen.push_back(&r);
    sets.insert(r.evalset);
  }
  if (chosen.empty()) {
    std::string known =
        methods.empty() ? "no run records a method (run add --method)"
                        : "the methods are: " +
                              Join(std::vector<std::string>(methods.begin(), methods.end()), ", ");
    return Fail(ErrorCode::kNotFound,
                fmt::format("no runs of method '{}'{} with a train size; {}", method,
                            evalset ? fmt::format(" on '{}'", *evalset) : "", known));
  }
  if (sets.size() > 1) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("the runs of '{}' use several evaluation sets ({}); choose one with "
                    "--evalset, since a curve compares sizes on the same examples",
                    method, Join(std::vector<std::string>(sets.begin(), sets.end()), ", ")));
  }
  curve.evalset = *sets.begin();
  auto set = store.GetEvalSet(curve.evalset);
  if (!set) return Fail(set.error());
  const auto criteria = ReadCriteria(charter_path);
  std::string wanted = metric.value_or("");
  if (wanted.empty()) {
    wanted = criteria && !criteria->metric.empty() ? criteria->metric
                                                   : DefaultMetrics(set->task).front();
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
  const stats::BootstrapOptions boot =
      BootstrapOptionsOf(options, ExecutorFor(options, owned_executor));
  for (const core::RunInfo* info : chosen) {
    auto run = store.GetRun(info->name);
    if (!run) return Fail(run.error());
    const auto data = DataFor(*set, *run);
    auto measured = Measure(*spec, data->view, boot);
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
