"""The paragraphs and sentences of ``doc.paragraphs``/``doc.sentences``, one block at a time.

Most contradiction checks need the paragraph or sentence around a few places (a quantity, a
weekday, the title), not the whole document split up: splitting every line, paragraph and
sentence costs more than most of those checks. ``spans_of(doc)`` answers from the document's
own lists when some other check has computed them already, and otherwise reads only the
blocks (runs of non-blank lines) asked about, with the document's own rules (one paragraph
per line unless the block is hard-wrapped, ``split_sentences`` within a paragraph). The
spans' offsets and text are exactly the document's (tests/test_contra_spans.py holds them to
it); their ``index`` is not, and nothing here reads it. Within one document each span is one
object, so identity comparisons hold.
"""

from __future__ import annotations

import bisect

from ..document import Span, _is_hard_wrapped, split_sentences
from . import memo


class Spans:
    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        done = doc.__dict__.get("sentences")
        self._all = done  # the document's sentences, when computed before we were asked
        self._all_starts = [s.start for s in done] if done is not None else None
        paras = doc.__dict__.get("paragraphs")
        self._paras = paras  # the document's paragraphs, likewise
        self._para_starts = [p.start for p in paras] if paras is not None else None
        self._blocks = {}  # first line index -> the block's paragraphs
        self._first_line = {}  # line index -> the first line of its block
        self._sentences = {}  # paragraph start -> its sentences

    # -- lines and blocks ------------------------------------------------------------------
    def _blank(self, i):
        starts, text = self.doc.line_starts, self.text
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        s = starts[i]
        return s == end or text[s:end].isspace()

    def _block_paragraphs(self, i):
        """The paragraphs of the block holding non-blank line ``i``, and their starts."""
        starts, text = self.doc.line_starts, self.text
        first = self._first_line.get(i)
        if first is None:
            first = i
            while first and not self._blank(first - 1):
                first -= 1
        out = self._blocks.get(first)
        if out is None:
            last, n = i, len(starts)
            while last + 1 < n and not self._blank(last + 1):
                last += 1
            lines = []
            for k in range(first, last + 1):
                s = starts[k]
                e = starts[k + 1] - 1 if k + 1 < n else len(text)
                lines.append(Span(s, e, text[s:e], k))
            if len(lines) > 1 and not _is_hard_wrapped(lines):
                out = (lines, [ln.start for ln in lines])
            else:
                s, e = lines[0].start, lines[-1].end
                out = ([Span(s, e, text[s:e])], [s])
            self._blocks[first] = out
            for k in range(first, last + 1):
                self._first_line[k] = first
        return out

    # -- paragraphs ------------------------------------------------------------------------
    def paragraph_at(self, offset: int) -> Span | None:
        """The last paragraph that starts at or before ``offset`` (None before the first)."""
        if self._paras is not None:
            k = bisect.bisect_right(self._para_starts, offset) - 1
            return self._paras[k] if k >= 0 else None
        starts = self.doc.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0 and self._blank(i):
            i -= 1  # a blank line: the paragraph before it
        if i < 0:
            return None
        paras, starts = self._block_paragraphs(i)
        return paras[bisect.bisect_right(starts, offset) - 1]

    def first_paragraph(self) -> Span | None:
        if self._paras is not None:
            return self._paras[0] if self._paras else None
        starts = self.doc.line_starts
        i = 0
        while i < len(starts) and self._blank(i):
            i += 1
        return self._block_paragraphs(i)[0][0] if i < len(starts) else None

    def next_paragraph(self, para: Span) -> Span | None:
        """The paragraph after ``para`` (a paragraph of ours)."""
        if self._paras is not None:
            k = bisect.bisect_right(self._para_starts, para.start)
            return self._paras[k] if k < len(self._paras) else None
        starts = self.doc.line_starts
        i = bisect.bisect_right(starts, para.end)  # the line after the paragraph's last
        while i < len(starts) and self._blank(i):
            i += 1
        if i >= len(starts):
            return None
        return self.paragraph_at(starts[i])

    # -- sentences -------------------------------------------------------------------------
    def in_paragraph(self, para: Span) -> list[Span]:
        """The sentences of a paragraph."""
        out = self._sentences.get(para.start)
        if out is None:
            if self._all is not None:
                i = bisect.bisect_left(self._all_starts, para.start)
                j = bisect.bisect_left(self._all_starts, para.end + 1)
                out = self._all[i:j]
            else:
                text, base = self.text, para.start
                out = [Span(base + s, base + e, text[base + s:base + e]) for s, e in split_sentences(para.text)]
            self._sentences[para.start] = out
        return out

    def last_starting_at_or_before(self, offset: int) -> Span | None:
        """``doc.sentences[bisect_right(starts, offset) - 1]`` (None before the first)."""
        if self._all is not None:
            i = bisect.bisect_right(self._all_starts, offset) - 1
            return self._all[i] if i >= 0 else None
        para = self.paragraph_at(offset)
        while para is not None:
            sents = self.in_paragraph(para)
            i = bisect.bisect_right([s.start for s in sents], offset) - 1
            if i >= 0:
                return sents[i]
            para = self.paragraph_at(para.start - 1)  # before its first sentence: the one before
        return None

    def holding(self, start: int, end: int | None = None) -> Span | None:
        """The sentence with ``sent.start <= start`` and ``end <= sent.end`` (``end`` defaults
        to ``start + 1``: the sentence the character at ``start`` is in), or None."""
        sent = self.last_starting_at_or_before(start)
        end = start + 1 if end is None else end
        return sent if sent is not None and end <= sent.end else None

    def first_from(self, offset: int) -> Span | None:
        """The first sentence with ``sent.start >= offset``."""
        if self._all is not None:
            i = bisect.bisect_left(self._all_starts, offset)
            return self._all[i] if i < len(self._all) else None
        para = self.paragraph_at(offset) or self.first_paragraph()
        while para is not None:
            for s in self.in_paragraph(para):
                if s.start >= offset:
                    return s
            para = self.next_paragraph(para)
        return None


def spans_of(doc) -> Spans:
    return memo(doc, "spans", Spans)
