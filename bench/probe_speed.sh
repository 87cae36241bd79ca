#!/usr/bin/env bash
# The probe against the same protocol written with scikit-learn (bench/peers/probe_peer.py),
# in the same run, on two tables:
#   - German Credit (1,000 rows, 20 features; from Debian's weka package, scripts/fetch-data);
#   - a synthetic binary table of ROWS rows and 50 features (bench/make_synthetic.py).
# Prints the wall times (hyperfine), the ratio, and each learner's ROC AUC at full size both
# ways, with foresight's 95% interval: the two should agree within it.
# Usage: bench/probe_speed.sh [FORESIGHT] [ROWS] [RUNS]
#   ROWS: the synthetic table's rows (default 100000); RUNS: hyperfine runs on German
#   Credit (default 5; the synthetic table is timed once each).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
foresight=$(realpath "${1:-$root/build/release/src/foresight}")
rows=${2:-100000}
runs=${3:-5}
"$root/scripts/fetch-data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$root/bench/make_synthetic.py" "$rows" "$work/synthetic.csv" 0

bench() {  # NAME DATA TARGET POSITIVE RUNS
  local name=$1 data=$2 target=$3 positive=$4 n=$5
  local ws="$work/ws-$name"
  local ours="$foresight probe $data --target $target --positive $positive --workspace $ws"
  ours="$ours --quiet --format json"
  local peer="/usr/bin/python3 $root/bench/peers/probe_peer.py $data $target $positive"
  echo "== $name: foresight probe vs scikit-learn (bench/peers/probe_peer.py) ==" >&2
  hyperfine --style basic --runs "$n" --export-json "$work/$name-ours.json" \
    --prepare "rm -rf $ws && $foresight init $ws > /dev/null" -n foresight "$ours" >&2
  hyperfine --style basic --runs 1 --export-json "$work/$name-peer.json" -n scikit-learn \
    "$peer > $work/$name-peer-out.json" >&2
  rm -rf "$ws" && "$foresight" init "$ws" > /dev/null
  $ours > "$work/$name-ours-out.json"
  /usr/bin/python3 - "$name" "$work" <<'EOF'
import json, sys
name, work = sys.argv[1], sys.argv[2]
mean = lambda f: json.load(open(f))["results"][0]["mean"]
ours, peer = mean(f"{work}/{name}-ours.json"), mean(f"{work}/{name}-peer.json")
print(f"\n{name}: foresight {ours:.2f} s, scikit-learn {peer:.2f} s, ratio {peer / ours:.1f}x")
doc = json.load(open(f"{work}/{name}-ours-out.json"))
sk = json.load(open(f"{work}/{name}-peer-out.json"))
print(f"| learner | foresight roc_auc [95% CI] | scikit-learn roc_auc | inside |")
print(f"|---|---|---|---|")
full = str(max(int(s) for s in sk["learners"]["linear"]))
for l in doc["learners"]:
    m = l["metric"]
    theirs = sk["learners"][l["name"]].get(full)
    inside = theirs is not None and m["lower"] <= theirs <= m["upper"]
    print(f"| {l['name']} | {m['estimate']:.3f} [{m['lower']:.3f}, {m['upper']:.3f}] | "
          f"{theirs:.3f} | {'yes' if inside else 'NO'} |")
EOF
}

bench credit-g "$root/build/data/credit-g.arff" class bad "$runs"
bench synthetic "$work/synthetic.csv" label yes 1
