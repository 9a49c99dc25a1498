"""mojibake: text decoded with the wrong encoding ("Ã©" for "é", "â€™" for "’"), found by ftfy.

A cheap pre-filter looks for the characters that mojibake is made of (Latin-1/cp1252 letters
such as Ã, Â, â, Ð and C1 controls); only lines that contain them are handed to ftfy, so clean
text costs one regular-expression scan. A line is reported when ftfy's repair of it differs
from it; the repaired text is the message's ``{repaired}`` and, with ``fix: ftfy``, the fix.

Options
- ``min_badness`` (default 1): ftfy's ``badness`` score a line must reach before ftfy is asked
  to repair it (guards against rare but valid accented text).
"""

from __future__ import annotations

import bisect
import re

from ..finding import Fix
from ..prefilter import register
from . import Option

OPTIONS = {"min_badness": Option(int, 1)}
SCOPES = ("line",)
# Lead bytes of UTF-8 read as cp1252/latin-1, plus C1 controls and the cp437/mac variants' usual suspects.
_PAIR = "\u00c2-\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e2\u00e3\u00ef\u0080-\u009f\u201a\u0192\u201e\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_LEADS = "\u00c3\u00c2\u00e2"  # Ã, Â, â: lead bytes of most UTF-8 read as cp1252
_SECONDS = "\u0080-\u00ff\u2018-\u2122\u0152-\u017e"
# Two of _PAIR in a row, or Ã/Â/â and a Latin-1/cp1252 letter. Written to open with one
# character class (the first character, checked again by a look-behind), which lets re skip
# ahead with a fast character-set scan instead of trying every position.
_SUSPECT = re.compile(f"[{_PAIR}{_LEADS}](?:(?<=[{_PAIR}])[{_PAIR}]|(?<=[{_LEADS}])[{_SECONDS}])")


def prepare(rule):
    if rule.fix not in (None, "ftfy"):
        raise ValueError("mojibake supports only fix: ftfy")
    return _suspect_pair_ids()


def literal_gate(rule):
    """For the engine: every suspect pair, lower-cased, joins the document's one literal scan,
    so a document without one is skipped without a call (most documents: clean text pays
    nothing but its share of that scan)."""
    return None if rule.compiled is None else (rule.compiled, False)


def _expand(cls: str) -> list[str]:
    """The characters of a character class's body written as characters and ``a-b`` ranges."""
    out, i = [], 0
    while i < len(cls):
        if i + 2 < len(cls) and cls[i + 1] == "-":
            out += map(chr, range(ord(cls[i]), ord(cls[i + 2]) + 1))
            i += 3
        else:
            out.append(cls[i])
            i += 1
    return out


_PAIR_IDS: list = []
# Characters of `_PAIR` that clean English text uses often (curly quotes, dashes, bullets): the
# gate looks for them only as the first of a suspect pair; any other character of a pair, a
# Latin-1 letter or a cp1252 sign, is looked for alone.
_COMMON = frozenset("\u2018\u2019\u201c\u201d\u2013\u2014\u2022")


def _suspect_pair_ids():
    """Literals of which every two characters `_SUSPECT` matches hold one, lower-cased (the scan
    reads the lower-cased text), registered for the one-scan search; None without it: each
    first character of a pair alone, except the common ones of `_COMMON`, which come as pairs.
    (Every pair written out made the scan's automaton four times larger, 4,800 literals, and
    the scan slower; a document that holds a rare character but no pair only costs `check` its
    one search.) A suspect pair in the text is its lower-cased form in the lower-cased text,
    whenever that text is used (see lint.prefilter.folded)."""
    if not _PAIR_IDS:
        pairs = _expand(_PAIR)
        firsts = set(pairs) | set(_expand(_LEADS))
        lits = {c.lower() for c in firsts - _COMMON}
        lits |= {(a + b).lower() for a in _COMMON & firsts for b in pairs}
        _PAIR_IDS.append(register(sorted(lit for lit in lits if len(lit) <= 2)))
    return _PAIR_IDS[0]


def check(doc, rule):
    text = doc.text
    if text.isascii() or not _SUSPECT.search(text):  # every suspect character is non-ASCII
        return
    import ftfy

    starts, done = doc.line_starts, -1
    bad_enough = _bad_enough(rule.options["min_badness"])
    for m in _SUSPECT.finditer(text):  # the lines holding a suspect pair, each once, in order
        i = bisect.bisect_right(starts, m.start()) - 1
        if i == done:
            continue
        done = i
        line = doc.line(i)
        if not bad_enough(line.text):
            continue
        repaired = ftfy.fix_text(line.text, normalization=None, uncurl_quotes=False,
                                 fix_line_breaks=False, fix_latin_ligatures=False,
                                 fix_character_width=False, remove_control_chars=False)
        if repaired == line.text:
            continue
        # Narrow the span to the part that changed.
        shorter = min(len(repaired), len(line.text))
        a = _agreeing(repaired, line.text, shorter, lambda t, k: t[:k])
        b = _agreeing(repaired, line.text, shorter - a, lambda t, k: t[len(t) - k:])
        s, e = line.start + a, line.end - b
        fix = Fix(line.start, line.end, repaired) if rule.fix == "ftfy" else None
        yield rule.finding(doc, s, max(e, s + 1), fix=fix, repaired=repaired[a:len(repaired) - b])


def _bad_enough(min_badness):
    """A test of ``badness(text) >= min_badness``. For the usual threshold of 1 that is ftfy's
    ``is_bad``, which stops at the first unlikely sequence instead of counting them all."""
    from ftfy.badness import badness, is_bad

    if min_badness <= 0:
        return lambda text: True
    if min_badness == 1:
        return is_bad
    return lambda text: badness(text) >= min_badness


def _agreeing(x: str, y: str, most: int, cut) -> int:
    """The largest k <= ``most`` with ``cut(x, k) == cut(y, k)`` (a common prefix or suffix),
    found by halving with slice comparisons in C instead of a character loop."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if cut(x, mid) == cut(y, mid):
            lo = mid
        else:
            hi = mid - 1
    return lo
