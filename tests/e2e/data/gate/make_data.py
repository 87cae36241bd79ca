#!/usr/bin/env python3
"""Writes the gate cases' data: an evaluation set of 400 loan applications with a slice
column `group`, and three runs' scores. Scores are drawn first and labels from them
(Bernoulli), so the scores are calibrated by construction: `candidate` is sharp (about 94%
accurate), `current` is softer and gets one in eight the wrong way round (about 82%), and `rushed` is `candidate` with 40% of group B's
scores flipped, so its recall on group B is poor.

Usage: make_data.py OUT_DIR   (seeded: the same files every time)"""
import os
import random
import sys


def main() -> int:
    out = sys.argv[1]
    rng = random.Random(7)
    rows = []
    for i in range(400):
        group = "B" if i % 3 == 0 else "A"
        sharp = rng.choice([0.02, 0.05, 0.1, 0.9, 0.95, 0.98])
        label = 1 if rng.random() < sharp else 0
        # The softer model ranks the same way, less sure of itself.
        soft = {0.02: 0.1, 0.05: 0.2, 0.1: 0.3, 0.9: 0.7, 0.95: 0.8, 0.98: 0.9}[sharp]
        # ... and gets one in eight of them the wrong way round.
        soft = 1 - soft if rng.random() < 0.125 else soft
        rushed = 1 - sharp if group == "B" and rng.random() < 0.4 else sharp
        rows.append((f"app-{i:03d}", group, label, sharp, soft, rushed))
    with open(os.path.join(out, "eval.csv"), "w", encoding="utf-8") as f:
        f.write("id,group,label\n")
        for r in rows:
            f.write(f"{r[0]},{r[1]},{r[2]}\n")
    for column, name in ((3, "candidate"), (4, "current"), (5, "rushed")):
        with open(os.path.join(out, f"{name}.csv"), "w", encoding="utf-8") as f:
            f.write("id,score\n")
            for r in rows:
                f.write(f"{r[0]},{r[column]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
