"""Explicit dates ("Tuesday, March 3, 2015", "11 Jan 2020"), years and the document's own date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from . import lazy_re

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


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    out = []
    for m in _DATE.finditer(text, start, len(text) if end is None else end):
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
    from . import memo
    return memo(doc, "dates", lambda d: find_dates(d.text))


def dateline(doc, dates=None) -> DateMention | None:
    """The document's own date: a full date on a short line among the first lines."""
    if dates is None:
        dates = find_dates(doc.text, 0, doc.line_starts[min(9, len(doc.line_starts) - 1)])
    for d in dates:
        line = doc.lines[doc.position(d.start)[0] - 1]
        if line.index > 8:
            break
        if d.year and len(line.words) <= 10 and d.date():
            return d
    return None


def reference_year(doc, dates) -> int | None:
    """The year the article speaks from: its dateline, else its latest fully written date."""
    d = dateline(doc, dates)
    if d:
        return d.year
    years = [x.year for x in dates if x.year and x.date()]
    return max(years) if years else None
