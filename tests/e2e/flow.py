"""Shared helpers of the end-to-end flow scripts (evidence_flow.py, forecast_flow.py):
checks that collect failures instead of stopping at the first, and a runner for the CLI."""
import os
import subprocess

FAILURES = []


def check(condition, what):
    """Records `what` as failed unless `condition` holds."""
    if not condition:
        FAILURES.append(what)
        print(f"FAIL {what}")


def run(binary, cwd, *args, expect=0):
    """Runs `foresight ARGS` in `cwd` without colour; checks the exit code (unless `expect` is
    None)."""
    proc = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, NO_COLOR="1"))
    check(expect is None or proc.returncode == expect,
          f"`foresight {' '.join(args)}` exited {proc.returncode}, expected {expect}: {proc.stderr}")
    return proc


def finish(name):
    """Prints the summary; returns the exit code."""
    print(f"{len(FAILURES)} check(s) failed" if FAILURES else f"{name}: all checks passed")
    return 1 if FAILURES else 0
