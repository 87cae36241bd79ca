#!/usr/bin/env python3
"""The probe end to end, through the command line, on real data: German Credit (1,000 loan
applicants, from Debian's weka package; scripts/fetch-data puts it in build/data/) with the
credit-scoring example charter, in a scratch workspace.

Checks the JSON's shape and invariants, that `eval` and `compare` re-derive the probe's
numbers from its stored runs, determinism, the time budget, bad uses (exit code 2), and,
independently, that scikit-learn's cross-validated ROC AUC of the same kinds of models
falls inside the probe's intervals.

Usage: probe_flow.py FORESIGHT"""
import json
import os
import re
import shutil
import sys
import tempfile

from flow import check, finish, run

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(REPO, "build", "data", "credit-g.arff")
LEARNERS = ["majority", "linear", "tree", "additive", "boosting"]
SIZES = [16, 23, 32, 45, 64, 91, 128, 181, 256, 362, 512, 724, 800]


def probe_json(binary, cwd):
    out = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--format", "json").stdout
    doc = json.loads(out)
    check(doc["version"] == 1 and doc["probe"] == "credit-g", "json: version and probe id")
    check(doc["task"] == "binary" and doc["task_inferred"], "json: binary task, inferred")
    check(doc["classes"] == ["good", "bad"], "json: the rarer class 'bad' is positive")
    check((doc["rows"], doc["features"], doc["folds"], doc["train_size"]) == (1000, 20, 5, 800),
          "json: rows, features, folds, train size")
    check(doc["metric"] == {"name": "roc_auc", "higher_is_better": True}, "json: the charter's metric")
    check(doc["criterion"]["threshold"] == 0.8, "json: the charter's target")
    kinds = {c["kind"] for c in doc["columns"] if c["role"] == "feature"}
    check(kinds == {"numeric", "categorical"} and all(c["origin"] == "declared"
                                                      for c in doc["columns"]),
          "json: ARFF declarations are used")
    check([l["name"] for l in doc["learners"]] == LEARNERS, "json: every learner, in order")
    for l in doc["learners"]:
        m = l["metric"]
        check(m["lower"] <= m["estimate"] <= m["upper"] and m["n"] == 1000, f"{l['name']}: interval")
        check([p["size"] for p in l["curve"]] == SIZES, f"{l['name']}: curve sizes")
        check(l["run"] == f"credit-g/{l['name']}/800", f"{l['name']}: full-size run")
        check(l["interpretable"] == (l["name"] != "boosting"), f"{l['name']}: glass or black box")
        check((l["forecast"] is None) == (l["name"] == "majority"), f"{l['name']}: forecast")
        check(0 <= l["probability_target_met"] <= 1, f"{l['name']}: probability")
    by = {l["name"]: l for l in doc["learners"]}
    check(abs(by["majority"]["metric"]["estimate"] - 0.5) < 0.03, "the floor is near 0.5")
    check(by["linear"]["metric"]["estimate"] > 0.74, "logistic regression learns something")
    check(by["linear"]["curve"][-1]["estimate"] > by["linear"]["curve"][0]["estimate"] + 0.05,
          "the linear curve rises with data")
    gap = doc["gap"]
    check(gap["black_box"] == "boosting" and gap["glass_box"] in ("linear", "tree", "additive"),
          "gap: best glass box against the black box")
    check(gap["lower"] <= gap["difference"] <= gap["upper"], "gap: interval")
    check("interpretability" in gap["verdict"], "gap: verdict in words")
    check(doc["skipped"] == [] and doc["time_budget"] is None, "nothing skipped")
    return doc


def re_derive(binary, cwd, doc):
    """eval and compare give the probe's numbers from the stored runs."""
    runs = json.loads(run(binary, cwd, "runs", "--format", "json").stdout)["runs"]
    check(len(runs) == len(LEARNERS) * len(SIZES), f"one run per learner and size ({len(runs)})")
    by = {l["name"]: l for l in doc["learners"]}
    ev = json.loads(run(binary, cwd, "eval", "credit-g/linear/800", "--format", "json").stdout)
    row = [r for r in ev["results"] if r["slice"] is None][0]
    check(abs(row["estimate"] - by["linear"]["metric"]["estimate"]) < 1e-12
          and abs(row["lower"] - by["linear"]["metric"]["lower"]) < 1e-12,
          "eval re-derives the linear model's interval")
    gap = doc["gap"]
    cmp = json.loads(run(binary, cwd, "compare", gap["glass_run"], gap["black_run"],
                         "--format", "json").stdout)
    cmp = cmp["comparisons"][0]
    check(abs(cmp["difference"] - gap["difference"]) < 1e-12
          and abs(cmp["lower"] - gap["lower"]) < 1e-12, "compare re-derives the gap")
    slices = json.loads(run(binary, cwd, "eval", "--slices", "credit-g/tree/800",
                            "--format", "json").stdout)
    folds = sorted(r["slice"] for r in slices["results"] if r["slice"])
    check(folds == [f"fold={k}" for k in range(1, 6)], "the folds are a slice of the set")
    check(sum(r["n"] for r in slices["results"] if r["slice"]) == 1000,
          "folds cover every row once")


def determinism_and_budget(binary, cwd, doc):
    again = json.loads(run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--name",
                           "again", "--threads", "1", "--format", "json").stdout)
    strip = lambda d: [(l["name"], l["metric"], [(p["size"], p["estimate"]) for p in l["curve"]])
                       for l in d["learners"]]
    check(strip(again) == strip(doc), "same seed, same numbers (1 thread or several)")
    other = json.loads(run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--name",
                           "seed7", "--seed", "7", "--format", "json").stdout)
    check(strip(other) != strip(doc), "another seed, other folds")
    budget = json.loads(run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--name",
                            "budget", "--time-budget", "0", "--format", "json").stdout)
    check(budget["learners"][0]["metric"] is not None and budget["learners"][1]["metric"] is None,
          "time budget 0: only the floor")
    check(len(budget["skipped"]) == 5 and budget["gap"] is None, "time budget: what was skipped")
    text = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--name", "text",
               "--learner", "linear", "--learner", "tree").stdout
    check("Interpretability: no gap measured" in text and "glass box" in text,
          "text: table and gap line")


