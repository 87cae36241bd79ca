// The ranking of every run on one metric: what `foresight rank` shows after the metric or
// the target changed, and what a dashboard's leaderboard reads.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/evidence.hpp"

namespace foresight::core {

// Why a ranked run has, or has not, an interval.
enum class RankScreen {
  kContender,    // measured with the bootstrap: interval, and P(target met) with a target
  kOutOfReach,   // its estimate is more than `reach` standard errors short of the target
                 // (without a target: of the best run), so no interval was computed
  kBeyondLimit,  // a contender past the number of intervals asked for; computed on demand
};

// "contender", "out of reach", "beyond limit": stable, in JSON.
std::string_view RankScreenName(RankScreen screen);

struct RankedRun {
  std::string run;
  std::string method;
  double estimate = 0;
  double standard_error = 0;  // the jackknife's: what decides the screen
  RankScreen screen = RankScreen::kContender;
  std::optional<double> lower;  // the bootstrap interval, for contenders
  std::optional<double> upper;
  std::optional<CriterionRow> criterion;  // contenders, when a target applies
};

// The runs of one evaluation set, best first.
struct RankingGroup {
  std::string evalset;
  std::string metric;  // canonical spelling
  bool higher_is_better = true;
  size_t n = 0;                        // examples
  std::optional<Criterion> criterion;  // the target, when it is on this metric
  std::vector<RankedRun> runs;
};

// A run left out of the ranking: the metric is undefined on its predictions.
struct RankNote {
  std::string run;
  std::string metric;
  std::string reason;
};

struct Ranking {
  std::vector<RankingGroup> groups;
  double reach = 0;          // standard errors, the screen's margin
  size_t max_intervals = 0;  // per group
  std::vector<RankNote> notes;
  // Where the numbers came from: results read from the store's cache, and computed.
  size_t cached = 0;
  size_t computed = 0;
};

}  // namespace foresight::core
