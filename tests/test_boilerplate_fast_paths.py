"""boilerplate's shortcuts class lines as `line_class` does: the lines without a link classed in
one loop (a line too short for the word threshold is short at once), link lines' word tests."""

import random

from lint.kinds import boilerplate

PIECES = ["word", "two_words", "1.", "12)", "-", "*", "**", "#", "a,b", "[Home](/)", "![](i.png)",
          "[![](i.png)](/x)", "»", "é", "  ", " ", "\t", "_", "ok", "3", "x" * 30, "Getty", "—"]


def _lines(n=3000, seed=5):
    rnd = random.Random(seed)
    for _ in range(n):
        yield " ".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 16))).replace("  ", rnd.choice([" ", "  ", ""]))


def test_lines_without_links_are_classed_as_line_class_does():
    for words in (0, 1, 3, 12):
        lines = [t for t in _lines() if "](" not in t]
        classes = [None] * len(lines)
        boilerplate._class_rest(lines, classes, 0.5, words)
        assert classes == [boilerplate.line_class(t, 0.5, words) for t in lines], words


def test_link_lines_count_words_as_a_full_count_does():
    for t in _lines():
        shown, linked = boilerplate.visible(t)
        words = len(boilerplate._WORD.findall(shown))
        expect = (boilerplate.CHROME if "](" in t else boilerplate.SHORT) if words == 0 else (
            boilerplate.CHROME if linked and linked >= 0.5 * len(shown) else
            boilerplate.PROSE if words >= 3 else boilerplate.SHORT)
        assert boilerplate.line_class(t, 0.5, 3) == expect, t
