#!/usr/bin/env python3
"""Artefact P/R per variant on the even- and odd-numbered pages, and what changed since a saved run.

    python3 bench/score_artefact_halves.py /work/shared/eval/artefacts NAME [--diff OLD] [--rule A211]
        [--variants a,b] [--show even|odd] [--jobs N]

Rules are chosen on the even-numbered pages and checked on the odd ones (a page's number is the
last digits of its name). Predictions are those of bench/score_artefacts.py; each run is saved
as /tmp/seedlint-halves/NAME-VARIANT.pkl so that ``--diff OLD`` prints the lines gained and
lost (TP +gained/-lost, FP +added/-removed) and ``--show`` lists them for one half.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import score_artefacts  # noqa: E402

SAVED = "/tmp/seedlint-halves"


def half(doc):
    return "even" if int(re.search(r"(\d+)$", doc).group(1)) % 2 == 0 else "odd"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("name")
    ap.add_argument("--diff", default="")
    ap.add_argument("--rule", default="")
    ap.add_argument("--variants", default="")
    ap.add_argument("--show", default="", choices=("", "even", "odd"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    a = ap.parse_args()
    os.makedirs(SAVED, exist_ok=True)
    variants = [v for v in a.variants.split(",") if v] or sorted(
        d for d in os.listdir(a.corpus) if os.path.exists(os.path.join(a.corpus, d, "labels.jsonl")))
    for v in variants:
        pred = dict(score_artefacts.predict(os.path.join(a.corpus, v, "docs"), ["artefact"], [], a.jobs))
        with open(f"{SAVED}/{a.name}-{v}.pkl", "wb") as fh:
            pickle.dump(pred, fh)
        old = None
        if a.diff:
            with open(f"{SAVED}/{a.diff}-{v}.pkl", "rb") as fh:
                old = pickle.load(fh)
        rows = [r for r in map(json.loads, open(os.path.join(a.corpus, v, "labels.jsonl"), encoding="utf-8"))
                if not r["ambiguous"]]
        out = f"{v:16}"
        for h in ("even", "odd"):
            tp = fp = fn = 0
            flagged = good = 0
            gain = [0, 0, 0, 0]  # TP gained, FP added, TP lost, FP removed
            for r in rows:
                if half(r["doc"]) != h:
                    continue
                key, gold = (r["doc"], r["line"]), r["label"] == "artefact"
                rules = pred.get(key, ())
                tp += bool(rules) and gold
                fp += bool(rules) and not gold
                fn += gold and not rules
                if a.rule in rules:
                    flagged += 1
                    good += gold
                if old is not None and bool(rules) != bool(old.get(key)):
                    gain[(0 if gold else 1) if rules else (2 if gold else 3)] += 1
                    if a.show == h:
                        print(f"   {'+' if rules else '-'} {r['label']:8} {r['doc']}:{r['line']} "
                              f"{sorted(rules or old.get(key))} {r['text'][:100]}")
            out += f"  {h}: P {tp / max(1, tp + fp):.3f} R {tp / max(1, tp + fn):.3f}"
            if old is not None:
                out += f" (TP +{gain[0]}/-{gain[2]} FP +{gain[1]}/-{gain[3]})"
            if flagged:
                out += f" [{a.rule} {flagged} P {good / flagged:.3f}]"
        print(out)


if __name__ == "__main__":
    main()
