#!/usr/bin/env bash
# `foresight report` on a workspace of R runs of N binary predictions each (default 1,000 x
# 10,000, the history of bench/make_history: three methods, most runs below the target, a
# few near it), with a charter (roc_auc >= 0.90 and a gate), end to end (process start to
# the HTML file written):
#   - cold: --no-cache, every number computed: the ranking of every run (the bootstrap for
#     the 20 best contenders), the best run's slices, its comparisons, the gate, the
#     criteria history re-scored;
#   - warm: the same command again, the numbers read from the result cache (what a team
#     sees when it opens the report after the first time);
#   - the peer: what the leaderboard alone costs with scikit-learn and SciPy
#     (bench/peers/rescore_peer.py: roc_auc_score of every run, scipy.stats.bootstrap of the
#     20 contenders), timed on a sample and scaled.
# Prints a Markdown table and the report's size (the bar: under 2 s and under 5 MB).
#
# Usage: bench/report_speed.sh [BUILD_DIR] [N] [R]   (defaults: build/release 10000 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
n=${2:-10000}
runs=${3:-1000}
foresight=$(realpath "$build/src/foresight")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/ws" "$work/peer"
(cd "$work/ws" && "$foresight" init >/dev/null)
cat > "$work/ws/foresight.yaml" <<'YAML'
version: 1
project: {name: Report benchmark, owner: nobody}
summary: A thousand runs of a long project.
task: {type: binary, target: churn}
success:
  metric: roc_auc
  threshold: 0.90
  evaluation: {drawn_like_production: true}
gate:
  production: run-1
YAML
"$build/bench/make_history" "$work/ws" "$n" "$runs" "$work/peer" 20
report="$foresight report --workspace $work/ws --quiet -o $work/report.html"

hyperfine --runs 3 --export-json "$work/cold.json" -n "report, cold (--no-cache)" \
  "$report --no-cache" >/dev/null
hyperfine --warmup 1 --runs 10 --export-json "$work/warm.json" -n "report, warm (cache)" \
  "$report" >/dev/null
read -r peer_run peer_resample < <(/usr/bin/python3 bench/peers/rescore_peer.py "$work/peer" 8 \
  2>/dev/null)
bytes=$(stat -c %s "$work/report.html")

/usr/bin/python3 - "$work" "$runs" "$n" "$peer_run" "$peer_resample" "$bytes" <<'PY'
import json, sys
work, runs, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
peer_run, peer_resample, size = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
def load(name):
    r = json.load(open(f"{work}/{name}.json"))["results"][0]
    return r["mean"], r["user"] + r["system"]
cold, cold_cpu = load("cold")
warm, warm_cpu = load("warm")
peer = runs * peer_run + 20 * 2000 * peer_resample
print(f"{runs} runs x {n} predictions; report.html is {size / 1024:.0f} KB\n")
print("| Work | wall clock | CPU time | peer / this (wall) |")
print("|---|---:|---:|---:|")
print(f"| `foresight report`, cold (`--no-cache`) | {cold:.2f} s | {cold_cpu:.2f} s | {peer / cold:.1f}x |")
print(f"| `foresight report`, warm (result cache) | {warm:.3f} s | {warm_cpu:.3f} s | {peer / warm:.0f}x |")
print(f"| peer: the leaderboard alone, roc_auc_score of every run + scipy.stats.bootstrap of 20 (scaled) | "
      f"{peer:.1f} s | | 1x |")
PY
