import textwrap

import pytest

from lint.cli import main
from lint.rules import RuleError, load_rules

GOOD = """\
id: X100
kind: existence
category: artefact
message: 'found {match}'
description: test rule
tokens: [foo]
examples: {flag: [foo], pass: [bar]}
"""


def write(tmp_path, text, name="r.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return p


def test_user_rule_folder_loads(tmp_path):
    write(tmp_path, GOOD)
    rules = load_rules([tmp_path], include_builtin=False)
    assert [r.id for r in rules] == ["X100"]


@pytest.mark.parametrize("mutation,needle,line", [
    (("tokens: [foo]", "tokens: [foo]\ncolour: red"), "unknown key 'colour'", 7),
    (("kind: existence", "kind: nope"), "unknown kind 'nope'", 2),
    (("tokens: [foo]", "patterns: ['(unclosed']"), "missing ), unterminated subpattern", 1),
    (("category: artefact", "category: boring"), "must be one of", 3),
    (("tokens: [foo]", "tokens: foo"), "expected list", 6),
    (("message: 'found {match}'\n", ""), "missing required key 'message'", 1),
])
def test_invalid_rules_name_file_line_and_id(tmp_path, mutation, needle, line):
    p = write(tmp_path, GOOD.replace(*mutation))
    with pytest.raises(RuleError) as e:
        load_rules([tmp_path], include_builtin=False)
    msg = str(e.value)
    assert needle in msg and f"{p}:{line}:" in msg and "X100" in msg


def test_duplicate_ids(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules([tmp_path], include_builtin=False)


def test_bad_yaml_reports_line(tmp_path):
    p = write(tmp_path, GOOD + "examples: [unclosed\n")
    with pytest.raises(RuleError, match=f"{p}:"):
        load_rules([tmp_path], include_builtin=False)


def test_invalid_rule_file_exits_2(tmp_path, capsys):
    write(tmp_path, GOOD.replace("kind: existence", "kind: nope"))
    doc = tmp_path / "doc.txt"
    doc.write_text("foo\n")
    assert main(["--rules", str(tmp_path), str(doc)]) == 2
    assert "unknown kind" in capsys.readouterr().err


def test_several_rules_in_one_file(tmp_path):
    write(tmp_path, GOOD + "---\n" + GOOD.replace("X100", "X101"))
    assert [r.id for r in load_rules([tmp_path], include_builtin=False)] == ["X100", "X101"]


def test_builtin_rules_compile_on_first_use_and_all_compile():
    rules = load_rules()
    assert all(r.lazy for r in rules)
    for r in rules:
        r.compiled  # every built-in rule's options are valid
        assert not r.lazy
