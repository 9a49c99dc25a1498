"""YAML rules: loading, validation and the `Rule` object that kinds receive.

A rule file holds one rule, or several separated by ``---``. Every rule names a ``kind`` (a
module in ``lint/kinds``) and sets that kind's options at top level, beside the common keys
below. Loading checks everything and raises `RuleError` naming the file, the line and the rule.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .finding import CATEGORIES, SEVERITIES, Finding, Fix
from .kinds import KINDS, Option

SCOPES = ("line", "paragraph", "sentence", "document")
_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]*$")

COMMON: dict[str, Option] = {
    "id": Option(str, required=True, doc="unique rule id, e.g. A101"),
    "name": Option(str, "", doc="a short slug, usable in --select"),
    "kind": Option(str, required=True, doc="the Python rule kind that runs this rule"),
    "category": Option(str, required=True, choices=CATEGORIES),
    "severity": Option(str, "warning", choices=SEVERITIES),
    "message": Option(str, required=True, doc="what the user reads; {match} and kind fields fill in"),
    "description": Option(str, required=True, doc="one paragraph: why this matters"),
    "scope": Option(str, None, choices=SCOPES),
    "fix": Option((str, dict), None, doc="how to repair a finding (kind-specific)"),
    "enabled": Option(bool, True, doc="false: runs only when selected explicitly"),
    "examples": Option(dict, required=True, doc="{flag: [texts], pass: [texts]}"),
}


class RuleError(Exception):
    """An invalid rule file: the message names file, line and rule id."""

    def __init__(self, path, line, rule_id, msg):
        where = f"{path}:{line}" if line else str(path)
        rid = f" rule {rule_id}:" if rule_id else ""
        super().__init__(f"{where}:{rid} {msg}")


class _Vars(dict):
    def __missing__(self, key):
        return "{" + key + "}"


@dataclass
class Rule:
    id: str
    kind: str
    category: str
    severity: str
    message: str
    description: str
    examples: dict
    name: str = ""
    scope: str | None = None
    fix: Any = None
    enabled: bool = True
    options: dict = field(default_factory=dict)
    source: str = ""  # file it came from
    lazy: bool = False  # built-in rules compile on first use (their examples are tested)
    _compiled: Any = None

    @property
    def compiled(self):
        """What the kind's ``prepare()`` made of the options: compiled once, on first use."""
        if self.lazy:
            self.lazy = False
            self._compiled = _prepare(self.module, self)
        return self._compiled

    @compiled.setter
    def compiled(self, value):
        self.lazy, self._compiled = False, value

    @property
    def module(self):
        return KINDS[self.kind]

    def check(self, doc):
        return self.module.check(doc, self)

    def format(self, template: str | None = None, **values) -> str:
        try:  # str.format_map: the same result as string.Formatter, in C
            return (template or self.message).format_map(_Vars(values))
        except (ValueError, IndexError):  # positional fields: string.Formatter says what is wrong
            return string.Formatter().vformat(template or self.message, (), _Vars(values))

    def finding(self, doc, start: int, end: int, fix: Fix | None = None, message: str | None = None,
                **values) -> Finding:
        """A finding for ``doc.text[start:end]``; ``values`` fill the message placeholders."""
        end = max(end, start + 1) if doc.text else end
        end = min(end, len(doc.text)) if doc.text else end
        line, col = doc.position(start)
        if end > start:
            # the position just past the last character, on that character's line
            end_line, end_col = doc.position(end - 1)
            end_col += 1
        else:
            end_line, end_col = line, col
        excerpt = doc.text[start:end]
        values.setdefault("match", excerpt.strip())
        return Finding(
            path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
            rule=self.id, category=self.category, severity=self.severity,
            message=message if message is not None else self.format(**values),
            excerpt=excerpt if len(excerpt) <= 200 else excerpt[:197] + "...",
            start=start, end=end, fix=fix, record=doc.record,
        )

    def matches(self, selector: str) -> bool:
        """ruff-style selection: exact id, id prefix, category, name, or a glob."""
        from fnmatch import fnmatchcase

        if selector in ("ALL", "all"):
            return True
        if selector in (self.category, self.name, self.id) or self.id.startswith(selector):
            return True
        return any(ch in selector for ch in "*?[") and (
            fnmatchcase(self.id, selector) or (self.name and fnmatchcase(self.name, selector)))


