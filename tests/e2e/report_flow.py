#!/usr/bin/env python3
"""`foresight report` as a reader sees it: builds `make demo`'s two workspaces in a scratch
folder (real data: three models of the breast cancer biopsies with learning curves and a
charter with a gate; German Credit probed with the credit-scoring charter), writes the HTML
report and the Markdown summary, then checks each HTML in headless Chromium (tests/browser/check_report.js: sections, charts, links, footnotes,
axe-core, no console error, no network request) against expectations taken from the CLI's
own JSON (`rank`, `forecast`), not from the report. Also: the report is self-contained (no
http reference, no script), every footnoted command runs and exits 0, the Markdown summary
names the best run and the gate, and a workspace without runs or charter still reports.

Keeps the screenshots: build/test-artifacts/report.png (the whole page) and report-top.png
(its top), and with --docs copies the top to docs/report.png (the README's picture).

Usage: report_flow.py FORESIGHT [--docs]"""
import html
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

from flow import check, finish, run, REMOTE, remote_env

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BROWSER = os.path.join(REPO, "tests", "browser")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    docs = "--docs" in sys.argv[2:]
    artifacts = os.path.join(REPO, "build", "test-artifacts")
    os.makedirs(artifacts, exist_ok=True)
    if not os.path.isdir(os.path.join(BROWSER, "node_modules", "playwright-core")):
        print("report_flow needs tests/browser's npm packages: run scripts/install-deps")
        return 1
    if not shutil.which(os.environ.get("CHROMIUM", "chromium")):
        print("report_flow needs Chromium (Debian's chromium package): run scripts/install-deps")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.path.join(tmp, "demo")
        env = dict(os.environ)
        if REMOTE:
            os.makedirs(cwd)
            env.update(remote_env(binary, cwd))
        subprocess.run([os.path.join(REPO, "scripts", "demo-evidence"), binary, cwd],
                       check=True, capture_output=True, timeout=600, env=env)
        out = run(binary, cwd, "report", "-o", "report.html")
        check(out.stdout.startswith("wrote report.html"), f"report says where it wrote: {out.stdout}")
        with open(os.path.join(cwd, "report.html"), encoding="utf-8") as f:
            page = f.read()
        check("<script" not in page, "the report runs no script")
        check(re.search(r"(src|href)=\"(https?:)?//", page) is None,
              "the report loads nothing from the network")

        # Expectations from the CLI's own JSON, not from the report.
        rank = json.loads(run(binary, cwd, "rank", "--evalset", "biopsies", "--format",
                              "json").stdout)
        group = rank["groups"][0]
        shown = group["runs"][:20]
        with_interval = [r for r in shown if r.get("lower") is not None]
        charts = {"criterion": {"points": len(shown), "bands": len(with_interval)}}
        curves = {}
        for method in ("logreg", "tree", "boosting"):
            proc = run(binary, cwd, "forecast", "--method", method, "--evalset", "biopsies",
                       "--format", "json", expect=None)
            if proc.returncode == 0:
                curves[method] = json.loads(proc.stdout)
        check(len(curves) >= 2, f"two methods have learning curves, got {list(curves)}")
        # The report draws curves best method first; match each chart by its heading.
        order = re.findall(r'<section id="curves".*?</section>', page, re.S)
        heads = re.findall(r"<h3>([^<]+)</h3>", order[0]) if order else []
        for i, method in enumerate(heads):
            method = html.unescape(method)
            if method in curves:
                charts[f"curve-{i}"] = {"points": len(curves[method]["points"]), "bands": 1}
        expectations = {
            "sections": ["verdicts", "criterion", "comparisons", "slices", "curves", "gate",
                         "charter", "history", "sources"],
            "charts": charts,
            "min_footnote_links": 5,
        }
        exp_path = os.path.join(tmp, "expectations.json")
        with open(exp_path, "w", encoding="utf-8") as f:
            json.dump(expectations, f)
        screenshot = os.path.join(artifacts, "report.png")
        top = os.path.join(artifacts, "report-top.png")
        proc = subprocess.run(["node", os.path.join(BROWSER, "check_report.js"),
                               os.path.join(cwd, "report.html"), screenshot, exp_path, top],
                              capture_output=True, text=True, timeout=180)
        print(proc.stdout, end="")
        check(proc.returncode == 0, f"the report passes the browser checks: {proc.stderr[-2000:]}")
        if docs and proc.returncode == 0:
            shutil.copy(top, os.path.join(REPO, "docs", "report.png"))

        # Every footnoted command reproduces: it runs, in the project folder, and exits 0.
        commands = [html.unescape(c) for c in
                    re.findall(r'<li id="fn\d+"><code>(.*?)</code></li>', page)]
        check(len(commands) >= 5, f"at least 5 footnoted commands, got {len(commands)}")
        for command in commands:
            argv = shlex.split(command)
            check(argv[0] == "foresight", f"footnote is a foresight command: {command}")
            proc = subprocess.run([binary] + argv[1:], cwd=cwd, capture_output=True, timeout=300,
                                  env=env)
            check(proc.returncode == 0, f"footnote `{command}` exits 0, got {proc.returncode}")

        # The Markdown summary for a pull request.
        md = run(binary, cwd, "report", "--format", "md", "--base", "tree").stdout
        best = group["runs"][0]["run"]
        check(f"**Best run:** `{best}`" in md, "the summary names the best run")
        check("**Gate:** `logreg` is ready" in md, "the summary gives the gate's verdict")
        check("**Since `tree`:**" in md, "the summary says what changed since the base")
        check(len(md) < 65536, "the summary fits a pull-request comment")
        run(binary, cwd, "report", "--base", "no-such-run", expect=2)

        # make demo's second project: credit scoring, probed on German Credit. Its report has
        # the interpretability gap (the probe's glass and black boxes).
        credit = os.path.join(tmp, "credit")
        credit_env = dict(os.environ, **(remote_env(binary, credit) if REMOTE else {}))
        subprocess.run([os.path.join(REPO, "scripts", "demo-probe"), binary, credit],
                       check=True, capture_output=True, timeout=900, env=credit_env)
        # Its plan history is replayed as of 2026-04-06 (examples/credit-scoring/plan-history),
        # so the report shows the plan's outlook as of that day.
        run(binary, credit, "report", "-o", "report.html", "--quiet", "--today", "2026-04-06")
        with open(os.path.join(credit, "report.html"), encoding="utf-8") as f:
            page = f.read()
        rank = json.loads(run(binary, credit, "rank", "--evalset", "credit-g", "--format",
                              "json").stdout)
        shown = rank["groups"][0]["runs"][:20]
        outlook = json.loads(run(binary, credit, "plan", "outlook", "--today", "2026-04-06",
                                 "--format", "json", "--quiet").stdout)
        deadline = next(d for d in outlook["dates"] if d["label"] == "deadline")
        row = re.search(r'<th scope="row">2026-06-30</th><td>deadline</td><td>(\d+)%</td>', page)
        check(row is not None and int(row.group(1)) == round(100 * deadline["p_criterion_met"]),
              f"the report's chance by the deadline is the outlook's: {deadline}")
        check("foresight plan outlook --today 2026-04-06" in page,
              "the plan's numbers are footnoted with the command that reproduces them")
        expectations = {
            "sections": ["verdicts", "criterion", "comparisons", "slices", "curves",
                         "interpretability", "gate", "plan", "charter", "sources"],
            "charts": {"criterion": {"points": len(shown),
                                     "bands": sum(r.get("lower") is not None for r in shown)},
                       "plan": {"points": len(outlook["by_week"]), "bands": 0}},
            "min_footnote_links": 5,
        }
        with open(exp_path, "w", encoding="utf-8") as f:
            json.dump(expectations, f)
        proc = subprocess.run(["node", os.path.join(BROWSER, "check_report.js"),
                               os.path.join(credit, "report.html"),
                               os.path.join(artifacts, "report-credit.png"), exp_path],
                              capture_output=True, text=True, timeout=180)
        print(proc.stdout, end="")
        check(proc.returncode == 0,
              f"the credit report passes the browser checks: {proc.stderr[-2000:]}")

        # An empty workspace, no charter: still a report, saying there is nothing yet.
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        run(binary, empty, "init")
        os.remove(os.path.join(empty, "foresight.yaml"))
        page = run(binary, empty, "report").stdout
        check("No model&#39;s predictions are stored yet" in page,
              "an empty workspace's report says nothing is measured yet")
        check('id="sources"' in page, "an empty workspace's report is complete")
    return finish("report_flow")


if __name__ == "__main__":
    sys.exit(main())
