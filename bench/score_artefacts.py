#!/usr/bin/env python3
"""Line-level artefact scoring of seedlint on a line-labelled corpus (dev layout).

    python bench/score_artefacts.py /work/shared/eval/artefacts [--variants a,b] [--ignore A602]
        [--select artefact] [--top 15] [--show-fp RULE] [--jobs N]

A corpus folder holds one folder per variant, each with ``labels.jsonl`` (doc, line, label,
ambiguous, text) and ``docs/<doc>.txt``. Scoring is the one of
/work/shared/eval/score_artefacts.py (category ``artefact`` findings mark lines
line..end_line; ambiguous rows are left out), but runs the engine in-process and in parallel,
so it is fast enough to run after every rule change. Prints per variant P/R/F1, per-rule
precision and the most frequent false-positive and false-negative lines.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from multiprocessing import Pool

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lint.engine import corpus_pass, lint_text, select_rules, summarize  # noqa: E402
from lint.rules import RuleError, builtin_rules_dir, load_rule_file  # noqa: E402
from lint.sources import read  # noqa: E402

_RULES = None


def _loadable_rules():
    """The built-in rules, skipping files that do not load (others' work in progress)."""
    rules = []
    for path in sorted(builtin_rules_dir().rglob("*.y*ml")):
        try:
            rules += [rule for rule, _ in load_rule_file(path)]
        except RuleError as e:
            print(f"skipped: {e}", file=sys.stderr)
    return rules


def _init(select, ignore):
    global _RULES
    _RULES = select_rules(_loadable_rules(), select or None, ignore)


def _lint(path):
    src = read(path)
    doc, found = lint_text(src.text, _RULES, path=path, decode_errors=src.decode_errors)
    return path, [(f.rule, f.line, f.end_line or f.line) for f in found if f.category == "artefact"], \
        summarize(doc, _RULES)


def predict(docs_dir, select, ignore, jobs):
    paths = sorted(os.path.join(root, n) for root, _, names in os.walk(docs_dir) for n in names
                   if n.endswith(".txt"))
    pred = defaultdict(set)  # (doc, line) -> rule ids
    summaries = defaultdict(list)
    with Pool(jobs, initializer=_init, initargs=(select, ignore)) as pool:
        results = pool.map(_lint, paths, chunksize=4)
    _init(select, ignore)
    for path, found, summ in results:
        for rid, s in summ.items():
            summaries[rid].append((path, None, s))
        _mark(pred, path, docs_dir, [(r, a, b) for r, a, b in found])
    for f in corpus_pass(summaries, _RULES):
        if f.category == "artefact":
            _mark(pred, f.path, docs_dir, [(f.rule, f.line, f.end_line or f.line)])
    return pred


def _mark(pred, path, docs_dir, spans):
    doc = os.path.relpath(path, docs_dir)[:-len(".txt")].replace(os.sep, "/")
    for rule, a, b in spans:
        for n in range(a, b + 1):
            pred[(doc, n)].add(rule)


def score(variant_dir, args):
    pred = predict(os.path.join(variant_dir, "docs"), args.select, args.ignore, args.jobs)
    tp = fp = fn = 0
    fps, fns = Counter(), Counter()
    per_rule = defaultdict(lambda: [0, 0])
    fp_rows = []
    for row in map(json.loads, open(os.path.join(variant_dir, "labels.jsonl"), encoding="utf-8")):
        if row["ambiguous"]:
            continue
        rules = pred.get((row["doc"], row["line"]), ())
        gold = row["label"] == "artefact"
        for r in rules:
            per_rule[r][0] += 1
            per_rule[r][1] += gold
        if rules and gold:
            tp += 1
        elif rules:
            fp += 1
            fps[row["text"].strip()[:110]] += 1
            fp_rows.append((sorted(rules), row["doc"], row["line"], row["text"][:160]))
        elif gold:
            fn += 1
            fns[row["text"].strip()[:110]] += 1
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f1 = 2 * p * r / max(1e-9, p + r)
    name = os.path.basename(variant_dir.rstrip("/"))
    print(f"\n== {name}: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (TP {tp} FP {fp} FN {fn})")
    if args.top:
        print("-- per rule: flagged, precision")
        for rid, (n, good) in sorted(per_rule.items(), key=lambda kv: -kv[1][0]):
            print(f"   {rid:6} {n:6d}  P {good / n:.3f}")
        print("-- top false positives")
        for text, n in fps.most_common(args.top):
            print(f"   {n:4d}  {text}")
        print("-- top false negatives")
        for text, n in fns.most_common(args.top):
            print(f"   {n:4d}  {text}")
    for rules, doc, line, text in fp_rows:
        if args.show_fp and args.show_fp in rules:
            print(f"   FP {','.join(rules)} {doc}:{line}  {text}")
    return name, p, r, f1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="folder with one sub-folder per variant (labels.jsonl + docs/)")
    ap.add_argument("--variants", default="", help="comma-separated variant names (default: all)")
    ap.add_argument("--select", default="artefact")
    ap.add_argument("--ignore", default="")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--show-fp", default="", help="print every false positive of this rule id")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args(argv)
    args.select = [s for s in args.select.split(",") if s]
    args.ignore = [s for s in args.ignore.split(",") if s]
    wanted = [v for v in args.variants.split(",") if v]
    variants = sorted(d for d in os.listdir(args.corpus)
                      if os.path.exists(os.path.join(args.corpus, d, "labels.jsonl")) and (not wanted or d in wanted))
    if not variants:
        ap.error(f"no variant folders with labels.jsonl under {args.corpus}")
    rows = [score(os.path.join(args.corpus, v), args) for v in variants]
    print("\n== summary")
    for name, p, r, f1 in rows:
        print(f"   {name:18} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


if __name__ == "__main__":
    main()
