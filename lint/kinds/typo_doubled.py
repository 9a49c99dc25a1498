"""typo-doubled: a word typed twice ("the the", "to to", "The the").

Only the listed function words are checked: they never repeat in correct English, while "had
had" and "that that" can. The second word must be lower case, so a name after the word ("for
For Hire") is not taken for a repeat; a repeat across a line break counts. The fix keeps the
first word.

The words of the document are found once for all typo kinds (``lint.spelling.tokens``); a
repeat is first looked for among adjacent equal words (a comparison in C), and only a document
that has one is searched with a regular expression for the exact places.

Options
- ``words``: the function words, lower case.
- ``capitalised``: those whose capitalised form followed by the lower-case one is a repeat
  ("The the"); words that open titles or names as well ("Will will") are better left out.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from functools import lru_cache
from itertools import compress, islice

from ..finding import Fix
from . import Option

OPTIONS = {
    "words": Option(list, required=True),
    "capitalised": Option(list, []),
}
_EDGE = "\\w'’-"  # what may not touch either end of the repeat


def prepare(rule):
    words = rule.options["words"]
    caps = rule.options["capitalised"]
    for w in words:
        if not (isinstance(w, str) and w.isalpha() and w.islower()):
            raise ValueError(f"words: {w!r} is not a lower-case word")
    for w in caps:
        if not (isinstance(w, str) and w.isalpha() and w[:1].isupper() and w.lower() in words):
            raise ValueError(f"capitalised: {w!r} must be a capitalised form of one of the words")
    capitalised = None
    if caps:
        alts = "|".join(sorted(caps, key=len, reverse=True))
        # No look-behind in front: a pattern that opens with its words is searched fast in C;
        # what stands before the match is checked for the few hits.
        capitalised = re.compile(rf"({alts})\s+(?=[a-z])(?i:\1)(?![{_EDGE}])")
    return frozenset(words), capitalised


@lru_cache(maxsize=1024)
def _repeat_of(word: str) -> re.Pattern:
    # Opens with the word itself (searched fast in C); the character before is checked after.
    return re.compile(rf"({re.escape(word)})\s+\1(?![{_EDGE}])")


def check(doc, rule):
    from ..spelling.tokens import words

    listed, capitalised = rule.compiled
    text = doc.text
    toks = words(doc)
    pairs = list(compress(toks, map(operator.eq, toks, islice(toks, 1, None))))
    hits = []
    if pairs:
        counts = Counter(pairs)
        for word in sorted(counts.keys() & listed):
            hits.extend(_repeats(word, text, counts[word]))
    if capitalised is not None:
        hits.extend(_standalone(capitalised, text))
    last = -1
    for m in sorted(hits, key=lambda m: m.start()):
        s, e = m.span()
        if s < last:
            continue  # "The the the": one repeat, as one search would find it
        last = e
        yield rule.finding(doc, s, e, fix=Fix(s, e, m.group(1)), message=_message(rule, m.group()))


def _message(rule, match: str) -> str:
    """The formatted message, cached per rule and repeat ("the the" comes back often)."""
    key = (rule.message, match)
    found = _messages.get(key)
    if found is None:
        if len(_messages) > 10_000:
            _messages.clear()
        found = _messages[key] = rule.format(match=match.strip())
    return found


_messages: dict = {}


def _repeats(word, text, pairs):
    """``_standalone(_repeat_of(word), text)``, from the places where the word stands twice with
    one blank between (``str.find``, far faster than the pattern's search of the whole text).
    Every repeat found is one of the ``pairs`` adjacent equal words of the document; when fewer
    are found (other blanks between, "the, the", three in a row) the pattern searches as usual.
    Once ``pairs`` are found there can be no other (each takes two of the adjacent words, and
    no two take the same): the rest of the text is not searched."""
    rx = _repeat_of(word)
    twice = f"{word} {word}"
    found, last = [], -1
    i = text.find(twice)
    while i >= 0:
        if i >= last:  # (else inside the previous repeat)
            m = rx.match(text, i)
            if m and not (i and (text[i - 1].isalnum() or text[i - 1] in "_'’-")):
                found.append(m)
                if len(found) == pairs:
                    return found
                last = m.end()
        i = text.find(twice, i + 1)
    return list(_standalone(rx, text))


def _standalone(rx, text):
    """The matches that do not start inside a longer word ("sit it it" holds one repeat)."""
    m = rx.search(text)
    while m:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_'’-"):
            m = rx.search(text, s + 1)
            continue
        yield m
        m = rx.search(text, m.end())
