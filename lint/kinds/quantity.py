"""quantity: the same quantity stated twice in one document with incompatible values.

"25 people died" and later "the 40 dead"; "more than 380,000 killed" and "about half a million
killed". Qualifiers count: "more than 380,000" and "more than 400,000" are compatible, "about
half a million" and "380,000" are not. Scales are normalised ("1.2 million" = "1,200,000").

News text is full of legitimately different numbers, so two mentions are taken for the same
quantity only when they count the same thing (the same noun, or both count the dead or both
the injured), their sentences share enough content words, and nothing marks a change over
time (different years or months, "rose", "from ... to"). Keys with three or more different
values are series, not contradictions, and are left alone.

Options
- ``min_shared`` (default 2) and ``min_share`` (default 0.5): content words (besides the
  counted noun) the two sentences must share, absolute and as a share of the shorter one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..facts.numbers import counted_noun, find_quantities
from ..facts.report import pair
from ..facts.words import content_key, overlap
from . import Option

OPTIONS = {"min_shared": Option(int, 2), "min_share": Option(float, 0.5)}
SCOPES = ()

_CLASSES = {
    "dead": re.compile(r"\b(?:killed|dead|died|deaths?|death toll|lives|fatalities|perished|slain)\b", re.I),
    "injured": re.compile(r"\b(?:injured|wounded|hurt|injuries)\b", re.I),
}
_TIME_NOUNS = frozenset("second minute hour day night week month year decade century time".split())
_PERSONS = frozenset("people person civilian resident soldier troop fighter child adult man woman victim".split())
_CHANGE = re.compile(r"\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increas\w*|decreas\w*|grew|grow\w*|"
                     r"drop\w*|declin\w*|jump\w*|doubl\w*|up from|down from|compared|versus|vs|average|each|every|"
                     r"per|a year|a month|a day|annual\w*|target|goal|plans?|expect\w*|could|would|might|may)\b", re.I)
_TIME = re.compile(r"\b(?:(?:19|20)\d\d|jan\w*|feb\w*|march|april|june|july|aug\w*|sept\w*|oct\w*|nov\w*|dec\w*|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last \w+|this \w+|"
                   r"next \w+|previous \w+|earlier|later|now|currently|initially|first|then)\b", re.I)
_QUOTE = re.compile(r"[\"“”]")


def _mentions(doc, strict=True):
    """(key, quantity, sentence, content key, time words) of every countable quantity; with
    ``strict``, sentences that speak of change ("rose", "expected") are left out."""
    out = []
    for sent in doc.sentences:
        text = sent.text
        if not any(c.isdigit() for c in text) and "million" not in text and "half a" not in text:
            continue
        qs = find_quantities(text)
        if not qs or (strict and _CHANGE.search(text)):
            continue
        times = frozenset(t.lower() for t in _TIME.findall(text))
        for q in qs:
            noun = counted_noun(text, q)
            cls = _toll_class(text, q)
            if cls and (noun is None or noun in _PERSONS or noun == cls):
                key = (q.unit, cls)
            elif noun and noun not in _PERSONS and noun not in _TIME_NOUNS:
                key = (q.unit, noun)
            else:
                continue
            rest = text[:q.start] + " " + text[q.end:]
            out.append((key, q, sent, content_key(rest) - content_key(" ".join(key)), times))
    return out


def _toll_class(text, q):
    """"dead" or "injured" when the words right after ("25 people died") or just before ("killed
    25", "a death toll of 25") the number say so."""
    for rx_window in ((q.end, q.end + 45), (max(0, q.start - 25), q.start)):
        for c, rx in _CLASSES.items():
            if rx.search(text, *rx_window):
                return c
    return None


def check(doc, rule):
    need, share_min = rule.options["min_shared"], rule.options["min_share"]
    by_key = defaultdict(list)
    for m in _mentions(doc):
        by_key[m[0]].append(m)
    for key, ms in by_key.items():
        if len(ms) < 2 or len({round(m[1].value, 6) for m in ms}) > 2:
            continue
        for i, (_, qa, sa, ka, ta) in enumerate(ms):
            hit = next((m for m in ms[i + 1:] if _conflict(doc, qa, sa, ka, ta, m, ms, need, share_min)), None)
            if hit:
                _, qb, sb, _, _ = hit
                a = (sa.start + qa.start, sa.start + qa.end)
                b = (sb.start + qb.start, sb.start + qb.end)
                what = key[1]
                yield from pair(doc, rule, a, b, f'"{qa.words}" {what}', f'"{qb.words}"')
                break


def _conflict(doc, qa, sa, ka, ta, other, mentions, need, share_min):
    _, qb, sb, kb, tb = other
    if sb is sa or qa.compatible(qb) or (ta and tb and ta != tb) or _paragraph(doc, sa) == _paragraph(doc, sb):
        return False
    # a sentence that also states a compatible value confirms the fact rather than contradicting it
    if any(m[2] in (sa, sb) and (m[1].compatible(qa) if m[2] is sb else m[1].compatible(qb))
           for m in mentions if m[1] not in (qa, qb)):
        return False
    # shares of survey answers differ by question: percentages need closer sentences
    return _same(ka, kb, need, max(share_min, 0.7) if qa.unit == "%" else share_min)


def _paragraph(doc, sent):
    import bisect
    starts = doc.__dict__.setdefault("_paragraph_starts", [p.start for p in doc.paragraphs])
    return bisect.bisect_right(starts, sent.start)


def _same(ka, kb, need, share_min):
    shared, share = overlap(ka, kb)
    return shared >= need and share >= share_min
