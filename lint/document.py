"""One parse of a document, shared by every check.

A `Document` holds the text (newlines normalised to ``\\n``; the original style is kept for
writing back) and lazily computed views of it: lines, paragraphs, sentences and Markdown
spans. Every view carries exact character offsets into ``text``; `Document.position` turns
an offset into a 1-based (line, column) pair, columns counted in code points.
Checks never re-read or re-split the text themselves: they ask the document.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, compress, count, repeat
from operator import add, itemgetter, not_
from dataclasses import dataclass

TERMINAL = ".!?\"'”’»…)]:;"


class cached_property:
    """``functools.cached_property`` without its lock: computed on first read and stored in the
    instance's ``__dict__``, which later reads find first. Before Python 3.12 the standard one
    takes a lock on every first read, a visible cost when each document computes a dozen views
    once each. (A document is never shared between threads while its views are computed.)"""

    def __init__(self, func):
        self.func, self.attrname, self.__doc__ = func, func.__name__, func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.attrname] = self.func(instance)
        return value


class Span(tuple):
    """A piece of the document: ``text == doc.text[start:end]``. Immutable; a tuple underneath
    (``(start, end, text, index)``) because documents build thousands of them and a tuple is
    built in C (see `_spans`)."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, text: str, index: int = 0):
        return tuple.__new__(cls, (start, end, text, index))

    start = property(itemgetter(0))
    end = property(itemgetter(1))
    text = property(itemgetter(2))
    index = property(itemgetter(3))  # position among its siblings (line number - 1, paragraph number, ...)

    @property
    def words(self) -> list[str]:
        return self.text.split()

    def __repr__(self):
        return f"Span(start={self[0]!r}, end={self[1]!r}, text={self[2]!r}, index={self[3]!r})"

    def __getnewargs__(self):
        return tuple(self)


def _spans(starts, ends, texts, indices) -> list[Span]:
    """Spans built in C, without a Python call per span."""
    return list(map(tuple.__new__, repeat(Span), zip(starts, ends, texts, indices)))


@dataclass(frozen=True)
class MarkdownSpan:
    """A Markdown construct: kind is heading|link|image|autolink|emphasis|code|list|quote|html."""

    kind: str
    start: int
    end: int
    text: str  # link text / heading text / emphasised text
    target: str = ""  # link or image URL


