"""The words of a document, found once and shared by the typo kinds (misspellings, doubled
words), cached on the document: every run of ASCII letters with inner apostrophes (' or ’
between two letters), in reading order, as the regular expression `WORD` finds them.

Found without it (`split_words`, twice as fast; the regular expression makes and drops a match
per word): the text as UTF-8 bytes, every byte that is neither a letter nor an apostrophe made a
blank in one C call (a ’ first made one byte, \\x01), the apostrophes not between two letters
blanked one by one (a few per document; a text of many goes to the pattern), then split at the
blanks.
"""

from __future__ import annotations

import re

try:  # possessive quantifiers (Python 3.11+) spare the engine its backtracking bookkeeping
    WORD = re.compile(r"[A-Za-z]++(?:['’][A-Za-z]++)*+")
except re.error:
    WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_KEY = "_typo_words"
_LETTERS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_KEEP = bytes(c if c in _LETTERS or c in b"'\x01" else 32 for c in range(256))  # the rest: blanks
_IS_LETTER = bytes(c in _LETTERS for c in range(256))
_CURLY = "’".encode()


def words(doc) -> list[str]:
    """Every run of ASCII letters (with inner apostrophes) in reading order."""
    found = doc.__dict__.get(_KEY)
    if found is None:
        found = doc.__dict__[_KEY] = split_words(doc.text)
    return found


def split_words(text: str) -> list[str]:
    """``WORD.findall(text)``, found by byte translation and a split."""
    b = text.encode("utf-8", "surrogatepass")  # (non-ASCII characters: bytes >= 0x80 only)
    if b"\x01" in b:  # (the byte that stands for ’ is taken)
        return WORD.findall(text)
    curly = _CURLY in b
    if curly:
        b = b.replace(_CURLY, b"\x01")
    t = b.translate(_KEEP)
    quotes = t.count(39) + (t.count(1) if curly else 0)
    if not quotes:
        return t.decode("ascii").split()
    if quotes > len(t) >> 6:  # (one by one, many apostrophes take longer than the pattern)
        return WORD.findall(text)
    t = bytearray(b" " + t + b" ")
    letter = _IS_LETTER
    for quote in b"'\x01":
        i = t.find(quote)
        while i >= 0:
            if not (letter[t[i - 1]] and letter[t[i + 1]]):
                t[i] = 32  # not inside a word
            i = t.find(quote, i + 1)
    s = t.decode("ascii")
    return (s.replace("\x01", "’") if curly else s).split()
