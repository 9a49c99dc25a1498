"""Every CI output format, parsed back: github annotations, SARIF (validated against the
vendored SARIF 2.1.0 schema), JUnit XML, GitLab Code Quality."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from lint.cli import main
from lint.output import FORMATS
from lint.output.github import escape_data, escape_property

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
ARTICLE = ("Skip to main content\n\nThe council voted on Tuesday to close the bridge.\n\n"
           "Control\x07character and a second paragraph, 100% sure.\n")


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "bad.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "clean.txt").write_text("A clean article about rivers.\n", encoding="utf-8")
    return tmp_path


def run(capsys, *args):
    code = main(["--isolated", *args])
    return code, capsys.readouterr().out


def test_all_formats_registered():
    assert {"github", "sarif", "junit", "gitlab"} <= set(FORMATS)


def test_github_annotations(corpus, capsys):
    code, out = run(capsys, "--output-format", "github", "docs")
    assert code == 1
    lines = [ln for ln in out.splitlines() if ln.startswith("::")]
    nav = next(ln for ln in lines if "A101" in ln)
    assert nav.startswith("::warning file=docs/bad.md,line=1,col=1,endColumn=21,endLine=1,")
    assert "title=seedlint A101" in nav and nav.endswith('::Navigation text left in the article: "Skip to main content"')
    assert all("clean.txt" not in ln for ln in lines)


def test_github_escaping():
    assert escape_data("50% off\nnext\rline") == "50%25 off%0Anext%0Dline"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_github_is_default_on_actions(corpus, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = run(capsys, "docs")
    assert out.startswith("::warning file=docs/bad.md")


def test_sarif_validates_and_carries_metadata(corpus, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    code, out = run(capsys, "--output-format", "sarif", "docs")
    log = json.loads(out)
    validator = jsonschema.Draft4Validator(json.loads(SCHEMA.read_text()),
                                           format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, errors[0]
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    results = run_["results"]
    assert results and run_["columnKind"] == "unicodeCodePoints"
    for r in results:  # what GitHub code scanning needs
        rule = rules[r["ruleIndex"]]
        assert rule["id"] == r["ruleId"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "docs/bad.md"
        assert loc["region"]["startLine"] >= 1 and loc["region"]["endColumn"] >= 1
        assert r["partialFingerprints"]
    broken = json.loads(out)  # the schema has teeth: a result without its message is rejected
    del broken["runs"][0]["results"][0]["message"]
    assert not validator.is_valid(broken)
    nav = next(r for r in results if r["ruleId"] == "A101")
    assert nav["locations"][0]["physicalLocation"]["region"]["endColumn"] == 21
    assert rules[nav["ruleIndex"]]["defaultConfiguration"]["level"] == "warning"
    assert len({next(iter(r["partialFingerprints"].values())) for r in results}) == len(results)


def test_sarif_empty_run_is_valid(corpus, capsys):
    code, out = run(capsys, "--output-format", "sarif", "docs/clean.txt")
    assert code == 0 and json.loads(out)["runs"][0]["results"] == []


def test_junit(corpus, capsys):
    code, out = run(capsys, "--output-format", "junit", "docs")
    root = ET.fromstring(out.encode("utf-8"))  # parses: control characters were made XML-safe
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert set(suites) == {"docs/bad.md", "docs/clean.txt"}
    assert suites["docs/clean.txt"].get("failures") == "0" and suites["docs/clean.txt"].find("testcase") is not None
    failures = suites["docs/bad.md"].findall("testcase/failure")
    assert int(root.get("failures")) == len(failures) >= 2
    assert any("A101" in f.get("type") and "Skip to main content" in f.get("message") for f in failures)
    assert any("\\x07" in (f.text or "") for f in failures)


def test_gitlab_code_quality(corpus, capsys):
    code, out = run(capsys, "--output-format", "gitlab", "docs")
    issues = json.loads(out)
    assert issues and code == 1
    for i in issues:
        assert i["check_name"] and i["description"] and i["severity"] in ("info", "minor", "major")
        assert i["location"]["path"] == "docs/bad.md" and i["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    nav = next(i for i in issues if i["check_name"] == "A101")
    assert nav["severity"] == "minor" and nav["location"]["lines"]["begin"] == 1


def test_gitlab_fingerprint_stable_when_lines_move(corpus, capsys):
    _, before = run(capsys, "--output-format", "gitlab", "docs")
    bad = corpus / "docs" / "bad.md"
    bad.write_text("A new first paragraph.\n\n" + bad.read_text(), encoding="utf-8")
    _, after = run(capsys, "--output-format", "gitlab", "docs")
    fp = {i["check_name"]: i["fingerprint"] for i in json.loads(before)}
    moved = {i["check_name"]: (i["fingerprint"], i["location"]["lines"]["begin"]) for i in json.loads(after)}
    assert moved["A101"] == (fp["A101"], 3)


def test_output_file(corpus, capsys):
    code = main(["--isolated", "--output-format", "gitlab", "-o", "report.json", "docs"])
    assert code == 1 and capsys.readouterr().out == ""
    assert json.loads((corpus / "report.json").read_text())


def test_finding_to_json_is_json_dumps_of_to_dict():
    import json

    from lint.finding import Finding, Fix

    cases = [
        Finding("a/é b\"c.txt", 3, 1, 3, 9, "A101", "artefact", "warning", "msg \u2028 \x01 tab\t “q”", "ex\\cerpt"),
        Finding("p", 1, 2, 3, 4, "T101", "typo", "info", "m", "e", record="r-1", suggestions=["x", "ÿ"],
                score=0.123456789, fix=Fix(1, 2, "new\n", False),
                related=[{"path": "q", "record": None, "line": 2, "message": "says 3"}]),
        Finding("p", 1, 2, 3, 4, "T101", "typo", "info", "m", "", record="", score=1e-9),
    ]
    for f in cases:
        assert f.to_json() == json.dumps(f.to_dict(), ensure_ascii=False)
