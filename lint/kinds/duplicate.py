"""duplicate: a line or paragraph that repeats an earlier one in the same document.

Scrapers paste a teaser twice, repeat a caption under the photo and in the text, or append a
"related" block that restates the lede. The second and later copies are reported, pointing at
the first. Comparison ignores case, whitespace and Markdown decoration.

Options
- ``min_words`` (default 6): shorter units are left alone (short lines such as "Advertisement"
  are other rules' business, and legitimately repeated subheads are short).
- ``scope``: ``paragraph`` (default) or ``line``.
- ``fix: delete-unit`` deletes the later copy (an unsafe fix for a list entry, heading or table row).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import repeat
from operator import attrgetter

from . import Option
from .existence import delete_lines

OPTIONS = {"min_words": Option(int, 6)}
SCOPES = ("paragraph", "line")
_NORM = re.compile(r"[\W_]+")
_ENTRY = re.compile(r"\s*(?:[*+\-•]|\d+[.)]|#+|\|)\s")
# Every byte but ASCII letters and digits: what is left of a lower-cased unit is the same for
# two units with the same comparison key (their ASCII letters and digits, in order).
_NOT_ALNUM = bytes(b for b in range(256) if not (48 <= b <= 57 or 97 <= b <= 122))
_NOT_ALNUM_NL = _NOT_ALNUM.replace(b"\n", b"")


def prepare(rule):
    if rule.fix not in (None, "delete-unit"):
        raise ValueError("duplicate supports only fix: delete-unit")
    return None


def check(doc, rule):
    seen = {}
    for unit in _maybe_repeated(doc, rule.scope):
        if len(unit.words) < rule.options["min_words"]:
            continue
        key = _NORM.sub(" ", unit.text.lower()).strip()
        first = seen.setdefault(key, unit)
        if first is unit:
            continue
        line = doc.position(first.start)[0]
        s = unit.start + len(unit.text) - len(unit.text.lstrip())
        # a repeated list entry or heading is often the page's own (a ranking recapped, a
        # product listed twice): deleting it is left to --unsafe-fixes
        fix = delete_lines(doc, unit.start, unit.end, safe=not _ENTRY.match(unit.text)) if rule.fix else None
        f = rule.finding(doc, s, unit.start + len(unit.text.rstrip()), fix=fix, first_line=line)
        f.related.append({"line": line, "message": "first occurrence"})
        yield f


def _maybe_repeated(doc, scope="paragraph"):
    """The units that share their ASCII letters and digits with another one, in order: only
    those can share a comparison key. Computed in C; most documents repeat nothing (and then
    need no spans of their units)."""
    d = doc.__dict__
    low = d.get("_lower")  # the lower-cased text, when a pre-filter made it
    if low is not None and len(low) == len(doc.text):  # (then lower() is per character)
        # one encoding of the whole text, cut at its newlines: each line's letters and digits
        raw = d.get("_lower_utf8") or low.encode("utf-8", "surrogatepass")
        per_line = raw.translate(None, _NOT_ALNUM_NL).split(b"\n")
        if scope == "paragraph":
            sig = [per_line[a] if a == b else b"".join(per_line[a:b + 1]) for a, b in doc.paragraph_lines]
        else:
            sig = per_line
        if len(set(sig)) == len(sig):  # (a set is cheaper to build than a Counter)
            return ()
        units = doc.paragraphs if scope == "paragraph" else doc.lines
    else:
        units = doc.paragraphs if scope == "paragraph" else doc.lines
        lowered = map(str.lower, map(_TEXT, units))
        encoded = map(str.encode, lowered, repeat("utf-8"), repeat("surrogatepass"))
        sig = list(map(bytes.translate, encoded, repeat(None), repeat(_NOT_ALNUM)))
        if len(set(sig)) == len(sig):
            return ()
    counts = Counter(sig)
    return [u for u, s in zip(units, sig) if counts[s] > 1]


_TEXT = attrgetter("text")
