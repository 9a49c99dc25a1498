#!/usr/bin/env python3
"""How safe is ``--fix`` on a line-labelled corpus: which labelled lines would it delete?

    python bench/fix_safety.py /work/shared/eval/artefacts [--variants a,b] [--unsafe] [--jobs N] [--show 15]

For every page of every variant, the safe fixes (all fixes with --unsafe) are applied to a
fixed point in memory and `lint.fixer.deleted_lines` names the lines whose letters are all
gone. Reported per variant: article lines deleted (the number that must stay near zero),
artefact lines deleted (what cleaning achieves), per rule the article lines its findings
covered among the deleted ones, a sample of them, and the fixing time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from multiprocessing import Pool

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lint.engine import lint_text, select_rules  # noqa: E402
from lint.fixer import chosen, deleted_lines  # noqa: E402
from lint.rules import load_rules  # noqa: E402

_RULES = None


def _init():
    global _RULES
    _RULES = select_rules(load_rules())


def _fix(job):
    path, unsafe = job
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    _, found = lint_text(text, _RULES, path=path)
    t = time.perf_counter()
    gone = deleted_lines(text, found, lambda t2: lint_text(t2, _RULES, path=path)[1], unsafe)
    elapsed = time.perf_counter() - t
    by_line = defaultdict(set)
    for f in chosen(found, unsafe, text):  # the fixes this run applies, not every fix on the line
        for n in range(f.line, f.end_line + 1):
            by_line[n].add(f.rule)
    return path, gone, {n: sorted(by_line.get(n, ())) for n in gone}, elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--variants", default="")
    ap.add_argument("--unsafe", action="store_true")
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    variants = args.variants.split(",") if args.variants else sorted(
        d for d in os.listdir(args.root) if os.path.isfile(os.path.join(args.root, d, "labels.jsonl")))
    with Pool(args.jobs, initializer=_init) as pool:
        for variant in variants:
            base = os.path.join(args.root, variant)
            labels = defaultdict(dict)
            for row in map(json.loads, open(os.path.join(base, "labels.jsonl"), encoding="utf-8")):
                if not row["ambiguous"]:
                    labels[row["doc"]][row["line"]] = row
            jobs = [(os.path.join(base, "docs", doc + ".txt"), args.unsafe) for doc in sorted(labels)]
            counts, per_rule, sample, seconds = Counter(), Counter(), [], 0.0
            for path, gone, rules_of, elapsed in pool.imap_unordered(_fix, jobs, chunksize=4):
                seconds += elapsed
                doc = path.split("/docs/", 1)[1][:-4]
                for n in gone:
                    row = labels[doc].get(n)
                    label = row["label"] if row else "unlabelled"
                    counts[label] += 1
                    if label == "article":
                        per_rule.update(rules_of[n] or ["(none on this line)"])
                        sample.append((doc, n, rules_of[n], row["text"][:110]))
            total = Counter(r["label"] for d in labels.values() for r in d.values())
            print(f"{variant}: {len(jobs)} pages, fixing {seconds:.1f}s cpu; deleted "
                  f"{counts['artefact']}/{total['artefact']} artefact lines, "
                  f"{counts['article']}/{total['article']} article lines "
                  f"({counts['article'] / max(1, counts['article'] + counts['artefact']):.1%} of deletions)")
            for rule, n in per_rule.most_common():
                print(f"    {rule:<22} {n}")
            for doc, n, rules, text in sorted(sample)[:args.show]:
                print(f"    {doc}:{n} {','.join(rules)}  {text!r}")


if __name__ == "__main__":
    main()
