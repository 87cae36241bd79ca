#!/usr/bin/env python3
"""What only remote mode has, through the command line against a live `foresight serve`
(accounts on): --server and --project instead of the environment; a missing or wrong token,
a server that is not there, and a project nobody made, each with its exit code and a message
saying what to do (never the token); a viewer who reads (with a warning) but may not write;
names with slashes and spaces; a local workspace moved onto the server with `migrate --to`.
The six workflow flows (evidence, forecast, probe, report, gate, plan) also run whole in
remote mode (their `--remote` tests).

Usage: remote_flow.py FORESIGHT"""
import json
import os
import subprocess
import sys
import tempfile

import flow
from flow import check, finish, run


def cli(binary, cwd, env, *args, expect=0):
    """`foresight ARGS` with exactly the remote settings in `env` (none from the caller)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("FORESIGHT_")}
    full.update(env, NO_COLOR="1")
    proc = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env=full)
    check(proc.returncode == expect,
          f"`foresight {' '.join(args)}` exited {proc.returncode}, expected {expect}: {proc.stderr}")
    return proc


def write_data(cwd):
    with open(os.path.join(cwd, "eval.csv"), "w") as f:
        f.write("id,label\n" + "".join(f"ex{i},{i % 2}\n" for i in range(200)))
    with open(os.path.join(cwd, "preds.csv"), "w") as f:
        f.write("id,score\n" + "".join(f"ex{i},{(i % 2) * 0.3 + (i % 7) / 10:.3f}\n"
                                       for i in range(200)))


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as cwd:
        write_data(cwd)
        env = flow.remote_env(binary, cwd)  # starts the server, makes the admin's token
        url, token, home = flow._SERVER["url"], flow._SERVER["token"], flow._SERVER["home"]

        # --server and --project do what the environment does.
        out = cli(binary, cwd, {"FORESIGHT_TOKEN": token}, "--server", url, "--project", "team/a",
                  "init", expect=2)
        check("'/'" in out.stderr, f"a project name with '/' is refused, saying why: {out.stderr}")
        opts = ("--server", url, "--project", "team a")
        cli(binary, cwd, {"FORESIGHT_TOKEN": token}, *opts, "init")
        cli(binary, cwd, {"FORESIGHT_TOKEN": token}, *opts, "evalset", "add", "hold/out", "eval.csv",
            "--id", "id", "--label", "label")
        cli(binary, cwd, {"FORESIGHT_TOKEN": token}, *opts, "run", "add", "gbm/1 x", "--evalset",
            "hold/out", "--predictions", "preds.csv")
        runs = json.loads(cli(binary, cwd, {"FORESIGHT_TOKEN": token}, *opts, "runs", "--format",
                              "json").stdout)["runs"]
        check([r["name"] for r in runs] == ["gbm/1 x"], f"names with / and spaces: {runs}")
        check(not os.path.exists(os.path.join(cwd, ".foresight")), "remote mode makes no .foresight/")

        # No token, a wrong one, no server, no such project.
        remote = {"FORESIGHT_URL": url, "FORESIGHT_PROJECT": "team a"}
        out = cli(binary, cwd, remote, "runs", expect=77)
        check("FORESIGHT_TOKEN" in out.stderr, f"no token: says which variable: {out.stderr}")
        out = cli(binary, cwd, dict(remote, FORESIGHT_TOKEN=token[:-4] + "AAAA"), "runs", expect=77)
        check("not known" in out.stderr and token not in out.stderr, f"a wrong token: {out.stderr}")
        down = dict(remote, FORESIGHT_URL="http://127.0.0.1:9", FORESIGHT_TOKEN=token)
        out = cli(binary, cwd, down, "runs", expect=75)
        check("127.0.0.1:9" in out.stderr and token not in out.stderr,
              f"no server: names it, not the token: {out.stderr}")
        out = cli(binary, cwd, dict(remote, FORESIGHT_TOKEN=token, FORESIGHT_PROJECT="nobody"),
                  "runs", expect=2)
        check("foresight init" in out.stderr, f"no such project: says how to make it: {out.stderr}")
        out = cli(binary, cwd, dict(remote, FORESIGHT_URL="localhost:8080", FORESIGHT_TOKEN=token),
                  "runs", expect=2)
        check("http://" in out.stderr, f"a URL without a scheme: says how to write it: {out.stderr}")

        # A viewer reads, with a warning, and may not write.
        subprocess.run([binary, "admin", "user", "add", "vera"], cwd=home, check=True,
                       capture_output=True)
        subprocess.run([binary, "admin", "member", "set", "team a", "vera", "viewer"], cwd=home,
                       check=True, capture_output=True)
        vera = subprocess.run([binary, "admin", "token", "create", "vera"], cwd=home, check=True,
                              capture_output=True, text=True).stdout.strip()
        viewer = dict(remote, FORESIGHT_TOKEN=vera)
        out = cli(binary, cwd, viewer, "eval", "--resamples", "100")
        check("gbm/1 x" in out.stdout, f"a viewer evaluates: {out.stdout}")
        out = cli(binary, cwd, viewer, "run", "add", "mine", "--evalset", "hold/out",
                  "--predictions", "preds.csv", expect=77)
        check("contributor" in out.stderr, f"a viewer's write names the role it needs: {out.stderr}")
        cli(binary, cwd, viewer, "run", "rm", "gbm/1 x", expect=77)

        # Changing the project's success criteria needs a maintainer: a contributor's eval
        # with another charter works, uses it, and says it was not recorded.
        subprocess.run([binary, "admin", "user", "add", "cody"], cwd=home, check=True,
                       capture_output=True)
        subprocess.run([binary, "admin", "member", "set", "team a", "cody", "contributor"],
                       cwd=home, check=True, capture_output=True)
        cody = dict(remote, FORESIGHT_TOKEN=subprocess.run(
            [binary, "admin", "token", "create", "cody"], cwd=home, check=True,
            capture_output=True, text=True).stdout.strip())
        admin = dict(remote, FORESIGHT_TOKEN=token)
        with open(os.path.join(cwd, "foresight.yaml"), "w") as f:
            f.write("version: 1\nsuccess:\n  metric: roc_auc\n  threshold: 0.6\n")
        cli(binary, cwd, admin, "eval", "--resamples", "100")
        out = cli(binary, cwd, cody, "eval", "--resamples", "100")
        check(out.stderr == "", f"the recorded charter is no change for a contributor: {out.stderr}")
        with open(os.path.join(cwd, "foresight.yaml"), "w") as f:
            f.write("version: 1\nsuccess:\n  metric: roc_auc\n  threshold: 0.9\n")
        out = cli(binary, cwd, cody, "eval", "--resamples", "100", "--format", "json")
        check("maintainer" in out.stderr and "not recorded" in out.stderr,
              f"a contributor's changed criteria are used, not recorded: {out.stderr}")
        check(json.loads(out.stdout)["criterion"]["threshold"] == 0.9, "the charter's criteria apply")
        history = json.loads(cli(binary, cwd, admin, "history", "--format", "json").stdout)
        check(len(history["history"]) == 1, f"the history holds the maintainer's version: {history}")
        cli(binary, cwd, admin, "eval", "--resamples", "100")
        history = json.loads(cli(binary, cwd, admin, "history", "--format", "json").stdout)
        check(len(history["history"]) == 2, f"a maintainer records the change: {history}")

        # A local workspace moved onto the server, then worked on remotely.
        with tempfile.TemporaryDirectory() as laptop:
            write_data(laptop)
            local = {}
            cli(binary, laptop, local, "init")
            cli(binary, laptop, local, "evalset", "add", "holdout", "eval.csv", "--id", "id",
                "--label", "label")
            cli(binary, laptop, local, "run", "add", "lr", "--evalset", "holdout", "--predictions",
                "preds.csv")
            # The server's "default" project is empty: the move fills it.
            out = cli(binary, laptop, {"FORESIGHT_TOKEN": token}, "migrate", "--from", ".", "--to", url)
            check("all equal" in out.stdout, f"migrate onto the server checks every metric: {out.stdout}")
            local_eval = cli(binary, laptop, local, "eval", "--format", "json", "--seed", "4").stdout
            moved = cli(binary, laptop, dict(remote, FORESIGHT_TOKEN=token, FORESIGHT_PROJECT="default"),
                        "eval", "--format", "json", "--seed", "4").stdout
            check(json.loads(local_eval)["results"] == json.loads(moved)["results"],
                  "the moved project measures the same, to the last digit")
    return finish("remote_flow")


if __name__ == "__main__":
    sys.exit(main())
