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
tolls of each document; ``check_corpus`` compares them. Scale: the reports with tolls and names
are kept, with an index from their names to them, in memory for the run's first `MEMORY_DOCS`
such reports and on disk past them (`Reports`, `lint.corpus.index`), so memory stays bounded
whatever the corpus size; only reports sharing two names are read back and compared.
"""

from __future__ import annotations

import pickle
from collections import Counter
from datetime import date
from hashlib import blake2b

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
    qualifying = (item for item in items if item[2] and item[2]["figures"] and item[2]["names"])
    out = []
    with Reports(qualifying, opts["max_name_reports"]) as reports:
        for (path, record, s), others in reports.stories(opts):
            for o_path, o_record, o in others:
                out += _disagreements(path, record, s, o_path, o_record, o, rule)
    return out


def _disagreements(path, record, s, o_path, o_record, o, rule):
    """The findings on report ``s`` for the tolls that report ``o`` gives differently."""
    opts, out = rule.options, []
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


MEMORY_DOCS = 20_000  # reports kept in memory (a pickled summary each, a few hundred bytes); past them, on disk


class Reports:
    """The run's ``(path, record, summary)`` reports, numbered in input order, and an index from
    their main names to them, held by `lint.corpus.index.DocIndex`: in memory for the first
    `MEMORY_DOCS` reports, on disk past them, so the corpus pass's memory stays bounded whatever
    the corpus size; the answers are the same either way. A report is kept as its story (`_pack`:
    read for every pair, decoded cheaply) followed by the item, pickled (decoded only for the
    pairs of one story). Names are filed under a 64-bit hash (the disk index keys are integers):
    two names colliding, about once in 10^7 runs of ten million distinct names, could only add
    pairs for `same_story` to judge. A context manager: the index (a temporary folder past the
    limit) is closed on leaving, also on an error."""

    def __init__(self, items, max_reports: int):
        from ..corpus.index import DocIndex

        self.cap = max_reports
        self.index = DocIndex(MEMORY_DOCS)
        self.count = 0
        try:
            for item in items:
                self.index.add(self.count, _pack(item), _name_keys(item[2]["names"]))
                self.count += 1
            self.index.build(max_reports)
        except BaseException:
            self.close()  # the caller gets no object to close
            raise

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.index.close()

    def stories(self, opts):
        """(item, [the items of the other reports of its story (`same_story`)]) for each report,
        in order. Only reports sharing two names (`sharing_names`) are read back."""
        for i in range(self.count):
            blob = self.index.record(i)
            item, story = _item(blob), _story(blob)
            others = self.sharing_names(i, item[2]["names"], least=2)  # same_story needs two
            yield item, [_item(b) for b in self.index.records(others) if same_story(story, _story(b), opts)]

    def sharing_names(self, i: int, names, least: int = 1) -> list[int]:
        """The other reports that share with report ``i`` (main names ``names``) one name found in
        at most ``max_reports`` reports and, counting the names found in more (not looked up) as
        shared, at least ``least`` names, in order."""
        counts: Counter = Counter()
        skipped = 0
        for n_docs, docs in self.index.postings(_name_keys(names)):
            if n_docs > self.cap:
                skipped += 1
                continue
            counts.update(docs)  # counted in C
        need = max(least - skipped, 1)
        return sorted(j for j, c in counts.items() if c >= need and j != i)


def _pack(item) -> bytes:
    """A report as its dateline (4 bytes: the date's ordinal, 0 for none), the length of its
    main names (2 bytes), the names (UTF-8, one per line: a name is a word, never a line break)
    and the item, pickled."""
    s = item[2]
    names = "\n".join(s["names"]).encode("utf-8", "surrogatepass")
    day = date.fromisoformat(s["date"]).toordinal() if s.get("date") else 0
    return day.to_bytes(4, "little") + len(names).to_bytes(2, "little") + names + pickle.dumps(item, pickle.HIGHEST_PROTOCOL)


def _story(blob: bytes):
    """(main names, dateline date or None) of a `_pack`ed report: what `same_story` compares.
    The names stay bytes (the same intersections as the strings)."""
    day, n = int.from_bytes(blob[:4], "little"), int.from_bytes(blob[4:6], "little")
    return frozenset(blob[6:6 + n].split(b"\n")) if n else frozenset(), date.fromordinal(day) if day else None


def _item(blob: bytes):
    return pickle.loads(blob[6 + int.from_bytes(blob[4:6], "little"):])


def _name_keys(names) -> list[int]:
    return [int.from_bytes(blake2b(n.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little", signed=True)
            for n in dict.fromkeys(names)]  # a name given twice is one name


def reports_sharing_names(docs, max_reports: int):
    """(i, the indices of the other reports sharing one of report i's main names, in order) for
    each ``(path, record, summary)`` of ``docs``. Reports are found through an index of names,
    not by comparing every pair; a name in more than ``max_reports`` reports links none."""
    with Reports(docs, max_reports) as reports:
        for i, (_, _, s) in enumerate(docs):
            yield i, reports.sharing_names(i, s["names"])


def same_story(a, b, opts):
    """Two reports (`_story`) of one story: most main names shared, datelines close."""
    na, nb = a[0], b[0]
    shared = len(na & nb)
    if shared < opts["min_shared"] * min(len(na), len(nb)) or shared < 2:
        return False
    if a[1] and b[1]:
        return abs((a[1] - b[1]).days) <= opts["max_days"]
    return True
