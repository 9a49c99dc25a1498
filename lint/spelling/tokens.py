"""The words of a document, found once and shared by the typo kinds (misspellings, doubled
words): one regular-expression pass in C over the whole text, cached on the document."""

from __future__ import annotations

import re

try:  # possessive quantifiers (Python 3.11+) spare the engine its backtracking bookkeeping
    WORD = re.compile(r"[A-Za-z]++(?:['’][A-Za-z]++)*+")
except re.error:
    WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_KEY = "_typo_words"


def words(doc) -> list[str]:
    """Every run of ASCII letters (with inner apostrophes) in reading order."""
    found = doc.__dict__.get(_KEY)
    if found is None:
        found = doc.__dict__[_KEY] = WORD.findall(doc.text)
    return found
