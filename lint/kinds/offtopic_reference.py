"""offtopic-reference: a passage that refers to what its article never introduced.

Writers introduce what they refer to: a person in full ("Kremlin spokesman Dmitry Peskov")
before the bare surname ("Peskov said"), an organisation before "the agency". A passage lifted
from the middle of another article keeps references that were introduced in *that* article,
so in its new home they dangle. In passages that are already lexically foreign, the kind
looks for references whose key word the text outside the passage never uses:

- ``surname``: a capitalised word cited bare next to a speech verb ("Houssaini said", "said
  Lamb"), not preceded by a first name and not introduced in full in the passage itself
  ("according to X" is not read: it cites organisations, which need no introduction, as
  often as people);
- ``title``: a title and a single name ("Mr. Jones", "Dr Lee"), not "Dr. Joan LaRovere" and
  not inside a longer name;
- ``description``: "the/this/these/those ... <kind of entity>" ("the company", "this course", "the
  Korea-born bakery chain") where that kind of entity is never named elsewhere;
- ``acronym`` (off by default): 2-6 capitals, rare as a word (zipf below
  ``max_acronym_zipf``: "ECG" yes, "CEO" no), not spelt out in the passage;
- ``demonstrative`` (off by default): "this/these/those <noun>" whose noun is used nowhere
  else ("this form");
- ``year`` (support): every year the passage gives lies ``min_year_gap`` or more years from
  every year the rest gives (at least two): a different time frame;
- ``style`` (support, sentences only): the sentence writes apostrophes, quotes or dashes the
  other way from the rest, or speaks in a person the rest never uses (as in
  offtopic-interrupt).

Candidates, judged with the shared topic profile (rarity-weighted words):

- an inner sentence of a paragraph (a sentence on each side) that shares no content word
  with either neighbour, carries ``sentence_min_mass`` of rarity weight and keeps at least
  ``sentence_min_novelty`` of it in words no other sentence uses;
- an interior paragraph of prose with ``paragraph_min_mass`` and ``paragraph_min_novelty``
  (in documents of at least ``min_paragraphs`` paragraphs).

A candidate needs one dangling reference, and the weights of its cues (``weights``: 1 unless
listed) must sum to ``min_score``: by default a person never introduced is enough, a dangling
description needs a second cue. At most ``max_per_document`` passages are reported, a
sentence before the paragraph around it, then the most evidence. The message names the
references. Cost: what dangles in a sentence dangles in its paragraph, and a reference's key
word is among the paragraph's novel words, so paragraphs are picked from the bags and a few
str.find calls (an entity noun only one paragraph uses, a capitalised word next to a speech
verb that no other paragraph uses, a title); only those are read with regular expressions,
and only their middle is split into sentences.
"""

from __future__ import annotations

import bisect
import re

from . import Option

CUES = ("surname", "title", "acronym", "description", "demonstrative", "year", "style")

OPTIONS = {
    "cues": Option((list, str), ["surname", "title", "description", "year", "style"],
                   doc=f"the kinds of dangling reference that count (a list, or names joined by commas), of "
                       f"{', '.join(CUES)}"),
    "weights": Option(dict, {"surname": 2, "title": 2}, doc="what one reference of a cue counts (1 when not "
                                                             "listed): a person never introduced is strong evidence"),
    "min_score": Option(float, 2.0, doc="lowest summed weight of the dangling references a passage needs"),
    "sentences": Option(bool, True, doc="judge inner sentences"),
    "paragraphs": Option(bool, True, doc="judge interior paragraphs"),
    "sentence_min_mass": Option(float, 8.0, doc="summed rarity weight a sentence needs to be judged"),
    "sentence_min_novelty": Option(float, 0.9, doc="lowest share of a sentence's rarity weight in words used "
                                                   "nowhere else in the document"),
    "paragraph_min_mass": Option(float, 10.0, doc="summed rarity weight a paragraph needs to be judged"),
    "paragraph_min_novelty": Option(float, 0.6, doc="lowest share of a paragraph's rarity weight in words no "
                                                    "other paragraph uses"),
    "min_paragraphs": Option(int, 4, doc="documents with fewer paragraphs are left alone"),
    "max_acronym_zipf": Option(float, 3.5, doc="acronyms commoner than this as words (CEO, FBI) never count"),
    "min_year_gap": Option(int, 5, doc="years this far from all the document's other years are another time frame"),
    "max_per_document": Option(int, 1, doc="report at most this many passages per document"),
}


