#!/usr/bin/env bash
# The evidence engine against its peer, in one run: bootstrap intervals (1,000 resamples,
# n = 1,000,000, 2 threads) of roc_auc, accuracy and log_loss, and DeLong on 1,000,000
# pairs (bench/evidence_bench, Google Benchmark), then scipy.stats.bootstrap over
# scikit-learn (bench/peers/bootstrap_peer.py, scaled from a few resamples). Prints a
# Markdown table with the ratios. Usage: bench/evidence_speed.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
ours=$(mktemp)
trap 'rm -f "$ours"' EXIT
"$build/bench/evidence_bench" --benchmark_format=csv 2>/dev/null > "$ours"
peer=$(/usr/bin/python3 bench/peers/bootstrap_peer.py 5)
echo "| Work (n = 1,000,000) | foresight | peer (scaled to 1,000 resamples) | ratio |"
echo "|---|---:|---:|---:|"
for metric in roc_auc accuracy log_loss; do
  ms=$(grep "BM_BootstrapInterval/$metric/" "$ours" | cut -d, -f3)
  peer_s=$(echo "$peer" | awk -v m="$metric" '$1 == m {print $2}')
  awk -v m="$metric" -v ms="$ms" -v p="$peer_s" 'BEGIN {
    printf "| 95%% interval of %s, 1,000 resamples | %.2f s | %.0f s | %.0f× |\n", m, ms / 1000, p, p * 1000 / ms }'
done
ms=$(grep "BM_DeLong" "$ours" | cut -d, -f3)
awk -v ms="$ms" 'BEGIN { printf "| DeLong test, two runs | %.2f s | (no peer in SciPy or scikit-learn) | |\n", ms / 1000 }'
