// Intervals that stay honest where the bootstrap cannot: on a small evaluation set, or one
// predicted perfectly, every resample can give the same value (12 of 12 right: every
// resample is 100% right), and the bootstrap's interval shrinks to a point. It can only show
// the variation it sees. A score interval comes from the metric's sampling model instead, so
// it knows that 12 examples leave room for a lower true value:
//   - a proportion (accuracy, precision, recall: successes among a count of trials) has
//     Wilson's score interval (Wilson 1927), which scipy.stats.binomtest(...).proportion_ci(
//     method='wilson') computes;
//   - ROC AUC has the variance of Hanley & McNeil (1982) from the counts of each class,
//       V(t) = t (1 - t) / (P N) * (1 + (P - 1) (1 - t) / (2 - t) + (N - 1) t / (1 + t)),
//     inverted the way Wilson's is: the interval holds the true values t whose own variance
//     would put the estimate within z standard deviations, |estimate - t| <= z sqrt(V(t)).
//     (V(t) is Hanley & McNeil's [t(1-t) + (P-1)(Q1-t^2) + (N-1)(Q2-t^2)] / (P N) with
//     Q1 = t / (2 - t), Q2 = 2 t^2 / (1 + t), rewritten.)
// For a proportion, V(t) = t (1 - t) / trials and the same inversion is Wilson's interval.
// Both stay inside [0, 1] and have width at an estimate of 0 or 1.
#pragma once

#include "stats/bootstrap.hpp"
#include "stats/metric.hpp"

namespace foresight::stats {

// The model (ScoreModel, metric.hpp) is the metric's: MetricDef::score_model names it,
// Kernel::Score gives its counts.

// The model's variance of the estimate when the true value is t, for t in [0, 1]; 0 at the
// ends. Infinite when the model has no examples (then nothing is known).
double ScoreVariance(const ScoreModel& model, double t);

// The two-sided score interval at `confidence` (in (0, 1)) around `estimate` (in [0, 1]):
// the true values t with |estimate - t| <= z sqrt(V(t)), z = NormalQuantile((1 + confidence) / 2).
IntervalBounds ScoreInterval(const ScoreModel& model, double estimate, double confidence);

// The one-sided bound at `confidence`: the lower one (upper = false) is the smallest t with
// estimate - t <= z sqrt(V(t)), z = NormalQuantile(confidence), so the bound at 97.5% is the
// limit of the two-sided 95% interval.
double ScoreBound(const ScoreModel& model, double estimate, double confidence, bool upper);

// How sure the score test is that the true value is at least `threshold` (higher = true) or
// at most it (higher = false): NormalCdf((estimate - threshold) / sqrt(V(threshold))), sign
// flipped for `higher` = false. Consistent with ScoreBound: the probability reaches
// `confidence` exactly when the one-sided bound at `confidence` is on the threshold's side.
// At a threshold of 0 or 1 (no variance there): 1 when every value meets it, else 0, as
// no finite set proves a perfect score.
double ScoreProbability(const ScoreModel& model, double estimate, double threshold, bool higher);

}  // namespace foresight::stats
