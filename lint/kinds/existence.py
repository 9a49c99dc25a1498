"""existence: flag text matching any of a list of patterns (Vale's ``existence``).

Options
- ``patterns``: regular expressions (Python ``re`` syntax); ``tokens``: literal phrases,
  matched at word boundaries. At least one of the two.
- ``ignorecase`` (default true).
- ``scope``: ``line`` (default), ``paragraph``, ``sentence`` or ``document``: the unit searched.
- ``whole_unit``: the pattern must match the whole unit (leading/trailing whitespace, Markdown
  list/heading/emphasis markers ignored); the finding then covers the unit. This is how
  "Read More »" on a line of its own is told from "read more books" in a sentence.
- ``report``: ``match`` (default) reports the matched text, ``unit`` the whole unit (a caption
  line found by its trailing credit is reported whole). Line and sentence units report their
  first match only; paragraph and document units report every match.
- ``max_words``: only units of at most this many words are searched (0 = any length).
- ``unless``: patterns that, found anywhere in the unit, clear it (innocent look-alikes).
- ``prefilter``: literal strings, lower case; only lines containing one of them are searched
  (line scope). A speed-up for rules whose every pattern needs one of a few words: finding
  a literal is much faster than trying a regular expression at every position. Every flag
  example must still fire, which the test suite checks.
- ``fix``: ``delete-unit`` (delete the unit, and its line if the unit is a line), ``delete``
  (the match), or ``{replace: TEXT}`` (the match; ``\\1`` group references work).
  Add ``safe: false`` in the mapping form for fixes that ``--fix`` must not apply by default.
  Deleting a line that holds words outside the match is always unsafe.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path

from ..finding import Fix
from ..prefilter import C as _C
from ..prefilter import sre_parse
from ..prefilter import (compile_pattern, first_char_class, folded, is_registered, line_starts_of, lines_holding,
                         lines_of, lowered, occurrences, rarity, register, required_literals)
from . import Option

SCOPES = ("line", "paragraph", "sentence", "document")
OPTIONS = {
    "patterns": Option(list, []),
    "tokens": Option(list, []),
    "ignorecase": Option(bool, True),
    "whole_unit": Option(bool, False),
    "max_words": Option(int, 0),
    "unless": Option(list, []),
    "report": Option(str, "match", choices=("match", "unit")),
    "prefilter": Option(list, []),
}
# Markdown decoration that does not change what a line says.
# Never a newline: a class that crosses lines makes "^...$" backtrack over runs of blank lines.
_DECOR = r"[ \t\u00a0\u2000-\u200b\u3000>*_#+\-|•·]*"
# With whole_unit, "[Read more](https://...)" is judged by its link text.
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")


def prepare(rule):
    o = rule.options
    if not o["patterns"] and not o["tokens"]:
        raise ValueError("existence needs patterns or tokens")
    parts = [f"(?:{p})" for p in o["patterns"]]
    parts += [r"(?<!\w)" + re.escape(t) + r"(?!\w)" for t in o["tokens"]]
    flags = re.IGNORECASE if o["ignorecase"] else 0
    body = "|".join(parts)
    literals = required_literals(body, flags)
    required = tuple(sorted(literals)) if literals else None
    # with the one-scan search, literals such as "by", "ap" or "-" would be found everywhere
    # and only cost time
    required_ids = register(required) if required and min(map(rarity, required)) >= 3 else None
    prefilter_ids = register(o["prefilter"]) if o["prefilter"] else None
    body = "|".join(map(_literal_led, parts))
    if o["whole_unit"]:
        body = rf"^{_DECOR}(?:{body}){_DECOR}$"
    rx = _Compiled(body, flags | re.MULTILINE, parts, flags)
    unless = _Compiled("|".join(f"(?:{p})" for p in o["unless"]), flags) if o["unless"] else None
    if not _builtin(rule):  # a user's rule: a bad pattern stops the run at load time
        rx.get()
        if unless is not None:
            unless.get()
    pretest = _pretest(parts, flags | re.MULTILINE) if rule.scope == "document" and not o["whole_unit"] else None
    # (only when the rule's literals are rare enough to be registered: a pattern's own literals
    # are then no commoner than those)
    by_part = _part_literals(parts, flags) if rule.scope == "line" and required_ids is not None else None
    # What does not change from one document to the next (see check, _lacks, _lines_with_required)
    whole = o["whole_unit"] or o["report"] == "unit"
    short = rule.scope == "line" and 0 < o["max_words"] <= 32
    lack_test = required is not None and (required_ids is not None or len(required) <= (2 if short else 8))
    line_literals = required is not None and (
        required_ids is not None or (len(required) <= 8 and min(map(rarity, required)) >= 3))
    plan = (whole, lack_test, line_literals)
    per_line = _per_line_patterns(rule, parts, flags) if rule.scope == "line" and o["prefilter"] else None
    # a line (no newline in it) can match only at its start: one match attempt, not one a character
    at_start = rule.scope == "line" and (o["whole_unit"] or _anchored(parts, flags))
    return (rx, unless, fix_of(rule.fix), required, required_ids, prefilter_ids, pretest, by_part, plan, per_line,
            at_start)


def _anchored(parts, flags) -> bool:
    """Whether every pattern opens with ``^`` or ``\\A`` (in every alternative)."""
    try:
        return all(_opens_anchored(sre_parse.parse(p, flags).data) for p in parts)
    except (re.error, RecursionError):
        return False


def _opens_anchored(items) -> bool:
    if not items:
        return False
    op, av = items[0]
    if op is _C.AT:
        return av in (_C.AT_BEGINNING, _C.AT_BEGINNING_STRING)
    if op is _C.SUBPATTERN:
        return _opens_anchored(av[-1])
    if op is _C.BRANCH:
        return all(_opens_anchored(alt) for alt in av[1])
    return False


_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
# A pattern that opens with a look-behind (no groups, no alternatives in it) and then one
# character (a literal, an escaped one, a class escape or a [class]; not repeated).
_BEHIND_THEN_CHAR = re.compile(r"\(\?:\(\?<([=!])((?:\\.|\[(?:\\.|[^\]\\])*\]|[^\\()\[\]|])+)\)"
                               r"(\\[^\dA-Za-z]|\\[sSdDwW]|\[(?:\\.|[^\]\\])+\]|[^\\()\[\]|.^$*+?{])(?![*+?{])")


def _literal_led(part):
    """``(?:(?<!X)cR)`` written as ``(?:c(?<!Xc)R)``: the same matches (the look-behind, moved past
    the character c that was just read, tests the same text plus c), but led by c, which re
    finds with a fast scan; a pattern led by a look-behind re tries at every position."""
    m = _BEHIND_THEN_CHAR.match(part)
    if m is None:
        return part
    sign, behind, char = m.groups()
    return f"(?:{char}(?<{sign}{behind}{char}){part[m.end():]}"


def _part_literals(parts, flags):
    """Per pattern, the registered ids of the literals its every match holds (None where they
    are unknown or common), when at least one pattern has them; else None. When the rule's
    literals as a whole are common (or some pattern has none), the lines are still found
    pattern by pattern: those holding a pattern's literals, plus one search for the others
    (see `_fallback_lines`). Not for patterns that refer to groups by number or name (a
    subset of them would renumber the groups)."""
    if len(parts) < 2 or any(_BACKREF.search(p) for p in parts):
        return None
    out = []
    for part in parts:
        lits = required_literals(part, flags)
        out.append(register(sorted(lits)) if lits and min(map(rarity, lits)) >= 3 else None)
    return (tuple(out), {}) if any(ids is not None for ids in out) else None


def _per_line_patterns(rule, parts, flags):
    """For a line rule with a ``prefilter``: per pattern, the registered ids of the literals its
    every match holds (None: unknown, or common and not registered already), and a cache of the
    expressions made of some of the patterns; None when no pattern has such ids. A prefilter
    line is then searched only with the patterns whose literals it holds (a line of bold text
    holds "**", which one pattern of a caption rule needs, not the nine others)."""
    if len(parts) < 2 or any(_BACKREF.search(p) for p in parts):
        return None
    out = []
    for part in parts:
        lits = required_literals(part, flags)
        usable = lits and all(rarity(lit) >= 3 or is_registered(lit) for lit in lits)
        out.append(register(sorted(lits)) if usable else None)
    if all(ids is None for ids in out):
        return None
    try:
        no_groups = sre_parse.parse("|".join(parts), flags).state.groups == 1
    except (re.error, RecursionError):
        return None
    return tuple(out), {}, no_groups


def _subset_rx(rule, per_line, mask):
    """The rule's expression with only the patterns in ``mask`` (bits): the others are
    replaced by a pattern that fails at once, ``(?!)``, so capturing groups keep their numbers
    and the leftmost match, and which alternative gives it, stay those of the whole expression
    (a pattern left out cannot match on that line)."""
    cache = per_line[1]
    rx = cache.get(mask)
    if rx is None:
        parts = rule.compiled[0].parts
        if per_line[2]:  # no groups to keep numbered: only the patterns that can match
            body = "|".join(_literal_led(p) for k, p in enumerate(parts) if mask >> k & 1)
        else:
            body = "|".join(_literal_led(p) if mask >> k & 1 else f"(?!){p}" for k, p in enumerate(parts))
        rx = cache[mask] = _compile_like(rule, body)
    return rx


def _compile_like(rule, body):
    """``body``, some of the rule's patterns (``rule.compiled[0].parts``), compiled as prepare
    compiles the whole expression (anchored for whole units, same flags)."""
    if rule.options["whole_unit"]:
        body = rf"^{_DECOR}(?:{body}){_DECOR}$"
    return compile_pattern(body, rule.compiled[0].flags)


def _line_masks(doc, per_line, lines):
    """Per line of ``lines``, the bits of the patterns that can match it (those whose
    literals it holds, or whose literals are unknown), or None when the lower-cased text is not
    a faithful stand-in. A line with a link gets every pattern: whole-unit rules search it with
    its links replaced by their text, which can join a literal that the line itself splits."""
    if folded(doc) is None:
        return None
    ids_per_part = per_line[0]
    n = len(ids_per_part)
    always = 0
    masks = dict.fromkeys(lines, 0)
    for k, ids in enumerate(ids_per_part):
        if ids is None:
            always |= 1 << k
            continue
        bit = 1 << k
        for i in lines_of(doc, ids):
            if i in masks:
                masks[i] |= bit
    full = (1 << n) - 1
    if always:
        for i in masks:
            masks[i] |= always
    if doc.has_links:
        for i in link_lines(doc):
            if i in masks:
                masks[i] = full
    return masks


_LITERAL, _ASSERT = _C.LITERAL, _C.ASSERT
_BEHIND_ONE = re.compile(r"\(\?<=(\\.|[^\\()\[\]])\)")


def _pretest(parts, flags):
    """For a document-wide search whose every pattern opens with a one-character look-behind
    (``(?<=\n)...``): the same patterns with that character matched instead, as a test of
    whether the text holds a match at all. re cannot skip ahead to a look-behind, so it tries
    every position; a literal first character it finds with a fast scan. Same answer: ``c(?:R)``
    matches one character before wherever ``(?<=c)R`` does."""
    led = []
    for part in parts:
        if not part.startswith("(?:"):
            return None
        inner = part[3:-1]  # a pattern "(?:...)"
        m = _BEHIND_ONE.match(inner)
        if m is None:
            return None
        try:
            first = sre_parse.parse(inner, flags).data
            char = sre_parse.parse(m.group(1), flags).data
        except (re.error, RecursionError):
            return None
        if len(char) != 1 or char[0][0] is not _LITERAL or not first or first[0][0] is not _ASSERT:
            return None
        led.append(f"{m.group(1)}(?:{inner[m.end():]})")
    return _Compiled("|".join(led), flags) if led else None


class _Compiled:
    """A rule's regular expression, compiled on first use: most built-in rules find none of
    their literals in a small run's documents and never need theirs (start-up time). Built-in
    rules are checked by their examples in the test suite; a user's rule is compiled at once."""

    __slots__ = ("source", "flags", "parts", "part_flags", "rx")

    def __init__(self, source, flags, parts=(), part_flags=0):
        self.source, self.flags, self.parts, self.part_flags, self.rx = source, flags, parts, part_flags, None

    def get(self) -> re.Pattern:
        rx = self.rx
        if rx is None:
            try:
                rx = self.rx = compile_pattern(self.source, self.flags)
            except re.error:
                for p in self.parts:  # find the pattern to blame
                    re.compile(p, self.part_flags)
                raise
        return rx


