"""Inline suppression comments, for files that have a comment syntax (Markdown, or any text
that contains such comments)::

    <!-- seedlint: disable=A101,typo -->       off from here on (no list: every rule)
    <!-- seedlint: enable=A101 -->             on again (no list: every rule)
    <!-- seedlint: disable-next-line=A303 --> off for the next non-blank line
    <!-- seedlint: disable-line=A303 -->      off for the line the comment is on

Selectors are those of ``--select``: ids, id prefixes, categories, names, globs. The
comments themselves are directives, never findings (the markup rules would flag them).
Plain text without such comments is handled by the baseline (`lint.baseline`) instead.
"""

from __future__ import annotations

import re

_DIRECTIVE = re.compile(
    r"<!--\s*seedlint:\s*(disable-next-line|disable-line|disable|enable)\b\s*(?:=\s*([^>]*?))?\s*-->")


def directives(doc):
    """(action, selectors, start, end) for each suppression comment, in order."""
    for m in _DIRECTIVE.finditer(doc.text):
        sels = [s.strip() for s in (m.group(2) or "").split(",") if s.strip()]
        yield m.group(1), sels, m.start(), m.end()


def apply(doc, findings, rules):
    """The findings that no suppression comment in ``doc`` silences."""
    if "seedlint:" not in doc.text:  # the usual case: nothing to parse
        return findings
    found = list(directives(doc))
    if not found:
        return findings
    by_id = {r.id: r for r in rules}

    def hits(selectors, finding):
        if not selectors:
            return True
        rule = by_id.get(finding.rule)
        if rule is None:
            return finding.rule in selectors or finding.category in selectors
        return any(rule.matches(s) for s in selectors)

    return [f for f in findings if not _silenced(doc, f, found, hits)]


def _silenced(doc, finding, found, hits) -> bool:
    off = False  # state of the disable/enable regions at the finding's start
    for action, sels, start, end in found:
        if start <= finding.start and finding.end <= end:
            return True  # the directive itself (markup rules would flag the comment)
        if action == "disable-line" and doc.position(start)[0] == finding.line and hits(sels, finding):
            return True
        if action == "disable-next-line" and _next_line(doc, end) == finding.line and hits(sels, finding):
            return True
        if start <= finding.start and action in ("disable", "enable") and hits(sels, finding):
            off = action == "disable"
    return off


def _next_line(doc, offset) -> int:
    """The first non-blank line after the one holding ``offset``."""
    line = doc.position(offset)[0]
    for span in doc.lines[line:]:
        if span.text.strip():
            return span.index + 1
    return line + 1
