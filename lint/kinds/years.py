"""years: durations and years that disagree about the same fact.

"Assad, who has been in power for 19 years" and "Assad has been in power since 1990" cannot
both be true in an article of 2020; "Russia intervened four years ago" and "Russia intervened
in 2015" agree within a year and pass. Pairs compared: "for N years" with "since YYYY", and
"N years ago" with "in YYYY", when the words just before the two speak of the same thing (at
least ``min_shared`` shared content words, three quarters of the shorter context). The article's year is its dateline,
else its latest fully written date; without one nothing is checked.

Options
- ``tolerance`` (default 1): years of slack (an article of January speaks of "four years ago"
  for an event of the December five years back).
- ``min_shared`` (default 2): content words the two contexts must share.
"""

from __future__ import annotations

import re

from ..facts.dates import dates_of, reference_year
from ..facts.report import pair
from ..facts.words import NUMBER_WORD, content_key, overlap, word_number
from . import Option
from ..facts import folded_of, has_match, lazy_re
from ..facts.spans import spans_of

OPTIONS = {"tolerance": Option(int, 1), "min_shared": Option(int, 2)}
SCOPES = ()

_NUM = rf"(\d{{1,3}}|{NUMBER_WORD})"
_FOR = lazy_re(rf"\bfor (?:(?:almost|nearly|about|some|more than|over|around|the (?:past|last)) )?{_NUM}[ -]years?\b", re.I)
_AGO = lazy_re(rf"\b(?:(?:almost|nearly|about|some|more than|over|around) )?{_NUM} years? ago\b", re.I)
_SINCE = lazy_re(r"\bsince ((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")
_IN = lazy_re(r"\bin ((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d|s)")
_SINCE_OR_IN = lazy_re(r"\b(?:since|in) (?:19|20)\d\d")
_SINCE_OR_IN_STARTS = ("since 19", "since 20", "in 19", "in 20")
_WINDOW = 8  # words before a mention that say what it is about


def _mentions(doc, rx, value, clues):
    """(start, end, value, text, key of the words just before) for each match; ``clues``: strings
    one of which every match holds (case-blind for ``re.I`` patterns), so that most sentences
    are skipped with a substring test."""
    out = []
    low = folded_of(doc) if rx.flags & re.I else doc.text
    if low is None:
        chosen = doc.sentences
    else:  # the sentences that hold a clue
        sents = spans_of(doc)
        hits = {}
        for c in clues:
            i = low.find(c)
            while i >= 0:
                sent = sents.holding(i, i + len(c))
                if sent is not None:
                    hits[sent.start] = sent
                i = low.find(c, i + 1)
        chosen = [hits[k] for k in sorted(hits)]
    for sent in chosen:
        for m in rx.finditer(sent.text):
            v = value(m.group(1))
            if v is not None:
                before = sent.text[:m.start()].split()[-_WINDOW:]
                out.append((sent.start + m.start(), sent.start + m.end(), v, m.group(0), content_key(" ".join(before))))
    return out


def check(doc, rule):
    text = doc.text
    if "year" not in text or not has_match(_SINCE_OR_IN, text, _SINCE_OR_IN_STARTS):
        return
    year = None
    tol, need = rule.options["tolerance"], rule.options["min_shared"]
    pairs = [((_FOR, ("year",)), (_SINCE, ("since ",))), ((_AGO, ("ago",)), (_IN, ("in 19", "in 20")))]
    for (dur_rx, dur_clues), (year_rx, year_clues) in pairs:
        durations = _mentions(doc, dur_rx, word_number, dur_clues)
        if not durations:
            continue
        if year is None:
            year = reference_year(doc, dates_of(doc))
            if year is None:
                return
        years = _mentions(doc, year_rx, int, year_clues)
        for s1, e1, n, said, ka in durations:
            if not 0 < n < 200:
                continue
            for s2, e2, y, said_b, kb in years:
                if abs((year - n) - y) <= tol or y > year:
                    continue
                shared, share = overlap(ka, kb)
                if shared < need or share < 0.75:
                    continue
                yield from pair(doc, rule, (s1, e1), (s2, e2), f'"{said}" ({year - n} in an article of {year})',
                                f'"{said_b}"')
                break
