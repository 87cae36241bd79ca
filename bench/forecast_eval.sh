#!/usr/bin/env bash
# The forecaster on about 3,400 real learning curves (LCDB 1.1, bench/data/): per cut-off,
# the mean and median absolute error at the largest anchor of the ensemble, of each family
# fitted alone by the same code, and of the "last value" baseline; the 80% band's
# coverage; failures; milliseconds per curve. Then the same on the curves held out from
# tuning, and, for scale, SciPy's curve_fit fitting one family per curve in the same run.
# Usage: bench/forecast_eval.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
data=$(mktemp)
trap 'rm -f "$data"' EXIT
zcat bench/data/lcdb11-dev.csv.gz > "$data"
echo "All curves:"
"$build/bench/forecast_eval" "$data"
echo
echo "Curves held out from tuning (all but every 4th):"
"$build/bench/forecast_eval" --except-every 4 "$data"
echo
echo "Peer, 25% cut-off, every 10th curve: SciPy curve_fit of mmf4 alone:"
/usr/bin/python3 bench/peers/curve_fit_peer.py "$data" 10 0.25
