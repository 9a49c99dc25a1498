"""typo: misspelt words (non-words), with ranked suggestions.

A lower-case word is judged against a large English vocabulary with word frequencies
(wordfreq's, compiled once into a cache file) and its edit-distance neighbourhood:

- a word missing from the vocabulary is a typo when a common word lies within two slips of
  it (``vist`` -> ``visit``), unless it is built from common words (``deoccupation``,
  ``microinverters``: prefix, suffix or compound) and no neighbour is a clearly better reading;
- a rare word that *is* in the vocabulary (web text holds common misspellings too) is a typo
  only when a neighbour is far more common once the slip is priced in (``untill``, ``youre``);
- suggestions are ranked by frequency minus a slip cost (dropped and doubled letters, swapped
  neighbours and neighbouring keys are likely; a wrong first letter is not).

Names and rare words stay silent: capitalised and all-caps tokens are not judged, nor words
that recur in the document, nor tokens glued to hyphens, digits, slashes, dots or ``@`` (URLs,
e-mails, handles, compounds), nor Markdown code, link targets and HTML. Possessives and
contractions are judged by their stem. British and American spellings are both in the
vocabulary. The configuration's ``accept-words`` silence a word, ``reject-words`` always flag.

Speed: a document's words are found once for all typo kinds; common words and words settled
earlier in the run go by set difference; of the words in use (Zipf >= 2) only the few
thousand a document could make a slip are not settled by one set operation (they are judged
once per install, with the vocabulary); only unknown and very rare words are searched, their
neighbours found in a symmetric-deletion index of the whole vocabulary (a dozen lookups).

Options
- ``min_length``: shortest word judged (default 3).
- ``recurrence``: a word seen this many times in the document is taken as intended (default 2).
- ``misspelling_lists``: known-misspelling lists that add hits the frequency test lets pass
  (``goverment`` and ``seperate`` are common on the web), read from packages installed beside
  seedlint: ``codespell`` (codespell's dictionary, a dependency). An absent package is
  skipped. The detector does not depend on them: ``[]`` switches them off.
- ``max_suggestions``: suggestions per finding (default 3).
"""

from __future__ import annotations

import bisect
import re
import sys
from array import array

from ..finding import Fix
from ..spelling import suggest
from . import Option

OPTIONS = {
    "min_length": Option(int, 3),
    "recurrence": Option(int, 2),
    "misspelling_lists": Option(list, []),
    "max_suggestions": Option(int, 3),
}
LISTS = ("codespell",)
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_OPEN = "([{\"'“‘*_«"
_CLOSE = ".,;:!?)]}\"'”’*_»…"
_SEPARATORS = frozenset(" \t\n—–…")  # what may stand next to a plain word
_SKIP_MARKDOWN = ("code", "autolink", "html", "image")
SAFE_ZIPF = 36  # words at least this common (Zipf x10) are never judged (vocabulary.COMMON_ZIPF)
FREQUENT_JUDGED = 20  # words at least this common are judged against frequent words only
# (vocabulary.NEIGHBOUR_MIN_ZIPF: their commonest frequent neighbour is precomputed)


def prepare(rule):
    o = rule.options
    bad = [n for n in o["misspelling_lists"] if n not in LISTS]
    if bad:
        raise ValueError(f"misspelling_lists: unknown list(s) {', '.join(bad)} (known: {', '.join(LISTS)})")
    if o["min_length"] < 1 or o["recurrence"] < 1 or o["max_suggestions"] < 1:
        raise ValueError("min_length, recurrence and max_suggestions must be positive")
    return None


