"""The sentences of ``doc.sentences`` one paragraph at a time.

Most contradiction checks need the sentence around a few places (a quantity, a weekday), not
every sentence of the text; splitting the whole document into sentences costs more than most
of those checks. ``sentences_of(doc)`` answers from ``doc.sentences`` when some other check has
computed them already, and otherwise splits only the paragraphs asked about, with the
document's own splitter: the spans (offsets and text) are exactly those of ``doc.sentences``
(their ``index`` is not: nothing here reads it). Within one document each sentence is one
object, so identity comparisons hold.
"""

from __future__ import annotations

import bisect

from ..document import Span, split_sentences
from . import memo


class Sentences:
    def __init__(self, doc):
        self.doc = doc
        done = doc.__dict__.get("sentences")
        self._all = done  # the document's list, when it was computed before we were asked
        self._all_starts = [s.start for s in done] if done is not None else None
        self._paras = None
        self._para_starts = None
        self._split = {}  # paragraph index -> its sentences

    # -- paragraphs ------------------------------------------------------------------------
    def _paragraph_index(self, offset: int) -> int:
        if self._paras is None:
            self._paras = self.doc.paragraphs
            self._para_starts = [p.start for p in self._paras]
        return bisect.bisect_right(self._para_starts, offset) - 1

    def in_paragraph(self, k: int) -> list[Span]:
        """The sentences of paragraph ``k`` (``doc.paragraphs[k]``)."""
        out = self._split.get(k)
        if out is None:
            para = self.doc.paragraphs[k]
            if self._all is not None:
                i = bisect.bisect_left(self._all_starts, para.start)
                j = bisect.bisect_left(self._all_starts, para.end + 1)
                out = self._all[i:j]
            else:
                text, base = self.doc.text, para.start
                out = [Span(base + s, base + e, text[base + s:base + e]) for s, e in split_sentences(para.text)]
            self._split[k] = out
        return out

    # -- look-ups --------------------------------------------------------------------------
    def last_starting_at_or_before(self, offset: int) -> Span | None:
        """``doc.sentences[bisect_right(starts, offset) - 1]`` (None before the first)."""
        if self._all is not None:
            i = bisect.bisect_right(self._all_starts, offset) - 1
            return self._all[i] if i >= 0 else None
        k = self._paragraph_index(offset)
        while k >= 0:  # a paragraph of blanks only has no sentence: the previous one's last
            sents = self.in_paragraph(k)
            i = bisect.bisect_right([s.start for s in sents], offset) - 1
            if i >= 0:
                return sents[i]
            k -= 1
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
        k = max(0, self._paragraph_index(offset))
        paras = self.doc.paragraphs
        while k < len(paras):
            for s in self.in_paragraph(k):
                if s.start >= offset:
                    return s
            k += 1
        return None


def sentences_of(doc) -> Sentences:
    return memo(doc, "sentences", Sentences)
