#!/usr/bin/env bash
# What acknowledging only what is on the disk costs: a storing command commits once, and with
# `PRAGMA synchronous = FULL` (WAL mode) that commit waits for an fsync of the write-ahead
# log, which NORMAL skips. Measured two ways, in one run:
#   1. the fsync itself: 300 one-row commits to a WAL database on the same file system, with
#      synchronous NORMAL and FULL (Python's sqlite3 module, the same SQLite library);
#   2. what a user waits for: `foresight run add` of 100 and of 1,000,000 predictions, which
#      includes that one commit.
# Prints a Markdown table.
#
# Usage: bench/durability_speed.sh [BUILD_DIR] [DIR]   (defaults build/release, a new folder
# under the repository's build/, so that the file system is the one workspaces live on)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
foresight=$(realpath "$build/src/foresight")
mkdir -p build
work=$(realpath "$(mktemp -d "${2:-build}/durability.XXXXXX")")
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work" <<'PY' > "$work/commits.md"
import os, sqlite3, sys, time
work = sys.argv[1]
for mode in ("NORMAL", "FULL"):
    path = os.path.join(work, f"{mode}.db")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA synchronous = {mode}")
    db.execute("CREATE TABLE t (x INTEGER)")
    start = time.perf_counter()
    for i in range(300):
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t VALUES (?)", (i,))
        db.execute("COMMIT")
    per = (time.perf_counter() - start) / 300 * 1000
    print(f"| one commit, synchronous = {mode} | {per:.2f} ms |")
    db.close()
PY

/usr/bin/python3 bench/make_scores.py 1000000 "$work" >/dev/null
head -101 "$work/evalset.csv" > "$work/small-set.csv"
head -101 "$work/preds.csv" > "$work/small-preds.csv"
mkdir "$work/ws"
(cd "$work/ws" && "$foresight" init >/dev/null &&
  "$foresight" evalset add big "$work/evalset.csv" --id id --label label --positive 1 >/dev/null &&
  "$foresight" evalset add small "$work/small-set.csv" --id id --label label --positive 1 >/dev/null)
ws="--workspace $work/ws"
hyperfine --warmup 2 --runs 20 --export-json "$work/small.json" \
  --prepare "$foresight run rm s $ws >/dev/null 2>&1 || true" \
  -n "run add, 100 predictions" "$foresight run add s --evalset small --predictions $work/small-preds.csv $ws" \
  >/dev/null
hyperfine --warmup 1 --runs 5 --export-json "$work/big.json" \
  --prepare "$foresight run rm b $ws >/dev/null 2>&1 || true" \
  -n "run add, 1,000,000 predictions" "$foresight run add b --evalset big --predictions $work/preds.csv $ws" \
  >/dev/null

echo "| Work | mean |"
echo "|---|---:|"
cat "$work/commits.md"
/usr/bin/python3 - "$work" <<'PY'
import json, sys
for name in ("small", "big"):
    for r in json.load(open(f"{sys.argv[1]}/{name}.json"))["results"]:
        print(f"| `foresight {r['command']}` (synchronous = FULL) | {r['mean'] * 1000:.1f} ms ± {r['stddev'] * 1000:.1f} |")
PY
