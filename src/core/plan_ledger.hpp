// The plan ledger: what happened to each method of the charter's plan, as events.
//
// Append-only: an event is never changed or deleted, so the ledger is the project's record
// of how its estimates fared. The store keeps the events (Store::AddPlanEvents); app/plan
// folds them into the ledger and the outlook.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

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
