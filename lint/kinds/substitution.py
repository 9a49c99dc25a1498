"""substitution: flag text that should be written another way, and say how (Vale's ``substitution``).

Options
- ``swap``: a mapping from a regular expression to its replacement (``\\1`` references work).
  The message can use ``{match}``, ``{replacement}`` and ``{name}`` (the Unicode name of a
  single matched character, handy for invisible ones).
- ``ignorecase`` (default false).
- ``fix``: ``replace`` makes the swap an automatic fix (``{action: replace, safe: false}`` to
  keep it out of plain ``--fix``).

Scope is always the document: substitutions are character- or phrase-level.
"""

from __future__ import annotations

import re
import unicodedata

from ..finding import Fix
from ..prefilter import first_char_class, first_chars, present, register, required_literals
from . import Option

OPTIONS = {
    "swap": Option(dict, required=True),
    "ignorecase": Option(bool, False),
}
SCOPES = ("document",)


def prepare(rule):
    flags = re.IGNORECASE if rule.options["ignorecase"] else 0
    pairs = []
    for pattern, replacement in rule.options["swap"].items():
        if not isinstance(replacement, str):
            raise ValueError(f"swap: replacement for {pattern!r} must be text")
        pairs.append((re.compile(pattern, flags), replacement))
    # One search per pattern: literal-led patterns use re's fast scan, an alternation would not.
    # Before them, one scan for the characters any match must start with (most documents
    # hold none of them): a class built from the patterns themselves, or None if unknown.
    combined = None
    firsts = [first_char_class(p, flags) for p in rule.options["swap"]]
    if firsts and None not in firsts:
        combined = re.compile("[" + "".join(f[1:-1] for f in firsts) + "]")  # one class: a fast scan
    safe = True
    if rule.fix is not None:
        spec = {"action": rule.fix} if isinstance(rule.fix, str) else rule.fix
        if spec.get("action") != "replace":
            raise ValueError("substitution supports only fix: replace")
        safe = bool(spec.get("safe", True))
    # per pattern, the registered literals one of which its every match holds (None: unknown)
    needs = [_literal_ids(p, flags) for p in rule.options["swap"]]
    return combined, pairs, safe, _gate_ids(rule.options["swap"], flags), needs


def _literal_ids(pattern, flags):
    lits = required_literals(pattern, flags)
    return register(sorted(lits)) if lits else None


def _gate_ids(patterns, flags):
    """The characters every match starts with, registered with the document's one literal
    scan when there are few and lower-casing leaves each one as it is (the scan reads the
    lower-cased text: such a character in the text is in it too); else None."""
    chars = set()
    for p in patterns:
        got = first_chars(p, flags)
        if got is None:
            return None
        chars |= got
    if not chars or len(chars) > 128 or any(c.lower() != c for c in chars):
        return None
    return register(sorted(chars))


def literal_gate(rule):
    """For the engine: a document holding none of the characters a match starts with is
    skipped without a call."""
    ids = rule.compiled[3]
    return None if ids is None else (ids, False)


def _name(text):
    if len(text) == 1:
        return unicodedata.name(text, f"U+{ord(text):04X}") + f" (U+{ord(text):04X})"
    return repr(text)


def check(doc, rule):
    combined, pairs, safe = rule.compiled[:3]
    if combined is not None and not combined.search(doc.text):
        return
    found = present(doc)  # (the registered literals the document's one scan found, or None)
    needs = rule.compiled[4]
    # a pattern none of whose literals the text holds is not searched (a scan of the whole text
    # each: an entity rule has twenty patterns, a page with "&" holds one or two of them)
    hits = sorted(((m.start(), m.end(), i, m) for i, (rx, _) in enumerate(pairs)
                   if found is None or needs[i] is None or not found.isdisjoint(needs[i].set)
                   for m in rx.finditer(doc.text)),
                  key=lambda h: (h[0], h[2]))
    last_end = -1
    for start, end, i, m in hits:
        if start < last_end or end == start:  # an earlier pattern already took this text
            continue
        last_end = end
        replacement = pairs[i][1]
        text = m.group()
        new = m.expand(replacement) if "\\" in replacement else replacement
        fix = Fix(m.start(), m.end(), new, safe) if rule.fix is not None else None
        yield rule.finding(doc, m.start(), m.end(), fix=fix, replacement=new, name=_name(text))
