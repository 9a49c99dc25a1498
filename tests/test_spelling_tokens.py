"""The typo kinds' word finder (byte translation and a split) finds exactly the words of the
regular expression it stands for."""

import pytest
from hypothesis import given, settings, strategies as st

from lint.spelling.tokens import WORD, split_words

# letters, both apostrophes, the byte that stands for ’, blanks, digits, punctuation, non-ASCII
# letters and quotes, a character outside the BMP and a lone surrogate
_PIECES = st.sampled_from(list("abcXYZ'’\x01 \n\t-.,9_\"“”éßK") + ["\u2019s", "𝔘", "\ud800", "don't", "’’", "''"])


@settings(max_examples=800)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_split_words_are_the_pattern_words(text):
    assert split_words(text) == WORD.findall(text)


@pytest.mark.parametrize("text", [
    "", "'", "’", "a'", "'a", "a'b", "a''b", "a'’b", "a’b’c", "rock'n'roll", "'quoted' words’",
    "it’s the Smiths' car", "\x01a’b", "a\x01b", "ÉTÉ été café", "x" * 5 + "'" * 3 + "y",
    "it's " * 50, "’" * 200 + "a’b", "word " * 100 + "'tis o'clock",  # many apostrophes, and few
])
def test_split_words_edge_cases(text):
    assert split_words(text) == WORD.findall(text)


def test_split_words_on_the_seeds(root):
    for path in sorted((root / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert split_words(text) == WORD.findall(text), path.name
        curly = text.replace("'", "’")
        assert split_words(curly) == WORD.findall(curly), path.name
