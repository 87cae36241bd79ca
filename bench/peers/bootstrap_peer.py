#!/usr/bin/env python3
"""The peer for bench/evidence_bench.cpp: what a user would otherwise run for a 95%
bootstrap interval of a metric on n = 1,000,000 examples, scipy.stats.bootstrap over
scikit-learn's metric (Debian's python3-scipy and python3-sklearn, /usr/bin/python3),
method="percentile", vectorized=False. Running 1,000 resamples takes minutes, so the peer
runs RESAMPLES (default 5) and the time is scaled linearly to 1,000 (the per-resample cost
is constant: each resample is one metric call on a resampled copy). SciPy and scikit-learn
offer no DeLong test, so it has no peer here.

The data are generated like bench/evidence_bench.cpp's: 30% positives, logistic scores
rounded to 4 decimals. Prints one line per metric: name, seconds per 1,000 resamples."""
import sys
import time

import numpy as np
from scipy import stats
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score


def main() -> int:
    resamples = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    rng = np.random.default_rng(42)
    n = 1_000_000
    y = (rng.random(n) < 0.3).astype(int)
    score = np.round(1 / (1 + np.exp(-(1.2 * y + rng.normal(size=n) - 0.6))), 4)
    predicted = (score >= 0.5).astype(int)
    cases = [
        ("roc_auc", roc_auc_score, (y, score)),
        ("accuracy", accuracy_score, (y, predicted)),
        ("log_loss", lambda a, b: log_loss(a, b, labels=[0, 1]), (y, score)),
    ]
    for name, metric, data in cases:
        start = time.perf_counter()
        stats.bootstrap(data, metric, paired=True, vectorized=False, n_resamples=resamples,
                        method="percentile", confidence_level=0.95, random_state=0)
        elapsed = time.perf_counter() - start
        print(f"{name} {elapsed / resamples * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
