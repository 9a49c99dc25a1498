"""The baseline: moved lines stay suppressed, changed text is reported, stale entries are
reported, and the committed baseline of this project matches its seeds."""

import json
import shutil

import pytest

from lint.cli import main

# Tests select A101 only: they are about the baseline, not about which rules fire.
ARTICLE = "Skip to main content\n\nThe council voted to close the bridge.\n\nBack to top\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "data" / "b.txt").write_text("Skip to main content\n\nAnother story.\n", encoding="utf-8")
    assert main(["--isolated", "--select", "A101", "--write-baseline", "base.json", "data"]) == 0
    return tmp_path


def check(capsys, *args):
    code = main(["--isolated", "--select", "A101", "--output-format", "json", "--baseline", "base.json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def test_baseline_file_is_keyed_without_line_numbers(repo):
    data = json.loads((repo / "base.json").read_text())
    entries = data["entries"]
    assert {e["path"] for e in entries} == {"data/a.txt", "data/b.txt"}
    assert all(set(e) == {"path", "rule", "hash", "count", "excerpt"} for e in entries)


def test_unchanged_and_moved_findings_stay_suppressed(repo, capsys):
    code, found, err = check(capsys, "data")
    assert (code, found, err) == (0, [], "")
    a = repo / "data" / "a.txt"
    a.write_text("A new lede paragraph.\n\nAnd another.\n\n" + a.read_text(), encoding="utf-8")
    code, found, err = check(capsys, "data")
    assert (code, found, err) == (0, [], "")


def test_changed_text_is_reported_and_old_entry_stale(repo, capsys):
    a = repo / "data" / "a.txt"
    a.write_text(a.read_text().replace("Back to top", "Back to the top"), encoding="utf-8")
    code, found, err = check(capsys, "data")
    assert code == 1 and [f["path"] for f in found] == ["data/a.txt"]
    assert "Back to the top" in found[0]["message"]
    assert "no longer found" in err and '"Back to top"' in err


def test_a_second_copy_of_a_known_artefact_is_new(repo, capsys):
    b = repo / "data" / "b.txt"
    b.write_text(b.read_text() + "\nSkip to main content\n", encoding="utf-8")
    code, found, _ = check(capsys, "data")
    assert code == 1 and [(f["rule"], f["line"]) for f in found] == [("A101", 5)]


def test_fixed_findings_are_stale_only_for_files_linted(repo, capsys):
    (repo / "data" / "b.txt").write_text("Another story.\n", encoding="utf-8")
    code, found, err = check(capsys, "data/a.txt")  # as pre-commit passes one changed file
    assert (code, found, err) == (0, [], "")
    code, found, err = check(capsys, "data")
    assert code == 0 and "1 baseline entry no longer found" in err and "data/b.txt A101" in err


def test_statistics_and_summary_count_suppressed(repo, capsys):
    (repo / "data" / "c.txt").write_text("Skip to main content\n", encoding="utf-8")
    code = main(["--isolated", "--select", "A101", "--statistics", "--baseline", "base.json", "data"])
    out = capsys.readouterr().out
    n = sum(e["count"] for e in json.loads((repo / "base.json").read_text())["entries"])
    assert code == 1 and f"{n} suppressed by the baseline" in out.splitlines()[-1]
    assert any(ln.split() == [str(n), "suppressed", "by", "the", "baseline"] for ln in out.splitlines())


def test_sarif_reports_how_many_the_baseline_suppressed(repo, capsys):
    code = main(["--isolated", "--select", "A101", "--output-format", "sarif", "--baseline", "base.json", "data"])
    log = json.loads(capsys.readouterr().out)
    assert code == 0 and log["runs"][0]["results"] == []
    assert log["runs"][0]["properties"]["baselineSuppressed"] == 3  # two in a.txt, one in b.txt


def test_baseline_works_from_another_directory(repo, capsys, monkeypatch):
    monkeypatch.chdir(repo / "data")
    code = main(["--isolated", "--select", "A101", "--baseline", "../base.json", "."])
    assert code == 0 and "suppressed by the baseline" in capsys.readouterr().out


@pytest.mark.parametrize("content", ["not json", '{"entries": []}', '{"seedlint-baseline": 1, "entries": [{}]}'])
def test_bad_baseline_is_a_usage_error(repo, capsys, content):
    (repo / "base.json").write_text(content)
    assert main(["--isolated", "--baseline", "base.json", "data"]) == 2
    assert "base.json" in capsys.readouterr().err


def hook_command(root):
    """The seedlint hook of this project's .pre-commit-config.yaml: its arguments and the seed
    files it runs on, as pre-commit passes them."""
    import re
    import shlex

    import yaml

    hooks = [h for r in yaml.safe_load((root / ".pre-commit-config.yaml").read_text())["repos"]
             for h in r["hooks"] if h["id"] == "seedlint"]
    entry = shlex.split(hooks[0]["entry"]) + hooks[0].get("args", [])
    files = sorted(str(p.relative_to(root)) for p in (root / "seeds").rglob("*")
                   if p.suffix in (".txt", ".md") and re.search(hooks[0]["files"], str(p.relative_to(root))))
    assert entry[0] == "seedlint" and files
    return entry[1:], files


def test_committed_baseline_matches_the_seeds(root, tmp_path, monkeypatch, capsys):
    """If this fails, rules or seeds changed: regenerate the baseline as .pre-commit-config.yaml says
    (seedlint --write-baseline .seedlint-baseline.json seeds/) and review the diff."""
    args, files = hook_command(root)
    monkeypatch.chdir(root)
    code = main(args + files)  # exactly what the pre-commit hook runs
    out, err = capsys.readouterr()
    assert code == 0, out
    assert "no longer found" not in err, err
    assert "suppressed by the baseline" in out
    # and a new artefact in a seed fails the hook
    shutil.copytree(root / "seeds", tmp_path / "seeds")
    shutil.copy(root / ".seedlint-baseline.json", tmp_path)
    monkeypatch.chdir(tmp_path)
    seed = tmp_path / files[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nSkip to main content\n", encoding="utf-8")
    assert main(args + files) == 1
    assert "Skip to main content" in capsys.readouterr().out


def test_corpus_rule_entries_are_stale_only_in_a_whole_run(tmp_path):
    from lint import baseline
    from lint.document import Document
    from lint.finding import Finding

    docs = {p: Document("Same line in both.\n", path=p) for p in ("x.txt", "y.txt")}

    def finding(path, rule):
        return Finding(path, 1, 1, 1, 5, rule, "contradiction", "warning", "m", "Same", start=0, end=4)

    base = str(tmp_path / "b.json")
    baseline.write(base, [finding("x.txt", "C9"), finding("x.txt", "A1"), finding("y.txt", "A1")], docs)
    known = baseline.load(base)
    one_file = {"x.txt": docs["x.txt"]}
    _, _, stale = known.filter([], one_file, {"C9", "A1"}, corpus_rule_ids={"C9"})
    assert [e["rule"] for e in stale] == ["A1"]  # C9 may only need y.txt to fire
    new, n, stale = known.filter([finding("x.txt", "A1"), finding("y.txt", "A1")], docs, {"C9", "A1"},
                                 corpus_rule_ids={"C9"})
    assert (new, n, [e["rule"] for e in stale]) == ([], 2, ["C9"])
