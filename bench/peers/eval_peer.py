#!/usr/bin/env python3
"""The peer of bench/eval_speed.sh: what a user would otherwise run, end to end, for a 95%
bootstrap interval of ROC AUC on stored predictions: start Python, load the labels and
scores, scipy.stats.bootstrap(method="percentile", paired, vectorized=False) over
scikit-learn's roc_auc_score (Debian's python3-scipy and python3-sklearn, /usr/bin/python3).

The data are read from NumPy's own .npy files, the fastest a Python user could load them,
so the peer's loading is not slower than ours. SciPy's BCa needs the leave-one-out
jackknife, n calls of the metric (days at n = 1,000,000), so the peer computes the
percentile interval. 1,000 resamples take minutes: the script runs RESAMPLES, and
eval_speed.sh times two counts and extrapolates linearly (each resample costs the same).

Usage: eval_peer.py DIR RESAMPLES   (DIR as written by bench/make_scores.py)"""
import sys

import numpy as np
from scipy import stats
from sklearn.metrics import roc_auc_score


def main() -> int:
    folder, resamples = sys.argv[1], int(sys.argv[2])
    y = np.load(f"{folder}/label.npy")
    score = np.load(f"{folder}/score.npy")
    estimate = roc_auc_score(y, score)
    result = stats.bootstrap((y, score), roc_auc_score, paired=True, vectorized=False,
                             n_resamples=resamples, method="percentile",
                             confidence_level=0.95, random_state=0)
    interval = result.confidence_interval
    print(f"roc_auc {estimate:.4f} [{interval.low:.4f}, {interval.high:.4f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
