#include "app/plan.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "app/check.hpp"
#include "app/criteria.hpp"
#include "app/forecast.hpp"
#include "base/dates.hpp"
#include "base/strings.hpp"
#include "plan/accuracy.hpp"
#include "plan/sensitivity.hpp"
#include "plan/simulate.hpp"
#include "stats/distributions.hpp"
#include "stats/pert.hpp"

namespace foresight::app {
// The helpers live in a namespace of their own: in a unity build, other files' helpers share
// this translation unit.
namespace plan_uc {
namespace {

using core::LedgerStatus;
using core::PlanEventKind;

constexpr double kMaxLoggedEffort = 1000;  // person-weeks in one entry
constexpr double kIdleUse = 0.1;           // below this share of their time, people are idle
constexpr double kDaysPerWeek = 7;

std::string RoleName(core::Role role) { return std::string(core::NameOf(role)); }

size_t RoleIndex(core::Role role) {
  const auto entries = core::EnumEntries<core::Role>();
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].value == role) return i;
  }
  return 0;
}

core::Role RoleAt(size_t index) { return core::EnumEntries<core::Role>()[index].value; }

std::string Today(const Clock& clock) { return clock.NowIso8601().substr(0, 10); }

// The charter's estimate of a method, when it has a likely value.
std::optional<stats::ThreePoint> EstimateOf(const core::Method& m) {
  if (!m.effort.likely.has()) return std::nullopt;
  const double likely = *m.effort.likely;
  return stats::ThreePoint{m.effort.optimistic.value_or(likely), likely,
                           m.effort.pessimistic.value_or(likely)};
}

core::Role MethodRole(const core::Method& m) { return m.role.value_or(kDefaultMethodRole); }

// The ledger's events folded per method.
struct MethodState {
  std::optional<stats::ThreePoint> estimate;  // the last recorded
  std::string role;
  std::optional<stats::ThreePoint> started_with;
  std::vector<core::EstimateChange> changes;
  bool removed = false;
  LedgerStatus status = LedgerStatus::kPlanned;
  bool has_status_event = false;
  std::string started_on;
  std::string finished_on;
  double logged = 0;
};

struct Folded {
  std::map<std::string, MethodState> methods;
  std::vector<std::string> order;  // first appearance
  std::string first_day;           // the earliest day of any event
};

Folded Fold(const std::vector<core::PlanEvent>& events) {
  Folded f;
  for (const core::PlanEvent& e : events) {
    auto [it, fresh] = f.methods.try_emplace(e.method);
    if (fresh) f.order.push_back(e.method);
    MethodState& s = it->second;
    if (!e.on.empty() && (f.first_day.empty() || e.on < f.first_day)) f.first_day = e.on;
    switch (e.kind) {
      case PlanEventKind::kEstimated: {
        const stats::ThreePoint est{e.optimistic.value_or(e.likely.value_or(0)),
                                    e.likely.value_or(0),
                                    e.pessimistic.value_or(e.likely.value_or(0))};
        if (s.estimate) {
          s.changes.push_back({e.on, stats::PertMean(*s.estimate), stats::PertMean(est)});
        }
        s.estimate = est;
        s.role = e.role;
        s.removed = false;
        break;
      }
      case PlanEventKind::kRemoved:
        s.removed = true;
        break;
      case PlanEventKind::kStarted:
        s.status = LedgerStatus::kRunning;
        s.has_status_event = true;
        s.started_on = e.on;
        s.started_with = s.estimate;
        break;
      case PlanEventKind::kLogged:
        s.logged += e.effort.value_or(0);
        break;
      case PlanEventKind::kFinished:
        s.status = LedgerStatus::kDone;
        s.has_status_event = true;
        s.finished_on = e.on;
        if (!s.started_with) s.started_with = s.estimate;
        break;
      case PlanEventKind::kDropped:
        s.status = LedgerStatus::kDropped;
        s.has_status_event = true;
        s.finished_on = e.on;
        break;
    }
  }
  return f;
}

bool SameEstimate(const stats::ThreePoint& a, const stats::ThreePoint& b) {
  const auto same = [](double x, double y) { return std::abs(x - y) <= 1e-9 * (1 + std::abs(x)); };
  return same(a.optimistic, b.optimistic) && same(a.likely, b.likely) &&
         same(a.pessimistic, b.pessimistic);
}

