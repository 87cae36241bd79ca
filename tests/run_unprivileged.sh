#!/usr/bin/env bash
# Runs unit tests that need file permissions to bind (a write-protected workspace) as an
# unprivileged user: root ignores permissions, and CI runs as root. Not root: runs them as
# they are. Fails when they were skipped, so a test that never ran cannot pass.
# Usage: tests/run_unprivileged.sh TEST_BINARY GTEST_FILTER
set -euo pipefail
binary=$1
filter=$2
if [ "$(id -u)" -ne 0 ]; then
  out=$("$binary" --gtest_filter="$filter" 2>&1) || { echo "$out"; exit 1; }
else
  command -v setpriv >/dev/null || { echo "setpriv (util-linux) is missing" >&2; exit 1; }
  # The binary and a scratch folder where the unprivileged user (nobody) can reach them.
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  chmod 755 "$scratch"
  cp "$binary" "$scratch/tests"
  mkdir "$scratch/tmp"
  chown 65534:65534 "$scratch/tmp"
  out=$(cd "$scratch" && setpriv --reuid=65534 --regid=65534 --clear-groups \
    env TMPDIR="$scratch/tmp" HOME="$scratch/tmp" ./tests --gtest_filter="$filter" 2>&1) ||
    { echo "$out"; exit 1; }
fi
echo "$out"
if grep -q "SKIPPED \]" <<<"$out" || ! grep -q "PASSED  \] [1-9]" <<<"$out"; then
  echo "run_unprivileged: the tests were skipped or none ran" >&2
  exit 1
fi
