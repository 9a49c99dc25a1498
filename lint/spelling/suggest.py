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


class _SubCosts(dict):
    """typed letter -> {meant letter: cost}, filled on first use (any character works)."""

    def __missing__(self, typed):
        row = self[typed] = _SubRow(typed)
        return row


class _SubRow(dict):
    def __init__(self, typed):
        super().__init__()
        self.typed = typed

    def __missing__(self, meant):
        cost = self[meant] = _sub_cost(self.typed, meant)
        return cost


_SUB = _SubCosts()


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
        sub = _SUB[t]
        before = typed[i - 2] if i > 1 else ""
        cur = [prev[0] + x]
        left = cur[0]
        for j in range(1, m + 1):
            w = meant[j - 1]
            best = prev[j - 1] if t == w else prev[j - 1] + sub[w]
            c = prev[j] + x
            if c < best:
                best = c
            c = left + drop[j - 1]
            if c < best:
                best = c
            if t == meant[j - 2] and before == w and j > 1 and t != w and prev2[j - 2] + 0.5 < best:
                best = prev2[j - 2] + 0.5
            cur.append(best)
            left = best
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


def one_edit_neighbours(word: str, vocab) -> set[str]:
    """Every known word exactly one edit away (what ``vocab.among(edits1(word))`` holds),
    found through the symmetric-deletion index of the vocabulary: an insertion's deletion is
    the word, a deletion is one of the word's, a substitution or a swap shares a deletion
    with it. The index's candidates are checked one by one (hash collisions, two edits)."""
    return {c for c in vocab.edit_index().candidates(word) if c != word and _one_edit(word, c)}


def common_neighbours(word: str, vocab, every: set | None = None) -> set[str]:
    """The words of Zipf >= 2.5 exactly one edit away (of ``every``, the words one edit away,
    when the caller has them)."""
    if every is None:
        every = one_edit_neighbours(word, vocab)
    zipf = vocab.zipf
    return {c for c in every if zipf(c) >= DELETES_MIN_ZIPF}


def _one_edit(a: str, b: str) -> bool:
    """Is b one insertion, deletion, substitution or swap of neighbours away from a?"""
    n, m = len(a), len(b)
    if n == m:
        diff = [i for i in range(n) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                   and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if abs(n - m) != 1:
        return False
    if n < m:
        a, b, n = b, a, m
    i = 0
    while i < n - 1 and a[i] == b[i]:
        i += 1
    return a[:i] + a[i + 1:] == b


def frequent_neighbours(word: str, vocab) -> set[str]:
    """Words of Zipf >= 4 one edit away (symmetric deletion: one deletion on either side)."""
    get = vocab.frequent_deletes().get
    found = set()
    for k in [word] + [word[:i] + word[i + 1:] for i in range(len(word))]:
        words = get(k)
        if words is not None:
            found.update(words.split())
    found.discard(word)
    return found


def neighbours(word: str, vocab, far: bool = False, frequent: bool = False,
               near: set | None = None) -> set[str]:
    """Known words one edit away (``near``, when the caller has them already); with ``far``,
    also frequent words two edits away; with ``frequent``, only words of Zipf >= 3 one edit
    away (fast)."""
    if frequent:
        return frequent_neighbours(word, vocab)
    found = set(one_edit_neighbours(word, vocab) if near is None else near)
    if far and len(word) >= 4:
        found |= two_edit_common(word, vocab)
        found.discard(word)
    return found


def two_edit_common(word: str, vocab) -> set[str]:
    """The words of Zipf >= 2.5 within two edits: those of three letters or more that are
    the word less one or two letters, and those of four or more that share such a deletion
    (up to two letters) with it (one deletion of theirs), found in the symmetric-deletion
    index under the word's deletions and checked one by one."""
    keys = {word[:i] + word[i + 1:] for i in range(len(word))}
    keys |= {k[:i] + k[i + 1:] for k in keys for i in range(len(k))}
    keys.add(word)
    found = set()
    for c in vocab.edit_index().candidates_of(keys, DELETES_MIN_ZIPF):
        n = len(c)
        if n >= 3 and (c in keys or (n >= 4 and any(c[:i] + c[i + 1:] in keys for i in range(n)))):
            found.add(c)
    return found


DELETES_MIN_ZIPF = 25  # words rarer than this (Zipf x10) are not offered as two-edit corrections


def ranked(word: str, vocab, far: bool = False, frequent: bool = False,
           limit: int = 5, floor: float = -99.0, near: set | None = None) -> list[tuple[float, str]]:
    """(score, candidate), best first; score = Zipf - WEIGHT x slip cost. Candidates that
    cannot reach ``floor`` even with the cheapest slip are not scored. ``near``: the known
    words one edit away, when the caller has them already."""
    scored = []
    limit_cost = (2.6 if len(word) > 6 else 2.2) + FIRST_LETTER
    zipf = vocab.zipf
    first, n = word[:1], len(word)
    candidates = neighbours(word, vocab, far, frequent, near)
    one_edit = near if near is not None and far else None
    # Most common first: once even the cheapest slip cannot lift a candidate into the top
    # ``limit``, the rarer ones cannot either.
    for z, c in sorted(((zipf(c), c) for c in candidates), reverse=True):
        bound = z / 10 - WEIGHT * MIN_COST
        full = len(scored) >= limit
        kept = sorted(scored, reverse=True)[limit - 1][0] if full else floor
        if bound < floor or (full and bound < kept):
            break
        # A lower bound on the slip (a wrong first letter; a dropped or added letter per letter
        # of difference in length; two slips for a word not one edit away) spares the full
        # alignment for most candidates.
        same = c[:1] == first
        least = max(MIN_COST, MIN_COST * abs(n - len(c)))
        if one_edit is not None and c not in one_edit:
            least = max(least, 2 * MIN_COST)
        if not same:
            least += FIRST_LETTER
        if least > limit_cost - FIRST_LETTER * same or (full and z / 10 - WEIGHT * least < kept):
            continue
        cost = slip_cost(word, c)
        if cost <= limit_cost - FIRST_LETTER * same:
            scored.append((z / 10 - WEIGHT * cost, c))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored[:limit]
