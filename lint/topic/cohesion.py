"""How well each paragraph and sentence of a document belongs to the rest of it.

Each paragraph is tokenised once (`lexicon.paragraph_bags`, which also counts the words that
offtopic-language reads) and the document bag is the sum of the paragraphs', so "the rest of
the document" for any unit is ``total - own`` without re-tokenising. Sums run as plain Python
loops, one pass per bag: in CPython 3.11 that costs less than several C-level passes
(map/filter/sum) and adds the same floats in the same order. Sentences are split and tokenised only for the paragraphs a rule asks about
(`Profile.sentences_of`), and a sentence only when its bag is read. The profile is cached on
the document (``doc._topic_profile``) and shared by the off-topic kinds. Features per unit:

- ``cos``: rarity-weighted cosine with the rest of the document (or paragraph, for sentences);
- ``novelty``: share of the unit's rarity weight carried by words found nowhere else;
- ``foreign``: the unit's rarest words and names that the rest never uses (the evidence),
  sorted on first use (most paragraphs never need it).
"""

from __future__ import annotations

import bisect
import math
import weakref
from itertools import filterfalse, repeat
from operator import mul

from ..document import split_sentences
from .lexicon import bag, bag_at, entities, lowered, paragraph_bags, spaced_only


class Unit:
    """A paragraph or a sentence: offsets, text, bag (stem -> rarity weight) and scores."""

    # ``mass`` is a slot filled when known (paragraphs) or on first read (``__getattr__``): the
    # rules read it in their loops over every paragraph, and a slot reads in C.
    __slots__ = ("start", "end", "text", "cos", "novelty", "_bag", "mass", "_alone", "_foreign", "_low")

    def __init__(self, start: int, end: int, text: str, bag: dict | None = None, mass: float | None = None,
                 cos: float = 1.0, novelty: float = 0.0, foreign: list | None = None, low: str | None = None):
        self.start, self.end, self.text = start, end, text
        self.cos, self.novelty = cos, novelty
        self._bag, self._foreign, self._alone = bag, foreign, None
        if mass is not None:
            self.mass = mass  # summed rarity weight of the unit's content words
        self._low = low  # the document lowercased, to tokenise the unit in place

    @property
    def bag(self) -> dict:
        b = self._bag
        if b is None:
            low = self._low
            b = self._bag = bag(self.text) if low is None else bag_at(low, self.start, self.end)
            self.mass = sum(b.values())  # a tokenised unit is weighed too: most are read for both
        return b

    @bag.setter
    def bag(self, value: dict) -> None:
        self._bag = value
        try:
            del self.mass  # summed again on next read
        except AttributeError:
            pass

    def __getattr__(self, name):
        if name != "mass":
            raise AttributeError(name)
        if self._bag is None:
            self.bag  # noqa: B018 - tokenised now, which weighs it too (fills the slot)
            return self.mass
        # a bag given or set without its mass (reading self.mass here again would recurse)
        m = self.mass = sum(self._bag.values())  # summed rarity weight of the unit's content words
        return m

    @property
    def foreign(self) -> list:
        f = self._foreign
        if f is None:
            # heaviest first, ties by stem, descending: the order of sorting (weight, stem) pairs,
            # from two sorts in C (the second is stable, also in reverse)
            f = self._foreign = sorted(self._alone or (), reverse=True)
            f.sort(key=self._bag.__getitem__, reverse=True)
        return f

    @foreign.setter
    def foreign(self, value: list) -> None:
        self._foreign = value

    def __repr__(self):
        return f"Unit({self.start}, {self.end}, {self.text[:40]!r}, cos={self.cos:.3f}, novelty={self.novelty:.2f})"


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


def score_against(units: list[Unit], total: dict, shared: set | None) -> None:
    """Fill cos / novelty / foreign of each unit against ``total`` minus itself.
    ``shared``: the stems used by more than one unit (the others are novel);
    None: leave novelty and foreign to the caller.
    One pass over each unit's bag sums its squared norm, its dot product with ``total`` and
    its novel weight: the same products added in the same order as `norm`, `dot` and a sum
    over the novel stems (so the same floats), at a third of the cost of four C-level passes."""
    vals = total.values()
    tn2 = sum(map(mul, vals, vals))
    get = total.get
    for u in units:
        b = u.bag
        if not b:
            continue
        if len(b) > len(total):  # dot() would walk the total's keys: its order of addition
            _score_plain(u, b, total, tn2, shared)
            continue
        own2 = d = 0.0
        if shared is None:
            for x, t in zip(b.values(), map(get, b, repeat(0.0))):
                own2 += x * x
                d += x * t
        else:
            alone = []
            novel = 0.0
            for k, x in b.items():
                own2 += x * x
                d += x * get(k, 0.0)
                if k not in shared:
                    alone.append(k)
                    novel += x
            u._alone = alone
            mass = u.mass
            u.novelty = novel / mass if mass else 0.0
            u._foreign = None  # sorted when read
        rest2 = max(tn2 - 2 * d + own2, 0.0)
        u.cos = (d - own2) / math.sqrt(own2 * rest2) if rest2 > 1e-9 else 1.0


