"""offtopic-voice: a first-person passage in an article otherwise told in the third person.

Text spliced in from a blog, a tweet or a columnist carries its author's voice: "My colleague
also stressed: …", "I just got home from New England". When nothing else in the document
speaks in the first person outside quotation marks, such a sentence is out of place — the
more so when its words and names are foreign to the article too (``min_novelty``,
``min_foreign_names``: a writer's own aside stays with the article's cast). Quoted speech
("I was surprised," she said) is ignored: only words outside quotation marks count.

Options: ``min_novelty`` (0.5: share of the sentence's rarity weight in words the rest of the
document never uses), ``min_sentences`` (8: the rest of the document needs this many
sentences to have a voice of its own), ``min_foreign_names`` (1), ``max_per_document`` (1).
One finding spans the paragraph's first-person sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import methodcaller

from . import Option

OPTIONS = {
    "min_novelty": Option(float, 0.5, doc="lowest share of rare-word weight foreign to the document"),
    "min_sentences": Option(int, 8, doc="documents with fewer sentences are left alone"),
    "min_foreign_names": Option(int, 1, doc="names (capitalised words) the rest of the document never uses"),
    "max_per_document": Option(int, 1, doc="report at most this many passages per document"),
}

_QUOTED = re.compile(r"[\"“”«»][^\"“”«»]*[\"“”«»]|‘[^‘’]*’(?!\w)")
# I, me, my, mine, myself as whole words. The pattern opens with one character class, so the
# regex engine skips to the candidate letters in C; each branch then looks behind at which
# letter it was and at the start of the word
_FIRST = re.compile(r"[IMm](?:(?<=I)(?<![\w'’]I)(?:['’](?:m|ve|d|ll))?"
                    r"|(?<=[Mm])(?<![\w'’][Mm])(?:e|y|ine|yself))(?![\w'’])")

# The same words found with one pattern per first letter: a pattern that opens with a literal
# letter is searched for that letter alone (sre's literal prefix), faster than the class [IMm].
# _FIRST's matches are whole words, so the three sets of matches never overlap.
_FIRST_BY_LETTER = [re.compile(r"I(?<![\w'’]I)(?:['’](?:m|ve|d|ll))?(?![\w'’])")] + [
    re.compile(rf"{c}(?<![\w'’]{c})(?:e|y|ine|yself)(?![\w'’])") for c in "Mm"]


def _first_person_starts(text: str) -> list[int]:
    """The start of every match of _FIRST in ``text``, in order."""
    out = []
    for rx in _FIRST_BY_LETTER:
        out += map(_START, rx.finditer(text))
    out.sort()
    return out


_START = methodcaller("start")


def first_person(doc, sentences) -> list[list[str]]:
    """Per sentence, its first-person words outside quotation marks ("I", "my", ...).
    Quotes are found over the whole paragraph: a quotation often spans sentences."""
    if not sentences:
        return []
    start = sentences[0].start
    text = doc.text[start:sentences[-1].end]
    quoted = [(m.start() + start, m.end() + start) for m in _QUOTED.finditer(text)]
    out = [[] for _ in sentences]
    for m in _FIRST.finditer(text):
        pos = m.start() + start
        if any(a <= pos < b for a, b in quoted):
            continue
        for k, s in enumerate(sentences):
            if s.start <= pos < s.end:
                out[k].append(m.group())
    return out


def voiced_paragraphs(doc, limit: int | None = None) -> dict:
    """paragraph index -> number of its first-person words outside quotation marks; only
    paragraphs that have some. One scan of the document finds the candidates; with ``limit``,
    the scan stops once that many paragraphs are voiced."""
    paras = doc.paragraphs
    starts = [p.start for p in paras]
    out = {}
    i, positions = -1, []
    for pos in _first_person_starts(doc.text):
        j = bisect_right(starts, pos) - 1
        if j != i:
            if positions and _unquoted(paras[i], positions, out, i) and len(out) == limit:
                return out
            i, positions = j, []
        if j >= 0 and pos < paras[j].end:
            positions.append(pos)
    if positions:
        _unquoted(paras[i], positions, out, i)
    return out


def _unquoted(p, positions, out, i) -> bool:
    """Count the ``positions`` in paragraph ``p`` outside quotation marks into ``out[i]``."""
    quoted = [(m.start() + p.start, m.end() + p.start) for m in _QUOTED.finditer(p.text)]
    n = sum(1 for pos in positions if not any(a <= pos < b for a, b in quoted))
    if n:
        out[i] = n
    return bool(n)


def check(doc, rule):
    from ..topic.cohesion import profile, score_sentences
    from ..topic.lexicon import entities, surfaces

    opts = rule.options
    if opts["max_per_document"] < 1:
        return
    voiced = voiced_paragraphs(doc, limit=2)
    # the rest of the document must never speak in the first person: one voiced paragraph
    if len(voiced) != 1:
        return
    (i,) = voiced
    prof = profile(doc)
    sents = prof.sentences_of(i)
    scored = score_sentences(prof, i)
    hits = [(s, v) for s, v in zip(scored, first_person(doc, sents)) if v and s.novelty >= opts["min_novelty"]]
    if not hits:
        return
    # the rest of the document must be long enough to have a voice of its own (counted last:
    # splitting the whole document into sentences costs more than the tests above)
    n_sentences = len(doc.sentences)
    if n_sentences < opts["min_sentences"] or n_sentences - len(sents) < opts["min_sentences"]:
        return
    others = set()
    for j, p in enumerate(prof.paragraphs):
        if j != i:
            others.update(prof.names(j))
            others.update(p.bag)
    names = {n for s, _ in hits for n in entities(s.text)} - others
    if len(names) < opts["min_foreign_names"]:
        return
    first, last = hits[0][0], hits[-1][0]
    words = [w for s, _ in hits for w in surfaces(s.text, s.foreign, 4)]
    yield rule.finding(doc, first.start, last.end, voice=", ".join(dict.fromkeys(v for _, vs in hits for v in vs)),
                       foreign=", ".join(words[:6]) or "none",
                       novelty=f"{max(s.novelty for s, _ in hits):.0%}")
