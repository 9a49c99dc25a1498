#!/usr/bin/env python3
"""The TF-IDF leave-one-out baseline of /work/shared/eval/offtopic/README.md, as a linter.

    python3 bench/tfidf_baseline.py [--threshold 0.025] --output-format json DIR

IDF over the documents of DIR; each paragraph is compared with the rest of its document by
TF-IDF cosine (stop words removed) and the document's least similar paragraph is reported (category off-topic)
when the cosine falls below the threshold. Prints findings as seedlint's JSON does, so that
score_injected.py can score it beside seedlint.
"""
import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
# A common English stop list (a subset of scikit-learn's), so function words carry no weight.
STOP = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those through
to too under until up very was we were what when where which while who whom why will with would you
your yours yourself yourselves said says one two new""".split())


def paragraphs(text):
    """(line number, text) of each non-blank line: the suite has one paragraph per line."""
    return [(i + 1, ln) for i, ln in enumerate(text.split("\n")) if ln.strip()]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=float, default=0.025)
    ap.add_argument("--min-words", type=int, default=5, help="shorter paragraphs are not compared")
    ap.add_argument("--output-format", default="json")
    ap.add_argument("folder")
    args = ap.parse_args(argv)
    files = sorted(Path(args.folder).glob("*.txt"))
    docs = {f: f.read_text(encoding="utf-8") for f in files}
    df = Counter()
    for text in docs.values():
        df.update(set(TOKEN.findall(text.lower())))
    n = len(docs)
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items()}
    out = []
    for f, text in docs.items():
        paras = paragraphs(text)
        if len(paras) < 2:
            continue
        counts = [Counter(w for w in TOKEN.findall(p.lower()) if w not in STOP) for _, p in paras]
        total = sum(counts, Counter())
        best = None
        for (line, p), c in zip(paras, counts):
            if len(p.split()) < args.min_words:
                continue
            rest = total - c
            cos = _cosine({w: x * idf[w] for w, x in c.items()}, {w: x * idf[w] for w, x in rest.items()})
            if best is None or cos < best[0]:
                best = (cos, line, p)
        if best and best[0] < args.threshold:
            cos, line, p = best
            out.append({"path": str(f), "line": line, "column": 1, "end_line": line, "end_column": len(p) + 1,
                        "rule": "TFIDF", "category": "off-topic", "message": f"cosine {cos:.3f}",
                        "score": round(cos, 4)})
    json.dump(out, sys.stdout)
    return 1 if out else 0


def _cosine(a, b):
    num = sum(x * b.get(k, 0.0) for k, x in a.items())
    den = math.sqrt(sum(x * x for x in a.values()) * sum(x * x for x in b.values()))
    return num / den if den else 0.0


if __name__ == "__main__":
    sys.exit(main())
