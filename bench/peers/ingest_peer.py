#!/usr/bin/env python3
"""The peer of `foresight run add`: what a user would otherwise write with the standard
library. Reads the evaluation set's ids from DB (table examples(id)), then the predictions
CSV; checks each id is known and not repeated and each score is a finite number in [0, 1];
stores (id, score) rows in one transaction, all or nothing.

Usage: ingest_peer.py DB PREDICTIONS.csv
"""
import csv
import math
import sqlite3
import sys


def main() -> None:
    db, path = sys.argv[1], sys.argv[2]
    con = sqlite3.connect(db)
    known = {row[0]: i for i, row in enumerate(con.execute("SELECT id FROM examples"))}
    seen = set()
    rows = []
    with open(path, newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        id_col, score_col = header.index("id"), header.index("score")
        for line, record in enumerate(reader, start=2):
            example = record[id_col]
            score = float(record[score_col])
            if example not in known or example in seen:
                sys.exit(f"{path}:{line}: unknown or repeated id {example!r}")
            if not (math.isfinite(score) and 0 <= score <= 1):
                sys.exit(f"{path}:{line}: score {score} is not a probability")
            seen.add(example)
            rows.append((known[example], score))
    if len(seen) != len(known):
        sys.exit(f"{path}: {len(known) - len(seen)} examples have no prediction")
    with con:
        con.execute("CREATE TABLE IF NOT EXISTS predictions(example INTEGER, score REAL)")
        con.execute("DELETE FROM predictions")
        con.executemany("INSERT INTO predictions VALUES (?, ?)", rows)
    con.close()


if __name__ == "__main__":
    main()