def check(doc, rule):
    from ..spelling import known, vocabulary
    from ..spelling.tokens import words

    vocab = vocabulary.load()
    o = rule.options
    settings = getattr(doc, "settings", None)
    names = tuple(o["misspelling_lists"])
    lists = known.load(names)
    tokens = words(doc)
    if not tokens:
        return
    unique = set(tokens)
    # Two set differences in C leave the few tokens that are neither words no document can make
    # a finding of (`_skipped`, shared and never written) nor cleared by an earlier document
    # (each process's own set); only those are looked at one by one. (``a - b`` walks ``a``
    # unless it is four times the larger: the document's tokens, then the few left.)
    skipped = _skip.get(names)
    if skipped is None:
        skipped = _skip[names] = _skipped(vocab, names, lists)
    cleared = _cleared.get((names, o["min_length"]))
    if cleared is None or len(cleared) > 500_000:
        cleared = _cleared[(names, o["min_length"])] = set()
    fresh = (unique - skipped) - cleared
    suspects = []
    for t in fresh:
        if t.islower() and len(t) >= o["min_length"]:
            suspects.append(t)
        else:
            cleared.add(t)  # names, acronyms, sentence starts, short words: never judged
    markup = None
    for token in sorted(suspects):
        if _is_settled_word(token, vocab) and lists.get(token) is None:
            cleared.add(token)  # a word in use that no document can make a slip
            continue
        word = _stem(token.replace("’", "'")) if "'" in token or "’" in token else token
        if not word or (word != token and vocab.zipf(word) >= SAFE_ZIPF):
            cleared.add(token)
            continue
        suggestions = lists.get(word)
        if suggestions is None:
            verdict = _judged.get(word) or _settled(word, vocab)
            if verdict is not None and not _is_typo(*verdict, in_doc=True):
                cleared.add(token)  # no document can make it a slip
                continue
        if _noisy(word):
            cleared.add(token)
            continue
        if settings is not None and (settings.accepts(token) or _is_rejected(settings, token)):
            continue
        if _recurs(doc.text, tokens, unique, token, o["recurrence"]):
            continue
        if markup is None:
            text = doc.text
            markup = "`" in text or "<" in text or "](" in text
        places = list(_occurrences(doc, token, first_only=True, markup=markup))
        if not places:  # only inside URLs, compounds, code: not judged
            continue
        if suggestions is None:
            z, scored, derived = _judge(word)
            if not _is_typo(z, scored, derived, bool(scored) and _used(unique, scored[0][1])):
                continue
            suggestions = [c for _, c in scored]
        yield from _findings(doc, rule, places, _restore(token, word, suggestions))
    if settings is not None and settings.reject_words:
        for token in sorted(unique):
            if _is_rejected(settings, token):
                word = _stem(token.lower().replace("’", "'")) or token.lower()
                suggestions = [c for _, c in _readings(word)]
                places = _occurrences(doc, token, first_only=False)
                yield from _findings(doc, rule, places, _restore(token, word, suggestions))


def _settled(word: str, vocab):
    """The verdict when lookups give it, else None: common words, and the words in use
    (Zipf >= 2) that no frequent neighbour can make a slip (all but a few thousand)."""
    z = vocab.zipf(word)
    if z >= SAFE_ZIPF or (z >= FREQUENT_JUDGED and _is_settled_word(word, vocab)):
        if len(_judged) > 200_000:
            _judged.clear()
        verdict = _judged[word] = (z, [], False)
        return verdict
    return None


def _is_settled_word(word: str, vocab) -> bool:
    """Is the word one of Zipf 2 to 3.6 that no document can make a slip?"""
    i = vocab.find(word)
    return i >= 0 and _slip_capable(vocab).kinds[i] == SETTLED


SETTLED, CAPABLE = 1, 2
SKIP_ZIPF = 30  # settled words this common are skipped by a set difference (`_skipped`)


def _skipped(vocab, names: tuple, lists) -> frozenset:
    """The words no document can make a finding of, whatever else it holds: the common words
    and the settled words of Zipf 3 to 3.6 (~16,500; a document holds dozens) that no listed
    misspelling names, ~30,000 words, ~3 MB. The rarer settled words (~60,000) are cleared one
    by one on first sight instead: too many to hold for how seldom they come. Cached beside
    the vocabulary (a split string loads in a few milliseconds; working it out takes 30)."""
    from ..spelling import known, vocabulary

    def build():
        kinds, zipfs = _slip_capable(vocab).kinds, vocab.zipfs
        return "\n".join(w for i, w in enumerate(vocab.words) if zipfs[i] >= SAFE_ZIPF or (
            zipfs[i] >= SKIP_ZIPF and kinds[i] == SETTLED and lists.get(w) is None))

    _slip_capable(vocab)  # (sets the version)
    name = "skipped-" + ("+".join(names) or "none")
    return frozenset(vocabulary.cached(name, vocabulary.source(), build,
                                       version=f"{_capable_version}.{known.signature(names)}").split("\n"))


class _Capable:
    """Per vocabulary word id, SETTLED, CAPABLE or 0 (``kinds``); the slip-capable words' ids
    (sorted) and their readings' lines, one string cut at stored offsets: a few large objects,
    which forked workers share without touching (see `lint.spelling.packed`)."""

    def __init__(self, kinds: bytes, ids: bytes, lines: str, starts: bytes):
        self.kinds = kinds
        self.ids = array("I", ids)
        self.lines = lines
        self.starts = memoryview(starts).cast("I")

    def readings(self, i: int) -> str:
        j = bisect.bisect_left(self.ids, i)
        return self.lines[self.starts[j]:self.starts[j + 1]]


