#include "app/probe.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <numeric>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/forecast.hpp"
#include "app/probe_data.hpp"
#include "app/table_input.hpp"
#include "base/executor.hpp"
#include "base/hash.hpp"
#include "base/memory.hpp"
#include "base/strings.hpp"
#include "stats/metric.hpp"
#include "table/table.hpp"

namespace foresight::app {
namespace {

using SteadyClock = std::chrono::steady_clock;

// One SplitMix64 step (the golden-ratio increment, then the finaliser).
uint64_t Mix(uint64_t x) { return Mix64(x + 0x9E3779B97F4A7C15ULL); }

// A random 64-bit key for (seed, a, b): the probe's shuffles depend on nothing else.
uint64_t Key(uint64_t seed, uint64_t a, uint64_t b = 0) { return Mix(Mix(seed ^ Mix(a)) ^ b); }

// A learner's work at one training size: every fold's fit, then one stored run.
struct Job {
  const learners::Learner* learner = nullptr;
  size_t learner_index = 0;
  int64_t size = 0;  // requested size; the full size uses each fold's whole training part
  bool full = false;
  std::vector<double> predictions;
  enum class State { kUndecided, kRunning, kSkipped };  // skipped: by the time budget
  std::atomic<State> state{State::kUndecided};
  std::mutex mutex;
  std::string failure;  // set when a fold could not be fitted
  double seconds = 0;
};

struct Fold {
  std::vector<size_t> test;
  std::vector<size_t> order;  // training rows, in subsample order
};

// Fits `job`'s learner on fold `k`'s first rows and writes its predictions for the fold's
// test rows into the job's run. Returns why it could not, or "" when it did. A fit that
// throws (out of memory, a library's exception) fails its job, not the process: an
// exception escaping a worker thread would end the program.
std::string FitFold(const learners::Dataset& d, const Fold& fold, size_t k, Job& job,
                    uint64_t seed) {
  const size_t width = d.task == learners::Task::kMulticlass ? d.classes : 1;
  const size_t take =
      job.full ? fold.order.size() : std::min(fold.order.size(), static_cast<size_t>(job.size));
  const std::span<const size_t> rows(fold.order.data(), take);
  try {
    // Each fit runs on one thread; the pool spreads the fits over the cores.
    auto model =
        job.learner->Fit(d, rows, {Key(seed, static_cast<uint64_t>(job.size), k), /*threads=*/1});
    if (!model) return model.error().message();
    const std::vector<double> p = (*model)->Predict(d, fold.test);
    if (p.size() != fold.test.size() * width ||
        !std::all_of(p.begin(), p.end(), [](double v) { return std::isfinite(v); })) {
      return "the model's predictions were not finite numbers";
    }
    // Allocated by the job's first finished fold (skipped jobs never allocate).
    const std::lock_guard<std::mutex> lock(job.mutex);
    if (job.predictions.empty()) job.predictions.assign(d.rows() * width, 0.0);
    for (size_t r = 0; r < fold.test.size(); ++r) {
      std::copy_n(p.begin() + static_cast<std::ptrdiff_t>(r * width), width,
                  job.predictions.begin() + static_cast<std::ptrdiff_t>(fold.test[r] * width));
    }
    return "";
  } catch (const std::bad_alloc&) {
    return "out of memory while training";
  } catch (const std::exception& e) {
    return fmt::format("training failed: {}", e.what());
  }
}

// Runs every job on every fold, on the executor's threads, in job order. The time budget is
// checked when a job starts (the first job always runs); a started job finishes all its
// folds. Progress is counted under a lock so the numbers only grow, and shown at most 10
// times a second, and at the end. A fit's own failures fail its job (FitFold); this fails
// only if something else throws, the progress callback say.
Status TrainJobs(const learners::Dataset& d, const std::vector<Fold>& folds,
                 const std::vector<std::unique_ptr<Job>>& jobs, const ProbeOptions& options,
                 const std::function<double()>& elapsed, const ProbeProgressFn& progress,
                 Executor& executor) {
  struct Task {
    size_t job;
    size_t fold;
  };
  std::vector<Task> tasks;
  for (size_t j = 0; j < jobs.size(); ++j) {
    for (size_t k = 0; k < folds.size(); ++k) tasks.push_back({j, k});
  }
  size_t done = 0;
  double last_shown = -1;
  std::mutex progress_mutex;
  const auto report_progress = [&](const Job& job) {
    const std::lock_guard<std::mutex> lock(progress_mutex);
    ++done;
    const double now = elapsed();
    if (!progress || (done < tasks.size() && now - last_shown < 0.1)) return;
    last_shown = now;
    progress({std::string(job.learner->info().name), job.size, done, tasks.size(), now});
  };
  // Grain 1: fits differ in cost by orders of magnitude, so they are handed out one at a
  // time, in job order (which the time budget relies on: the full-size jobs come first).
  return executor.ParallelFor(
      tasks.size(),
      [&](size_t i) {
        Job& job = *jobs[tasks[i].job];
        if (job.state.load() == Job::State::kUndecided) {
          const bool over =
              options.time_budget && tasks[i].job != 0 && elapsed() >= *options.time_budget;
          auto expected = Job::State::kUndecided;
          job.state.compare_exchange_strong(expected,
                                            over ? Job::State::kSkipped : Job::State::kRunning);
        }
        if (job.state.load() == Job::State::kRunning) {
          const auto t0 = SteadyClock::now();
          const std::string failure =
              FitFold(d, folds[tasks[i].fold], tasks[i].fold, job, options.seed);
          const double seconds = std::chrono::duration<double>(SteadyClock::now() - t0).count();
          const std::lock_guard<std::mutex> lock(job.mutex);
          job.seconds += seconds;
          if (!failure.empty() && job.failure.empty()) job.failure = failure;
        }
        report_progress(job);
      },
      /*grain=*/1);
}

// The metric: --metric, else the charter's primary metric when it applies to this task,
// else the task's first default (as `eval` chooses). Says in `warnings` when the charter's
// metric was passed over.
Result<std::string> ChooseMetric(const std::optional<std::string>& given, core::EvalTask task,
                                 const std::optional<std::string>& charter_metric,
                                 std::vector<core::ProbeWarning>& warnings) {
  const stats::TaskKind kind = KindOf(task);
  if (given) {
    auto spec = stats::BuiltinMetrics().Parse(*given, kind);
    if (!spec) return Fail(spec.error().WithContext(FieldRef("metric")).WithField("metric"));
    return spec->ToString();
  }
  const std::string fallback = DefaultMetrics(task).front();
  if (charter_metric) {
    auto spec = stats::BuiltinMetrics().Parse(*charter_metric, kind);
    if (spec) return spec->ToString();
    warnings.push_back({.kind = core::ProbeWarning::Kind::kMetricNotForTask,
                        .name = *charter_metric,
                        .task = std::string(core::EvalTaskName(task)),
                        .used = fallback});
  }
  return fallback;
}

// The probe's id: --name, else the file's stem, made unique among the store's sets.
Result<std::string> ProbeName(store::Store& store, const ProbeOptions& options) {
  auto sets = store.ListEvalSets();
  if (!sets) return Fail(sets.error());
  std::set<std::string> taken;
  for (const auto& s : *sets) taken.insert(s.name);
  if (options.name) {
    if (taken.count(*options.name)) {
      return Fail(Error(ErrorCode::kAlreadyExists,
                        fmt::format("an evaluation set named '{}' exists already; choose another "
                                    "{}, or leave it out to number the probes",
                                    *options.name, FieldRef("name")))
                      .WithField("name"));
    }
    return *options.name;
  }
  const std::string stem = std::filesystem::path(options.data).stem().string();
  const std::string base = stem.empty() ? std::string("probe") : stem;
  if (!taken.count(base)) return base;
  for (int k = 2;; ++k) {
    std::string candidate = fmt::format("{}-{}", base, k);
    if (!taken.count(candidate)) return candidate;
  }
}

std::string RunName(const std::string& probe, std::string_view learner, int64_t size) {
  return fmt::format("{}/{}/{}", probe, learner, size);
}

// The floor: it gets a metric and a curve, but no forecast and no place in the gap.
constexpr std::string_view kFloorLearner = "majority";

// "1.5 GiB", "20 KiB".
std::string Bytes(size_t bytes) {
  const auto b = static_cast<double>(bytes);
  if (b >= 0x1.0p30) return fmt::format("{:.1f} GiB", b / 0x1.0p30);
  if (b >= 0x1.0p20) return fmt::format("{:.1f} MiB", b / 0x1.0p20);
  return fmt::format("{:.1f} KiB", b / 0x1.0p10);
}

// --- Training stages ----------------------------------------------------------------------

// Options no probe runs with: folds outside 2 to 20, a time budget that is no number of
// seconds.
Status CheckOptions(const ProbeOptions& options) {
  if (options.folds < 2 || options.folds > 20) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      fmt::format("{} {} is out of range; use 2 to 20 (5 is usual)",
                                  FieldRef("folds"), options.folds))
                    .WithField("folds"));
  }
  if (options.time_budget && !(*options.time_budget >= 0 && std::isfinite(*options.time_budget))) {
    return Fail(Error(ErrorCode::kInvalidArgument,
                      FieldRef("time_budget") + " must be a number of seconds, 0 or more")
                    .WithField("time_budget"));
  }
  return {};
}

