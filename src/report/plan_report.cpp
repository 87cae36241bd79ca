#include "report/plan_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/dates.hpp"
#include "report/numbers.hpp"

namespace foresight::report {
// Named, not anonymous: other renderers' helpers share a unity build's translation unit.
namespace plan_text {
namespace {

using Json = nlohmann::ordered_json;

// Person-weeks: one decimal, none when whole ("5", "5.3").
std::string Weeks(double v) {
  if (!std::isfinite(v)) return "n/a";
  const double rounded = std::round(v * 10) / 10;
  return rounded == std::round(rounded) ? fmt::format("{:.0f}", rounded)
                                        : fmt::format("{:.1f}", rounded);
}

// A factor: "1.25x".
std::string Factor(double v) { return fmt::format("{:.2f}x", v); }

std::string Pct(double share) { return fmt::format("{}%", Percent(share)); }

// The date of a week from the start ("2027-03-15"), or "" for a week beyond any end.
std::string DateOfWeek(const std::string& start, double week) {
  const std::optional<int64_t> day = ParseDay(start);
  if (!day || !std::isfinite(week)) return "";
  return FormatDay(*day + static_cast<int64_t>(std::floor(week * 7)));
}

std::string WeekAndDate(const std::string& start, double week) {
  if (!std::isfinite(week)) return "never";
  return fmt::format("week {} ({})", static_cast<int64_t>(std::ceil(week - 1e-9)),
                     DateOfWeek(start, week));
}

std::string EventKindName(core::PlanEventKind k) {
  switch (k) {
    case core::PlanEventKind::kEstimated:
      return "estimated";
    case core::PlanEventKind::kRemoved:
      return "removed";
    case core::PlanEventKind::kStarted:
      return "started";
    case core::PlanEventKind::kLogged:
      return "logged";
    case core::PlanEventKind::kFinished:
      return "finished";
    case core::PlanEventKind::kDropped:
      return "dropped";
  }
  return "estimated";
}

std::string SourceName(core::EstimateAccuracy::Source s) {
  switch (s) {
    case core::EstimateAccuracy::Source::kPrior:
      return "prior";
    case core::EstimateAccuracy::Source::kTeam:
      return "team";
    case core::EstimateAccuracy::Source::kRole:
      return "role";
  }
  return "prior";
}

// How the estimates are scaled, in a sentence.
std::string AccuracySentence(const core::EstimateAccuracy& a) {
  if (a.source == core::EstimateAccuracy::Source::kPrior) {
    return fmt::format(
        "No record yet (fewer than 3 finished methods with effort), so estimates are scaled by "
        "a prior, not by this team's record: a typical factor of {} on the estimate, 80% of "
        "methods between {} and {}, from published overruns of software estimates "
        "(docs/plan.md).",
        Factor(a.median_factor), Factor(a.factor_low), Factor(a.factor_high));
  }
  const std::string whose =
      a.source == core::EstimateAccuracy::Source::kRole ? "the " + a.role + "'s" : "the team's";
  return fmt::format(
      "Learned from {} record of {}: work takes {} its estimate typically, and 80% of methods "
      "fall between {} and {}.",
      whose, Plural(a.methods, "finished method", "finished methods"), Factor(a.median_factor),
      Factor(a.factor_low), Factor(a.factor_high));
}

std::string EstimateText(const core::LedgerMethod& m) {
  if (!m.likely) return "none";
  if (*m.optimistic == *m.likely && *m.likely == *m.pessimistic) return Weeks(*m.likely);
  return fmt::format("{}/{}/{}", Weeks(*m.optimistic), Weeks(*m.likely), Weeks(*m.pessimistic));
}

Json AccuracyJson(const core::EstimateAccuracy& a) {
  Json j;
  j["source"] = SourceName(a.source);
  if (!a.role.empty()) j["role"] = a.role;
  j["methods"] = a.methods;
  j["median_factor"] = JsonNumber(a.median_factor);
  j["factor_p10"] = JsonNumber(a.factor_low);
  j["factor_p90"] = JsonNumber(a.factor_high);
  return j;
}

Json Optional(const std::optional<double>& v) { return v ? JsonNumber(*v) : Json(nullptr); }

// One lever in a sentence: the side that moves the outcome most (or, with `raising`, the side
// that raises it), then the other side in brackets.
std::string LeverSentence(const core::OutlookSensitivity& l, double base,
                          const std::string& outcome, bool raising = false) {
  const bool low =
      raising ? l.p_low >= l.p_high : std::abs(l.p_low - base) >= std::abs(l.p_high - base);
  const double p = low ? l.p_low : l.p_high;
  const double other = low ? l.p_high : l.p_low;
  const std::string change = fmt::format("{} {} from {} to {}", p >= base ? "raises" : "lowers",
                                         outcome, Pct(base), Pct(p));
  // The other side in brackets, unless it is no change at all (a role already here cannot
  // arrive earlier; a role nobody has cannot lose a person).
  const double other_value = low ? l.high_value : l.low_value;
  const auto bracket = [&](const std::string& text) {
    return other_value == l.base_value ? std::string() : fmt::format(" ({}: {})", text, Pct(other));
  };
  switch (l.kind) {
    case core::OutlookLever::kStartWeek:
      if (low) {
        return fmt::format("bringing the {} in at week {} instead of {} {}{}", l.subject,
                           Weeks(l.low_value), Weeks(l.base_value), change,
                           bracket("at week " + Weeks(l.high_value)));
      }
      return fmt::format("the {} arriving at week {} instead of {} {}{}", l.subject,
                         Weeks(l.high_value), Weeks(l.base_value), change,
                         bracket("at week " + Weeks(l.low_value)));
    case core::OutlookLever::kHeadCount:
      return fmt::format("one {} {} ({} instead of {}) {}{}", l.subject, low ? "fewer" : "more",
                         Weeks(low ? l.low_value : l.high_value), Weeks(l.base_value), change,
                         bracket(low ? "one more" : "one fewer"));
    case core::OutlookLever::kEffort:
      return fmt::format("'{}' taking its {} {} person-weeks (PERT mean {}) {} (at its {} {}: {})",
                         l.subject, low ? "optimistic" : "pessimistic",
                         Weeks(low ? l.low_value : l.high_value), Weeks(l.base_value), change,
                         low ? "pessimistic" : "optimistic",
                         Weeks(low ? l.high_value : l.low_value), Pct(other));
    case core::OutlookLever::kData:
      return fmt::format("{} the training data {} ({}: {})", low ? "half" : "twice", change,
                         low ? "twice the data" : "half the data", Pct(other));
  }
  return "";
}

std::string LeverKindName(core::OutlookLever k) {
  switch (k) {
    case core::OutlookLever::kEffort:
      return "effort";
    case core::OutlookLever::kStartWeek:
      return "start_week";
    case core::OutlookLever::kHeadCount:
      return "head_count";
    case core::OutlookLever::kData:
      return "data";
  }
  return "effort";
}

std::string CriterionText(const core::PlanOutlook& o) {
  if (o.metric.empty() || !o.threshold) return "the success criterion";
  return fmt::format("the success criterion ({} {} {})", o.metric,
                     o.higher_is_better ? "at least" : "at most", fmt::format("{}", *o.threshold));
}

std::string SensitivityOutcome(const core::PlanOutlook& o) {
  return fmt::format(
      "the chance {} by {}",
      o.sensitivity_on_criterion ? "of meeting the criterion" : "that the work is over",
      o.sensitivity_date);
}

}  // namespace

std::string RenderLedgerTextImpl(const core::PlanLedger& l) {
  std::string out;
  out +=
      fmt::format("Plan ledger: today is {} (week {}; week 0 is {}{}).\n\n", l.today, l.today_week,
                  l.start, l.start_assumed ? ", the ledger's first day: set project.start" : "");
  if (l.methods.empty()) {
    return out + "The charter's plan lists no methods: add them to plan.methods.\n";
  }
  const size_t name_w = ColumnWidth(6, l.methods, [](const auto& m) { return m.name; });
  const size_t role_w = ColumnWidth(4, l.methods, [](const auto& m) { return m.role; });
  out +=
      fmt::format("{:<{}}  {:<{}}  {:<8}  {:>14}  {:>6}  {:>6}  {:>5}  {:>4}\n", "method", name_w,
                  "role", role_w, "status", "estimate o/m/p", "mean", "actual", "ratio", "runs");
  for (const core::LedgerMethod& m : l.methods) {
    out += fmt::format("{:<{}}  {:<{}}  {:<8}  {:>14}  {:>6}  {:>6}  {:>5}  {:>4}\n", m.name,
                       name_w, m.role, role_w, core::LedgerStatusName(m.status), EstimateText(m),
                       m.estimate_mean ? Weeks(*m.estimate_mean) : "-", Weeks(m.Actual()),
                       m.ratio ? fmt::format("{:.2f}", *m.ratio) : "-", m.runs);
  }
  out += "\n" + Wrap(
                    "Estimates and efforts are in person-weeks; mean is the PERT mean (o + 4m + "
                    "p) / 6, actual is what was logged plus the effort recorded on the method's "
                    "runs, and ratio is actual over the estimate the method was started with.",
                    92, "");
  bool any_change = false;
  for (const core::LedgerMethod& m : l.methods) {
    for (const core::EstimateChange& c : m.changes) {
      if (!any_change) out += "\nEstimate changes (the charter's edits, as recorded):\n";
      any_change = true;
      out += fmt::format("  {}: '{}' from {} to {} person-weeks (PERT mean)\n", c.on, m.name,
                         Weeks(c.from_mean), Weeks(c.to_mean));
    }
  }
  out += "\n" + Wrap(AccuracySentence(l.accuracy.front()), 92, "");
  for (size_t i = 1; i < l.accuracy.size(); ++i) {
    out += Wrap(AccuracySentence(l.accuracy[i]), 92, "");
  }
  std::string budget;
  if (l.budget) {
    budget =
        fmt::format(" of the {} budgeted ({} left)", Weeks(*l.budget), Weeks(*l.budget - l.spent));
  }
  out += "\n" + Wrap(fmt::format("Spent: {} person-weeks{}. Still to do: {} person-weeks "
                                 "expected, the estimates scaled as above.",
                                 Weeks(l.spent), budget, Weeks(l.remaining)),
                     92, "");
  std::vector<std::string> todo;
  for (const core::LedgerMethod& m : l.methods) {
    if (m.status == core::LedgerStatus::kPlanned || m.status == core::LedgerStatus::kRunning) {
      todo.push_back(m.remaining ? fmt::format("'{}' ({})", m.name, Weeks(*m.remaining))
                                 : fmt::format("'{}' (no estimate)", m.name));
    }
  }
  if (!todo.empty()) {
    std::string list;
    constexpr size_t kListed = 12;
    for (size_t i = 0; i < std::min(todo.size(), kListed); ++i) {
      list += (i == 0 ? "" : ", ") + todo[i];
    }
    if (todo.size() > kListed) list += fmt::format(" and {} more", todo.size() - kListed);
    out += Wrap("To do: " + list + ".", 92, "");
  }
  if (!l.effort.empty()) {
    // Effort by role (rows) and week (columns): the last 12 weeks with any effort.
    std::set<int64_t> weeks;
    std::set<std::string> roles;
    std::map<std::pair<std::string, int64_t>, double> cell;
    for (const core::EffortCell& c : l.effort) {
      weeks.insert(c.week);
      roles.insert(c.role);
      cell[{c.role, c.week}] += c.person_weeks;
    }
    std::vector<int64_t> shown(weeks.begin(), weeks.end());
    if (shown.size() > 12) shown.erase(shown.begin(), shown.end() - 12);
    const size_t rw = ColumnWidth(4, roles, [](const std::string& r) { return r; });
    out +=
        fmt::format("\nEffort by role and week (person-weeks{}):\n{:<{}}",
                    weeks.size() > shown.size() ? ", the last 12 weeks with any" : "", "role", rw);
    for (const int64_t w : shown) out += fmt::format("  {:>5}", fmt::format("w{}", w));
    out += "\n";
    for (const std::string& r : roles) {
      out += fmt::format("{:<{}}", r, rw);
      for (const int64_t w : shown) {
        const auto it = cell.find({r, w});
        out += fmt::format("  {:>5}", it == cell.end() ? "." : Weeks(it->second));
      }
      out += "\n";
    }
  }
  if (!l.recorded.empty()) {
    std::string list;
    for (size_t i = 0; i < l.recorded.size(); ++i) {
      list += (i == 0 ? "'" : ", '") + l.recorded[i] + "'";
    }
    out += "\n" + Wrap(fmt::format("Recorded the charter's estimate of {} in the ledger (new or "
                                   "changed since the last record).",
                                   list),
                       92, "");
  }
  return out;
}

std::string RenderLedgerJsonImpl(const core::PlanLedger& l) {
  Json j;
  j["start"] = l.start;
  j["start_assumed"] = l.start_assumed;
  j["today"] = l.today;
  j["today_week"] = l.today_week;
  j["spent_person_weeks"] = JsonNumber(l.spent);
  j["remaining_person_weeks"] = JsonNumber(l.remaining);
  j["budget_person_weeks"] = Optional(l.budget);
  Json methods = Json::array();
  for (const core::LedgerMethod& m : l.methods) {
    Json row;
    row["name"] = m.name;
    row["role"] = m.role;
    row["status"] = core::LedgerStatusName(m.status);
    row["estimate"] = m.likely ? Json{{"optimistic", JsonNumber(*m.optimistic)},
                                      {"likely", JsonNumber(*m.likely)},
                                      {"pessimistic", JsonNumber(*m.pessimistic)},
                                      {"pert_mean", JsonNumber(*m.estimate_mean)}}
                               : Json(nullptr);
    row["started_with_mean"] = Optional(m.started_mean);
    row["started_on"] = m.started_on.empty() ? Json(nullptr) : Json(m.started_on);
    row["finished_on"] = m.finished_on.empty() ? Json(nullptr) : Json(m.finished_on);
    row["logged_person_weeks"] = JsonNumber(m.logged);
    row["runs_person_weeks"] = JsonNumber(m.from_runs);
    row["actual_person_weeks"] = JsonNumber(m.Actual());
    row["ratio"] = Optional(m.ratio);
    row["runs"] = m.runs;
    row["remaining_person_weeks"] = Optional(m.remaining);
    Json changes = Json::array();
    for (const core::EstimateChange& c : m.changes) {
      changes.push_back({{"on", c.on},
                         {"from_mean", JsonNumber(c.from_mean)},
                         {"to_mean", JsonNumber(c.to_mean)}});
    }
    row["estimate_changes"] = std::move(changes);
    methods.push_back(std::move(row));
  }
  j["methods"] = std::move(methods);
  Json accuracy = Json::array();
  for (const core::EstimateAccuracy& a : l.accuracy) accuracy.push_back(AccuracyJson(a));
  j["accuracy"] = std::move(accuracy);
  Json effort = Json::array();
  for (const core::EffortCell& c : l.effort) {
    effort.push_back(
        {{"role", c.role}, {"week", c.week}, {"person_weeks", JsonNumber(c.person_weeks)}});
  }
  j["effort"] = std::move(effort);
  j["events"] = l.events;
  j["recorded_estimates"] = l.recorded;
  return j.dump(2) + "\n";
}

std::string RenderPlanEventTextImpl(const core::PlanEvent& e, const core::PlanLedger& l) {
  std::string what;
  switch (e.kind) {
    case core::PlanEventKind::kLogged:
      what = fmt::format("logged {} person-week{} of {} work on '{}' on {}", Weeks(*e.effort),
                         *e.effort == 1 ? "" : "s", e.role, e.method, e.on);
      break;
    default:
      what = fmt::format("{} '{}' on {}", EventKindName(e.kind), e.method, e.on);
      break;
  }
  std::string out = "Recorded: " + what + ".\n";
  for (const core::LedgerMethod& m : l.methods) {
    if (m.name != e.method) continue;
    out += fmt::format("'{}' is {}: {} person-weeks spent", m.name,
                       core::LedgerStatusName(m.status), Weeks(m.Actual()));
    if (m.estimate_mean) out += fmt::format(" of an estimated {}", Weeks(*m.estimate_mean));
    if (m.ratio) out += fmt::format(" (ratio {:.2f})", *m.ratio);
    out += ".\n";
  }
  return out;
}

std::string RenderOutlookSummaryImpl(const core::PlanOutlook& o) {
  std::string out;
  // 1. The chance of success, by the dates that matter.
  const std::string criterion = CriterionText(o);
  const core::OutlookDate* deadline = nullptr;
  for (const core::OutlookDate& d : o.dates) {
    if (d.label == "deadline") deadline = &d;
  }
  if (!o.already_met_by.empty()) {
    out += fmt::format("{} is already met by the runs of '{}'.", criterion, o.already_met_by);
  } else if (o.criterion_known) {
    if (deadline != nullptr) {
      out += fmt::format("The chance that {} is met by the deadline, {}, is {}.", criterion,
                         deadline->date, Pct(deadline->p_met));
    } else if (std::isfinite(o.success_p50)) {
      out += fmt::format(
          "{} is met by {} in half of the simulated futures (set plan.deadline "
          "to get the chance by a date).",
          criterion, WeekAndDate(o.start, o.success_p50));
    } else {
      out += fmt::format(
          "{} is met in fewer than half of the simulated futures before the "
          "team's last week (week {}).",
          criterion, o.horizon_week);
    }
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  } else {
    out +=
        "No method has a learning curve yet (runs at 3 or more training sizes), so the "
        "chance of meeting the success criterion cannot be judged; the outlook below says "
        "when the planned work ends.";
  }
  if (!o.already_met_by.empty()) {
    out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  }
  // 2. When the work ends and what it costs.
  out += " ";
  if (std::isfinite(o.end_p50)) {
    out += fmt::format("The work most likely ends by {}, and by {} in 4 futures out of 5",
                       WeekAndDate(o.start, o.end_p50), WeekAndDate(o.start, o.end_p80));
  } else {
    out += fmt::format(
        "In most simulated futures the work does not end before the team's last "
        "week (week {}): it needs more people or more weeks",
        o.horizon_week);
  }
  out += fmt::format("; it costs {} more person-weeks on average", Weeks(o.cost_mean));
  if (o.budget) {
    out += fmt::format(", and stays within the budget of {} in {} of futures", Weeks(*o.budget),
                       Pct(o.p_within_budget));
  }
  out += ".";
  // 3. What moves it most: what would raise it, when something would; else the largest risk.
  const core::OutlookSensitivity* raise = nullptr;
  for (const core::OutlookSensitivity& l : o.sensitivity) {
    const double gain = std::max(l.p_low, l.p_high) - o.sensitivity_base;
    if (gain >= 0.01 &&
        (raise == nullptr || gain > std::max(raise->p_low, raise->p_high) - o.sensitivity_base)) {
      raise = &l;
    }
  }
  if (raise != nullptr) {
    out += " What would raise it most: " +
           LeverSentence(*raise, o.sensitivity_base, SensitivityOutcome(o), true) + ".";
  } else if (!o.sensitivity.empty()) {
    out += " The largest risk: " +
           LeverSentence(o.sensitivity.front(), o.sensitivity_base, SensitivityOutcome(o)) + ".";
  } else if (o.sensitivity_futures > 0) {
    out += " No single change of effort, staffing or data moves the outlook.";
  }
  return Wrap(out, 92, "");
}

std::string RenderOutlookTextImpl(const core::PlanOutlook& o) {
  std::string out = fmt::format("Outlook as of {} (week {}; week 0 is {}):\n\n", o.today,
                                Weeks(std::floor(o.now_week)), o.start);
  out += RenderOutlookSummaryImpl(o);
  // The methods still to do.
  out += "\n" + Wrap(
                    "Still to do (person-weeks; the chance is of meeting the criterion with "
                    "the data the plan expects, from the method's learning curve):",
                    92, "");
  const size_t name_w = ColumnWidth(6, o.methods, [](const auto& m) { return m.name; });
  const size_t role_w = ColumnWidth(4, o.methods, [](const auto& m) { return m.role; });
  out += fmt::format("  {:<{}}  {:<{}}  {:>9}  {:>6}  {}\n", "method", name_w, "role", role_w,
                     "remaining", "chance", "estimates scaled by");
  for (const core::OutlookMethod& m : o.methods) {
    const std::string chance = m.chance ? Pct(*m.chance) : std::string("-");
    const std::string scaled =
        m.accuracy.source == core::EstimateAccuracy::Source::kPrior
            ? fmt::format("{} (prior)", Factor(m.accuracy.median_factor))
            : fmt::format("{} ({})", Factor(m.accuracy.median_factor),
                          Plural(m.accuracy.methods, "finished method", "finished methods"));
    out += fmt::format("  {:<{}}  {:<{}}  {:>9}  {:>6}  {}\n", m.name, name_w, m.role, role_w,
                       Weeks(m.remaining_mean), chance, scaled);
  }
  for (const core::OutlookMethod& m : o.methods) {
    if (m.chance) {
      out += fmt::format("  '{}': chance from the curve of runs '{}' at {} training examples.\n",
                         m.name, m.chance_from, fmt::format("{}", m.training_size));
    }
  }
  if (!o.unestimated.empty()) {
    std::string list;
    for (size_t i = 0; i < o.unestimated.size(); ++i) {
      list += (i == 0 ? "'" : ", '") + o.unestimated[i] + "'";
    }
    out += Wrap("Left out, with no estimate: " + list + ".", 92, "  ");
  }
  if (o.methods_done > 0) {
    out += fmt::format("  ({} already finished.)\n", Plural(o.methods_done, "method", "methods"));
  }
  // The dates.
  if (!o.dates.empty()) {
    out += "\nBy the plan's dates:\n";
    const size_t label_w = ColumnWidth(4, o.dates, [](const auto& d) { return d.label; });
    out += fmt::format("  {:<10}  {:>5}  {:<{}}  {:>16}  {:>13}\n", "date", "week", "what", label_w,
                       "criterion met", "work is over");
    for (const core::OutlookDate& d : o.dates) {
      std::string met = o.criterion_known
                            ? fmt::format("{} ±{:.1f}", Pct(d.p_met), 100 * 2 * d.p_met_se)
                            : std::string("unknown");
      std::string over = Pct(d.p_ended);
      if (d.week < o.now_week) {
        met = "passed";
        over = "passed";
      }
      out += fmt::format("  {:<10}  {:>5}  {:<{}}  {:>16}  {:>13}\n", d.date, Weeks(d.week),
                         d.label, label_w, met, over);
    }
    out += "  (± is twice the Monte-Carlo standard error, in points.)\n\n";
  }
  const auto by = [&](double week) {
    return std::isfinite(week) ? "by " + WeekAndDate(o.start, week)
                               : std::string("not within the team's weeks");
  };
  out += Wrap(fmt::format("The work ends (the criterion met, or every method done): half of the "
                          "futures {}, 80% {}, 95% {}.",
                          by(o.end_p50), by(o.end_p80), by(o.end_p95)),
              92, "");
  if (o.never_ends > 0) {
    out += fmt::format("In {} of futures it is not over by the team's last week (week {}).\n",
                       Pct(o.never_ends), o.horizon_week);
  }
  std::string cost =
      fmt::format("Cost: {} person-weeks spent; {} more on average (80% of futures at most {})",
                  Weeks(o.cost_spent), Weeks(o.cost_mean), Weeks(o.cost_p80));
  if (o.budget) {
    cost += fmt::format("; budget {}: within it in {} of futures", Weeks(*o.budget),
                        Pct(o.p_within_budget));
  }
  out += Wrap(cost + ".", 92, "");
  // The chart: the chance by week.
  if (o.curve.size() >= 2) {
    const bool met = o.criterion_known;
    out += fmt::format("\n{} by week (# the chance, | the dates above):\n",
                       met ? "Chance the criterion is met" : "Chance the work is over");
    constexpr int kRows = 8;
    constexpr size_t kColumns = 60;
    std::vector<double> values;
    std::vector<double> weeks;
    const double first_week = o.curve.front().week;
    const double span = o.curve.back().week - first_week;
    for (size_t c = 0; c < kColumns; ++c) {
      const double week = first_week + span * static_cast<double>(c) / (kColumns - 1);
      const size_t i =
          std::min(o.curve.size() - 1, static_cast<size_t>(std::floor(week - first_week + 1e-9)));
      values.push_back(met ? o.curve[i].p_met : o.curve[i].p_ended);
      weeks.push_back(week);
    }
    const double step_weeks = span / (kColumns - 1);
    for (int row = kRows; row >= 1; --row) {
      const double level = static_cast<double>(row) / kRows;
      std::string line = fmt::format("{:>4}% |", Percent(level));
      for (size_t i = 0; i < values.size(); ++i) {
        bool date = false;
        for (const core::OutlookDate& d : o.dates) {
          date = date || (d.week >= weeks[i] && d.week < weeks[i] + step_weeks);
        }
        if (values[i] >= level - 1e-12) {
          line += '#';
        } else {
          line += date ? '|' : ' ';
        }
      }
      out += line + "\n";
    }
    out += "      +" + std::string(values.size(), '-') + "\n";
    const std::string first = fmt::format("week {}", Weeks(weeks.front()));
    const std::string last = fmt::format("week {}", Weeks(weeks.back()));
    const size_t gap =
        values.size() > first.size() + last.size() ? values.size() - first.size() - last.size() : 1;
    out += "       " + first + std::string(gap, ' ') + last + "\n";
  }
  // Staffing: roles x weeks.
  if (!o.roles.empty() && !o.roles.front().weeks.empty()) {
    const size_t weeks = o.roles.front().weeks.size();
    const size_t step = std::max<size_t>(1, (weeks + 59) / 60);
    out += fmt::format(
        "\nStaffing by week{} (# busy, + partly busy, . idle, ! work waiting for "
        "this role, blank: nobody):\n",
        step > 1 ? fmt::format(", {} weeks a column", step) : "");
    const size_t staff_w = ColumnWidth(4, o.roles, [](const auto& r) { return r.role; });
    for (const core::RoleUse& r : o.roles) {
      std::string line = fmt::format("  {:<{}} ", r.role, staff_w);
      for (size_t k = 0; k < weeks; k += step) {
        double available = 0;
        double busy = 0;
        double waiting = 0;
        for (size_t j = k; j < std::min(weeks, k + step); ++j) {
          available += r.weeks[j].available;
          busy += r.weeks[j].busy;
          waiting += r.weeks[j].waiting;
        }
        char c = ' ';
        if (waiting > 0.25 * static_cast<double>(step)) {
          c = '!';
        } else if (available > 0) {
          const double use = busy / available;
          c = use >= 0.75 ? '#' : (use >= 0.1 ? '+' : '.');
        }
        line += c;
      }
      out += line + "\n";
    }
    for (const core::RoleUse& r : o.roles) {
      if (r.idle_from && r.idle_until && *r.idle_until >= *r.idle_from + 2) {
        out += fmt::format(
            "  The {} has little to do from week {} to week {}: they need not "
            "be billed before.\n",
            r.role, *r.idle_from, *r.idle_until);
      } else if (r.idle_from && !r.idle_until && r.busy < 0.1 * r.available) {
        out +=
            fmt::format("  The {} is present but has almost nothing to do in this plan.\n", r.role);
      }
    }
    const core::RoleUse* bottleneck = nullptr;
    for (const core::RoleUse& r : o.roles) {
      if (r.waiting > 0.5 && (bottleneck == nullptr || r.waiting > bottleneck->waiting)) {
        bottleneck = &r;
      }
    }
    if (bottleneck != nullptr) {
      out += fmt::format(
          "  The bottleneck is the {}: {} person-weeks of ready work wait for "
          "one on average.\n",
          bottleneck->role, Weeks(bottleneck->waiting));
    }
  }
  // The tornado.
  if (!o.sensitivity.empty()) {
    out += fmt::format("\nWhat moves {} most (base {}; each input changed alone):\n",
                       SensitivityOutcome(o), Pct(o.sensitivity_base));
    const size_t shown = std::min<size_t>(o.sensitivity.size(), 8);
    for (size_t i = 0; i < shown; ++i) {
      out += Wrap(
          fmt::format("{}. {}", i + 1,
                      LeverSentence(o.sensitivity[i], o.sensitivity_base, SensitivityOutcome(o))),
          88, "  ");
    }
  }
  out += "\n" +
         Wrap(fmt::format(
                  "Simulated {} futures (seed {}); a share near 50% is within ±{:.1f} "
                  "points of what more futures would give (95%). Rework: a finished method is "
                  "sent back with probability {} for {} of its effort again.{}",
                  o.futures, o.seed, 100 * 1.96 * std::sqrt(0.25 / static_cast<double>(o.futures)),
                  fmt::format("{}", o.rework_probability), Pct(o.rework_cost),
                  o.start_assumed ? " No project.start: week 0 is the ledger's first day." : ""),
              92, "");
  return out;
}

std::string RenderOutlookJsonImpl(const core::PlanOutlook& o) {
  Json j;
  j["start"] = o.start;
  j["start_assumed"] = o.start_assumed;
  j["today"] = o.today;
  j["now_week"] = JsonNumber(o.now_week);
  j["horizon_week"] = o.horizon_week;
  j["seed"] = o.seed;
  j["futures"] = o.futures;
  j["criterion"] = {
      {"metric", o.metric.empty() ? Json(nullptr) : Json(o.metric)},
      {"threshold", Optional(o.threshold)},
      {"chance_known", o.criterion_known},
      {"already_met_by", o.already_met_by.empty() ? Json(nullptr) : Json(o.already_met_by)}};
  j["summary"] = RenderOutlookSummaryImpl(o);
  Json methods = Json::array();
  for (const core::OutlookMethod& m : o.methods) {
    methods.push_back({{"name", m.name},
                       {"role", m.role},
                       {"remaining_person_weeks", JsonNumber(m.remaining_mean)},
                       {"chance", Optional(m.chance)},
                       {"chance_from_runs", m.chance ? Json(m.chance_from) : Json(nullptr)},
                       {"training_size", m.chance ? JsonNumber(m.training_size) : Json(nullptr)},
                       {"accuracy", AccuracyJson(m.accuracy)}});
  }
  j["methods"] = std::move(methods);
  j["unestimated"] = o.unestimated;
  j["methods_done"] = o.methods_done;
  Json dates = Json::array();
  for (const core::OutlookDate& d : o.dates) {
    dates.push_back(
        {{"label", d.label},
         {"date", d.date},
         {"week", JsonNumber(d.week)},
         {"p_criterion_met", o.criterion_known ? JsonNumber(d.p_met) : Json(nullptr)},
         {"p_criterion_met_se", o.criterion_known ? JsonNumber(d.p_met_se) : Json(nullptr)},
         {"p_work_over", JsonNumber(d.p_ended)}});
  }
  j["dates"] = std::move(dates);
  const auto when = [&](double week) {
    return Json{{"week", JsonNumber(week)},
                {"date", std::isfinite(week) ? Json(DateOfWeek(o.start, week)) : Json(nullptr)}};
  };
  j["end"] = {{"p50", when(o.end_p50)},
              {"p80", when(o.end_p80)},
              {"p95", when(o.end_p95)},
              {"share_not_over_by_horizon", JsonNumber(o.never_ends)}};
  j["criterion_met_p50"] = when(o.success_p50);
  j["cost"] = {{"spent_person_weeks", JsonNumber(o.cost_spent)},
               {"mean_more_person_weeks", JsonNumber(o.cost_mean)},
               {"p80_more_person_weeks", JsonNumber(o.cost_p80)},
               {"budget_person_weeks", Optional(o.budget)},
               {"p_within_budget", o.budget ? JsonNumber(o.p_within_budget) : Json(nullptr)}};
  j["rework"] = {{"probability", JsonNumber(o.rework_probability)},
                 {"cost", JsonNumber(o.rework_cost)}};
  Json curve = Json::array();
  for (const core::OutlookPoint& p : o.curve) {
    curve.push_back({{"week", JsonNumber(p.week)},
                     {"p_criterion_met", o.criterion_known ? JsonNumber(p.p_met) : Json(nullptr)},
                     {"p_work_over", JsonNumber(p.p_ended)}});
  }
  j["by_week"] = std::move(curve);
  Json roles = Json::array();
  for (const core::RoleUse& r : o.roles) {
    Json weeks = Json::array();
    for (const core::RoleWeekUse& w : r.weeks) {
      weeks.push_back({{"week", w.week},
                       {"available", JsonNumber(w.available)},
                       {"busy", JsonNumber(w.busy)},
                       {"waiting", JsonNumber(w.waiting)}});
    }
    roles.push_back({{"role", r.role},
                     {"available_person_weeks", JsonNumber(r.available)},
                     {"busy_person_weeks", JsonNumber(r.busy)},
                     {"waiting_person_weeks", JsonNumber(r.waiting)},
                     {"idle_from_week", r.idle_from ? Json(*r.idle_from) : Json(nullptr)},
                     {"idle_until_week", r.idle_until ? Json(*r.idle_until) : Json(nullptr)},
                     {"weeks", std::move(weeks)}});
  }
  j["staffing"] = std::move(roles);
  Json levers = Json::array();
  for (const core::OutlookSensitivity& l : o.sensitivity) {
    levers.push_back({{"kind", LeverKindName(l.kind)},
                      {"subject", l.subject.empty() ? Json(nullptr) : Json(l.subject)},
                      {"base", JsonNumber(l.base_value)},
                      {"low", JsonNumber(l.low_value)},
                      {"high", JsonNumber(l.high_value)},
                      {"p_low", JsonNumber(l.p_low)},
                      {"p_high", JsonNumber(l.p_high)},
                      {"swing", JsonNumber(l.swing)},
                      {"sentence", LeverSentence(l, o.sensitivity_base, SensitivityOutcome(o))}});
  }
  j["sensitivity"] = {{"outcome", o.sensitivity_on_criterion ? "criterion_met" : "work_over"},
                      {"date", o.sensitivity_date},
                      {"week", JsonNumber(o.sensitivity_week)},
                      {"base", JsonNumber(o.sensitivity_base)},
                      {"futures", o.sensitivity_futures},
                      {"levers", std::move(levers)}};
  return j.dump(2) + "\n";
}

}  // namespace plan_text

std::string RenderLedgerText(const core::PlanLedger& ledger) {
  return plan_text::RenderLedgerTextImpl(ledger);
}
std::string RenderLedgerJson(const core::PlanLedger& ledger) {
  return plan_text::RenderLedgerJsonImpl(ledger);
}
std::string RenderPlanEventText(const core::PlanEvent& event, const core::PlanLedger& ledger) {
  return plan_text::RenderPlanEventTextImpl(event, ledger);
}
std::string RenderOutlookText(const core::PlanOutlook& outlook) {
  return plan_text::RenderOutlookTextImpl(outlook);
}
std::string RenderOutlookJson(const core::PlanOutlook& outlook) {
  return plan_text::RenderOutlookJsonImpl(outlook);
}
std::string RenderOutlookLever(const core::PlanOutlook& outlook, size_t index) {
  return plan_text::LeverSentence(outlook.sensitivity.at(index), outlook.sensitivity_base,
                                  plan_text::SensitivityOutcome(outlook));
}
std::string RenderOutlookSummary(const core::PlanOutlook& outlook) {
  return plan_text::RenderOutlookSummaryImpl(outlook);
}

}  // namespace foresight::report
