"""End to end with the real pre-commit program: the hook from this checkout (its
.pre-commit-hooks.yaml, installed by pre-commit into its own virtualenv) passes a clean
file and fails a file with "Skip to main content", printing seedlint's message."""

import os
import shutil
import subprocess
import sys

import pytest

pytest.importorskip("pre_commit")


def git(cwd, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def snapshot(root, dest):
    """This checkout as it is now (tracked and new files, not ignored ones), committed in a
    fresh repository: pre-commit installs hooks from a commit."""
    files = git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    for rel in filter(None, files):
        src = root / rel
        if src.is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    git(dest, "init", "-q")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "snapshot")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hook_end_to_end(root, tmp_path):
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    hook_repo, work = tmp_path / "hook", tmp_path / "work"
    hook_repo.mkdir()
    work.mkdir()
    snapshot(root, hook_repo)
    git(work, "init", "-q")
    (work / "clean.md").write_text("# Rivers\n\nThe river rose two metres overnight, officials said.\n")
    (work / "bad.txt").write_text("Skip to main content\n\nThe river rose two metres overnight.\n")
    (work / "notes.py").write_text("x = 'Skip to main content'\n")  # not text/markdown: not linted
    git(work, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)

    def try_repo(*files):
        return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "seedlint",
                               "--files", *files], cwd=work, env=env, capture_output=True, text=True, timeout=600)

    clean = try_repo("clean.md", "notes.py")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    bad = try_repo("clean.md", "bad.txt", "notes.py")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert 'bad.txt:1:1: warning A101 Navigation text left in the article: "Skip to main content"' in bad.stdout
    assert "notes.py" not in bad.stdout.split("Failed", 1)[1]


def pre_commit(cwd, *args, env=None):
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("seedlint") is None,
                    reason="needs git and an installed seedlint")
def test_project_hook_on_seeds(root, tmp_path):
    """This project's .pre-commit-config.yaml: the committed seeds pass against the committed
    baseline; a new artefact in a seed fails the commit."""
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    assert pre_commit(root, "validate-manifest", ".pre-commit-hooks.yaml").returncode == 0
    assert pre_commit(root, "validate-config", ".pre-commit-config.yaml").returncode == 0
    snapshot(root, tmp_path)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / ".cache"), "NO_COLOR": "1"}
    env.pop("GITHUB_ACTIONS", None)
    ok = pre_commit(tmp_path, "run", "seedlint", "--all-files", env=env)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    seed = sorted((tmp_path / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nSkip to main content\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    bad = pre_commit(tmp_path, "run", "seedlint", "--files", str(seed.relative_to(tmp_path)), env=env)
    assert bad.returncode == 1 and "Skip to main content" in bad.stdout, bad.stdout + bad.stderr

