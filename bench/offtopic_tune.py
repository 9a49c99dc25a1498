#!/usr/bin/env python3
"""Off-topic rules on a tuning half and a holdout half of the dev suite, in-process, with rule
options overridden from the command line (for choosing thresholds without touching YAML).

    python3 bench/offtopic_tune.py /work/shared/eval/offtopic
    python3 bench/offtopic_tune.py DATA --set O205.min_bridge=0 --set O204.max_candidates=2
    python3 bench/offtopic_tune.py DATA --rules O204 --show
    python3 bench/offtopic_tune.py DATA --grid O205.min_bridge=0.05,0 --grid O205.min_mass=20,15

``--grid`` runs every combination of the listed values (the documents are read once) and
prints one row per combination and half: choose on the tune half, then read the holdout row.

The documents (sorted by id) are split by alternation: even positions are the tuning half,
odd positions the holdout half. Scoring follows score_injected.py's off-topic mode: a label
is recalled when an off-topic finding overlaps its span; precision is the share of off-topic
findings overlapping a label; control false alarms count clean documents with any finding.
Rows: each half and all documents, with recall per kind and per-rule true/false findings.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.engine import lint_text  # noqa: E402
from lint.rules import load_rules  # noqa: E402


def parse_value(text: str):
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text.lower(), text)


def run(data: Path, rules, texts: dict | None = None) -> dict:
    """doc id -> list of findings (per-document pass only; the corpus rule O401 needs a run).
    ``texts``: doc id -> text, read from DATA/docs when not given."""
    if texts is None:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((data / "docs").glob("*.txt"))}
    out = {}
    for stem, text in texts.items():
        _, found = lint_text(text, rules, path=stem + ".txt")
        out[stem] = [f for f in found if f.category == "off-topic"]
    return out


def score(findings: dict, labels: dict, docs: list[str]) -> dict:
    recalled, per_rule, kinds = Counter(), defaultdict(lambda: [0, 0]), Counter()
    tp = fp = 0
    false_alarm_docs = 0
    for d in docs:
        lab = labels.get(d)
        if lab:
            kinds[lab["kind"]] += 1
        hit = False
        for f in findings[d]:
            ok = bool(lab) and f.start < lab["end"] and lab["start"] < f.end
            per_rule[f.rule][0 if ok else 1] += 1
            tp, fp, hit = tp + ok, fp + (not ok), hit or ok
        if hit:
            recalled[lab["kind"]] += 1
        if not lab and findings[d]:
            false_alarm_docs += 1
    n = sum(kinds.values())
    controls = sum(1 for d in docs if d not in labels)
    return {"recall": sum(recalled.values()) / n if n else 0.0, "precision": tp / (tp + fp) if tp + fp else 0.0,
            "false_alarms": false_alarm_docs / controls if controls else 0.0, "findings": tp + fp,
            "by_kind": {k: f"{recalled[k]}/{kinds[k]}" for k in sorted(kinds)},
            "by_rule": {r: f"{a}/{a + b}" for r, (a, b) in sorted(per_rule.items())}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--rules", default="", help="comma-separated rule ids (default: the enabled off-topic rules)")
    ap.add_argument("--set", action="append", default=[], metavar="RULE.OPTION=VALUE")
    ap.add_argument("--grid", action="append", default=[], metavar="RULE.OPTION=V1,V2,...",
                    help="try every combination of these values (one row per combination and half)")
    ap.add_argument("--show", action="store_true", help="print every finding with its verdict")
    args = ap.parse_args(argv)
    every = [r for r in load_rules() if r.category == "off-topic"]
    wanted = [x for x in args.rules.split(",") if x]
    rules = [r for r in every if (r.id in wanted if wanted else r.enabled and r.id != "O203")]

    def option(key: str):
        rid, _, opt = key.partition(".")
        rule = next((r for r in every if r.id == rid), None)
        if rule is None or opt not in rule.options:
            ap.error(f"{rid} has no option {opt!r}")
        return rule, opt

    for item in args.set:
        key, _, value = item.partition("=")
        rule, opt = option(key)
        rule.options[opt] = parse_value(value)
    labels = {}
    for line in (args.data / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[row["doc"]] = row
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((args.data / "docs").glob("*.txt"))}
    axes = []
    for item in args.grid:
        key, _, values = item.partition("=")
        axes.append((key, option(key), [parse_value(v) for v in values.split(",")]))
    print(f"rules: {', '.join(r.id for r in rules)}; overrides: {', '.join(args.set) or 'none'}")
    print("| half | span recall | precision | control false alarms | findings | recall by kind | true/all per rule |")
    print("|---|---:|---:|---:|---:|---|---|")
    for combo in itertools.product(*(values for _, _, values in axes)):
        for (_, (rule, opt), _), value in zip(axes, combo):
            rule.options[opt] = value
        findings = run(args.data, rules, texts)
        docs = sorted(findings)
        halves = {"tune": docs[0::2], "holdout": docs[1::2], "all": docs}
        tag = " ".join(f"{key}={value}" for (key, _, _), value in zip(axes, combo))
        for name, part in halves.items():
            s = score(findings, labels, part)
            kinds = " ".join(f"{k}={v}" for k, v in s["by_kind"].items())
            per_rule = " ".join(f"{k}={v}" for k, v in s["by_rule"].items())
            print(f"| {name} {tag} | {s['recall']:.3f} | {s['precision']:.3f} | {s['false_alarms']:.3f} | "
                  f"{s['findings']} | {kinds} | {per_rule} |".replace("  |", " |"))
    if args.show:
        for d in docs:
            lab = labels.get(d)
            for f in findings[d]:
                ok = bool(lab) and f.start < lab["end"] and lab["start"] < f.end
                kind = lab["kind"] if lab else "control"
                print(f"{'TP' if ok else 'FP'} {f.rule} {d} [{kind}] {f.excerpt[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