def _builtin(rule) -> bool:
    from ..rules import builtin_rules_dir

    try:
        return Path(rule.source).resolve().is_relative_to(builtin_rules_dir().resolve())
    except (OSError, ValueError):
        return False


def fix_of(spec):
    """Normalise a YAML fix to (action, replacement, safe)."""
    if spec is None:
        return None
    if isinstance(spec, str):
        spec = {"action": spec}
    action = spec.get("action", "replace" if "replace" in spec else None)
    if action not in ("delete-unit", "delete", "replace"):
        raise ValueError(f"fix: unknown action {action!r} (delete-unit, delete, replace)")
    return action, spec.get("replace", ""), bool(spec.get("safe", True))


def units(doc, scope):
    if scope == "document":
        return [doc]
    return doc.lines if scope == "line" else doc.paragraphs if scope == "paragraph" else doc.sentences


def check(doc, rule):
    compiled = rule.compiled
    rx, unless, fix, required, required_ids = compiled[:5]
    whole, lack_test, _ = compiled[8]
    if lack_test and _lacks(doc, rule, required, required_ids, whole):
        return ()  # most rules, most documents: no generator to start and run
    pretest = compiled[6]
    if pretest is not None and not pretest.get().search(doc.text):
        return ()
    rx = rx.get()
    candidates = _candidates(doc, rule, rx, whole, compiled)
    if not candidates:
        return ()
    return _search(doc, rule, rx, unless and unless.get(), fix, whole, candidates)


