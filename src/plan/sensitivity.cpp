#include "plan/sensitivity.hpp"

#include <algorithm>
#include <cmath>

namespace foresight::plan {
namespace {

// Changes below this many points of probability are Monte-Carlo noise on common random
// numbers, not a lever.
constexpr double kNegligible = 0.0005;

// The earliest week a role's people arrive; nullopt when the role has nobody.
std::optional<int> Arrival(const Model& m, size_t role) {
  std::optional<int> first;
  for (const Staff& s : m.staff) {
    if (s.role == role && s.count > 0 && s.to_week > s.from_week) {
      first = first ? std::min(*first, s.from_week) : s.from_week;
    }
  }
  return first;
}

double HeadCount(const Model& m, size_t role) {
  double most = 0;
  for (const Staff& s : m.staff) {
    if (s.role == role) most = std::max(most, s.count);
  }
  return most;
}

Model Shifted(const Model& m, size_t role, int by) {
  Model v = m;
  for (Staff& s : v.staff) {
    if (s.role == role) s.from_week = std::max(0, s.from_week + by);
  }
  return v;
}

Model Counted(const Model& m, size_t role, double by) {
  Model v = m;
  bool any = false;
  for (Staff& s : v.staff) {
    if (s.role == role) {
      s.count = std::max(0.0, s.count + by);
      any = true;
    }
  }
  if (!any && by > 0) v.staff.push_back(Staff{role, by, m.now_week, m.horizon_week});
  return v;
}

Lever MakeLever(LeverKind kind, size_t subject, double base, double low, double high) {
  Lever l;
  l.kind = kind;
  l.subject = subject;
  l.base_value = base;
  l.low_value = low;
  l.high_value = high;
  return l;
}

}  // namespace

Result<Tornado> Sensitivity(const Model& model, const Settings& settings, double week, bool success,
                            const std::optional<DataChances>& data, Executor& executor) {
  Settings s = settings;
  s.staffing = false;
  const auto chance = [&](const Model& m) -> Result<double> {
    auto outlook = Simulate(m, s, executor);
    if (!outlook) return Fail(outlook.error());
    return success ? outlook->SuccessBy(week) : outlook->EndedBy(week);
  };
  Tornado t;
  t.success = success;
  t.week = week;
  t.futures = s.futures;
  auto base_chance = chance(model);
  if (!base_chance) return Fail(base_chance.error());
  const double base = *base_chance;
  t.base = base;
  const auto add = [&](Lever lever, const Model& low, const Model& high) -> Status {
    auto p_low = chance(low);
    if (!p_low) return Fail(p_low.error());
    auto p_high = chance(high);
    if (!p_high) return Fail(p_high.error());
    lever.p_low = *p_low;
    lever.p_high = *p_high;
    lever.swing = std::max(std::abs(lever.p_low - base), std::abs(lever.p_high - base));
    if (lever.swing >= kNegligible) {
      t.levers.push_back(lever);
    }
    return {};
  };
  // The most uncertain methods' efforts, in the charter's order.
  std::vector<size_t> uncertain;
  for (size_t i = 0; i < model.work.size(); ++i) {
    if (model.work[i].effort.pessimistic > model.work[i].effort.optimistic) uncertain.push_back(i);
  }
  if (uncertain.size() > kMaxEffortLevers) {
    std::stable_sort(uncertain.begin(), uncertain.end(), [&](size_t a, size_t b) {
      return stats::PertVariance(model.work[a].effort) > stats::PertVariance(model.work[b].effort);
    });
    uncertain.resize(kMaxEffortLevers);
    std::sort(uncertain.begin(), uncertain.end());
  }
  for (const size_t i : uncertain) {
    const stats::ThreePoint& e = model.work[i].effort;
    Model low = model;
    Model high = model;
    low.work[i].effort = {e.optimistic, e.optimistic, e.optimistic};
    high.work[i].effort = {e.pessimistic, e.pessimistic, e.pessimistic};
    if (Status added =
            add(MakeLever(LeverKind::kEffort, i, stats::PertMean(e), e.optimistic, e.pessimistic),
                low, high);
        !added) {
      return Fail(added.error());
    }
  }
  for (size_t r = 0; r < model.roles; ++r) {
    const bool needed = std::any_of(model.work.begin(), model.work.end(), [&](const Work& w) {
      return w.role == r || std::find(w.needs.begin(), w.needs.end(), r) != w.needs.end();
    });
    if (!needed) continue;
    if (const std::optional<int> arrival = Arrival(model, r)) {
      // Arriving before now changes nothing: the earlier side stops at this week.
      const int earlier = std::min(*arrival, std::max(model.now_week, *arrival - kStartShiftWeeks));
      if (Status added =
              add(MakeLever(LeverKind::kStartWeek, r, static_cast<double>(*arrival),
                            static_cast<double>(earlier),
                            static_cast<double>(*arrival + kStartShiftWeeks)),
                  Shifted(model, r, earlier - *arrival), Shifted(model, r, kStartShiftWeeks));
          !added) {
        return Fail(added.error());
      }
    }
    const double count = HeadCount(model, r);
    if (Status added =
            add(MakeLever(LeverKind::kHeadCount, r, count, std::max(0.0, count - 1), count + 1),
                Counted(model, r, -1), Counted(model, r, 1));
        !added) {
      return Fail(added.error());
    }
  }
  if (data && success && data->half.size() == model.work.size() &&
      data->twice.size() == model.work.size()) {
    Model low = model;
    Model high = model;
    for (size_t i = 0; i < model.work.size(); ++i) {
      low.work[i].chance = data->half[i];
      high.work[i].chance = data->twice[i];
    }
    if (Status added = add(MakeLever(LeverKind::kData, 0, 1, 0.5, 2), low, high); !added) {
      return Fail(added.error());
    }
  }
  std::stable_sort(t.levers.begin(), t.levers.end(),
                   [](const Lever& a, const Lever& b) { return a.swing > b.swing; });
  return t;
}

}  // namespace foresight::plan
