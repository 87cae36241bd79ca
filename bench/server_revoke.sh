#!/usr/bin/env bash
# How soon a change to the accounts reaches another server: two `foresight serve` processes
# on one PostgreSQL database; a token is used on server B until B keeps its grant, revoked
# through server A, then asked again of B back to back until B refuses it. Prints, over
# TOKENS tokens, the time from A's answer to B's first refusal, and how many calls B still
# answered with 200 after A's answer (0: the change was heard before B's next call).
# Usage: bench/server_revoke.sh [FORESIGHT] [TOKENS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
foresight="$(realpath "${1:-$root/build/release/src/foresight}")"
tokens="${2:-20}"

if [ -z "${FORESIGHT_TEST_PG_URL:-}" ]; then
  exec "$root/scripts/with-postgres" "$0" "$foresight" "$tokens"
fi

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
psql -q "$FORESIGHT_TEST_PG_URL" -c "CREATE DATABASE foresight_revoke" >/dev/null
store="${FORESIGHT_TEST_PG_URL%/*}/foresight_revoke"
port_a="$(free_port)"
port_b="$(free_port)"
"$foresight" serve --store "$store" --listen "127.0.0.1:$port_a" 2>/dev/null &
server_a=$!
"$foresight" serve --store "$store" --listen "127.0.0.1:$port_b" 2>/dev/null &
server_b=$!
trap 'kill $server_a $server_b 2>/dev/null; wait 2>/dev/null' EXIT
for port in "$port_a" "$port_b"; do
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.05; done
done
"$foresight" admin --store "$store" user add ana >/dev/null
"$foresight" admin --store "$store" member set default ana viewer >/dev/null
secrets=()
for _ in $(seq "$tokens"); do secrets+=("$("$foresight" admin --store "$store" token create ana 2>/dev/null)"); done

/usr/bin/python3 - "$port_a" "$port_b" "${secrets[@]}" <<'PY'
import http.client, statistics, sys, time
port_a, port_b, secrets = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
a = http.client.HTTPConnection("127.0.0.1", port_a)
b = http.client.HTTPConnection("127.0.0.1", port_b)

def call(conn, method, path, secret):
    conn.request(method, path, headers={"Authorization": "Bearer " + secret})
    answer = conn.getresponse()
    answer.read()
    return answer.status

ms, still = [], []
for secret in secrets:
    for _ in range(3):  # B reads the token, then keeps its grant
        assert call(b, "GET", "/api/v1/projects/default/runs", secret) == 200
    token_id = secret.split("_")[1]
    assert call(a, "DELETE", f"/api/v1/tokens/{token_id}", secret) == 200
    start, answered = time.perf_counter(), 0
    while call(b, "GET", "/api/v1/projects/default/runs", secret) == 200:
        answered += 1
    ms.append((time.perf_counter() - start) * 1000)
    still.append(answered)
    time.sleep(0.05)
print(f"revoked through A, refused by B: median {statistics.median(ms):.2f} ms, "
      f"slowest {max(ms):.2f} ms over {len(ms)} tokens; calls B still answered 200 after "
      f"A's answer: {sum(still)} in all, at most {max(still)} for one token")
PY
