"""The incremental cache (lint.cache): what a warm run reports equals a cold run, byte for byte,
and what must miss does."""

import multiprocessing
import os
import pickle
import time

import pytest
from hypothesis import given, strategies as st

from lint import cache as cache_mod
from lint import cli
from lint.cache import Cache, CachedFindings
from lint.config import Settings
from lint.engine import select_rules
from lint.finding import Finding, Fix
from lint.kinds import KINDS
from lint.output.json_ import json_lines
from lint.output.text import plain_lines
from lint.runner import Runner

import corpus_kind  # tests/ is on sys.path (conftest)

ARTICLE = ("Skip to main content\n\nThe council met on Tuesday to discuss the budget for next year.\n\n"
           "Read more »\n\nOfficials said the the plan would be published in the spring.\n\n"
           "Photo: Reuters\n")
CLEAN = "The council met on Tuesday to discuss the budget.\n\nOfficials said the plan was ready.\n"
OLD = time.time() - 3600  # files older than the racy window: trusted by their size and mtime


def _folder(path, n=6, text=ARTICLE):
    path.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        f = path / f"{i:02d}.txt"
        f.write_text(text + f"\nStory {i}.\n", encoding="utf-8")
        os.utime(f, (OLD, OLD))
    return path


def _cli(tmp_path, *args, cache=True):
    out = tmp_path / "report.out"
    extra = ["--cache-dir", str(tmp_path / "cache")] if cache else ["--no-cache"]
    status = cli.main(["--isolated", "--no-progress", "-j", "1", "-o", str(out), *extra, *args])
    return status, out.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif"])
def test_warm_run_reports_exactly_what_an_uncached_run_does(tmp_path, fmt):
    folder = str(_folder(tmp_path / "files"))
    args = ["--output-format", fmt, "--statistics", folder]
    plain = _cli(tmp_path, *args, cache=False)
    assert plain[0] == 1 and plain[1].count("A101") >= 6
    assert _cli(tmp_path, *args) == plain  # cold: fills the cache
    assert _cli(tmp_path, *args) == plain  # warm


def test_warm_run_under_another_name_reports_the_new_name(tmp_path, monkeypatch):
    _folder(tmp_path / "files")
    monkeypatch.chdir(tmp_path)
    _cli(tmp_path, "files")
    for fmt in ("text", "json"):
        got = _cli(tmp_path, "--output-format", fmt, "./files")
        assert got == _cli(tmp_path, "--output-format", fmt, "./files", cache=False)
        assert "./files/00.txt" in got[1]


def test_a_changed_file_rules_settings_or_version_miss(tmp_path, rules, monkeypatch):
    folder = _folder(tmp_path / "files", 4)
    artefacts = select_rules(rules, ["artefact"])

    def run(rs=artefacts, settings=None):
        cache = Cache(str(tmp_path / "cache"), rs, settings or Settings())
        list(Runner(rs, settings or Settings(), jobs=1, cache=cache).run([str(folder)]))
        cache.save()
        return cache.hits, cache.misses

    assert run() == (0, 4)
    assert run() == (4, 0)
    (folder / "02.txt").write_text(CLEAN, encoding="utf-8")
    os.utime(folder / "02.txt", (OLD + 5, OLD + 5))
    assert run() == (3, 1)
    assert run(select_rules(rules, ["A101"])) == (0, 4)  # another rule set
    assert run(settings=Settings(extensions=[".txt", ".text"])) == (0, 4)  # another setting
    monkeypatch.setattr(cache_mod, "__version__", "99.0")
    assert run() == (0, 4)  # another seedlint


def test_cached_findings_behave_as_the_list_they_stand_for(tmp_path, rules):
    folder = _folder(tmp_path / "files", 1)
    artefacts = select_rules(rules, ["artefact"])
    cold = list(Runner(artefacts, Settings(), jobs=1, cache=Cache(str(tmp_path / "c"), artefacts, Settings()))
                .run([str(folder)]))
    warm = list(Runner(artefacts, Settings(), jobs=1, cache=Cache(str(tmp_path / "c"), artefacts, Settings()))
                .run([str(folder)]))
    found = warm[0].findings
    assert isinstance(found, CachedFindings)
    assert len(found) == len(cold[0].findings) > 0
    assert found == cold[0].findings and list(found) == cold[0].findings and found[0] == cold[0].findings[0]
    assert pickle.loads(pickle.dumps(found)) == cold[0].findings
    assert sorted(found, key=lambda f: f.rule) == sorted(cold[0].findings, key=lambda f: f.rule)


