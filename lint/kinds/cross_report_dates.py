"""cross-report-dates: reports of the same story in one run that date its lead event differently.

Run over a folder or a corpus, seedlint compares documents that tell the same story (the same
test as ``cross-report``: most main names shared, datelines close) and reports, on each, the
other report that puts the lead event on another day ("met on Tuesday" in a report dated
Saturday 11 January 2020 against "met on Wednesday" in one dated 8 January 2020).

The lead event's date is read conservatively, and a document is left out whenever it is not
clear: it is the first date reference in the first two prose paragraphs, either a written date
("January 7, 2020"; without a year, the year that puts it nearest the dateline) or a bare
weekday ("on Tuesday") resolved against the document's own dateline to that weekday in the six
days up to the dateline, as news speaks of the past week. A weekday with a qualifier ("next",
"last", "this", "until"), in a name ("the Sunday Times"), in a sentence about the future, or
with no dateline to resolve it, leaves the document out. Two lead dates more than ``max_apart``
days apart are two events, not one event dated differently. Findings are ``info``: the reader
decides which source is right.

The reports are kept as ``cross-report`` keeps them (`cross_report.Reports`): in memory up to a
limit, on disk past it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..facts import digit_runs_of, folded_of, lazy_re, matches_at
from ..facts.dates import WEEKDAYS, dateline, find_dates
from ..facts.spans import spans_of
from ..finding import Finding
from . import Option, cross_report
from .cross_report import Reports, main_names
from .dateline import _FUTURE

# the same-story test takes cross-report's options, so both rules group reports alike
OPTIONS = {name: cross_report.OPTIONS[name] for name in ("max_days", "min_shared", "top_names", "max_name_reports")}
OPTIONS["max_apart"] = Option(int, 6, doc="lead dates further apart are different events, not a disagreement")
SCOPES = ()
TEXT_EXAMPLES = False  # needs several documents: tested in tests/test_contra_cross_dates.py

_WEEKDAY = lazy_re(r"\b(?:(next|last|this|coming|following|past|previous|every|each|until|till|by|from|since)\s+)?"
                   r"((?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
# a weekday in a name ("the Sunday Times", "Super Tuesday", "Good Friday") is no reference to a day
_NAMED_BEFORE = lazy_re(r"\b(?:super|good|black|cyber|ash|holy|maundy|shrove|bloody|easter|palm|whit)\s+$", re.I)
_NAMED_AFTER = lazy_re(r"[ \t]+[A-Z]")
_PROSE_END = lazy_re(r"[.!?][\"'”’)\]*]*\s*$")
# a wire dateline inside the lead ("DAMASCUS, Jan 7 (Reuters) -") is the report's date, not the event's
_WIRE = lazy_re(r"\s*(?:\([^)\n]{1,40}\))?\s*[-–—]")
_LEAD_PARAGRAPHS = 2
_MIN_PROSE_WORDS = 8


def check(doc, rule):
    return ()


def summarize(doc, rule):
    head = dateline(doc)
    lead = _lead_date(doc, head)
    if lead is None:
        return None
    day, start, end = lead
    names = main_names(doc, rule.options["top_names"])
    if len(names) < 2:
        return None  # too few names to tell the story
    line, col = doc.position(start)
    return {"names": names, "date": head.date().isoformat() if head else None, "lead": day.isoformat(),
            "line": line, "column": col, "end_column": col + (end - start), "excerpt": doc.text[start:end]}


def _lead_date(doc, head):
    """(date, start, end) of the lead event's first date reference, or None when unclear."""
    today = head.date() if head else None
    seen = 0
    for para_start, para_end, para_text in _lines(doc.text):
        if seen == _LEAD_PARAGRAPHS:
            return None
        if head and para_start <= head.start < para_end or not _is_prose(para_text):
            continue
        seen += 1
        refs = [(d.start, d.end, d) for d in find_dates(doc.text, para_start, para_end, folded_of(doc),
                                                        digit_runs_of(doc))]
        refs += [(m.start(), m.end(), m) for m in _weekdays(doc.text, folded_of(doc), para_start, para_end)
                 if not any(s <= m.start() < e for s, e, _ in refs)]  # "Tuesday, January 7": the date
        for start, end, ref in sorted(refs, key=lambda r: r[0]):
            if isinstance(ref, re.Match):
                return _weekday(doc, ref, today)
            if _WIRE.match(doc.text, end) and start - para_start < 60:
                continue  # the wire dateline: the next reference dates the event
            day = _resolve(ref, today)
            return (day, start, end) if day else None
    return None