// The learners to train: the named ones (each once, in the order given), else every built-in
// learner. Fails on an unknown name, listing the learners.
Result<std::vector<const learners::Learner*>> ChooseLearners(
    const std::vector<std::string>& names) {
  std::vector<const learners::Learner*> chosen;
  if (names.empty()) {
    for (const auto& l : learners::BuiltinLearners()) chosen.push_back(l.get());
    return chosen;
  }
  for (const std::string& name : names) {
    const learners::Learner* l = learners::FindLearner(name);
    if (l == nullptr) {
      std::vector<std::string> known;
      for (const auto& b : learners::BuiltinLearners()) known.emplace_back(b->info().name);
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("unknown learner '{}'; the learners are: {}", name, Join(known, ", ")));
    }
    if (std::find(chosen.begin(), chosen.end(), l) == chosen.end()) chosen.push_back(l);
  }
  return chosen;
}

// The table read, typed and checked (probe_data.hpp), with its features sorted once for
// every tree fit. Nothing (and diagnostics into `outcome`) when it cannot be probed,
// including too few rows for the folds; fails (Result) when the file cannot be read.
Result<std::optional<ProbeData>> ReadProbeTable(const ProbeOptions& options, size_t learners,
                                                ProbeOutcome& outcome) {
  auto file = LoadTable(options.data);
  if (!file) return Fail(file.error());
  outcome.file = std::move(*file);
  const SourceFile& src = *outcome.file;
  const table::TableFormat format = table::FormatForPath(options.data);
  // Before parsing: what the whole table would need, against what there is.
  const table::TableShape shape = table::EstimateShape(src, format);
  const size_t rows = options.sample ? std::min(*options.sample, shape.records) : shape.records;
  const auto runs_for = [&](size_t n) {
    const auto train = static_cast<int64_t>(n - n / std::max<size_t>(options.folds, 1));
    return learners * ProbeSizes(std::max<int64_t>(train, 1)).size();
  };
  // Multiclass predictions hold one value per class: at most the target's distinct values,
  // which are not known yet; a few per row is the usual case and the cells dominate anyway.
  constexpr uint64_t kWidthGuess = 2;
  const uint64_t need =
      EstimateProbeBytes(src.text().size(), rows, shape.columns, runs_for(rows), kWidthGuess);
  const std::optional<uint64_t> budget =
      options.memory_budget ? options.memory_budget : AvailableMemoryBytes();
  if (budget && need > *budget) {
    // The largest sample that fits, rounded down to two significant digits.
    size_t fits = rows;
    while (fits > 100 && EstimateProbeBytes(src.text().size(), fits, shape.columns, runs_for(fits),
                                            kWidthGuess) > *budget) {
      fits = fits * 3 / 4;
    }
    size_t unit = 1;
    while (fits / unit >= 100) unit *= 10;
    fits = fits / unit * unit;
    return Fail(ErrorCode::kResourceExhausted,
                fmt::format("probing {} would need about {} of memory ({} rows of {} columns); "
                            "about {} is available: probe a random sample with {} {}, or leave "
                            "columns out with {}",
                            options.data, Bytes(need), rows, shape.columns, Bytes(*budget),
                            FieldRef("sample"), fits, FieldRef("ignore")));
  }
  table::RecordFilter keep;
  std::vector<bool> chosen;
  if (options.sample && *options.sample < shape.records) {
    // Floyd's algorithm: `sample` distinct records of the counted ones, uniformly.
    chosen.assign(shape.records, false);
    uint64_t state = options.seed ^ 0x5A3B1E5D7C9F2A41ULL;
    for (size_t j = shape.records - *options.sample; j < shape.records; ++j) {
      state = Mix64(state + j);
      const auto pick = static_cast<size_t>(state % (j + 1));
      chosen[chosen[pick] ? j : pick] = true;
    }
    keep = [&chosen](size_t record) { return record < chosen.size() && chosen[record]; };
    outcome.sampled_from = shape.records;
  }
  diag::DiagnosticSink sink;
  std::optional<table::Table> t =
      table::ReadTable(src, format, sink, {.record = keep, .column = {}});
  if (!t) {
    outcome.diagnostics = sink.diagnostics();
    return std::nullopt;
  }
  std::optional<ProbeData> prepared = PrepareProbeData(*t, src, options, outcome.diagnostics);
  if (!prepared) return std::nullopt;
  const size_t n = prepared->dataset.rows();
  if (n < std::max<size_t>(2 * options.folds, 20)) {
    outcome.diagnostics.push_back(FileProblem(
        src,
        fmt::format("only {} rows have a target: too few to probe with {} folds", n, options.folds),
        "the probe needs at least 20 rows and 2 per fold; more data, or fewer " +
            FieldRef("folds")));
    return std::nullopt;
  }
  learners::SortFeatures(prepared->dataset);
  return prepared;
}