// The events that bring the ledger up to date with the charter.
std::vector<core::PlanEvent> EstimateEvents(const Folded& folded, const core::Charter& charter,
                                            const std::string& today, const std::string& now) {
  std::vector<core::PlanEvent> out;
  std::set<std::string> in_charter;
  for (const core::Method& m : charter.plan.methods) {
    if (!m.name.has()) continue;
    in_charter.insert(*m.name);
    const std::optional<stats::ThreePoint> est = EstimateOf(m);
    if (!est) continue;
    const std::string role = RoleName(MethodRole(m));
    const auto it = folded.methods.find(*m.name);
    if (it != folded.methods.end() && it->second.estimate && !it->second.removed &&
        SameEstimate(*it->second.estimate, *est) && it->second.role == role) {
      continue;
    }
    core::PlanEvent e;
    e.method = *m.name;
    e.kind = PlanEventKind::kEstimated;
    e.on = today;
    e.optimistic = est->optimistic;
    e.likely = est->likely;
    e.pessimistic = est->pessimistic;
    e.role = role;
    e.recorded_at = now;
    out.push_back(std::move(e));
  }
  for (const std::string& name : folded.order) {
    const MethodState& s = folded.methods.at(name);
    if (in_charter.count(name) != 0 || s.removed || !s.estimate) continue;
    core::PlanEvent e;
    e.method = name;
    e.kind = PlanEventKind::kRemoved;
    e.on = today;
    e.recorded_at = now;
    out.push_back(std::move(e));
  }
  return out;
}

// The ledger's events, brought up to date with the charter (and stored, when the store can
// be written). `recorded` receives the methods whose estimate was recorded.
Result<std::vector<core::PlanEvent>> SyncedEvents(store::Store& store, const core::Charter& charter,
                                                  const Clock& clock,
                                                  std::vector<std::string>& recorded) {
  auto events = store.ListPlanEvents();
  if (!events) return Fail(events.error());
  std::vector<core::PlanEvent> fresh =
      EstimateEvents(Fold(*events), charter, Today(clock), clock.NowIso8601());
  if (fresh.empty()) return std::move(*events);
  if (!store.ReadOnly()) {
    if (Status added = store.AddPlanEvents(fresh); !added) return Fail(added.error());
    for (const core::PlanEvent& e : fresh) {
      if (e.kind == PlanEventKind::kEstimated) recorded.push_back(e.method);
    }
    return store.ListPlanEvents();
  }
  events->insert(events->end(), fresh.begin(), fresh.end());
  return std::move(*events);
}

// Week 0 of the project: project.start, else the ledger's first day, else today.
struct Calendar {
  int64_t start_day = 0;
  bool assumed = false;
  int64_t today_day = 0;
  double Week(int64_t day) const { return static_cast<double>(day - start_day) / kDaysPerWeek; }
  int64_t WholeWeek(int64_t day) const { return static_cast<int64_t>(std::floor(Week(day))); }
};

Calendar CalendarOf(const core::Charter& charter, const Folded& folded, const Clock& clock) {
  Calendar c;
  c.today_day = ParseDay(Today(clock)).value_or(0);
  if (charter.project.start.has()) {
    const core::Date& d = *charter.project.start;
    c.start_day = DayNumber(d.year, d.month, d.day);
  } else {
    c.assumed = true;
    c.start_day = ParseDay(folded.first_day).value_or(c.today_day);
  }
  return c;
}

// The runs' method name of a charter method.
std::string RunsMethod(const core::Method& m) {
  if (m.run_method.has()) return *m.run_method;
  return m.name.value_or("");
}

const core::Method* FindMethod(const core::Charter& charter, std::string_view name) {
  for (const core::Method& m : charter.plan.methods) {
    if (m.name.has() && *m.name == name) return &m;
  }
  return nullptr;
}

core::EstimateAccuracy ToCore(const plan::LearnedAccuracy& a, const std::string& role) {
  core::EstimateAccuracy out;
  switch (a.source) {
    case plan::AccuracySource::kPrior:
      out.source = core::EstimateAccuracy::Source::kPrior;
      break;
    case plan::AccuracySource::kTeam:
      out.source = core::EstimateAccuracy::Source::kTeam;
      break;
    case plan::AccuracySource::kRole:
      out.source = core::EstimateAccuracy::Source::kRole;
      out.role = role;
      break;
  }
  out.methods = a.methods;
  out.median_factor = a.median_factor;
  out.factor_low = a.factor_low;
  out.factor_high = a.factor_high;
  return out;
}

double MeanFactor(const plan::Accuracy& a) {
  return std::exp(a.log_mean + a.log_sd * a.log_sd / 2);
}

// Everything the ledger and the outlook need, folded once.
struct Built {
  core::PlanLedger ledger;
  Calendar calendar;
  std::vector<plan::Finished> record;
  std::vector<core::RunInfo> runs;
};

