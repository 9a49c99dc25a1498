"""The digit-run fast paths (dates, figures, digit ordinals found from one shared scan of the
digit runs) find exactly what the plain regular expressions find, on random mixes of the
pieces those patterns are made of."""

import random

from lint.facts import digit_runs, finditer_at, folded
from lint.facts.dates import _DATE, _date_matches
from lint.facts.numbers import _DIGITS, _figures
from lint.kinds import ordinal

_DATE_PARTS = ["March", "MAR", "mar.", "Sept", "sepember", "September", "may", "May", "dec", "December", "june",
               "Jun", "Monday", "tuesday", "WEDNESDAY", "day", "the", "of", "st", "th", "rd", "nd", "5", "12", "123",
               "2015", "1999", "٣", "١٢", " ", "  ", "\n", "\t", ",", ".", "x", "market", "dismay", "1", "31", "ſ"]
_NUMBER_PARTS = ["$", "£", "€", "5", "12", "123", "1,234", "1.5", ".", ",", "x", "٣", "١٢", " ", "\n", "st", "nd",
                 "rd", "th", "first", "second", "twelfth", "visit", "to", "Damascus", "his", "21st", "million", "%"]


def _texts(parts, n, lo, hi, seed):
    rng = random.Random(seed)
    for _ in range(n):
        yield rng, "".join(rng.choice(parts) + (" " if rng.random() < 0.6 else "") for _ in range(rng.randint(lo, hi)))


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_digit_runs_are_the_runs_of_digits():
    assert digit_runs("a1 22b333 ١٢ x") == [(1, 2), (3, 5), (6, 9), (10, 12)]
    assert digit_runs("123456", 2, 4) == [(2, 4)]


def test_dates_from_digit_runs_match_the_plain_pattern():
    for rng, text in _texts(_DATE_PARTS, 400, 80, 300, 7):
        low = folded(text)
        a = rng.randint(0, len(text) // 3)
        b = rng.randint(a, len(text))
        for start, end in ((0, len(text)), (a, b)):
            want = _spans(_DATE.finditer(text, start, end))
            assert _spans(_date_matches(text, start, end, low)) == want
            assert _spans(_date_matches(text, start, end, low, digit_runs(text))) == want


def test_figures_and_digit_ordinals_from_digit_runs_match_the_plain_patterns():
    for _, text in _texts(_NUMBER_PARTS, 600, 5, 80, 3):
        want = _spans(_DIGITS.finditer(text))
        assert _spans(_figures(text)) == want
        assert _spans(_figures(text, digit_runs(text))) == want
        digits = [s for s, e in digit_runs(text) if e - s <= 2 and text.startswith(ordinal._SUFFIXES, e)]
        assert _spans(finditer_at(ordinal._ORDINAL, text, ordinal._ORD, spots=digits)) == _spans(
            ordinal._ORDINAL.finditer(text))
