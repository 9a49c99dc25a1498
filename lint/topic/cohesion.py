"""How well each paragraph and sentence of a document belongs to the rest of it.

Each paragraph is tokenised once (`lexicon.bag`) and the document bag is the sum of the
paragraphs', so "the rest of the document" for any unit is ``total - own`` without
re-tokenising. Sentences are split and tokenised only for the paragraphs a rule asks about
(`Profile.sentences_of`). The profile is cached on the document (``doc._topic_profile``) and
shared by the off-topic kinds. Features per unit:

- ``cos``: rarity-weighted cosine with the rest of the document (or paragraph, for sentences);
- ``novelty``: share of the unit's rarity weight carried by words found nowhere else;
- ``foreign``: the unit's rarest words and names that the rest never uses (the evidence).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import repeat
from operator import mul
from dataclasses import dataclass, field

from ..document import split_sentences
from .lexicon import bag, entities


@dataclass
class Unit:
    start: int
    end: int
    text: str
    bag: dict
    mass: float  # summed rarity weight of the unit's content words
    cos: float = 1.0
    novelty: float = 0.0
    foreign: list = field(default_factory=list)


# Sums over dict values run as map(mul, ...) in C; the products and their order are those of
# the plain loops, so the results are the same floats.
def norm(v: dict) -> float:
    vals = v.values()
    return math.sqrt(sum(map(mul, vals, vals)))


def dot(a: dict, b: dict) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


def cosine(a: dict, b: dict) -> float:
    na, nb = norm(a), norm(b)
    return dot(a, b) / (na * nb) if na and nb else 0.0


def add(total: dict, v: dict) -> None:
    get = total.get
    for k, x in v.items():
        total[k] = get(k, 0.0) + x


def score_against(units: list[Unit], total: dict, counts: dict | None) -> None:
    """Fill cos / novelty / foreign of each unit against ``total`` minus itself.
    ``counts``: stem -> number of units using it (a stem used by one unit only is novel);
    None: leave novelty and foreign to the caller."""
    vals = total.values()
    tn2 = sum(map(mul, vals, vals))
    shared = {k for k, c in counts.items() if c > 1} if counts is not None else None
    for u in units:
        b = u.bag
        if not b:
            continue
        own = b.values()
        own2 = sum(map(mul, own, own))
        d = dot(b, total)
        rest2 = max(tn2 - 2 * d + own2, 0.0)
        u.cos = (d - own2) / math.sqrt(own2 * rest2) if rest2 > 1e-9 else 1.0
        if shared is None:
            continue
        alone = [k for k in b if k not in shared]
        u.novelty = sum(map(b.__getitem__, alone)) / u.mass if u.mass else 0.0
        u.foreign = [k for _, k in sorted(((b[k], k) for k in alone), reverse=True)]


class Profile:
    """A document's paragraphs scored for cohesion; their sentences and names on demand."""

    def __init__(self, paragraphs: list[Unit], total: dict):
        self.paragraphs = paragraphs
        self.total = total
        self._sentences: dict = {}
        self._names: dict = {}

    @property
    def sentences(self) -> list[list[Unit]]:
        """Every paragraph's sentences (a list per paragraph); prefer `sentences_of` for one."""
        return [self.sentences_of(i) for i in range(len(self.paragraphs))]

    def sentences_of(self, index: int) -> list[Unit]:
        """Paragraph ``index``'s sentences (unscored until `score_sentences`), split and
        tokenised on first use: most rules never need them."""
        units = self._sentences.get(index)
        if units is None:
            p = self.paragraphs[index]
            units = self._sentences[index] = []
            for s, e in split_sentences(p.text):
                text = p.text[s:e]
                b = bag(text)
                units.append(Unit(p.start + s, p.start + e, text, b, sum(b.values())))
        return units

    def names(self, index: int) -> set:
        """Paragraph ``index``'s names (`lexicon.entities`), cached."""
        names = self._names.get(index)
        if names is None:
            names = self._names[index] = entities(self.paragraphs[index].text)
        return names


def profile(doc) -> Profile:
    """The document's profile, computed once per document and shared by the off-topic rules."""
    cached = getattr(doc, "_topic_profile", None)
    if cached is None:
        cached = doc._topic_profile = _profile(doc)
    return cached


def _profile(doc) -> Profile:
    paras: list[Unit] = []
    total: dict = {}
    para_counts: Counter = Counter()
    for p in doc.paragraphs:
        pbag = bag(p.text)
        paras.append(Unit(p.start, p.end, p.text, pbag, sum(pbag.values())))
        add(total, pbag)
        para_counts.update(pbag.keys())  # counted in C
    score_against(paras, total, para_counts)
    return Profile(paras, total)


def score_sentences(prof: Profile, index: int) -> list[Unit]:
    """Score paragraph ``index``'s sentences against their own paragraph: cos with the rest of
    the paragraph, novelty against the whole document."""
    units = prof.sentences_of(index)
    pbag = prof.paragraphs[index].bag
    score_against(units, pbag, None)
    total = prof.total
    for u in units:  # novelty: words the rest of the document never uses
        alone = [(x, k) for k, x in u.bag.items() if total.get(k, 0.0) - x < 1e-9]
        u.novelty = sum(x for x, _ in alone) / u.mass if u.mass else 0.0
        u.foreign = [k for _, k in sorted(alone, reverse=True)]
    return units
