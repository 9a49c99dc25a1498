"""Proper names as written: "Bashar al-Assad", "Dmitry Peskov", "Erdoğan", with offsets, and
the skeleton under which spelling variants of one name coincide."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_PARTICLE = r"(?:al|el|Al|El|bin|ibn|bint|abu|Abu|de|van|von|der|den|da|di|du|del|dos|le|la)"
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w'’]*(?:-[A-Za-zÀ-ž][\w'’]*)*"
_TOKEN = rf"(?:{_PARTICLE}[- ]{_CAP}|{_CAP})"
NAME = re.compile(rf"(?<![\w'’-]){_TOKEN}(?: {_TOKEN})*")
_TOKENS = re.compile(_TOKEN)


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    tokens: tuple  # particle-joined tokens ("al-Assad" is one)
    sentence_start: bool  # first word of a sentence (its capital says nothing)


def find_names(text: str) -> list[Name]:
    out = []
    for m in NAME.finditer(text):
        s = m.group(0)
        if s.endswith(("'s", "’s")):
            s = s[:-2]
        s = s.rstrip("'’")
        if s.isupper():
            continue  # acronyms and all-caps headings
        before = text[max(0, m.start() - 3):m.start()].rstrip(" \"“‘'(*")
        out.append(Name(m.start(), m.start() + len(s), s, tuple(_TOKENS.findall(s)),
                        not before or before[-1:] in ".!?\n:"))
    return out


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def skeleton(s: str) -> str:
    """What spelling variants of a name share: no case, accents or separators, doubled
    letters single, y as i ("Dmitry"/"Dmitri", "al-Assad"/"Al Assad", "Erdogan"/"Erdoğan")."""
    out = []
    for tok in re.split(r"[\W_]+", strip_accents(s)):
        if re.fullmatch(r"[IVX]+|.*\d.*", tok):
            out.append(tok)  # "Phase II", "RX100": numbers are not spellings
        else:
            out.append(re.sub(r"([a-z])\1+", r"\1", tok.lower().replace("y", "i")))
    return "".join(out)
