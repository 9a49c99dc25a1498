"""Fact extraction shared by the contradiction and consistency kinds: dates, numbers, names.

Everything here is regex-driven and cheap (the default pass must run at several MB/s); each
extractor returns plain tuples/dataclasses with character offsets into ``doc.text``.
"""

from operator import methodcaller


def memo(doc, name, compute):
    """Compute a fact table once per document, whichever rule asks first."""
    cache = doc.__dict__.setdefault("_facts", {})
    if name not in cache:
        cache[name] = compute(doc)
    return cache[name]


def memoised(doc, name) -> bool:
    """Whether ``memo`` already holds ``name`` for ``doc`` (a rule may then take the full table
    instead of computing a cheaper partial one)."""
    return name in doc.__dict__.get("_facts", ())


class lazy_re:
    """A regular expression compiled on first use, so that importing the kinds stays fast."""

    def __init__(self, pattern, flags=0):
        self.pattern, self.flags, self._rx = pattern, flags, None

    def __getattr__(self, name):
        if self._rx is None:
            import re

            self._rx = re.compile(self.pattern, self.flags)
        value = getattr(self._rx, name)
        setattr(self, name, value)  # the next look-up skips this method
        return value


def folded(text: str) -> str | None:
    """``text`` lower-cased with the same offsets (ſ/ı folded as ``re.I`` does), or None when
    lower-casing would move offsets ("İ" becomes two characters)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if "ſ" in low or "ı" in low:
        low = low.replace("ſ", "s").replace("ı", "i")
    return low


def folded_of(doc) -> str | None:
    return memo(doc, "folded", lambda d: folded(d.text))


_DIGIT_RUN = lazy_re(r"\d+")
_SPAN = methodcaller("span")


def digit_runs(text: str, start: int = 0, end: int | None = None) -> list:
    r"""(start, end) of every run of digits (``\d``) in ``text[start:end]``: one scan of the text
    that the number, ordinal and date finders share (each of their matches holds a digit run,
    mostly at its start, and a regex that opens with ``\d`` is as slow to run as this)."""
    return list(map(_SPAN, _DIGIT_RUN.finditer(text, start, len(text) if end is None else end)))


def digit_runs_of(doc) -> list:
    return memo(doc, "digit runs", lambda d: digit_runs(d.text))


def finditer_at(rx, text, literals, start=0, low=None, spots=()):
    """The matches of ``rx.finditer(text, start)`` for a pattern whose every match begins with
    one of ``literals``: ``str.find`` locates them (far faster than the regex engine trying
    every position) and the pattern is tried there. ``spots``, other places a match can begin
    that the caller found, may stand for or add to the literals. With ``low``
    (``folded(text)``) the literals are lower case and found case-blind, for ``re.I``
    patterns; ``low=None`` for an ``re.I`` pattern means lower-casing moved offsets, so the
    pattern scans as usual."""
    if rx.flags & 2 and low is None:  # re.I
        yield from rx.finditer(text, start)
        return
    hay = text if low is None else low
    spots = {i for i in spots if i >= start}
    find = hay.find
    for lit in literals:
        i = find(lit, start)
        while i >= 0:
            spots.add(i)
            i = find(lit, i + 1)
    yield from matches_at(rx, text, spots, start)


def has_match(rx, text, literals, start=0, low=None) -> bool:
    """``next(finditer_at(rx, text, literals, start, low), None) is not None``, stopping at the
    first place that matches (any match proves there is one)."""
    if rx.flags & 2 and low is None:  # re.I
        return rx.search(text, start) is not None
    hay = text if low is None else low
    find, match = hay.find, rx.match
    for lit in literals:
        i = find(lit, start)
        while i >= 0:
            m = match(text, i)
            if m and m.end() > i:
                return True
            i = find(lit, i + 1)
    return False


def matches_at(rx, text, spots, start=0, end=None):
    """The matches of ``rx.finditer(text, start, end)`` when every one begins at one of ``spots``."""
    last = start
    end = len(text) if end is None else end
    for i in sorted(spots):
        if i < last:
            continue  # inside the previous match, as finditer would skip it
        m = rx.match(text, i, end)
        if m and m.end() > i:
            last = m.end()
            yield m
