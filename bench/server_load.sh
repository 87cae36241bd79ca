#!/usr/bin/env bash
# Many small calls against `foresight serve`, on loopback, with the accounts on (every call
# carries a token, is authorised and audited), against the rates of MLflow's tracking server
# measured on this kind of machine (about 36 single logging calls per second, 4,000-6,500
# batched points per second; docs/PERFORMANCE.md). The bar is 50x those.
#
#   - single calls: THREADS clients post runs of 10 predictions for SECONDS s; each is one
#     durable transaction (PostgreSQL with fsync and synchronous_commit on; SQLite FULL).
#     With a server administrator's token, then (PostgreSQL) with a contributor's, whose
#     role in the project is checked on every call: the team member who logs runs;
#   - batched points: 8 clients post runs of 1,000 predictions;
#   - listing: the runs of a method with a tag, a page of 50, and every run.
#
# Every answer that is not a 2xx is counted and fails the script.
# Usage: bench/server_load.sh [FORESIGHT] [SERVER_LOAD] [SECONDS] [THREADS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
foresight="$(realpath "${1:-$root/build/release/src/foresight}")"
load="$(realpath "${2:-$root/build/release/bench/server_load}")"
seconds="${3:-10}"
threads="${4:-32}"

if [ -z "${FORESIGHT_TEST_PG_URL:-}" ]; then
  # A throw-away cluster that keeps fsync on: commits are durable, as in production.
  FORESIGHT_PG_FSYNC=on exec "$root/scripts/with-postgres" "$0" "$foresight" "$load" "$seconds" "$threads"
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

csv() { # N: an evaluation set of N examples
  /usr/bin/python3 -c "import sys; n=int(sys.argv[1]); print('id,label'); [print(f'ex{i},{i%2}') for i in range(n)]" "$1"
}

measure() { # STORE LABEL
  local store="$1" label="$2" port
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$foresight" serve --store "$store" --listen "127.0.0.1:$port" --threads "$threads" 2>"$work/serve.log" &
  server=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
  "$foresight" admin --store "$store" user add "bench-$label" --admin >/dev/null
  local token
  token="$("$foresight" admin --store "$store" token create "bench-$label" 2>/dev/null)"
  local api="http://127.0.0.1:$port/api/v1/projects/default"
  csv 10 | curl -sf -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
    --data-binary @- "$api/evalsets?name=small&id=id&label=label&positive=1"
  csv 1000 | curl -sf -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
    --data-binary @- "$api/evalsets?name=big&id=id&label=label&positive=1"
  echo "== $label: single calls ($threads clients, runs of 10 predictions) ==" >&2
  "$load" "$port" "$token" run "$threads" "$seconds" 10 small | tee -a "$work/results"
  if [ "$label" = postgres ]; then
    "$foresight" admin --store "$store" user add "member-$label" >/dev/null
    "$foresight" admin --store "$store" member set default "member-$label" contributor >/dev/null
    local member
    member="$("$foresight" admin --store "$store" token create "member-$label" 2>/dev/null)"
    echo "== $label: single calls as a contributor ($threads clients, runs of 10 predictions) ==" >&2
    "$load" "$port" "$member" run "$threads" "$seconds" 10 small | tee -a "$work/results"
  fi
  echo "== $label: batched points (8 clients, runs of 1,000 predictions) ==" >&2
  "$load" "$port" "$token" run 8 "$seconds" 1000 big | tee -a "$work/results"
  # The planner's statistics, as autovacuum gathers them within a minute of a large change.
  if [ "$label" = postgres ]; then psql -q "$store" -c ANALYZE; fi
  echo "== $label: a filtered page of runs ==" >&2
  "$load" "$port" "$token" list 4 "$seconds" | tee -a "$work/results"
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

admin_url="$FORESIGHT_TEST_PG_URL"
psql -q "$admin_url" -c "CREATE DATABASE foresight_bench" >/dev/null
measure "${admin_url%/*}/foresight_bench" postgres
measure "sqlite:$work/bench.db" sqlite
echo "MLflow (docs/PERFORMANCE.md): 36 single calls/s, 4,000-6,500 batched points/s; bar 50x: 1,800 calls/s, 325,000 points/s" >&2