def literal_gate(rule):
    """(ids, links_matter) for the engine, or None: the rule cannot fire in a document whose
    lower-cased text holds none of the registered literals ``ids``, unless ``links_matter``
    and the document has a Markdown link (units are then also searched with their links
    replaced by the link text, which `check` tests itself)."""
    ids = rule.compiled[4]
    if ids is None:
        return None
    return ids, rule.options["whole_unit"] or rule.options["report"] == "unit"


def _search(doc, rule, rx, unless, fix, whole, candidates):
    max_words = rule.options["max_words"]
    first_only = whole or rule.scope in ("line", "sentence")
    doc_scope = rule.scope == "document"
    # (line units made for a rule's prefilter may carry their own expression, see _candidates)
    per_unit_rx = rule.scope == "line" and candidates and isinstance(candidates[0][1], re.Pattern)
    picked = isinstance(candidates, _Picked)
    at_start = rule.compiled[10]
    whole_unit = rule.options["whole_unit"]
    for unit in candidates:
        if doc_scope:
            text, base = doc.text, 0
        else:
            text, base = unit[2], unit[0]
            if per_unit_rx:
                rx = unit[1]
        if max_words and not picked:
            spaces = text.count(" ")
            if spaces > 4 * max_words or not _at_most_words(text, max_words, spaces):
                continue
        hay = _delinked(doc, text) if whole and "](" in text else text
        cleared = unless is None  # (tested at the first match: most units have none)
        for m in _at_start(_led(rx)[2] if whole_unit else rx, hay) if at_start else rx.finditer(hay):
            if m.end() == m.start():
                continue
            if not cleared:
                if unless.search(text):
                    break
                cleared = True
            if whole:
                s, e = base + len(text) - len(text.lstrip()), base + len(text.rstrip())
            else:
                s, e = base + m.start(), base + m.end()
            yield rule.finding(doc, s, e, fix=make_fix(doc, fix, s, e, m, rule.scope), **_groups(m))
            if first_only:
                break