// Cross-validation: each row's fold, each fold's test rows and its training rows in the
// order they enter the subsamples, the full size (training rows per fold) and the curve's
// smaller sizes.
struct FoldPlan {
  std::vector<uint32_t> fold_of;
  std::vector<Fold> folds;
  int64_t full_size = 0;
  std::vector<int64_t> sizes;  // below the full size, small to large
};

FoldPlan PlanFolds(const learners::Dataset& d, size_t k_folds, uint64_t seed) {
  const size_t n = d.rows();
  FoldPlan plan;
  plan.fold_of = AssignFolds(d, k_folds, seed);
  plan.folds.resize(k_folds);
  std::vector<std::vector<size_t>> train(k_folds);
  for (size_t r = 0; r < n; ++r) {
    for (size_t k = 0; k < k_folds; ++k) {
      (plan.fold_of[r] == k ? plan.folds[k].test : train[k]).push_back(r);
    }
  }
  for (size_t k = 0; k < k_folds; ++k) {
    plan.folds[k].order = SubsampleOrder(d, std::move(train[k]), seed, k);
  }
  size_t min_train = n;
  size_t total_train = 0;
  for (const Fold& f : plan.folds) {
    min_train = std::min(min_train, f.order.size());
    total_train += f.order.size();
  }
  plan.full_size = static_cast<int64_t>(
      std::lround(static_cast<double>(total_train) / static_cast<double>(k_folds)));
  plan.sizes = ProbeSizes(static_cast<int64_t>(min_train));
  plan.sizes.pop_back();  // the full size is each fold's whole training part
  return plan;
}

