"""Proper names as written: "Bashar al-Assad", "Dmitry Peskov", "Erdoğan", with offsets, and
the skeleton under which spelling variants of one name coincide."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from operator import methodcaller
from typing import NamedTuple

from . import memo
from . import lazy_re

PARTICLES = frozenset("al el bin ibn bint abu de van von der den da di du del dos le la".split())
_PARTICLE = "(?:" + "|".join(sorted(PARTICLES | {"Al", "El", "Abu"})) + ")"
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w'’]*(?:-[A-Za-zÀ-ž][\w'’]*)*"
_TOKEN = rf"(?:{_PARTICLE}[- ]{_CAP}|{_CAP})"
NAME = lazy_re(rf"(?<![\w'’-]){_TOKEN}(?: {_TOKEN})*")
_TOKENS = lazy_re(_TOKEN)


class Name(NamedTuple):
    start: int
    end: int
    text: str
    tokens: tuple  # particle-joined tokens ("al-Assad" is one)
    sentence_start: bool  # first word of a sentence (its capital says nothing)


def find_names(text: str, offset: int = 0, whole: str | None = None) -> list[Name]:
    """Names in ``text``; ``offset`` and ``whole`` when ``text`` is a piece of ``whole``."""
    out = []
    append = out.append
    whole = text if whole is None else whole
    for m in NAME.finditer(text):
        s = m.group(0)
        if s.endswith(("'s", "’s")):
            s = s[:-2]
        s = s.rstrip("'’")
        if s.isupper() or not s:
            continue  # acronyms and all-caps headings
        start = m.start() + offset
        before = whole[max(0, start - 3):start].rstrip(" \"“‘'(*")
        append(Name(start, start + len(s), s, tuple(_TOKENS.findall(s)) if (" " in s or "-" in s) else (s,),
                    not before or before[-1] in ".!?\n:"))
    return out


def names_of(doc) -> list[Name]:
    return memo(doc, "names", lambda d: find_names(d.text))


# two or more capitalised words: found at speed, then read as names
# "(?<!\w.)" after the first capital is "\b" before it: a pattern that opens with a character
# class lets the engine skip straight to capitals instead of trying every position
_MULTI = lazy_re(rf"[A-ZÀ-ÖØ-Þ](?<!\w.)[\w'’-]*(?: (?:{_PARTICLE}[- ])?[A-ZÀ-ÖØ-Þ][\w'’-]*)+")
_ACCENTED = lazy_re(r"[A-ZÀ-ÖØ-Þ](?<!\w.)\w*[^\x00-\x7f]\w*")


def multiword_names_of(doc) -> list[Name]:
    """Names of two or more words ("Bashar al-Assad", "Russian President Vladimir Putin")."""
    return memo(doc, "multiword names", _multiword)


def _multiword(doc):
    text, out = doc.text, []
    for start, run in zip(*capitalised_runs_of(doc)):
        s, tokens = _name_and_tokens(run)
        if tokens:
            out.append(_name(text, start, s, tokens))
    return out


def _name(text, start, s, tokens) -> Name:
    before = text[max(0, start - 3):start].rstrip(" \"“‘'(*")
    return Name(start, start + len(s), s, tokens, not before or before[-1] in ".!?\n:")


def capitalised_runs_of(doc) -> tuple[list, list]:
    """The runs of capitalised words ``_MULTI`` finds, as their starts and texts, in order (a
    name's first use starts at ``starts[texts.index(run)]``; both made in C: reading each as a
    name is what costs, and most runs recur; plain numbers and strings kept, not match
    objects, which the garbage collector would walk)."""
    def runs(d):
        matches = list(_MULTI.finditer(d.text))
        return list(map(_START, matches)), list(map(_GROUP, matches))
    return memo(doc, "capitalised runs", runs)


_GROUP = methodcaller("group")
_START = methodcaller("start")


def distinct_multiword_names_of(doc) -> dict:
    """run text -> (name, tokens) of the different names of two or more words, in the order of
    their first use: what a name is follows from its text, so most checks need only these."""
    def distinct(d):
        out = {}
        for run in dict.fromkeys(capitalised_runs_of(d)[1]):
            s, tokens = _name_and_tokens(run)
            if tokens:
                out[run] = (s, tokens)
        return out
    return memo(doc, "distinct multiword names", distinct)


@lru_cache(maxsize=65536)
def _name_and_tokens(s: str) -> tuple:
    """The name as read from a run of capitalised words, and its tokens (None when it is
    not a name of two or more words): a name recurs, so this is cached."""
    if s.endswith(("'s", "’s")):
        s = s[:-2]
    s = s.rstrip("'’-")
    if s.isupper() or "- " in s:
        return s, None  # capitals, or a product line cut at a hyphen ("Model D- Wireless")
    tokens = tuple(_TOKENS.findall(s))
    return s, tokens if len(tokens) > 1 else None


def accented_words_of(doc) -> list[re.Match]:
    """Capitalised words with a letter outside ASCII ("Erdoğan")."""
    return memo(doc, "accented", lambda d: [] if d.text.isascii() else list(_ACCENTED.finditer(d.text)))


@lru_cache(maxsize=65536)
def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def skeleton(s: str) -> str:
    """What spelling variants of a name share: no case, accents or separators, doubled
    consonants single, y as i ("Dmitry"/"Dmitri", "al-Assad"/"Al Assad", "Erdogan"/"Erdoğan")."""
    if s.isalpha() and s.isascii():  # one plain word: no accents or separators to take out
        return s if _NUMERAL.fullmatch(s) else _DOUBLED.sub(r"\1", s.lower().replace("y", "i"))
    out = []
    for tok in _SEPARATORS.split(strip_accents(s)):
        if _NUMERAL.fullmatch(tok):
            out.append(tok)  # "Phase II", "RX100": numbers are not spellings
        else:
            out.append(_DOUBLED.sub(r"\1", tok.lower().replace("y", "i")))
    return "".join(out)


_SEPARATORS = lazy_re(r"[\W_]+")
_NUMERAL = lazy_re(r"[IVX]+|.*\d.*")
_DOUBLED = lazy_re(r"([b-df-hj-np-tv-z])\1+")