def _at_start(rx, hay):
    """``rx.finditer(hay)`` for an expression anchored at the start of a line, on one line:
    only a match at 0 is possible (re would try every position)."""
    m = rx.match(hay)
    return () if m is None else (m,)


def _delinked(doc, text):
    """``text`` with each Markdown link replaced by its text; kept per document, as every
    whole-unit rule reads the same link lines."""
    cache = doc.__dict__.get("_delinked_units")
    if cache is None:
        cache = doc.__dict__["_delinked_units"] = {}
    hay = cache.get(text)
    if hay is None:
        hay = cache[text] = _LINK.sub(r"\1", text)
    return hay


def _at_most_words(text, limit, spaces, printable=None):
    """``len(text.split()) <= limit``, mostly without splitting: in a printable text spaces are
    the only whitespace, so ``spaces`` spaces make at most ``spaces + 1`` words, and without
    double spaces at least ``spaces - 1``. (``printable``: ``text.isprintable()``, if known.)"""
    if text.isprintable() if printable is None else printable:
        if spaces < limit:
            return True
        if spaces - 1 > limit and "  " not in text:
            return False
    return len(text.split()) <= limit


def _pick(doc, lines, max_words):
    """The lines worth searching for a rule with ``max_words`` (0: all). `_search` keeps only
    lines of at most ``4 * max_words`` spaces (and ``max_words`` words); the lines picked
    before by ``doc.word_count(i) <= 4 * max_words`` also had fewer than 200 spaces. All
    three limits are tested here, before any span or search is made."""
    if not max_words:
        return lines
    limit = min(4 * max_words, 199)
    texts = doc.line_texts
    d = doc.__dict__
    spaces_of = d.get("_line_spaces")  # (counted already when some rule read the short lines)
    printable = d.get("_printable")  # line -> isprintable(), shared by the rules that pick lines
    if printable is None:
        printable = d["_printable"] = {}
    out = []
    for i in lines:  # (the word limit too: most candidates are long prose lines, out at once)
        t = texts[i]
        spaces = t.count(" ") if spaces_of is None else spaces_of[i]
        if spaces <= limit:
            p = printable.get(i)
            if p is None:
                p = printable[i] = t.isprintable()
            if _at_most_words(t, max_words, spaces, p):
                out.append(i)
    return out