def _cues(opts) -> set:
    cues = opts["cues"]
    return set(cues.split(",") if isinstance(cues, str) else cues)


def prepare(rule):
    unknown = sorted(c for c in set(_cues(rule.options)) | set(rule.options["weights"]) if c not in CUES)
    if unknown:
        raise ValueError(f"unknown cues {', '.join(map(str, unknown))}; known: {', '.join(CUES)}")


_SPEECH = r"(?:said|says|added|told|explained|argued|stressed|wrote|tweeted|warned|insisted)"
# "said Smith" (the name not followed by another capitalised word) and "Smith said", found
# from each speech verb. "according to" is left out: it cites organisations ("according to
# Reuters") as often as people, and those need no introduction.
_SPEECH_RX = re.compile(rf"\b{_SPEECH}\b")
_NAME_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![\s-]+[A-Z])(?!['’])")
_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+$")
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Sgt|Rev)\.?\s+([A-Z][a-z][\w'’-]*)\b"
                    r"(?!\s+[A-Z])")
_ACRONYM = re.compile(r"(?<![\w(-])([A-Z]{2,6})(?:s|['’]s)?(?![\w)-])")
# kinds of entity a writer introduces by name before calling them "the company"
_ENTITIES = """company firm agency study survey report bill law court ministry department committee council
university college school chain platform app device product course class certification programme program
team club project deal policy campaign festival film album brand startup organisation organization foundation
charity union commission board panel trial paper conference exhibition museum gallery airline tournament
league network service tool software exam credential""".split()
# up to two modifiers, none a function word ("the Korea-born bakery chain", not "the by school")
_FUNCTION = ("a|an|the|this|that|these|those|his|her|its|our|their|my|your|by|of|in|on|at|to|for|from|with|as|is"
             "|was|are|were|and|or|but|it|s")
# "that" is left out: as often a conjunction ("... that all computer programs") as a determiner
_DESCRIPTION = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)\s+"
                          r"(?:(?!(?:" + _FUNCTION + r")\s)[\w’'-]+\s+){0,2}?"
                          "(" + "|".join(sorted(_ENTITIES, key=len, reverse=True)) + r")(?:s|es)?\b")
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+([a-z][a-z-]{2,})\b")
# words after "this" that point at the text or the moment, not at something introduced earlier
_DEICTIC = frozenset("""year years week weeks month months time times day days morning afternoon evening night
weekend season summer winter spring fall autumn century decade article post story page guide site website blog
way point moment one ones is was are were will would can could should may might has have had does did means
includes kind type sort list process""".split())
_YEAR = re.compile(r"(?<![\w$£€.,-])(1[89]\d\d|20\d\d)(?![\w%-]|[.,]\d)")
_PLACE_WORDS = frozenset("in at from of to for on with by near".split())
# capitalised words next to a speech verb that are no surname
_NOT_NAMES = frozenset("""Mr Mrs Ms Mx Dr Prof Sen Rep Gov Gen Col Capt Sgt Rev The A An This That These Those
It He She They We I You His Her Their Our My Your Its There Here But And Or So Then When While If As After
Before Also Officials Experts Critics Analysts Researchers Scientists Authorities Police Others Some Many Most
People Sources Reports Studies Founder Co-Founder Cofounder
President Chairman Chairwoman Chair Director Spokesman Spokeswoman Spokesperson Minister Secretary Governor Mayor
Senator Judge Officer Chief Manager Editor Author Professor Coach Captain""".split())


def _word_at(hay: str, key: str, start: int, end: int) -> bool:
    """Whether ``key`` opens a word of ``hay`` outside [start, end)."""
    for lo, hi in ((0, start), (end, len(hay))):
        i = hay.find(key, lo, hi)
        while i >= 0:
            if i == 0 or not hay[i - 1].isalpha():
                return True
            i = hay.find(key, i + 1, hi)
    return False


def _key(noun: str) -> str:
    """A prefix that matches the noun's singular and plural ("company"/"companies")."""
    return noun[:-1] if noun.endswith("y") else noun


