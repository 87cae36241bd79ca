"""Shared helpers of the end-to-end flow scripts (evidence_flow.py, forecast_flow.py):
checks that collect failures instead of stopping at the first, and a runner for the CLI.

A flow given --remote runs every command in remote mode: against a live `foresight serve`
(accounts on, a scratch SQLite store) with an administrator's token, each scratch folder
its own project on it; the same checks must hold as on a local workspace."""
import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

FAILURES = []
REMOTE = "--remote" in sys.argv
if REMOTE:
    sys.argv.remove("--remote")
_SERVER = {}
_PROJECTS = {}


def _start_server(binary):
    home = tempfile.mkdtemp(prefix="foresight-remote-")
    atexit.register(shutil.rmtree, home, True)
    env = dict(os.environ, NO_COLOR="1")
    for var in ("FORESIGHT_URL", "FORESIGHT_TOKEN", "FORESIGHT_PROJECT"):
        env.pop(var, None)
    subprocess.run([binary, "init"], cwd=home, env=env, check=True, capture_output=True)
    subprocess.run([binary, "admin", "user", "add", "root", "--admin"], cwd=home, env=env,
                   check=True, capture_output=True)
    token = subprocess.run([binary, "admin", "token", "create", "root"], cwd=home, env=env,
                           check=True, capture_output=True, text=True).stdout.strip()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([binary, "serve", "--listen", f"127.0.0.1:{port}"], cwd=home, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    atexit.register(proc.kill)
    url = f"http://127.0.0.1:{port}"
    for _ in range(500):
        try:
            urllib.request.urlopen(url + "/api/v1/health", timeout=1).read()
            break
        except OSError:
            time.sleep(0.02)
    else:
        raise SystemExit(f"the server did not start: {proc.stderr.read().decode()}")
    _SERVER.update(url=url, token=token, home=home)


def make_project(env):
    """Makes the project of a remote environment on its server, as `init` would (without
    writing a charter)."""
    request = urllib.request.Request(
        f"{env['FORESIGHT_URL']}/api/v1/projects?name={env['FORESIGHT_PROJECT']}", method="POST",
        headers={"Authorization": f"Bearer {env['FORESIGHT_TOKEN']}"})
    urllib.request.urlopen(request, timeout=10).read()


def remote_env(binary, cwd, args=()):
    """The environment of a command in remote mode: the server, its token, and the project of
    the scratch folder `cwd`, or of the folder --workspace names (its `init` makes it)."""
    if not _SERVER:
        _start_server(binary)
    args = list(args)
    if "--workspace" in args[:-1]:
        cwd = os.path.join(cwd, args[args.index("--workspace") + 1])
    root = os.path.realpath(cwd)
    project = _PROJECTS.setdefault(root, f"flow-{len(_PROJECTS) + 1}")
    return {"FORESIGHT_URL": _SERVER["url"], "FORESIGHT_TOKEN": _SERVER["token"],
            "FORESIGHT_PROJECT": project}


def check(condition, what):
    """Records `what` as failed unless `condition` holds."""
    if not condition:
        FAILURES.append(what)
        print(f"FAIL {what}")


def run(binary, cwd, *args, expect=0):
    """Runs `foresight ARGS` in `cwd` without colour; checks the exit code (unless `expect` is
    None)."""
    env = dict(os.environ, NO_COLOR="1")
    if REMOTE:
        env.update(remote_env(binary, cwd, args))
    proc = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=env)
    check(expect is None or proc.returncode == expect,
          f"`foresight {' '.join(args)}` exited {proc.returncode}, expected {expect}: {proc.stderr}")
    return proc


def finish(name):
    """Prints the summary; returns the exit code."""
    name += " (remote)" if REMOTE else ""
    print(f"{len(FAILURES)} check(s) failed" if FAILURES else f"{name}: all checks passed")
    return 1 if FAILURES else 0
