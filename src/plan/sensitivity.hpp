// What moves the outlook most: one input of the plan at a time set low and high, the rest
// kept, and the chance of the outcome re-simulated on the same random numbers (a tornado).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "base/executor.hpp"
#include "base/result.hpp"
#include "plan/simulate.hpp"

namespace foresight::plan {

// How far a role's arrival is moved either way.
inline constexpr int kStartShiftWeeks = 4;
// The methods whose effort is a lever: the most uncertain ones (largest PERT spread).
inline constexpr size_t kMaxEffortLevers = 20;

enum class LeverKind {
  kEffort,     // a method's effort at its optimistic and pessimistic values
  kStartWeek,  // a role's people arrive kStartShiftWeeks earlier and later
  kHeadCount,  // a role has one person fewer and one more
  kData,       // half and twice the training data the plan expects
};

struct Lever {
  LeverKind kind = LeverKind::kEffort;
  size_t subject = 0;     // the method (kEffort) or the role (kStartWeek, kHeadCount)
  double base_value = 0;  // effort: PERT mean; start: week; head count: people; data: 1
  double low_value = 0;   // the input at its low end ...
  double high_value = 0;  // ... and at its high end
  double p_low = 0;       // the outcome's chance with the input low ...
  double p_high = 0;      // ... and high
  double swing = 0;       // the larger change from the base chance, either way
};

// The chances of reaching the criterion of each method with half and twice the data.
struct DataChances {
  std::vector<double> half;
  std::vector<double> twice;
};

struct Tornado {
  bool success = true;  // the outcome: the criterion met by `week` (else: the search ended)
  double week = 0;
  size_t futures = 0;
  double base = 0;
  std::vector<Lever> levers;  // largest swing first; levers that move nothing are left out
};

// The tornado of `model` for the outcome by `week`, each variant simulated with `settings`
// (staffing off) on the same seed.
Result<Tornado> Sensitivity(const Model& model, const Settings& settings, double week, bool success,
                            const std::optional<DataChances>& data, Executor& executor);

}  // namespace foresight::plan