def bad_uses(binary, cwd):
    p = run(binary, cwd, "probe", "credit-g.arff", "--target", "clas", expect=2)
    check("did you mean 'class'" in p.stderr and "credit-g.arff" in p.stderr,
          "unknown target: did you mean, in the file")
    p = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--positive", "ugly",
            expect=2)
    check("the classes are: good, bad" in p.stderr, "unknown positive class")
    p = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--type", "age",
            expect=2)
    check("COL=KIND" in p.stderr, "--type needs COL=KIND")
    p = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--time-budget", "inf",
            expect=2)
    check("--time-budget must be a number of seconds" in p.stderr, "an infinite time budget")
    p = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--threads", "9999",
            expect=2)
    check("--threads" in p.stderr, "too many threads")
    p = run(binary, cwd, "probe", "nothing.csv", "--target", "class", expect=2)
    check("nothing.csv" in p.stderr, "missing file")
    with open(os.path.join(cwd, "junk.csv"), "wb") as f:
        f.write(bytes(range(256)) * 8)
    p = run(binary, cwd, "probe", "junk.csv", "--target", "class", expect=2)
    check("binary" in p.stderr, "binary file")
    before = json.loads(run(binary, cwd, "runs", "--format", "json").stdout)["runs"]
    check(all(r["evalset"] != "junk" for r in before), "nothing stored for refused tables")


def sklearn_agrees(doc):
    """scikit-learn's 5-fold ROC AUC for the same kinds of models, inside the probe's 95% CI."""
    import numpy as np
    from scipy.io import arff
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
    from sklearn.tree import DecisionTreeClassifier
    data, meta = arff.loadarff(DATA)
    names = [n for n in meta.names() if n != "class"]
    nominal = [n for n in names if meta[n][0] == "nominal"]
    numeric = [n for n in names if meta[n][0] != "nominal"]
    x_num = np.column_stack([data[n].astype(float) for n in numeric])
    x_cat = np.column_stack([[v.decode() for v in data[n]] for n in nominal])
    y = np.array([v.decode() == "bad" for v in data["class"]], dtype=int)
    x = np.empty((len(y), len(names)), dtype=object)
    x[:, :len(numeric)] = x_num
    x[:, len(numeric):] = x_cat
    num, cat = list(range(len(numeric))), list(range(len(numeric), len(names)))
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    from sklearn.metrics import roc_auc_score
    linear = make_pipeline(ColumnTransformer([("n", StandardScaler(), num),
                                              ("c", OneHotEncoder(handle_unknown="ignore"), cat)]),
                           LogisticRegression(solver="liblinear", C=0.1))
    tree = make_pipeline(ColumnTransformer([("n", "passthrough", num),
                                            ("c", OrdinalEncoder(), cat)]),
                         DecisionTreeClassifier(max_depth=3, random_state=0))
    by = {l["name"]: l["metric"] for l in doc["learners"]}
    for name, model in (("linear", linear), ("tree", tree)):
        auc = roc_auc_score(y, cross_val_predict(model, x, y, cv=folds,
                                                 method="predict_proba")[:, 1])
        check(by[name]["lower"] <= auc <= by[name]["upper"],
              f"scikit-learn's {name} AUC {auc:.3f} inside the probe's CI "
              f"[{by[name]['lower']:.3f}, {by[name]['upper']:.3f}]")


def docs_match(binary, cwd):
    """The probe output quoted in README.md and docs/probe.md is the current output (the
    seconds column aside), so the docs cannot drift from the code."""
    out = run(binary, cwd, "probe", "credit-g.arff", "--target", "class", "--positive", "bad",
              "--name", "docs").stdout
    strip = lambda line: re.sub(r"\s+[0-9.]+$", "", line.rstrip()) if re.match(
        r"  (majority|linear|tree|additive|boosting) ", line) else line.rstrip()
    actual = {strip(line) for line in out.splitlines()}
    for doc in ("README.md", os.path.join("docs", "probe.md")):
        with open(os.path.join(REPO, doc), encoding="utf-8") as f:
            text = f.read()
        quoted = [line for line in text.splitlines()
                  if re.match(r"  (learner|majority|linear|tree|additive|boosting) +(kind|floor|"
                              r"glass|black)", line) or line.startswith("Interpretability: ")]
        check(len(quoted) >= 7, f"{doc} quotes the probe's table")
        for line in quoted:
            check(strip(line) in actual, f"{doc} quotes the current output: {line.strip()[:60]}")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    if not os.path.exists(DATA):
        print(f"FAIL {DATA} is missing: run scripts/fetch-data (make test does)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(DATA, tmp)
        shutil.copy(os.path.join(REPO, "examples", "credit-scoring", "foresight.yaml"), tmp)
        p = run(binary, tmp, "probe", "credit-g.arff", "--target", "class", expect=2)
        check("foresight init" in p.stderr, "without a workspace: says to run foresight init")
        run(binary, tmp, "init")
        doc = probe_json(binary, tmp)
        re_derive(binary, tmp, doc)
        determinism_and_budget(binary, tmp, doc)
        bad_uses(binary, tmp)
        sklearn_agrees(doc)
        docs_match(binary, tmp)
    return finish("probe_flow")


if __name__ == "__main__":
    sys.exit(main())
