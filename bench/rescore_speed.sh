#!/usr/bin/env bash
# Re-scoring a history (issue: instant re-scoring when the metric changes): `foresight rank`
# on R runs of N binary predictions each (default 1,000 x 100,000) against the target
# roc_auc >= 0.90, end to end (process start to printed table):
#   - cold: --no-cache, every number computed (point estimates and jackknife standard errors
#     of every run, the bootstrap of the runs that could meet the target);
#   - warm: the same command again, read from the result cache;
#   - before: what `foresight eval` of every run costs with the defaults (a full bootstrap
#     per run), timed on 10 runs and scaled to R;
#   - the peer (bench/peers/rescore_peer.py): scikit-learn's roc_auc_score of every run and
#     scipy.stats.bootstrap for the same contenders, timed on a sample and scaled.
# Prints a Markdown table with CPU times beside wall-clock ones (the machines are shared).
#
# Usage: bench/rescore_speed.sh [BUILD_DIR] [N] [R]   (defaults: build/release 100000 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
n=${2:-100000}
runs=${3:-1000}
foresight=$(realpath "$build/src/foresight")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir "$work/ws" "$work/peer"
(cd "$work/ws" && "$foresight" init >/dev/null)
printf 'version: 1\nsuccess:\n  metric: roc_auc\n  threshold: 0.90\n' > "$work/ws/foresight.yaml"
"$build/bench/make_history" "$work/ws" "$n" "$runs" "$work/peer" 20
rank="$foresight rank --workspace $work/ws"

# Contenders: the runs the bootstrap measures.
contenders=$($rank --format json | /usr/bin/python3 -c '
import json, sys
groups = json.load(sys.stdin)["groups"]
print(sum(r["screen"] == "contender" for g in groups for r in g["runs"]))')

hyperfine --runs 3 --export-json "$work/cold.json" -n "rank, cold (--no-cache)" \
  "$rank --no-cache" >/dev/null
hyperfine --warmup 1 --runs 10 --export-json "$work/warm.json" -n "rank, warm (cache)" \
  "$rank" >/dev/null
first10=$(seq -f 'run-%g' 0 9 | tr '\n' ' ')
hyperfine --runs 2 --export-json "$work/before.json" -n "eval of 10 runs (defaults)" \
  "$foresight eval --workspace $work/ws --metric roc_auc --no-cache $first10" >/dev/null
read -r peer_run peer_resample < <(/usr/bin/python3 bench/peers/rescore_peer.py "$work/peer" 8 \
  2>/dev/null)

/usr/bin/python3 - "$work" "$runs" "$n" "$contenders" "$peer_run" "$peer_resample" <<'PY'
import json, sys
work, runs, n, contenders = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
peer_run, peer_resample = float(sys.argv[5]), float(sys.argv[6])
def load(name):
    r = json.load(open(f"{work}/{name}.json"))["results"][0]
    return r["mean"], r["user"] + r["system"]
cold, cold_cpu = load("cold")
warm, warm_cpu = load("warm")
before, before_cpu = load("before")
scale = runs / 10
peer = runs * peer_run + contenders * 2000 * peer_resample
print(f"{runs} runs x {n} predictions; {contenders} runs could meet the target (bootstrapped)\n")
print("| Work | wall clock | CPU time | peer / this (wall) |")
print("|---|---:|---:|---:|")
print(f"| `foresight rank`, cold (`--no-cache`) | {cold:.2f} s | {cold_cpu:.2f} s | {peer / cold:.0f}x |")
print(f"| `foresight rank`, warm (result cache) | {warm:.3f} s | {warm_cpu:.3f} s | {peer / warm:.0f}x |")
print(f"| `foresight eval` of every run, defaults (10 timed, scaled) | {before * scale:.0f} s | "
      f"{before_cpu * scale:.0f} s | {peer / (before * scale):.1f}x |")
print(f"| peer: roc_auc_score of every run + scipy.stats.bootstrap of the contenders (scaled) | "
      f"{peer:.0f} s | | 1x |")
PY
