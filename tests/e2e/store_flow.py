#!/usr/bin/env python3
"""What the workspace promises about its data (docs/data.md), tried from the outside:

- crash: `run add` killed with SIGKILL at random moments leaves a database that passes
  SQLite's integrity check, and each run either whole (its predictions read back exactly)
  or absent; an acknowledged run is never lost;
- race: writers started at once all succeed (they wait their turn), and so do commands
  opening the workspace at once;
- moved: a workspace deleted while a command writes is never reported as written to;
- full output: output that cannot be written is an error, a closed pipe is not.

Usage: store_flow.py FORESIGHT [TRIALS]   (default 12 crash trials)"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

from flow import check, finish, run

ROWS = 200_000


def write_data(cwd):
    rng = random.Random(11)
    with open(os.path.join(cwd, "eval.csv"), "w") as f:
        f.write("id,label\n")
        for i in range(ROWS):
            f.write(f"ex{i},{i % 2}\n")
    scores = [round(rng.random(), 6) for _ in range(ROWS)]
    with open(os.path.join(cwd, "preds.csv"), "w") as f:
        f.write("id,score\n")
        for i, s in enumerate(scores):
            f.write(f"ex{i},{s}\n")
    return scores


def exported(binary, cwd, name):
    """A run's stored predictions, by id, read back with `run export`."""
    out = run(binary, cwd, "run", "export", name).stdout.splitlines()
    return {line.split(",")[0]: float(line.split(",")[1]) for line in out[1:]}


def crash_trials(binary, cwd, trials, scores):
    rng = random.Random(2026)
    db = os.path.join(cwd, ".foresight", "foresight.db")
    acknowledged = []
    for t in range(trials):
        name = f"crash{t}"
        proc = subprocess.Popen([binary, "run", "add", name, "--evalset", "holdout",
                                 "--predictions", "preds.csv"], cwd=cwd,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0.0, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        if proc.returncode == 0 and b"added run" in out:
            acknowledged.append(name)  # it finished before the kill
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
            verdict = con.execute("PRAGMA integrity_check").fetchone()[0]
        check(verdict == "ok", f"trial {t}: integrity check after SIGKILL: {verdict}")
        listed = [r["name"] for r in json.loads(run(binary, cwd, "runs", "--format", "json")
                                                .stdout)["runs"]]
        for a in acknowledged:
            check(a in listed, f"trial {t}: acknowledged run {a} is still there")
        if name in listed:
            back = exported(binary, cwd, name)
            check(len(back) == ROWS and all(back[f"ex{i}"] == s for i, s in enumerate(scores)),
                  f"trial {t}: a run that is there is whole")
            run(binary, cwd, "run", "rm", name)
            acknowledged = [a for a in acknowledged if a != name]
    print(f"crash: {trials} trials, integrity ok, runs whole or absent")


def race(binary, cwd):
    # Eight writers of 200,000 predictions at once: they wait their turn; all succeed.
    procs = [subprocess.Popen([binary, "run", "add", f"w{i}", "--evalset", "holdout",
                               "--predictions", "preds.csv"], cwd=cwd,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for i in range(8)]
    codes = [(p.wait(timeout=300), p.stderr.read().decode()) for p in procs]
    check(all(c == 0 for c, _ in codes), f"eight concurrent writers all succeed: {codes}")
    # Sixteen commands opening the workspace at once.
    procs = [subprocess.Popen([binary, "runs"], cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for _ in range(16)]
    codes = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]
    check(all(c == 0 for c, _ in codes), f"sixteen concurrent opens all succeed: {codes}")
    print("race: 8 writers and 16 readers at once, all succeeded")


def deleted_meanwhile(binary):
    # Two million predictions take over a second to read: the workspace is deleted while
    # they are read, so the write comes after, and must be refused.
    n = 2_000_000
    with tempfile.TemporaryDirectory() as cwd:
        with open(os.path.join(cwd, "eval.csv"), "w") as f:
            f.write("id,label\n")
            f.writelines(f"{i},{i % 2}\n" for i in range(n))
        with open(os.path.join(cwd, "preds.csv"), "w") as f:
            f.write("id,score\n")
            f.writelines(f"{i},0.{i % 997:03d}\n" for i in range(n))
        run(binary, cwd, "init")
        run(binary, cwd, "evalset", "add", "holdout", "eval.csv", "--id", "id", "--label",
            "label", "--positive", "1")
        proc = subprocess.Popen([binary, "run", "add", "gone", "--evalset", "holdout",
                                 "--predictions", "preds.csv"], cwd=cwd,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # Delete once the command holds the database open (it opens it before reading the
        # predictions), not after a fixed sleep: on a loaded machine the command may not have
        # started yet, and the test would check nothing.
        fds = f"/proc/{proc.pid}/fd"
        deadline = time.time() + 30
        while time.time() < deadline and proc.poll() is None:
            try:
                held = [os.readlink(os.path.join(fds, fd)) for fd in os.listdir(fds)]
            except OSError:
                held = []
            if any(".foresight" in path for path in held):
                break
            time.sleep(0.01)
        for f in os.listdir(os.path.join(cwd, ".foresight")):
            os.remove(os.path.join(cwd, ".foresight", f))
        out, err = proc.communicate(timeout=120)
        check(proc.returncode == 75 and b"added" not in out and
              b"deleted, moved or replaced" in err,
              f"a workspace deleted during run add is not reported as written to "
              f"(exit {proc.returncode}): {out!r} {err!r}")
    print("moved: a workspace deleted during a write is refused")


def full_output(binary, cwd):
    with open("/dev/full", "w") as full:
        proc = subprocess.run([binary, "runs"], cwd=cwd, stdout=full, stderr=subprocess.PIPE,
                              text=True)
    check(proc.returncode == 2 and "could not write the output" in proc.stderr,
          f"output to a full disk is an error: exit {proc.returncode}: {proc.stderr}")
    proc = subprocess.run(f"'{binary}' rules | head -c 10", shell=True, cwd=cwd,
                          capture_output=True)
    check(proc.returncode == 0 and b"error" not in proc.stderr,
          f"a closed pipe ends the output quietly: {proc.stderr!r}")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    trials = int(sys.argv[2]) if len(sys.argv) > 2 else 12
    with tempfile.TemporaryDirectory() as cwd:
        scores = write_data(cwd)
        run(binary, cwd, "init")
        run(binary, cwd, "evalset", "add", "holdout", "eval.csv", "--id", "id", "--label",
            "label", "--positive", "1")
        crash_trials(binary, cwd, trials, scores)
        race(binary, cwd)
        full_output(binary, cwd)
    deleted_meanwhile(binary)
    return finish("store flow")


if __name__ == "__main__":
    sys.exit(main())
