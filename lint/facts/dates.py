"""Explicit dates ("Tuesday, March 3, 2015", "11 Jan 2020"), years and the document's own date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from . import digit_runs, digit_runs_of, folded, folded_of, lazy_re, memo

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_DATE = lazy_re(
    # the lookahead lets the engine skip most positions at once
    rf"(?=[0-9JFMASONDTWjfmasondtw])\b(?:(?P<wd>{_WD}),?\s+(?:the\s+)?)?"
    rf"(?:(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>(?:19|20)\d\d)\b)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MON})\b\.?(?:,?\s+(?P<y2>(?:19|20)\d\d)\b)?)",
    re.I)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    weekday: int | None  # 0 = Monday, as written
    weekday_end: int  # offset just past the weekday word (start when none)
    month: int
    day: int
    year: int | None  # as written

    def date(self, year=None) -> dt.date | None:
        try:
            return dt.date(self.year or year, self.month, self.day) if (self.year or year) else None
        except ValueError:
            return None


def find_dates(text: str, start: int = 0, end: int | None = None, low: str | None | bool = False,
               runs=None) -> list[DateMention]:
    """Dates written in ``text[start:end]``. ``low``: ``folded(text)`` when the caller has it;
    ``runs``: ``digit_runs(text)``, likewise."""
    out = []
    end = len(text) if end is None else end
    for m in _date_matches(text, start, end, low, runs):
        mon = (m["m1"] or m["m2"]).lower().rstrip(".")
        # "may" is also a verb: only with a day that reads as a date ("May 5", "5 May")
        if mon == "may" and not (m["y1"] or m["y2"] or m["wd"]) and text[m.start():m.start() + 1].islower():
            continue
        month = MONTHS.get(mon) or MONTHS.get(mon[:3])
        day = int(m["d1"] or m["d2"])
        if not month or not 1 <= day <= 31:
            continue
        wd = m["wd"]
        year = m["y1"] or m["y2"]
        out.append(DateMention(m.start(), m.end(), WEEKDAYS.index(wd.lower()) if wd else None,
                               m.start() + len(wd) if wd else m.start(), month, day, int(year) if year else None))
    return out


def dates_of(doc) -> list[DateMention]:
    return memo(doc, "dates", lambda d: find_dates(d.text, low=folded_of(d), runs=digit_runs_of(d)))


_WEEKDAY_STEMS = tuple(w[:-3] for w in WEEKDAYS)
# every spelling _MON accepts, lower case
_MONTH_FORMS = tuple(sorted({m + tail for m, tails in (
    ("jan", ("", "uary")), ("feb", ("", "ruary")), ("mar", ("", "ch")), ("apr", ("", "il")), ("may", ("",)),
    ("jun", ("", "e")), ("jul", ("", "y")), ("aug", ("", "ust")), ("sep", ("", "t", "ember", "tember")),
    ("oct", ("", "ober")), ("nov", ("", "ember")), ("dec", ("", "ember"))) for tail in tails}))


def _date_matches(text, start, end, low, runs=None):
    """``_DATE.finditer(text, start, end)``, faster: every match begins at a weekday, or holds a
    day number of one or two digits, where the match begins ("5 March", "5th of March"), or
    after a month word, a "." and blanks ("March 5"): these places are found from the digit
    runs (``digit_runs``, ``runs`` when the caller has them for the whole text) and a substring
    search for "day" in the lower-cased text, and the pattern is tried there only."""
    if low is None or end - start < 400:  # lower-casing moved offsets, or a few words: the plain scan
        yield from _DATE.finditer(text, start, end)
        return
    if low is False:
        low = folded(text)
        if low is None:
            yield from _DATE.finditer(text, start, end)
            return
    if runs is None:
        runs = digit_runs(text, start, end)
    else:
        # as if found in text[start:end]: a run that the end cuts is shorter
        runs = [(s, min(e, end)) for s, e in runs[bisect.bisect_left(runs, (start,)):bisect.bisect_left(runs, (end,))]]
    spots = set()
    for s, e in runs:
        if e - s > 2:
            continue  # no day number ("\d{1,2}" then a suffix or a blank)
        spots.add(s)  # a day before its month
        k = _space_back(low, s, start)
        if k == s or k == start:
            continue
        for month_end in (k, k - 1) if low[k - 1] == "." else (k,):
            if low.endswith(_MONTH_FORMS, start, month_end):  # a month before its day
                spots.update(month_end - len(f) for f in _MONTH_FORMS if low.endswith(f, start, month_end))
    if not spots:
        return  # no day number: no date
    find = low.find
    i = find("day", start, end)
    while i >= 0:
        spots.update(i - len(w) for w in _WEEKDAY_STEMS if low.endswith(w, start, i))
        i = find("day", i + 1, end)
    last = start
    match = _DATE.match
    for i in sorted(spots):
        if i < last:
            continue  # inside the previous match, as finditer would skip it
        m = match(text, i, end)
        if m and m.end() > i:
            last = m.end()
            yield m


def _space_back(low, k, start):
    while k > start and low[k - 1].isspace():
        k -= 1
    return k


def dateline(doc, dates=None) -> DateMention | None:
    """The document's own date: a full date on a short line among the first lines."""
    if dates is None:  # several rules ask: read the first lines once
        return memo(doc, "dateline", lambda d: _dateline(d, find_dates(
            d.text, 0, d.line_starts[min(9, len(d.line_starts) - 1)], low=folded_of(d), runs=digit_runs_of(d))))
    return _dateline(doc, dates)


def _dateline(doc, dates):
    starts, text = doc.line_starts, doc.text
    for d in dates:
        i = doc.position(d.start)[0] - 1
        if i > 8:
            break
        if d.year and len(text[starts[i]:starts[i + 1] - 1 if i + 1 < len(starts) else len(text)].split()) <= 10 \
                and d.date():
            return d
    return None


def reference_year(doc, dates) -> int | None:
    """The year the article speaks from: its dateline, else its latest fully written date."""
    d = dateline(doc, dates)
    if d:
        return d.year
    years = [x.year for x in dates if x.year and x.date()]
    return max(years) if years else None
