"""name-variants: one person or place spelled several ways in one document.

"Bashar al-Assad" and "Bashar Al Assad", "Dmitry Peskov" and "Dmitri Peskov", "Erdogan" and
"Erdoğan": an article assembled from several sources, or passed through a spinner, keeps each
source's transliteration. Names of two or more words are compared under a skeleton (no case,
accents, separators or doubled letters, y as i); single words only when they differ by accents,
so that different people and plain words are never merged. The less frequent spelling is
reported on each of its uses, pointing at the usual one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from ..facts.names import accented_words_of, distinct_multiword_names_of, multiword_names_of, skeleton, strip_accents
from ..facts import lazy_re
from ..facts.report import pair

OPTIONS = {}
SCOPES = ()


_POSSESSIVE = ("'s", "’s", "'", "’")
# a character strip_accents may change: outside ASCII and not a quote or dash it leaves alone
_MAY_LOSE_ACCENTS = lazy_re("[^\x00-\x7f‘’“”—–]")


def check(doc, rule):
    groups = defaultdict(list)
    if _spelt_two_ways(distinct_multiword_names_of(doc).values()):
        for name in multiword_names_of(doc):
            for s1, e2, key in _word_pairs(name.text, name.tokens):
                groups[key].append((name.start + s1, name.start + e2, name.text[s1:e2], False))
    # single words: only accents may differ ("Erdogan"/"Erdoğan"); a text whose only
    # characters outside ASCII are quotes and dashes has no word that loses an accent
    accented = accented_words_of(doc) if _MAY_LOSE_ACCENTS.search(doc.text) else ()
    for word in {m.group(0) for m in accented}:
        plain = strip_accents(word)
        if plain == word or plain not in doc.text:
            continue
        for m in re.finditer(rf"\b(?:{re.escape(word)}|{re.escape(plain)})\b", doc.text):
            groups[("w", plain)].append((m.start(), m.end(), m.group(0), False))
    reported = set()
    for key, uses in groups.items():
        if len(uses) < 2:
            continue  # one use, one form
        first = uses[0][2]
        if all(u[2] == first for u in uses):
            continue  # one spelling throughout (the common case: no counting)
        forms = Counter(_norm(u) for u in uses)
        if len(forms) < 2:
            continue
        usual = forms.most_common(1)[0][0]
        first_usual = next(u for u in uses if _norm(u) == usual)
        for u in uses:
            if _norm(u) == usual or _seen(reported, u):
                continue
            both = not _seen(reported, first_usual)
            reported.update({(u[0], u[1]), (first_usual[0], first_usual[1])})
            yield from pair(doc, rule, (u[0], u[1]), (first_usual[0], first_usual[1]),
                            f'"{u[2]}"', f'"{first_usual[2]}"', both=both)


def _spelt_two_ways(names) -> bool:
    """Whether two neighbouring words of the ``names`` ((text, tokens) of the different names)
    have the same skeleton and two spellings (case aside): a name's pairs and their spellings
    follow from its text, so the few different names of a document tell, without going through
    every use."""
    forms = {}
    for text, tokens in names:
        for s1, e2, key in _word_pairs(text, tokens):
            form = text[s1:e2].lower()
            seen = forms.setdefault(key, form)
            if seen != form:
                return True
    return False


@lru_cache(maxsize=16384)
def _word_pairs(text, tokens):
    """(start, end, key) of every pair of neighbouring words of a name, offsets into ``text``:
    "President Vladimir Putin" and "Vladimir Putin's aide" share "Vladimir Putin". Cached per
    name: a name recurs through a text."""
    pos = 0
    spans = []
    for tok in tokens:
        pos = text.index(tok, pos)
        spans.append(pos)
        pos += len(tok)
    out = []
    for s1, s2, a, b in zip(spans, spans[1:], tokens, tokens[1:]):
        if a.endswith(_POSSESSIVE) or "I" in (a, b):
            continue  # "Financial’s Page" is not a spelling of "Financials Page"; "I Chose" no name
        b = b[:-2] if b.endswith(("'s", "’s")) else b.rstrip("'’")
        out.append((s1, s2 + len(b), ("n", skeleton(a), skeleton(b))))
    return tuple(out)


def _seen(reported, use):
    # one finding per place, whichever pair of neighbouring words found it
    return any(s < use[1] and use[0] < e for s, e in reported)


def _norm(use):
    """The form compared: case is typography, not spelling ("Al-Assad" opening a sentence,
    "EvoStar"/"Evostar", a heading in capitals); separators, letters and accents count."""
    return use[2].lower()
