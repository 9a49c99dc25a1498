"""Word formation: a rare word that is a frequent word plus a prefix or suffix, or two frequent
words run together (``deoccupation``, ``explainability``, ``microinverters``), is most likely
valid English that a word list has not caught up with, not a typo."""

from __future__ import annotations

PREFIXES = tuple(sorted("""anti auto bio co counter cyber de dis eco e extra hyper inter intra macro mega
    micro mid mini mis multi nano neo non out over para post pre pro pseudo re self semi sub super
    tele trans tri ultra un under up""".split(), key=len, reverse=True))
SUFFIXES = tuple(sorted("""ability able ably al ally ation ations ed er ers es est ful fully hood ing
    ings ish ism isms ist ists ity ive ization izations ize ized izes izing isation ise ised ises
    ising less like ly ment ments ness ship s ware wise y""".split(), key=len, reverse=True))
STEM_ZIPF = 30  # how common a stem must be (Zipf x10) to vouch for a derived word


def derivable(word: str, zipf, depth: int = 2) -> bool:
    """True when ``word`` is built from common words by prefixing, suffixing or compounding."""
    if depth == 0 or len(word) < 6:
        return False
    for p in PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            rest = word[len(p):].lstrip("-")
            if zipf(rest) >= STEM_ZIPF or derivable(rest, zipf, depth - 1):
                return True
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            if any(zipf(stem) >= STEM_ZIPF for stem in _stems(word[: -len(s)])):
                return True
    return any(zipf(word[:i]) >= 35 and zipf(word[i:]) >= 35 for i in range(4, len(word) - 3))


def _stems(stem: str):
    yield stem
    yield stem + "e"
    if stem.endswith("i"):
        yield stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2]:
        yield stem[:-1]
    if stem.endswith("abil"):
        yield stem[:-4] + "able"