_QUALIFIERS = ("next last this coming following past previous every each until till by from since").split()
_WEEKDAY_STEMS = tuple(w[:-3] for w in WEEKDAYS)


def _weekdays(text, low, start, end):
    """``_WEEKDAY.finditer(text, start, end)``: tried only at each weekday (found by its "day")
    and at a qualifier word before it."""
    if low is None:
        yield from _WEEKDAY.finditer(text, start, end)
        return
    spots = []
    i = low.find("day", start, end)
    while i >= 0:
        for stem in _WEEKDAY_STEMS:
            if low.endswith(stem, start, i):
                w = i - len(stem)
                spots.append(w)
                k = w
                while k > start and low[k - 1].isspace():
                    k -= 1
                if k < w:
                    spots += [k - len(q) for q in _QUALIFIERS if low.endswith(q, start, k)]
        i = low.find("day", i + 1, end)
    yield from matches_at(_WEEKDAY, text, spots, start, end)


def _lines(text):
    """(start, end, text) of each non-blank line, lazily: the lead is in the first few, and a
    prose paragraph of a news text is one line (a hard-wrapped line is not prose-shaped and is
    passed over), so the document's full paragraph split is not needed here."""
    pos, n = 0, len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if text[pos:end].strip():
            yield pos, end, text[pos:end]
        pos = end + 1


def _is_prose(text):
    return len(text.split()) >= _MIN_PROSE_WORDS and _PROSE_END.search(text) is not None


def _weekday(doc, m, today):
    if today is None or m.group(1):
        return None  # no dateline to count from, or "next/last/until Tuesday": not clear enough
    if _NAMED_AFTER.match(doc.text, m.end()) or _NAMED_BEFORE.search(doc.text[max(0, m.start() - 10):m.start()]):
        return None
    sent = spans_of(doc).holding(m.start())
    if sent is not None and _FUTURE.search(sent.text):
        return None
    back = (today.weekday() - WEEKDAYS.index(m.group(2).lower())) % 7
    return today - dt.timedelta(days=back), m.start(2), m.end(2)


def _resolve(mention, today):
    if mention.year:
        return mention.date()
    if today is None:
        return None
    days = [mention.date(today.year + k) for k in (-1, 0, 1)]
    days = [d for d in days if d]
    return min(days, key=lambda d: abs((d - today).days)) if days else None


def check_corpus(items, rule):
    opts = rule.options
    out = []
    with Reports((item for item in items if item[2]), opts["max_name_reports"]) as reports:
        for (path, record, s), others in reports.stories(opts):
            mine = dt.date.fromisoformat(s["lead"])
            for o_path, o_record, o in others:
                if o["lead"] == s["lead"]:
                    continue
                theirs = dt.date.fromisoformat(o["lead"])
                if abs((mine - theirs).days) > opts["max_apart"]:
                    continue
                other = f"{o_path}" + (f" [{o_record}]" if o_record else "")
                msg = rule.format(this=_spoken(mine), other=_spoken(theirs), other_doc=other, other_line=o["line"])
                out.append(Finding(path=path, line=s["line"], column=s["column"], end_line=s["line"],
                                   end_column=s["end_column"], rule=rule.id, category=rule.category,
                                   severity=rule.severity, message=msg, excerpt=s["excerpt"], record=record,
                                   related=[{"path": o_path, "record": o_record, "line": o["line"],
                                             "column": o["column"], "end_column": o["end_column"],
                                             "excerpt": o["excerpt"], "message": f"puts it on {_spoken(theirs)}"}]))
    return out


def _spoken(day):
    return f"{day:%A} {day.day} {day:%B %Y}"