// Jobs: first every learner at full size (the metric and the gap need them), then the
// curve's sizes from small to large, all learners at each size.
std::vector<std::unique_ptr<Job>> MakeJobs(const std::vector<const learners::Learner*>& chosen,
                                           const FoldPlan& plan) {
  std::vector<std::unique_ptr<Job>> jobs;
  const auto add_job = [&](size_t li, int64_t size, bool full) {
    auto job = std::make_unique<Job>();
    job->learner = chosen[li];
    job->learner_index = li;
    job->size = size;
    job->full = full;
    jobs.push_back(std::move(job));
  };
  for (size_t li = 0; li < chosen.size(); ++li) add_job(li, plan.full_size, true);
  for (const int64_t size : plan.sizes) {
    for (size_t li = 0; li < chosen.size(); ++li) add_job(li, size, false);
  }
  return jobs;
}

// Every run's predictions are held until they are stored together: refuse a probe that
// would not fit in memory, before training anything.
Status CheckMemory(size_t runs, const learners::Dataset& d, size_t max_bytes) {
  const size_t n = d.rows();
  const size_t width = d.task == learners::Task::kMulticlass ? d.classes : 1;
  if (const size_t bytes = runs * n * width * sizeof(double); bytes > max_bytes) {
    return Fail(ErrorCode::kResourceExhausted,
                fmt::format("the probe would hold {} of predictions ({} runs of {} rows); the "
                            "limit is {}: train fewer learners ({}) or probe a sample of "
                            "the table",
                            Bytes(bytes), runs, n, Bytes(max_bytes), FieldRef("learner")));
  }
  return {};
}

