#!/usr/bin/env python3
"""How much artefact recall is left for any line classifier on these labels? A learned ceiling.

    python3 bench/artefact_ceiling.py /work/shared/eval/artefacts [--variants readability-md,trafilatura-md]

Trains two line classifiers on the even-numbered pages (the same halves as score_artefact_halves.py)
and scores the odd pages with "seedlint flagged the line OR the classifier says artefact":
- form: 70 features of the line and its neighbours (length, terminal punctuation, markdown
  marks, link density, capitals, digits, stop words, position, blank lines around, whether
  seedlint flagged the line and its neighbours, the run of non-prose lines it sits in);
- form+words: the same plus the 3,000 commonest words of the training lines (bag of words).
Each is printed at several probability thresholds next to seedlint alone, so one can read
the recall a learned detector would add at the precision seedlint keeps (>= 0.85). It also
splits the artefact lines into prose-like (12+ words ending in . ! ? or a quote) and the rest,
with seedlint's recall on each: prose-like "artefacts" are mostly article text that WCXB's
ground truth left out (see the data README). Needs scikit-learn and scipy (not seedlint
dependencies: ``pip install scikit-learn``). Writes nothing.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?|\d+")
STOP = frozenset("the a an of to in and or is are was were be been for on at by with from as that this it its he "
                 "she they we you i his her their our not but which who has have had will would said says".split())
TERMINAL = tuple(".!?\"”’')")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
CONTEXT = ("words", "terminal", "heading", "bullet", "link_density", "image", "stop_share", "capital_share", "table")


def half(doc: str) -> str:
    return "even" if int(re.search(r"(\d+)$", doc).group(1)) % 2 == 0 else "odd"


def plain(line: str) -> str:
    line = IMAGE.sub(" ", line)
    line = LINK.sub(lambda m: m.group(1), line)
    return re.sub(r"[*_`#>|]+", " ", line).strip()


def line_features(raw: str) -> dict:
    t = raw.strip()
    links, images = LINK.findall(t), IMAGE.findall(t)
    text = plain(t)
    words = WORD.findall(text)
    n = len(words) or 1
    return {
        "words": math.log1p(len(words)), "chars": math.log1p(len(text)),
        "terminal": float(text.endswith(TERMINAL) and not text.endswith("...")),
        "colon": float(text.endswith(":")),
        "heading": float(t.startswith("#")),
        "bullet": float(bool(re.match(r"([*+-]|\d+[.)])\s", t))),
        "table": float(t.startswith("|") or t.count("|") >= 2),
        "quote": float(t.startswith(">")),
        "links": math.log1p(len(links) - len(images)),
        "link_density": sum(len(a) for a, _ in links) / len(text) if text else 0.0,
        "image": float(bool(images)),
        "image_only": float(bool(images) and not text),
        "bare_url": float("http" in LINK.sub("", t) or "www." in t),
        "capital_share": sum(w[0].isupper() for w in words) / n,
        "upper_share": sum(len(w) > 1 and w.isupper() for w in words) / n,
        "digit_share": sum(w.isdigit() for w in words) / n,
        "stop_share": sum(w.lower() in STOP for w in words) / n,
        "emphasised": float(t.startswith(("**", "__", "*", "_")) and t.endswith(("**", "__", "*", "_"))),
        "separators": sum(c in "|•·»«›‹>/" for c in text) / max(1, len(text)),
        "sentences": float(len(re.findall(r"[.!?][\"”’)]?\s+[A-Z]", text))),
        "commas": text.count(",") / n,
        "starts_upper": float(text[:1].isupper()),
        "starts_lower": float(text[:1].islower()),
    }


def document_features(text: str, flagged: set) -> dict:
    """-> {line number: features} for the non-blank lines of one document."""
    lines = text.split("\n")
    idx = [i for i, line in enumerate(lines) if line.strip()]
    base = {i: line_features(lines[i]) for i in idx}
    repeats = Counter(lines[i].strip() for i in idx)
    prose = {i: base[i]["words"] >= math.log1p(8) and base[i]["terminal"] > 0 for i in idx}
    n = len(idx)
    first = next((k for k, i in enumerate(idx) if prose[i]), n)
    last = max((k for k, i in enumerate(idx) if prose[i]), default=-1)
    out = {}
    for k, i in enumerate(idx):
        f = dict(base[i], position=k / max(1, n - 1), from_start=math.log1p(k), from_end=math.log1p(n - 1 - k),
                 before_prose=float(k < first), after_prose=float(k > last), lines=math.log1p(n),
                 blank_before=float(i > 0 and not lines[i - 1].strip()),
                 blank_after=float(i + 1 < len(lines) and not lines[i + 1].strip()),
                 repeats=math.log(repeats[lines[i].strip()]), flagged=float(i + 1 in flagged))
        for d in (-2, -1, 1, 2):
            j = idx[k + d] if 0 <= k + d < n else None
            for c in CONTEXT:
                f[f"{c}@{d}"] = base[j][c] if j is not None else 0.0
            f[f"exists@{d}"] = float(j is not None)
            f[f"flagged@{d}"] = float(j is not None and j + 1 in flagged)
        a = b = k
        while a > 0 and not prose[idx[a - 1]]:
            a -= 1
        while b < n - 1 and not prose[idx[b + 1]]:
            b += 1
        f["chrome_run"] = 0.0 if prose[i] else math.log1p(b - a + 1)
        out[i + 1] = f
    return out


def seedlint_lines(docs: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "lint", "--no-cache", "--output-format", "json", "--select",
                          "artefact", os.path.abspath(docs)], capture_output=True, text=True, check=False,
                         cwd=ROOT).stdout  # this checkout's seedlint, installed or not
    flagged = defaultdict(set)
    for f in json.loads(out):
        doc = os.path.relpath(f["path"], docs)[:-4]
        flagged[doc].update(range(f["line"], f.get("end_line", f["line"]) + 1))
    return flagged


def load(variant_dir: str):
    docs = os.path.join(variant_dir, "docs")
    flagged = seedlint_lines(docs)
    rows = defaultdict(list)
    for r in map(json.loads, open(os.path.join(variant_dir, "labels.jsonl"), encoding="utf-8")):
        if not r["ambiguous"]:
            rows[r["doc"]].append(r)
    feats, gold, seen, halves, texts = [], [], [], [], []
    for doc in sorted(rows):
        with open(os.path.join(docs, doc + ".txt"), encoding="utf-8") as fh:
            per_line = document_features(fh.read(), flagged[doc])
        for r in rows[doc]:
            feats.append(per_line[r["line"]])
            gold.append(r["label"] == "artefact")
            seen.append(r["line"] in flagged[doc])
            halves.append(half(doc))
            texts.append(LINK.sub(lambda m: m.group(1), r["text"]))
    return feats, gold, seen, halves, texts


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", help="the artefacts folder (variant folders with docs/ and labels.jsonl)")
    ap.add_argument("--variants", default="readability-md,trafilatura-md,trafilatura-txt")
    a = ap.parse_args()
    try:
        import numpy as np
        from scipy.sparse import csr_matrix, hstack, vstack
        from sklearn.ensemble import HistGradientBoostingClassifier
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler
    except ImportError:
        sys.exit("needs scikit-learn: pip install scikit-learn")
    data = {}
    for v in a.variants.split(","):
        feats, gold, seen, halves, texts = load(os.path.join(a.data, v))
        names = sorted(feats[0])
        data[v] = (np.array([[f[n] for n in names] for f in feats]), np.array(gold), np.array(seen),
                   np.array(halves), texts)
    even = {v: d[3] == "even" for v, d in data.items()}
    x_train = np.vstack([d[0][even[v]] for v, d in data.items()])
    y_train = np.concatenate([d[1][even[v]] for v, d in data.items()])
    scaler = StandardScaler().fit(x_train)
    words = CountVectorizer(min_df=5, max_features=3000, binary=True).fit(
        [t for v, d in data.items() for t, e in zip(d[4], even[v]) if e])

    def with_words(v, mask):
        d = data[v]
        return hstack([csr_matrix(scaler.transform(d[0][mask])),
                       words.transform([t for t, m in zip(d[4], mask) if m])]).tocsr()

    form = LogisticRegression(C=0.5, max_iter=3000).fit(scaler.transform(x_train), y_train)
    trees = HistGradientBoostingClassifier(max_iter=200, max_depth=4, l2_regularization=1.0,
                                           random_state=0).fit(x_train, y_train)
    lexical = LogisticRegression(C=0.1, max_iter=3000).fit(
        vstack([with_words(v, even[v]) for v in data]), y_train)
    for v, (x, gold, seen, halves, _) in data.items():
        odd = halves == "odd"
        y, s = gold[odd], seen[odd]
        words_n = x[odd][:, names.index("words")]
        prose = (words_n >= math.log1p(12)) & (x[odd][:, names.index("terminal")] > 0)
        print(f"\n{v} (odd pages: {odd.sum()} lines, {y.sum()} artefact, {(y & prose).sum()} of them prose-like)")
        print(f"  seedlint alone: P {(y & s).sum() / max(1, s.sum()):.3f} R {(y & s).sum() / y.sum():.3f}; "
              f"recall on prose-like artefacts {(y & s & prose).sum() / max(1, (y & prose).sum()):.3f}, "
              f"on the rest {(y & s & ~prose).sum() / max(1, (y & ~prose).sum()):.3f}")
        for name, prob in (("form, logistic", form.predict_proba(scaler.transform(x[odd]))[:, 1]),
                           ("form, trees", trees.predict_proba(x[odd])[:, 1]),
                           ("form+words, logistic", lexical.predict_proba(with_words(v, odd))[:, 1])):
            cells = []
            for threshold in (0.5, 0.7, 0.8, 0.9):
                p = s | (prob >= threshold)
                cells.append(f"{threshold}: P {(y & p).sum() / max(1, p.sum()):.3f} R {(y & p).sum() / y.sum():.3f}")
            print(f"  seedlint OR {name:21} " + " | ".join(cells))


if __name__ == "__main__":
    main()