class _Picked(list):
    """Line units that `_pick` kept already: `_search` need not count their words again."""

    __slots__ = ()


def _line_units(doc, lines, picked=True):
    """(start, end, text) of each line: what `_search` reads of a unit, without building spans."""
    starts, texts = doc.line_starts, doc.line_texts
    units = [(starts[i], None, texts[i]) for i in lines]
    return _Picked(units) if picked else units


def _candidates(doc, rule, rx, whole, compiled):
    """The units worth searching. For lines: those holding one of the literals every match
    needs (found by one scan, or a few C-speed searches), else the lines one search over the
    whole text (fast, in C) finds; only those are searched again one by one."""
    if rule.scope != "line":
        return units(doc, rule.scope)
    max_words = rule.options["max_words"]
    needed = _lines_with_required(doc, whole, compiled) if compiled[8][2] else None
    if rule.options["prefilter"]:
        found = _lines_with(doc, rule.options["prefilter"], compiled[5])
        if found is not None:
            if needed is not None:  # a line must hold both kinds of literal
                found &= needed
            lines = _pick(doc, sorted(found), max_words)
            per_line = compiled[9]
            masks = _line_masks(doc, per_line, lines) if per_line is not None and lines else None
            if masks is None:
                return _line_units(doc, lines)
            full = (1 << len(per_line[0])) - 1
            starts, texts = doc.line_starts, doc.line_texts
            return _Picked([(starts[i], rx if masks[i] == full else _subset_rx(rule, per_line, masks[i]), texts[i])
                            for i in lines if masks[i]])
    if needed is not None:
        return _line_units(doc, _pick(doc, sorted(needed), max_words))
    hit = set()
    by_part = compiled[7]
    if by_part is not None and folded(doc) is not None:
        rx = _fallback_lines(doc, rule, by_part, hit, max_words, whole)
        if rx is None:  # every pattern's lines came from its literals
            if whole and doc.has_links:
                hit.update(_pick(doc, link_lines(doc), max_words))
            return _line_units(doc, sorted(hit))
    anchored = compiled[10]  # (for a line rule that is not whole_unit: every pattern opens with ^)
    if max_words:
        text, index, starts = doc.short_lines(max_words)
        if rule.options["whole_unit"]:
            spans = _line_matches(rx, text)
        else:
            spans = anchored and _anchored_spans(rx, text)
            if spans is None or spans is False:
                spans = map(_SPAN, rx.finditer(text))
        for ms, me in spans:
            a = bisect.bisect_right(starts, ms) - 1
            b = bisect.bisect_right(starts, max(ms, me - 1)) - 1
            hit.update(index[a:b + 1])
    else:
        spans = anchored and not rule.options["whole_unit"] and _anchored_spans(rx, doc.text)
        if spans is None or spans is False:
            spans = map(_SPAN, rx.finditer(doc.text))
        for ms, me in spans:
            first, last = doc.position(ms)[0], doc.position(max(ms, me - 1))[0]
            hit.update(range(first - 1, last))
    if whole and doc.has_links:  # "[Read more](url)" is judged by its link text
        hit.update(_pick(doc, link_lines(doc), max_words))
    return _line_units(doc, sorted(hit), picked=False)  # (the search's lines are not picked)


