#!/usr/bin/python3
"""Writes a synthetic binary table for the probe's benchmark: ROWS rows, 40 numeric and 10
categorical features, a label that depends on a few features non-linearly and through one
interaction (so the black box has something to find), 5% missing values in two columns.

Usage: bench/make_synthetic.py ROWS OUT.csv [SEED]
"""
import csv
import sys

import numpy as np


def main():
    rows = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(rows, 40))
    levels = [3, 4, 5, 6, 8, 10, 12, 3, 4, 5]
    cats = np.stack([rng.integers(0, k, size=rows) for k in levels], axis=1)
    effect = rng.normal(scale=0.6, size=12)
    logit = (0.8 * x[:, 0] - 0.6 * x[:, 1] + 0.5 * np.sin(2 * x[:, 2]) + 0.4 * x[:, 3] ** 2
             + 0.7 * x[:, 4] * x[:, 5] + effect[cats[:, 6]] - 0.5)
    label = rng.random(rows) < 1 / (1 + np.exp(-logit))
    missing = rng.random((rows, 2)) < 0.05
    with open(out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow([f"x{i}" for i in range(40)] + [f"c{i}" for i in range(10)] + ["label"])
        for r in range(rows):
            values = [f"{v:.5g}" for v in x[r]]
            for j in range(2):
                if missing[r, j]:
                    values[7 + j] = ""
            values += [f"L{c}" for c in cats[r]]
            values.append("yes" if label[r] else "no")
            w.writerow(values)


if __name__ == "__main__":
    main()
