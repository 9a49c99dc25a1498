"""Ranked corrections for a misspelt word: neighbours within two edits, scored by how common
they are and how likely the slip is.

The slip model is a weighted edit distance (optimal string alignment) whose costs follow how
people mistype: a dropped or doubled letter and swapped neighbours are cheap, a neighbouring
key or a vowel for a vowel is cheaper than any other substitution, and the first letter is
rarely wrong. So ``vist`` ranks ``visit`` (a dropped letter) above ``vast`` and ``list``.
"""

from __future__ import annotations

from functools import lru_cache

LETTERS = "abcdefghijklmnopqrstuvwxyz'"
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}
VOWELS = frozenset("aeiouy")
FIRST_LETTER = 1.5  # added when the first letter differs
WEIGHT = 3.0  # Zipf points one unit of slip cost is worth
MIN_COST = 0.4  # the cheapest single slip (a dropped doubled letter)


def _is_near(a: str, b: str) -> bool:
    (r1, c1), (r2, c2) = _KEY[a], _KEY[b]
    return abs(r1 - r2) <= 1 and abs(c1 - c2) <= 1 and a != b


NEAR = frozenset(a + b for a in _KEY for b in _KEY if _is_near(a, b))  # neighbouring keys


SOUND_ALIKE = frozenset(["cs", "sc", "ck", "kc", "sz", "zs", "gj", "jg", "fv", "vf"])


def _sub_cost(typed: str, meant: str) -> float:
    if (typed in VOWELS and meant in VOWELS) or typed + meant in SOUND_ALIKE:
        return 0.8
    return 0.9 if typed + meant in NEAR else 1.2


@lru_cache(maxsize=65536)
def slip_cost(typed: str, meant: str) -> float:
    """Weighted OSA distance from the intended word to what was typed."""
    n, m = len(typed), len(meant)
    extra = [_extra_cost(typed, i) for i in range(n)]
    drop = [_drop_cost(meant, j) for j in range(m)]
    prev2 = None
    prev = [0.0] * (m + 1)
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + drop[j - 1]
    for i in range(1, n + 1):
        t, x = typed[i - 1], extra[i - 1]
        cur = [prev[0] + x] + [0.0] * m
        for j in range(1, m + 1):
            w = meant[j - 1]
            best = prev[j - 1] if t == w else prev[j - 1] + _sub_cost(t, w)
            if prev[j] + x < best:
                best = prev[j] + x
            if cur[j - 1] + drop[j - 1] < best:
                best = cur[j - 1] + drop[j - 1]
            if i > 1 and j > 1 and t != w and t == meant[j - 2] and typed[i - 2] == w and prev2[j - 2] + 0.5 < best:
                best = prev2[j - 2] + 0.5
            cur[j] = best
        prev2, prev = prev, cur
    cost = prev[m]
    if typed[:1] != meant[:1]:
        cost += FIRST_LETTER
    return cost


def _drop_cost(meant: str, j: int) -> float:
    """The typist left out meant[j]: cheapest when it is a doubled letter."""
    c = meant[j]
    if (j > 0 and meant[j - 1] == c) or (j + 1 < len(meant) and meant[j + 1] == c):
        return 0.4
    return 0.6


def _extra_cost(typed: str, i: int) -> float:
    """The typist added typed[i]: cheapest as a doubled letter, then as a neighbouring key."""
    c = typed[i]
    before, after = typed[i - 1] if i else "", typed[i + 1] if i + 1 < len(typed) else ""
    if c in (before, after):
        return 0.5
    return 0.8 if before + c in NEAR or c + after in NEAR else 1.0


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


def frequent_neighbours(word: str, vocab) -> set[str]:
    """Words of Zipf >= 4 one edit away (symmetric deletion: one deletion on either side)."""
    index = vocab.frequent_deletes()
    found = set()
    for k in [word] + [word[:i] + word[i + 1:] for i in range(len(word))]:
        if k in index:
            found.update(index[k].split())
    found.discard(word)
    return found


def neighbours(word: str, vocab, far: bool = False, frequent: bool = False) -> set[str]:
    """Known words one edit away; with ``far``, also frequent words two edits away; with
    ``frequent``, only words of Zipf >= 4 one edit away (fast)."""
    if frequent:
        return frequent_neighbours(word, vocab)
    zipf = vocab.zipf
    found = vocab.among(edits1(word))
    if far and len(word) >= 4:
        index = vocab.deletes()
        keys = {word[:i] + word[i + 1:] for i in range(len(word))}
        keys |= {k[:i] + k[i + 1:] for k in keys for i in range(len(k))}
        keys.add(word)
        for k in keys:
            if k in index:
                found.update(index[k].split())
            if len(k) >= 3 and zipf(k) >= 25:
                found.add(k)
        found.discard(word)
    return found


def ranked(word: str, vocab, far: bool = False, frequent: bool = False,
           limit: int = 5, floor: float = -99.0) -> list[tuple[float, str]]:
    """(score, candidate), best first; score = Zipf - WEIGHT x slip cost. Candidates that
    cannot reach ``floor`` even with the cheapest slip are not scored."""
    scored = []
    limit_cost = (2.6 if len(word) > 6 else 2.2) + FIRST_LETTER
    zipf = vocab.zipf
    # Most common first: once even the cheapest slip cannot lift a candidate into the top
    # ``limit``, the rarer ones cannot either.
    for z, c in sorted(((zipf(c), c) for c in neighbours(word, vocab, far, frequent)), reverse=True):
        bound = z / 10 - WEIGHT * MIN_COST
        if bound < floor or (len(scored) >= limit and bound < sorted(scored, reverse=True)[limit - 1][0]):
            break
        cost = slip_cost(word, c)
        if cost <= limit_cost - FIRST_LETTER * (word[:1] == c[:1]):
            scored.append((z / 10 - WEIGHT * cost, c))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored[:limit]
