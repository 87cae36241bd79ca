#!/usr/bin/env python3
"""The peer of the forecaster's fitting: SciPy's curve_fit (trust-region reflective, with
bounds) fitting ONE family (mmf4, the best single family in LCDB 1.0) per curve, on the same
curves and cut-off as bench/forecast_eval. Prints the mean milliseconds per curve and the
mean absolute error at the largest anchor.

Usage: curve_fit_peer.py LCDB_CSV [EVERY] [CUTOFF]   (defaults: every 10th curve, 0.25)
"""
import csv
import sys
import time
import warnings

import numpy as np
from scipy.optimize import curve_fit


def mmf4(u, a, b, c, d):
    ud = np.power(u, d)
    return (a * b + c * ud) / (b + ud)


def main() -> None:
    path = sys.argv[1]
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    cutoff = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
    curves = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            curves.setdefault(row["curve_id"], []).append(
                (float(row["anchor"]), float(row["error_rate"])))
    warnings.simplefilter("ignore")
    times, errors = [], []
    for index, key in enumerate(sorted(curves)):
        if index % every:
            continue
        points = sorted(curves[key])
        largest, truth = points[-1]
        fit = [(x, y) for x, y in points if x <= cutoff * largest]
        if len(fit) < 5:
            continue
        x = np.array([p[0] for p in fit])
        y = np.array([p[1] for p in fit])
        u = x / x[-1]
        start = time.perf_counter()
        try:
            params, _ = curve_fit(mmf4, u, y, p0=[1.2 * y[0], 0.1, 0.9 * y.min(), 1.0],
                                  bounds=([0, 1e-8, 0, 0.05], [10, 1e4, 1.5, 4]), maxfev=10000)
            prediction = float(mmf4(largest / x[-1], *params))
        except RuntimeError:
            prediction = float(y[-1])
        times.append(time.perf_counter() - start)
        errors.append(abs(prediction - truth))
    print(f"curves {len(times)} ms_per_curve {1000 * np.mean(times):.2f} "
          f"mae {np.mean(errors):.4f}")


if __name__ == "__main__":
    main()
