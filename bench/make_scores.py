#!/usr/bin/env python3
"""Writes the data of bench/eval_speed.sh: n binary examples drawn as bench/evidence_bench.cpp
and bench/peers/bootstrap_peer.py draw theirs (30% positives, logistic scores rounded to 4
decimals, so scores tie as real ones do), for foresight and for the peer.

Usage: make_scores.py N DIR -> DIR/evalset.csv (id,label), DIR/preds.csv (id,score) for
`foresight evalset add` / `run add`, and DIR/label.npy, DIR/score.npy for the peer.
Deterministic: the same N gives the same files."""
import sys

import numpy as np


def main() -> int:
    n, folder = int(sys.argv[1]), sys.argv[2]
    rng = np.random.default_rng(42)
    y = (rng.random(n) < 0.3).astype(np.int64)
    score = np.round(1 / (1 + np.exp(-(1.2 * y + rng.normal(size=n) - 0.6))), 4)
    np.save(f"{folder}/label.npy", y)
    np.save(f"{folder}/score.npy", score)
    ids = np.char.add("ex", np.arange(n).astype(str))
    with open(f"{folder}/evalset.csv", "w") as f:
        f.write("id,label\n")
        f.write("".join(f"{i},{v}\n" for i, v in zip(ids, y)))
    with open(f"{folder}/preds.csv", "w") as f:
        f.write("id,score\n")
        f.write("".join(f"{i},{s:.4f}\n" for i, s in zip(ids, score)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
