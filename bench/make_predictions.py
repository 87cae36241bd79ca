#!/usr/bin/env python3
"""Writes a synthetic binary evaluation set and one run's predictions, n rows each.

Usage: make_predictions.py N DIR  ->  DIR/evalset.csv (id,label,region), DIR/preds.csv
(id,score, in the set's order) and DIR/preds_shuffled.csv (the same rows, shuffled).
Deterministic: the same N gives the same files.
"""
import random
import sys


def main() -> None:
    n, folder = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(7)
    rows = []
    with open(f"{folder}/evalset.csv", "w") as evalset, open(f"{folder}/preds.csv", "w") as preds:
        evalset.write("id,label,region\n")
        preds.write("id,score\n")
        for i in range(n):
            label = 1 if rng.random() < 0.3 else 0
            region = "north" if i % 3 else "south"
            score = min(1.0, 0.3 * label + rng.random() * 0.7)
            evalset.write(f"ex{i},{label},{region}\n")
            rows.append(f"ex{i},{score:.6f}\n")
            preds.write(rows[-1])
    rng.shuffle(rows)
    with open(f"{folder}/preds_shuffled.csv", "w") as shuffled:
        shuffled.write("id,score\n")
        shuffled.writelines(rows)


if __name__ == "__main__":
    main()
