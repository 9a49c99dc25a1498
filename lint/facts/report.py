"""Findings that name both places of a contradiction: one finding on each member, each
pointing at the other (``Finding.related``) and saying "this says X, line N says Y"."""

from __future__ import annotations


def related(doc, start, end, note):
    line, col = doc.position(start)
    return {"line": line, "column": col, "end_column": col + (end - start) if doc.position(end)[0] == line else None,
            "excerpt": doc.text[start:end][:120], "message": note}


def pair(doc, rule, a, b, this, other, both=True, **values):
    """Findings for members ``a`` and ``b`` (each a (start, end) span) that say ``this``/``other``.

    The message template gets {this}, {other} and {other_line}; with ``both`` the second member
    gets its own finding too, so a reader (and a scorer) lands on either place."""
    out = []
    members = [(a, b, this, other)] + ([(b, a, other, this)] if both else [])
    for (s, e), (os_, oe), x, y in members:
        line = doc.position(os_)[0]
        f = rule.finding(doc, s, e, this=x, other=y, other_line=line, **values)
        f.related.append(related(doc, os_, oe, f"line {line} says {y}"))
        out.append(f)
    return out
