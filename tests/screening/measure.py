#!/usr/bin/env python3
"""How well `foresight check` screens the corpus (corpus.jsonl beside this script).

Each entry becomes a charter the way a team would write it without naming the practice:
its summary, its target (`target_kind: outcome`), its setting as the domain's description,
and its inputs with the plain kind a team would pick for them (`image` for photos and
video, `audio` for voice, `text` for messages and documents, else `tabular`: never `face`,
`biometric` or a prohibited target kind, which would give the answer away). Then:

- recall: the share of `prohibited` entries with an error from an Article 5 rule (D001 to
  D006, D017, and D018, the trained reading);
- false positives: the share of `innocent` entries with such an error, or D007 (high-risk
  use without safeguards);
- high-risk found: the share of `high_risk` entries with D007 or an Article 5 error.

Usage: measure.py FORESIGHT                  prints the figures (Markdown) and misses
       measure.py FORESIGHT --corpus FILE    the same on another corpus (holdout.jsonl)
       measure.py FORESIGHT --all            the same on every .jsonl file beside this script
                                              (the corpus and the held-out sets tuned on)
       measure.py FORESIGHT --check FILE     fails (exit 1) when recall is below, or false
                                              positives above, the figures in FILE (JSON):
                                              a ratchet, raised as screening improves
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ARTICLE5 = {"D001", "D002", "D003", "D004", "D005", "D006", "D017", "D018"}
HIGH_RISK = {"D007"}


def kind_of(text):
    t = text.lower()
    if any(w in t for w in ("photo", "image", "picture", "video", "camera", "cctv", "selfie",
                            "footage", "webcam", "scan")):
        return "image"
    if any(w in t for w in ("voice", "audio", "call recording", "speech", "microphone")):
        return "audio"
    if any(w in t for w in ("text", "message", "post", "chat", "email", "review", "comment",
                            "transcript", "document", "essay")):
        return "text"
    return "tabular"


def quote(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid YAML scalar


def charter(entry):
    lines = [
        "version: 1",
        "project:",
        "  name: screened project",  # not the id, which names the label
        f"summary: {quote(entry['summary'])}",
        "domain:",
        "  area: other",
        f"  description: {quote(entry['setting'] or 'not stated')}",
        "task:",
        "  type: binary",
        f"  target: {quote(entry['target'])}",
        "  target_kind: outcome",
        "inputs:",
    ]
    for name in entry["inputs"]:
        lines += [f"  - name: {quote(name)}", f"    kind: {kind_of(name)}"]
    return "\n".join(lines) + "\n"


def rules_fired(binary, path):
    proc = subprocess.run([binary, "check", "--format", "json", path], capture_output=True,
                          text=True, timeout=60)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"check failed on {path}: exit {proc.returncode}: {proc.stderr}")
    report = json.loads(proc.stdout)
    return {d["rule"] for d in report["diagnostics"] if d.get("severity") == "error"}


def fired_on(binary, entries):
    """The error rules `foresight check` gives each entry's charter, in order: one check per
    charter, as many at once as there are cores."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for entry in entries:
            paths.append(os.path.join(tmp, f"{entry['id']}.yaml"))
            with open(paths[-1], "w", encoding="utf-8") as f:
                f.write(charter(entry))
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            return list(pool.map(lambda path: rules_fired(binary, path), paths))


def measure(binary, corpus_paths):
    corpus = []
    for corpus_path in corpus_paths:
        with open(corpus_path, encoding="utf-8") as f:
            corpus += [json.loads(line) for line in f if line.strip()]
    counts = {"prohibited": [0, 0], "innocent": [0, 0], "high_risk": [0, 0]}
    missed, false_alarms = [], []
    for entry, fired in zip(corpus, fired_on(binary, corpus)):
        group = entry["group"]
        counts[group][1] += 1
        if group == "prohibited":
            hit = bool(fired & ARTICLE5)
            if not hit:
                missed.append(f"{entry['id']} ({entry['practice']})")
        elif group == "innocent":
            hit = bool(fired & (ARTICLE5 | HIGH_RISK))
            if hit:
                false_alarms.append(f"{entry['id']}: {', '.join(sorted(fired))}")
        else:
            hit = bool(fired & (ARTICLE5 | HIGH_RISK))
        counts[group][0] += hit
    share = lambda c: c[0] / c[1] if c[1] else 0.0
    return {
        "recall": share(counts["prohibited"]),
        "false_positive_rate": share(counts["innocent"]),
        "high_risk_found": share(counts["high_risk"]),
        "counts": counts,
    }, missed, false_alarms


def main():
    binary = os.path.abspath(sys.argv[1])
    corpus_paths = [os.path.join(HERE, "corpus.jsonl")]
    if "--corpus" in sys.argv:
        corpus_paths = [sys.argv[sys.argv.index("--corpus") + 1]]
    if "--all" in sys.argv:
        corpus_paths = sorted(os.path.join(HERE, n) for n in os.listdir(HERE) if n.endswith(".jsonl"))
    figures, missed, false_alarms = measure(binary, corpus_paths)
    c = figures["counts"]
    print("| Corpus group | entries | flagged | share |")
    print("|---|---:|---:|---:|")
    print(f"| prohibited (Article 5): recall | {c['prohibited'][1]} | {c['prohibited'][0]} "
          f"| {figures['recall']:.1%} |")
    print(f"| high-risk (Annex III): found | {c['high_risk'][1]} | {c['high_risk'][0]} "
          f"| {figures['high_risk_found']:.1%} |")
    print(f"| innocent: false positives | {c['innocent'][1]} | {c['innocent'][0]} "
          f"| {figures['false_positive_rate']:.1%} |")
    if "--check" not in sys.argv:
        print(f"\nmissed ({len(missed)}): " + "; ".join(missed))
        print(f"\nfalse alarms ({len(false_alarms)}): " + "; ".join(false_alarms))
        return 0
    with open(sys.argv[sys.argv.index("--check") + 1], encoding="utf-8") as f:
        floor = json.load(f)
    problems = []
    if figures["recall"] < floor["recall"] - 1e-9:
        problems.append(f"recall {figures['recall']:.3f} fell below {floor['recall']:.3f}")
    if figures["false_positive_rate"] > floor["false_positive_rate"] + 1e-9:
        problems.append(f"false positives {figures['false_positive_rate']:.3f} rose above "
                        f"{floor['false_positive_rate']:.3f}")
    for p in problems:
        print(f"FAIL {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
