// The plan ledger: what happened to each method of the charter's plan, as events.
//
// Append-only: an event is never changed or deleted, so the ledger is the project's record
// of how its estimates fared. The store keeps the events (Store::AddPlanEvents); app/plan
// folds them into the ledger and the outlook.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace foresight::core {

enum class PlanEventKind {
  kEstimated,  // the charter's three-point estimate of a method, first seen or changed
  kRemoved,    // the method is no longer in the charter
  kStarted,
  kLogged,  // effort spent, in person-weeks, by a role
  kFinished,
  kDropped,
};

struct PlanEvent {
  int64_t id = 0;      // set by the store, in the order events were added
  std::string method;  // the method's name in the charter
  PlanEventKind kind = PlanEventKind::kEstimated;
  std::string on;  // the day it happened, YYYY-MM-DD (as the user says; default today)
  // kEstimated: the estimate, person-weeks, and the role that does the work ("" if unsaid).
  std::optional<double> optimistic;
  std::optional<double> likely;
  std::optional<double> pessimistic;
  std::string role;              // kEstimated: the method's role; kLogged: who spent the effort
  std::optional<double> effort;  // kLogged: person-weeks
  std::string note;
  std::string recorded_at;  // ISO 8601 UTC, when it was written
};

}  // namespace foresight::core

// ---------------------------------------------------------------------------------------
// What `foresight plan` shows: the ledger folded per method.