// The evaluation set as stored: the table's, named and dated, with its folds as a slice.
core::EvalSet FoldedEvalSet(core::EvalSet evalset, const std::string& name, std::string created_at,
                            const FoldPlan& plan) {
  evalset.name = name;
  evalset.created_at = std::move(created_at);
  core::SliceColumn fold_slice;
  fold_slice.name = "fold";
  for (size_t k = 0; k < plan.folds.size(); ++k) fold_slice.levels.push_back(std::to_string(k + 1));
  for (const uint32_t f : plan.fold_of) fold_slice.codes.push_back(static_cast<int32_t>(f));
  evalset.slices.push_back(std::move(fold_slice));
  return evalset;
}

// Each chosen learner's name, box and description, in order.
std::vector<core::ProbeLearner> DescribeLearners(
    const std::vector<const learners::Learner*>& chosen) {
  std::vector<core::ProbeLearner> out(chosen.size());
  for (size_t li = 0; li < chosen.size(); ++li) {
    const learners::LearnerInfo& info = chosen[li]->info();
    out[li].name = std::string(info.name);
    out[li].interpretable = info.interpretable;
    out[li].description = std::string(info.description);
  }
  return out;
}

// The trained jobs as runs on `evalset` (their predictions moved out of the jobs). Into each
// learner: its seconds, its full-size run, the sizes skipped (by the time budget, or a fit
// that failed) and, grouped by reason, why fits failed.
std::vector<core::Run> CollectRuns(const std::vector<std::unique_ptr<Job>>& jobs,
                                   const core::EvalSet& evalset, const ProbeOptions& options,
                                   std::vector<core::ProbeLearner>& learners) {
  std::vector<core::Run> runs;
  std::vector<std::map<std::string, std::vector<int64_t>>> failures(learners.size());
  for (const auto& job : jobs) {
    core::ProbeLearner& pl = learners[job->learner_index];
    pl.seconds += job->seconds;
    if (job->state.load() == Job::State::kSkipped) {
      pl.skipped_sizes.push_back(job->size);
      continue;
    }
    if (!job->failure.empty()) {
      pl.skipped_sizes.push_back(job->size);
      // "tree: the training rows hold one class only" -> the reason alone, grouped by reason.
      std::string reason = job->failure;
      if (reason.starts_with(pl.name + ": ")) reason.erase(0, pl.name.size() + 2);
      failures[job->learner_index][reason].push_back(job->size);
      continue;
    }
    core::Run run;
    run.name = RunName(evalset.name, pl.name, job->size);
    run.evalset = evalset.name;
    run.method = pl.name;
    run.train_size = job->size;
    run.params = {{"folds", std::to_string(options.folds)}, {"seed", std::to_string(options.seed)}};
    run.tags = {{"probe", evalset.name}, {"box", pl.interpretable ? "glass" : "black"}};
    run.predictions = std::move(job->predictions);
    run.created_at = evalset.created_at;
    if (job->full) pl.run = run.name;
    runs.push_back(std::move(run));
  }
  for (size_t li = 0; li < learners.size(); ++li) {
    for (const auto& [reason, sizes_failed] : failures[li]) {
      learners[li].notes.push_back(
          {.kind = core::ProbeNote::Kind::kNotTrained, .sizes = sizes_failed, .reason = reason});
    }
  }
  return runs;
}

// What the probe trained on, into `result`: the table (its rows, features and columns), the
// task, the folds, the metric, and the warnings (moved out of `data`).
void DescribeProbe(const ProbeOptions& options, const core::EvalSet& evalset, int64_t full_size,
                   const std::string& metric, ProbeData& data, core::ProbeResult& result) {
  const stats::MetricDef& def = *stats::BuiltinMetrics().Parse(metric, KindOf(evalset.task))->def;
  result.data = options.data;
  result.evalset = evalset.name;
  result.task = std::string(core::EvalTaskName(evalset.task));
  result.task_inferred = data.task_inferred;
  result.positive_inferred = data.positive_inferred;
  result.target = options.target;
  result.classes = evalset.classes;
  result.rows = data.dataset.rows();
  result.features = data.dataset.features.size();
  result.folds = options.folds;
  result.seed = options.seed;
  result.full_size = full_size;
  result.metric = metric;
  result.higher_is_better = def.higher_is_better;
  // Differences of metrics in [0, 1] read as points; the others in their own units.
  result.unit_interval = def.InUnitInterval();
  result.columns = std::move(data.columns);
  result.warnings = std::move(data.warnings);
  result.time_budget = options.time_budget;
}

