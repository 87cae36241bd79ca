#!/usr/bin/env python3
"""The evidence workflow end to end, through the command line, in a scratch folder:
init -> evalset add -> run add (x3) -> runs / evalsets -> eval (JSON shape, determinism,
success criterion) -> rank (the same numbers, from the cache) -> compare (paired, Holm) -> a changed charter re-scores and shows in
history -> bad predictions are refused and nothing is stored; global options before the
command, one value per repeatable option, a CSV with a byte-order mark, a numeric slice binned
at its quartiles, rounded multiclass probabilities renormalized on request, and a deleted or
emptied database refused instead of made anew; run export reads back to the same numbers;
runs and sets renamed and deleted.

Usage: evidence_flow.py FORESIGHT"""
import json
import os
import random
import sys
import tempfile

from flow import check, finish, run, REMOTE


def write_data(cwd):
    rng = random.Random(7)
    n = 600
    labels = [rng.randint(0, 1) for _ in range(n)]
    sex = [rng.choice(["f", "m"]) for _ in range(n)]
    with open(os.path.join(cwd, "eval.csv"), "w") as f:
        f.write("id,label,sex\n")
        for i in range(n):
            f.write(f"ex{i},{labels[i]},{sex[i]}\n")
    for name, signal in (("weak", 0.15), ("strong", 0.45), ("same", 0.15)):
        with open(os.path.join(cwd, f"{name}.csv"), "w") as f:
            f.write("id,score\n")
            for i in range(n):
                score = min(1.0, max(0.0, rng.gauss(0.4, 0.2) + signal * labels[i]))
                f.write(f"ex{i},{score:.5f}\n")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as cwd:
        run(binary, cwd, "init")
        write_data(cwd)
        run(binary, cwd, "evalset", "add", "holdout", "eval.csv", "--id", "id", "--label", "label",
            "--slice", "sex")
        for name in ("weak", "strong", "same"):
            run(binary, cwd, "run", "add", name, "--evalset", "holdout", "--predictions", f"{name}.csv",
                "--method", "logreg", "--train-size", "1000", "--param", "C=1")
        runs = json.loads(run(binary, cwd, "runs", "--format", "json").stdout)["runs"]
        check([r["name"] for r in runs] == ["weak", "strong", "same"], "runs lists the three runs in order")
        check(runs[0]["params"] == {"C": "1"} and runs[0]["train_size"] == 1000, "runs keeps params")
        sets = json.loads(run(binary, cwd, "evalsets", "--format", "json").stdout)["evalsets"]
        check(sets[0]["rows"] == 600 and sets[0]["slices"] == ["sex"], "evalsets shows rows and slices")
        # Global options may come before the command.
        elsewhere = json.loads(run(binary, os.path.dirname(cwd), "--workspace", cwd, "evalsets",
                                   "--format", "json").stdout)["evalsets"]
        check(elsewhere == sets, "--workspace before the command")

        # A charter with a success criterion on roc_auc.
        with open(os.path.join(cwd, "foresight.yaml"), "w") as f:
            f.write("version: 1\nsuccess:\n  metric: roc_auc\n  threshold: 0.8\n  confidence: 0.9\n")
        args = ("eval", "--format", "json", "--resamples", "500", "--seed", "3", "--slices")
        first = run(binary, cwd, *args).stdout
        second = run(binary, cwd, *args).stdout
        check(first == second, "same seed, same intervals")
        result = json.loads(first)
        rows = result["results"]
        overall = [r for r in rows if r["slice"] is None]
        check(len(overall) == 3 and all(r["metric"] == "roc_auc" for r in overall),
              "eval defaults to the charter's metric")
        for r in rows:
            check(r["lower"] <= r["estimate"] <= r["upper"], f"interval contains its estimate: {r}")
            check(set(r) >= {"run", "metric", "slice", "estimate", "lower", "upper", "n"}, "eval JSON fields")
        check({r["slice"] for r in rows if r["slice"]} == {"sex=f", "sex=m"}, "per-slice rows")
        gaps = {(g["run"], g["measure"]) for g in result["fairness"]}
        check(("strong", "demographic_parity_difference") in gaps and ("strong", "equalized_odds_difference") in gaps,
              f"fairness gaps per run: {result['fairness']}")
        for g in result["fairness"]:
            check(0 <= g["lower"] <= g["estimate"] <= g["upper"] <= 1, f"gap interval: {g}")
        status = {c["run"]: c["status"] for c in result["criterion"]["runs"]}
        check(status["strong"] == "met", f"strong run meets roc_auc >= 0.8: {status}")
        check(status["weak"] in ("not met", "not yet known"), f"weak run does not meet it: {status}")

        # rank: the same numbers as eval for the runs it measures, read from the result cache
        # eval filled; --no-cache computes them again, identically.
        rank_args = ("rank", "--format", "json", "--resamples", "500", "--seed", "3")
        ranked = json.loads(run(binary, cwd, *rank_args).stdout)
        # A server's cache is never written by a client (a cached value is trusted as computed).
        check(ranked["cached"] > 0 if not REMOTE else ranked["cached"] == 0,
              f"rank reads what eval cached: {ranked['cached']}")
        group = ranked["groups"][0]
        check(group["metric"] == "roc_auc" and group["criterion"]["threshold"] == 0.8,
              "rank uses the charter's metric and target")
        order = [r["run"] for r in group["runs"]]
        check(order[0] == "strong" and set(order) == {"weak", "strong", "same"}, f"rank order: {order}")
        by_run = {r["run"]: r for r in overall}
        crit = {c["run"]: c for c in result["criterion"]["runs"]}
        for r in group["runs"]:
            check(r["estimate"] == by_run[r["run"]]["estimate"], f"rank's estimate is eval's: {r}")
            if r["screen"] == "contender":
                check(r["lower"] == by_run[r["run"]]["lower"] and r["upper"] == by_run[r["run"]]["upper"],
                      f"rank's interval is eval's: {r}")
                check(r["criterion"]["probability"] == crit[r["run"]]["probability"], f"P(target met): {r}")
            else:
                check(r["lower"] is None and r["criterion"] is None, f"screened run has no interval: {r}")
        fresh = json.loads(run(binary, cwd, *rank_args, "--no-cache").stdout)
        check(fresh["cached"] == 0 and fresh["groups"] == ranked["groups"], "--no-cache: same numbers, computed")
        text = run(binary, cwd, "rank", "--resamples", "500", "--seed", "3").stdout
        check("ranked by roc_auc" in text and "P(TARGET MET)" in text, f"rank text: {text[:400]}")

        compare = json.loads(run(binary, cwd, "compare", "weak", "strong", "--format", "json").stdout)
        c = compare["comparisons"][0]
        check(c["a"] == "weak" and c["b"] == "strong" and c["difference"] > 0 and c["lower"] > 0,
              f"strong beats weak: {c}")
        check(c["test"] == "delong" and c["p_value"] < 0.01, "roc_auc compared with DeLong")
        check(set(c) >= {"a", "b", "metric", "difference", "lower", "upper", "p_value", "test"},
              "compare JSON fields")
        text = run(binary, cwd, "compare", "weak", "same", "--metric", "accuracy").stdout
        check("no detectable difference" in text or "beats" in text, f"a verdict in words: {text}")
        holm = json.loads(run(binary, cwd, "compare", "--baseline", "weak", "strong", "same",
                              "--format", "json").stdout)["comparisons"]
        check(len(holm) == 2 and all(h["p_adjusted"] is not None for h in holm), "Holm-adjusted p-values")

        # The metric changes: eval says so, re-scores, and history shows both versions.
        with open(os.path.join(cwd, "foresight.yaml"), "w") as f:
            f.write("version: 1\nsuccess:\n  metric: accuracy\n  threshold: 0.75\n")
        # A failed eval records nothing: the change is still reported by the next one.
        run(binary, cwd, "eval", "--metric", "no_such_metric", expect=2)
        unchanged = json.loads(run(binary, cwd, "history", "--format", "json").stdout)["history"]
        check([h["metric"] for h in unchanged] == ["roc_auc"], f"a failed eval recorded: {unchanged}")
        changed = run(binary, cwd, "eval", "--resamples", "200").stdout
        check("the success criterion changed" in changed, f"eval reports the change: {changed[:300]}")
        check(changed.count("accuracy") >= 3, "every run re-scored on the new metric")
        reranked = json.loads(run(binary, cwd, "rank", "--format", "json").stdout)["groups"][0]
        check(reranked["metric"] == "accuracy" and reranked["criterion"]["threshold"] == 0.75,
              f"rank follows the changed metric: {reranked['metric']}")
        history = json.loads(run(binary, cwd, "history", "--format", "json").stdout)["history"]
        check([h["metric"] for h in history] == ["roc_auc", "accuracy"], f"history: {history}")

        # Bad predictions: exit 2, nothing stored.
        with open(os.path.join(cwd, "bad.csv"), "w") as f:
            f.write("id,score\nex0,0.5\nex1,nan\nnope,0.2\n")
        bad = run(binary, cwd, "run", "add", "bad", "--evalset", "holdout", "--predictions", "bad.csv", expect=2)
        check("bad.csv:3:" in bad.stderr and "nothing was stored" in bad.stderr, f"bad input reported: {bad.stderr}")
        after = json.loads(run(binary, cwd, "runs", "--format", "json").stdout)["runs"]
        check(len(after) == 3, "the refused run was not stored")
        run(binary, cwd, "eval", "missing-run", expect=2)

        # --metric takes one value: the run after it is a run.
        only = json.loads(run(binary, cwd, "eval", "--metric", "roc_auc", "weak", "--format", "json",
                              "--resamples", "200").stdout)["results"]
        check([(r["run"], r["metric"]) for r in only] == [("weak", "roc_auc")],
              f"--metric roc_auc weak: one metric, one run: {only}")

        # A spreadsheet's "CSV UTF-8" starts with a byte-order mark.
        with open(os.path.join(cwd, "eval.csv"), encoding="utf-8") as f:
            body = f.read()
        with open(os.path.join(cwd, "bom.csv"), "w", encoding="utf-8-sig") as f:
            f.write(body)
        added = run(binary, cwd, "evalset", "add", "bom", "bom.csv", "--id", "id", "--label", "label")
        check("600 examples" in added.stdout, f"a CSV with a byte-order mark: {added.stdout}")

        # A numeric slice with many values (an age) is binned at its quartiles, and says so.
        with open(os.path.join(cwd, "ages.csv"), "w") as f:
            f.write("id,label,age\n")
            for i in range(80):
                f.write(f"a{i},{i % 2},{18 + i}\n")
        added = run(binary, cwd, "evalset", "add", "ages", "ages.csv", "--id", "id", "--label", "label",
                    "--slice", "age")
        check("binned at its quartiles into [18, 38) [38, 58) [58, 78) [78, 97]" in added.stdout,
              f"an age slice is binned: {added.stdout}")

        # Probabilities rounded before export are refused, then divided by their sums on request.
        with open(os.path.join(cwd, "trees.csv"), "w") as f:
            f.write("id,label\nt1,oak\nt2,ash\nt3,elm\n")
        with open(os.path.join(cwd, "rounded.csv"), "w") as f:
            f.write("id,proba_ash,proba_elm,proba_oak\nt1,0.333,0.333,0.333\nt2,0.5,0.3,0.2\n"
                    "t3,0.1,0.8,0.1\n")
        run(binary, cwd, "evalset", "add", "trees", "trees.csv", "--id", "id", "--label", "label")
        refused = run(binary, cwd, "run", "add", "rounded", "--evalset", "trees", "--predictions",
                      "rounded.csv", expect=2)
        check("rounded.csv:2:1:" in refused.stderr and "--renormalize" in refused.stderr
              and "the farthest row sums to 0.999" in refused.stderr,
              f"rounded probabilities refused with the way out: {refused.stderr}")
        kept = run(binary, cwd, "run", "add", "rounded", "--evalset", "trees", "--predictions",
                   "rounded.csv", "--renormalize")
        check("divided by their sum; the farthest row summed to 0.999" in kept.stdout,
              f"--renormalize says how far off the rows were: {kept.stdout}")

        # A run's stored predictions export as CSV that run add reads back to the same numbers.
        exported = run(binary, cwd, "run", "export", "strong").stdout
        with open(os.path.join(cwd, "exported.csv"), "w") as f:
            f.write(exported)
        check(exported.startswith("id,score\nex0,"), f"run export writes id,score: {exported[:40]}")
        run(binary, cwd, "run", "add", "strong-again", "--evalset", "holdout", "--predictions",
            "exported.csv")
        both = json.loads(run(binary, cwd, "eval", "strong", "strong-again", "--metric", "roc_auc",
                              "--format", "json", "--resamples", "200").stdout)["results"]
        check(len(both) == 2 and both[0]["estimate"] == both[1]["estimate"]
              and both[0]["lower"] == both[1]["lower"],
              f"exported and re-added predictions score the same: {both}")
        run(binary, cwd, "run", "export", "nope", expect=2)

        # Rename and delete: runs, and a set only with its runs.
        run(binary, cwd, "run", "mv", "strong-again", "copy")
        run(binary, cwd, "run", "mv", "copy", "weak", expect=2)
        kept = run(binary, cwd, "run", "rm", "copy").stdout
        check(kept == "deleted run 'copy'\n", f"run rm says what it deleted: {kept}")
        refused = run(binary, cwd, "evalset", "rm", "trees", expect=2)
        check("--with-runs" in refused.stderr and "'rounded'" in refused.stderr,
              f"a set with runs is deleted only with them: {refused.stderr}")
        run(binary, cwd, "evalset", "rm", "trees", "--with-runs")
        names = [r["name"] for r in json.loads(run(binary, cwd, "runs", "--format", "json").stdout)["runs"]]
        check("rounded" not in names and "copy" not in names and "strong" in names,
              f"deleted runs are gone, the rest stay: {names}")

        if REMOTE:
            return finish("evidence flow")
        # An emptied or deleted database is an error, never a new empty workspace.
        db = os.path.join(cwd, ".foresight", "foresight.db")
        os.truncate(db, 0)
        emptied = run(binary, cwd, "evalsets", expect=2)
        check("is empty (0 bytes)" in emptied.stderr and os.path.getsize(db) == 0,
              f"an emptied database is refused and left alone: {emptied.stderr}")
        os.remove(db)
        gone = run(binary, cwd, "run", "add", "again", "--evalset", "holdout", "--predictions",
                   "weak.csv", expect=2)
        check("has no database" in gone.stderr and not os.path.exists(db),
              f"a deleted database is not made anew: {gone.stderr}")
    return finish("evidence flow")


if __name__ == "__main__":
    sys.exit(main())
