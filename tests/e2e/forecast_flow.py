#!/usr/bin/env python3
"""The forecast workflow end to end, through the command line, in a scratch folder:
forecast --points (JSON shape and invariants, determinism, options) -> a workspace with
runs of one method at growing train sizes -> forecast --method against the charter's
target -> bad uses are refused with exit code 2.

Usage: forecast_flow.py FORESIGHT"""
import json
import os
import random
import shutil
import sys
import tempfile

from flow import check, finish, run

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check_band(band, what):
    check(band["lower"] <= band["estimate"] <= band["upper"], f"{what}: lower <= estimate <= upper")


def points_file(binary, cwd):
    shutil.copy(os.path.join(REPO, "examples", "forecast", "points.csv"), cwd)
    args = ["forecast", "--points", "points.csv", "--at", "5000", "--at", "20000",
            "--target", "0.028", "--band", "0.9", "--format", "json"]
    out = run(binary, cwd, *args).stdout
    doc = json.loads(out)
    check(doc["version"] == 1 and doc["metric"] == "value", "json: version and metric")
    check(doc["higher_is_better"] is False, "json: the direction is inferred from falling values")
    check(doc["band"] == 0.9, "json: band as given")
    check([p["size"] for p in doc["predictions"]] == [5000, 20000], "json: sizes as given")
    for p in doc["predictions"]:
        check_band(p, f"prediction at {p['size']}")
    check(doc["predictions"][1]["estimate"] <= doc["predictions"][0]["estimate"] + 1e-9,
          "json: the error does not grow with more data")
    check_band(doc["asymptote"], "asymptote")
    target = doc["target"]
    check(target["value"] == 0.028 and 0 <= target["probability_reachable"] <= 1, "json: target")
    if target["size_needed"] is not None:
        needed = target["size_needed"]
        check(needed["lower"] <= needed["estimate"], "json: size needed ordered")
    weights = [f["weight"] for f in doc["families"]]
    check(abs(sum(weights) - 1) < 1e-9, "json: family weights sum to 1")
    check(weights == sorted(weights, reverse=True), "json: families by weight")
    check(len(doc["curve"]) > 10 and isinstance(doc["warnings"], list), "json: curve, warnings")
    check(run(binary, cwd, *args).stdout == out, "forecast is deterministic")
    # A wider band is wider.
    narrow = json.loads(run(binary, cwd, "forecast", "--points", "points.csv", "--band", "0.5",
                            "--format", "json").stdout)
    wide = json.loads(run(binary, cwd, "forecast", "--points", "points.csv", "--band", "0.95",
                          "--format", "json").stdout)
    width = lambda d: d["predictions"][1]["upper"] - d["predictions"][1]["lower"]
    check(width(wide) > width(narrow), "a 95% band is wider than a 50% band")


def method_runs(binary, cwd):
    """Runs of one method at growing train sizes, whose AUC rises and levels off."""
    rng = random.Random(11)
    n = 500
    labels = [i % 2 for i in range(n)]
    with open(os.path.join(cwd, "eval.csv"), "w") as f:
        f.write("id,label\n")
        for i in range(n):
            f.write(f"ex{i},{labels[i]}\n")
    # The example charter's criterion (roc_auc >= 0.97) becomes the default target.
    shutil.copy(os.path.join(REPO, "examples", "evidence", "foresight.yaml"), cwd)
    run(binary, cwd, "init")
    run(binary, cwd, "evalset", "add", "holdout", "eval.csv", "--id", "id", "--label", "label")
    for size in [100, 200, 400, 800, 1600, 3200]:
        shift = 0.1 + 0.4 * (1 - (size / 100) ** -0.5)
        name = f"boost-{size}.csv"
        with open(os.path.join(cwd, name), "w") as f:
            f.write("id,score\n")
            for i in range(n):
                f.write(f"ex{i},{min(1.0, (shift * labels[i] + rng.random()) / 1.5):.6f}\n")
        run(binary, cwd, "run", "add", f"boost-{size}", "--evalset", "holdout", "--predictions",
            name, "--method", "boost", "--train-size", str(size))
    doc = json.loads(run(binary, cwd, "forecast", "--method", "boost", "--resamples", "300",
                         "--format", "json").stdout)
    check(doc["metric"] == "roc_auc" and doc["higher_is_better"] is True, "method: metric")
    check([p["size"] for p in doc["points"]] == [100, 200, 400, 800, 1600, 3200],
          "method: one point per run, by train size")
    check(all(p["stderr"] and p["stderr"] > 0 for p in doc["points"]),
          "method: bootstrap standard errors")
    check(doc["asymptote"]["upper"] <= 1.0, "method: an AUC stays at most 1")
    check(doc["target"] is not None and doc["target"]["value"] == 0.97,
          "method: the charter's threshold is the target")
    text = run(binary, cwd, "forecast", "--method", "boost", "--resamples", "300").stdout
    check("Forecast for method 'boost' on 'holdout'" in text, "method: text names the method")
    check("roc_auc" in text and "target 0.97" in text, "method: text names metric and target")
    bad = run(binary, cwd, "forecast", "--method", "tree", expect=2)
    check("the methods are: boost" in bad.stderr, "method: unknown method lists the methods")
    both = run(binary, cwd, "forecast", "--method", "boost", "--points", "x.csv", expect=2)
    check("one of them" in both.stderr, "either --points or --method")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        points_file(binary, tmp)
    with tempfile.TemporaryDirectory() as tmp:
        method_runs(binary, tmp)
    return finish("forecast flow")


if __name__ == "__main__":
    sys.exit(main())