// Why no learner was trained: the first learner's first failure, else the time budget.
Error NothingTrained(const core::ProbeLearner& first) {
  if (first.notes.empty()) {
    return Error(ErrorCode::kFailedPrecondition,
                 "no learner could be trained: the time budget ran out");
  }
  const core::ProbeNote& note = first.notes.front();
  return Error(ErrorCode::kFailedPrecondition,
               fmt::format("no learner could be trained: not trained on {} examples: {}",
                           fmt::join(note.sizes, ", "), note.reason));
}

// --- Measuring stages ---------------------------------------------------------------------

// Each learner's metric with its interval, and the criterion, from its full-size run: what
// `eval` computes from the same runs.
Status MeasureFullRuns(store::Store& store, const EvidenceOptions& evidence,
                       const std::optional<Criteria>& criteria, core::ProbeResult& result) {
  std::vector<std::string> full_runs;
  for (const core::ProbeLearner& pl : result.learners) {
    if (!pl.run.empty()) full_runs.push_back(pl.run);
  }
  if (full_runs.empty()) return {};  // (an empty list would mean every run in the workspace)
  auto evaluated = Evaluate(store, full_runs, evidence, false, criteria);
  if (!evaluated) return Fail(evaluated.error());
  result.criterion = evaluated->criterion;
  for (core::ProbeLearner& pl : result.learners) {
    if (pl.run.empty()) continue;
    for (const core::EvalRow& row : evaluated->rows) {
      if (row.run == pl.run && !row.slice) pl.metric = row;
    }
    for (const core::CriterionRow& row : evaluated->criteria) {
      if (row.run == pl.run) pl.criterion = row;
    }
  }
  return {};
}

// Each learner's learning curve on the probe's evaluation set, each point's standard error
// from a few hundred percentile resamples (as `forecast --method`), and its forecast (not
// for the floor, nor for curves of fewer than 3 points).
void MeasureCurves(store::Store& store, const std::string& probe, const std::string& metric,
                   const EvidenceOptions& evidence, const std::optional<Criteria>& criteria,
                   core::ProbeResult& result) {
  EvidenceOptions curve_evidence = evidence;
  // A curve needs each point's standard error only: 200 resamples, and no BCa jackknife.
  curve_evidence.resamples = std::min<size_t>(evidence.resamples, kCurveResamples);
  curve_evidence.bca = false;
  result.curve_resamples = curve_evidence.resamples;
  for (core::ProbeLearner& pl : result.learners) {
    auto curve =
        MeasureMethod(store, pl.name, metric, {.evalset = probe}, curve_evidence, criteria);
    if (!curve) continue;  // no run of this learner was stored
    for (const RunMeasurement& m : curve->points) {
      pl.curve.push_back({m.train_size, m.estimate, m.standard_error, m.run});
    }
    if (pl.name == kFloorLearner || curve->points.size() < 3) continue;
    auto forecast = ForecastFromCurve(*curve, ForecastSettings{});
    if (forecast) {
      pl.forecast = std::move(*forecast);
    } else {
      pl.notes.push_back(
          {.kind = core::ProbeNote::Kind::kNoForecast, .reason = forecast.error().message()});
    }
  }
}