def _slip_capable(vocab) -> _Capable:
    """The words of Zipf 2 to 3.6 that a document can make a slip (a frequent neighbour
    scores enough, with the in-document bonus), with their ranked readings: judged once for
    the whole vocabulary and cached beside it (a second or two, again whenever the code that
    decides changes), so no word in use needs a search at all."""
    global _capable
    if _capable is None:
        import hashlib
        from pathlib import Path

        from ..spelling import vocabulary

        # the verdicts follow from this module's, the slip model's and the vocabulary's code
        global _capable_version
        code = b"".join(Path(m.__file__).read_bytes() for m in (sys.modules[__name__], suggest, vocabulary))
        _capable_version = hashlib.md5(code).hexdigest()[:10]
        _capable = _Capable(*vocabulary.cached("capable", vocabulary.source(), lambda: _build_capable(vocab),
                                               version=_capable_version))
    return _capable


_capable = None
_capable_version = ""


def _build_capable(vocab) -> tuple[bytes, bytes, str, bytes]:
    """`_Capable`'s arguments: each word of Zipf 2 to 3.6 judged; the slip-capable ones' lines
    hold their readings as score and word, tab-separated."""
    from ..spelling.suggest import MIN_COST, WEIGHT

    kinds = bytearray(len(vocab.words))
    ids, lines, starts = array("I"), [], array("I", [0])
    for i, (word, z) in enumerate(zip(vocab.words, vocab.zipfs)):
        if not FREQUENT_JUDGED <= z < SAFE_ZIPF:
            continue
        kinds[i] = SETTLED
        best = vocab.with_best_neighbour(word)[1]
        if best / 10 - WEIGHT * MIN_COST < _needed(z):
            continue  # not even the commonest neighbour, at the cheapest slip, could do it
        scored = suggest.ranked(word, vocab, frequent=True, floor=_needed(z))
        if _is_typo(z, scored, False, in_doc=True):
            kinds[i] = CAPABLE
            ids.append(i)
            lines.append("\t".join(f"{score!r} {c}" for score, c in scored))
            starts.append(starts[-1] + len(lines[-1]))
    return bytes(kinds), ids.tobytes(), "".join(lines), starts.tobytes()


def _capable_readings(word: str, vocab) -> list:
    line = _slip_capable(vocab).readings(vocab.find(word))
    return [(float(score), c) for score, c in (item.split(" ") for item in line.split("\t"))]


def _recurs(text: str, tokens: list, unique: set, word: str, times: int) -> bool:
    """Does the word stand ``times`` times in the document, as it is, capitalised or in
    capitals? Only forms that occur are counted (in C); a word seen in one form and found
    fewer times as a substring (most words) needs no count at all."""
    forms = [f for f in (word, word.capitalize(), word.upper()) if f in unique]
    if len(forms) == 1 and text.count(word) < times:
        return False
    return sum(map(tokens.count, forms)) >= times


def _used(unique: set, word: str) -> bool:
    return word in unique or word.capitalize() in unique


def _findings(doc, rule, places, suggestions):
    suggestions = suggestions[: rule.options["max_suggestions"]]
    for s, e in places:
        fix = Fix(s, e, suggestions[0], safe=False) if suggestions else None
        finding = rule.finding(doc, s, e, fix=fix, suggestion=_describe(suggestions))
        finding.suggestions = suggestions
        yield finding


def _is_rejected(settings, token: str) -> bool:
    """Case-aware like accept-words: a lower-case entry rejects every capitalisation."""
    return any(token == w or (w == w.lower() and token.lower() == w) for w in settings.reject_words)


def _stem(word: str) -> str:
    """Possessives and contractions are judged by the word they attach to."""
    if word.endswith("'s"):
        return word[:-2]
    if "'" in word:
        from ..spelling import vocabulary

        return "" if vocabulary.load().zipf(word) else word.split("'", 1)[0]
    return word


_EXPRESSIVE = re.compile(r"(.)\1{3}|([^aeiou])\2\2$")


def _noisy(word: str) -> bool:
    """Expressive spellings ("soooo", "boringgg") are deliberate; a tripled letter inside a
    word ("suppply", "threee") is a slip."""
    return _EXPRESSIVE.search(word) is not None


_judged: dict = {}  # word -> _judge(word), shared by the documents of one run
_skip: dict = {}  # list names -> `_skipped`
_cleared: dict = {}  # (list names, min_length) -> tokens beyond those skipped that no document can make a finding


def _judge(word: str) -> tuple[int, list, bool]:
    """(Zipf x10, ranked readings, built from common words?) for a lower-case word; cached
    across documents."""
    verdict = _judged.get(word)
    if verdict is None:
        if len(_judged) > 200_000:
            _judged.clear()
        verdict = _judged[word] = _judge_uncached(word)
    return verdict


