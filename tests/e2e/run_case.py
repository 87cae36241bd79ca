#!/usr/bin/env python3
"""Runs one golden CLI case: tests/e2e/cases/<name>/ holds `args` (the command line after
`foresight`, shell-split), any input files, `expected_stdout`, `expected_exit` and, when
something is printed there, `expected_stderr`. The
command runs in a scratch copy of the case folder (so commands that write leave nothing
behind), where `examples/` links to the repository's examples and `e2e-data/` to
tests/e2e/data, with NO_COLOR set. A case whose folder holds `.foresight/` (kept in git by an
empty `.keep`) runs in an empty workspace: a database made by `foresight init` elsewhere is
copied in, since commands other than init never create one. A `setup` file lists foresight
commands, one per line, run first (each must succeed): they store the evaluation sets and
runs the case's command reads.

With --remote, a workspace case runs in remote mode instead: every command (setup included)
against a live `foresight serve` on a project of its own, expecting the same outputs and exit
code as on a local workspace.

Usage: run_case.py FORESIGHT CASE_DIR [--update | --remote]
With --update, the expected files are rewritten from the actual output."""
import os
import shlex
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    binary, case_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    update = "--update" in sys.argv[3:]
    remote = "--remote" in sys.argv[3:]
    with open(os.path.join(case_dir, "args"), encoding="utf-8") as f:
        args = shlex.split(f.read())
    env = dict(os.environ, NO_COLOR="1")
    for var in ("FORESIGHT_URL", "FORESIGHT_TOKEN", "FORESIGHT_PROJECT"):
        env.pop(var, None)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "case")
        shutil.copytree(case_dir, work)
        os.symlink(os.path.join(repo, "examples"), os.path.join(work, "examples"))
        os.symlink(os.path.join(repo, "tests", "e2e", "data"), os.path.join(work, "e2e-data"))
        if remote:
            from flow import make_project, remote_env
            shutil.rmtree(os.path.join(work, ".foresight"), ignore_errors=True)
            env.update(remote_env(binary, work))
            make_project(env)
        elif os.path.isdir(os.path.join(work, ".foresight")):
            fresh = os.path.join(tmp, "fresh")
            os.mkdir(fresh)
            subprocess.run([binary, "init"], cwd=fresh, env=env, capture_output=True, check=True)
            shutil.copy(os.path.join(fresh, ".foresight", "foresight.db"),
                        os.path.join(work, ".foresight", "foresight.db"))
        setup = os.path.join(work, "setup")
        if os.path.exists(setup):
            with open(setup, encoding="utf-8") as f:
                for line in f:
                    if line.strip() and not line.startswith("#"):
                        step = subprocess.run([binary] + shlex.split(line), cwd=work, env=env,
                                              capture_output=True, timeout=60)
                        if step.returncode != 0:
                            print(f"setup failed: {line.strip()}\n{step.stderr.decode()}")
                            return 1
        proc = subprocess.run([binary] + args, cwd=work, env=env, capture_output=True,
                              timeout=60)
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    stderr_path = os.path.join(case_dir, "expected_stderr")
    stdout_path = os.path.join(case_dir, "expected_stdout")
    exit_path = os.path.join(case_dir, "expected_exit")
    if update:
        with open(stdout_path, "w", encoding="utf-8") as f:
            f.write(stdout)
        with open(exit_path, "w", encoding="utf-8") as f:
            f.write(f"{proc.returncode}\n")
        if stderr:
            with open(stderr_path, "w", encoding="utf-8") as f:
                f.write(stderr)
        elif os.path.exists(stderr_path):
            os.remove(stderr_path)
        print(f"updated {case_dir}")
        return 0
    with open(stdout_path, encoding="utf-8") as f:
        expected_stdout = f.read()
    with open(exit_path, encoding="utf-8") as f:
        expected_exit = int(f.read().strip())
    ok = True
    if proc.returncode != expected_exit:
        print(f"exit code {proc.returncode}, expected {expected_exit}")
        ok = False
    if stdout != expected_stdout:
        import difflib
        print("stdout differs from expected_stdout:")
        sys.stdout.writelines(difflib.unified_diff(
            expected_stdout.splitlines(True), stdout.splitlines(True), "expected", "actual"))
        ok = False
    expected_stderr = ""
    if os.path.exists(stderr_path):
        with open(stderr_path, encoding="utf-8") as f:
            expected_stderr = f.read()
    if stderr != expected_stderr:
        print(f"stderr differs: expected {expected_stderr!r}, got {stderr!r}")
        ok = False
    if not ok:
        print("stderr:", stderr)
        print(f"(if the new output is right: {sys.argv[0]} {binary} {case_dir} --update)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
