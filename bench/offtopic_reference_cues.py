#!/usr/bin/env python3
"""How often each dangling-reference cue of offtopic-reference (O207) fires on injected text
and on article text, per sentence, in a suite built like ../shared/eval/offtopic.

    python3 bench/offtopic_reference_cues.py /work/shared/eval/offtopic [--novel 0.9]

Every sentence of every document is read with all the kind's reference cues, relative to the
rest of its document (``dangling``), plus ``year``. Rows: sentences of each injected kind, of
the injected documents' own text (host) and of the clean documents (control); a column per
cue gives the share of sentences where it fires. ``--novel`` keeps only sentences with at
least that share of their rarity weight in words used nowhere else (the rule's candidates):
a cue is only useful if it fires more often on injected than on host text *among these*.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.document import Document  # noqa: E402
from lint.kinds import offtopic_reference as ref  # noqa: E402
from lint.kinds.offtopic_splice import _score  # noqa: E402
from lint.rules import load_rules  # noqa: E402
from lint.topic.cohesion import profile  # noqa: E402
from lint.topic.lexicon import lowered  # noqa: E402

CUES = ("surname", "title", "acronym", "description", "demonstrative")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--novel", type=float, default=0.0, help="only sentences at least this novel")
    args = ap.parse_args(argv)
    opts = next(r for r in load_rules() if r.id == "O207").options
    labels = {}
    for line in (args.data / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        labels[row["doc"]] = row
    seen, fired = Counter(), Counter()
    for path in sorted((args.data / "docs").glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"))
        prof = profile(doc)
        ctx = ref._Context(doc, lowered(doc))
        total = prof.total
        tn2 = sum(x * x for x in total.values())
        lab = labels.get(path.stem)
        for index in range(len(prof.paragraphs)):
            for s in prof.sentences_of(index):
                if args.novel and (s.mass < 4 or _score(s.bag, s.mass, total, tn2)[1] < args.novel):
                    continue
                if lab is None:
                    group = "control"
                elif s.start < lab["end"] and lab["start"] < s.end:
                    group = lab["kind"]
                else:
                    group = "host"
                seen[group] += 1
                found = {c for c, _, _ in ref.dangling(ctx, s.start, s.end, CUES, opts)}
                if ref.time_frame(ctx, s.start, s.end, opts["min_year_gap"]):
                    found.add("year")
                for c in found:
                    fired[group, c] += 1
                if found & {"surname", "title", "description"}:
                    fired[group, "default cues"] += 1
    cols = CUES + ("year", "default cues")
    print("| sentences | n | " + " | ".join(cols) + " |")
    print("|---|---:|" + "---:|" * len(cols))
    for group in sorted(seen, key=lambda g: (g in ("host", "control"), g)):
        n = seen[group]
        print(f"| {group} | {n} | " + " | ".join(f"{fired[group, c] / n:.3f}" for c in cols) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
