#!/usr/bin/env python3
"""Build the contradiction set into a temporary folder and score seedlint on it.

  python bench/contra/run.py SOURCE_DIR [--scorer PATH] [--seeds 1,2,3] [--select contradiction,style]
                                        [--clean DIR] [--speed]

SOURCE_DIR: clean article bodies (e.g. ../shared/eval/typos/controls). For each seed the set is
built with bench/contra/build.py and scored with score_injected.py (suite contra); per-kind pair
recall and false alarms per control document are printed, pooled over the seeds. --clean DIR
also counts contradiction/style findings on every clean article of DIR (false alarms per
document). --speed measures the one-core throughput of the default contradiction and
consistency rules (C1xx-C3xx, S101-S202 and the per-document summaries of C901/C902; CPU time,
document parse included; best and median of three) on SOURCE_DIR.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def score(source, seed, scorer, cmd):
    with tempfile.TemporaryDirectory() as tmp:
        suite = Path(tmp) / "contra"
        subprocess.run([sys.executable, str(HERE / "build.py"), source, str(suite), "--seed", str(seed)],
                       check=True, capture_output=True)
        out = subprocess.run([sys.executable, scorer, str(suite), "--cmd", cmd], check=True,
                             capture_output=True, text=True).stdout
    return json.loads(out)["result"]


def clean_alarms(folder, cmd):
    p = subprocess.run(cmd.split() + ["--output-format", "json", folder], capture_output=True, text=True)
    findings = [f for f in json.loads(p.stdout or "[]") if f["category"] in ("contradiction", "style")]
    docs = len(list(Path(folder).glob("*.txt")))
    by_rule = defaultdict(int)
    for f in findings:
        by_rule[f["rule"]] += 1
    return {"docs": docs, "findings": len(findings), "per_doc": round(len(findings) / docs, 4),
            "docs_with_findings": len({f["path"] for f in findings}), "by_rule": dict(by_rule)}


def speed(source):
    sys.path.insert(0, str(ROOT))
    from lint.document import Document
    from lint.engine import summarize
    from lint.rules import load_rules

    rules = [r for r in load_rules([ROOT / "rules/contradiction", ROOT / "rules/style"], include_builtin=False)
             if r.enabled and r.kind in _OWN_KINDS]
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path(source).glob("*.txt"))]
    size = sum(len(t.encode()) for t in texts)
    rates = []
    for _ in range(3):  # CPU time: other processes on a shared machine do not count
        t0 = time.process_time()
        for t in texts:
            doc = Document(t)
            for r in rules:
                list(r.check(doc))
            summarize(doc, rules)
        rates.append(size / 1e6 / (time.process_time() - t0))
    return {"rules": [r.id for r in rules], "mb": round(size / 1e6, 2), "mb_per_s": round(max(rates), 2),
            "mb_per_s_median": round(sorted(rates)[1], 2)}


_OWN_KINDS = {"weekday-date", "dateline", "years", "quantity", "ordinal", "cross-report", "cross-report-dates",
              "name-variants", "formal-name", "honorific", "coherence"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_dir")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared/eval/score_injected.py"))
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--select", default="", help="seedlint --select value (default: every default rule)")
    ap.add_argument("--clean", help="folder of clean articles to count false alarms on")
    ap.add_argument("--speed", action="store_true")
    args = ap.parse_args()
    cmd = "seedlint" + (f" --select {args.select}" if args.select else "")
    pooled = defaultdict(lambda: [0, 0.0])
    alarms = controls = 0
    for seed in map(int, args.seeds.split(",")):
        res = score(args.source_dir, seed, args.scorer, cmd)
        for kind, r in res["by_kind"].items():
            pooled[kind][0] += r["n"]
            pooled[kind][1] += r["n"] * r["pair_recall"]
        alarms += res["false_alarms_per_control_doc"] * res["controls"]
        controls += res["controls"]
        print(json.dumps({"seed": seed, "pair_recall": res["pair_recall"], "precision": res["precision"],
                          "false_alarms_per_control_doc": res["false_alarms_per_control_doc"],
                          "by_kind": res["by_kind"]}))
    print(json.dumps({"pooled_recall_by_kind": {k: {"n": n, "pair_recall": round(s / n, 3)}
                                                for k, (n, s) in sorted(pooled.items())},
                      "false_alarms_per_control_doc": round(alarms / controls, 4), "controls": controls}))
    if args.clean:
        print(json.dumps({"clean": clean_alarms(args.clean, cmd)}))
    if args.speed:
        print(json.dumps({"speed": speed(args.source_dir)}))


if __name__ == "__main__":
    main()
