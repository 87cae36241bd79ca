#!/usr/bin/env bash
# Listing from 100,000 runs through `foresight serve`, on each backend: the store is filled by
# bench/make_runs.cpp (R runs, five methods, 32 thread tags, 100 owner tags), then one client
# asks back to back for SECONDS s each:
#   list     a filtered page: a method and a tag, 50 runs;
#   search   every run of one owner (about 1% of them: 1,000 of 100,000), as MLflow's "search
#            1,000 runs" (0.8 s on its SQLite store, docs/PERFORMANCE.md);
#   page     the first page of every run (the server's default page, 1,000 runs);
#   list-all every run, page after page (10,000 runs a page).
# The bar: under 100 ms. PostgreSQL's planner statistics are gathered first (ANALYZE), as
# autovacuum does within a minute of a large change.
# Usage: bench/server_list.sh [BUILD] [RUNS] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$(realpath "${1:-$root/build/release}")"
runs="${2:-100000}"
seconds="${3:-5}"

if [ -z "${FORESIGHT_TEST_PG_URL:-}" ]; then
  exec "$root/scripts/with-postgres" "$0" "$build" "$runs" "$seconds"
fi
foresight="$build/src/foresight"
load="$build/bench/server_load"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

measure() { # STORE LABEL
  local store="$1" label="$2" port token
  echo "== $label: $runs runs ==" >&2
  /usr/bin/time -f "filled in %e s" "$build/bench/make_runs" "$store" "$runs"
  if [ "$label" = postgres ]; then psql -q "$store" -c ANALYZE; fi
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  "$foresight" serve --store "$store" --listen "127.0.0.1:$port" 2>/dev/null &
  server=$!
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
  "$foresight" admin --store "$store" user add "list-$label" --admin >/dev/null
  token="$("$foresight" admin --store "$store" token create "list-$label" 2>/dev/null)"
  for call in list search page list-all; do
    "$load" "$port" "$token" "$call" 1 "$seconds"
  done
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

psql -q "$FORESIGHT_TEST_PG_URL" -c "CREATE DATABASE foresight_list" >/dev/null
measure "${FORESIGHT_TEST_PG_URL%/*}/foresight_list" postgres
measure "sqlite:$work/list.db" sqlite
