from hypothesis import given, strategies as st

from lint.document import Document, split_sentences


def test_lines_and_positions():
    doc = Document("ab\n\ncd é\nlast")
    assert [l.text for l in doc.lines] == ["ab", "", "cd é", "last"]
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (3, 1)
    assert doc.position(doc.text.index("é")) == (3, 4)
    assert doc.offset(4, 2) == doc.text.index("ast")


def test_crlf_is_normalised_but_remembered():
    doc = Document("one\r\ntwo\r\n")
    assert doc.crlf and doc.text == "one\ntwo\n"
    assert doc.position(doc.text.index("two")) == (2, 1)


def test_blank_line_paragraphs():
    doc = Document("First para.\n\nSecond para one.\nSecond para continues.\n")
    # two full-sentence lines in one block: one paragraph per line (as in seeds/002)
    assert [p.text for p in doc.paragraphs] == ["First para.", "Second para one.", "Second para continues."]


def test_hard_wrapped_block_is_one_paragraph():
    text = "This sentence is wrapped\nacross several lines by\nthe extractor.\n\nNext."
    doc = Document(text)
    assert doc.paragraphs[0].text == "This sentence is wrapped\nacross several lines by\nthe extractor."
    assert len(doc.paragraphs) == 2


def test_sentences_keep_abbreviations_together():
    text = "Mr. Putin met Dr. Assad in the U.S. embassy. Then he left. A. Smith said so!"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Mr. Putin met Dr. Assad in the U.S. embassy.", "Then he left.", "A. Smith said so!"]


def test_sentence_offsets_are_exact():
    doc = Document("Title\n\nOne two. Three four? Five.\n")
    for s in doc.sentences:
        assert doc.text[s.start:s.end] == s.text
    assert [s.text for s in doc.sentences] == ["Title", "One two.", "Three four?", "Five."]


def test_markdown_spans():
    doc = Document("# Head\n\nSee [the story](https://x.y/z) and <https://a.b> **now**.\n![img](p.png) <br/>")
    kinds = {m.kind: m for m in doc.markdown}
    assert kinds["heading"].text == "Head"
    assert kinds["link"].text == "the story" and kinds["link"].target == "https://x.y/z"
    assert kinds["autolink"].target == "https://a.b"
    assert kinds["emphasis"].text == "now"
    assert kinds["image"].target == "p.png"
    assert kinds["html"].text == "<br/>"
    link = kinds["link"]
    assert doc.text[link.start:link.end] == "[the story](https://x.y/z)"


@given(st.text(alphabet=st.sampled_from("ab .\n\t!?é"), max_size=80))
def test_views_cover_text_exactly(text):
    doc = Document(text)
    for view in (doc.lines, doc.paragraphs, doc.sentences):
        for span in view:
            assert doc.text[span.start:span.end] == span.text
    for i, line in enumerate(doc.lines):
        assert doc.position(line.start) == (i + 1, 1)
