#include "plan/simulate.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "stats/distributions.hpp"
#include "stats/rng.hpp"

namespace foresight::plan {
namespace {

constexpr size_t kBlock = 2048;  // futures per parallel task
constexpr size_t kMaxFutures = 10000000;
constexpr double kDone = 1e-9;  // person-weeks left that count as finished

// A uniform draw in (0, 1): the normal quantile is infinite at 0.
double Open(double u) { return u > 0 ? u : 0x1p-54; }

bool Finite(double x) { return std::isfinite(x); }

Status Invalid(const std::string& what) {
  return Fail(ErrorCode::kInvalidArgument, "the plan cannot be simulated: " + what);
}

Status Validate(const Model& m, const Settings& s) {
  if (s.futures == 0 || s.futures > kMaxFutures) {
    return Invalid(fmt::format("the number of futures must be 1 to {}", kMaxFutures));
  }
  if (m.horizon_week < m.now_week || m.horizon_week - m.now_week > kMaxWeeks) {
    return Invalid(fmt::format("the weeks to simulate must number 0 to {}", kMaxWeeks));
  }
  if (m.accuracy.empty()) return Invalid("no estimate accuracy");
  for (const Accuracy& a : m.accuracy) {
    if (!Finite(a.log_mean) || !Finite(a.log_sd) || a.log_sd < 0) {
      return Invalid("an estimate accuracy is not a finite mean and non-negative spread");
    }
  }
  for (const Staff& st : m.staff) {
    if (st.role >= m.roles || !Finite(st.count) || st.count < 0) {
      return Invalid("a team entry has an unknown role or a count that is not >= 0");
    }
  }
  for (size_t i = 0; i < m.work.size(); ++i) {
    const Work& w = m.work[i];
    const auto& e = w.effort;
    const bool ordered = 0 <= e.optimistic && e.optimistic <= e.likely && e.likely <= e.pessimistic;
    if (!Finite(e.pessimistic) || !ordered || !Finite(w.spent) || w.spent < 0) {
      return Invalid(
          fmt::format("method {} has an effort that is not 0 <= optimistic <= likely "
                      "<= pessimistic, or a negative effort spent",
                      i));
    }
    if (w.role >= m.roles || w.accuracy >= m.accuracy.size()) {
      return Invalid(fmt::format("method {} has an unknown role or accuracy", i));
    }
    const auto unit = [](double p) { return p >= 0 && p <= 1; };
    if (!unit(w.rework_probability) || !unit(w.chance) || !Finite(w.rework_cost) ||
        w.rework_cost < 0) {
      return Invalid(
          fmt::format("method {} has a probability outside [0, 1] or a negative rework "
                      "cost",
                      i));
    }
    for (const size_t r : w.needs) {
      if (r >= m.roles) return Invalid(fmt::format("method {} needs an unknown role", i));
    }
    for (const size_t j : w.after) {
      if (j >= m.work.size() || j == i) {
        return Invalid(fmt::format("method {} waits for an unknown method", i));
      }
    }
  }
  return {};
}

// What a simulation needs of the model, computed once: people per role and week, and
// whether each method's stage can proceed in each week.
struct Prepared {
  size_t weeks = 0;
  std::vector<double> capacity;  // [week][role]
  std::vector<char> ready;       // [week][work]
  std::vector<stats::PertSampler> samplers;
  std::vector<std::vector<size_t>> dependents;  // [work]: the methods that come after it
  // [week]: the first later week whose people or stage readiness differ (`weeks` if none):
  // the weeks in between schedule alike, so a future crosses them in one step.
  std::vector<size_t> next_change;
};

Prepared Prepare(const Model& m) {
  Prepared p;
  p.weeks = static_cast<size_t>(m.horizon_week - m.now_week);
  const size_t roles = m.roles;
  const size_t n = m.work.size();
  p.capacity.assign(p.weeks * roles, 0.0);
  for (const Staff& st : m.staff) {
    for (int w = std::max(st.from_week, m.now_week); w < std::min(st.to_week, m.horizon_week);
         ++w) {
      p.capacity[static_cast<size_t>(w - m.now_week) * roles + st.role] += st.count;
    }
  }
  p.ready.assign(p.weeks * n, 0);
  for (size_t k = 0; k < p.weeks; ++k) {
    const int week = m.now_week + static_cast<int>(k);
    for (size_t i = 0; i < n; ++i) {
      const Work& w = m.work[i];
      bool ok = week >= w.earliest_week;
      for (const size_t r : w.needs) ok = ok && p.capacity[k * roles + r] > 0;
      p.ready[k * n + i] = ok ? 1 : 0;
    }
  }
  p.samplers.reserve(n);
  for (const Work& w : m.work) p.samplers.emplace_back(w.effort);
  p.next_change.assign(p.weeks, p.weeks);
  for (size_t k = p.weeks; k-- > 1;) {
    const bool same =
        std::equal(p.capacity.begin() + static_cast<std::ptrdiff_t>(k * roles),
                   p.capacity.begin() + static_cast<std::ptrdiff_t>((k + 1) * roles),
                   p.capacity.begin() + static_cast<std::ptrdiff_t>((k - 1) * roles)) &&
        std::equal(p.ready.begin() + static_cast<std::ptrdiff_t>(k * n),
                   p.ready.begin() + static_cast<std::ptrdiff_t>((k + 1) * n),
                   p.ready.begin() + static_cast<std::ptrdiff_t>((k - 1) * n));
    p.next_change[k - 1] = same ? p.next_change[k] : k;
  }
  p.dependents.assign(n, {});
  for (size_t i = 0; i < n; ++i) {
    for (const size_t j : m.work[i].after) p.dependents[j].push_back(i);
  }
  return p;
}

struct Scratch {
  std::vector<double> remaining, finish, allocated;
  std::vector<char> done, reaches, eligible;
  std::vector<double> pool;
  std::vector<size_t> waiting_for;  // [work]: methods it comes after that are not done
  // The methods not done whose predecessors are all done, in charter order: the only ones
  // a sub-step looks at, so a long chain of dependent methods costs what its open end does.
  std::vector<size_t> open;
  std::vector<size_t> opened;  // made open by finishes in the current sub-step
};

struct FutureResult {
  double success = kNever;
  double end = kNever;
  double cost = 0;
};

// Adds `rate` person-weeks per week over [from, from + length) to role `r` of `cells`
// ([week][role], week 0 = `first_week`), split at week boundaries.
void Spread(double* cells, size_t weeks, size_t roles, int first_week, size_t r, double from,
            double length, double rate) {
  const double end = from + length;
  double at = from;
  while (at < end) {
    const double week = std::floor(at);
    const double until = std::min(end, week + 1);
    const auto k = static_cast<size_t>(std::max(0.0, week - first_week));
    if (k >= weeks) break;
    cells[k * roles + r] += rate * (until - at);
    if (until <= at) break;
    at = until;
  }
}

// One future: `busy` and `waiting` ([week][role]) are added to when not null.
FutureResult RunFuture(const Model& m, const Prepared& p, uint64_t seed, uint64_t future,
                       Scratch& s, double* busy, double* waiting) {
  const size_t n = m.work.size();
  const size_t roles = m.roles;
  s.remaining.assign(n, 0.0);
  s.finish.assign(n, kNever);
  s.allocated.assign(n, 0.0);
  s.done.assign(n, 0);
  s.reaches.assign(n, 0);
  s.eligible.assign(n, 0);
  s.pool.assign(roles, 0.0);
  // The draws, all up front and a fixed number per method, from the method's own stream.
  for (size_t i = 0; i < n; ++i) {
    const Work& w = m.work[i];
    stats::CounterRng rng(seed, (future << 20U) | i);
    const double u = Open(rng.NextDouble());
    const double z = stats::NormalQuantile(Open(rng.NextDouble()));
    const double hit = rng.NextDouble();
    size_t reworks = 0;
    for (size_t k = 0; k < kMaxReworks; ++k) {
      const double v = rng.NextDouble();
      if (reworks == k && v < w.rework_probability) ++reworks;
    }
    const Accuracy& a = m.accuracy[w.accuracy];
    const double total = p.samplers[i].Quantile(u) * std::exp(a.log_mean + a.log_sd * z) *
                         (1 + w.rework_cost * static_cast<double>(reworks));
    s.remaining[i] = total > w.spent ? total - w.spent : kOverrunRemainder * total;
    s.reaches[i] = hit < w.chance ? 1 : 0;
  }
  FutureResult out;
  size_t left = n;
  s.waiting_for.assign(n, 0);
  s.open.clear();
  for (size_t i = 0; i < n; ++i) {
    s.waiting_for[i] = m.work[i].after.size();
    if (s.waiting_for[i] == 0) s.open.push_back(i);
  }
  // Continuous time from the start of `now_week`, in steps that end at a finish or where the
  // people or the stages change (Prepared::next_change): a long method crosses quiet weeks
  // in one step.
  const auto first = static_cast<double>(m.now_week);
  double t = first;
  size_t k = 0;
  while (k < p.weeks && left > 0 && out.success == kNever) {
    const double segment_end = first + static_cast<double>(p.next_change[k]);
    const double* cap = &p.capacity[k * roles];
    const char* ready = &p.ready[k * n];
    std::copy(cap, cap + roles, s.pool.begin());
    bool any = false;
    double step = segment_end - t;
    for (const size_t i : s.open) {
      s.eligible[i] = 0;
      s.allocated[i] = 0;
      if (ready[i] == 0) continue;
      s.eligible[i] = 1;
      const size_t r = m.work[i].role;
      const double a = std::min(1.0, s.pool[r]);
      if (a <= 0) continue;
      s.allocated[i] = a;
      s.pool[r] -= a;
      any = true;
      step = std::min(step, s.remaining[i] / a);
    }
    if (!any) {
      // Nothing can move until the people or stages change: ready work waits all along.
      if (waiting != nullptr) {
        for (const size_t i : s.open) {
          if (s.eligible[i] != 0) {
            Spread(waiting, p.weeks, roles, m.now_week, m.work[i].role, t, segment_end - t, 1);
          }
        }
      }
      t = segment_end;
      k = p.next_change[k];
      continue;
    }
    s.opened.clear();
    for (const size_t i : s.open) {
      if (s.eligible[i] == 0) continue;
      const size_t r = m.work[i].role;
      const double a = s.allocated[i];
      if (waiting != nullptr && a < 1) {
        Spread(waiting, p.weeks, roles, m.now_week, r, t, step, 1 - a);
      }
      if (a <= 0) continue;
      const double used = std::min(s.remaining[i], a * step);
      s.remaining[i] -= used;
      out.cost += used;
      if (busy != nullptr) Spread(busy, p.weeks, roles, m.now_week, r, t, step, a);
      if (s.remaining[i] <= kDone) {
        s.done[i] = 1;
        s.finish[i] = t + step;
        --left;
        if (s.reaches[i] != 0) out.success = std::min(out.success, t + step);
        for (const size_t d : p.dependents[i]) {
          if (--s.waiting_for[d] == 0) s.opened.push_back(d);
        }
      }
    }
    // Finished methods leave the open list; the ones they held back join it, in order.
    std::erase_if(s.open, [&](size_t i) { return s.done[i] != 0; });
    if (!s.opened.empty()) {
      s.open.insert(s.open.end(), s.opened.begin(), s.opened.end());
      std::sort(s.open.begin(), s.open.end());
    }
    t += step;
    if (t >= segment_end) {
      t = segment_end;
      k = p.next_change[k];
    }
  }
  if (out.success != kNever) {
    out.end = out.success;
  } else if (left == 0) {
    out.end = n == 0 ? static_cast<double>(m.now_week)
                     : *std::max_element(s.finish.begin(), s.finish.end());
  }
  return out;
}

double ShareBy(const std::vector<double>& sorted, double week) {
  if (sorted.empty()) return 0;
  const auto it = std::upper_bound(sorted.begin(), sorted.end(), week);
  return static_cast<double>(it - sorted.begin()) / static_cast<double>(sorted.size());
}

}  // namespace

double Outlook::SuccessBy(double week) const { return ShareBy(success_weeks, week); }
double Outlook::EndedBy(double week) const { return ShareBy(end_weeks, week); }

double Outlook::Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return kNever;
  // The smallest value with at least a share q of the futures at or below it.
  const double position = std::ceil(q * static_cast<double>(sorted.size()));
  const size_t i = position < 1 ? 0 : static_cast<size_t>(position) - 1;
  return sorted[std::min(i, sorted.size() - 1)];
}