def _score_plain(u: Unit, b: dict, total: dict, tn2: float, shared: set | None) -> None:
    """`score_against` for one unit with the plain sums (also the reference of the tests)."""
    own = b.values()
    own2 = sum(map(mul, own, own))
    d = dot(b, total)
    rest2 = max(tn2 - 2 * d + own2, 0.0)
    u.cos = (d - own2) / math.sqrt(own2 * rest2) if rest2 > 1e-9 else 1.0
    if shared is None:
        return
    alone = u._alone = list(filterfalse(shared.__contains__, b))
    mass = u.mass
    u.novelty = sum(map(b.__getitem__, alone)) / mass if mass else 0.0
    u._foreign = None


class Profile:
    """A document's paragraphs scored for cohesion; their sentences and names on demand."""

    def __init__(self, paragraphs: list[Unit], total: dict, doc=None):
        self.paragraphs = paragraphs
        self.total = total
        # a weak reference: the document keeps its profile (``doc._topic_profile``), and a
        # strong one back would make a cycle that only the cyclic collector frees, so every
        # document's units and lists would live on (and be traversed) until a collection
        self._doc = None if doc is None else weakref.ref(doc)
        self._low = lowered(doc) if doc is not None else None
        self._sentences: dict = {}
        self._names: dict = {}
        self._spaced = None  # lexicon.spaced_only(doc), found on first use
        self._scored: set = set()

    @property
    def doc(self):
        """The document profiled, or None (none given, or no longer alive)."""
        return None if self._doc is None else self._doc()

    @property
    def sentences(self) -> list[list[Unit]]:
        """Every paragraph's sentences (a list per paragraph); prefer `sentences_of` for one."""
        return [self.sentences_of(i) for i in range(len(self.paragraphs))]

    def sentences_of(self, index: int) -> list[Unit]:
        """Paragraph ``index``'s sentences (unscored until `score_sentences`), split on first
        use (`Document.sentences` when the document is already split, else this paragraph
        alone: the same sentences) and each tokenised when its bag is read: most rules never
        need them."""
        units = self._sentences.get(index)
        if units is None:
            p = self.paragraphs[index]
            low = self._low
            doc = self.doc
            if doc is not None and "sentences" in doc.__dict__:  # the document's own split, already paid for
                sents = doc.sentences
                starts = doc.__dict__.get("_sentence_starts")
                if starts is None:
                    starts = doc._sentence_starts = [x.start for x in sents]
                lo = bisect.bisect_left(starts, p.start)
                units = [Unit(s.start, s.end, s.text, low=low)
                         for s in sents[lo:bisect.bisect_left(starts, p.end, lo)]]
            else:
                text, at = p.text, p.start
                units = [Unit(at + s, at + e, text[s:e], low=low) for s, e in split_sentences(text)]
            if len(units) == 1 and units[0].text == p.text.strip():  # the whole paragraph: same tokens
                units[0]._bag, units[0].mass = p.bag, p.mass
            elif low is None:
                for u in units:
                    u.bag  # noqa: B018 - tokenised now: without the lowercased document, from its own text
            self._sentences[index] = units
        return units

    def names(self, index: int) -> set:
        """Paragraph ``index``'s names (`lexicon.entities`), cached."""
        names = self._names.get(index)
        if names is None:
            text = self.paragraphs[index].text
            spaced = self._spaced
            if spaced is None:
                doc = self.doc
                spaced = self._spaced = doc is not None and spaced_only(doc)
            names = self._names[index] = entities(text, spaced and "\n" not in text)
        return names


def profile(doc) -> Profile:
    """The document's profile, computed once per document and shared by the off-topic rules."""
    cached = getattr(doc, "_topic_profile", None)
    if cached is None:
        cached = doc._topic_profile = _profile(doc)
    return cached


def _profile(doc) -> Profile:
    bags, _ = paragraph_bags(doc)
    total, shared = totals(bags)
    paras = [Unit(p[0], p[1], p[2], b, sum(b.values())) for p, b in zip(doc.paragraphs, bags)]
    score_against(paras, total, shared)
    return Profile(paras, total, doc)


def totals(bags: list[dict]) -> tuple[dict, set]:
    """(the sum of ``bags``, the stems found in more than one of them), as `add` builds the
    sum bag by bag (the same floats, keys in order of first use), in one pass."""
    total: dict = {}
    shared: set = set()
    get, share = total.get, shared.add
    for b in bags:
        for k, x in b.items():
            t = get(k)
            if t is None:
                total[k] = x
            else:
                total[k] = t + x
                share(k)
    return total, shared


def score_sentences(prof: Profile, index: int) -> list[Unit]:
    """Score paragraph ``index``'s sentences against their own paragraph: cos with the rest of
    the paragraph, novelty against the whole document (once per paragraph)."""
    units = prof.sentences_of(index)
    if index in prof._scored:
        return units
    pbag = prof.paragraphs[index].bag
    score_against(units, pbag, None)
    total = prof.total
    for u in units:  # novelty: words the rest of the document never uses
        alone = [(x, k) for k, x in u.bag.items() if total.get(k, 0.0) - x < 1e-9]
        u.novelty = sum(x for x, _ in alone) / u.mass if u.mass else 0.0
        u.foreign = [k for _, k in sorted(alone, reverse=True)]
    prof._scored.add(index)
    return units