Result<Built> Build(store::Store& store, const core::Charter& charter, const Clock& clock) {
  Built b;
  auto events = SyncedEvents(store, charter, clock, b.ledger.recorded);
  if (!events) return Fail(events.error());
  const Folded folded = Fold(*events);
  b.calendar = CalendarOf(charter, folded, clock);
  auto runs = store.ListRuns();
  if (!runs) return Fail(runs.error());
  b.runs = std::move(*runs);
  core::PlanLedger& l = b.ledger;
  l.events = events->size();
  l.start = FormatDay(b.calendar.start_day);
  l.start_assumed = b.calendar.assumed;
  l.today = FormatDay(b.calendar.today_day);
  l.today_week = b.calendar.WholeWeek(b.calendar.today_day);
  if (charter.plan.budget_person_weeks.has()) l.budget = *charter.plan.budget_person_weeks;

  std::map<std::pair<std::string, int64_t>, double> cells;
  // Methods in the charter's order, then those the charter no longer has.
  std::vector<std::string> names;
  for (const core::Method& m : charter.plan.methods) {
    if (m.name.has() && std::find(names.begin(), names.end(), *m.name) == names.end()) {
      names.push_back(*m.name);
    }
  }
  for (const std::string& name : folded.order) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  for (const std::string& name : names) {
    core::LedgerMethod row;
    row.name = name;
    const core::Method* m = FindMethod(charter, name);
    const auto it = folded.methods.find(name);
    const MethodState* s = it == folded.methods.end() ? nullptr : &it->second;
    row.role = m != nullptr ? RoleName(MethodRole(*m)) : (s != nullptr ? s->role : "");
    std::optional<stats::ThreePoint> est = m != nullptr ? EstimateOf(*m) : std::nullopt;
    if (!est && s != nullptr) est = s->estimate;
    if (est) {
      row.optimistic = est->optimistic;
      row.likely = est->likely;
      row.pessimistic = est->pessimistic;
      row.estimate_mean = stats::PertMean(*est);
    }
    if (s != nullptr) {
      row.changes = s->changes;
      row.started_on = s->started_on;
      row.finished_on = s->finished_on;
      row.logged = s->logged;
      if (s->started_with) row.started_mean = stats::PertMean(*s->started_with);
      row.status = s->status;
    }
    if ((s == nullptr || !s->has_status_event) && m != nullptr && m->status.has()) {
      switch (*m->status) {
        case core::MethodStatus::kPlanned:
          row.status = LedgerStatus::kPlanned;
          break;
        case core::MethodStatus::kRunning:
          row.status = LedgerStatus::kRunning;
          break;
        case core::MethodStatus::kDone:
          row.status = LedgerStatus::kDone;
          break;
        case core::MethodStatus::kDropped:
          row.status = LedgerStatus::kDropped;
          break;
      }
    }
    if (m == nullptr && s != nullptr && s->removed && row.status != LedgerStatus::kDone &&
        row.status != LedgerStatus::kDropped) {
      row.status = LedgerStatus::kRemoved;
    }
    if (!row.started_mean && row.status == LedgerStatus::kDone) {
      row.started_mean = row.estimate_mean;
    }
    // Effort: what was logged (by role and week), and what its runs record.
    for (const core::PlanEvent& e : *events) {
      if (e.method != name || e.kind != PlanEventKind::kLogged || !e.effort) continue;
      const std::optional<int64_t> day = ParseDay(e.on);
      cells[{e.role.empty() ? row.role : e.role, b.calendar.WholeWeek(day.value_or(0))}] +=
          *e.effort;
    }
    const std::string runs_method = m != nullptr ? RunsMethod(*m) : name;
    for (const core::RunInfo& run : b.runs) {
      if (run.method != runs_method) continue;
      ++row.runs;
      if (!run.effort_hours) continue;
      const double weeks = *run.effort_hours / kHoursPerPersonWeek;
      row.from_runs += weeks;
      const std::optional<int64_t> day = ParseDay(run.created_at.substr(0, 10));
      cells[{row.role, b.calendar.WholeWeek(day.value_or(b.calendar.today_day))}] += weeks;
    }
    if (row.status == LedgerStatus::kDone && row.started_mean && *row.started_mean > 0 &&
        row.Actual() > 0) {
      row.ratio = row.Actual() / *row.started_mean;
      const std::optional<core::Role> role = core::EnumFromName<core::Role>(row.role);
      const stats::ThreePoint started = s != nullptr && s->started_with ? *s->started_with : *est;
      b.record.push_back(
          plan::Finished{RoleIndex(role.value_or(kDefaultMethodRole)), started, row.Actual()});
    }
    l.spent += row.Actual();
    l.methods.push_back(std::move(row));
  }
  for (const auto& [key, weeks] : cells) l.effort.push_back({key.first, key.second, weeks});

  // The team's accuracy, then each role's with a record of its own.
  l.accuracy.push_back(ToCore(plan::LearnAccuracy(b.record, std::nullopt), ""));
  for (size_t r = 0; r < core::EnumEntries<core::Role>().size(); ++r) {
    const plan::LearnedAccuracy a = plan::LearnAccuracy(b.record, r);
    if (a.source == plan::AccuracySource::kRole) {
      l.accuracy.push_back(ToCore(a, RoleName(RoleAt(r))));
    }
  }
  for (core::LedgerMethod& row : l.methods) {
    if (row.status != LedgerStatus::kPlanned && row.status != LedgerStatus::kRunning) continue;
    if (!row.estimate_mean) continue;
    const auto role = core::EnumFromName<core::Role>(row.role).value_or(kDefaultMethodRole);
    const double factor = MeanFactor(plan::LearnAccuracy(b.record, RoleIndex(role)).accuracy);
    row.remaining = std::max(0.0, *row.estimate_mean * factor - row.Actual());
    l.remaining += *row.remaining;
  }
  return b;
}

