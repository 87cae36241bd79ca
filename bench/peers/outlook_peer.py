#!/usr/bin/env python3
"""The peer of `foresight plan outlook`: a straightforward NumPy simulation of the same model.

Usage: outlook_peer.py PLAN_JSON [FUTURES] [SEED]   (defaults: 100000 futures, seed 1)

PLAN_JSON is bench/make_plan.py's plan.json. The model (src/plan/simulate.hpp), all futures at
once as NumPy arrays:
  - each method's total effort is a PERT-beta draw on [o, p] (numpy's beta with
    alpha = 1 + 4 (m - o) / (p - o), beta = 1 + 4 (p - m) / (p - o); constant when o == p),
    times exp(Normal(log_mean, log_sd)) (the estimate accuracy), times 1 + cost * K, where K
    counts the rework passes (each follows the last with the rework probability, up to 8);
  - the work is scheduled week by week in continuous time: each week's capacity per role is
    the staff present; methods are served in list order, each taking at most one
    person-equivalent of its role; a method waits for its stage's start week, for every role
    its stage needs to be present that week, and for the methods it comes after; within a
    week, time advances to the next finish and the freed capacity goes to the next method;
  - nothing is spent yet and no method can meet the success criterion (no runs), so a future
    ends when its last method finishes, or never when the team's last week comes first.
Loops over weeks, sub-steps and methods are Python; each statement works on all the futures.

Prints JSON: the futures, P(the work is over by the deadline week) and its standard error,
the P50 and P80 of the end week (the smallest week with at least that share of futures over
by it; null when beyond the futures that end), the mean cost in person-weeks, and the share
of futures not over by the horizon.
"""
import json
import math
import sys

import numpy as np

DONE = 1e-9  # person-weeks left that count as finished (as simulate.cpp)


def draw_totals(plan, futures, rng):
    works = plan["works"]
    acc = plan["accuracy"]
    rework = plan["rework"]
    totals = np.empty((futures, len(works)))
    for i, w in enumerate(works):
        o, m, p = w["o"], w["m"], w["p"]
        if p > o:
            a = 1 + 4 * (m - o) / (p - o)
            b = 1 + 4 * (p - m) / (p - o)
            effort = o + (p - o) * rng.beta(a, b, futures)
        else:
            effort = np.full(futures, float(o))
        factor = np.exp(rng.normal(acc["log_mean"], acc["log_sd"], futures))
        passes = np.zeros(futures)
        going = np.ones(futures, dtype=bool)
        for _ in range(rework.get("max_passes", 8)):
            going &= rng.random(futures) < rework["probability"]
            passes += going
        totals[:, i] = effort * factor * (1 + rework["cost"] * passes)
    return totals


def simulate(plan, futures, seed):
    rng = np.random.default_rng(seed)
    works = plan["works"]
    n = len(works)
    roles = len(plan["roles"])
    now, horizon = plan["now_week"], plan["horizon_week"]
    weeks = horizon - now
    capacity = np.zeros((weeks, roles))
    for s in plan["staff"]:
        for w in range(max(s["from_week"], now), min(s["to_week"], horizon)):
            capacity[w - now, s["role"]] += s["count"]
    ready = np.zeros((weeks, n), dtype=bool)
    for k in range(weeks):
        for i, w in enumerate(works):
            ready[k, i] = now + k >= w["start_week"] and all(capacity[k, r] > 0 for r in w["needs"])
    role = [w["role"] for w in works]
    after = [w["after"] for w in works]

    remaining = draw_totals(plan, futures, rng)
    done = np.zeros((futures, n), dtype=bool)
    finish = np.full((futures, n), np.inf)
    cost = np.zeros(futures)
    alloc = np.zeros((futures, n))
    for k in range(weeks):
        week_end = float(now + k + 1)
        t = np.full(futures, week_end - 1)
        moving = ~done.all(axis=1)  # futures still running sub-steps this week
        while moving.any():
            pool = np.tile(capacity[k], (futures, 1))
            step = np.where(moving, week_end - t, 0.0)
            alloc[:] = 0
            for i in range(n):
                if not ready[k, i]:
                    continue
                eligible = moving & ~done[:, i]
                for j in after[i]:
                    eligible &= done[:, j]
                a = np.where(eligible, np.minimum(1.0, pool[:, role[i]]), 0.0)
                alloc[:, i] = a
                pool[:, role[i]] -= a
                with np.errstate(divide="ignore", invalid="ignore"):
                    step = np.where(a > 0, np.minimum(step, remaining[:, i] / a), step)
            working = alloc > 0
            moves = working.any(axis=1)  # a future where nothing can move waits all week
            used = np.minimum(remaining, alloc * step[:, None])
            remaining -= used
            cost += used.sum(axis=1)
            finished = working & (remaining <= DONE)
            done |= finished
            finish = np.where(finished, (t + step)[:, None], finish)
            t = np.where(moves, t + step, t)
            moving = moves & (t < week_end)
    end = np.where(done.all(axis=1), finish.max(axis=1), np.inf)
    return end, cost


def quantile(sorted_values, q):
    i = max(math.ceil(q * len(sorted_values)), 1) - 1
    v = sorted_values[min(i, len(sorted_values) - 1)]
    return None if math.isinf(v) else float(v)


def main():
    if len(sys.argv) not in (2, 3, 4):
        sys.exit("usage: outlook_peer.py PLAN_JSON [FUTURES] [SEED]")
    plan = json.load(open(sys.argv[1]))
    futures = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    end, cost = simulate(plan, futures, seed)
    end.sort()
    p = float(np.mean(end <= plan["deadline_week"]))
    print(json.dumps({
        "futures": futures,
        "deadline_week": plan["deadline_week"],
        "p_over_by_deadline": p,
        "p_over_by_deadline_se": math.sqrt(p * (1 - p) / futures),
        "end_p50": quantile(end, 0.5),
        "end_p80": quantile(end, 0.8),
        "cost_mean": float(cost.mean()),
        "not_over_by_horizon": float(np.mean(np.isinf(end))),
    }))


if __name__ == "__main__":
    main()
