"""Quantities with their qualifiers: "more than 380,000 people", "about half a million",
"1.2 million", "twenty-five soldiers". Each becomes an interval of values it allows, so that
"more than 380,000" and "more than 400,000" are compatible while "about half a million" and
"380,000" are not."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .words import NUMBER_WORD, word_number
from . import digit_runs, finditer_at, folded, lazy_re, matches_at

_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3}
# qualifier -> (low factor, high factor) around the stated value
_QUALIFIERS = {
    "more than": (1, math.inf), "over": (1, math.inf), "at least": (1, math.inf), "upwards of": (1, math.inf),
    "in excess of": (1, math.inf), "just over": (1, 1.15),
    "fewer than": (0, 1), "less than": (0, 1), "under": (0, 1), "up to": (0, 1), "as many as": (0, 1),
    "nearly": (0.8, 1), "almost": (0.8, 1), "just under": (0.85, 1), "close to": (0.8, 1.05),
    "about": (0.8, 1.25), "around": (0.8, 1.25), "some": (0.8, 1.25), "roughly": (0.8, 1.25),
    "approximately": (0.8, 1.25), "an estimated": (0.8, 1.25), "estimated": (0.8, 1.25),
    "a total of": (0.97, 1.03), "at most": (0, 1),
}
_Q = "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
_SCALE = r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|m|k)\b)?"
_PCT = r"(?P<pct>\s*(?:%|per ?cent\b|percent\b))?"
# three passes, each fast to skip text: figures, "half a million"/"two million", small words
_DIGITS = lazy_re(rf"(?=[$£€\d])(?<![\w.,])(?P<cur>[$£€])?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?){_SCALE}{_PCT}",
                     re.I)
# _DIGITS as two patterns that open with a character class, which the engine skips to fast
# (a pattern opening with a lookaround is tried at every position): the first digit, with
# "(?<!...)" after it for the character before, and the same for a currency sign
_DIGIT_LED = lazy_re(rf"(?P<num>\d(?<![\w.,]\d)(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?|\d*(?:\.\d+)?)){_SCALE}{_PCT}"
                     r"(?P<cur>(?!))?", re.I)
_CURRENCY_LED = lazy_re(rf"(?P<cur>[$£€])(?<![\w.,].)(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                        rf"{_SCALE}{_PCT}", re.I)


def _figures(text, runs=None):
    """``list(_DIGITS.finditer(text))``, faster: a digit-led match begins a digit run (``runs``:
    ``digit_runs(text)`` when the caller has them)."""
    digit_led = list(matches_at(_DIGIT_LED, text, [s for s, _ in (digit_runs(text) if runs is None else runs)]))
    if not any(c in text for c in "$£€"):
        return digit_led
    out, last = [], -1
    for m in sorted(digit_led + list(_CURRENCY_LED.finditer(text)), key=lambda m: m.start()):
        if m.start() >= last:  # "$5": the "5" is inside the currency match
            out.append(m)
            last = m.end()
    return out
_WORDS = lazy_re(rf"\b(?:(?P<half>half a (?:million|billion))|(?P<word>{NUMBER_WORD}|a)\s+"
                    rf"(?P<wscale>hundred|thousand|million|billion))\b{_PCT}", re.I)
_SMALL = lazy_re(rf"\b(?P<small>{NUMBER_WORD})\b{_PCT}", re.I)
_SCALE_NAMES = ("hundred", "thousand", "million", "billion")
_SCALE_WORD = lazy_re("|".join(_SCALE_NAMES), re.I)
_QUALIFIER = lazy_re(rf"\b(?P<q>{_Q})\s+(?P<cur>[$£€])?$", re.I)
_QUALIFIER_ENDS = tuple({q.split()[-1] for q in _QUALIFIERS})
_HEAD = lazy_re(r"\s+(?:(?:[A-Za-z-]+)\s+)??([a-z][a-z-]{2,})\b")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    low: float
    high: float
    unit: str  # "%", a currency sign, or ""
    qualifier: str
    words: str  # as written, without the counted noun

    def compatible(self, other: "Quantity") -> bool:
        return self.low <= other.high and other.low <= self.high


def find_quantities(text: str, small_words=False, low=False, runs=None, matches=None, wanted=None):
    """Quantities in ``text`` (offsets relative to it). Years, times, ordinals and list numbers
    are left out; small number words ("two") only with ``small_words``. ``low``: ``folded(text)``,
    ``runs``: ``digit_runs(text)`` and ``matches``: ``number_matches(text, small_words)``, when
    the caller has them; ``wanted(match)``: only the quantities of the matches it accepts (the
    same quantities as the whole list holds for them)."""
    if low is False:
        low = folded(text)
    if matches is None:
        matches = number_matches(text, small_words, low, runs)
    out, last_end = [], -1
    for m in matches:
        s = m.start()
        if s < last_end:
            continue  # "two" inside "two million"
        e = last_end = m.end()
        if wanted is not None and not wanted(m):
            continue
        groups = m.re.groupindex
        raw = m["num"] if "num" in groups else None
        if raw and _is_not_a_quantity(text, m, raw):
            continue  # before the qualifier is looked for: most figures that drop out are years
        qm = _qualifier(text, s, low)
        q = qm["q"].lower() if qm else ""
        start = qm.start() if qm else s
        if raw:
            cur = m["cur"] or (qm["cur"] if qm else None)
            scale = m["scale"]
            value = float(raw.replace(",", "")) * (_SCALES.get(scale.lower(), 1) if scale else 1)
        else:
            cur = qm["cur"] if qm else None
            if "half" in groups and m["half"]:
                value = 0.5 * _SCALES[m["half"].split()[-1].lower()]
            elif "word" in groups:
                base = 1 if m["word"].lower() == "a" else word_number(m["word"])
                if base is None:
                    continue
                value = base * _SCALES[m["wscale"].lower()]
            else:
                value = word_number(m["small"])
                if value is None or value < 2:
                    continue
        lo, hi = _QUALIFIERS.get(q, (0.97, 1.03))
        unit = "%" if m["pct"] else (cur or "")
        out.append(Quantity(start, e, value, value * lo, value * hi, unit, q, text[start:e]))
    return out


def number_matches(text: str, small_words=False, low=False, runs=None) -> list:
    """The matches of figures and number words ``find_quantities`` reads, in text order (a
    number word inside a longer match among them): each quantity it finds ends where one of
    these does, and starts where it does or up to 24 characters before (its qualifier)."""
    if low is False:
        low = folded(text)
    matches = _figures(text, runs)
    # "half a million", "two million": read around the scale word
    words = []
    for sw in finditer_at(_SCALE_WORD, text, _SCALE_NAMES, low=low):
        w = _WORDS.search(text, max(0, sw.start() - 24), sw.end() + 12)
        if w and w.start() <= sw.start():
            words.append(w)
    if small_words:
        words += _SMALL.finditer(text)
    if words:  # the figures alone are in order and apart already
        matches += words
        matches.sort(key=lambda m: (m.start(), -m.end()))
    return matches


def _qualifier(text, start, low=None):
    """``_QUALIFIER`` in the 24 characters before ``start``; the regex runs only when they end
    in a qualifier's last word, blanks and currency signs (a substring test, case-blind, in
    ``low``, ``folded(text)``, when given)."""
    first = max(0, start - 24)
    j = start
    while j > first and (text[j - 1].isspace() or text[j - 1] in "$£€"):
        j -= 1
    if j == start:
        return None
    tail = low[max(first, j - 13):j] if low else folded(text[max(first, j - 13):j])  # "approximately" is the longest
    if tail is not None and not tail.endswith(_QUALIFIER_ENDS):
        return None
    return _QUALIFIER.search(text, first, start)


_YEAR = lazy_re(r"(?:1[89]|20)\d\d")
_ORDINAL_SUFFIX = lazy_re(r"(?:st|nd|rd|th)\b")
_LIST_NUMBER_END = lazy_re(r"[.)]? [A-Z]")
_ANY_DIGIT = lazy_re(r"\d")
_RANGE_AFTER = lazy_re(r"\s*(?:%|per ?cent)?\s*(?:-|–|—|to|or|,)\s*[$£€]?\d")
_RANGE_BEFORE = lazy_re(r"\d\s*(?:%|per ?cent)?\s*(?:-|–|—|to|or|and|,)\s*[$£€]?$")


def _is_not_a_quantity(text, m, raw):
    if len(raw) == 4 and _YEAR.fullmatch(raw) and not m["scale"] and not m["cur"] and not m["pct"]:
        return True  # a year
    s, e = m.start("num"), m.end("num")
    before, after = text[max(0, s - 2):s], text[e:e + 2]
    if after[:1] in (":", "/", "×", "x") and after[1:2].isdigit() or before[-1:] in ("/", ":", "#", "-", ".", "×", "x"):
        return True  # times, dates, ids, versions, dimensions (1920×1080)
    if (s == 0 or text[s - 1] == "\n") and _LIST_NUMBER_END.match(text[e:e + 3]):
        return True  # a footnote or list number opening the line ("3 KFF analysis", "5. Practice")
    if _ORDINAL_SUFFIX.match(text, e, e + 3):
        return True  # an ordinal
    before = text[max(0, m.start() - 16):m.start()]
    if _RANGE_AFTER.match(text, e) or _ANY_DIGIT.search(before) and _RANGE_BEFORE.search(before):
        return True  # an end of a range ("$2,000-$6,000", "50 to 60 years", "60, 70 years"): not one value
    return False


def counted_noun(text: str, q: Quantity) -> str | None:
    """The noun a quantity counts ("people" in "380,000 people", "troops" in "600 American
    troops"), singular, or None."""
    return noun_after(text, q.end)


def noun_after(text: str, end: int) -> str | None:
    """``counted_noun`` of a quantity that ends at ``end``."""
    m = _HEAD.match(text, end)
    if not m or m.start() != end:
        return None
    w = m.group(1).lower()
    if w in _NOT_NOUNS:
        return None
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


_NOT_NOUNS = frozenset("""and or of to in on at for from by with as is are was were be been has have had who which that
than the a an all more less per who whom were will would could should may might can did do does people's""".split())
