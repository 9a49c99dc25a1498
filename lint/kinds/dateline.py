"""dateline: the article's own date contradicts how the text speaks about time.

An article dated Saturday 11 January 2020 cannot announce a meeting "on Wednesday" as still to
come when the text itself puts that Wednesday on 8 January 2020: the body was written before
the date it carries (a republished or re-dated story). The kind finds the dateline (a full
date on a short line among the first lines), then every sentence that speaks of a weekday in
the future ("will", "is scheduled to", "is due to", "next") and reports it when a date written
in the text falls on that weekday in the week before the dateline.
"""

from __future__ import annotations

import re

from ..facts.dates import WEEKDAYS, dateline, dates_of
from ..facts.report import related
from ..facts import finditer_at, folded_of, has_match, lazy_re, matches_at
from ..facts.spans import spans_of

OPTIONS = {}
SCOPES = ()

_FUTURE = lazy_re(r"\b(?:will|shall|'ll|(?:is|are) (?:scheduled|due|expected|set|slated|poised|going) to"
                     r"|plans? to|upcoming|later this week)\b", re.I)
_FUTURE_STARTS = ["will", "shall", "'ll", "plan", "upcoming", "later this week"] + [
    f"{be} {what}" for be in ("is", "are") for what in "scheduled due expected set slated poised going".split()]
_WEEKDAY = lazy_re(r"\b(?:on|this|next|until|by) ((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
_WEEKDAY_STEMS = tuple(w[:-3] for w in WEEKDAYS)
_BEFORE_WEEKDAY = ("on ", "this ", "next ", "until ", "by ")


def _futures(text, low, start):
    """``_FUTURE.finditer(text, start)``, at the places its first words are found."""
    return finditer_at(_FUTURE, text, _FUTURE_STARTS, start, low=low)


def _weekday_refs(text, low, start):
    """``_WEEKDAY.finditer(text, start)``: each match holds a weekday, found by its "day"."""
    if low is None:
        yield from _WEEKDAY.finditer(text, start)
        return
    spots = []
    i = low.find("day", start)
    while i >= 0:
        for stem in _WEEKDAY_STEMS:
            if low.endswith(stem, start, i):
                w = i - len(stem)
                spots += [w - len(b) for b in _BEFORE_WEEKDAY if w - len(b) >= start and low.startswith(b, w - len(b))]
        i = low.find("day", i + 1)
    yield from matches_at(_WEEKDAY, text, spots, start)


def check(doc, rule):
    head = dateline(doc)
    if head is None:
        return
    low = folded_of(doc)
    if next(_weekday_refs(doc.text, low, head.end), None) is None or not has_match(
            _FUTURE, doc.text, _FUTURE_STARTS, head.end, low):
        return  # (has_match stops at the first future word: _futures would search for them all)
    dates = dates_of(doc)
    today = head.date()
    by_weekday = {}
    for d in dates:
        day = d.date(today.year)
        if day and 0 < (today - day).days <= 6:
            by_weekday.setdefault(day.weekday(), (d, day))
    if not by_weekday:
        return
    for sent in _future_sentences(doc, head.end):
        for m in _WEEKDAY.finditer(sent.text):
            wd = WEEKDAYS.index(m.group(1).lower())
            if wd not in by_weekday:
                continue
            d, day = by_weekday[wd]
            s, e = sent.start + m.start(1), sent.start + m.end(1)
            f = rule.finding(doc, s, e, weekday=m.group(1), dateline=doc.text[head.start:head.end],
                             dateline_line=doc.position(head.start)[0], date=doc.text[d.start:d.end],
                             date_line=doc.position(d.start)[0])
            f.related.append(related(doc, head.start, head.end, "the dateline"))
            f.related.append(related(doc, d.start, d.end, f"{m.group(1)} was {day:%d %B %Y}"))
            yield f


def _future_sentences(doc, after):
    """The sentences that begin after ``after`` and speak of the future, in order: found from
    the matches in the whole text (a match never crosses a sentence), so that only their
    paragraphs are split into sentences."""
    sents, seen = spans_of(doc), set()
    for m in _futures(doc.text, folded_of(doc), after):
        sent = sents.holding(m.start(), m.end())
        if sent is not None and sent.start > after and sent.start not in seen:
            seen.add(sent.start)
            yield sent
