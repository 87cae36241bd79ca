#!/usr/bin/env python3
"""The peer of bench/rescore_speed.sh: what a user would otherwise run to re-score a history
of runs on a new metric with scikit-learn and SciPy (Debian's python3-sklearn and
python3-scipy, /usr/bin/python3): roc_auc_score of every run for the ranking, then
scipy.stats.bootstrap (percentile, paired, vectorized=False, 2,000 resamples) for the runs
that could meet the target, the same work `foresight rank` does.

The runs are read from NumPy's .npy files (bench/make_history writes the labels and the first
K runs' scores), the fastest a Python user could load them. Every run costs the same, and
so does every resample, so the script times K runs' point estimates and a few resamples of
one run, and prints the per-run and per-resample seconds; rescore_speed.sh scales them to the
whole history.

Usage: rescore_peer.py DIR RESAMPLES   (prints: seconds_per_run seconds_per_resample)"""
import sys
import time

import numpy as np
from scipy import stats
from sklearn.metrics import roc_auc_score


def main() -> int:
    folder, resamples = sys.argv[1], int(sys.argv[2])
    y = np.load(f"{folder}/labels.npy")
    scores = np.load(f"{folder}/scores.npy")
    start = time.perf_counter()
    estimates = [roc_auc_score(y, s) for s in scores]
    per_run = (time.perf_counter() - start) / len(scores)
    best = scores[int(np.argmax(estimates))]
    timings = []
    for b in (2, resamples):
        start = time.perf_counter()
        stats.bootstrap((y, best), roc_auc_score, paired=True, vectorized=False, n_resamples=b,
                        method="percentile", confidence_level=0.95, random_state=0)
        timings.append(time.perf_counter() - start)
    per_resample = (timings[1] - timings[0]) / (resamples - 2)
    print(f"{per_run:.6f} {per_resample:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
