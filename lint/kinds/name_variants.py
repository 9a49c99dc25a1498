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

from ..facts.names import accented_words_of, multiword_names_of, skeleton, strip_accents
from ..facts.report import pair

OPTIONS = {}
SCOPES = ()


def check(doc, rule):
    groups = defaultdict(list)
    for name in multiword_names_of(doc):
        toks = name.tokens
        # the last two words: "President Vladimir Putin" and "Vladimir Putin" are one name
        first, last = toks[-2], toks[-1]
        start = name.start + name.text.rfind(first, 0, name.end - name.start - len(last))
        key = ("n", skeleton(first), skeleton(last))
        groups[key].append((start, name.end, doc.text[start:name.end], name.sentence_start and start == name.start))
    # single words: only accents may differ ("Erdogan"/"Erdoğan")
    for word in {m.group(0) for m in accented_words_of(doc)}:
        plain = strip_accents(word)
        if plain == word or plain not in doc.text:
            continue
        for m in re.finditer(rf"\b(?:{re.escape(word)}|{re.escape(plain)})\b", doc.text):
            groups[("w", plain)].append((m.start(), m.end(), m.group(0), False))
    for key, uses in groups.items():
        forms = Counter(_norm(u) for u in uses)
        if len(forms) < 2:
            continue
        usual = forms.most_common(1)[0][0]
        first_usual = next(u for u in uses if _norm(u) == usual)
        done = False
        for u in uses:
            if _norm(u) == usual:
                continue
            found = pair(doc, rule, (u[0], u[1]), (first_usual[0], first_usual[1]),
                         f'"{u[2]}"', f'"{first_usual[2]}"', both=not done)
            done = True
            yield from found


def _norm(use):
    """The form compared: case is typography, not spelling ("Al-Assad" opening a sentence,
    "EvoStar"/"Evostar", a heading in capitals); separators, letters and accents count."""
    return use[2].lower()
