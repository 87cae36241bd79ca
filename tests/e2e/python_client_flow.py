#!/usr/bin/env python3
"""The Python client (clients/python, standard library only) against a live `foresight
serve`: sets and runs logged from lists and numpy arrays, binary and multiclass; the eval it
reads back equal to `foresight eval --format json` on the same store, to the last digit;
refused uploads raised as ApiError with the problem's line; an unknown run is 404.

Usage: python_client_flow.py FORESIGHT"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time

from flow import check, finish, run

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "clients", "python"))

from foresight_client import ApiError, Client  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(binary, cwd, token):
    port = free_port()
    proc = subprocess.Popen([binary, "serve", "--listen", f"127.0.0.1:{port}"], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    client = Client(f"http://127.0.0.1:{port}", token=token)
    for _ in range(300):
        try:
            client.health()
            return proc, client
        except OSError:
            time.sleep(0.02)
    proc.kill()
    raise SystemExit(f"the server did not start: {proc.stderr.read().decode()}")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as cwd:
        run(binary, cwd, "init")
        # The first administrator and a token, made on the server's host.
        run(binary, cwd, "admin", "user", "add", "root", "--admin")
        token = run(binary, cwd, "admin", "token", "create", "root", "--label", "test").stdout
        token = token.strip()
        check(token.startswith("fst_"), "the token is printed alone on stdout")
        subprocess.run([binary, "admin", "user", "add", "bo", "--password-stdin"], cwd=cwd,
                       input=b"bo's long password\n", check=True, capture_output=True)
        proc, fs = serve(binary, cwd, token)
        try:
            n = 400
            ids = [f"patient-{i}" for i in range(n)]
            labels = ["yes" if i % 3 == 0 else "no" for i in range(n)]
            region = ["north" if i % 2 else "south" for i in range(n)]
            fs.add_evalset("holdout", ids=ids, labels=labels, positive="yes",
                           slices={"region": region})
            scores = [(0.55 if i % 3 == 0 else 0.3) + ((i * 7) % 11) / 40.0 for i in range(n)]
            fs.log_run("gbm-1", evalset="holdout", ids=ids, scores=scores, method="gbm",
                       train_size=1200, params={"depth": 6}, tags={"owner": "ana"})
            try:
                import numpy as np
                fs.log_run("logreg-1", evalset="holdout", ids=np.array(ids),
                           scores=np.array(scores) * 0.5 + 0.25, method="logreg")
            except ImportError:
                print("numpy is not installed: arrays not tried")
            runs = fs.runs()
            check([r["name"] for r in runs][:1] == ["gbm-1"], "the run is listed")
            check(runs[0]["params"] == {"depth": "6"} and runs[0]["tags"] == {"owner": "ana"},
                  f"params and tags kept: {runs[0]}")
            check(runs[0]["train_size"] == 1200, "the training size kept")
            check([r["name"] for r in fs.runs(page_size=1)] == [r["name"] for r in runs],
                  "every page read, one run a page")
            check([r["name"] for r in fs.runs(method="gbm")] == ["gbm-1"], "runs of a method")
            check([r["name"] for r in fs.runs(tags={"owner": "ana"})] == ["gbm-1"],
                  "runs with a tag")
            back = fs.predictions("gbm-1")
            check(back["id"] == ids and back["score"] == scores,
                  "a run's predictions read back equal to what was logged")

            # Multiclass from a dict of probability columns.
            species = ["setosa", "versicolor", "virginica"]
            truth = [species[i % 3] for i in range(90)]
            fs.add_evalset("flowers", ids=list(range(90)), labels=truth, task="multiclass")
            proba = {c: [0.8 if truth[i] == c else 0.1 for i in range(90)] for c in species}
            fs.log_run("tree-1", evalset="flowers", ids=list(range(90)), probabilities=proba)

            over_http = fs.eval(runs=["gbm-1", "tree-1"], resamples=300, seed=7)
            cli = json.loads(run(binary, cwd, "eval", "gbm-1", "tree-1", "--format", "json",
                                 "--resamples", "300", "--seed", "7").stdout)
            key = lambda r: (r["run"], r["metric"])
            check(sorted(over_http["results"], key=key) == sorted(cli["results"], key=key),
                  "the client reads the numbers `foresight eval` prints, to the last digit")

            # A refused upload: the problem's line, and nothing stored.
            bad = list(scores)
            bad[5] = float("nan")
            try:
                fs.log_run("nan-1", evalset="holdout", ids=ids, scores=bad)
                check(False, "a NaN score is refused before sending")
            except ValueError:
                pass
            try:
                fs.log_run("short-1", evalset="holdout", ids=ids[:10], scores=scores[:10])
                check(False, "predictions for 10 of 400 examples are refused")
            except ApiError as e:
                check(e.status == 400 and e.code == "invalid_argument" and e.problems,
                      f"refused with problems: {e}")
            check(all(r["name"] != "short-1" for r in fs.runs()), "nothing stored")
            try:
                fs.delete_run("nope")
                check(False, "deleting an unknown run fails")
            except ApiError as e:
                check(e.status == 404 and e.code == "not_found", f"404: {e}")
            fs.create_project("churn")
            check(fs.projects() == ["default", "churn"], "projects listed in order")
            check(fs.in_project("churn").runs() == [], "a new project is empty")

            # Accounts: no token is 401; bo logs in with his password, sees no project until
            # given a role, and a viewer cannot write.
            try:
                Client(fs.url, token="").runs()
                check(False, "a request without a token is refused")
            except ApiError as e:
                check(e.status == 401 and e.code == "unauthenticated", f"401: {e}")
            bo = Client.login(fs.url, "bo", "bo's long password", project="churn")
            check(bo.me()["user"] == "bo", "bo's token is bo's")
            check(bo.projects() == [], "bo sees no project before he is given a role")
            run(binary, cwd, "admin", "member", "set", "churn", "bo", "viewer")
            check(bo.projects() == ["churn"] and bo.runs() == [], "a viewer reads")
            try:
                bo.add_evalset("s", ids=[1, 2], labels=[0, 1])
                check(False, "a viewer cannot add an evaluation set")
            except ApiError as e:
                check(e.status == 403 and "contributor" in e.message, f"403: {e}")
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        check(proc.returncode == 0, f"the server stops on SIGTERM, exit {proc.returncode}")
    return finish("python client flow")


if __name__ == "__main__":
    sys.exit(main())
