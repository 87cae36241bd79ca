#!/usr/bin/env python3
"""Hostile charters: each must give a clear error with a position and exit code 2, without
a crash, a hang or unbounded memory. The inputs are generated here, not committed.

Usage: bad_input.py FORESIGHT
       bad_input.py --write DIR     (only write the inputs, for bench/check_speed.sh)"""
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time


def cases():
    random.seed(20261128)
    yield "huge", b"project:\n  name: x\n" + b"summary: " + b"a" * (60 * 1024 * 1024) + b"\n", \
        "the limit is 1048576 bytes", "1:1"
    yield "binary", bytes(random.randrange(256) for _ in range(4096)), "binary file", "1:"
    yield "deep-flow", b"[" * 300_000, "nested more than 64 levels", "1:65"
    yield "deep-block", b"".join(b" " * i + b"k:\n" for i in range(200)), \
        "nested more than 64 levels", "64:64"
    laughs = b"a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        laughs += f"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n".encode()
    yield "billion-laughs", laughs, "aliases", "2:8"
    yield "latin1", "summary: caf\xe9 cr\xe8me\n".encode("latin-1"), "not valid UTF-8", "1:13"
    yield "tabs", b"task:\n\ttype: binary\n", "tabs", "2:1"
    yield "malformed", b"task: [binary\nsuccess: {\n", "malformed YAML", "2:"
    yield "wrong-types", b"task:\n  classes: lots\nsuccess:\n  threshold: .inf\n", \
        "must be a whole number", "2:12"
    yield "unknown-key", b"sucess:\n  metric: f1\n", "did you mean 'success'", "1:1"
    # 99,000 keys (990 KB, under the size limit): the duplicate check must stay linear.
    yield "many-keys", b"".join(b"k%05d: 1\n" % i for i in range(99_000)), "unknown key", "1:1"
    yield "many-duplicates", b"k: 1\n" * 99_000, "duplicate key", "2:1"


# What each case may take at most (seconds), beyond the 20 s guard against hangs: the
# quadratic duplicate check took 318 s on many-keys; now 0.3 s (0.8 s under ASan).
TIME_BOUNDS = {"many-keys": 5, "many-duplicates": 5}


def main() -> int:
    if sys.argv[1] == "--write":
        os.makedirs(sys.argv[2], exist_ok=True)
        for name, content, _, _ in cases():
            with open(os.path.join(sys.argv[2], f"{name}.yaml"), "wb") as f:
                f.write(content)
        return 0
    binary = os.path.abspath(sys.argv[1])
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, content, expect, position in cases():
            path = os.path.join(tmp, f"{name}.yaml")
            with open(path, "wb") as f:
                f.write(content)
            start = time.monotonic()
            try:
                proc = subprocess.run([binary, "check", path], capture_output=True, timeout=20,
                                      env=dict(os.environ, NO_COLOR="1"))
            except subprocess.TimeoutExpired:
                print(f"FAIL {name}: no answer within 20 s")
                failures += 1
                continue
            elapsed = time.monotonic() - start
            out = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
            problems = []
            if proc.returncode != 2:
                problems.append(f"exit code {proc.returncode}, expected 2")
            if elapsed > TIME_BOUNDS.get(name, 20):
                problems.append(f"took {elapsed:.1f} s, more than {TIME_BOUNDS[name]} s")
            if expect not in out:
                problems.append(f"output lacks {expect!r}")
            if not re.search(re.escape(f"{path}:{position}") + r"\d*:?\d*: error", out):
                problems.append(f"output lacks the position {path}:{position}")
            status = "FAIL" if problems else "ok"
            print(f"{status} {name}: exit {proc.returncode} in {elapsed:.2f} s")
            for p in problems:
                print(f"     {p}\n     output: {out[:400]!r}")
            failures += bool(problems)
        # Not a regular file: a pipe with no writer (open() would wait forever) and a
        # device that never ends are refused at once, before anything is read.
        fifo = os.path.join(tmp, "fifo.yaml")
        os.mkfifo(fifo)
        for name, path in (("fifo", fifo), ("dev-zero", "/dev/zero")):
            try:
                proc = subprocess.run([binary, "check", path], capture_output=True, timeout=20)
            except subprocess.TimeoutExpired:
                print(f"FAIL {name}: no answer within 20 s")
                failures += 1
                continue
            ok = proc.returncode == 2 and b"not a regular file" in proc.stderr
            print(f"{'ok' if ok else 'FAIL'} {name}: exit {proc.returncode}")
            if not ok:
                print(f"     output: {proc.stderr[:400]!r}")
            failures += not ok
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of any run: {peak_mb:.0f} MB")
    if peak_mb > 1024:
        print("FAIL: a hostile charter used more than 1 GB")
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
