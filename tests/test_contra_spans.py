"""Sentences found one paragraph at a time are the document's own sentences."""

import bisect

from lint.document import Document
from lint.facts.spans import sentences_of

TEXTS = [
    "Title line\n\nFirst sentence here. Second one, Mr. Smith said! Third?\n  Indented line. More.\n\n\n"
    "A hard wrapped paragraph that goes on\nover the line break and ends. Then more\n",
    "One paragraph per line.\nAnother line here.\nA third line without an end\n\n   \n\nLast.",
    "",
    "   \n\n  lead blanks. x",
    "He said 5 people died. The U.S. said 7 p.m. was late... \"Quoted.\" (Aside.) end",
]


def _reference(doc):
    sents = doc.sentences
    return sents, [s.start for s in sents]


def test_look_ups_agree_with_the_document_sentences():
    for text in TEXTS:
        for computed_first in (False, True):
            doc = Document(text)
            if computed_first:
                doc.sentences  # noqa: B018 - the fast path then answers from them
            local = sentences_of(doc)
            ref, starts = _reference(Document(text))
            spans = lambda s: None if s is None else (s.start, s.end, s.text)  # noqa: E731
            for i in range(len(doc.text) + 1):
                k = bisect.bisect_right(starts, i) - 1
                want = ref[k] if k >= 0 else None
                assert spans(local.last_starting_at_or_before(i)) == spans(want)
                for n in (1, 3):
                    held = want if want is not None and i + n <= want.end else None
                    assert spans(local.holding(i, i + n)) == spans(held)
                nxt = next((s for s in ref if s.start >= i), None)
                assert spans(local.first_from(i)) == spans(nxt)


def test_one_object_per_sentence():
    doc = Document(TEXTS[0])
    local = sentences_of(doc)
    assert local.holding(20) is local.holding(21)
