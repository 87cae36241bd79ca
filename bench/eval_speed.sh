#!/usr/bin/env bash
# `foresight eval` end to end (process start to output: reading the stored predictions,
# preparing the metric, the bootstrap, the interval, the report) on 1,000,000 binary
# predictions, against the kernel benchmark (bench/evidence_bench: the bootstrap alone, on
# data already in memory, percentile interval, 2 threads) and the SciPy + scikit-learn peer
# (bench/peers/eval_peer.py, also end to end), in one run. Same data recipe for all three
# (bench/make_scores.py). Prints a Markdown table of times and ratios.
#
# With N other than 1,000,000 the kernel benchmark (which runs at a million) is left out:
# `bench/eval_speed.sh build/release 10000000` measures the bar of ten million predictions.
# Every eval runs with --no-cache, so each timing computes its numbers instead of reading
# the result cache the first run wrote.
#
# Usage: bench/eval_speed.sh [BUILD_DIR] [N]   (defaults build/release, 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
n=${2:-1000000}
foresight=$(realpath "$build/src/foresight")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 bench/make_scores.py "$n" "$work"
mkdir "$work/ws"
(cd "$work/ws" && "$foresight" init >/dev/null &&
  "$foresight" evalset add big "$work/evalset.csv" --id id --label label --positive 1 >/dev/null &&
  "$foresight" run add r --evalset big --predictions "$work/preds.csv" >/dev/null)

kernel_ms=0
kernel_bca_ms=0
if [ "$n" = 1000000 ]; then
  kernel=$("$build/bench/evidence_bench" --benchmark_filter='BM_Bootstrap(Interval|Bca)/roc_auc' \
    --benchmark_format=csv 2>/dev/null)
  kernel_ms=$(echo "$kernel" | grep 'BM_BootstrapInterval/roc_auc' | cut -d, -f3)
  kernel_bca_ms=$(echo "$kernel" | grep 'BM_BootstrapBca/roc_auc' | cut -d, -f3)
fi

eval="$foresight eval r --no-cache --workspace $work/ws"
hyperfine --warmup 1 --runs 5 --export-json "$work/ours.json" \
  -n "eval --metric roc_auc --resamples 1000 (BCa, the default interval)" \
  "$eval --metric roc_auc --resamples 1000" \
  -n "eval --metric roc_auc --resamples 1000 --interval percentile" \
  "$eval --metric roc_auc --resamples 1000 --interval percentile" \
  -n "eval (all defaults: roc_auc and accuracy, 2,000 resamples, BCa)" \
  "$eval" >/dev/null
# The peer at two resample counts; the difference gives the cost of one resample.
hyperfine --runs 3 --export-json "$work/peer.json" \
  -n "peer, 2 resamples" "/usr/bin/python3 bench/peers/eval_peer.py $work 2" \
  -n "peer, 12 resamples" "/usr/bin/python3 bench/peers/eval_peer.py $work 12" >/dev/null

/usr/bin/python3 - "$work" "$kernel_ms" "$kernel_bca_ms" "$n" <<'PY'
import json, sys
work, kernel, kernel_bca = sys.argv[1], float(sys.argv[2]) / 1000, float(sys.argv[3]) / 1000
n = int(sys.argv[4])
ours = json.load(open(f"{work}/ours.json"))["results"]
peer_runs = json.load(open(f"{work}/peer.json"))["results"]


def extrapolate(values, resamples):
    """The peer's figure at `resamples`, from its runs at 2 and 12 (linear in resamples)."""
    return values[0] + (values[1] - values[0]) / 10 * (resamples - 2)


peer_wall = [r["mean"] for r in peer_runs]
# CPU time (user + system) as well: on a machine shared with other work it is distorted
# less than the wall clock, though it does not credit our use of two cores.
peer_cpu = [r["user"] + r["system"] for r in peer_runs]
peer_1000 = extrapolate(peer_wall, 1000)
has_kernel = kernel > 0
ratio = lambda value: f"{value:.2f}" if has_kernel else "n/a"
print(f"| Work (n = {n:,}, 1,000 resamples unless said) | time | / kernel benchmark "
      "| peer / this (wall) | peer / this (CPU) |")
print("|---|---:|---:|---:|---:|")
if has_kernel:
    print(f"| kernel benchmark (bootstrap only, percentile, in memory) | {kernel:.2f} s | 1.00 "
          f"| {peer_1000 / kernel:.0f}x | |")
    print(f"| kernel benchmark, BCa (the jackknife included) | {kernel_bca:.2f} s "
          f"| {kernel_bca / kernel:.2f} | {peer_1000 / kernel_bca:.0f}x | |")
for r in ours:
    m = r["mean"]
    cpu = r["user"] + r["system"]
    # The all-defaults run draws 2,000 resamples: it is set against twice the kernel's time
    # for 1,000 (the cost is linear in resamples) and the peer's extrapolated to 2,000.
    scale = 2 if "all defaults" in r["command"] else 1
    wall_same = extrapolate(peer_wall, 1000 * scale)
    cpu_same = extrapolate(peer_cpu, 1000 * scale)
    print(f"| `foresight {r['command']}` | {m:.2f} s ± {r['stddev']:.2f} (CPU {cpu:.2f} s) "
          f"| {ratio(m / (kernel * scale)) if has_kernel else 'n/a'} | {wall_same / m:.0f}x "
          f"| {cpu_same / cpu:.0f}x |")
print(f"| peer end to end (percentile; extrapolated from 2 and 12 resamples) | {peer_1000:.0f} s "
      f"(CPU {extrapolate(peer_cpu, 1000):.0f} s) "
      f"| {ratio(peer_1000 / kernel) if has_kernel else 'n/a'} | 1x | 1x |")
PY
