#!/usr/bin/env bash
# The forecaster on about 3,400 real learning curves (LCDB 1.1, bench/data/): per cut-off,
# the mean and median absolute error at the largest anchor of the ensemble, of each family
# fitted alone by the same code, and of the "last value" baseline; the 80% band's
# coverage; failures; milliseconds per curve. Prints a Markdown table.
# Usage: bench/forecast_eval.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
zcat bench/data/lcdb11-dev.csv.gz | "$build/bench/forecast_eval"