_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)")
# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep rev vs etc inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec no nos fig approx est dept univ mt ft
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
_MD_PATTERNS = [
    ("image", re.compile(r"!\[([^\]\n]*)\]\(([^)\n]*)\)")),
    ("link", re.compile(r"(?<!!)\[([^\]\n]*)\]\(([^)\s\n]*)(?:\s+\"[^\"\n]*\")?\)")),
    ("autolink", re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")),
    ("emphasis", re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")),
    ("code", re.compile(r"`([^`\n]+)`")),
    ("heading", re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?[ \t#]*$", re.M)),
    ("list", re.compile(r"^[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+(.*)$", re.M)),
    ("quote", re.compile(r"^[ \t]*>[ \t]?(.*)$", re.M)),
    ("html", re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]*)?/?>")),
]


class Document:
    """The parse of one text. ``path`` is how the user named it; ``record`` a corpus record id."""

    def __init__(self, text: str, path: str = "<string>", record: str | None = None):
        self.crlf = False
        if "\r" in text:
            self.crlf = "\r\n" in text
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.path = path
        self.record = record
        self.corpus = None  # set by the engine when corpus-level rules run (see lint.corpus)

    # -- offsets -------------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        # each line starts one past the previous line's end (summed in C)
        return list(accumulate(map(add, map(len, self.line_texts), repeat(1)), initial=0))[:-1]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count code points."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def offset(self, line: int, column: int = 1) -> int:
        return self.line_starts[line - 1] + column - 1

    # -- views ---------------------------------------------------------------------------
    @cached_property
    def has_links(self) -> bool:
        """Whether the text holds a Markdown link's "](" (asked by many rules: scanned once)."""
        return "](" in self.text

    @cached_property
    def line_texts(self) -> list[str]:
        """``lines[i].text`` for every line, without building the spans (cheaper)."""
        return self.text.split("\n")

    @cached_property
    def lines(self) -> list[Span]:
        """Every line without its newline; ``index`` is the line number minus one."""
        starts, texts = self.line_starts, self.line_texts
        return _spans(starts, map(add, starts, map(len, texts)), texts, range(len(texts)))

    def line(self, i: int) -> Span:
        """``lines[i]``, built alone when the full list has not been asked for."""
        lines = self.__dict__.get("lines")
        if lines is not None:
            return lines[i]
        s, t = self.line_starts[i], self.line_texts[i]
        return Span(s, s + len(t), t, i)

    @cached_property
    def _blank(self) -> list[bool]:
        # empty or only whitespace; strip() hands back the line itself when there is nothing to strip
        return list(map(not_, map(str.strip, self.line_texts)))

    def _line_runs(self):
        """(first, last) line indices of each run of non-blank lines."""
        blank = self._blank
        n, i = len(blank), 0
        index = blank.index
        while True:
            try:
                a = index(False, i)
            except ValueError:
                return
            try:
                b = index(True, a)
            except ValueError:
                b = n
            yield a, b - 1
            i = b

    @cached_property
    def blocks(self) -> list[Span]:
        """Runs of non-blank lines separated by blank lines."""
        starts, texts, text = self.line_starts, self.line_texts, self.text
        out = []
        for a, b in self._line_runs():
            s, e = starts[a], starts[b] + len(texts[b])
            out.append(Span(s, e, text[s:e], len(out)))
        return out

    @cached_property
    def paragraph_lines(self) -> list[tuple[int, int]]:
        """(first, last) line index of each paragraph: blank-line separated blocks, except that
        a block whose lines each read as a whole paragraph (one paragraph per line, as many
        scrapers write) is split per line. A hard-wrapped block (lines ending mid-sentence)
        stays one paragraph. (No spans are built: duplicate compares paragraphs by their lines.)"""
        filled = list(compress(count(), map(not_, self._blank)))
        if set(filled).isdisjoint(map(add, filled, repeat(1))):  # every block is one line (common)
            return list(zip(filled, filled))
        texts = self.line_texts
        pl = []
        for a, b in self._line_runs():
            if a < b and not _texts_hard_wrapped(texts[a:b + 1]):
                pl += zip(range(a, b + 1), range(a, b + 1))
            else:
                pl.append((a, b))
        return pl

    @cached_property
    def paragraphs(self) -> list[Span]:
        """Paragraphs (see `paragraph_lines`) as spans."""
        starts, texts = self.line_starts, self.line_texts
        pl = self.paragraph_lines
        ps = list(map(starts.__getitem__, map(itemgetter(0), pl)))
        pe = [starts[b] + len(texts[b]) for _, b in pl]
        text = self.text
        pt = [texts[a] if a == b else text[s:e] for (a, b), s, e in zip(pl, ps, pe)]
        return _spans(ps, pe, pt, range(len(ps)))

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences within paragraphs (a sentence never crosses a paragraph)."""
        bounds = sentence_bounds(self.text, [(p[0], p[1]) for p in self.paragraphs])
        ss, se = bounds[0::2], bounds[1::2]
        return _spans(ss, se, map(self.text.__getitem__, map(slice, ss, se)), range(len(ss)))

    @cached_property
    def markdown(self) -> list[MarkdownSpan]:
        """Markdown constructs with their offsets, sorted by start."""
        out = []
        text = self.text
        if not any(c in text for c in "[]<>*_`#>-+"):
            return out
        for kind, rx in _MD_PATTERNS:
            for m in rx.finditer(text):
                inner = m.group(2) if kind == "emphasis" else (m.group(1) if rx.groups else m.group())
                target = m.group(2) if kind in ("link", "image") else (m.group(1) if kind == "autolink" else "")
                out.append(MarkdownSpan(kind, m.start(), m.end(), inner or "", target or ""))
        out.sort(key=lambda s: (s.start, -s.end))
        return out

    def markdown_in(self, start: int, end: int, kinds: tuple[str, ...] = ()) -> list[MarkdownSpan]:
        return [m for m in self.markdown if m.start < end and start < m.end and (not kinds or m.kind in kinds)]

    def _lines_of(self, span: Span) -> list[Span]:
        first = self.position(span.start)[0] - 1
        last = self.position(span.end)[0] - 1
        return self.lines[first : last + 1]

    def lines_of(self, span: Span) -> list[Span]:
        return self._lines_of(span)

    @cached_property
    def words(self) -> int:
        return len(self.text.split())

    @cached_property
    def line_word_counts(self) -> list[int]:
        return [len(t.split()) if t.count(" ") < 200 else 10**6 for t in self.line_texts]

    def word_count(self, i: int) -> int:
        """``line_word_counts[i]``, without counting every line."""
        counts = self.__dict__.get("line_word_counts")
        if counts is not None:
            return counts[i]
        t = self.line_texts[i]
        return len(t.split()) if t.count(" ") < 200 else 10**6

    @cached_property
    def _line_spaces(self) -> list[int]:
        return list(map(str.count, self.line_texts, repeat(" ")))

    @cached_property
    def _line_tiers(self) -> list[int]:
        """Per line, the fewest words a short-lines tier must allow to hold it: its word count,
        or a quarter of its spaces if more (0 for a blank line; lines of over 512 spaces are
        never short). Most lines are decided without splitting them: with spaces as the only
        whitespace (a printable line) it has at most spaces + 1 words, and without double
        spaces at least spaces - 1."""
        # n - 1..n + 1 words, all on the same side of every tier, unless n or n - 1 is an edge
        return [(_need(t, n) if t else 0) if n <= 512 else 10**6 for t, n in zip(self.line_texts, self._line_spaces)]

    @cached_property
    def _short_needs(self) -> list[tuple[int, int]]:
        """(index, `_line_tiers` value) of the non-blank lines that can be in a tier of at most
        16 words: those of at most 64 spaces (a line of more needs more than 16)."""
        return [(i, need) for i, t, n in zip(count(), self.line_texts, self._line_spaces)
                if n <= 64 and t and (need := _need(t, n)) > 0]

    def short_lines(self, max_words: int) -> tuple[str, list[int], list[int]]:
        """The lines of at most ``max_words`` words (and at most four spaces a word), joined
        by newlines, with each one's line index and start offset in the joined text: rules
        about short lines search this one string instead of looping over every line. Cached
        per word tier."""
        tier = _TIER_OF[max(max_words, 0)] if max_words <= 128 else 10**6
        cache = self.__dict__.get("_short_lines")
        if cache is None:
            cache = self.__dict__["_short_lines"] = {}
        if tier not in cache:
            texts = self.line_texts
            tiers = self.__dict__.get("_line_tiers")
            if tier <= 128 and tiers is not None:
                idx = [i for i, need in enumerate(tiers) if 0 < need <= tier]
            elif tier <= 16:  # the short tiers share one look at the lines of at most 64 spaces
                idx = [i for i, need in self._short_needs if need <= tier]
            elif tier <= 128:  # a line of more than 4 * tier spaces needs more than tier: not looked at
                limit = 4 * tier  # (lines of at most 64 spaces: as the short tiers saw them)
                idx = [i for i, need in self._short_needs if need <= tier]
                more = [i for i, t, n in zip(count(), texts, self._line_spaces) if 64 < n <= limit
                        and 0 < _need(t, n) <= tier]
                if more:
                    idx = sorted(idx + more)
            else:
                idx = [i for i, n in enumerate(self._line_spaces)
                       if n <= 4 * tier and 0 < len(texts[i].split()) <= tier]
            # (blank lines say nothing)
            texts = [texts[i] for i in idx]
            starts = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))[:-1]
            cache[tier] = ("\n".join(texts), idx, starts)
        return cache[tier]


_TIER_EDGES = frozenset((4, 8, 16, 32, 64, 128))
_NEAR_EDGES = _TIER_EDGES | {e + 1 for e in _TIER_EDGES}  # n or n - 1 is an edge


def _need(t: str, n: int) -> int:
    """`Document._line_tiers` of a non-blank line ``t`` of ``n`` <= 512 spaces."""
    if n > 1 and n not in _NEAR_EDGES and "  " not in t and t.isprintable():
        return n + 1
    words = len(t.split())
    return 0 if not words else max(words, -(-n // 4))


_TIER_OF = [next(t for t in sorted(_TIER_EDGES) if w <= t) for w in range(129)]  # words -> tier
_TERMINALS = tuple(TERMINAL)
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_hard_wrapped(lines: list[Span]) -> bool:
    """True when most line breaks in a block fall mid-sentence (a wrapped paragraph)."""
    return _texts_hard_wrapped([ln.text for ln in lines])


def _texts_hard_wrapped(texts: list[str]) -> bool:
    breaks = texts[:-1]
    mid = sum(1 for t in breaks if not t.rstrip().endswith(_TERMINALS))
    return mid * 2 > len(breaks)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences; returns (start, end) offsets, whitespace trimmed."""
    bounds = sentence_bounds(text, [(0, len(text))])
    return list(zip(bounds[0::2], bounds[1::2]))


# A run of sentence-ending punctuation before whitespace (or the end), and the first character
# after that whitespace (group 1): "... ended. the" is not a sentence end.
_SENTENCE_END_NEXT = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s|$)(?=\s*(\S)?)")
# Read in the reversed text: the whitespace, then the word, before a period.
_WORD_BEFORE = re.compile(r"\s*(\S*)")
# Every period whose word may keep the sentence going (an abbreviation or initials), and more
# (any one letter, re's case-insensitive matching is looser than str.lower(), a word's start
# is not checked exactly): only these periods need the exact test of the word. Look-behinds after the period,
# so that re scans for "." at C speed.
def _maybe_not_end():
    edge = "(?<![^\\s(\"'“‘])"  # the word starts after whitespace or an opening quote
    by_len: dict[int, list[str]] = {}
    for a in _ABBREVIATIONS:
        by_len.setdefault(len(a), []).append(re.escape(a))
    abbrevs = [f"(?<={edge}(?:{'|'.join(sorted(alts))})\\.)" for _, alts in sorted(by_len.items())]
    tests = [r"(?<=(?<!\S)\.)", r"(?<=(?<![^\s(\"'“‘.])[^\W\d_]\.)"] + abbrevs
    return re.compile(r"\.(?:" + "|".join(tests) + ")", re.IGNORECASE)


_MAYBE_NOT_END = _maybe_not_end()


def sentence_bounds(text: str, paragraphs: list[tuple[int, int]]) -> list[int]:
    """Sentence starts and ends, flattened (s0, e0, s1, e1, ...), within each of the
    ``paragraphs`` ((start, end) offsets into ``text``, sorted, separated by newlines or
    blank lines). One regular-expression scan of the whole text instead of one per paragraph:
    a sentence end never spans a newline, so the scan finds the same ends."""
    out = []
    if not paragraphs:
        return out
    rev = maybe = None
    n_text = len(text)
    para = iter(paragraphs)
    ps, pe = next(para)
    start = ps
    for m in _SENTENCE_END_NEXT.finditer(text, ps, paragraphs[-1][1]):
        ms, end = m.span()
        while ms >= pe:  # the paragraph ended before this match: close it
            _append(out, text, start, pe)
            ps, pe = next(para)
            start = ps
        if end - ms == 1 and text[ms] == ".":
            if maybe is None:
                maybe = {m.start() for m in _MAYBE_NOT_END.finditer(text)}
                rev = text[::-1] if maybe else ""
            if ms in maybe:
                # the word before the period (read in the reversed text: paragraphs can be long)
                word = _WORD_BEFORE.match(rev, n_text - ms, n_text - ps).group(1)[::-1].lower().lstrip("(\"'“‘")
                # An abbreviation, an initial ("J. Smith") or a decimal do not end a sentence.
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
                    continue
            if m.start(1) < pe and m.group(1) and m.group(1).islower():
                continue
        if text[start].isspace() or text[end - 1].isspace():
            _append(out, text, start, end)
        elif end > start:
            out += start, end
        start = end
    _append(out, text, start, pe)
    for ps, pe in para:
        _append(out, text, ps, pe)
    return out


def _append(out, text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(s)
        out.append(e)