double Outlook::StandardError(double p) const {
  return futures == 0 ? 0 : std::sqrt(p * (1 - p) / static_cast<double>(futures));
}

Result<Outlook> Simulate(const Model& model, const Settings& settings, Executor& executor) {
  if (Status valid = Validate(model, settings); !valid) return Fail(valid.error());
  const Prepared prepared = Prepare(model);
  const size_t futures = settings.futures;
  const size_t blocks = (futures + kBlock - 1) / kBlock;
  const size_t cells = settings.staffing ? prepared.weeks * model.roles : 0;
  Outlook out;
  out.futures = futures;
  out.success_weeks.resize(futures);
  out.end_weeks.resize(futures);
  out.costs.resize(futures);
  std::vector<std::vector<double>> busy(blocks), waiting(blocks);
  const Status ran = executor.ParallelFor(
      blocks,
      [&](size_t b) {
        Scratch scratch;
        busy[b].assign(cells, 0.0);
        waiting[b].assign(cells, 0.0);
        double* busy_cells = settings.staffing ? busy[b].data() : nullptr;
        double* waiting_cells = settings.staffing ? waiting[b].data() : nullptr;
        const size_t end = std::min(futures, (b + 1) * kBlock);
        for (size_t f = b * kBlock; f < end; ++f) {
          const FutureResult r =
              RunFuture(model, prepared, settings.seed, f, scratch, busy_cells, waiting_cells);
          out.success_weeks[f] = r.success;
          out.end_weeks[f] = r.end;
          out.costs[f] = r.cost;
        }
      },
      1);
  if (!ran) return Fail(ran.error());
  std::sort(out.success_weeks.begin(), out.success_weeks.end());
  std::sort(out.end_weeks.begin(), out.end_weeks.end());
  std::sort(out.costs.begin(), out.costs.end());
  if (settings.staffing) {
    // Summed block by block in block order: the same sums whatever the thread count.
    out.staffing.assign(prepared.weeks, std::vector<RoleWeek>(model.roles));
    const double scale = 1.0 / static_cast<double>(futures);
    for (size_t k = 0; k < prepared.weeks; ++k) {
      for (size_t r = 0; r < model.roles; ++r) {
        RoleWeek& cell = out.staffing[k][r];
        cell.available = prepared.capacity[k * model.roles + r];
        for (size_t b = 0; b < blocks; ++b) {
          cell.busy += busy[b][k * model.roles + r];
          cell.waiting += waiting[b][k * model.roles + r];
        }
        cell.busy *= scale;
        cell.waiting *= scale;
      }
    }
  }
  return out;
}

}  // namespace foresight::plan
