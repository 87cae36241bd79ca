// The plan use cases: `foresight plan start|log|finish|drop` write the ledger, `foresight
// plan` reads it, `foresight plan outlook` simulates what is left (plan/simulate.hpp) with
// the team's record and the evidence.
//
// Every one of them first brings the ledger up to date with the charter: a method whose
// three-point estimate (or role) is new or changed gets an `estimated` event, a method gone
// from the charter a `removed` one, so an estimate is never silently rewritten and a
// finished method is judged against the estimate it was started with.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "app/measure.hpp"
#include "base/clock.hpp"
#include "base/result.hpp"
#include "core/charter.hpp"
#include "core/check.hpp"
#include "core/plan_ledger.hpp"
#include "store/store.hpp"

namespace foresight::app {

// Hours in a person-week: runs record their effort in hours.
inline constexpr double kHoursPerPersonWeek = 40;
// The feedback loops' defaults (plan.rework): a finished method is sent back for another
// pass with this probability, the pass costing this share of its effort.
inline constexpr double kDefaultReworkProbability = 0.15;
inline constexpr double kDefaultReworkCost = 0.3;
// The most methods still to do that the outlook simulates: a plan is tens of methods.
inline constexpr size_t kMaxOutlookMethods = 500;
// The role of a method that names none.
inline constexpr core::Role kDefaultMethodRole = core::Role::kDataScientist;

struct PlanEventInput {
  core::PlanEventKind kind = core::PlanEventKind::kStarted;  // started, logged, finished, dropped
  std::string method;
  std::optional<std::string> on;  // YYYY-MM-DD; default today
  std::optional<double> effort;   // logged: person-weeks
  std::string role;  // logged: who spent it, as the charter spells roles (default: the method's)
  std::string note;
};

// The charter at `path`, read for its plan. Fails with kNotFound when there is none and
// kFailedPrecondition when it cannot be read (`foresight check` says why).
Result<core::CheckResult> ReadPlanCharter(const std::string& path);

// "Now" for the plan: today, or the start of `day` (YYYY-MM-DD) to read the ledger or simulate
// as of that day. Fails with kInvalidArgument for a day that is not a calendar date.
Result<std::unique_ptr<Clock>> PlanClock(const std::optional<std::string>& day);

// Records `event` (after bringing the estimates up to date) and returns the ledger with it.
// Fails with kNotFound for a method the charter does not have (naming the close ones),
// kInvalidArgument for a day that is not a real YYYY-MM-DD date or is in the future, or an
// effort that is not a number above 0 (at most 1000 person-weeks), kFailedPrecondition for
// an event that contradicts the ledger (starting a method twice, finishing a dropped one).
Result<core::RecordedPlanEvent> RecordPlanEvent(store::Store& store, const core::Charter& charter,
                                                const PlanEventInput& event, const Clock& clock);

// The ledger (recording estimate changes when the store can be written).
Result<core::PlanLedger> ReadPlanLedger(store::Store& store, const core::Charter& charter,
                                        const Clock& clock);

struct OutlookOptions {
  uint64_t seed = 1;
  size_t futures = 100000;
  size_t sensitivity_futures = 10000;  // 0: no tornado
  // How the learning curves are measured (their bootstrap).
  EvidenceOptions evidence;
};

// The outlook of the plan in the charter whose bytes are `charter_text`. Fails with
// kFailedPrecondition when there is nothing to simulate: no team, or no method still to do
// with an estimate.
Result<core::PlanOutlook> BuildOutlook(store::Store& store, const core::Charter& charter,
                                       std::string_view charter_text, const Clock& clock,
                                       const OutlookOptions& options);

}  // namespace foresight::app
