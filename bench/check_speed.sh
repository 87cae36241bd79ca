#!/usr/bin/env bash
# How fast `foresight check` answers, on a real charter, on a large valid one, and on the
# hostile inputs of tests/e2e/bad_input.py (which must be refused within a second or two).
# The peer is what a user would otherwise run to read a charter: PyYAML's safe_load
# (Debian's python3-yaml), which only parses, and checks nothing.
#
# Usage: bench/check_speed.sh [FORESIGHT]   (default build/release/src/foresight)
# Writes the table to stdout in Markdown.
set -euo pipefail
cd "$(dirname "$0")/.."
foresight=$(realpath "${1:-build/release/src/foresight}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 tests/e2e/bad_input.py --write "$work"
# A large but valid charter: the credit-scoring example with a ~900 KB summary.
{
  sed '/^summary:/,/^archetype:/d' examples/credit-scoring/foresight.yaml
  printf 'archetype: human-in-the-loop\nsummary: "'
  head -c 900000 /dev/zero | tr '\0' 'a'
  printf '"\n'
} > "$work/large-valid.yaml"
cp examples/credit-scoring/foresight.yaml "$work/credit-scoring.yaml"

for name in credit-scoring large-valid; do
  # foresight exits 1 when it has findings; the peer must succeed.
  hyperfine --warmup 2 --runs 20 --export-markdown "$work/$name.md" \
    -n "foresight check ($name)" "$foresight check --fail-on info $work/$name.yaml || true" \
    -n "PyYAML safe_load ($name)" "/usr/bin/python3 bench/peers/yaml_load.py $work/$name.yaml" \
    >/dev/null
  cat "$work/$name.md"; echo
done
args=()
for name in huge binary deep-flow deep-block billion-laughs latin1 tabs malformed; do
  args+=(-n "$name" "$foresight check $work/$name.yaml")
done
hyperfine --warmup 1 --runs 10 -N --ignore-failure --export-markdown "$work/hostile.md" \
  "${args[@]}" >/dev/null
cat "$work/hostile.md"
