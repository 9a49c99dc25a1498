"""Configuration: discovery from the working directory upward, --config, every key's
validation (exit 2 naming file and key), per-file ignores, excludes and --force-exclude,
case-aware accepted and rejected words."""

import pytest

from lint import config
from lint.cli import main

NAV = "Skip to main content\n\nThe council voted to close the bridge.\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "articles" / "drafts").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_text(NAV, encoding="utf-8")
    (tmp_path / "articles" / "drafts" / "d.txt").write_text(NAV, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_pyproject_found_from_a_subfolder(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.seedlint]\nignore = ["A101"]\n')
    monkeypatch.chdir(project / "articles")
    code, out, _ = lint(capsys, "--select", "A101", ".")
    assert code == 0 and "A101" not in out


def test_nearest_config_wins_and_yaml_before_pyproject(project, capsys, monkeypatch):
    (project / "pyproject.toml").write_text('[tool.seedlint]\nselect = ["A303"]\n')
    (project / "articles" / ".seedlint.yaml").write_text("select: [A101]\n")
    (project / "articles" / "pyproject.toml").write_text('[tool.seedlint]\nselect = ["A303"]\n')
    monkeypatch.chdir(project / "articles")
    assert config.load().source.endswith(".seedlint.yaml")
    code, out, _ = lint(capsys, ".")
    assert code == 1 and "A101" in out


def test_pyproject_without_table_is_passed_over(project, monkeypatch):
    (project / ".seedlint.yaml").write_text("fail-level: error\n")
    (project / "articles" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    monkeypatch.chdir(project / "articles")
    assert config.load().fail_level == "error"


def test_explicit_config_and_isolated(project, capsys):
    (project / "strict.yaml").write_text("ignore: [navigation-text]\n")
    assert lint(capsys, "--select", "A101", "--config", "strict.yaml", "articles")[0] == 0
    (project / ".seedlint.yaml").write_text("ignore: [navigation-text]\n")
    assert lint(capsys, "--isolated", "articles")[0] == 1


@pytest.mark.parametrize("text, key", [
    ("selct: [A101]\n", "selct"),
    ("fail-level: fatal\n", "fail-level"),
    ("exclude: drafts\n", "exclude"),
    ("per-file-ignores: {'*.txt': A101}\n", "per-file-ignores"),
    ("per-file-ignores: {'*.txt': [1]}\n", "per-file-ignores"),
    ("accept-words: [1, 2]\n", "accept-words"),
    ("jobs: yes\n", "jobs"),
    ("output-format: xml\n", "output-format"),
])
def test_bad_yaml_settings_exit_2_naming_file_and_key(project, capsys, text, key):
    (project / ".seedlint.yaml").write_text(text)
    code, _, err = lint(capsys, "articles")
    assert code == 2 and ".seedlint.yaml" in err and repr(key) in err


def test_bad_pyproject_exit_2(project, capsys):
    (project / "pyproject.toml").write_text('[tool.seedlint]\nfail_level = "loud"\n')
    code, _, err = lint(capsys, "articles")
    assert code == 2 and "pyproject.toml" in err and "fail_level" in err
    (project / "pyproject.toml").write_text('[tool.seedlint\n')
    code, _, err = lint(capsys, "articles")
    assert code == 2 and "pyproject.toml" in err and "cannot parse" in err


def test_missing_config_file_and_unknown_selector(project, capsys):
    code, _, err = lint(capsys, "--config", "nope.yaml", "articles")
    assert code == 2 and "nope.yaml" in err
    (project / ".seedlint.yaml").write_text("select: [Z999]\n")
    code, _, err = lint(capsys, "articles")
    assert code == 2 and "Z999" in err and ".seedlint.yaml" in err


def test_per_file_ignores(project, capsys):
    (project / ".seedlint.yaml").write_text("per-file-ignores:\n  'articles/drafts/*': [A101]\n")
    code, out, _ = lint(capsys, "articles")
    assert "articles/a.txt" in out and "d.txt" not in out


def test_exclude_in_folders_and_force_exclude_for_named_files(project, capsys):
    (project / ".seedlint.yaml").write_text("exclude: [articles/drafts/]\n")
    code, out, _ = lint(capsys, "articles")
    assert "articles/a.txt" in out and "d.txt" not in out
    code, out, _ = lint(capsys, "articles/drafts/d.txt")  # named explicitly: linted
    assert code == 1 and "d.txt" in out
    code, out, _ = lint(capsys, "--force-exclude", "articles/drafts/d.txt")  # as pre-commit calls it
    assert code == 0 and "d.txt" not in out


def test_exclude_globs_are_relative_to_the_config_file(project, capsys, monkeypatch):
    (project / ".seedlint.yaml").write_text("exclude: [articles/drafts/*.txt]\nforce-exclude: true\n")
    monkeypatch.chdir(project / "articles")
    code, out, _ = lint(capsys, "drafts/d.txt", "a.txt")
    assert code == 1 and "a.txt" in out and "d.txt" not in out


def test_extensions_and_fail_level(project, capsys):
    (project / "articles" / "b.text").write_text(NAV)
    (project / ".seedlint.yaml").write_text("extensions: [text]\nfail-level: error\n")
    code, out, _ = lint(capsys, "--select", "A101", "articles")
    assert code == 0 and "b.text" in out and "a.txt" not in out


def test_accepted_words_are_case_aware():
    s = config.from_mapping({"accept-words": ["Manger", "colour"], "reject-words": ["teh", "Irak"]},
                            config.Path("x.yaml"))
    assert s.accepts("Manger") and s.accepts("MANGER") and not s.accepts("manger")
    assert s.accepts("colour") and s.accepts("Colour") and s.accepts("COLOUR")
    assert s.rejects("teh") and s.rejects("Teh") and s.rejects("TEH")
    assert s.rejects("Irak") and not s.rejects("irak")


def test_relative_paths_in_config_resolve_against_its_folder(project):
    (project / "sub").mkdir()
    (project / "sub" / ".seedlint.yaml").write_text("rules: [my-rules]\nbaseline: base.json\n")
    s = config.load(project / "sub" / ".seedlint.yaml")
    assert s.rules == [str((project / "sub" / "my-rules").resolve())]
    assert s.baseline == str((project / "sub" / "base.json").resolve())


def test_per_file_ignores_relative_to_the_config_file(project, capsys, monkeypatch):
    (project / ".seedlint.yaml").write_text("per-file-ignores:\n  'articles/drafts/*': [A101]\n")
    monkeypatch.chdir(project / "articles")
    code, out, _ = lint(capsys, ".")
    assert "a.txt" in out and "d.txt" not in out
