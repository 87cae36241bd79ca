// How good the team's estimates are, learned from its own record (evidence-based scheduling):
// each finished method's actual effort against the estimate it was started with.
//
// The model (docs/plan.md): actual = X * B, where X is a draw from the method's PERT estimate
// and B the team's bias factor, log B ~ Normal(mu, tau^2). A finished method's log(actual /
// PERT mean) then has mean mu + E[log(X / mean)] and variance tau^2 + Var[log(X / mean)];
// the PERT parts are known from its estimate (to second order), so mu and tau are estimated
// by subtracting them: the spread of the estimates is not counted twice. The predictive
// spread adds the uncertainty of mu (a small history is a loose fit) and widens for few
// methods as a Student t does.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "plan/simulate.hpp"
#include "stats/pert.hpp"

namespace foresight::plan {

// A method that is finished: its role, the estimate it was started with, its actual effort.
struct Finished {
  size_t role = 0;
  stats::ThreePoint estimate;
  double actual = 0;  // person-weeks
};

// Below these counts of finished methods the team's (or a role's) record is not used.
inline constexpr size_t kMinTeamHistory = 3;
inline constexpr size_t kMinRoleHistory = 5;

// With no record: reviews of software-estimation surveys find average effort overruns of
// about 30% (Molokken and Jorgensen, "A review of surveys on software effort estimation",
// ISESE 2003), and actual / estimate skewed like a lognormal. The prior's factor has a mean
// of 1.3 and 80% of its draws between 0.72 and 2.0.
inline constexpr double kPriorLogSd = 0.4;
Accuracy PriorAccuracy();

enum class AccuracySource { kPrior, kTeam, kRole };

struct LearnedAccuracy {
  Accuracy accuracy;
  AccuracySource source = AccuracySource::kPrior;
  size_t methods = 0;        // finished methods it was learned from
  double median_factor = 1;  // exp(mu): the typical actual / estimate
  double factor_low = 1;     // the predictive 10th and 90th percentiles of the factor
  double factor_high = 1;
};

// The accuracy for work of `role` (nullopt: the whole team): the role's record when it has
// kMinRoleHistory finished methods, else the team's with kMinTeamHistory, else the prior.
// Methods with no actual effort or an estimate of 0 are left out.
LearnedAccuracy LearnAccuracy(const std::vector<Finished>& record, std::optional<size_t> role);

}  // namespace foresight::plan
