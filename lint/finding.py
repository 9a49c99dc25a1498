"""What a check reports: a `Finding`, optionally carrying a `Fix` (an exact text edit)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from json.encoder import encode_basestring as _q  # a JSON string literal, non-ASCII kept

CATEGORIES = ("artefact", "typo", "off-topic", "contradiction", "style")
SEVERITIES = ("info", "warning", "error")  # ordered: a fail level lets through what is below it


@dataclass(frozen=True)
class Fix:
    """Replace ``text[start:end]`` of the document with ``replacement``.

    ``safe`` fixes are applied by ``--fix``; unsafe ones need ``--unsafe-fixes``."""

    start: int
    end: int
    replacement: str
    safe: bool = True


@dataclass
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int  # exclusive
    rule: str
    category: str
    severity: str
    message: str
    excerpt: str = ""
    start: int = 0  # character offsets in the document (for fixes and reports)
    end: int = 0
    fix: Fix | None = None
    record: str | None = None  # corpus record id
    suggestions: list[str] = field(default_factory=list)
    related: list[dict] = field(default_factory=list)  # other places that make the case
    score: float | None = None  # a rule's own score, where it has one (lower = more suspicious)

    def sort_key(self):
        return (self.path, self.record or "", self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        d = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
        }
        if self.record is not None:
            d["record"] = self.record
        if self.suggestions:
            d["suggestions"] = self.suggestions
        if self.related:
            d["related"] = self.related
        if self.score is not None:
            d["score"] = round(self.score, 4)
        if self.fix is not None:
            d["fix"] = {
                "start": self.fix.start,
                "end": self.fix.end,
                "replacement": self.fix.replacement,
                "safe": self.fix.safe,
            }
        return d

    def to_json(self) -> str:
        """``json.dumps(self.to_dict(), ensure_ascii=False)``, byte for byte, without building the
        dict: JSON output of millions of findings is a visible part of a corpus run."""
        head = (f'{{"path": {_q(self.path)}, "line": {self.line}, "column": {self.column}, '
                f'"end_line": {self.end_line}, "end_column": {self.end_column}, "rule": {_q(self.rule)}, '
                f'"category": {_q(self.category)}, "severity": {_q(self.severity)}, '
                f'"message": {_q(self.message)}, "excerpt": {_q(self.excerpt)}')
        record, fix = self.record, self.fix
        if not self.suggestions and not self.related and self.score is None \
                and (record is None or type(record) is str) and (fix is None or _plain_fix(fix)):
            # (a corpus record's findings: their id and fix written out as json.dumps would)
            if record is not None:
                head += f', "record": {_q(record)}'
            if fix is not None:
                head += (f', "fix": {{"start": {fix.start}, "end": {fix.end}, "replacement": {_q(fix.replacement)}, '
                         f'"safe": {"true" if fix.safe else "false"}}}')
            return head + "}"
        tail = self.to_dict()
        for k in ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message",
                  "excerpt"):
            del tail[k]
        return head + ", " + json.dumps(tail, ensure_ascii=False)[1:]


def _plain_fix(fix) -> bool:
    return type(fix.start) is int and type(fix.end) is int and type(fix.replacement) is str \
        and type(fix.safe) is bool
