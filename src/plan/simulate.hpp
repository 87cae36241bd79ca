// The outlook: a plan's remaining work simulated as many possible futures (Monte-Carlo).
//
// Plain numbers in, plain numbers out: app/plan turns the charter, the ledger and the
// evidence into a Model, and report/ words the Outlook. docs/plan.md explains the model in
// plain words; in short, for each future:
//   - each remaining method's total effort is drawn from its three-point estimate (PERT-beta,
//     stats/pert.hpp), multiplied by a draw of the team's estimate accuracy (a lognormal
//     factor, learned from finished methods: plan/accuracy.hpp) and by 1 + cost for each
//     rework pass (each pass follows with the method's rework probability);
//   - the work is scheduled in continuous time, week by week, onto the people of each role
//     present that week: one person-equivalent at most per method, methods served in the
//     charter's order; a method waits for its stage's start week, for every role its stage
//     needs to be present, and for the methods it comes after;
//   - a method that finishes reaches the success criterion with its chance (from its
//     learning curve), and the first one that does ends the search in that future.
// Each future draws from its own random streams (Philox, stats/rng.hpp), one per method, in a
// fixed order, so results are the same for a seed whatever the thread count, and two
// variants of a plan are compared on common random numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "base/executor.hpp"
#include "base/result.hpp"
#include "stats/pert.hpp"

namespace foresight::plan {

inline constexpr double kNever = std::numeric_limits<double>::infinity();

// log(actual effort / drawn effort) ~ Normal(log_mean, log_sd): how far the team's work
// runs from its estimates.
struct Accuracy {
  double log_mean = 0;
  double log_sd = 0;
};

// People of one role, in full-time equivalents, present in weeks [from_week, to_week).
struct Staff {
  size_t role = 0;
  double count = 0;
  int from_week = 0;
  int to_week = 0;
};

// One method still to finish.
struct Work {
  size_t role = 0;
  stats::ThreePoint effort;   // its whole effort in person-weeks, as estimated
  double spent = 0;           // person-weeks already spent on it
  int earliest_week = 0;      // its stage's start week
  std::vector<size_t> needs;  // roles that must be present for its stage to proceed
  std::vector<size_t> after;  // indices (into Model::work) of methods it waits for
  double rework_probability = 0;
  double rework_cost = 0;  // each rework pass costs this fraction of its drawn effort
  size_t accuracy = 0;     // index into Model::accuracy
  double chance = 0;       // P(it reaches the success criterion); 0 when unknown
};

struct Model {
  size_t roles = 0;
  std::vector<Staff> staff;
  std::vector<Work> work;
  std::vector<Accuracy> accuracy{Accuracy{}};
  int now_week = 0;      // the simulation starts at the beginning of this week
  int horizon_week = 0;  // and nobody works from this week on (the team's last week)
};

// The longest stretch simulated: a hundred years of weeks.
inline constexpr int kMaxWeeks = 5200;

// A draw that says a method should already be done when it is not: it needs this fraction
// of its drawn total again.
inline constexpr double kOverrunRemainder = 0.25;
// Rework passes are drawn up to this many times per method.
inline constexpr size_t kMaxReworks = 8;

struct Settings {
  uint64_t seed = 1;
  size_t futures = 100000;
  bool staffing = true;  // accumulate the roles' use per week (the outlook's staffing chart)
};

// Use of one role in one week, averaged over the futures.
struct RoleWeek {
  double available = 0;  // people present (the charter's team)
  double busy = 0;       // person-weeks worked
  double waiting = 0;    // person-weeks of ready work that found nobody free
};

struct Outlook {
  size_t futures = 0;
  // Per future, sorted ascending (kNever when it does not happen before the horizon):
  std::vector<double> success_weeks;  // when a method reached the criterion
  std::vector<double> end_weeks;      // when the search ended (success, or all work done)
  std::vector<double> costs;          // person-weeks spent from now until the end
  // [week - now_week][role], when Settings::staffing.
  std::vector<std::vector<RoleWeek>> staffing;

  // The share of futures in which the event happened by `week` (inclusive).
  double SuccessBy(double week) const;
  double EndedBy(double week) const;
  // The q-quantile of a sorted column (kNever when beyond the futures that ended).
  static double Quantile(const std::vector<double>& sorted, double q);
  // The Monte-Carlo standard error of a share p over the futures.
  double StandardError(double p) const;
};

// Simulates `settings.futures` futures of `model`. Fails with kInvalidArgument for a model
// that is inconsistent (an index out of range, a negative effort or count, NaN).
Result<Outlook> Simulate(const Model& model, const Settings& settings, Executor& executor);

}  // namespace foresight::plan