def _names_next_to(text: str, i: int, j: int) -> list[str]:
    """The names ``dangling`` may read around the speech verb that opens at text[i:j]
    ("said Smith", "Smith said"), with the same patterns."""
    out = []
    after = _NAME_AFTER.match(text, _WORD_REST.match(text, j).end())
    if after:
        out.append(after.group(1))
    before = _NAME_BEFORE.search(text, max(0, i - 40), i)
    if before:
        out.append(before.group(1))
    return out


_WORD_REST = re.compile(r"\w*")


class _Context:
    """What the cues read of one document: its text, lowercased text and years (on demand)."""

    def __init__(self, doc, low: str | None):
        self.text = doc.text
        self.low = low  # None when lowercasing changes the length (offsets would differ)
        self._years = None
        self._starts = None

    def used_outside(self, word: str, start: int, end: int) -> bool:
        """Whether lowercase ``word`` opens a word of the text outside [start, end)."""
        if self.low is not None:
            return _word_at(self.low, word, start, end)
        return _word_at(self.text[:start].lower(), word, start, start) or _word_at(
            self.text[end:].lower(), word, 0, 0)

    def paragraph_at(self, paras, i: int) -> int:
        if self._starts is None:
            self._starts = [p.start for p in paras]
        return max(0, bisect.bisect_right(self._starts, i) - 1)

    def paragraphs_with(self, paras, key: str, capital: bool = False, names: bool = False) -> set:
        """The indices of the paragraphs where a word opens with lowercase ``key``: written
        with a capital (``capital``), or (``names``) with a capitalised word just before or
        after it ("Smith said", "said Smith") that no other paragraph uses. str.find, one jump
        per paragraph found."""
        low = self.low if self.low is not None else self.text.lower()
        find, text = low.find, self.text
        out = set()
        i = find(key)
        while i >= 0:
            if (i and low[i - 1].isalpha()) or (capital and not text[i].isupper()):
                i = find(key, i + 1)
                continue
            k = self.paragraph_at(paras, i)
            p = paras[k]
            if names and all(_word_at(text, w, p.start, p.end) for w in _names_next_to(text, i, i + len(key))):
                i = find(key, i + 1)  # nobody here, or named elsewhere too
                continue
            out.add(k)
            i = find(key, p.end) if k + 1 < len(paras) else -1  # on to the next paragraph
        return out

    def years_outside(self, start: int, end: int) -> list[int]:
        if self._years is None:
            self._years = [(m.start(), int(m.group(1))) for m in _YEAR.finditer(self.text)]
        return [y for at, y in self._years if not start <= at < end]


def dangling(ctx: _Context, start: int, end: int, cues, opts) -> list[tuple[str, str, int]]:
    """(cue, surface, offset in the text) of every reference in the text's [start, end) whose
    key word the text outside it never uses (the reference cues: not ``year`` and ``style``)."""
    from ..topic.lexicon import zipf_table

    text = ctx.text
    unit = text[start:end]
    out = []

    def add(cue, surface, at):
        if all(c != cue or s != surface for c, s, _ in out):
            out.append((cue, surface, start + at))

    if "surname" in cues:
        names = []
        for m in _SPEECH_RX.finditer(unit):  # the speech verbs, then the name after or before each
            after = _NAME_AFTER.match(unit, m.end())
            if after:
                names.append((after.group(1), after.start(1)))
            before_name = _NAME_BEFORE.search(unit, max(0, m.start() - 40), m.start())
            if not before_name:
                continue
            before = unit[:before_name.start(1)].rstrip().rsplit(None, 1)
            if before and before[-1][:1].isupper() and not before[-1].endswith((".", ",", ":", ";", "”", '"')):
                continue  # "John Smith said": introduced here
            if before and before[-1].lower() in _PLACE_WORDS:
                continue  # "officials in Seoul said": a place speaking for its government
            if not before or before[-1].endswith((".", "!", "?")):  # opens a sentence: "Researchers said"
                if zipf_table().get(before_name.group(1).lower(), 0) >= 3.0:
                    continue
            names.append((before_name.group(1), before_name.start(1)))
        for name, at in names:
            if name in _NOT_NAMES or _word_at(text, name, start, end):
                continue
            if re.search(r"[A-Z][\w.'’-]*\s+" + re.escape(name) + r"\b", unit):
                continue  # introduced in full within the passage
            add("surname", name, at)
    if "title" in cues:
        for m in _TITLE.finditer(unit):
            before = unit[:m.start()].rstrip().rsplit(None, 1)
            if before and before[-1][:1].isupper() and before[-1][-1].isalpha():
                continue  # inside a longer name: "Thung Sen Chalets"
            if not _word_at(text, m.group(1), start, end):
                add("title", m.group(0), m.start())
    if "acronym" in cues and not unit.isupper():
        table = zipf_table()
        for m in _ACRONYM.finditer(unit):
            a = m.group(1)
            if (table.get(a.lower(), 0) >= opts["max_acronym_zipf"] or _word_at(text, a, start, end)
                    or f"({a})" in unit):
                continue
            add("acronym", a, m.start())
    if "description" in cues:
        for m in _DESCRIPTION.finditer(unit):
            if not ctx.used_outside(_key(m.group(1)), start, end):
                add("description", m.group(0), m.start())
    if "demonstrative" in cues:
        for m in _DEMONSTRATIVE.finditer(unit):
            noun = m.group(1)
            if noun not in _DEICTIC and not ctx.used_outside(_key(noun), start, end):
                add("demonstrative", m.group(0), m.start())
    return out


