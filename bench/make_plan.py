#!/usr/bin/env python3
"""Writes the plan of bench/outlook_speed.sh: a charter and the same model as plain numbers.

Usage: make_plan.py OUT_DIR [SEED]

OUT_DIR/foresight.yaml: a charter with 6 roles (some join late, all leave at week 52),
20 methods with three-point estimates (varied, drawn from SEED, default 7), 4 stages with
start weeks and needed roles, a few `after` dependencies (each on an earlier method, so no
cycles), a deadline, rework {probability: 0.15, cost: 0.3} and a budget.

OUT_DIR/plan.json: the model `foresight plan outlook` simulates from that charter on the
project's first day (nothing spent, no runs, so every method's chance of reaching the
criterion is 0 and the estimate accuracy is the prior), for bench/peers/outlook_peer.py:
staff [from_week, to_week), works (o/m/p, role, stage start week, needed roles, after),
rework, accuracy, now_week 0, horizon 52 and the deadline's week.

Deterministic: the same SEED writes the same files.
"""
import datetime
import json
import math
import os
import random
import sys

ROLES = ["data-scientist", "data-engineer", "ml-engineer", "annotator", "domain-expert", "devops"]
# role, count, from_week (everyone stays to week 52)
TEAM = [
    ("data-scientist", 3, 0),
    ("data-engineer", 2, 0),
    ("ml-engineer", 2, 6),
    ("annotator", 2, 2),
    ("domain-expert", 1, 0),
    ("devops", 1, 12),
]
TO_WEEK = 52
# name, start_week, needs
STAGES = [
    ("data preparation", 0, ["data-engineer"]),
    ("labelling", 2, ["annotator", "domain-expert"]),
    ("modelling", 4, ["data-scientist"]),
    ("deployment", 12, ["ml-engineer", "devops"]),
]
# Each method: its stage and role (20 in all, in the order the team would list them).
METHODS = [
    ("data preparation", "data-engineer", "source inventory and access"),
    ("data preparation", "data-engineer", "ingestion pipeline"),
    ("data preparation", "data-scientist", "leakage and baseline checks"),
    ("data preparation", "domain-expert", "label definition workshop"),
    ("data preparation", "data-engineer", "feature store tables"),
    ("labelling", "annotator", "annotation guidelines pilot"),
    ("labelling", "annotator", "first labelling batch"),
    ("labelling", "domain-expert", "adjudication of hard cases"),
    ("labelling", "annotator", "second labelling batch"),
    ("modelling", "data-scientist", "logistic regression"),
    ("modelling", "data-scientist", "gradient-boosted trees"),
    ("modelling", "data-scientist", "explainable boosting"),
    ("modelling", "ml-engineer", "training pipeline"),
    ("modelling", "data-scientist", "error analysis"),
    ("modelling", "domain-expert", "review of the errors"),
    ("modelling", "ml-engineer", "hyper-parameter search"),
    ("deployment", "devops", "serving infrastructure"),
    ("deployment", "ml-engineer", "batch scoring service"),
    ("deployment", "devops", "monitoring dashboards"),
    ("deployment", "ml-engineer", "shadow run and hand-over"),
]
# method index -> the earlier methods it waits for
AFTER = {
    4: [1],
    6: [5],
    8: [6],
    9: [2, 4],
    10: [9],
    13: [10, 11],
    14: [13],
    17: [12, 16],
    19: [17, 18],
}
START = datetime.date(2026, 1, 5)
DEADLINE_WEEK = 34
PRIOR_MEAN = 1.3  # plan/accuracy.hpp: the prior's mean factor and log spread
PRIOR_LOG_SD = 0.4


def half(x):
    return round(x * 2) / 2


def estimates(seed):
    rng = random.Random(seed)
    out = []
    for i in range(len(METHODS)):
        o = half(rng.uniform(0.5, 3.5))
        m = half(o * rng.uniform(1.2, 2.2))
        p = half(m * rng.uniform(1.4, 2.6))
        m = max(m, o)
        p = max(p, m)
        out.append((o, m, p))
    # One single-number estimate (o = m = p: a certain effort) and one with m at o.
    out[3] = (2.0, 2.0, 2.0)
    out[15] = (out[15][0], out[15][0], max(out[15][2], out[15][0] + 1))
    return out


