#!/usr/bin/env bash
# `foresight serve` against the command line on the same store, in the same run:
#   - upload: 1,000,000 binary predictions posted as CSV (curl --data-binary) against
#     `foresight run add` of the same file; each stores a new run (hyperfine names it by
#     its run number); the bar is under 3 s on loopback;
#   - eval: `GET /eval?run=R&metric=roc_auc` against `foresight eval R --metric roc_auc`,
#     both measuring from the stored predictions (no result cache: the server is asked for
#     a run measured for the first time, the CLI is given --no-cache), 2,000 BCa resamples;
#     the bar is within 1.2x of the CLI;
#   - the command line's remote mode (FORESIGHT_URL) doing the same: `run add` reads and
#     checks the file here and sends the run, `eval` measures here on the predictions the
#     server sends.
# Prints hyperfine's tables and the ratios.
#
# Usage: bench/server_speed.sh [FORESIGHT] [ROWS] [RUNS]
#   defaults: build/release/src/foresight, 1000000, 5
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
foresight=$(realpath "${1:-$root/build/release/src/foresight}")
rows=${2:-1000000}
runs=${3:-5}
work=$(mktemp -d)
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

/usr/bin/python3 - "$work" "$rows" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
with open(f"{work}/eval.csv", "w") as f:
    f.write("id,label\n")
    f.writelines(f"{i},{i % 2}\n" for i in range(n))
with open(f"{work}/preds.csv", "w") as f:
    f.write("id,score\n")
    f.writelines(f"{i},0.{(i * 7919 + (i % 2) * 331) % 1000:03d}\n" for i in range(n))
PY
cd "$work"
"$foresight" init >/dev/null
"$foresight" evalset add big eval.csv --id id --label label --positive 1 >/dev/null
"$foresight" admin user add bench --admin >/dev/null
token=$("$foresight" admin token create bench 2>/dev/null)
auth="Authorization: Bearer $token"
"$foresight" serve --listen "127.0.0.1:$port" 2>/dev/null &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
api="http://127.0.0.1:$port/api/v1/projects/default"

echo "== upload of $rows predictions: HTTP against run add ==" >&2
echo 0 >"$work/n"
next() { n=$(($(cat "$work/n") + 1)); echo "$n" >"$work/n"; echo "$n"; }
export -f next
export work api foresight auth
export remote="FORESIGHT_URL=http://127.0.0.1:$port FORESIGHT_TOKEN=$token"
hyperfine --shell bash --style basic --runs "$runs" --export-json "$work/upload.json" \
  -n "POST /runs (curl)" \
  'curl -sf -o /dev/null -H "$auth" -X POST --data-binary @preds.csv -H "Content-Type: text/csv" "$api/runs?name=h$(next)&evalset=big&score=score"' \
  -n "foresight run add" \
  '"$foresight" run add c$(next) --evalset big --predictions preds.csv >/dev/null' \
  -n "foresight run add (remote mode)" \
  'env $remote "$foresight" run add r$(next) --evalset big --predictions preds.csv >/dev/null' >&2

echo "== eval of one run, roc_auc, 2000 BCa resamples: HTTP against the CLI ==" >&2
hyperfine --shell bash --style basic --runs "$runs" --export-json "$work/eval.json" \
  -n "GET /eval (curl)" \
  'curl -sf -o /dev/null -H "$auth" "$api/eval?run=h1&metric=roc_auc&seed=$(next)"' \
  -n "foresight eval" \
  '"$foresight" eval h1 --metric roc_auc --no-cache --seed $(next) >/dev/null' \
  -n "foresight eval (remote mode)" \
  'env $remote "$foresight" eval h1 --metric roc_auc --no-cache --seed $(next) >/dev/null' >&2

/usr/bin/python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
for name, bar in (("upload", None), ("eval", 1.2)):
    r = json.load(open(f"{work}/{name}.json"))["results"]
    http, cli, remote = r[0]["mean"], r[1]["mean"], r[2]["mean"]
    note = f" (bar: within {bar}x)" if bar else ""
    print(f"{name}: HTTP {http:.3f} s, CLI {cli:.3f} s, HTTP / CLI = {http / cli:.2f}{note}; "
          f"remote mode {remote:.3f} s, remote / CLI = {remote / cli:.2f}")
PY
