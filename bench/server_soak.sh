#!/usr/bin/env bash
# A soak test of `foresight serve` on each backend: WRITERS clients store runs back to back for
# SECONDS s while, half-way, the server is killed with SIGKILL and started again. Then every
# run the server acknowledged (201) must be in the store, no run may be there twice, and no
# answer may have been a 5xx (a call that got no answer while the server was down is retried
# under a new name; it may or may not have been stored, as its client was never told).
# PostgreSQL runs with fsync on; SQLite with synchronous = FULL.
# Usage: bench/server_soak.sh [FORESIGHT] [SERVER_LOAD] [SECONDS] [WRITERS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
foresight="$(realpath "${1:-$root/build/release/src/foresight}")"
load="$(realpath "${2:-$root/build/release/bench/server_load}")"
seconds="${3:-60}"
writers="${4:-32}"

if [ -z "${FORESIGHT_TEST_PG_URL:-}" ]; then
  FORESIGHT_PG_FSYNC=on exec "$root/scripts/with-postgres" "$0" "$foresight" "$load" "$seconds" "$writers"
fi

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill -9 "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

start() { # STORE PORT
  "$foresight" serve --store "$1" --listen "127.0.0.1:$2" --threads "$writers" 2>>"$work/serve.log" &
  server=$!
  for _ in $(seq 400); do curl -sf "http://127.0.0.1:$2/api/v1/health" >/dev/null && return 0; sleep 0.05; done
  echo "server_soak: the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
}

soak() { # STORE LABEL
  local store="$1" label="$2" port token
  port="$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  start "$store" "$port"
  "$foresight" admin --store "$store" user add "soak-$label" --admin >/dev/null
  token="$("$foresight" admin --store "$store" token create "soak-$label" 2>/dev/null)"
  local api="http://127.0.0.1:$port/api/v1/projects/default"
  /usr/bin/python3 -c "print('id,label'); [print(f'ex{i},{i%2}') for i in range(10)]" |
    curl -sf -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: text/csv" \
      --data-binary @- "$api/evalsets?name=small&id=id&label=label&positive=1"
  echo "== $label: $writers writers for $seconds s, the server killed (SIGKILL) half-way ==" >&2
  "$load" "$port" "$token" run "$writers" "$seconds" 10 small "$work/acked-$label" >"$work/load-$label.json" &
  local loader=$!
  sleep "$((seconds / 2))"
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  start "$store" "$port"
  local status=0
  wait "$loader" || status=$?
  cat "$work/load-$label.json"
  # Every stored run, page after page (a listing answers up to 10,000 runs at a time).
  /usr/bin/python3 - "$work/acked-$label" "$api" "$token" "$label" <<'PY'
import json, sys, urllib.request
acked = [line.strip() for line in open(sys.argv[1]) if line.strip()]
stored, offset = [], 0
while offset is not None:
    request = urllib.request.Request(f"{sys.argv[2]}/runs?limit=10000&offset={offset}",
                                     headers={"Authorization": f"Bearer {sys.argv[3]}"})
    page = json.load(urllib.request.urlopen(request))
    stored += [r["name"] for r in page["runs"]]
    offset = page.get("next_offset")
missing = set(acked) - set(stored)
twice = len(stored) - len(set(stored))
print(f"{sys.argv[4]}: acknowledged {len(acked)}, stored {len(stored)}, "
      f"acknowledged but missing {len(missing)}, stored twice {twice}", file=sys.stderr)
sys.exit(1 if missing or twice or len(set(acked)) != len(acked) else 0)
PY
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
  return "$status"
}

psql -q "$FORESIGHT_TEST_PG_URL" -c "CREATE DATABASE foresight_soak" >/dev/null
soak "${FORESIGHT_TEST_PG_URL%/*}/foresight_soak" postgres
soak "sqlite:$work/soak.db" sqlite
echo "server_soak: no acknowledged run lost, none stored twice, no 5xx" >&2
