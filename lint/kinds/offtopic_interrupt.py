"""offtopic-interrupt: a paragraph that interrupts the article between two paragraphs.

A paragraph pasted between two paragraphs of an article breaks the thread: the paragraphs
before and after it still belong together, while it shares little of the document's
rarity-weighted vocabulary. Every judgement is relative to the document's own usual range
(``usual``: the lower quartile of its paragraphs' similarity with the rest), because loosely
written texts (diaries, listicles) have many weakly connected paragraphs of their own.
Two kinds of evidence, and the strongest candidate of a document is reported:

- ``words``: similarity with the rest at most ``max_cos`` and at most ``max_relative`` x the
  usual one, ``min_novelty`` of its rare-word weight in words no other paragraph uses, at
  least ``min_mass`` of rarity weight, and its two neighbours share vocabulary with each other
  (cosine >= ``min_bridge``): the text around it reads on without it;
- ``style``: text from another site keeps that site's conventions. The paragraph writes
  apostrophes, quotation marks or dashes one way where the rest of the document writes them
  the other way (at least ``min_style_uses`` times, and no other paragraph disagrees), or it
  speaks in a grammatical person (I, we, you; outside quotation marks) that the rest of a
  long document never uses. Style alone is weak (quotations and asides do this), so it also
  needs lexical distance: similarity at most ``style_max_relative`` x the usual one, novelty
  at least ``style_min_novelty``, mass at least ``style_min_mass``.

Only interior paragraphs are judged (first and last paragraphs are bylines, credits and
sign-offs more often than insertions), in documents with at least ``min_paragraphs`` judged
paragraphs. The message names the evidence: foreign words, similarity and usual range, and
the style that disagrees.
"""

from __future__ import annotations

import math
import re

from . import Option

OPTIONS = {
    "min_paragraphs": Option(int, 6, doc="documents with fewer judged paragraphs are left alone"),
    "min_mass": Option(float, 20.0, doc="summed rarity weight a paragraph needs for the words evidence"),
    "max_cos": Option(float, 0.035, doc="highest similarity with the rest of the document"),
    "max_relative": Option(float, 0.1, doc="highest similarity as a share of the document's usual one"),
    "min_novelty": Option(float, 0.8, doc="lowest share of rare-word weight in words no other paragraph uses"),
    "min_bridge": Option(float, 0.05, doc="lowest similarity between the paragraphs before and after it"),
    "style": Option(bool, True, doc="also use the style evidence (typography, grammatical person)"),
    "min_style_uses": Option(int, 3, doc="the rest of the document uses the other convention this often"),
    "min_person_words": Option(int, 400, doc="the person evidence needs a document of this many words"),
    "style_max_relative": Option(float, 0.5, doc="style evidence: highest similarity relative to the usual one"),
    "style_min_novelty": Option(float, 0.6, doc="style evidence: lowest novelty"),
    "style_min_mass": Option(float, 15.0, doc="style evidence: lowest rarity weight"),
}

_JUDGED_MASS = 8.0
# (name, pattern): each typographic convention and the one it is exclusive with
_TYPO = {
    "straight apostrophe": re.compile(r"[A-Za-z]'[A-Za-z]"),
    "curly apostrophe": re.compile(r"[A-Za-z]’[A-Za-z]"),
    "straight quotes": re.compile(r'"'),
    "curly quotes": re.compile(r"[“”]"),
    "em dash": re.compile(r"—"),
    "en dash or hyphen as dash": re.compile(r"–| - "),
}
_RIVAL = {"straight apostrophe": "curly apostrophe", "curly apostrophe": "straight apostrophe",
          "straight quotes": "curly quotes", "curly quotes": "straight quotes",
          "em dash": "en dash or hyphen as dash"}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_PERSON = {
    "first person singular": re.compile(r"(?<![\w'’])(?:I|me|my|mine|myself)(?![\w'’])|\bI['’](?:m|ve|d|ll)\b"),
    "first person plural": re.compile(r"\b(?:[Ww]e|[Uu]s|[Oo]urs?|[Ww]e['’](?:re|ve|ll|d))\b"),
    "second person": re.compile(r"\b(?:[Yy]ou|[Yy]ours?|[Yy]ou['’](?:re|ve|ll|d))\b"),
}


def _count(patterns: dict, text: str) -> dict:
    return {name: len(rx.findall(text)) for name, rx in patterns.items()}


def style_conflicts(texts: list[str], min_uses: int, min_words: int) -> dict[int, str]:
    """paragraph index -> the convention it uses against the rest of the document."""
    typo = [_count(_TYPO, t) for t in texts]
    out: dict[int, str] = {}
    total = {k: sum(c[k] for c in typo) for k in _TYPO}
    for i, c in enumerate(typo):
        for name, rival in _RIVAL.items():
            if c[name] and total[name] == c[name] and total[rival] - c[rival] >= min_uses:
                out[i] = f"{name}, where the rest of the article uses {rival} ({total[rival] - c[rival]} times)"
                break
    if len(out) > 1:  # several paragraphs disagree: the page mixes conventions
        out = {}
    if sum(len(t.split()) for t in texts) < min_words:
        return out
    person = [_count(_PERSON, _QUOTED.sub(" ", t)) if any(w in t for w in ("I", "we", "We", "you", "You", "my", "our", "us", "me"))
              else dict.fromkeys(_PERSON, 0) for t in texts]
    ptotal = {k: sum(c[k] for c in person) for k in _PERSON}
    shifts = {}
    for i, c in enumerate(person):
        for name in _PERSON:
            if c[name] >= 2 and ptotal[name] == c[name]:
                shifts[i] = f"{name} ({c[name]} times), which the rest of the article never uses"
                break
    if len(shifts) == 1:
        for i, why in shifts.items():
            out.setdefault(i, why)
    return out


def check(doc, rule):
    from ..topic.cohesion import cosine, profile
    from ..topic.lexicon import surfaces

    opts = rule.options
    paras = profile(doc).paragraphs
    judged = sorted(u.cos for u in paras if u.mass >= _JUDGED_MASS)
    if len(judged) < opts["min_paragraphs"]:
        return
    q1, q3 = judged[len(judged) // 4], judged[(3 * len(judged)) // 4]
    if q1 <= 0:
        return
    styles = None
    best = None
    for i in range(1, len(paras) - 1):
        u = paras[i]
        if u.mass < min(opts["min_mass"], opts["style_min_mass"]):
            continue
        rel = u.cos / q1
        evidence = None
        if (u.mass >= opts["min_mass"] and u.cos <= opts["max_cos"] and rel <= opts["max_relative"]
                and u.novelty >= opts["min_novelty"]
                and cosine(paras[i - 1].bag, paras[i + 1].bag) >= opts["min_bridge"]):
            evidence = "words"
        elif (opts["style"] and u.mass >= opts["style_min_mass"] and rel <= opts["style_max_relative"]
                and u.novelty >= opts["style_min_novelty"]):
            if styles is None:
                styles = style_conflicts([p.text for p in paras], opts["min_style_uses"], opts["min_person_words"])
            if i in styles:
                evidence = "style: " + styles[i]
        if evidence and (best is None or rel < best[0]):
            best = (rel, u, evidence)
    if best is None:
        return
    rel, u, evidence = best
    words = ", ".join(surfaces(u.text, u.foreign)) or "none"
    f = rule.finding(doc, u.start, u.end, evidence=evidence, foreign=words, cos=f"{u.cos:.3f}",
                     usual=f"{q1:.2f}-{q3:.2f}", novelty=f"{u.novelty:.0%}")
    f.score = u.cos
    yield f