def test_a_small_run_reads_a_small_part_of_a_big_cache(tmp_path, rules, monkeypatch):
    big, small = _folder(tmp_path / "big", 60), _folder(tmp_path / "small", 2, CLEAN)
    artefacts = select_rules(rules, ["artefact"])
    for folder in (big, small):
        cache = Cache(str(tmp_path / "c"), artefacts, Settings())
        list(Runner(artefacts, Settings(), jobs=1, cache=cache).run([str(folder)]))
        cache.save()
    read = []
    real = cache_mod._read
    monkeypatch.setattr(cache_mod, "_read", lambda path, *a: read.append(path) or real(path, *a))
    cache = Cache(str(tmp_path / "c"), artefacts, Settings())
    list(Runner(artefacts, Settings(), jobs=1, cache=cache).run([str(small)]))
    assert cache.hits == 2 and 0 < len(read) <= 4  # a path shard and a content shard per file
    assert sum(os.path.getsize(p) for p in read) < sum(os.path.getsize(p) for p in cache.folder.glob("*-*.pickle")) / 4


def _lint_into(args):
    folder, cache_dir = args
    from lint.rules import load_rules

    rs = select_rules(load_rules(), ["artefact"])
    cache = Cache(cache_dir, rs, Settings())
    list(Runner(rs, Settings(), jobs=1, cache=cache).run([folder]))
    cache.save()
    return cache.misses


def test_concurrent_runs_merge_their_entries_without_corrupting_the_cache(tmp_path, rules):
    folders = [str(_folder(tmp_path / f"f{i}", 8, ARTICLE + f"\nFolder {i}.\n")) for i in range(4)]
    cache_dir = str(tmp_path / "c")
    with multiprocessing.get_context("fork").Pool(4) as pool:
        assert pool.map(_lint_into, [(f, cache_dir) for f in folders]) == [8] * 4
    artefacts = select_rules(rules, ["artefact"])
    cache = Cache(cache_dir, artefacts, Settings())
    list(Runner(artefacts, Settings(), jobs=1, cache=cache).run(folders))
    assert (cache.hits, cache.misses) == (32, 0)
    assert not list(cache.folder.glob("*.tmp"))


@pytest.fixture
def corpus_rule(monkeypatch):
    monkeypatch.setitem(KINDS, corpus_kind.NAME, corpus_kind)
    return corpus_kind.rule()