def _judge_uncached(word: str) -> tuple[int, list, bool]:
    from ..spelling import morphology, vocabulary

    vocab = vocabulary.load()
    settled = _settled(word, vocab)
    if settled is not None:
        return settled
    z = vocab.zipf(word)
    # A word in use (Zipf >= 2) can only be a slip of a much more common word.
    floor = _needed(z) if z else MIN_SCORE - IN_DOC_BONUS
    if z >= FREQUENT_JUDGED:  # not settled: one of the words a document can make a slip
        return z, _capable_readings(word, vocab), False
    # The readings of Zipf >= 2.5 first; the rarer ones only when they could decide (they
    # score at most RARE_BEST, so they cannot change the first reading when a common one
    # beats that, nor make a slip of a known word that needs more; they could still have
    # been offered in second place, so this keeps the suggestions of when it saved time).
    every = suggest.one_edit_neighbours(word, vocab)
    near = suggest.common_neighbours(word, vocab, every) if len(word) >= 4 else None
    scored = suggest.ranked(word, vocab, floor=floor, near=near) if near is not None else None
    if near is None or ((not scored or scored[0][0] <= RARE_BEST) and (not z or _needed(z) <= RARE_BEST)):
        near = every
        scored = suggest.ranked(word, vocab, floor=floor, near=near)
    derived = z == 0 and morphology.derivable(word, vocab.zipf)
    # Two-edit readings are sought only for words that are neither in the vocabulary nor
    # explained by word formation.
    if (not scored or scored[0][0] < 1.0) and z == 0 and not derived:
        scored = suggest.ranked(word, vocab, far=True, floor=floor, near=near)
    return z, scored, derived


def _readings(word: str) -> list:
    """The ranked readings of any word, even one no document could make a slip (for the
    rejected words)."""
    from ..spelling import vocabulary

    vocab = vocabulary.load()
    z = vocab.zipf(word)
    if FREQUENT_JUDGED <= z < SAFE_ZIPF:
        return suggest.ranked(word, vocab, frequent=True, floor=_needed(z))
    return _judge(word)[1]


def _needed(z: int) -> float:
    """The least score a reading of a known word needs (with the in-document bonus) to make
    the word a slip."""
    return z / 10 + GAP + GAP_SLOPE * (z / 10 - 1.5) - IN_DOC_BONUS


def _is_typo(z: int, scored: list, derived: bool, in_doc: bool) -> bool:
    """The decision, from the word's frequency, its best reading's score and whether that
    reading is used elsewhere in the document."""
    if not scored:
        return False
    best = scored[0][0] + (IN_DOC_BONUS if in_doc else 0.0)
    if z:  # a rare word in the vocabulary: only a much likelier neighbour makes it a slip
        return best >= _needed(z) + IN_DOC_BONUS
    if best < MIN_SCORE:
        return False
    return not (derived and best < STRONG)


GAP = 0.5  # a known rare word: how much more the best reading must score than the word itself
GAP_SLOPE = 0.75  # ... and more so the more common the word is
MIN_SCORE = -2.0  # an unknown word: the least score a reading needs to call it a typo
STRONG = 1.0  # a reading this good overrides a plausible derivation
IN_DOC_BONUS = 1.0  # a reading the document uses elsewhere is likelier
# the best score of a reading rarer than the two-edit index (Zipf < 2.5, cheapest slip)
RARE_BEST = (suggest.DELETES_MIN_ZIPF - 1) / 10 - suggest.WEIGHT * suggest.MIN_COST


def _restore(token: str, word: str, suggestions: list[str]) -> list[str]:
    """Put back the possessive or contraction the word was judged without."""
    tail = token[len(word):] if token.lower().startswith(word) else ""
    return [s + tail for s in suggestions]


def _describe(suggestions: list[str]) -> str:
    if not suggestions:
        return ""
    return " (did you mean " + " or ".join(f'"{s}"' for s in suggestions[:2]) + "?)"


def _occurrences(doc, token: str, first_only: bool, markup: bool = True):
    """Where the token stands as a plain word (not inside a URL, e-mail, compound or code)."""
    text = doc.text
    n = len(text)
    start = text.find(token)
    while start != -1:
        s, e = start, start + len(token)
        start = text.find(token, e)
        if _continues(text, s - 1, -1) or _continues(text, e, 1):
            continue  # part of a longer word
        cs, ce = s, e
        while cs > 0 and text[cs - 1] not in _SEPARATORS:
            cs -= 1
        while ce < n and text[ce] not in _SEPARATORS:
            ce += 1
        if text[cs:ce].lstrip(_OPEN).rstrip(_CLOSE) != token:
            continue  # glued to a hyphen, digit, slash, dot or @
        if markup and doc.markdown_in(s, e, _SKIP_MARKDOWN):
            continue
        yield s, e
        if first_only:
            return


def _continues(text: str, i: int, step: int) -> bool:
    """Does a word go on at text[i] (a letter, or an apostrophe followed by a letter)?"""
    if not 0 <= i < len(text):
        return False
    c = text[i]
    if c.isalpha():
        return True
    j = i + step
    return c in "'’" and 0 <= j < len(text) and text[j].isalpha()