namespace foresight::core {

// How good the team's estimates have been (plan/accuracy.hpp's LearnedAccuracy, for the
// renderers).
struct EstimateAccuracy {
  enum class Source { kPrior, kTeam, kRole };
  Source source = Source::kPrior;
  std::string role;          // kRole: whose record; else empty
  size_t methods = 0;        // finished methods it was learned from
  double median_factor = 1;  // the typical actual / estimate
  double factor_low = 1;     // 80% of methods between these factors
  double factor_high = 1;
};

struct EstimateChange {
  std::string on;
  double from_mean = 0;  // PERT means, person-weeks
  double to_mean = 0;
};

enum class LedgerStatus { kPlanned, kRunning, kDone, kDropped, kRemoved };

// The status as the ledger and its JSON spell it: "planned", "running", "finished",
// "dropped", "removed".
inline std::string_view LedgerStatusName(LedgerStatus s) {
  switch (s) {
    case LedgerStatus::kPlanned:
      return "planned";
    case LedgerStatus::kRunning:
      return "running";
    case LedgerStatus::kDone:
      return "finished";
    case LedgerStatus::kDropped:
      return "dropped";
    case LedgerStatus::kRemoved:
      return "removed";
  }
  return "planned";
}

struct LedgerMethod {
  std::string name;
  std::string role;
  LedgerStatus status = LedgerStatus::kPlanned;
  std::optional<double> optimistic;  // the charter's estimate now (person-weeks)
  std::optional<double> likely;
  std::optional<double> pessimistic;
  std::optional<double> estimate_mean;  // its PERT mean
  // The PERT mean it was started with (what its actual effort is judged against).
  std::optional<double> started_mean;
  std::vector<EstimateChange> changes;
  std::string started_on;
  std::string finished_on;  // done or dropped
  double logged = 0;        // person-weeks logged with `plan log`
  double from_runs = 0;     // person-weeks recorded on its runs (hours / 40)
  size_t runs = 0;
  double Actual() const { return logged + from_runs; }
  std::optional<double> ratio;  // done: actual / started_mean
  // Still to do: the expected remaining effort, its estimate scaled by the team's accuracy,
  // less what is spent (person-weeks).
  std::optional<double> remaining;
};

struct EffortCell {
  std::string role;
  int64_t week = 0;  // counting from the project's start
  double person_weeks = 0;
};

struct PlanLedger {
  std::string start;           // the project's week 0 (YYYY-MM-DD)
  bool start_assumed = false;  // no project.start: the first event's day (or today)
  std::string today;
  int64_t today_week = 0;
  std::vector<LedgerMethod> methods;       // the charter's order, then removed methods
  std::vector<EffortCell> effort;          // by role, then week
  double spent = 0;                        // person-weeks, all methods
  double remaining = 0;                    // expected, methods still to do
  std::optional<double> budget;            // plan.budget_person_weeks
  std::vector<EstimateAccuracy> accuracy;  // the team's, then each role's with enough record
  size_t events = 0;
  // Estimates this call recorded as new or changed (method names).
  std::vector<std::string> recorded;
};

// What `plan start|log|finish|drop` did: the event as stored, and the ledger after it.
struct RecordedPlanEvent {
  PlanEvent event;
  PlanLedger ledger;
};

// ---------------------------------------------------------------------------------------
// What `foresight plan outlook` answers.

struct OutlookDate {
  std::string label;  // "deadline", or the milestone's goal
  std::string date;   // YYYY-MM-DD
  double week = 0;
  double p_met = 0;    // the criterion met by then
  double p_ended = 0;  // the search over by then (criterion met, or every method done)
  double p_met_se = 0;
};

struct OutlookMethod {
  std::string name;
  std::string role;
  double remaining_mean = 0;     // person-weeks still to spend, PERT mean x accuracy
  std::optional<double> chance;  // of reaching the criterion at the planned data
  std::string chance_from;       // the runs' method name whose curve gave it
  double training_size = 0;      // the data the chance is for
  EstimateAccuracy accuracy;
};

struct OutlookPoint {
  double week = 0;
  double p_met = 0;
  double p_ended = 0;
};

struct RoleWeekUse {
  int64_t week = 0;
  double available = 0;
  double busy = 0;
  double waiting = 0;
};

struct RoleUse {
  std::string role;
  std::vector<RoleWeekUse> weeks;  // from now to the horizon
  double available = 0;            // person-weeks present from now on
  double busy = 0;                 // person-weeks worked, on average
  double waiting = 0;              // person-weeks of ready work that found nobody, on average
  // The first week it is present but has under a tenth of its time used, through to the
  // week its use first reaches that: who need not be billed yet.
  std::optional<int64_t> idle_from;
  std::optional<int64_t> idle_until;
};

enum class OutlookLever { kEffort, kStartWeek, kHeadCount, kData };

struct OutlookSensitivity {
  OutlookLever kind = OutlookLever::kEffort;
  std::string subject;  // the method or role
  double base_value = 0;
  double low_value = 0;
  double high_value = 0;
  double p_low = 0;
  double p_high = 0;
  double swing = 0;
};

struct PlanOutlook {
  std::string start;
  bool start_assumed = false;
  std::string today;
  double now_week = 0;
  int64_t horizon_week = 0;
  uint64_t seed = 0;
  size_t futures = 0;
  std::string metric;  // the success criterion
  std::optional<double> threshold;
  bool higher_is_better = true;
  bool criterion_known = false;          // some method has a learning curve to judge its chance by
  std::string already_met_by;            // a method whose runs already meet the criterion
  std::vector<OutlookMethod> methods;    // still to do
  std::vector<std::string> unestimated;  // still to do, but with no estimate: left out
  size_t methods_done = 0;
  std::vector<OutlookDate> dates;  // milestones, then the deadline
  // The search's end (weeks from the start; +inf when beyond the team's last week).
  double end_p50 = 0;
  double end_p80 = 0;
  double end_p95 = 0;
  double never_ends = 0;   // share of futures in which the work is not done by the horizon
  double success_p50 = 0;  // when the criterion is met (+inf: not in half the futures)
  double cost_spent = 0;   // person-weeks already spent
  double cost_mean = 0;    // person-weeks still to spend, on average
  double cost_p80 = 0;
  std::optional<double> budget;
  double p_within_budget = 0;
  double rework_probability = 0;
  double rework_cost = 0;
  std::vector<OutlookPoint> curve;  // per week, now to the horizon
  std::vector<RoleUse> roles;
  // The tornado, for the outcome by `sensitivity_week` (the deadline, else the median end).
  bool sensitivity_on_criterion = true;
  std::string sensitivity_date;
  double sensitivity_week = 0;
  double sensitivity_base = 0;
  size_t sensitivity_futures = 0;
  std::vector<OutlookSensitivity> sensitivity;
};

}  // namespace foresight::core