def test_the_corpus_pass_reads_cached_summaries_only_when_it_runs(tmp_path, rules, corpus_rule, monkeypatch):
    folder = _folder(tmp_path / "files", 5)
    rs = select_rules(rules, ["A101"]) + [corpus_rule]

    def run():
        cache = Cache(str(tmp_path / "c"), rs, Settings())
        r = Runner(rs, Settings(), jobs=1, cache=cache)
        found = [f.to_dict() for res in r.run([str(folder)]) for f in res.findings] + [f.to_dict() for f in r.finish()]
        return cache, found

    _, first = run()
    blobs = []
    real = Cache.summary_blob
    monkeypatch.setattr(Cache, "summary_blob", lambda self, *a: blobs.append(1) or real(self, *a))
    _, again = run()
    assert again == first and not blobs  # unchanged: the pass's result is cached, no summary read
    (folder / "04.txt").write_text("A different first line.\n\nAnd more.\n", encoding="utf-8")
    for shard in (tmp_path / "c").glob("*/s-*.pickle"):  # summaries lost: the files are linted again
        shard.unlink()
    _, changed = run()
    assert len(blobs) == 4
    assert [f["path"] for f in changed if f["rule"] == "X901"] == [str(folder / f"0{i}.txt") for i in range(4)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failed_corpus_pass_is_not_cached(tmp_path, rules, corpus_rule, monkeypatch, capsys, jobs):
    folder = _folder(tmp_path / "files", 3)
    rs = select_rules(rules, ["A101"]) + [corpus_rule]
    calls = []

    def broken(items, rule, fan_out=None):  # a fan_out parameter: -j 2 takes the runner's other path
        calls.append(fan_out)
        raise RuntimeError("index lost")

    def run():
        cache = Cache(str(tmp_path / "c"), rs, Settings())
        r = Runner(rs, Settings(), jobs=jobs, cache=cache)
        list(r.run([str(folder)]))
        return r.finish(), cache

    monkeypatch.setattr(corpus_kind, "check_corpus", broken)
    assert run()[0] == [] and "internal error in rule X901 (corpus pass)" in capsys.readouterr().err
    found, cache = run()
    assert len(calls) == 2 and not list(cache.folder.glob("k-*.pickle"))  # the pass ran again
    monkeypatch.undo()
    monkeypatch.setitem(KINDS, corpus_kind.NAME, corpus_kind)
    found, _ = run()
    assert [f.path for f in found] == [str(folder / f"0{i}.txt") for i in range(3)]


def test_fingerprints_not_used_lately_are_pruned(tmp_path, rules, monkeypatch):
    folder = _folder(tmp_path / "files", 1)
    monkeypatch.setattr(cache_mod, "KEEP_FINGERPRINTS", 2)

    def run(rule):
        time.sleep(0.02)  # distinct timestamps on a coarse clock
        rs = select_rules(rules, [rule])
        cache = Cache(str(tmp_path / "c"), rs, Settings())
        list(Runner(rs, Settings(), jobs=1, cache=cache).run([str(folder)]))
        cache.save()
        return cache

    warm = run("A101").folder
    run("A102")
    assert run("A101").hits == 1  # read, nothing written
    run("A103")  # prunes A102's folder, written after A101's but used before it
    assert sorted(p for p in (tmp_path / "c").iterdir() if p.is_dir()) == sorted([warm, run("A103").folder])


def test_cached_results_are_made_equal_to_the_dataclasses_they_stand_for():
    from lint.engine import Result
    from lint.runner import RecordResult

    made = cache_mod._result_class("RecordResult")("a.txt", findings=[], notices=["n"], summaries={"X": b""}, size=3)
    assert made == RecordResult("a.txt", findings=[], notices=["n"], summaries={"X": b""}, size=3)
    made = cache_mod._result_class("Result")("a.txt", findings=[], notices=[], summaries={}, size=3)
    assert made == Result("a.txt") and type(made) is Result


def test_report_lines_name_the_file_of_this_run_whatever_a_concurrent_run_stored(tmp_path, rules):
    folder = _folder(tmp_path / "files", 1)
    (folder / "copy.txt").write_bytes((folder / "00.txt").read_bytes())
    os.utime(folder / "copy.txt", (OLD, OLD))
    artefacts = select_rules(rules, ["artefact"])
    first = Cache(str(tmp_path / "c"), artefacts, Settings())
    list(Runner(artefacts, Settings(), jobs=1, cache=first).run([str(folder / "00.txt")]))
    first.save()
    reader = Cache(str(tmp_path / "c"), artefacts, Settings())
    [warm] = Runner(artefacts, Settings(), jobs=1, cache=reader).run([str(folder / "00.txt")])
    # a concurrent run that missed the same content under another name saves before the lines are made
    [copy] = Runner(artefacts, Settings(), jobs=1).run([str(folder / "copy.txt")])
    writer = Cache(str(tmp_path / "c"), artefacts, Settings())
    writer.put(warm.findings._source[1], copy)
    writer.save()
    [plain] = Runner(artefacts, Settings(), jobs=1).run([str(folder / "00.txt")])
    assert warm.findings.json_lines() == json_lines(plain.findings).encode() != b""
    assert warm.findings.text_lines() == plain_lines(plain.findings).encode() != b""
    assert cli.main(["--isolated", "--no-progress", "-j", "1", "--cache-dir", str(tmp_path / "c"), "-o",
                     str(tmp_path / "a.json"), "--output-format", "json", str(folder / "00.txt")]) == 1
    assert "copy.txt" not in (tmp_path / "a.json").read_text(encoding="utf-8")


def _rewrite_keeping_size_and_mtime(path, text):
    """What ``cp -p`` or ``rsync -t`` of a same-size edit does: new bytes, the old size and mtime
    (only ctime, and for rsync the inode, tell). Waits until the ctime differs from the old one."""
    before = os.stat(path)
    assert len(text.encode()) == before.st_size
    deadline = time.monotonic() + 5
    while True:
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        now = os.stat(path)
        if now.st_ctime_ns != before.st_ctime_ns or time.monotonic() > deadline:
            return now
        time.sleep(0.01)  # a coarse ctime clock has not ticked yet


def test_a_same_size_edit_with_its_mtime_restored_is_linted_again(tmp_path, rules):
    folder = _folder(tmp_path / "files", 2)
    artefacts = select_rules(rules, ["artefact"])

    def run():
        cache = Cache(str(tmp_path / "c"), artefacts, Settings())
        found = [f.to_dict() for r in Runner(artefacts, Settings(), jobs=1, cache=cache).run([str(folder)])
                 for f in r.findings]
        cache.save()
        return found, cache

    first, _ = run()
    again, cache = run()
    assert again == first and cache.hits == 2
    assert list(cache.folder.glob("p-*.pickle"))  # served by stat
    old = (folder / "01.txt").read_text(encoding="utf-8")
    edited = old.replace("Read more »", "Read mor »x")  # same size, one artefact fewer
    _rewrite_keeping_size_and_mtime(folder / "01.txt", edited)
    changed, cache = run()
    expected = [f.to_dict() for r in Runner(artefacts, Settings(), jobs=1).run([str(folder)]) for f in r.findings]
    assert changed == expected != first
    assert (cache.hits, cache.misses) == (1, 1)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@st.composite
def _findings(draw):
    fix = draw(st.none() | st.builds(Fix, st.integers(0, 99), st.integers(0, 99), _TEXT, st.booleans()))
    return Finding("dir/é a.txt", *draw(st.tuples(*[st.integers(0, 10 ** 6)] * 4)),
                   draw(st.sampled_from(["A101", "T2"])), draw(st.sampled_from(["artefact", "typo"])),
                   draw(st.sampled_from(["info", "error"])), draw(_TEXT),
                   draw(_TEXT), 0, 0, fix, draw(st.none() | _TEXT), draw(st.lists(_TEXT, max_size=2)),
                   draw(st.lists(st.dictionaries(_TEXT, st.integers() | _TEXT, max_size=2), max_size=2)),
                   draw(st.none() | st.floats(allow_nan=False) | st.just(float("nan"))))


@given(st.lists(_findings(), max_size=4))
def test_report_lines_made_from_stored_rows_are_the_reporters_own(findings):
    stored = cache_mod._stored(findings)
    shown, rest = map(pickle.loads, stored)
    assert cache_mod._renders_as_reporters_do()
    assert cache_mod._text("dir/é a.txt", shown) == plain_lines(findings)
    assert cache_mod._json("dir/é a.txt", shown, rest) == json_lines(findings)
    assert repr(cache_mod._unstored("dir/é a.txt", *stored)) == repr(findings)  # NaN != NaN


def test_the_fail_level_is_judged_from_cached_counts_without_loading_findings(tmp_path, monkeypatch):
    folder = str(_folder(tmp_path / "files", 3))
    _cli(tmp_path, folder)
    monkeypatch.setattr(CachedFindings, "_load", lambda self: pytest.fail("findings loaded"))
    assert _cli(tmp_path, "--fail-level", "warning", folder)[0] == 1
    assert _cli(tmp_path, "--fail-level", "error", folder)[0] == 0
    assert _cli(tmp_path, "--fail-level", "error", "--output-format", "json", folder)[0] == 0