def _anchored_spans(rx, text):
    """The spans of ``rx.finditer(text)`` for an expression each pattern of which opens with
    ``^`` (multi-line) or ``\\A``, or None when some match is empty. Such an expression can only
    match at a line start, so it is tried there alone; re cannot skip ahead to a "^" and tries
    every position. Same spans: re's search tries the positions from left to right, and at a
    line start makes the same attempt as ``match`` at that position (which sees the text before
    it, as "^" and look-behinds need). After an empty match re has rules of its own about where
    the next may be: those few texts are left to re."""
    match, find = rx.match, text.find
    out = []
    pos = 0
    while True:
        if pos and text[pos - 1] != "\n":  # (a match may end just past a newline: a line start)
            pos = find("\n", pos) + 1
            if not pos:
                return out
        m = match(text, pos)
        if m is None:
            pos = find("\n", pos) + 1
            if not pos:
                return out
            continue
        s, e = m.span()
        if e == s:
            return None
        out.append((s, e))
        pos = e


def _line_matches(rx, text):
    """The spans of ``rx.finditer(text)`` for a whole-unit expression (``^...$``, multi-line)
    in the short lines' text. re cannot skip ahead to a "^" and tries the expression at every
    position; the same expression led by a newline instead of "^" it tries only where a fast
    scan finds a newline. Same matches: "^" holds at 0 (tried first) and after a newline, and
    a match ends at a "$", so the next search starts on a newline that is not a line start
    (short lines are never empty)."""
    _, led, at_start = _led(rx)
    pos = 0
    m = at_start.match(text)
    if m is not None:
        pos = m.end()
        yield m.span()
    for m in led.finditer(text, pos):
        yield m.start() + 1, m.end()


_LED: dict = {}  # id of a whole-unit expression -> (it, led by a newline, led by ^ with the look-ahead)


def _led(rx):
    """(rx, the same led by a newline, the same led by "^") for a whole-unit expression, with
    the look-ahead of `_newline_led` when there is one."""
    got = _LED.get(id(rx))  # (by id: hashing a compiled expression hashes all its code)
    if got is None or got[0] is not rx:
        led = _newline_led(rx)
        got = _LED[id(rx)] = rx, led, compile_pattern("^" + led.pattern[1:], rx.flags)
    return got


