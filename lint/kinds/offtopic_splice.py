"""offtopic-splice: a sentence from another text spliced between two sentences of a paragraph.

A spliced sentence breaks the local coherence on both sides: it shares no content word with
the sentence before it nor with the one after it, and almost none of its rarity-weighted
vocabulary with the rest of the article. Ordinary sentences can look like that too (a quip,
an aside, a change of scene), mostly in loosely written texts; so the rule only speaks when
several signals agree, each judged against the document's own usual range:

- the sentence sits inside a paragraph, with a sentence of that paragraph on each side;
- it shares no stem with either neighbour (``max_neighbour_overlap``);
- its rarity-weighted cosine with the rest of the document is at most ``max_cos`` and at most
  ``max_relative`` x the document's lower-quartile sentence similarity (``usual``);
- at least ``min_novelty`` of its rarity weight is in words no other sentence uses, and it
  carries at least ``min_mass`` of rarity weight (short sentences say too little);
- the document is cohesive enough to judge (lower-quartile similarity >= ``min_doc_q1``);
- no more than ``max_candidates`` sentences of the document pass these tests: a text full of
  isolated sentences is loosely written, not spliced.

The message names the words that are foreign to the article, the sentence's similarity and
the document's usual range. Defaults favour precision.
"""

from __future__ import annotations

import math

from . import Option

OPTIONS = {
    "min_mass": Option(float, 12.0, doc="summed rarity weight a sentence needs to be judged"),
    "max_cos": Option(float, 0.02, doc="highest rarity-weighted cosine with the rest of the document"),
    "max_relative": Option(float, 0.2, doc="highest cosine as a share of the document's lower-quartile one"),
    "min_novelty": Option(float, 0.9, doc="lowest share of rarity weight in words no other sentence uses"),
    "max_neighbour_overlap": Option(float, 0.0, doc="rarity weight it may share with each neighbour"),
    "min_doc_q1": Option(float, 0.07, doc="documents whose lower-quartile sentence similarity is lower are "
                                          "too loosely written to judge"),
    "max_candidates": Option(int, 1, doc="more sentences than this past the tests: the document is left alone"),
    "min_sentences": Option(int, 8, doc="documents with fewer judged sentences are left alone"),
}

_JUDGED_MASS = 8.0  # sentences lighter than this do not count towards the document's usual range


def sentence_scores(doc):
    """Per sentence of the document: (unit, paragraph index, cos with the rest, novelty).
    Computed once per document (cached on it) from the shared topic profile."""
    cached = getattr(doc, "_sentence_scores", None)
    if cached is not None:
        return cached
    from ..topic.cohesion import profile

    prof = profile(doc)
    total = prof.total
    tn2 = sum(x * x for x in total.values())
    counts: dict = {}
    flat = []
    for p, units in enumerate(prof.sentences):
        for u in units:
            flat.append((u, p))
            for k in u.bag:
                counts[k] = counts.get(k, 0) + 1
    out = []
    for u, p in flat:
        b = u.bag
        if not b:
            out.append((u, p, 1.0, 0.0))
            continue
        own2 = sum(x * x for x in b.values())
        d = sum(x * total[k] for k, x in b.items())
        rest2 = tn2 - 2 * d + own2
        cos = (d - own2) / math.sqrt(own2 * rest2) if rest2 > 1e-9 else 1.0
        shared = sum(x for k, x in b.items() if counts[k] > 1)
        out.append((u, p, cos, 1.0 - shared / u.mass if u.mass else 0.0))
    doc._sentence_scores = out
    return out


def _overlap(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x for k, x in a.items() if k in b)


def check(doc, rule):
    from ..topic.lexicon import surfaces

    opts = rule.options
    scores = sentence_scores(doc)
    judged = sorted(cos for u, _, cos, _ in scores if u.mass >= _JUDGED_MASS)
    if len(judged) < opts["min_sentences"]:
        return
    q1, q3 = judged[len(judged) // 4], judged[(3 * len(judged)) // 4]
    cands = []
    for j in range(1, len(scores) - 1):
        u, p, cos, novelty = scores[j]
        if (u.mass < opts["min_mass"] or cos > opts["max_cos"] or novelty < opts["min_novelty"]
                or scores[j - 1][1] != p or scores[j + 1][1] != p):
            continue
        limit = opts["max_neighbour_overlap"]
        if _overlap(u.bag, scores[j - 1][0].bag) > limit or _overlap(u.bag, scores[j + 1][0].bag) > limit:
            continue
        cands.append((cos, j))
    if not cands or len(cands) > opts["max_candidates"] or q1 < opts["min_doc_q1"]:
        return
    cos, j = min(cands)
    if cos > opts["max_relative"] * q1:
        return
    u, _, _, novelty = scores[j]
    foreign = sorted(((x, k) for k, x in u.bag.items() if doc_count(scores, k) <= 1), reverse=True)
    words = ", ".join(surfaces(u.text, [k for _, k in foreign])) or "none"
    f = rule.finding(doc, u.start, u.end, foreign=words, cos=f"{cos:.3f}", usual=f"{q1:.2f}-{q3:.2f}",
                     novelty=f"{novelty:.0%}")
    f.score = cos
    yield f


def doc_count(scores, stem) -> int:
    """How many sentences of the document use ``stem`` (only called for the reported one)."""
    return sum(1 for u, _, _, _ in scores if stem in u.bag)
