#!/usr/bin/env python3
"""The plan ledger and its outlook through the command line, in a scratch folder, as a team
uses them week after week: events recorded and refused (exit 2, nothing stored), the
charter's estimates versioned when the charter is edited (a finished method judged against
the estimate it started with), the JSON of the ledger and of the outlook agreeing with each
other and with the model's arithmetic, the same seed giving the same outlook, and misuse
(no team, a bad day, too few futures) exit 2.

Usage: plan_flow.py FORESIGHT"""
import json
import os
import shutil
import sys
import tempfile

from flow import check, finish, run, REMOTE

HERE = os.path.dirname(os.path.abspath(__file__))
CHARTER = os.path.join(HERE, "cases", "plan-ledger-text", "foresight.yaml")
TODAY = ["--today", "2026-03-02"]


def write_charter(cwd, text):
    with open(os.path.join(cwd, "foresight.yaml"), "w", encoding="utf-8") as f:
        f.write(text)


def ledger(binary, cwd):
    return json.loads(run(binary, cwd, "plan", "--format", "json", *TODAY).stdout)


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    with open(CHARTER, encoding="utf-8") as f:
        charter = f.read()
    with tempfile.TemporaryDirectory() as cwd:
        run(binary, cwd, "init")
        write_charter(cwd, charter)
        first = ledger(binary, cwd)
        check(len(first["recorded_estimates"]) == 5, "the first read records every estimate")
        check(first["events"] == 5, f"5 estimate events, not {first['events']}")
        check(ledger(binary, cwd)["recorded_estimates"] == [], "estimates are recorded once")

        out = run(binary, cwd, "plan", "start", "baseline", "--on", "2026-01-05", *TODAY)
        check(out.stdout.startswith("Recorded: started 'baseline' on 2026-01-05."), out.stdout)
        run(binary, cwd, "plan", "log", "baseline", "--effort", "1.5", "--on", "2026-01-09",
            *TODAY)
        run(binary, cwd, "plan", "finish", "baseline", "--on", "2026-01-09", *TODAY)
        before = ledger(binary, cwd)["events"]
        # Misuse: exit 2, a message saying what is wrong, and nothing stored.
        for args, words in [
            (["start", "baseline"], "already finished"),
            (["start", "gradient bosting"], "did you mean 'gradient boosting'?"),
            (["start", "usage features", "--on", "2026-02-30"], "calendar date"),
            (["start", "usage features", "--on", "2026-03-03"], "after today"),
            (["log", "usage features", "--effort", "-1"], "above 0"),
            (["log", "usage features", "--effort", "nan"], "above 0"),
            (["log", "usage features", "--effort", "2", "--role", "wizard"], "must be one of"),
            (["drop", "baseline"], "already finished"),
        ]:
            out = run(binary, cwd, "plan", *args, *TODAY, expect=2)
            check(words in out.stderr, f"`plan {' '.join(args)}` says {words!r}: {out.stderr}")
        check(ledger(binary, cwd)["events"] == before, "refused events store nothing")
        out = run(binary, cwd, "plan", "--today", "2026-02-31", expect=2)
        check("--today" in out.stderr, f"a bad --today names the option: {out.stderr}")

        # The team re-estimates a running method: versioned, and judged on the first estimate.
        run(binary, cwd, "plan", "start", "usage features", "--on", "2026-02-16", *TODAY)
        run(binary, cwd, "plan", "log", "usage features", "--effort", "4", "--on", "2026-02-27",
            *TODAY)
        write_charter(cwd, charter.replace("effort: {optimistic: 2, likely: 3, pessimistic: 6}\n"
                                           "      role: data-engineer",
                                           "effort: {optimistic: 3, likely: 5, pessimistic: 9}\n"
                                           "      role: data-engineer"))
        run(binary, cwd, "plan", "finish", "usage features", "--on", "2026-02-27", *TODAY)
        now = ledger(binary, cwd)
        row = next(m for m in now["methods"] if m["name"] == "usage features")
        check(len(row["estimate_changes"]) == 1, f"the re-estimate is versioned: {row}")
        check(abs(row["started_with_mean"] - 20 / 6) < 1e-9,
              f"judged on the estimate it started with (3.33), not {row['started_with_mean']}")
        check(abs(row["ratio"] - 4 / (20 / 6)) < 1e-9, f"ratio = actual / started: {row['ratio']}")
        check(abs(row["estimate"]["pert_mean"] - 16 / 3) < 1e-9, "the ledger shows today's estimate")
        check(abs(now["spent_person_weeks"] - 5.5) < 1e-9, f"spent 5.5: {now['spent_person_weeks']}")
        weeks = {(c["role"], c["week"]): c["person_weeks"] for c in now["effort"]}
        check(weeks == {("data-scientist", 0): 1.5, ("data-engineer", 7): 4.0},
              f"effort by role and week: {weeks}")

        # The outlook: deterministic for a seed, consistent with the ledger and with itself.
        args = ["plan", "outlook", "--format", "json", "--futures", "20000",
                "--sensitivity-futures", "2000", "--quiet", *TODAY]
        a = json.loads(run(binary, cwd, *args).stdout)
        b = json.loads(run(binary, cwd, *args).stdout)
        check(a == b, "the same seed gives the same outlook")
        c = json.loads(run(binary, cwd, *args, "--seed", "2").stdout)
        check(c != a, "another seed gives another sample")
        check(abs(c["end"]["p50"]["week"] - a["end"]["p50"]["week"]) < 1,
              "two seeds agree on the median end within a week")
        check(abs(a["cost"]["spent_person_weeks"] - 5.5) < 1e-9, "the outlook's spent is the ledger's")
        check([m["name"] for m in a["methods"]] ==
              ["logistic regression", "gradient boosting", "scoring service"],
              f"the methods still to do: {[m['name'] for m in a['methods']]}")
        check(not a["criterion"]["chance_known"], "no runs: the chance of the criterion is unknown")
        deadline = next(d for d in a["dates"] if d["label"] == "deadline")
        check(deadline["p_criterion_met"] is None, "an unknown chance is null, not 0")
        by_week = {p["week"]: p["p_work_over"] for p in a["by_week"]}
        check(by_week[25] <= deadline["p_work_over"] <= by_week[26],
              "the deadline's chance lies between its weeks' on the curve")
        ends = [a["end"][q]["week"] for q in ("p50", "p80", "p95")]
        check(ends == sorted(ends), f"P50 <= P80 <= P95: {ends}")
        levers = a["sensitivity"]["levers"]
        check(levers and all(levers[i]["swing"] >= levers[i + 1]["swing"]
                             for i in range(len(levers) - 1)), "levers ranked by swing")
        busy = sum(w["busy"] for r in a["staffing"] for w in r["weeks"])
        check(abs(busy - a["cost"]["mean_more_person_weeks"]) < 1e-6 * max(1, busy),
              f"the staffing's busy weeks add up to the cost: {busy} vs {a['cost']}")

        for extra, words in [(["--futures", "10"], "futures"), (["--today", "x"], "--today")]:
            out = run(binary, cwd, "plan", "outlook", *extra, expect=2)
            check(words in out.stderr, f"`plan outlook {' '.join(extra)}`: {out.stderr}")
        start = charter.index("team:")
        write_charter(cwd, charter[:start] + charter[charter.index("plan:"):])
        out = run(binary, cwd, "plan", "outlook", *TODAY, expect=2)
        check("team" in out.stderr, f"no team: says so: {out.stderr}")
        if not REMOTE:
            shutil.rmtree(os.path.join(cwd, ".foresight"))
            out = run(binary, cwd, "plan", *TODAY, expect=2)
            check("workspace" in out.stderr, f"no workspace: says so: {out.stderr}")
    return finish("plan_flow")


if __name__ == "__main__":
    sys.exit(main())