def fmt(x):
    return f"{x:g}"


def charter(effort):
    deadline = START + datetime.timedelta(days=7 * DEADLINE_WEEK)
    lines = [
        "# The plan of bench/outlook_speed.sh (written by bench/make_plan.py): 20 methods,",
        "# 6 roles, 4 stages, a few dependencies.",
        "version: 1",
        "",
        "project:",
        "  name: Outlook benchmark",
        "  owner: Head of Analytics",
        f"  start: {START.isoformat()}",
        "",
        "summary: >",
        "  Flag the support tickets that will escalate, so that senior agents see them first.",
        "",
        "task:",
        "  type: binary",
        "  target: ticket escalated within 7 days",
        "",
        "success:",
        "  metric: roc_auc",
        "  threshold: 0.85",
        "",
        "team:",
    ]
    for role, count, start in TEAM:
        lines += [
            f"  - role: {role}",
            f"    count: {count}",
            f"    from_week: {start}",
            f"    to_week: {TO_WEEK}",
        ]
    lines += [
        "",
        "plan:",
        "  budget_person_weeks: 140",
        f"  deadline: {deadline.isoformat()}",
        "  rework: {probability: 0.15, cost: 0.3}",
        "  methods:",
    ]
    for i, ((stage, role, name), (o, m, p)) in enumerate(zip(METHODS, effort)):
        lines.append(f"    - name: {name}")
        if o == m == p:
            lines.append(f"      effort: {{likely: {fmt(m)}}}")
        else:
            lines.append(
                f"      effort: {{optimistic: {fmt(o)}, likely: {fmt(m)}, pessimistic: {fmt(p)}}}"
            )
        lines.append(f"      role: {role}")
        lines.append(f"      stage: {stage}")
        if i in AFTER:
            lines.append(f"      after: [{', '.join(METHODS[j][2] for j in AFTER[i])}]")
    lines.append("  stages:")
    for name, start, needs in STAGES:
        lines += [
            f"    - name: {name}",
            f"      start_week: {start}",
            f"      needs: [{', '.join(needs)}]",
        ]
    return "\n".join(lines) + "\n"


def model(effort):
    role = {r: i for i, r in enumerate(ROLES)}
    stage = {name: (start, [role[r] for r in needs]) for name, start, needs in STAGES}
    works = []
    for i, ((st, r, name), (o, m, p)) in enumerate(zip(METHODS, effort)):
        works.append({
            "name": name,
            "role": role[r],
            "o": o,
            "m": m,
            "p": p,
            "start_week": stage[st][0],
            "needs": stage[st][1],
            "after": AFTER.get(i, []),
        })
    return {
        "start": START.isoformat(),
        "deadline_week": DEADLINE_WEEK,
        "now_week": 0,
        "horizon_week": TO_WEEK,
        "roles": ROLES,
        "staff": [{"role": role[r], "count": c, "from_week": f, "to_week": TO_WEEK}
                  for r, c, f in TEAM],
        "works": works,
        "rework": {"probability": 0.15, "cost": 0.3, "max_passes": 8},
        "accuracy": {"log_mean": math.log(PRIOR_MEAN) - PRIOR_LOG_SD ** 2 / 2,
                     "log_sd": PRIOR_LOG_SD},
    }


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: make_plan.py OUT_DIR [SEED]")
    out = sys.argv[1]
    seed = int(sys.argv[2]) if len(sys.argv) == 3 else 7
    os.makedirs(out, exist_ok=True)
    effort = estimates(seed)
    with open(os.path.join(out, "foresight.yaml"), "w") as f:
        f.write(charter(effort))
    with open(os.path.join(out, "plan.json"), "w") as f:
        json.dump(model(effort), f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
