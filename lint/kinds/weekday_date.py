"""weekday-date: a weekday that does not fall on the date it is written with.

"Wednesday, March 3, 2015" names a Wednesday, but 3 March 2015 was a Tuesday: one of the two
was edited or copied from another story. Dates written without a year are checked against the
article's own year (its dateline, else its latest fully written date) only when the option
``assume_year`` is on; the message names the weekday the date really falls on.
"""

from __future__ import annotations

import re

from ..facts.dates import WEEKDAYS, dates_of, find_dates, reference_year
from . import Option
from ..facts import folded_of, lazy_re, matches_at

_WEEKDAY = lazy_re(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)
_STEMS = tuple(w[:-3] for w in WEEKDAYS)
OPTIONS = {"assume_year": Option(bool, True, doc="check year-less dates against the article's year")}


def check(doc, rule):
    text = doc.text
    # only dates written with a weekday: parse at each weekday rather than the whole text
    low = folded_of(doc)
    if low is None:
        weekdays = _WEEKDAY.finditer(text)
    else:  # every weekday ends in "day": one substring search, then the word before it
        spots = []
        i = low.find("day")
        while i >= 0:
            spots += [i - len(stem) for stem in _STEMS if low.endswith(stem, 0, i)]
            i = low.find("day", i + 1)
        weekdays = matches_at(_WEEKDAY, text, spots)
    dated = [d for m in weekdays for d in find_dates(text, m.start(), m.start() + 40, low)[:1]
             if d.start == m.start() and d.weekday is not None]
    if not dated:
        return
    year = None
    if rule.options["assume_year"] and any(d.year is None for d in dated):
        year = reference_year(doc, dates_of(doc))
    for d in dated:
        real = d.date(year)
        if real is None or real.weekday() == d.weekday:
            continue
        said = text[d.start:d.weekday_end]
        date_text = text[d.weekday_end:d.end].strip(" ,")
        f = rule.finding(doc, d.start, d.end, weekday=said, date=date_text,
                         actual=WEEKDAYS[real.weekday()].capitalize(), year=real.year)
        f.related.append({"line": doc.position(d.weekday_end)[0], "message": f"{date_text} {real.year} was a "
                          f"{WEEKDAYS[real.weekday()].capitalize()}"})
        yield f
