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


def _score(u, total: dict, tn2: float) -> tuple[float, float]:
    """(cosine with the rest of the document, novelty: share of weight in words found nowhere
    else in it) of sentence unit ``u``; ``total`` is the document's bag, ``tn2`` its squared norm."""
    b = u.bag
    if not b:
        return 1.0, 0.0
    own2 = d = alone = 0.0
    for k, x in b.items():
        own2 += x * x
        t = total.get(k, x)
        d += x * t
        if t - x < 1e-9:
            alone += x
    rest2 = tn2 - 2 * d + own2
    cos = (d - own2) / math.sqrt(own2 * rest2) if rest2 > 1e-9 else 1.0
    return cos, alone / u.mass if u.mass else 0.0


def sentences_of(doc, prof, index: int) -> list:
    """Paragraph ``index``'s sentence units, from the shared profile when it offers them
    (`Profile.sentences_of`), else split and tokenised here and cached on the document."""
    shared = getattr(prof, "sentences_of", None)
    if shared is not None:
        return shared(index)
    from ..document import split_sentences
    from ..topic.cohesion import Unit
    from ..topic.lexicon import bag

    cache = doc.__dict__.setdefault("_offtopic_sentences", {})
    units = cache.get(index)
    if units is None:
        p = prof.paragraphs[index]
        units = cache[index] = []
        for s, e in split_sentences(p.text):
            b = bag(p.text[s:e])
            units.append(Unit(p.start + s, p.start + e, p.text[s:e], b, sum(b.values())))
    return units


def _overlap(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x for k, x in a.items() if k in b)


def candidates(doc, opts) -> list[tuple[float, float, object]]:
    """(cos, novelty, sentence unit) of every mid-paragraph sentence past the word tests.
    Only paragraphs carrying enough novel weight to hold such a sentence are split into
    sentences (a candidate's novel words are novel for its paragraph too): most documents
    tokenise no sentence here."""
    from ..topic.cohesion import profile

    prof = profile(doc)
    total = prof.total
    tn2 = None
    need = opts["min_novelty"] * opts["min_mass"]
    out = []
    for i, p in enumerate(prof.paragraphs):
        if p.novelty * p.mass < need or p.mass < opts["min_mass"]:
            continue
        units = sentences_of(doc, prof, i)
        if len(units) < 3:
            continue
        if tn2 is None:
            tn2 = sum(x * x for x in total.values())
        limit = opts["max_neighbour_overlap"]
        for j in range(1, len(units) - 1):
            u = units[j]
            if u.mass < opts["min_mass"]:
                continue
            cos, novelty = _score(u, total, tn2)
            if (cos > opts["max_cos"] or novelty < opts["min_novelty"]
                    or _overlap(u.bag, units[j - 1].bag) > limit or _overlap(u.bag, units[j + 1].bag) > limit):
                continue
            out.append((cos, novelty, u))
    return out


def usual_range(doc) -> tuple[float, float, int]:
    """(lower quartile, upper quartile, count) of the similarity of the document's sentences
    with the rest of it; only computed for documents that have a candidate."""
    from ..topic.cohesion import profile

    prof = profile(doc)
    total = prof.total
    tn2 = sum(x * x for x in total.values())
    cosines = sorted(_score(u, total, tn2)[0] for i in range(len(prof.paragraphs))
                     for u in sentences_of(doc, prof, i) if u.mass >= _JUDGED_MASS)
    if not cosines:
        return 0.0, 0.0, 0
    return cosines[len(cosines) // 4], cosines[(3 * len(cosines)) // 4], len(cosines)


def check(doc, rule):
    from ..topic.lexicon import surfaces

    opts = rule.options
    found = candidates(doc, opts)
    if not found or len(found) > opts["max_candidates"]:
        return
    q1, q3, n = usual_range(doc)
    if n < opts["min_sentences"] or q1 < opts["min_doc_q1"]:
        return
    cos, novelty, u = min(found, key=lambda c: c[0])
    if cos > opts["max_relative"] * q1:
        return
    from ..topic.cohesion import profile

    total = profile(doc).total
    foreign = [k for x, k in sorted(((x, k) for k, x in u.bag.items() if total.get(k, x) - x < 1e-9), reverse=True)]
    words = ", ".join(surfaces(u.text, foreign)) or "none"
    f = rule.finding(doc, u.start, u.end, foreign=words, cos=f"{cos:.3f}", usual=f"{q1:.2f}-{q3:.2f}",
                     novelty=f"{novelty:.0%}")
    f.score = cos
    yield f