def time_frame(ctx: _Context, start: int, end: int, gap: int) -> str | None:
    """The years of the text's [start, end) when every one lies ``gap`` or more years from
    every year the rest of the text gives (at least two), else None."""
    mine = {int(y) for y in _YEAR.findall(ctx.text, start, end)}
    if not mine:
        return None
    others = ctx.years_outside(start, end)
    if len(others) >= 2 and all(abs(y - o) >= gap for y in mine for o in others):
        return ", ".join(map(str, sorted(mine)))
    return None


_REFERENCE_CUES = frozenset(("surname", "title", "acronym", "description", "demonstrative"))
_PROSE_END = tuple(".!?\"”’)…")


def _entity_stems() -> frozenset:
    from ..topic.lexicon import stem_weight

    return frozenset(stem_weight(n)[0] for n in _ENTITIES)


_ENTITY_STEMS = None


def _triggered(ctx: _Context, paras, total: dict, cues) -> dict:
    """paragraph index -> the reference cues that may find something dangling in it. A
    reference's key word is used nowhere else, so the paragraph is the only one with an entity
    noun (``description``); names need a speech verb (``surname``) or a title (``title``) in
    the paragraph. Found from the document's bag and each paragraph's (dictionary look-ups,
    no pass over every paragraph's text): most paragraphs are never looked at."""
    global _ENTITY_STEMS
    out: dict = {}
    if "demonstrative" in cues or "acronym" in cues:  # no cheap trigger: every paragraph
        for i in range(len(paras)):
            out[i] = {c for c in ("demonstrative", "acronym") if c in cues}
    if "description" in cues:
        if _ENTITY_STEMS is None:
            _ENTITY_STEMS = _entity_stems()
        for k in total.keys() & _ENTITY_STEMS:
            i = _only_paragraph(ctx, paras, total, k)
            if i is not None:
                out.setdefault(i, set()).add("description")
    for cue, stems in (("surname", _SPEECH_STEMS), ("title", _TITLE_STEMS)):
        if cue not in cues:
            continue
        keys = [_key(k) for k in total.keys() & stems] + (["said"] if cue == "surname" else [])
        hits = set()
        for key in keys:
            hits |= ctx.paragraphs_with(paras, key, cue == "title", cue == "surname")
        for i in hits:
            out.setdefault(i, set()).add(cue)
    return out


def _only_paragraph(ctx: _Context, paras, total: dict, k: str):
    """The index of the one paragraph that uses stem ``k``, or None: the paragraph of its
    first occurrence as text (str.find) holds all its weight, and a determiner comes shortly
    before it there. (A key first found inside a longer word only makes the rule miss.)"""
    low = ctx.low if ctx.low is not None else ctx.text.lower()
    key = _key(k)
    i = low.find(key)
    if i < 0:
        return None
    index = ctx.paragraph_at(paras, i)
    p = paras[index]
    x = p.bag.get(k)
    if x is None or total[k] - x >= 1e-9:
        return None
    before = low[max(p.start, i - 32):i]  # "the ... <noun>": a determiner up to two words before
    return index if any(d in before for d in _DETERMINERS) else None


_DETERMINERS = ("the ", "this ", "these ", "those ")