def _newline_led(rx):
    """``^DECOR(?:body)DECOR$`` as ``\\nDECOR(?=[F])(?:body)DECOR$``, F the characters a match
    of the body can start with, when known: at most line starts every alternative of the body
    fails on its first character, and the look-ahead says so in one test (re enters each
    alternative of a case-blind alternation to find that out)."""
    head, tail = f"^{_DECOR}(?:", f"){_DECOR}$"
    source = rx.pattern
    first = None
    if source.startswith(head) and source.endswith(tail):
        first = first_char_class(source[len(head):-len(tail)], rx.flags, same_flags=True)
    if first is None:
        return compile_pattern("\n" + source[1:], rx.flags)
    return compile_pattern(f"\n{_DECOR}(?={first})(?:{source[len(head):]}", rx.flags)


_SPAN = re.Match.span


def _fallback_lines(doc, rule, by_part, hit, max_words, whole):
    """Add to ``hit`` the lines holding the literals of each pattern that has few such lines,
    and return the expression of the other patterns for the caller to search with (None if
    there are none). A line where the rule matches is one where some pattern matches: it
    holds that pattern's literals, or that pattern's search finds it."""
    ids_per_part, cache = by_part
    rest = []
    for k, ids in enumerate(ids_per_part):
        if ids is not None:
            lines = lines_of(doc, ids, _MANY_LINES)
            if lines is not None:
                hit.update(_pick(doc, lines, max_words))
                continue
        rest.append(k)
    if not rest:
        return None
    if len(rest) == len(ids_per_part):
        return rule.compiled[0].get()
    key = tuple(rest)
    rx = cache.get(key)
    if rx is None:
        parts = rule.compiled[0].parts
        rx = cache[key] = _compile_like(rule, "|".join(_literal_led(parts[k]) for k in rest))
    return rx


def link_lines(doc) -> list[int]:
    """Indices of the lines holding a Markdown link's "](", in order (once per document)."""
    got = doc.__dict__.get("_link_lines")
    if got is None:
        got = doc.__dict__["_link_lines"] = sorted(lines_holding(doc.text, doc.line_starts, ("](",)))
    return got


def _lacks(doc, rule, literals, ids, whole):
    """True when the text holds none of the literals one of which every match needs, so the
    rule cannot fire (see lint.prefilter). Without the one-scan search, only a few literals
    are tested (one scan each): a search of the whole text pays for several, one of the
    short lines for few. With ``whole``, units are searched with their links replaced by the
    link text: that text is tested too (lines and paragraphs hold whole links; a sentence may
    cut one, so sentences are not pre-tested then)."""
    low = folded(doc)
    if low is None:
        return False
    if ids is None:
        short = rule.scope == "line" and 0 < rule.options["max_words"] <= 32
        if len(literals) > (2 if short else 8):
            return False
    if _holds(doc, low, "lower", literals, ids):
        return False
    if whole and doc.has_links:
        if rule.scope == "sentence":
            return False
        if rule.scope == "line":  # only the lines with a link change
            return not _holds(doc, _delinked_link_lines(doc, low), "delinked lines", literals, ids)
        hay = doc.__dict__.get("_delinked_folded")
        if hay is None:
            hay = doc.__dict__["_delinked_folded"] = _LINK.sub(r"\1", low)
        return not _holds(doc, hay, "delinked", literals, ids)
    return True


def _delinked_link_lines(doc, low):
    """The lower-cased lines holding a link, with their links replaced by the link text, one a
    line (once per document). A line's literal after delinking is in here or, for lines without
    a link, in the lower-cased text: no need to delink and scan the whole text again."""
    hay = doc.__dict__.get("_delinked_link_lines")
    if hay is None:
        starts, texts = doc.line_starts, doc.line_texts
        joined = "\n".join([low[starts[i]:starts[i] + len(texts[i])] for i in link_lines(doc)])
        hay = doc.__dict__["_delinked_link_lines"] = _LINK.sub(r"\1", joined)  # (no link spans a newline)
    return hay