// The interpretability gap: the best black box against the best glass box (the floor left
// out), paired on the same examples (as `compare`). None unless both have a metric.
Result<std::optional<core::ProbeGap>> MeasureGap(store::Store& store, bool higher,
                                                 const EvidenceOptions& evidence,
                                                 const std::optional<Criteria>& criteria,
                                                 const std::vector<core::ProbeLearner>& learners) {
  const auto better = [higher](const core::ProbeLearner* a, const core::ProbeLearner* b) {
    if (b == nullptr) return true;
    return higher ? a->metric->estimate > b->metric->estimate
                  : a->metric->estimate < b->metric->estimate;
  };
  const core::ProbeLearner* glass = nullptr;
  const core::ProbeLearner* black = nullptr;
  for (const core::ProbeLearner& pl : learners) {
    if (!pl.metric || pl.name == kFloorLearner) continue;
    const core::ProbeLearner*& best = pl.interpretable ? glass : black;
    if (better(&pl, best)) best = &pl;
  }
  if (glass == nullptr || black == nullptr) return std::nullopt;
  auto compared = Compare(store, glass->run, {black->run}, evidence, criteria);
  if (!compared) return Fail(compared.error());
  const core::Comparison& c = compared->front();
  core::ProbeGap gap;
  gap.black_box = black->name;
  gap.glass_box = glass->name;
  gap.black_run = black->run;
  gap.glass_run = glass->run;
  gap.difference = c.difference;
  gap.lower = c.lower;
  gap.upper = c.upper;
  gap.p_value = c.p_value;
  gap.test = c.test;
  return gap;
}

}  // namespace

uint64_t EstimateProbeBytes(uint64_t file_bytes, uint64_t records, uint64_t columns, uint64_t runs,
                            uint64_t width) {
  return file_bytes + records * columns * kProbeBytesPerCell + runs * records * width * 8;
}

std::vector<int64_t> ProbeSizes(int64_t full) {
  std::vector<int64_t> sizes;
  for (int k = 0;; ++k) {
    const auto s = static_cast<int64_t>(std::lround(16.0 * std::pow(2.0, k / 2.0)));
    if (s >= full) break;
    sizes.push_back(s);
  }
  if (full > 0) sizes.push_back(full);
  return sizes;
}

std::vector<uint32_t> AssignFolds(const learners::Dataset& data, size_t folds, uint64_t seed) {
  const size_t n = data.rows();
  // Rows ordered by stratum (class, or target value for regression), shuffled within it;
  // then every run of `folds` consecutive rows is dealt one to each fold, in a seeded order.
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::vector<uint64_t> key(n);
  for (size_t r = 0; r < n; ++r) key[r] = Key(seed, r, 1);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (data.target[a] != data.target[b]) return data.target[a] < data.target[b];
    return key[a] < key[b];
  });
  std::vector<uint32_t> fold(n, 0);
  std::vector<uint32_t> deal(folds);
  for (size_t start = 0; start < n; start += folds) {
    std::iota(deal.begin(), deal.end(), uint32_t{0});
    for (size_t i = folds; i > 1; --i) {
      std::swap(deal[i - 1], deal[Key(seed, start, i) % i]);
    }
    for (size_t i = 0; i < folds && start + i < n; ++i) fold[order[start + i]] = deal[i];
  }
  return fold;
}

