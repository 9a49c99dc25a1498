"""The fast document views agree with their plain definitions."""

import random

from lint.document import Document, Span, _is_hard_wrapped

PIECES = [" ", "  ", "a", "bb", "Word.", "end,", "\t", "\u00a0", "\n", "\n\n", "\n \n", "x y", " a ",
          "w " * 7, "w " * 15, "w " * 63, "w  " * 20, "\x0b", "\u2028", "\ufeff", "- item", "# Head"]


def _texts(n=3000, seed=7):
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(n)]


def _plain_lines(text):
    out, start = [], 0
    for i, part in enumerate(text.split("\n")):
        out.append(Span(start, start + len(part), part, i))
        start += len(part) + 1
    return out


def _plain_paragraphs(doc):
    blocks, cur = [], []
    for line in _plain_lines(doc.text) + [Span(len(doc.text), len(doc.text), "", -1)]:
        if line.text.strip():
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    out = []
    for lines in blocks:
        if len(lines) > 1 and not _is_hard_wrapped(lines):
            parts = [(ln.start, ln.end) for ln in lines]
        else:
            parts = [(lines[0].start, lines[-1].end)]
        for s, e in parts:
            out.append(Span(s, e, doc.text[s:e], len(out)))
    return out


def test_lines_and_paragraphs_match_their_definitions():
    for text in _texts():
        doc = Document(text)
        assert doc.lines == _plain_lines(doc.text)
        assert doc.line_texts == [ln.text for ln in doc.lines]
        assert [doc.line(i) for i in range(len(doc.line_texts))] == doc.lines
        assert doc.paragraphs == _plain_paragraphs(doc)


def test_short_lines_hold_the_lines_of_few_words_and_spaces():
    for text in _texts():
        doc = Document(text)
        for max_words in (3, 8, 16, 40, 128, 200):
            tier = next((t for t in (4, 8, 16, 32, 64, 128) if max_words <= t), 10**6)
            joined, index, starts = doc.short_lines(max_words)
            expected = [i for i, t in enumerate(doc.line_texts)
                        if t.count(" ") <= 4 * tier and 0 < len(t.split()) <= tier]
            assert index == expected
            assert joined == "\n".join(doc.line_texts[i] for i in index)
            assert [joined[s:s + len(doc.line_texts[i])] for s, i in zip(starts, index)] == \
                [doc.line_texts[i] for i in index]


def test_span_is_a_value():
    span = Span(1, 3, "ab")
    assert (span.start, span.end, span.text, span.index, span.words) == (1, 3, "ab", 0, ["ab"])
    assert span == Span(1, 3, "ab", 0) and hash(span) == hash(Span(1, 3, "ab", 0))
    assert repr(span) == "Span(start=1, end=3, text='ab', index=0)"
