#!/usr/bin/env python3
"""The readiness gate as a CI pipeline uses it, through the command line, in a scratch folder:
a workspace with the gate cases' data (tests/e2e/data/gate) and charter; the gate passing
(exit 0) and failing (exit 1) with the JUnit, SARIF and Markdown files written beside the
text; the SARIF valid against the OASIS 2.1.0 schema with one result per condition at the
charter line that configures it; the JUnit XML parsed, one test case per condition with a
failure exactly where the gate blocks; the JSON's counts agreeing with its conditions;
`gate.undecided: pass` letting an undecided condition through; misuse (an unknown run, a
broken charter, an unknown format) exit 2 with nothing written.

Usage: gate_flow.py FORESIGHT SARIF_SCHEMA"""
import json
import os
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

import jsonschema

from flow import check, finish, run

HERE = os.path.dirname(os.path.abspath(__file__))
CHARTER = os.path.join(HERE, "cases", "gate-pass-text", "foresight.yaml")
DATA = os.path.join(HERE, "data", "gate")


def set_candidate(cwd, candidate, extra=""):
    with open(CHARTER, encoding="utf-8") as f:
        text = f.read().replace("  candidate: candidate", f"  candidate: {candidate}")
    with open(os.path.join(cwd, "foresight.yaml"), "w", encoding="utf-8") as f:
        f.write(text + extra)


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        validator = jsonschema.Draft7Validator(json.load(f))
    with tempfile.TemporaryDirectory() as cwd:
        for name in ("eval.csv", "candidate.csv", "current.csv", "rushed.csv"):
            shutil.copy(os.path.join(DATA, name), cwd)
        run(binary, cwd, "init")
        set_candidate(cwd, "candidate")
        run(binary, cwd, "evalset", "add", "applications", "eval.csv", "--id", "id", "--label",
            "label", "--slice", "group")
        for name, method in (("current", "scorecard"), ("candidate", "logistic regression"),
                             ("rushed", "gradient boosting")):
            run(binary, cwd, "run", "add", name, "--evalset", "applications", "--predictions",
                f"{name}.csv", "--method", method)

        # Passing: exit 0, every file written, every condition passing.
        out = run(binary, cwd, "gate", "--junit", "gate.xml", "--sarif", "gate.sarif", "--md",
                  "gate.md", expect=0)
        check(out.stdout.startswith("foresight gate: PASS"), "the passing gate says PASS")
        suite = ET.parse(os.path.join(cwd, "gate.xml")).getroot()
        check(suite.get("tests") == "7" and suite.get("failures") == "0",
              f"JUnit of a passing gate: 7 tests, 0 failures ({suite.attrib})")
        with open(os.path.join(cwd, "gate.md"), encoding="utf-8") as f:
            check(f.read().startswith("## ✅ foresight gate"), "the Markdown summary says it passed")

        # Failing: exit 1; the files agree with each other and with the JSON.
        set_candidate(cwd, "rushed")
        run(binary, cwd, "gate", "--junit", "gate.xml", "--sarif", "gate.sarif", "--md",
            "gate.md", expect=1)
        result = json.loads(run(binary, cwd, "gate", "--format", "json", expect=1).stdout)
        conditions = result["conditions"]
        check(not result["passed"], "JSON: not passed")
        check(len(conditions) == 7, f"JSON: 7 conditions, got {len(conditions)}")
        for status, key in (("pass", "pass"), ("fail", "fail"), ("cannot tell", "cannot_tell")):
            check(result["counts"][key] == sum(c["status"] == status for c in conditions),
                  f"JSON: the count of '{status}' agrees with the conditions")
        by_id = {c["id"]: c for c in conditions}
        check(by_id["guardrail"]["status"] == "fail" and
              by_id["guardrail"]["deciding"]["slice"] == "group=B",
              "the guardrail fails on group B, the group the rushed model gets wrong")
        check(by_id["interpretability"]["status"] == "fail",
              "gradient boosting is not interpretable, and the charter requires it")
        blocking = [c for c in conditions if c["blocks"]]

        suite = ET.parse(os.path.join(cwd, "gate.xml")).getroot()
        cases = suite.findall("./testsuite/testcase")
        check(len(cases) == 7, f"JUnit: one test case per condition, got {len(cases)}")
        failed = [c for c in cases if c.find("failure") is not None]
        check(len(failed) == len(blocking) == int(suite.get("failures")),
              f"JUnit: a failure exactly where the gate blocks ({len(failed)} vs {len(blocking)})")

        with open(os.path.join(cwd, "gate.sarif"), encoding="utf-8") as f:
            sarif = json.load(f)
        errors = list(validator.iter_errors(sarif))
        check(not errors, f"SARIF valid against the 2.1.0 schema: {errors[:1]}")
        results = sarif["runs"][0]["results"]
        check(len(results) == 7, f"SARIF: one result per condition, got {len(results)}")
        kinds = [r["kind"] for r in results]
        check(kinds.count("fail") == len(blocking), "SARIF: kind fail exactly where it blocks")
        guardrail = next(r for r in results if r["ruleId"] == "gate/guardrail")
        region = guardrail["locations"][0]["physicalLocation"].get("region", {})
        with open(os.path.join(cwd, "foresight.yaml"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        line = region.get("startLine", 0)
        check(0 < line <= len(lines) and "metric: recall" in lines[line - 1],
              f"SARIF points the guardrail at its charter line, got line {line}")

        # --explain says what each condition checked.
        out = run(binary, cwd, "gate", "--explain", expect=1)
        check(out.stdout.count("checked:") == 7, "--explain: one 'checked:' per condition")

        # Undecided conditions let through on the charter's word (the rushed run also fails
        # outright, so this uses the candidate with an unreachable-to-tell calibration bound).
        set_candidate(cwd, "candidate", "  undecided: pass\n")
        with open(os.path.join(cwd, "foresight.yaml"), encoding="utf-8") as f:
            text = f.read().replace("max_calibration_error: 0.1", "max_calibration_error: 0.02")
        with open(os.path.join(cwd, "foresight.yaml"), "w", encoding="utf-8") as f:
            f.write(text)
        result = json.loads(run(binary, cwd, "gate", "--format", "json", expect=0).stdout)
        check(result["counts"]["cannot_tell"] >= 1 and result["passed"],
              "gate.undecided: pass lets an undecided condition through (exit 0)")

        # Misuse: exit 2, and no file written.
        os.remove(os.path.join(cwd, "gate.xml"))
        run(binary, cwd, "gate", "--run", "no-such-run", "--junit", "gate.xml", expect=2)
        check(not os.path.exists(os.path.join(cwd, "gate.xml")), "misuse writes no JUnit file")
        run(binary, cwd, "gate", "--format", "yaml", expect=2)
        with open(os.path.join(cwd, "broken.yaml"), "w", encoding="utf-8") as f:
            f.write("success: [\n")
        out = run(binary, cwd, "gate", "--charter", "broken.yaml", expect=2)
        check("foresight check broken.yaml" in out.stderr, "a broken charter points at check")
    return finish("gate_flow")


if __name__ == "__main__":
    sys.exit(main())