Status CheckEvent(const core::PlanLedger& ledger, const core::Charter& charter,
                  const PlanEventInput& in, const std::string& on, int64_t today_day) {
  if (FindMethod(charter, in.method) == nullptr) {
    std::vector<std::string> known;
    std::string closest;
    size_t best = 0;
    for (const core::Method& m : charter.plan.methods) {
      if (!m.name.has()) continue;
      known.push_back("'" + *m.name + "'");
      const size_t d = EditDistance(*m.name, in.method);
      if (closest.empty() || d < best) {
        closest = *m.name;
        best = d;
      }
    }
    if (known.empty()) {
      return Fail(ErrorCode::kNotFound,
                  fmt::format("the charter's plan has no methods, so '{}' cannot be followed: "
                              "add it to plan.methods",
                              in.method));
    }
    const std::string hint = !closest.empty() && best <= std::max<size_t>(2, in.method.size() / 3)
                                 ? fmt::format("did you mean '{}'? ", closest)
                                 : "";
    return Fail(ErrorCode::kNotFound,
                fmt::format("the charter's plan has no method '{}'; {}its methods are {}",
                            in.method, hint, fmt::join(known, ", ")));
  }
  const std::optional<int64_t> day = ParseDay(on);
  if (!day) {
    return Fail(
        ErrorCode::kInvalidArgument,
        fmt::format("{} must be a calendar date written YYYY-MM-DD, not '{}'", FieldRef("on"), on));
  }
  if (*day > today_day) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} is {}, which is after today ({}): the ledger records what has "
                            "happened",
                            FieldRef("on"), on, FormatDay(today_day)));
  }
  const core::LedgerMethod* row = nullptr;
  for (const core::LedgerMethod& m : ledger.methods) {
    if (m.name == in.method) row = &m;
  }
  const LedgerStatus status = row != nullptr ? row->status : LedgerStatus::kPlanned;
  const auto refuse = [&](const std::string& why) {
    return Fail(ErrorCode::kFailedPrecondition, fmt::format("method '{}' {}", in.method, why));
  };
  const std::string when =
      row != nullptr && !row->finished_on.empty() ? " on " + row->finished_on : "";
  switch (in.kind) {
    case PlanEventKind::kStarted:
      if (status == LedgerStatus::kRunning) {
        return refuse(fmt::format(
            "was already started{}",
            row != nullptr && !row->started_on.empty() ? " on " + row->started_on : ""));
      }
      if (status == LedgerStatus::kDone || status == LedgerStatus::kDropped) {
        return refuse(
            fmt::format("is already {}{}; add a new method to plan.methods to try it "
                        "again",
                        core::LedgerStatusName(status), when));
      }
      break;
    case PlanEventKind::kLogged:
      if (!in.role.empty() && !core::EnumFromName<core::Role>(in.role)) {
        std::vector<std::string> roles;
        for (const auto& entry : core::EnumEntries<core::Role>()) roles.emplace_back(entry.name);
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("{} must be one of {}, not '{}'", FieldRef("role"),
                                fmt::join(roles, ", "), in.role));
      }
      if (!in.effort || !std::isfinite(*in.effort) || *in.effort <= 0 ||
          *in.effort > kMaxLoggedEffort) {
        return Fail(ErrorCode::kInvalidArgument,
                    fmt::format("{} must be a number of person-weeks above 0 and at most {}",
                                FieldRef("effort"), kMaxLoggedEffort));
      }
      break;
    case PlanEventKind::kFinished:
    case PlanEventKind::kDropped:
      if (status == LedgerStatus::kDone || status == LedgerStatus::kDropped) {
        return refuse(fmt::format("is already {}{}", core::LedgerStatusName(status), when));
      }
      break;
    case PlanEventKind::kEstimated:
    case PlanEventKind::kRemoved:
      return Fail(ErrorCode::kInvalidArgument,
                  "estimates are recorded from the charter, not by hand");
  }
  return {};
}

}  // namespace

Result<core::PlanLedger> ReadLedger(store::Store& store, const core::Charter& charter,
                                    const Clock& clock) {
  auto built = Build(store, charter, clock);
  if (!built) return Fail(built.error());
  return std::move(built->ledger);
}

