#!/usr/bin/env python3
"""Validates `foresight check --format sarif` against the OASIS SARIF 2.1.0 JSON schema
(tests/fixtures/sarif-2.1.0.json, a copy of the official schema) for every charter given,
and checks that every result's rule is described in tool.driver.rules with help text.

Usage: validate_sarif.py FORESIGHT SCHEMA CHARTER..."""
import json
import subprocess
import sys

import jsonschema


def main() -> int:
    binary, schema_path, charters = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    failures = 0
    for charter in charters:
        proc = subprocess.run([binary, "check", charter, "--format", "sarif"],
                              capture_output=True, timeout=60)
        if proc.returncode not in (0, 1, 2):
            print(f"{charter}: exit code {proc.returncode}")
            failures += 1
            continue
        log = json.loads(proc.stdout)
        errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
        for error in errors[:5]:
            print(f"{charter}: {'/'.join(map(str, error.path))}: {error.message}")
        failures += bool(errors)
        run = log["runs"][0]
        rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
        for result in run["results"]:
            rule = rules.get(result["ruleId"])
            if rule is None:
                print(f"{charter}: result for undeclared rule {result['ruleId']}")
                failures += 1
            elif result["ruleId"][0] in "RMDP" and not rule.get("help", {}).get("text"):
                print(f"{charter}: rule {result['ruleId']} has no help text")
                failures += 1
        print(f"{charter}: {len(run['results'])} results, schema "
              f"{'valid' if not errors else 'INVALID'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