# the stems of the speech verbs and titles in the paragraphs' bags ("said" is too common to be
# in them: it is searched for as text)
_SPEECH_STEMS = frozenset("say added told explai argued stress wrote tweete warned insist".split())
_TITLE_STEMS = frozenset("mr mrs ms mx dr prof sen rep gov gen col capt sgt rev".split())


def _in_middle(p, refs) -> bool:
    """Whether a reference lies between the first and the last sentence end of paragraph
    ``p``: only there can it be in an inner sentence (found without splitting the paragraph)."""
    from .offtopic_splice import _inner_span

    span = _inner_span(p.text)
    return span is not None and any(span[0] <= at - p.start < span[1] for _, _, at in refs)


def _sentences(prof, index: int, opts):
    """(unit, novelty) of paragraph ``index``'s inner sentences that share no word with
    their neighbours and keep most of their weight in words used nowhere else."""
    from .offtopic_splice import _overlap, _score, _squared_norm

    min_mass, min_nov = opts["sentence_min_mass"], opts["sentence_min_novelty"]
    total = prof.total
    sents = prof.sentences_of(index)
    tn2 = None
    for j in range(1, len(sents) - 1):
        u = sents[j]
        if u.mass < min_mass:
            continue
        if tn2 is None:
            tn2 = _squared_norm(total)
        _, novelty = _score(u.bag, u.mass, total, tn2)
        if novelty >= min_nov and not _overlap(u.bag, sents[j - 1].bag) and not _overlap(u.bag, sents[j + 1].bag):
            yield u, novelty


def check(doc, rule):
    from ..topic.cohesion import profile
    from ..topic.lexicon import lowered, surfaces

    opts = rule.options
    prof = profile(doc)
    paras = prof.paragraphs
    if len(paras) < opts["min_paragraphs"]:
        return
    cues = _cues(opts)
    reference_cues = cues & _REFERENCE_CUES
    weights = opts["weights"]
    ctx = _Context(doc, lowered(doc))
    found = []

    def judge(u, novelty, refs, is_sentence):
        refs = list(refs)
        if "year" in cues:
            years = time_frame(ctx, u.start, u.end, opts["min_year_gap"])
            if years:
                refs.append(("year", years, u.start))
        if is_sentence and "style" in cues:
            from .offtopic_interrupt import style_conflict

            why = style_conflict(doc, u.start, u.end, 3, 400)
            if why:
                refs.append(("style", why, u.start))
        score = sum(weights.get(c, 1) for c, _, _ in refs)
        if score >= opts["min_score"]:
            found.append((not is_sentence, -score, -novelty, u.start, u, refs))

    sentence_need = opts["sentence_min_novelty"] * opts["sentence_min_mass"]
    last = len(paras) - 1
    for index, maybe in sorted(_triggered(ctx, paras, prof.total, reference_cues).items()):
        p = paras[index]
        as_paragraph = (opts["paragraphs"] and 0 < index < last and p.mass >= opts["paragraph_min_mass"]
                        and p.novelty >= opts["paragraph_min_novelty"] and p.text.rstrip().endswith(_PROSE_END))
        # a sentence's novel words are its paragraph's
        as_sentences = opts["sentences"] and p.novelty * p.mass >= sentence_need
        if not (as_paragraph or as_sentences):
            continue
        refs = dangling(ctx, p.start, p.end, maybe, opts)
        if not refs:
            continue  # what dangles in a sentence dangles in its paragraph: nothing here does
        if as_paragraph:
            judge(p, p.novelty, refs, False)
        if as_sentences and _in_middle(p, refs):
            for u, novelty in _sentences(prof, index, opts):
                inner = dangling(ctx, u.start, u.end, {c for c, _, _ in refs}, opts)
                if inner:  # a passage needs one reference that dangles; time frame and style only add
                    judge(u, novelty, inner, True)
    found.sort(key=lambda f: f[:4])  # a sentence before the paragraph around it, then most evidence
    for _, score, novelty, _, u, refs in found[: opts["max_per_document"]]:
        score, novelty = -score, -novelty
        total = prof.total
        b = u.bag
        foreign = [k for x, k in sorted(((x, k) for k, x in b.items() if total.get(k, x) - x < 1e-9), reverse=True)]
        f = rule.finding(doc, u.start, u.end, refs="; ".join(f"{c}: {s}" for c, s, _ in refs),
                         foreign=", ".join(surfaces(u.text, foreign)) or "none", novelty=f"{novelty:.0%}")
        f.score = -score
        yield f
