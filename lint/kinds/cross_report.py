"""cross-report: reports of the same story in one run that disagree on their figures.

Run over a folder or a corpus, seedlint compares documents that tell the same story (they
share most of their main names and their datelines, when they have one, are within
``max_days`` of each other) and reports, on each, the death and injury tolls that another
report gives differently: seeds 000, 002 and 003 give "more than 380,000", "more than 400,000"
and "an estimated half a million" dead for the same war. Across sources, "more than 380,000"
and "more than 400,000" are different figures worth a look even though each is a lower bound,
so any difference over ``min_difference`` is reported, as ``info``: the reader decides which
source to trust. A single document is never reported.

Works in two steps (see lint/engine.py): ``summarize`` keeps a few names, the dateline and the
tolls of each document; ``check_corpus`` compares them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date

from ..facts.dates import dateline
from ..facts.names import names_of
from ..finding import Finding
from . import Option
from .quantity import _mentions
from ..facts import has_match, lazy_re

OPTIONS = {
    "max_days": Option(int, 10, doc="datelines further apart are different stories"),
    "min_shared": Option(float, 0.4, doc="share of main names two reports must have in common"),
    "min_difference": Option(float, 0.02, doc="relative difference between two figures worth reporting"),
    "top_names": Option(int, 10),
    "max_name_reports": Option(int, 500, doc="a name in more reports of the run than this (a head of state "
                               "across a whole news corpus) links none of them: keeps the pass near-linear"),
}
SCOPES = ()
TEXT_EXAMPLES = False  # needs several documents: tested in tests/test_contra_corpus.py

_TOLLS = ("dead", "injured")


def check(doc, rule):
    return ()


_TOLL_WORDS = (  # every toll word begins with one of these
    "killed", "dead", "died", "death", "lives", "fatalities", "injured", "wounded")
_TOLL_WORD = lazy_re(r"\b(?:killed|dead|died|deaths?|death toll|lives|fatalities|injured|wounded)\b")


def _is_toll(key):
    return key[1] in _TOLLS and not key[0]  # counted people, no currency or percentage


def summarize(doc, rule):
    figures = []
    for m in _mentions(doc, _is_toll, tolls=True):
        q, sent = m.q, m.sent
        s, e = sent.start + q.start, sent.start + q.end
        line, col = doc.position(s)
        words = q.words[0].lower() + q.words[1:] if q.words[1:2].islower() else q.words
        figures.append((m.key[1], q.value, words, line, col, col + (e - s), doc.text[s:e]))
    if not figures or not has_match(_TOLL_WORD, doc.text, _TOLL_WORDS):
        return None  # nothing to compare: no names are read
    names = main_names(doc, rule.options["top_names"])
    head = dateline(doc)
    return {"names": names, "date": head.date().isoformat() if head else None, "figures": figures}


def main_names(doc, top: int) -> list[str]:
    """The surnames a report keeps coming back to (used twice or more): what the story is about."""
    counts = Counter(n.tokens[-1] for n in names_of(doc) if not n.sentence_start or len(n.tokens) > 1)
    return [n for n, c in counts.most_common(top) if c >= 2]


def check_corpus(items, rule):
    opts = rule.options
    docs = [(path, record, s) for path, record, s in items if s and s["figures"] and s["names"]]
    stories = list(map(story_of, docs))
    out = []
    for i, others in reports_sharing_names(docs, opts["max_name_reports"]):
        path, record, s = docs[i]
        for j in others:
            o_path, o_record, o = docs[j]
            if not same_story(stories[i], stories[j], opts):
                continue
            for cls in _TOLLS:
                mine = [f for f in s["figures"] if f[0] == cls]
                theirs = [f for f in o["figures"] if f[0] == cls]
                if not mine or not theirs:
                    continue
                a, b = mine[0], theirs[0]
                if abs(a[1] - b[1]) <= opts["min_difference"] * max(a[1], b[1]):
                    continue
                other = f"{o_path}" + (f" [{o_record}]" if o_record else "")
                msg = rule.format(this=a[2], other=b[2], toll=cls, other_doc=other, other_line=b[3])
                out.append(Finding(path=path, line=a[3], column=a[4], end_line=a[3], end_column=a[5],
                                   rule=rule.id, category=rule.category, severity=rule.severity, message=msg,
                                   excerpt=a[6], record=record,
                                   related=[{"path": o_path, "record": o_record, "line": b[3], "column": b[4],
                                             "end_column": b[5], "excerpt": b[6], "message": f"says {b[2]}"}]))
    return out


def reports_sharing_names(docs, max_reports: int):
    """(i, the indices of the other reports sharing one of report i's main names, in order) for
    each ``(path, record, summary)`` of ``docs``. Reports are found through an index of names,
    not by comparing every pair; a name in more than ``max_reports`` reports links none."""
    by_name = defaultdict(list)
    for i, (_, _, s) in enumerate(docs):
        for n in s["names"]:
            by_name[n].append(i)
    for i, (_, _, s) in enumerate(docs):
        others = set()
        for n in s["names"]:
            if len(by_name[n]) <= max_reports:
                others.update(by_name[n])
        others.discard(i)
        yield i, sorted(others)


def story_of(item):
    """(main names, dateline date or None) of a ``(path, record, summary)``: what `same_story`
    compares, read once per report rather than once per pair."""
    s = item[2]
    return frozenset(s["names"]), date.fromisoformat(s["date"]) if s["date"] else None


def same_story(a, b, opts):
    """Two reports (`story_of`) of one story: most main names shared, datelines close."""
    na, nb = a[0], b[0]
    shared = len(na & nb)
    if shared < opts["min_shared"] * min(len(na), len(nb)) or shared < 2:
        return False
    if a[1] and b[1]:
        return abs((a[1] - b[1]).days) <= opts["max_days"]
    return True