Result<core::RecordedPlanEvent> Record(store::Store& store, const core::Charter& charter,
                                       const PlanEventInput& event, const Clock& clock) {
  auto built = Build(store, charter, clock);
  if (!built) return Fail(built.error());
  const std::string on = event.on.value_or(FormatDay(built->calendar.today_day));
  if (Status ok = CheckEvent(built->ledger, charter, event, on, built->calendar.today_day); !ok) {
    return Fail(ok.error());
  }
  core::PlanEvent e;
  e.method = event.method;
  e.kind = event.kind;
  e.on = on;
  e.note = event.note;
  e.recorded_at = clock.NowIso8601();
  if (event.kind == PlanEventKind::kLogged) {
    e.effort = event.effort;
    const core::Method* m = FindMethod(charter, event.method);
    e.role = event.role.empty() ? RoleName(MethodRole(*m)) : event.role;
  }
  if (Status added = store.AddPlanEvents({e}); !added) return Fail(added.error());
  std::vector<std::string> recorded = std::move(built->ledger.recorded);
  auto after = ReadLedger(store, charter, clock);
  if (!after) return Fail(after.error());
  after->recorded = std::move(recorded);
  return core::RecordedPlanEvent{std::move(e), std::move(*after)};
}

namespace {

// A method's chance of reaching the criterion with the data the plan expects, from the
// learning curve of its runs: the forecast's value at that size, read as a normal with the
// forecast band's spread.
struct Chance {
  double at = 0;  // the training size
  double p = 0;
  double p_half = 0;
  double p_twice = 0;
  bool already_met = false;
};

double ProbabilityAtLeast(const core::ForecastBand& band, double confidence, double threshold,
                          bool higher_is_better) {
  const double z = stats::NormalQuantile(0.5 + confidence / 2);
  const double sd = (band.upper - band.lower) / (2 * z);
  const double gap = higher_is_better ? band.estimate - threshold : threshold - band.estimate;
  if (!std::isfinite(sd) || !(sd > 0)) return gap >= 0 ? 1.0 : 0.0;
  return stats::NormalCdf(gap / sd);
}

std::optional<Chance> ChanceOf(store::Store& store, const std::vector<core::RunInfo>& runs,
                               const std::string& runs_method, const Criteria& criteria,
                               const core::Charter& charter, const EvidenceOptions& evidence) {
  if (criteria.metric.empty() || !criteria.threshold) return std::nullopt;
  // The evaluation set with the most training sizes of this method's runs.
  std::map<std::string, std::set<int64_t>> sizes;
  for (const core::RunInfo& r : runs) {
    if (r.method == runs_method && r.train_size) sizes[r.evalset].insert(*r.train_size);
  }
  const std::pair<const std::string, std::set<int64_t>>* best = nullptr;
  for (const auto& entry : sizes) {
    if (best == nullptr || entry.second.size() > best->second.size()) best = &entry;
  }
  if (best == nullptr || best->second.size() < kMinCurveSizes) {
    return std::nullopt;
  }
  const auto largest = static_cast<double>(*best->second.rbegin());
  const double at =
      charter.plan.training_size.has() ? static_cast<double>(*charter.plan.training_size) : largest;
  ForecastSettings settings;
  settings.at = {at / 2, at, at * 2};
  settings.target = criteria.threshold;
  CurveRuns which;
  which.evalset = best->first;
  auto outcome =
      ForecastFromMethod(store, runs_method, criteria.metric, which, settings, evidence, criteria);
  if (!outcome || !outcome->forecast || outcome->forecast->predictions.size() != 3) {
    return std::nullopt;
  }
  const core::Forecast& f = *outcome->forecast;
  Chance c;
  c.at = at;
  const auto p = [&](size_t i) {
    return ProbabilityAtLeast(f.predictions[i].value, f.band, *criteria.threshold,
                              f.higher_is_better);
  };
  c.p_half = p(0);
  c.p = p(1);
  c.p_twice = p(2);
  c.already_met = f.target && f.target->already_met;
  return c;
}

core::OutlookLever ToCore(plan::LeverKind k) {
  switch (k) {
    case plan::LeverKind::kEffort:
      return core::OutlookLever::kEffort;
    case plan::LeverKind::kStartWeek:
      return core::OutlookLever::kStartWeek;
    case plan::LeverKind::kHeadCount:
      return core::OutlookLever::kHeadCount;
    case plan::LeverKind::kData:
      return core::OutlookLever::kData;
  }
  return core::OutlookLever::kEffort;
}

}  // namespace

