"""offtopic-interrupt: a paragraph that interrupts the article between two paragraphs.

A paragraph pasted between two paragraphs of an article breaks the thread: the paragraphs
before and after it still belong together, while it shares little of the document's
rarity-weighted vocabulary. Every judgement is relative to the document's own usual range
(``usual``: the lower quartile of its paragraphs' similarity with the rest), because loosely
written texts (diaries, listicles) have many weakly connected paragraphs of their own.
Two kinds of evidence, and the strongest candidate of a document is reported:

- ``words``: several weak lexical signals add up. Each is measured from a reference point,
  so that a paragraph short of one can make up for it with the others:
  ``ln(max_relative / relative similarity)`` (its similarity with the rest as a share of the
  usual one), ``novelty_weight x (novelty - min_novelty)`` (share of its rare-word weight in
  words no other paragraph uses), ``ln(mass / min_mass)`` (its rarity weight: long paragraphs
  are judged more surely) and ``bridge_weight x (min(bridge, bridge_cap) - min_bridge)``, the
  similarity of its two neighbours with each other (the text around it reads on without it).
  The sum must reach ``min_score``; the similarity must also be at most ``max_cos`` and the
  mass at least ``min_judged_mass``. (With every term at its reference point the sum is 0.)
  Only prose is judged so (it ends like a sentence): bylines, headings, captions and link
  lines are lexically foreign by nature;
- ``style``: text from another site keeps that site's conventions. The paragraph writes
  apostrophes, quotation marks or dashes one way where the rest of the document writes them
  the other way (at least ``min_style_uses`` times, and no other paragraph writes it so), or it
  speaks in a grammatical person (I, we, you; outside quotation marks) that the rest of a
  long document never uses. Style alone is weak (quotations and asides do this), so it also
  needs lexical distance: similarity at most ``style_max_relative`` x the usual one, novelty
  at least ``style_min_novelty``, mass at least ``style_min_mass``.

Only interior paragraphs are judged (first and last paragraphs are bylines, credits and
sign-offs more often than insertions), in documents with at least ``min_paragraphs`` judged
paragraphs whose usual similarity is at least ``min_usual`` (in a text whose paragraphs share
almost nothing, no paragraph stands out by sharing nothing). The message names the
evidence: foreign words, similarity and usual range, and the style that disagrees.
"""

from __future__ import annotations

import math
import re

from . import Option

OPTIONS = {
    "min_paragraphs": Option(int, 6, doc="documents with fewer judged paragraphs are left alone"),
    "min_usual": Option(float, 0.0, doc="documents whose usual similarity (lower quartile) is lower are too "
                                        "loosely written to judge"),
    "min_mass": Option(float, 20.0, doc="words evidence: reference rarity weight (scores 0)"),
    "min_judged_mass": Option(float, 20.0, doc="words evidence: lighter paragraphs are not judged"),
    "max_cos": Option(float, 0.035, doc="highest similarity with the rest of the document"),
    "max_relative": Option(float, 0.1, doc="words evidence: reference similarity as a share of the usual one"),
    "min_novelty": Option(float, 0.8, doc="words evidence: reference share of rare-word weight in words no "
                                          "other paragraph uses"),
    "novelty_weight": Option(float, 4.0, doc="words evidence: weight of the novelty term"),
    "min_bridge": Option(float, 0.05, doc="words evidence: reference similarity of the paragraphs before and "
                                          "after it"),
    "bridge_weight": Option(float, 5.0, doc="words evidence: weight of the bridge term"),
    "bridge_cap": Option(float, 0.3, doc="words evidence: bridges above this count as this"),
    "min_score": Option(float, 0.0, doc="words evidence: lowest summed score"),
    "style": Option(bool, True, doc="also use the style evidence (typography, grammatical person)"),
    "min_style_uses": Option(int, 3, doc="the rest of the document uses the other convention this often"),
    "min_person_words": Option(int, 400, doc="the person evidence needs a document of this many words"),
    "style_max_relative": Option(float, 0.6, doc="style evidence: highest similarity relative to the usual one"),
    "style_min_novelty": Option(float, 0.6, doc="style evidence: lowest novelty"),
    "style_min_mass": Option(float, 15.0, doc="style evidence: lowest rarity weight"),
}

_JUDGED_MASS = 8.0
_PROSE_END = tuple(".!?\"”’)…")  # how a paragraph of prose ends
_MIN_RELATIVE = 0.003  # relative similarities below this all count as this (no log of 0)
# (name, pattern): each typographic convention and the one it is exclusive with
_TYPO = {  # counted with str.count: C speed, no pattern
    "straight apostrophe": ("'",),
    "curly apostrophe": ("’",),
    "straight quotes": ('"',),
    "curly quotes": ("“", "”"),
    "em dash": ("—",),
    "en dash or hyphen as dash": ("–", " - "),
}
_RIVAL = {"straight apostrophe": "curly apostrophe", "curly apostrophe": "straight apostrophe",
          "straight quotes": "curly quotes", "curly quotes": "straight quotes",
          "em dash": "en dash or hyphen as dash"}
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
# one pass finds every person word; the group that matched names the person
# (I, my, we, us, you, ... as whole words.) The pattern opens with the first letter, so the regex
# engine skips in C to the next of these letters, then looks behind at the word start and at
# which letter it was: a third of the time of opening with the look-behind, which is tried at
# every position (tests/test_offtopic_speed_paths.py keeps that form as the reference). At
# most one spelling of a word is followed by neither a word character nor an apostrophe, so
# the order of the alternatives cannot change a match.
_PERSON = re.compile(
    r"[IMmWwUuOoYy](?<![\w'’].)(?:(?P<first_singular>(?<=I)(?:['’](?:m|ve|d|ll))?|(?<=[Mm])(?:e|y|ine|yself))"
    r"|(?P<first_plural>(?<=[Ww])e(?:['’](?:re|ve|ll|d))?|(?<=[Uu])s|(?<=[Oo])(?:urs?|urselves))"
    r"|(?P<second>(?<=[Yy])(?:ou(?:['’](?:re|ve|ll|d))?|ours?|ourself)))(?![\w'’])")
