"""The engine: run the selected rules over one parsed document.

Everything here is pure: text in, findings out. Reading files, running in parallel and
printing live at the edges (`lint.sources`, `lint.runner`, `lint.output`).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from . import suppress
from .document import Document
from .finding import SEVERITIES, Finding
from .prefilter import present
from .rules import Rule


def select_rules(rules: list[Rule], select=None, ignore=(), extend_select=()) -> list[Rule]:
    """ruff semantics: ``select`` replaces the default set (rules with ``enabled: true``),
    ``extend_select`` adds to it, ``ignore`` removes; each entry is an id, id prefix,
    category, name or glob. An opt-in rule (``enabled: false``) runs only when a selector names
    it (id, id prefix, name or glob), not when its whole category or ALL is selected."""

    def picks(rule, selectors):
        return any(rule.matches(s) and (rule.enabled or s not in (rule.category, "ALL", "all"))
                   for s in selectors)

    chosen = [r for r in rules if picks(r, select)] if select else [r for r in rules if r.enabled]
    chosen += [r for r in rules if r not in chosen and picks(r, extend_select)]
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
    summaries: dict = field(default_factory=dict)  # rule id -> compact summary for the corpus pass


def lint_document(doc: Document, rules: list[Rule]) -> list[Finding]:
    findings = run_rules(doc, rules)
    findings.sort(key=Finding.sort_key)
    return suppress.apply(doc, findings, rules)  # inline <!-- seedlint: disable=... --> comments


def run_rules(doc: Document, rules: list[Rule]) -> list[Finding]:
    """Every rule's findings on ``doc``, unsorted. A rule whose kind names the literals it
    needs (``literal_gate``) is not called at all when the document's one literal scan (see
    lint.prefilter) found none of them: most rules, on most documents."""
    findings = []
    plan, any_gate = _plan(rules)
    hits = present(doc) if any_gate else None
    for rule, check, gate, links in plan:
        # (the view's isdisjoint walks the smaller side; a set's walks every literal found)
        if gate is not None and hits is not None and hits.isdisjoint(gate) and not (links and doc.has_links):
            continue
        try:
            findings.extend(check(doc, rule))
        except Exception as e:  # a bug in one rule must not hide the others' findings
            print(f"seedlint: internal error in rule {rule.id} on {doc.path}: {type(e).__name__}: {e}",
                  file=sys.stderr)
    return findings


_PLANS: dict = {}  # (id of each rule, ...) -> (the rules, kept alive, their plan)


def _plan(rules) -> tuple[list, bool]:
    """Per rule: (rule, its kind's check function, literal ids as a set or None, whether links
    matter) from the kind's ``literal_gate``; and whether any rule is gated. Worked out once
    per list of rules: a document's loop then makes no lookups."""
    key = tuple(map(id, rules))
    got = _PLANS.get(key)
    if got is None:
        plan = []
        for rule in rules:
            fn = getattr(rule.module, "literal_gate", None)
            try:
                g = fn(rule) if fn is not None else None
            except Exception:  # a rule that fails to compile reports itself when called
                g = None
            # Rule.check calls its kind's check: call that directly (unless a subclass differs)
            check = rule.module.check if type(rule).check is Rule.check else _call_check
            plan.append((rule, check, None if g is None else g[0].set, bool(g and g[1])))
        if len(_PLANS) > 64:
            _PLANS.clear()
        got = _PLANS[key] = (list(rules), (plan, any(p[2] is not None for p in plan)))
    return got[1]


def _call_check(doc, rule):
    return rule.check(doc)


def lint_text(text: str, rules: list[Rule], path: str = "<string>", record=None,
              decode_errors=(), settings=None) -> tuple[Document, list[Finding]]:
    doc = Document(text, path=path, record=record)
    doc.decode_errors = list(decode_errors)
    doc.settings = settings
    return doc, lint_document(doc, rules)


# -- the corpus pass -----------------------------------------------------------------------
# Rules that need a view of the whole run (lines repeated across a site, reports of the same
# story that disagree) work in two steps, so that they behave the same on one core, many
# cores or a cluster: a kind's ``summarize(doc, rule)`` returns a small picklable summary of
# one document during the per-document pass, and its ``check_corpus(summaries, rule)`` gets
# every document's summary afterwards, as a list of ``(path, record, summary)``.

def summarize(doc: Document, rules: list[Rule]) -> dict:
    out = {}
    for rule, fn in _summarizers(rules):
        try:
            out[rule.id] = fn(doc, rule)
        except Exception as e:
            print(f"seedlint: internal error in rule {rule.id} (summary) on {doc.path}: "
                  f"{type(e).__name__}: {e}", file=sys.stderr)
    return out


_SUMMARIZERS: dict = {}  # (id of each rule, ...) -> (the rules, kept alive, their summarizers)


def _summarizers(rules) -> list:
    """(rule, its kind's ``summarize``) of the rules whose kind has one, worked out once per
    list of rules: most runs have none, and a corpus run asks for every record."""
    key = tuple(map(id, rules))
    got = _SUMMARIZERS.get(key)
    if got is None:
        if len(_SUMMARIZERS) > 64:
            _SUMMARIZERS.clear()
        pairs = [(r, getattr(r.module, "summarize", None)) for r in rules]
        got = _SUMMARIZERS[key] = (list(rules), [(r, fn) for r, fn in pairs if fn is not None])
    return got[1]


def corpus_rules(rules: list[Rule]) -> list[Rule]:
    return [r for r in rules if hasattr(r.module, "check_corpus")]


def corpus_pass(summaries: dict, rules: list[Rule]) -> list[Finding]:
    """``summaries``: rule id -> list of (path, record, summary)."""
    findings = []
    for rule in corpus_rules(rules):
        items = summaries.get(rule.id, [])
        try:
            findings.extend(rule.module.check_corpus(items, rule))
        except Exception as e:
            print(f"seedlint: internal error in rule {rule.id} (corpus pass): {type(e).__name__}: {e}",
                  file=sys.stderr)
    findings.sort(key=Finding.sort_key)
    return findings
