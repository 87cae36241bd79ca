#include "app/measure.hpp"

#include <algorithm>
#include <cmath>

#include "stats/score_interval.hpp"

namespace foresight::app {

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

std::unique_ptr<Data> DataFor(const core::EvalSet& e, const core::Run& r,
                              const std::vector<size_t>* rows) {
  auto d = std::make_unique<Data>();
  const size_t width = e.task == core::EvalTask::kMulticlass ? e.classes.size() : 1;
  std::span<const int32_t> label = e.labels;
  std::span<const double> predictions = r.predictions;
  std::span<const double> target = e.targets;
  if (rows != nullptr) {
    // A subset: copied, in the order of `rows`. The whole set is a view, no copy.
    for (const size_t row : *rows) {
      if (e.task == core::EvalTask::kRegression) {
        d->target.push_back(e.targets[row]);
      } else {
        d->label.push_back(e.labels[row]);
      }
      for (size_t k = 0; k < width; ++k) d->predictions.push_back(r.predictions[row * width + k]);
    }
    label = d->label;
    predictions = d->predictions;
    target = d->target;
  }
  d->view.task = KindOf(e.task);
  switch (e.task) {
    case core::EvalTask::kBinary:
      d->view.label = label;
      d->view.score = predictions;
      break;
    case core::EvalTask::kMulticlass:
      d->view.label = label;
      d->view.proba = predictions;
      d->view.classes = width;
      break;
    case core::EvalTask::kRegression:
      d->view.target = target;
      d->view.value = predictions;
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
  b.progress = o.progress;
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

// The bootstrap's replicates of a prepared metric, with BCa's acceleration when asked for.
Result<Measurement> ComputeMeasurement(const stats::Kernel& kernel, size_t n,
                                       const stats::BootstrapOptions& options) {
  auto replicates = stats::DrawReplicates(kernel, n, options);
  if (!replicates) return Fail(replicates.error());
  Measurement m;
  m.replicates = std::move(*replicates);
  m.examples = n;
  m.score = kernel.Score();
  if (options.interval == stats::BootstrapOptions::Interval::kBca) {
    auto jackknife = stats::Jackknife(kernel, n, options);
    if (!jackknife) return Fail(jackknife.error());
    m.acceleration = jackknife->acceleration;
  }
  return m;
}

Result<Measurement> ComputeMeasurement(const stats::MetricSpec& spec, const stats::MetricData& data,
                                       const stats::BootstrapOptions& options) {
  auto kernel = spec.def->prepare(data, spec.params);
  if (!kernel) return Fail(kernel.error());
  return ComputeMeasurement(**kernel, data.size(), options);
}

core::ScoreMethod ScoreMethodOf(stats::ScoreModel::Kind kind) {
  return kind == stats::ScoreModel::Kind::kAuc ? core::ScoreMethod::kHanleyMcNeil
                                               : core::ScoreMethod::kWilson;
}

Measured Summarize(Measurement m, const stats::BootstrapOptions& options) {
  Measured out;
  out.estimate = stats::IntervalOf(m.replicates, m.acceleration, options);
  if (m.score) {
    const stats::IntervalBounds score =
        stats::ScoreInterval(*m.score, out.estimate.estimate, options.confidence);
    if (score.lower < out.estimate.lower - kScoreMarkGap ||
        score.upper > out.estimate.upper + kScoreMarkGap) {
      out.widened_by = ScoreMethodOf(m.score->kind);
    }
    out.estimate.lower = std::min(out.estimate.lower, score.lower);
    out.estimate.upper = std::max(out.estimate.upper, score.upper);
  }
  out.replicates = std::move(m.replicates);
  out.acceleration = m.acceleration;
  out.options = options;
  out.options.executor = nullptr;  // reading bounds needs none; the caller's may not outlive this
  out.options.progress = nullptr;
  out.examples = m.examples;
  out.score = m.score;
  return out;
}

BootstrapKeyParts KeyPartsOf(const EvidenceOptions& o) { return {o.resamples, o.seed, o.bca}; }

core::CriterionRow Judge(const std::string& run, const Measured& m, const core::Criterion& c) {
  const bool higher = c.higher_is_better;
  core::CriterionRow row;
  row.run = run;
  const auto& r = m.replicates.sorted;
  const auto meets = [&](double v) { return higher ? v >= c.threshold : v <= c.threshold; };
  row.probability = r.empty() ? 0.0
                              : static_cast<double>(std::count_if(r.begin(), r.end(), meets)) /
                                    static_cast<double>(r.size());
  row.bound = stats::OneSidedBound(m.replicates, m.acceleration, m.options, c.confidence, !higher);
  double other =
      stats::OneSidedBound(m.replicates, m.acceleration, m.options, c.confidence, higher);
  row.n = m.examples;
  if (m.score) {
    row.score_method = ScoreMethodOf(m.score->kind);
    const double estimate = m.estimate.estimate;
    row.probability =
        std::min(row.probability, stats::ScoreProbability(*m.score, estimate, c.threshold, higher));
    // The more cautious bound on each side: further from the estimate.
    const double bound = stats::ScoreBound(*m.score, estimate, c.confidence, !higher);
    const double other_score = stats::ScoreBound(*m.score, estimate, c.confidence, higher);
    if (higher ? bound < row.bound : bound > row.bound) {
      row.bound = bound;
      row.basis = core::CriterionBasis::kScore;
    }
    other = higher ? std::max(other, other_score) : std::min(other, other_score);
  } else if (m.examples < core::kMinExamplesForBootstrapVerdict) {
    // The bootstrap alone cannot speak for what the set never contains.
    row.basis = core::CriterionBasis::kTooFewExamples;
    row.probability = std::nan("");
    row.status = core::CriterionStatus::kNotYetKnown;
    return row;
  }
  if (meets(row.bound)) {
    row.status = core::CriterionStatus::kMet;
  } else if (!meets(other)) {
    row.status = core::CriterionStatus::kNotMet;
  } else {
    row.status = core::CriterionStatus::kNotYetKnown;
  }
  return row;
}

}  // namespace foresight::app