def builtin_rules_dir() -> Path:
    """`rules/` of a source checkout, or the copy shipped inside the wheel."""
    here = Path(__file__).resolve().parent
    src = here.parent / "rules"
    if src.is_dir():
        return src
    return Path(str(resources.files("lint") / "_rules"))


def load_rules(extra_dirs=(), include_builtin=True) -> list[Rule]:
    builtin = builtin_rules_dir()
    dirs = ([builtin] if include_builtin else []) + [Path(d) for d in extra_dirs]
    rules, seen = [], {}
    for d in dirs:
        if not d.is_dir():
            raise RuleError(d, 0, None, "rule folder not found")
        for path in sorted(d.rglob("*.y*ml")):
            for rule, line in load_rule_file(path, lazy=d is builtin):
                if rule.id in seen:
                    raise RuleError(path, line, rule.id, f"duplicate rule id (first defined in {seen[rule.id]})")
                seen[rule.id] = f"{path}"
                rules.append(rule)
    return rules


def load_rule_file(path: Path, lazy: bool = False) -> list[tuple[Rule, int]]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(path, 0, None, f"cannot read rule file: {e}") from None
    out = []
    try:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)  # libyaml when present: 5x faster
    except yaml.YAMLError as e:
        raise RuleError(path, 0, None, f"invalid YAML: {e}") from None
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            data = loader.construct_document(node)
            if data is None:
                continue
            out.append((_build(path, node, data, lazy), node.start_mark.line + 1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise RuleError(path, mark.line + 1 if mark else 0, None, f"invalid YAML: {getattr(e, 'problem', e)}") from None
    finally:
        loader.dispose()
    return out


def _prepare(module, rule):
    return module.prepare(rule) if hasattr(module, "prepare") else None


def _key_lines(node) -> dict:
    if isinstance(node, yaml.MappingNode):
        return {k.value: k.start_mark.line + 1 for k, _ in node.value}
    return {}


def _build(path, node, data, lazy=False) -> Rule:
    top = node.start_mark.line + 1
    if not isinstance(data, dict):
        raise RuleError(path, top, None, "a rule must be a mapping")
    lines = _key_lines(node)
    rid = data.get("id") if isinstance(data.get("id"), str) else None

    def fail(key, msg):
        raise RuleError(path, lines.get(key, top), rid, msg)

    kind = data.get("kind")
    if kind not in KINDS:
        fail("kind", f"unknown kind {kind!r} (known: {', '.join(sorted(KINDS))})")
    module = KINDS[kind]
    schema = {**COMMON, **module.OPTIONS}
    values = {}
    for key in data:
        if key not in schema:
            fail(key, f"unknown key {key!r} for kind {kind}")
    for key, opt in schema.items():
        if key not in data:
            if opt.required:
                fail(None, f"missing required key {key!r}")
            values[key] = opt.default
            continue
        err = opt.validate(data[key])
        if err:
            fail(key, f"{key}: {err}")
        values[key] = data[key]
    if not _ID.match(values["id"]):
        fail("id", f"invalid id {values['id']!r}: letters, digits, '.', '_' and '-'")
    scopes = getattr(module, "SCOPES", ())
    if scopes and values["scope"] is None:
        values["scope"] = scopes[0]
    if values["scope"] is not None and scopes and values["scope"] not in scopes:
        fail("scope", f"kind {kind} supports scope {', '.join(scopes)}, not {values['scope']!r}")
    ex = values["examples"]
    for k in ex:
        if k not in ("flag", "pass"):
            fail("examples", f"examples: unknown key {k!r} (use flag and pass)")
    for k in ("flag", "pass"):
        v = ex.get(k, [])
        if not isinstance(v, list) or not all(isinstance(t, str) for t in v):
            fail("examples", f"examples.{k} must be a list of texts")
    if not ex.get("flag") and getattr(module, "TEXT_EXAMPLES", True):
        fail("examples", "examples.flag needs at least one text that the rule flags")
    common = {k: values.pop(k) for k in list(values) if k in COMMON}
    rule = Rule(**common, options=values, source=str(path))
    if lazy:
        rule.lazy = True  # a run whose files all come from the cache compiles nothing
        return rule
    try:
        rule.compiled = _prepare(module, rule)
    except (ValueError, re.error) as e:
        bad = getattr(e, "key", None)
        fail(bad, str(e))
    return rule
