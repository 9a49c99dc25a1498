"""Paragraphs and sentences found one block at a time are the document's own."""

import bisect

from hypothesis import given, settings, strategies as st

from lint.document import Document
from lint.facts.spans import spans_of

TEXTS = [
    "Title line\n\nFirst sentence here. Second one, Mr. Smith said! Third?\n  Indented line. More.\n\n\n"
    "A hard wrapped paragraph that goes on\nover the line break and ends. Then more\n",
    "One paragraph per line.\nAnother line here.\nA third line without an end\n\n   \n\nLast.",
    "",
    "\n\n",
    "   \n\n  lead blanks. x",
    "He said 5 people died. The U.S. said 7 p.m. was late... \"Quoted.\" (Aside.) end",
    "wrapped line one\nwrapped two\nends here.\nshort\n\t\nNext block. Two.\nThree.",
]


def _span(s):
    return None if s is None else (s.start, s.end, s.text)


def _agrees(text, computed_first):
    doc = Document(text)
    if computed_first:  # the fast path then answers from the document's own lists
        doc.paragraphs  # noqa: B018
        doc.sentences  # noqa: B018
    local = spans_of(doc)
    ref = Document(text)
    sents, paras = ref.sentences, ref.paragraphs
    s_starts, p_starts = [s.start for s in sents], [p.start for p in paras]
    assert _span(local.first_paragraph()) == _span(paras[0] if paras else None)
    for i in range(len(text) + 1):
        k = bisect.bisect_right(p_starts, i) - 1
        para = local.paragraph_at(i)
        assert _span(para) == _span(paras[k] if k >= 0 else None)
        if para is not None:
            assert _span(local.next_paragraph(para)) == _span(paras[k + 1] if k + 1 < len(paras) else None)
            assert [_span(s) for s in local.in_paragraph(para)] == [
                _span(s) for s in sents if para.start <= s.start < para.end]
        k = bisect.bisect_right(s_starts, i) - 1
        want = sents[k] if k >= 0 else None
        assert _span(local.last_starting_at_or_before(i)) == _span(want)
        for n in (1, 3):
            held = want if want is not None and i + n <= want.end else None
            assert _span(local.holding(i, i + n)) == _span(held)
        assert _span(local.first_from(i)) == _span(next((s for s in sents if s.start >= i), None))


def test_look_ups_agree_with_the_document():
    for text in TEXTS:
        for computed_first in (False, True):
            _agrees(text, computed_first)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", ".", "\n", "\n\n", "\t", "!", "Mr.", "é", " \n"]), max_size=30))
def test_any_text_agrees_with_the_document(pieces):
    _agrees("".join(pieces), False)


def test_one_object_per_span():
    doc = Document(TEXTS[0])
    local = spans_of(doc)
    assert local.holding(20) is local.holding(21)
    assert local.paragraph_at(20) is local.paragraph_at(22)
