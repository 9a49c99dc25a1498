"""Every rule's own examples, run automatically (sqlfluff/LanguageTool style):
each `flag` text must produce the rule, each `pass` text must not."""

import pytest

from lint.engine import lint_text
from lint.rules import load_rules

RULES = load_rules()
CASES = [(r, "flag", i, t) for r in RULES for i, t in enumerate(r.examples.get("flag", []))] + \
        [(r, "pass", i, t) for r in RULES for i, t in enumerate(r.examples.get("pass", []))]


@pytest.mark.parametrize("rule,expect,i,text", CASES, ids=[f"{r.id}-{e}-{i}" for r, e, i, _ in CASES])
def test_rule_example(rule, expect, i, text):
    _, findings = lint_text(text, [rule], path="example.txt")
    fired = [f for f in findings if f.rule == rule.id]
    if expect == "flag":
        assert fired, f"{rule.id} should flag: {text!r}"
    else:
        assert not fired, f"{rule.id} should pass: {text!r}, got {[f.message for f in fired]}"


def test_every_rule_has_pass_examples():
    missing = [r.id for r in RULES if not r.examples.get("pass")]
    assert not missing, f"rules without innocent look-alikes: {missing}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.fix], ids=lambda r: r.id)
def test_fix_examples_change_the_text(rule):
    """A rule that declares a fix must produce one on its flag examples."""
    for text in rule.examples.get("flag", []):
        _, findings = lint_text(text, [rule])
        assert any(f.fix is not None for f in findings if f.rule == rule.id), text