Result<core::PlanOutlook> Outlook(store::Store& store, const core::Charter& charter,
                                  std::string_view charter_text, const Clock& clock,
                                  const OutlookOptions& options) {
  auto built = Build(store, charter, clock);
  if (!built) return Fail(built.error());
  const core::PlanLedger& ledger = built->ledger;
  const Calendar& cal = built->calendar;
  core::PlanOutlook out;
  out.start = ledger.start;
  out.start_assumed = ledger.start_assumed;
  out.today = ledger.today;
  out.now_week = cal.Week(cal.today_day);
  out.seed = options.seed;
  out.futures = options.futures;
  out.budget = ledger.budget;
  out.cost_spent = ledger.spent;
  out.rework_probability = charter.plan.rework.probability.value_or(kDefaultReworkProbability);
  out.rework_cost = charter.plan.rework.cost.value_or(kDefaultReworkCost);

  plan::Model model;
  model.roles = core::EnumEntries<core::Role>().size();
  model.now_week = static_cast<int>(std::floor(out.now_week));
  int horizon = model.now_week;
  for (const core::TeamMember& t : charter.team) {
    if (!t.role.has()) continue;
    plan::Staff s;
    s.role = RoleIndex(*t.role);
    s.count = t.count.value_or(1);
    s.from_week = static_cast<int>(t.from_week.value_or(0));
    s.to_week = static_cast<int>(t.to_week.value_or(0));
    if (!t.to_week.has()) s.to_week = -1;  // until the plan's horizon, set below
    model.staff.push_back(s);
    horizon = std::max(horizon, s.to_week);
  }
  if (model.staff.empty()) {
    return Fail(ErrorCode::kFailedPrecondition,
                "the charter's team is empty, so nobody can do the plan's work: list the "
                "people in `team` (docs/charter.md) to see an outlook");
  }
  const bool open_ended = std::any_of(model.staff.begin(), model.staff.end(),
                                      [](const plan::Staff& s) { return s.to_week < 0; });
  if (!open_ended && horizon <= model.now_week) {
    return Fail(
        ErrorCode::kFailedPrecondition,
        fmt::format("the team's last week (week {}, {}) is before today (week {}): nobody "
                    "is left to do the work; extend team[].to_week to see an outlook",
                    horizon, FormatDay(cal.start_day + int64_t{7} * horizon), model.now_week));
  }
  // Nobody's last week said: the plan runs two years from now at most.
  constexpr int kOpenEndedWeeks = 104;
  for (plan::Staff& s : model.staff) {
    if (s.to_week < 0) {
      s.to_week = std::max(horizon, model.now_week + kOpenEndedWeeks);
      horizon = std::max(horizon, s.to_week);
    }
  }
  // A team listed for longer than a century is simulated for a century.
  model.horizon_week =
      std::min(std::max(horizon, model.now_week + 1), model.now_week + plan::kMaxWeeks);
  out.horizon_week = model.horizon_week;

  // The accuracy of each role's estimates, one entry per role.
  model.accuracy.clear();
  std::vector<core::EstimateAccuracy> accuracy_of(model.roles);
  for (size_t r = 0; r < model.roles; ++r) {
    const plan::LearnedAccuracy a = plan::LearnAccuracy(built->record, r);
    model.accuracy.push_back(a.accuracy);
    accuracy_of[r] = ToCore(a, RoleName(RoleAt(r)));
  }

  const Criteria criteria = CriteriaOf(charter, charter_text);
  out.metric = criteria.metric;
  out.threshold = criteria.threshold;
  EvidenceOptions evidence = options.evidence;
  evidence.resamples = kCurveResamples;

  std::map<std::string, size_t> index;  // method name -> work index
  std::vector<const core::Method*> methods;
  plan::DataChances data;
  for (const core::LedgerMethod& row : ledger.methods) {
    if (row.status == LedgerStatus::kDone) ++out.methods_done;
    const core::Method* m = FindMethod(charter, row.name);
    if (m == nullptr) continue;
    // A method whose runs already meet the criterion settles it, whatever its status.
    const std::optional<Chance> chance =
        ChanceOf(store, built->runs, RunsMethod(*m), criteria, charter, evidence);
    if (chance && chance->already_met && out.already_met_by.empty()) {
      out.already_met_by = row.name;
    }
    if (row.status != LedgerStatus::kPlanned && row.status != LedgerStatus::kRunning) continue;
    const std::optional<stats::ThreePoint> est = EstimateOf(*m);
    if (!est) {
      out.unestimated.push_back(row.name);
      continue;
    }
    plan::Work w;
    const core::Role role = MethodRole(*m);
    w.role = RoleIndex(role);
    w.effort = *est;
    w.spent = row.Actual();
    w.rework_probability = out.rework_probability;
    w.rework_cost = out.rework_cost;
    w.accuracy = w.role;
    if (m->stage.has()) {
      for (const core::Stage& st : charter.plan.stages) {
        if (!st.name.has() || *st.name != *m->stage) continue;
        w.earliest_week = static_cast<int>(st.start_week.value_or(0));
        for (const auto& need : st.needs) {
          if (need.has()) w.needs.push_back(RoleIndex(*need));
        }
      }
    }
    core::OutlookMethod om;
    om.name = row.name;
    om.role = RoleName(role);
    om.accuracy = accuracy_of[w.role];
    om.remaining_mean = row.remaining.value_or(0);
    if (chance) {
      w.chance = chance->p;
      om.chance = chance->p;
      om.chance_from = RunsMethod(*m);
      om.training_size = chance->at;
      out.criterion_known = true;
    }
    data.half.push_back(chance ? chance->p_half : 0.0);
    data.twice.push_back(chance ? chance->p_twice : 0.0);
    index[row.name] = model.work.size();
    methods.push_back(m);
    model.work.push_back(std::move(w));
    out.methods.push_back(std::move(om));
  }
  // Dependencies among the methods still to do; one finished, dropped or unknown is no wait.
  for (size_t i = 0; i < methods.size(); ++i) {
    for (const auto& after : methods[i]->after) {
      if (!after.has()) continue;
      const auto it = index.find(*after);
      if (it != index.end() && it->second != i) model.work[i].after.push_back(it->second);
    }
  }
  if (model.work.empty()) {
    return Fail(ErrorCode::kFailedPrecondition,
                out.unestimated.empty()
                    ? "no method of the plan is still to do, so there is nothing to simulate: "
                      "add the next methods to plan.methods"
                    : "no method still to do has an estimate: give each an effort "
                      "(plan.methods[].effort) to see an outlook");
  }
  if (model.work.size() > kMaxOutlookMethods) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("the plan has {} methods still to do; the outlook simulates at most "
                            "{}: group small methods into larger ones in plan.methods",
                            model.work.size(), kMaxOutlookMethods));
  }
  if (!out.already_met_by.empty()) out.criterion_known = true;

  std::unique_ptr<Executor> owned;
  Executor& executor = ExecutorFor(options.evidence, owned);
  plan::Settings settings;
  settings.seed = options.seed;
  settings.futures = options.futures;
  auto simulated = plan::Simulate(model, settings, executor);
  if (!simulated) return Fail(simulated.error());
  const plan::Outlook& o = *simulated;
  const bool met = !out.already_met_by.empty();
  const auto p_met = [&](double week) { return met ? 1.0 : o.SuccessBy(week); };

  const auto add_date = [&](const std::string& label, const core::Date& d) {
    core::OutlookDate date;
    date.label = label;
    const int64_t day = DayNumber(d.year, d.month, d.day);
    date.date = FormatDay(day);
    date.week = cal.Week(day);
    date.p_met = p_met(date.week);
    date.p_met_se = met ? 0 : o.StandardError(date.p_met);
    date.p_ended = o.EndedBy(date.week);
    out.dates.push_back(std::move(date));
  };
  for (const core::Milestone& m : charter.plan.milestones) {
    if (m.date.has()) add_date(m.goal.value_or("milestone"), *m.date);
  }
  if (charter.plan.deadline.has()) add_date("deadline", *charter.plan.deadline);

  out.end_p50 = plan::Outlook::Quantile(o.end_weeks, 0.5);
  out.end_p80 = plan::Outlook::Quantile(o.end_weeks, 0.8);
  out.end_p95 = plan::Outlook::Quantile(o.end_weeks, 0.95);
  out.never_ends = 1 - o.EndedBy(static_cast<double>(model.horizon_week));
  out.success_p50 = met ? out.now_week : plan::Outlook::Quantile(o.success_weeks, 0.5);
  double total = 0;
  for (const double c : o.costs) total += c;
  out.cost_mean = total / static_cast<double>(o.futures);
  out.cost_p80 = plan::Outlook::Quantile(o.costs, 0.8);
  if (out.budget) {
    const double room = *out.budget - out.cost_spent;
    out.p_within_budget =
        static_cast<double>(std::upper_bound(o.costs.begin(), o.costs.end(), room) -
                            o.costs.begin()) /
        static_cast<double>(o.futures);
  }
  for (int w = model.now_week; w <= model.horizon_week; ++w) {
    const auto week = static_cast<double>(w);
    out.curve.push_back({week, p_met(week), o.EndedBy(week)});
  }
  // Staffing: the roles on the team or needed by the work.
  for (size_t r = 0; r < model.roles; ++r) {
    bool involved = false;
    for (const plan::Staff& s : model.staff) involved = involved || (s.role == r && s.count > 0);
    for (const plan::Work& w : model.work) {
      involved =
          involved || w.role == r || std::find(w.needs.begin(), w.needs.end(), r) != w.needs.end();
    }
    if (!involved) continue;
    core::RoleUse use;
    use.role = RoleName(RoleAt(r));
    bool idle_run = true;  // still in the idle stretch from its arrival
    for (size_t k = 0; k < o.staffing.size(); ++k) {
      const plan::RoleWeek& c = o.staffing[k][r];
      const int64_t week = model.now_week + static_cast<int64_t>(k);
      use.weeks.push_back({week, c.available, c.busy, c.waiting});
      use.available += c.available;
      use.busy += c.busy;
      use.waiting += c.waiting;
      if (c.available <= 0 || !idle_run) continue;
      if (c.busy < kIdleUse * c.available) {
        if (!use.idle_from) use.idle_from = week;
      } else {
        if (use.idle_from) use.idle_until = week;
        idle_run = false;
      }
    }
    if (use.idle_from && !use.idle_until && idle_run) use.idle_until = std::nullopt;
    out.roles.push_back(std::move(use));
  }
  // The tornado, on the criterion when some method's chance is known, else on the end.
  if (options.sensitivity_futures > 0) {
    out.sensitivity_on_criterion = out.criterion_known && !met;
    if (charter.plan.deadline.has()) {
      const core::Date& d = *charter.plan.deadline;
      const int64_t day = DayNumber(d.year, d.month, d.day);
      out.sensitivity_week = cal.Week(day);
      out.sensitivity_date = FormatDay(day);
    } else {
      const double week = std::isfinite(out.end_p50) ? std::ceil(out.end_p50)
                                                     : static_cast<double>(model.horizon_week);
      out.sensitivity_week = week;
      out.sensitivity_date = FormatDay(cal.start_day + static_cast<int64_t>(week * kDaysPerWeek));
    }
    plan::Settings s = settings;
    s.futures = options.sensitivity_futures;
    auto tornado = plan::Sensitivity(
        model, s, out.sensitivity_week, out.sensitivity_on_criterion,
        out.sensitivity_on_criterion ? std::optional<plan::DataChances>(data) : std::nullopt,
        executor);
    if (!tornado) return Fail(tornado.error());
    // The variants ran on fewer futures: their changes, on common random numbers, are
    // precise, but their level is the main simulation's, so the base is shown as the outlook
    // says it and each variant moved by its change.
    const double main_base = out.sensitivity_on_criterion ? o.SuccessBy(out.sensitivity_week)
                                                          : o.EndedBy(out.sensitivity_week);
    const double shift = main_base - tornado->base;
    out.sensitivity_base = main_base;
    out.sensitivity_futures = tornado->futures;
    for (const plan::Lever& l : tornado->levers) {
      core::OutlookSensitivity row;
      row.kind = ToCore(l.kind);
      if (l.kind == plan::LeverKind::kEffort) {
        row.subject = out.methods[l.subject].name;
      } else if (l.kind != plan::LeverKind::kData) {
        row.subject = RoleName(RoleAt(l.subject));
      }
      row.base_value = l.base_value;
      row.low_value = l.low_value;
      row.high_value = l.high_value;
      row.p_low = std::clamp(l.p_low + shift, 0.0, 1.0);
      row.p_high = std::clamp(l.p_high + shift, 0.0, 1.0);
      row.swing = l.swing;
      out.sensitivity.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace plan_uc

Result<core::CheckResult> ReadPlanCharter(const std::string& path) {
  auto check = CheckCharterFile(path);
  if (!check) return Fail(check.error());
  if (!check->readable || check->charter == nullptr) {
    return Fail(ErrorCode::kFailedPrecondition,
                fmt::format("the charter '{}' cannot be read, so its plan cannot be followed; "
                            "`foresight check {}` says why",
                            path, path));
  }
  return check;
}

Result<std::unique_ptr<Clock>> PlanClock(const std::optional<std::string>& day) {
  if (!day) return std::unique_ptr<Clock>(std::make_unique<SystemClock>());
  if (!ParseDay(*day)) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{} must be a calendar date written YYYY-MM-DD, not '{}'",
                            FieldRef("today"), *day));
  }
  return std::unique_ptr<Clock>(std::make_unique<FakeClock>(*day + "T00:00:00Z"));
}

Result<core::RecordedPlanEvent> RecordPlanEvent(store::Store& store, const core::Charter& charter,
                                                const PlanEventInput& event, const Clock& clock) {
  return plan_uc::Record(store, charter, event, clock);
}

Result<core::PlanLedger> ReadPlanLedger(store::Store& store, const core::Charter& charter,
                                        const Clock& clock) {
  return plan_uc::ReadLedger(store, charter, clock);
}

Result<core::PlanOutlook> BuildOutlook(store::Store& store, const core::Charter& charter,
                                       std::string_view charter_text, const Clock& clock,
                                       const OutlookOptions& options) {
  return plan_uc::Outlook(store, charter, charter_text, clock, options);
}

}  // namespace foresight::app
