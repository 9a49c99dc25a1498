"""ordinal: firsts and lasts that disagree.

"His first visit to Damascus" and, later, "his second visit to Damascus"; "the last time Putin
visited Syria was in 2017" and "Putin previously visited Syria in 2018". Two ordinals are
compared when they qualify the same noun with the same complement ("visit to Damascus",
"term as president") and their owners do not differ (two different names are two different
people); "last"/"previous" events when they name the same people and places.
Sequence nouns ("the first half", "the second round", "the third quarter") are left alone:
several of them in one text is normal.
"""

from __future__ import annotations

import re

from ..facts.report import pair
from ..facts import digit_runs_of, finditer_at, lazy_re

OPTIONS = {}
SCOPES = ()

_ORD = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
# the ordinal first (the engine skips fast to it), then its owner, looked up just before it
_ORDINAL = lazy_re(
    r"(?=[fstenFSTEN\d])\b(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\d{1,2}(?:st|nd|rd|th))(?:-ever)?\s+(?P<noun>[a-z]{3,})\s+(?P<prep>to|in|of|at|as|for|since|with|on|outside)\s+"
    r"(?:the\s+)?(?P<obj>[A-Za-z][\w-]+)")
_SUFFIXES = ("st", "nd", "rd", "th")
_OWNER = lazy_re(r"\b(?P<owner>his|her|their|its|the|[A-Z][\w-]+(?:'s|’s))\s+(?:(?:only|very|ever)\s+)?$")
_SEQUENCE = frozenset("""half quarter round day week month year time stage phase part step leg set game match period
season episode chapter floor place line wave term round-robin level grade generation lap heat innings inning
half-century minute hour decade century person""".split())
_LAST = lazy_re(
    r"(?=[TtA-Z])\b(?:[Tt]he last time (?P<a>[^.;:]{3,80}?) (?:was|came|happened) in (?:[A-Z][a-z]+ )?(?P<ya>(?:19|20)\d\d)"
    r"|(?P<b>[A-Z][\w-]+(?:'s|’s)? (?:previous|last|most recent|prior) [a-z]+ [^.;:]{0,60}?) (?:was|came) in (?:[A-Z][a-z]+ )?(?P<yb>(?:19|20)\d\d)"
    r"|(?P<c>[A-Z][\w-]+ (?:had )?(?:previously|last) [a-z]+ [^.;:]{0,60}?) in (?:[A-Z][a-z]+ )?(?P<yc>(?:19|20)\d\d))")
_NAME = lazy_re(r"\b[A-Z][a-z][\w-]+")


def _rank(word):
    w = word.lower()
    return _ORD.index(w) + 1 if w in _ORD else int(re.match(r"\d+", w).group())


def check(doc, rule):
    text = doc.text
    yield from _ordinals(doc, rule, text)
    if "last" in text or "previous" in text:
        yield from _lasts(doc, rule, text)


def _ordinals(doc, rule, text):
    seen = {}
    reported = set()
    # an ordinal opens every match: a word, found by substring search, or a run of one or two
    # digits and a suffix ("21st")
    digits = [s for s, e in digit_runs_of(doc) if e - s <= 2 and text.startswith(_SUFFIXES, e)]
    for m in finditer_at(_ORDINAL, text, _ORD, spots=digits):
        noun = m["noun"]
        if noun in _SEQUENCE or noun.rstrip("s") in _SEQUENCE:
            continue
        key = (noun, m["prep"], m["obj"].lower())
        own = _OWNER.search(text, max(0, m.start() - 30), m.start())
        owner = own["owner"] if own else ""
        for prev, p_owner in seen.get(key, []):
            if _rank(prev["ord"]) == _rank(m["ord"]) or (_is_name(owner) and _is_name(p_owner) and owner != p_owner):
                continue
            if key in reported:
                break
            reported.add(key)
            yield from pair(doc, rule, (m.start("ord"), m.end()), (prev.start("ord"), prev.end()),
                            f'"{m.group(0)}"', f'"{prev.group(0)}"')
            break
        seen.setdefault(key, []).append((m, owner))


def _is_name(owner):
    return owner[:1].isupper() and owner not in ("His", "Her", "Their", "Its", "The")


def _last_matches(text):
    """``_LAST.finditer(text)``, read only in the clauses that can hold a match: each holds one of
    these words and none of ". ; :"."""
    clauses = set()
    for word in ("last", "previous", "most recent", "prior"):
        i = text.find(word)
        while i >= 0:
            # the nearest "." bounds the search for the rarer ";" and ":" (not the whole text)
            p = text.rfind(".", 0, i)
            s = max(p, text.rfind(";", p + 1, i), text.rfind(":", p + 1, i)) + 1
            q = text.find(".", i)
            q = len(text) if q < 0 else q
            e = min((j for j in (q, text.find(";", i, q), text.find(":", i, q)) if j >= 0))
            clauses.add((s, e))
            i = text.find(word, e)
    for s, e in sorted(clauses):
        yield from _LAST.finditer(text, s, e)


def _lasts(doc, rule, text):
    found = []
    for m in _last_matches(text):
        clause = m["a"] or m["b"] or m["c"]
        year = m["ya"] or m["yb"] or m["yc"]
        names = frozenset(n for n in _NAME.findall(clause) if n not in ("The", "He", "She", "They"))
        if len(names) < 2:
            continue
        for prev, p_names, p_year in found:
            if p_names == names and p_year != year:
                yield from pair(doc, rule, (m.start(), m.end()), (prev.start(), prev.end()),
                                f'"{m.group(0).strip()}"', f'"{prev.group(0).strip()}"')
                return
        found.append((m, names, year))
