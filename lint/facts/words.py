"""Small word-level helpers: number words, content-word keys for "is this the same fact?"."""

from __future__ import annotations

from . import lazy_re

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})
NUMBER_WORD = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|" \
              r"zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" \
              r"sixteen|seventeen|eighteen|nineteen|a dozen|a few)"


def word_number(s: str) -> int | None:
    s = s.lower().replace("-", " ").strip()
    if s.isdigit():
        return int(s)
    if s == "a dozen":
        return 12
    parts = s.split()
    if not parts or any(p not in NUMBER_WORDS for p in parts):
        return None
    return sum(NUMBER_WORDS[p] for p in parts)


STOP = frozenset("""a an the and or but of to in on at for from by with as is are was were be been being has have had
do does did not no it its this that these those he she they we you i his her their our your my him them us who whom
which what when where while than then there here also said says say told according after before about over under
into out up down more most less some any all each other such only just very can could would should will may might
must one two three four five six seven eight nine ten first second last new since ago year years time times per
percent cent mr mrs ms dr""".split())
_WORD = lazy_re(r"[A-Za-z][A-Za-z'’-]+")


def content_key(text: str) -> frozenset:
    """Stems (first five letters) of the content words of a piece of text."""
    out = set()
    for w in _WORD.findall(text):
        w = w.lower().strip("'’-")
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if len(w) > 2 and w not in STOP:
            out.add(w[:5])
    return frozenset(out)


def overlap(a: frozenset, b: frozenset) -> tuple[int, float]:
    """Shared stems and their share of the smaller set."""
    n = len(a & b)
    return n, n / max(1, min(len(a), len(b)))