std::vector<size_t> SubsampleOrder(const learners::Dataset& data, std::vector<size_t> rows,
                                   uint64_t seed, size_t fold) {
  // Within each class, a seeded shuffle; a row's place is (its rank + a jitter) / its
  // class's count, so every prefix holds each class in about its share.
  std::vector<uint64_t> key(data.rows());
  for (const size_t r : rows) key[r] = Key(seed, r, 2 + fold);
  std::sort(rows.begin(), rows.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  if (data.task == learners::Task::kRegression) return rows;
  std::vector<size_t> count(data.classes, 0);
  for (const size_t r : rows) ++count[static_cast<size_t>(data.target[r])];
  std::vector<size_t> rank(data.classes, 0);
  std::vector<std::pair<double, size_t>> place;
  place.reserve(rows.size());
  for (const size_t r : rows) {
    const auto c = static_cast<size_t>(data.target[r]);
    const double jitter = static_cast<double>(key[r] >> 11U) * 0x1.0p-53;
    place.emplace_back((static_cast<double>(rank[c]++) + jitter) / static_cast<double>(count[c]),
                       r);
  }
  std::sort(place.begin(), place.end());
  for (size_t i = 0; i < place.size(); ++i) rows[i] = place[i].second;
  return rows;
}

Status MeasureProbe(store::Store& store, const std::string& probe, const std::string& metric,
                    bool higher, const EvidenceOptions& options,
                    const std::optional<Criteria>& criteria, core::ProbeResult& result) {
  EvidenceOptions evidence = options;
  evidence.metrics = {metric};
  std::unique_ptr<Executor> owned;
  if (evidence.executor == nullptr) {
    owned = Executor::Start(evidence.threads);
    evidence.executor = owned.get();
  }
  if (auto ok = MeasureFullRuns(store, evidence, criteria, result); !ok) return ok;
  MeasureCurves(store, probe, metric, evidence, criteria, result);
  auto gap = MeasureGap(store, higher, evidence, criteria, result.learners);
  if (!gap) return Fail(gap.error());
  result.gap = std::move(*gap);
  result.confidence = evidence.confidence;
  return {};
}

Result<ProbeOutcome> TrainProbe(store::Store& store, const ProbeOptions& options,
                                const std::optional<Criteria>& criteria, const Clock& clock,
                                Executor& executor, const ProbeProgressFn& progress) {
  const auto start = SteadyClock::now();
  const auto elapsed = [&start] {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
  };
  if (auto ok = CheckOptions(options); !ok) return Fail(ok.error());
  auto chosen = ChooseLearners(options.learners);
  if (!chosen) return Fail(chosen.error());
  ProbeOutcome outcome;
  auto prepared = ReadProbeTable(options, chosen->size(), outcome);
  if (!prepared) return Fail(prepared.error());
  if (!*prepared) return outcome;
  ProbeData& data = **prepared;
  const learners::Dataset& d = data.dataset;
  auto metric =
      ChooseMetric(options.metric, data.evalset.task, CharterMetric(criteria), data.warnings);
  if (!metric) return Fail(metric.error());
  auto name = ProbeName(store, options);
  if (!name) return Fail(name.error());

  const FoldPlan plan = PlanFolds(d, options.folds, options.seed);
  const std::vector<std::unique_ptr<Job>> jobs = MakeJobs(*chosen, plan);
  if (auto ok = CheckMemory(jobs.size(), d, options.max_prediction_bytes); !ok) {
    return Fail(ok.error());
  }
  if (!executor.shortfall().empty()) {
    data.warnings.push_back(
        {.kind = core::ProbeWarning::Kind::kFewerThreads, .reason = executor.shortfall()});
  }
  if (auto trained = TrainJobs(d, plan.folds, jobs, options, elapsed, progress, executor);
      !trained) {
    return Fail(trained.error().WithContext("training"));
  }

  // Store the evaluation set and every run, at once.
  core::ProbeResult result;
  const core::EvalSet evalset =
      FoldedEvalSet(std::move(data.evalset), *name, clock.NowIso8601(), plan);
  result.learners = DescribeLearners(*chosen);
  std::vector<core::Run> runs = CollectRuns(jobs, evalset, options, result.learners);
  if (runs.empty()) return Fail(NothingTrained(result.learners.front()));
  if (auto ok = store.AddEvalSetWithRuns(evalset, runs); !ok) return Fail(ok.error());
  runs.clear();
  if (progress) {
    const size_t fits = jobs.size() * options.folds;
    progress({"", 0, fits, fits, elapsed()});
  }

  DescribeProbe(options, evalset, plan.full_size, *metric, data, result);
  result.sampled_from = outcome.sampled_from;
  result.seconds = elapsed();
  outcome.result = std::move(result);
  return outcome;
}

Result<ProbeOutcome> Probe(store::Store& store, const ProbeOptions& options,
                           const std::optional<Criteria>& criteria, const Clock& clock,
                           const ProbeProgressFn& progress) {
  const auto start = SteadyClock::now();
  // One pool for the whole probe: the fits, then the bootstrap of every measurement.
  const std::unique_ptr<Executor> executor = Executor::Start(options.threads);
  auto outcome = TrainProbe(store, options, criteria, clock, *executor, progress);
  if (!outcome || !outcome->result) return outcome;
  // Every number below is computed from the stored runs, as `eval`, `compare` and
  // `forecast` compute it.
  core::ProbeResult& result = *outcome->result;
  EvidenceOptions evidence = options.evidence;
  evidence.executor = executor.get();
  if (auto measured = MeasureProbe(store, result.evalset, result.metric, result.higher_is_better,
                                   evidence, criteria, result);
      !measured) {
    return Fail(measured.error());
  }
  result.seconds = std::chrono::duration<double>(SteadyClock::now() - start).count();
  return outcome;
}

}  // namespace foresight::app
