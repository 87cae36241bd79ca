#!/usr/bin/env bash
# How fast `foresight run add` stores 1,000,000 binary predictions from CSV (parse, check
# every id, score and row, compress and store in one transaction), against the peer a user
# would otherwise write with Python's standard library (bench/peers/ingest_peer.py: csv,
# the same checks, sqlite3 in one transaction, no compression). Also times `evalset add`.
#
# Usage: bench/ingest_speed.sh [FORESIGHT]   (default build/release/src/foresight)
# Writes the table to stdout in Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
foresight=$(realpath "${1:-build/release/src/foresight}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 bench/make_predictions.py 1000000 "$work"
# A workspace holding the evaluation set, copied afresh before each timed `run add`.
mkdir "$work/pristine"
(cd "$work/pristine" && "$foresight" init >/dev/null &&
  "$foresight" evalset add big "$work/evalset.csv" --id id --label label --slice region \
    --positive 1 >/dev/null)
# The peer's database: the evaluation set's ids.
/usr/bin/python3 - "$work" <<'PY'
import csv, sqlite3, sys
folder = sys.argv[1]
con = sqlite3.connect(f"{folder}/peer.db")
with con, open(f"{folder}/evalset.csv", newline="") as f:
    con.execute("CREATE TABLE examples(id TEXT PRIMARY KEY)")
    con.executemany("INSERT INTO examples VALUES (?)", ((r["id"],) for r in csv.DictReader(f)))
PY

hyperfine --warmup 1 --runs 5 --export-markdown "$work/run.md" \
  --prepare "rm -rf $work/ws && cp -r $work/pristine $work/ws" \
  -n "foresight run add (1,000,000 predictions)" \
  "$foresight run add r --evalset big --predictions $work/preds.csv --workspace $work/ws" \
  -n "foresight run add (the same, rows shuffled)" \
  "$foresight run add r --evalset big --predictions $work/preds_shuffled.csv --workspace $work/ws" \
  -n "Python csv + sqlite3 (peer)" \
  "/usr/bin/python3 bench/peers/ingest_peer.py $work/peer.db $work/preds.csv" >/dev/null
cat "$work/run.md"
echo
hyperfine --warmup 1 --runs 5 --export-markdown "$work/evalset.md" \
  --prepare "rm -rf $work/ws && mkdir $work/ws && cd $work/ws && $foresight init >/dev/null" \
  -n "foresight evalset add (1,000,000 examples)" \
  "$foresight evalset add big $work/evalset.csv --id id --label label --slice region --positive 1 --workspace $work/ws" \
  >/dev/null
cat "$work/evalset.md"
