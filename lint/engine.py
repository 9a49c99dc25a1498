"""The engine: run the selected rules over one parsed document.

Everything here is pure: text in, findings out. Reading files, running in parallel and
printing live at the edges (`lint.sources`, `lint.runner`, `lint.output`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from .document import Document
from .finding import SEVERITIES, Finding
from .rules import Rule


def select_rules(rules: list[Rule], select=None, ignore=(), extend_select=()) -> list[Rule]:
    """ruff semantics: ``select`` replaces the default set (rules with ``enabled: true``),
    ``extend_select`` adds to it, ``ignore`` removes; each entry is an id, id prefix,
    category, name or glob."""
    if select:
        chosen = [r for r in rules if any(r.matches(s) for s in select)]
    else:
        chosen = [r for r in rules if r.enabled]
    chosen += [r for r in rules if r not in chosen and any(r.matches(s) for s in extend_select)]
    return [r for r in chosen if not any(r.matches(s) for s in ignore)]


def severity_at_least(severity: str, level: str) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(level)


@dataclass
class Result:
    path: str
    findings: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # skipped files, rule crashes
    error: str | None = None  # unreadable input (exit 2)
    document: Document | None = None


def lint_document(doc: Document, rules: list[Rule]) -> list[Finding]:
    findings = []
    for rule in rules:
        try:
            findings.extend(rule.check(doc))
        except Exception as e:  # a bug in one rule must not hide the others' findings
            print(f"seedlint: internal error in rule {rule.id} on {doc.path}: {type(e).__name__}: {e}",
                  file=sys.stderr)
    findings.sort(key=Finding.sort_key)
    return findings


def lint_text(text: str, rules: list[Rule], path: str = "<string>", record=None,
              decode_errors=()) -> tuple[Document, list[Finding]]:
    doc = Document(text, path=path, record=record)
    doc.decode_errors = list(decode_errors)
    return doc, lint_document(doc, rules)