_PERSON_NAMES = {"first_singular": "first person singular", "first_plural": "first person plural",
                 "second": "second person"}


def _typography(text: str) -> dict:
    return {name: sum(text.count(c) for c in chars) for name, chars in _TYPO.items()}


def _persons(text: str) -> dict:
    counts = dict.fromkeys(_PERSON_NAMES, 0)
    for m in _PERSON.finditer(_QUOTED.sub(" ", text)):
        counts[m.lastgroup] += 1
    return counts


def _rest_uses(doc, start: int, end: int, group: str) -> bool:
    """Whether the document outside [start, end) uses the person ``group`` outside quotes;
    stops at the first use (most documents that use a person use it early)."""
    for m in _PERSON.finditer(_QUOTED.sub(" ", doc.text[:start] + "\n" + doc.text[end:])):
        if m.lastgroup == group:
            return True
    return False


def _document_count(doc, name: str) -> int:
    """How often the whole document writes typographic convention ``name``; counted on
    first use and cached on it (most paragraphs need one or two of the conventions)."""
    counts = doc.__dict__.get("_offtopic_typography")
    if counts is None:
        counts = doc._offtopic_typography = {}
    n = counts.get(name)
    if n is None:
        n = counts[name] = sum(doc.text.count(c) for c in _TYPO[name])
    return n


def style_conflict(doc, start: int, end: int, min_uses: int, min_words: int) -> str | None:
    """Why paragraph ``text`` keeps another convention than the rest of the document: a
    typographic convention that only it uses while the rest uses the rival one at least
    ``min_uses`` times, or a grammatical person (twice or more, outside quotes) that the rest
    of a document of at least ``min_words`` words never uses. None when it agrees. The
    paragraph is doc.text[start:end]."""
    text = doc.text[start:end]
    c = _typography(text)
    for name, rival in _RIVAL.items():
        if not c[name] or _document_count(doc, name) != c[name]:
            continue
        rest = _document_count(doc, rival) - c[rival]
        if rest >= min_uses:
            return f"{name}, where the rest of the article uses {rival} ({rest} times)"
    if not _has_words(doc, min_words):
        return None
    c = _persons(text)
    for group, name in _PERSON_NAMES.items():
        if c[group] >= 2 and not _rest_uses(doc, start, end, group):
            return f"{name} ({c[group]} times), which the rest of the article never uses"
    return None


def _has_words(doc, n: int) -> bool:
    """``doc.words >= n``, without splitting the whole text when the count is not known yet:
    splitting stops at the n-th word."""
    words = doc.__dict__.get("words")
    if words is not None:
        return words >= n
    return n <= 0 or len(doc.text.split(None, n - 1)) >= n


def words_score(u, rel: float, bridge: float | None, opts) -> float:
    """The summed lexical evidence of paragraph unit ``u`` (see the module docstring): each
    term is 0 at its reference option, positive when the paragraph is more foreign.
    ``bridge`` None: the sum without the bridge term."""
    score = (math.log(opts["max_relative"] / max(rel, _MIN_RELATIVE))
             + opts["novelty_weight"] * (u.novelty - opts["min_novelty"])
             + math.log(u.mass / opts["min_mass"]))
    if bridge is None:
        return score
    return score + opts["bridge_weight"] * (min(bridge, opts["bridge_cap"]) - opts["min_bridge"])


def _words_evidence(paras, i: int, rel: float, opts) -> bool:
    """Whether paragraph ``i``'s words score reaches ``min_score``; the neighbours' cosine (the
    bridge) is only computed when its bounded term can decide."""
    score = words_score(paras[i], rel, None, opts) - opts["min_score"]
    weight = opts["bridge_weight"]
    if score + weight * (opts["bridge_cap"] - opts["min_bridge"]) < 0:
        return False
    if score - weight * opts["min_bridge"] >= 0:
        return True
    from ..topic.cohesion import cosine

    bridge = min(cosine(paras[i - 1].bag, paras[i + 1].bag), opts["bridge_cap"])
    return score + weight * (bridge - opts["min_bridge"]) >= 0


def check(doc, rule):
    from ..topic.cohesion import profile
    from ..topic.lexicon import surfaces

    opts = rule.options
    paras = profile(doc).paragraphs
    judged = sorted(u.cos for u in paras if u.mass >= _JUDGED_MASS)
    if len(judged) < opts["min_paragraphs"]:
        return
    q1, q3 = judged[len(judged) // 4], judged[(3 * len(judged)) // 4]
    if q1 <= 0 or q1 < opts["min_usual"]:
        return
    best = None
    for i in range(1, len(paras) - 1):
        u = paras[i]
        if u.mass < min(opts["min_judged_mass"], opts["style_min_mass"]):
            continue
        rel = u.cos / q1
        evidence = None
        if (u.mass >= opts["min_judged_mass"] and u.cos <= opts["max_cos"] and u.text.rstrip().endswith(_PROSE_END)
                and _words_evidence(paras, i, rel, opts)):
            evidence = "words"
        elif (opts["style"] and u.mass >= opts["style_min_mass"] and rel <= opts["style_max_relative"]
                and u.novelty >= opts["style_min_novelty"]):
            why = style_conflict(doc, u.start, u.end, opts["min_style_uses"], opts["min_person_words"])
            if why:
                evidence = "style: " + why
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
