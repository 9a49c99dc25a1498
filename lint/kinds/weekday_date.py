"""weekday-date: a weekday that does not fall on the date it is written with.

"Wednesday, March 3, 2015" names a Wednesday, but 3 March 2015 was a Tuesday: one of the two
was edited or copied from another story. Dates written without a year are checked against the
article's own year (its dateline, else its latest fully written date) only when the option
``assume_year`` is on; the message names the weekday the date really falls on.
"""

from __future__ import annotations

from ..facts.dates import WEEKDAYS, find_dates, reference_year
from . import Option

OPTIONS = {"assume_year": Option(bool, True, doc="check year-less dates against the article's year")}


def check(doc, rule):
    text = doc.text
    low = text.lower()
    if "day" not in low:
        return
    dates = [d for d in find_dates(text)]
    year = reference_year(doc, dates) if rule.options["assume_year"] else None
    for d in dates:
        if d.weekday is None:
            continue
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
