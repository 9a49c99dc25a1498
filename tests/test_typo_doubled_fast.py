"""T104 finds a repeat through ``str.find`` of "word word" and falls back to the pattern's
search when that finds fewer repeats than the document has adjacent equal words: the same
repeats as searching every listed word's pattern through the whole text."""

import random

from lint.kinds import typo_doubled
from lint.spelling.tokens import WORD


def test_repeats_found_by_substring_equal_the_pattern_search():
    words = ["the", "The", "a", "to", "and", "in", "bathe", "x", "it’s", "the-", "1"]
    seps = [" ", " ", " ", "  ", "\n", ", ", "\t", " \n "]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 40)))
        toks = WORD.findall(text)
        for word in ("the", "a", "to", "and", "in"):
            want = [m.span() for m in typo_doubled._standalone(typo_doubled._repeat_of(word), text)]
            # the document's count of adjacent equal words; a count too high falls back to the search
            pairs = sum(a == b == word for a, b in zip(toks, toks[1:]))
            assert pairs >= len(want)
            for pairs in (pairs, pairs + 1):
                got = [m.span() for m in typo_doubled._repeats(word, text, pairs)]
                assert got == want, (text, word, pairs)
