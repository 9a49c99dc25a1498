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

import bisect
import math
import re
from itertools import repeat
from operator import mul

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

_BOUNDARY = re.compile(r"[.!?…][\"'”’»)\]]*\s")  # every sentence end inside a paragraph matches
_JUDGED_MASS = 8.0  # sentences lighter than this do not count towards the document's usual range


def _score(b: dict, mass: float, total: dict, tn2: float) -> tuple[float, float]:
    """(cosine with the rest of the document, novelty: share of weight in words found nowhere
    else in it) of a sentence's bag ``b``; ``total`` is the document's bag, ``tn2`` its squared norm."""
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
    return cos, alone / mass if mass else 0.0


def _squared_norm(b: dict) -> float:
    """``sum(x * x for x in b.values())``: the same products summed in the same order, in C."""
    vals = b.values()
    return sum(map(mul, vals, vals))


def _overlap(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x for k, x in a.items() if k in b)


def _inner_span(text: str) -> tuple[int, int] | None:
    """(start of the first `_BOUNDARY` match in ``text``, end of the last), or None when there
    are fewer than two. Every position where the pattern matches is a match of finditer (no
    match starts inside another: its inner characters are closers and a space), so the first
    and last are found by trying the end marks nearest each end (str.find/rfind) instead of
    scanning the whole paragraph with the pattern."""
    marks = [c for c in _END_MARKS if c in text]
    if not marks:
        return None
    match = _BOUNDARY.match
    find, rfind = text.find, text.rfind
    first, i = None, -1
    while first is None:
        found = [j for j in map(find, marks, repeat(i + 1)) if j >= 0]
        if not found:
            return None
        i = min(found)
        first = match(text, i)
    end = len(text)
    while True:
        i = max(map(rfind, marks, repeat(0), repeat(end)))
        if i <= first.start():
            return None
        last = match(text, i)
        if last is not None:
            return first.start(), last.end()
        end = i


_END_MARKS = ".!?…"


def _novel_positions(p, low: str | None, lo: int = 0, hi: int = 0, need: float = 0.0):
    """Where the words that paragraph unit ``p`` alone uses (``p.foreign``) first occur in
    it, with their whole weight, found with ``str.find`` instead of tokenising again; the
    weight of those not found (credited everywhere, so that sums stay upper bounds); and the
    weight of those found in [lo, hi), summed in the order found. ``low``: the document
    lowercased (searched within the paragraph's offsets), or None.
    With ``need``: None as soon as the words found outside [lo, hi) leave less than ``need``
    (with a margin for rounding) for the words inside it or not found: the caller's test
    would fail."""
    if low is None:
        low, base = p.text.lower(), 0
    else:
        base = p.start
    end = base + len(p.text)
    keys = _KEYS_CURLY if low.find("’", base, end) >= 0 else _KEYS
    found, unplaced, inside = [], 0.0, 0.0
    find = low.find
    pbag = p.bag
    foreign = p.foreign
    if need:
        left = sum(map(pbag.__getitem__, foreign)) - need + 1e-9  # weight that may still be outside
    for k in foreign:
        key = keys[k]
        i = find(key, base, end)
        while i > base and low[i - 1].isalpha():  # a word start, not the inside of a longer word
            i = find(key, i + 1, end)
        if i >= 0:
            i -= base
            w = pbag[k]
            found.append((i, w))
            if lo <= i < hi:
                inside += w
            elif need:
                left -= w
                if left < 0:
                    return None
        else:
            unplaced += pbag[k]
    return found, unplaced, inside


class _StemKeys(dict):
    """stem -> the stem as written in lowercased text: plural folding turned "-ies" into "-y",
    and apostrophes are straight (``_KEYS``) or curly (``_KEYS_CURLY``)."""

    def __init__(self, apostrophe: str):
        super().__init__()
        self.apostrophe = apostrophe

    def __missing__(self, k):
        if len(self) >= 65_536:
            self.clear()
        key = self[k] = (k[:-1] if k.endswith("y") else k).replace("'", self.apostrophe)
        return key


_KEYS, _KEYS_CURLY = _StemKeys("'"), _StemKeys("’")


def candidates(doc, opts) -> list[tuple[float, float, object, dict]]:
    """(cos, novelty, sentence unit, its bag) of every mid-paragraph sentence past the word
    tests. A candidate's novel words are novel for its paragraph too and lie between its
    first and last sentence end, so only paragraphs with that much novel weight there are
    split, and only their middle sentences that may carry it (and their neighbours) are
    tokenised: most documents tokenise no sentence here."""
    from ..topic.cohesion import profile
    from ..topic.lexicon import lowered

    prof = profile(doc)
    total = prof.total
    tn2 = None
    need = opts["min_novelty"] * opts["min_mass"]
    min_mass = opts["min_mass"]
    limit = opts["max_neighbour_overlap"]
    low = lowered(doc)
    out = []
    for index, p in enumerate(prof.paragraphs):
        if p.novelty * p.mass < need or p.mass < min_mass:
            continue
        inner = _inner_span(p.text)  # from the first sentence end to the last (every one matches)
        if inner is None:
            continue
        lo, hi = inner
        placed = _novel_positions(p, low, lo, hi, need)
        if placed is None:
            continue
        found, unplaced, inside = placed
        if unplaced + inside < need:
            continue
        sents = prof.sentences_of(index)
        if len(sents) < 3:
            continue
        starts = [x.start - p.start for x in sents]
        novel = [unplaced] * len(sents)
        for i, w in found:
            novel[bisect.bisect_right(starts, i) - 1] += w
        for j in range(1, len(sents) - 1):
            if novel[j] < need:
                continue
            u = sents[j]
            b, mass = u.bag, u.mass
            if mass < min_mass:
                continue
            if tn2 is None:
                tn2 = _squared_norm(total)
            cos, novelty = _score(b, mass, total, tn2)
            if (cos > opts["max_cos"] or novelty < opts["min_novelty"]
                    or _overlap(b, sents[j - 1].bag) > limit
                    or _overlap(b, sents[j + 1].bag) > limit):
                continue
            out.append((cos, novelty, u, b))
    return out


def usual_range(doc, sample: int = 40) -> tuple[float, float, int]:
    """(lower quartile, upper quartile, count) of the similarity of the document's sentences
    with the rest of it, from the sentences of about ``sample`` evenly spaced paragraphs;
    only computed for documents that have a candidate."""
    from ..topic.cohesion import profile

    prof = profile(doc)
    total = prof.total
    tn2 = _squared_norm(total)
    cosines = []
    paras = prof.paragraphs
    step = max(1, len(paras) // sample)
    if step == 1:
        doc.sentences  # noqa: B018 - every paragraph is read: one scan of the document splits them all
    for index in range(0, len(paras), step):
        for s in prof.sentences_of(index):
            if s.mass >= _JUDGED_MASS:
                cosines.append(_score(s.bag, s.mass, total, tn2)[0])
    if not cosines:
        return 0.0, 0.0, 0
    cosines.sort()
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
    cos, novelty, u, b = min(found, key=lambda c: c[0])
    if cos > opts["max_relative"] * q1:
        return
    from ..topic.cohesion import profile

    total = profile(doc).total
    foreign = [k for x, k in sorted(((x, k) for k, x in b.items() if total.get(k, x) - x < 1e-9), reverse=True)]
    words = ", ".join(surfaces(u.text, foreign)) or "none"
    f = rule.finding(doc, u.start, u.end, foreign=words, cos=f"{cos:.3f}", usual=f"{q1:.2f}-{q3:.2f}",
                     novelty=f"{novelty:.0%}")
    f.score = cos
    yield f
