#!/usr/bin/env bash
# `foresight plan outlook` against a straightforward NumPy simulation of the same model
# (bench/peers/outlook_peer.py), in the same run, on the plan of bench/make_plan.py: 20
# methods, 6 roles (some join late, all leave at week 52), 4 stages, a few dependencies,
# rework {probability: 0.15, cost: 0.3}, simulated from the project's first day.
#   - foresight: `plan outlook --futures N --sensitivity-futures 0 --quiet --format json`,
#     process start to the JSON printed (reading the charter and the workspace, the
#     simulation, the summary), hyperfine with one warm-up (the first run records the
#     estimates in the plan's ledger);
#   - the peer: /usr/bin/python3 starts, reads plan.json, simulates N futures, prints JSON;
#   - the default outlook (the sensitivity analysis included, 10,000 futures per variant),
#     timed once.
# Prints the times, the ratio, and the two simulations' answers side by side: they should
# agree within Monte-Carlo error (P(work over by the deadline) within 4 standard errors of
# the difference of two independent estimates, the P50 and P80 end weeks within half a
# week, the mean cost within 2%).
#
# Usage: bench/outlook_speed.sh [FORESIGHT] [FUTURES] [RUNS]
#   defaults: build/release/src/foresight, 100000, 10 (hyperfine runs of foresight; the
#   peer runs 3 times)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
foresight=$(realpath "${1:-$root/build/release/src/foresight}")
futures=${2:-100000}
runs=${3:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$root/bench/make_plan.py" "$work"
start=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["start"])' \
  "$work/plan.json")
"$foresight" init "$work/ws" >/dev/null
cp "$work/foresight.yaml" "$work/ws/"
ours="$foresight plan outlook --workspace $work/ws --today $start --quiet --format json"
peer="/usr/bin/python3 $root/bench/peers/outlook_peer.py $work/plan.json $futures"

echo "== foresight plan outlook vs NumPy (bench/peers/outlook_peer.py), $futures futures ==" >&2
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/ours.json" \
  -n "foresight plan outlook" "$ours --futures $futures --sensitivity-futures 0" >&2
hyperfine --style basic --runs 3 --export-json "$work/peer.json" -n "NumPy peer" \
  "$peer > $work/peer-out.json" >&2
hyperfine --style basic --runs 1 --export-json "$work/default.json" \
  -n "foresight plan outlook (defaults: sensitivity, 10,000 futures per variant)" "$ours" >&2
$ours --futures "$futures" --sensitivity-futures 0 > "$work/ours-out.json"

/usr/bin/python3 - "$work" "$futures" <<'EOF'
import json, math, sys
work, futures = sys.argv[1], int(sys.argv[2])
def timing(name):
    r = json.load(open(f"{work}/{name}.json"))["results"][0]
    return r["mean"], r["stddev"] or 0.0, r["user"] + r["system"]
ours, ours_sd, ours_cpu = timing("ours")
peer, peer_sd, peer_cpu = timing("peer")
default, _, default_cpu = timing("default")
print(f"\n{futures} futures of 20 methods and 6 roles:")
print("| Work | wall clock | CPU time | peer / this (wall) |")
print("|---|---:|---:|---:|")
print(f"| `foresight plan outlook --sensitivity-futures 0` | {ours:.3f} s ± {ours_sd:.3f} | "
      f"{ours_cpu:.3f} s | {peer / ours:.1f}x |")
print(f"| `foresight plan outlook` (defaults: the sensitivity analysis too) | {default:.3f} s | "
      f"{default_cpu:.3f} s | |")
print(f"| NumPy peer (bench/peers/outlook_peer.py) | {peer:.2f} s ± {peer_sd:.2f} | "
      f"{peer_cpu:.2f} s | 1x |")

doc = json.load(open(f"{work}/ours-out.json"))
np_ = json.load(open(f"{work}/peer-out.json"))
deadline = next(d for d in doc["dates"] if d["label"] == "deadline")
week = lambda q: (doc["end"].get(q) or {}).get("week")
p_ours, p_peer = deadline["p_work_over"], np_["p_over_by_deadline"]
se = math.sqrt(p_ours * (1 - p_ours) / doc["futures"] + p_peer * (1 - p_peer) / np_["futures"])
rows = [("P(work over by the deadline, week %g)" % deadline["week"], p_ours, p_peer,
         abs(p_ours - p_peer) <= 4 * se, f"{abs(p_ours - p_peer) / se:.1f} SE" if se else "")]
for q in ("p50", "p80"):
    o, t = week(q), np_[f"end_{q}"]
    ok = (o is None and t is None) or (o is not None and t is not None and abs(o - t) <= 0.5)
    rows.append((f"{q.upper()} end week", o, t, ok,
                 f"{abs(o - t):.2f} week" if o is not None and t is not None else ""))
c_ours, c_peer = doc["cost"]["mean_more_person_weeks"], np_["cost_mean"]
rows.append(("mean cost (person-weeks)", c_ours, c_peer,
             abs(c_ours - c_peer) <= 0.02 * c_peer, f"{abs(c_ours / c_peer - 1):.2%}"))
print("\n| Answer | foresight | NumPy | difference | agree |")
print("|---|---:|---:|---:|---|")
f = lambda v: "never" if v is None else f"{v:.4f}" if v < 1 else f"{v:.2f}"
for name, o, t, ok, diff in rows:
    print(f"| {name} | {f(o)} | {f(t)} | {diff} | {'yes' if ok else 'NO'} |")
print(f"\nNot over by the team's last week: foresight "
      f"{doc['end']['share_not_over_by_horizon']:.2%}, NumPy {np_['not_over_by_horizon']:.2%}")
EOF
