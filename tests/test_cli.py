import json
import subprocess
import sys

import pytest

from lint.cli import main

PAGE = "Skip to main content\n\nPutin met Assad in Damascus on Tuesday.\n\nRead More »\n"


@pytest.fixture
def page(tmp_path):
    p = tmp_path / "page.txt"
    p.write_text(PAGE)
    return p


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_lines_and_summary(page, capsys):
    code, out, err = run(capsys, "--select", "A1", page)
    lines = out.splitlines()
    assert code == 1
    assert lines[0] == f"{page}:1:1: warning A101 Navigation text left in the article: \"Skip to main content\"  (fix available)"
    assert lines[1].startswith(f"{page}:5:1: warning A102 ")
    assert lines[-1].startswith("Found 2 findings (2 warning) in 1 of 1 file.")
    assert "\x1b[" not in out  # no colour in a pipe


def test_json_fields(page, capsys):
    code, out, _ = run(capsys, "--output-format", "json", page)
    found = json.loads(out)
    f = found[0]
    assert {k: f[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "category", "severity")} == {
        "path": str(page), "line": 1, "column": 1, "end_line": 1, "end_column": 21, "rule": "A101",
        "category": "artefact", "severity": "warning"}
    assert f["excerpt"] == "Skip to main content" and f["fix"]["replacement"] == ""


def test_jsonl_one_finding_per_line(page, capsys):
    _, out, _ = run(capsys, "--output-format", "jsonl", "--select", "A", page)
    assert [json.loads(l)["rule"] for l in out.splitlines()] == ["A101", "A102"]


@pytest.mark.parametrize("args,rules", [
    (["--select", "A101"], ["A101"]),
    (["--select", "A1"], ["A101", "A102"]),
    (["--select", "artefact", "--ignore", "A101"], ["A102"]),
    (["--select", "navigation-text"], ["A101"]),
    (["--select", "A10[2]"], ["A102"]),
    (["--select", "A", "--ignore", "artefact"], []),
])
def test_selection(page, capsys, args, rules):
    _, out, _ = run(capsys, "--output-format", "json", *args, page)
    assert [f["rule"] for f in json.loads(out)] == rules


def test_extend_select_runs_opt_in_rules(tmp_path, capsys):
    p = tmp_path / "t.txt"
    p.write_text("A line with trailing spaces.   \n")
    assert "A503" not in run(capsys, p)[1]
    assert "A503" in run(capsys, "--extend-select", "A503", p)[1]


def test_fail_level(page, capsys):
    assert run(capsys, "--fail-level", "error", page)[0] == 0
    assert run(capsys, "--fail-level", "warning", page)[0] == 1


def test_unknown_selector_is_a_usage_error(page, capsys):
    code, _, err = run(capsys, "--select", "Z999", page)
    assert code == 2 and "Z999" in err


def test_usage_error_exit_2(capsys):
    with pytest.raises(SystemExit) as e:
        main(["--output-format", "nope", "x"])
    assert e.value.code == 2


def test_statistics(page, capsys):
    _, out, _ = run(capsys, "--statistics", page)
    assert any(l.split()[:2] == ["1", "A101"] for l in out.splitlines())


def test_clean_file_exit_0(tmp_path, capsys):
    p = tmp_path / "clean.md"
    p.write_text("# A title\n\nPutin met Assad in Damascus on Tuesday.\n")
    code, out, _ = run(capsys, p)
    assert code == 0 and out.startswith("All clear")


def test_folder_recursion_and_extensions(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("Skip to main content\n")
    (tmp_path / "b.html").write_text("Skip to main content\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("Skip to main content\n")
    _, out, _ = run(capsys, "--output-format", "json", tmp_path)
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(out)] == ["a.md"]
    _, out, _ = run(capsys, "--output-format", "json", "--extensions", "html", tmp_path)
    assert [f["path"].rsplit("/", 1)[-1] for f in json.loads(out)] == ["b.html"]


def test_rules_and_rule_commands(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and any(l.startswith("A101 ") for l in out.splitlines())
    code, out, _ = run(capsys, "rule", "A102")
    assert code == 0 and "Read More »" in out and "read more books" in out and "Kind 'existence'" in out
    assert run(capsys, "rule", "NOPE")[0] == 2


def test_python_dash_m_and_version():
    out = subprocess.run([sys.executable, "-m", "lint", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("seedlint ")


def test_colour_only_on_a_terminal(page, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in run(capsys, page)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, page)[1]


def test_opt_in_rules_need_to_be_named(tmp_path, capsys):
    p = tmp_path / "t.txt"
    p.write_text("A line with trailing spaces.   \n")
    assert "A503" not in run(capsys, "--select", "style", p)[1]  # its category is not enough
    assert "A503" in run(capsys, "--select", "A503", p)[1]
    assert "A503" in run(capsys, "--select", "A50", p)[1]