def _holds(doc, text, key, literals, ids):
    if ids is not None:
        return not ids.set.isdisjoint(occurrences(doc, text, key))
    return any(lit in text for lit in literals)


def _lines_with(doc, literals, ids=None):
    """Indices of the lines holding any of the lower-case literals; None when lower-casing
    changes the text's length (offsets would not line up), so the caller searches it all."""
    low = _lower(doc)
    if len(low) != len(doc.text):
        return None
    if ids is not None:  # one scan for all of them
        return lines_of(doc, ids)
    return lines_holding(low, doc.line_starts, literals)


def _lines_with_required(doc, whole, compiled):
    """The lines holding one of the rule's required literals (with ``whole``, also every line
    with a link, searched with its link text), or None when that is not cheap to know: the
    one-scan search is missing and the rule needs many literals, or the literals are common
    (more than a few lines hold them: the search of the short lines is cheaper)."""
    low = folded(doc)
    required, ids = compiled[3:5]
    if low is None:
        return None
    if ids is not None:
        found = lines_of(doc, ids, _MANY_LINES)
        if found is None:
            return None
    elif len(required) <= 8 and min(map(rarity, required)) >= 3:  # "ad" would be on every line
        found = lines_holding(low, doc.line_starts, required)
    else:
        return None
    if len(found) > _MANY_LINES:
        return None
    if whole and doc.has_links:
        lines = link_lines(doc)  # (a few are searched sooner than a scan finds which can match)
        found.update(lines if ids is None or len(lines) <= _MANY_LINES else _link_lines_holding(doc, low, ids))
    return found


def _link_lines_holding(doc, low, ids):
    """The lines with a link that hold one of the literals ``ids`` once their links are
    replaced by the link text (the only link lines a whole-unit search there can match)."""
    hay = _delinked_link_lines(doc, low)
    hits = occurrences(doc, hay, "delinked lines")
    lines = link_lines(doc)
    seg = line_starts_of(doc, hay, "delinked lines")  # where each line starts in the joined text (its bytes)
    found = set()
    for i in ids.set.intersection(hits):
        found.update(lines[bisect.bisect_right(seg, p) - 1] for p in hits[i])
    return found


_MANY_LINES = 12


def _lower(doc):
    low = doc.__dict__.get("_lower")
    return low if low is not None else lowered(doc)


def _groups(m):
    return {f"g{i}": g or "" for i, g in enumerate(m.groups(), 1)}


def make_fix(doc, fix, s, e, m, scope):
    if fix is None:
        return None
    action, replacement, safe = fix
    if action == "replace":
        return Fix(s, e, m.expand(replacement) if "\\" in replacement else replacement, safe)
    if action == "delete-unit" and scope == "line":
        ls, le = _lines_span(doc.text, s, e)
        if safe:
            # a safe deletion removes only what the rule recognised: other words on the line (the
            # title after "Related:", the story a credit sits in) wait for --unsafe-fixes
            safe = not _WORDS.search(_TARGETS.sub(" ", doc.text[ls:s] + " " + doc.text[e:le]))
        return Fix(ls, le, "", safe)
    return Fix(s, e, "", safe)


_TARGETS = re.compile(r"\]\([^)\n]*\)|<?https?://\S+")  # link targets and URLs are not words
_WORDS = re.compile(r"[^\W\d_]{2,}")


def delete_lines(doc, s, e, safe=True):
    """Delete the whole lines holding s..e, with their newline (or the newline before, at EOF)."""
    ls, le = _lines_span(doc.text, s, e)
    return Fix(ls, le, "", safe)


def _lines_span(text, s, e):
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", e)
    if le == -1:
        le = len(text)
        ls = max(0, ls - 1) if ls > 0 else ls
    else:
        le += 1
    return ls, le
