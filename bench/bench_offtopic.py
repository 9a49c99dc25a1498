#!/usr/bin/env python3
"""Off-topic quality and speed: seedlint (default and semantic mode) and the TF-IDF baseline,
all through the suite's own scorer.

    python3 bench/bench_offtopic.py /work/shared/eval/offtopic [--semantic] [--repeat 3]
        [--breakdown] [--speed-only]

DATA is a folder built like ../shared/eval/offtopic (docs/, labels.jsonl, manifest.jsonl) with
score_injected.py in its parent folder (or --scorer). Quality rows: span recall (overall and
per kind), precision of off-topic findings, span F1, control false-alarm rate. Speed: MB/s of
the default off-topic rules on one core, in-process (parse included, start-up excluded), with
the load average (CPU time still grows on a busy machine: compare runs made side by side);
``--breakdown`` adds ms/MB per step (parse, each rule, each corpus summary).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = "seedlint --select off-topic --ignore O203"  # O203 is the optional semantic mode
# the semantic rules are opt-in: selecting the category does not run them, they are named
SEMANTIC = [("seedlint (semantic, +O206)", "seedlint --select off-topic,O206"),
            ("seedlint (semantic, +O203+O206)", "seedlint --select off-topic,O203,O206")]


def score(data: Path, scorer: Path, cmd: str, name: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "result.json"
        subprocess.run([sys.executable, str(scorer), str(data), "--cmd", cmd, "--name", name, "--json", str(out)],
                       check=True, capture_output=True, text=True)
        return json.loads(out.read_text())["result"]


def throughput(data: Path, repeat: int, ids=None) -> tuple[float, float, float]:
    """(MB/s of CPU time, MB/s of wall time, MB) of the default off-topic rules over DATA/docs in
    one process, median of ``repeat`` runs after a warm-up run (langdetect's profiles and the
    token caches load once per process). CPU time is what one core costs; wall time also
    counts waiting for a core on a busy machine."""
    sys.path.insert(0, str(HERE.parent))
    from lint.engine import lint_text, summarize
    from lint.rules import load_rules

    rules = [r for r in load_rules() if r.category == "off-topic" and (r.id in ids if ids else r.enabled)]
    texts = [p.read_text(encoding="utf-8") for p in sorted((data / "docs").glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    cpu, wall = [], []
    for run in range(repeat + 1):
        c0, w0 = time.process_time(), time.perf_counter()
        for i, text in enumerate(texts):  # the per-document pass as the CLI runs it
            doc, _ = lint_text(text, rules, path=f"{i}.txt")
            summarize(doc, rules)
        if run:  # the first run is the warm-up
            cpu.append(time.process_time() - c0)
            wall.append(time.perf_counter() - w0)
    return mb / statistics.median(cpu), mb / statistics.median(wall), mb


def breakdown(data: Path, repeat: int) -> dict:
    """ms/MB of CPU time per step of the default pass (median of ``repeat`` runs after a
    warm-up): ``parse`` (the document's paragraphs), ``profile`` (the topic profile the rules
    share: every paragraph tokenised and scored; in the CLI the first rule that asks pays for
    it), each rule's check in the CLI's order and each rule's corpus summary
    (``<id> summary``)."""
    sys.path.insert(0, str(HERE.parent))
    from lint.document import Document
    from lint.rules import load_rules
    from lint.topic.cohesion import profile

    rules = [r for r in load_rules() if r.category == "off-topic" and r.enabled]
    texts = [p.read_text(encoding="utf-8") for p in sorted((data / "docs").glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    runs = []
    clock = time.process_time
    for _ in range(repeat + 1):
        spent = dict.fromkeys(["parse", "profile"] + [r.id for r in rules], 0.0)
        for text in texts:
            c = clock()
            doc = Document(text)
            doc.paragraphs  # noqa: B018
            spent["parse"] += clock() - c
            c = clock()
            profile(doc)
            spent["profile"] += clock() - c
            for r in rules:
                c = clock()
                list(r.check(doc))
                spent[r.id] += clock() - c
            for r in rules:
                fn = getattr(r.module, "summarize", None)
                if fn is not None:
                    c = clock()
                    fn(doc, r)
                    spent[f"{r.id} summary"] = spent.get(f"{r.id} summary", 0.0) + clock() - c
        runs.append(spent)
    runs = runs[1:]  # the first run is the warm-up
    return {k: 1000 * statistics.median(r[k] for r in runs) / mb for k in runs[0]}


def row(name: str, r: dict) -> str:
    kinds = " ".join(f"{k}={v['span_recall']:.3f}" for k, v in sorted(r["by_kind"].items()))
    return (f"| {name} | {r['span_recall']:.3f} | {r['precision'] or 0:.3f} | {r['span_f1']:.3f} | "
            f"{r['control_false_alarm_rate']:.3f} | {r['offtopic_findings']} | {kinds} |")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the off-topic suite folder (docs/, labels.jsonl, manifest.jsonl)")
    ap.add_argument("--scorer", type=Path, help="score_injected.py (default: DATA/../score_injected.py)")
    ap.add_argument("--semantic", action="store_true", help="also score the semantic mode (needs seedlint[semantic])")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs; the median counts")
    ap.add_argument("--per-rule", default="", help="also time these rules alone, e.g. O101,O201,O202,O301,O401")
    ap.add_argument("--breakdown", action="store_true", help="also print ms/MB per step of the default pass")
    ap.add_argument("--speed-only", action="store_true", help="skip the quality rows")
    args = ap.parse_args(argv)
    scorer = args.scorer or args.data.parent / "score_injected.py"
    runs = [("seedlint (default)", DEFAULT)]
    if args.semantic:
        runs += SEMANTIC
    runs.append(("TF-IDF leave-one-out, 0.025", f"{sys.executable} {HERE / 'tfidf_baseline.py'}"))
    if not args.speed_only:
        print("| tool | span recall | precision | span F1 | control false alarms | findings | recall by kind |")
        print("|---|---:|---:|---:|---:|---:|---|")
    for name, cmd in ([] if args.speed_only else runs):
        print(row(name, score(args.data, scorer, cmd, name)), flush=True)
    cpu, wall, mb = throughput(args.data, args.repeat)
    print(f"\nthroughput, default off-topic rules, one process: {cpu:.2f} MB/s CPU time, "
          f"{wall:.2f} MB/s wall, over {mb:.2f} MB (load average {os.getloadavg()[0]:.1f})")
    if args.breakdown:
        steps = breakdown(args.data, args.repeat)
        print("ms/MB of CPU time per step: " + ", ".join(f"{k} {v:.1f}" for k, v in steps.items())
              + f"; sum {sum(steps.values()):.1f}")
    if args.per_rule:
        for rid in args.per_rule.split(","):
            cpu, _, _ = throughput(args.data, args.repeat, ids={rid})
            print(f"  {rid} alone (its share of the shared topic profile included): {cpu:.2f} MB/s CPU time")
    if args.semantic:
        cpu, wall, mb = throughput(args.data, 1, ids={"O203", "O206"})
        print(f"throughput, semantic rules O203+O206 alone: {cpu:.3f} MB/s CPU time, {wall:.3f} MB/s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
