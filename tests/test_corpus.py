"""Corpus inputs, the parallel runner, the cache and the annotated output."""

import gzip
import json
import os
import subprocess
import sys

import pytest

from lint import runner as runner_mod
from lint.cache import Cache
from lint.config import Settings
from lint.corpus import annotate, readers
from lint.engine import select_rules
from lint.kinds import KINDS
from lint.runner import Runner

import corpus_kind  # tests/ is on sys.path (conftest)

ARTICLE = ("Skip to main content\n\nThe council met on Tuesday to discuss the budget for next year.\n\n"
           "Read more »\n\nOfficials said the plan would be published in the spring.\n")
CLEAN = "The council met on Tuesday to discuss the budget.\n\nOfficials said the plan was ready.\n"


def _records(n=40):
    return [{"id": f"r{i}", "text": (ARTICLE if i % 3 else CLEAN) + f"\nStory number {i} ends here.\n",
             "meta": {"url": f"https://x/{i}"}} for i in range(n)]


def _write_jsonl(path, rows, extra_lines=()):
    with open(path, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return str(path)


def _run(paths, rules, jobs=1, settings=None, **kw):
    r = Runner(rules, settings or Settings(), jobs=jobs, **kw)
    results = list(r.run(paths))
    return r, results, [f.to_dict() for res in results for f in res.findings] + \
        [f.to_dict() for f in r.finish()]


@pytest.fixture(scope="module")
def artefact_rules(rules):
    return select_rules(rules, ["A101", "A102", "A503"])


# -- readers --------------------------------------------------------------------------------

def test_all_formats_give_the_same_records(tmp_path):
    rows = _records(7)
    plain = _write_jsonl(tmp_path / "c.jsonl", rows)
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r) + "\n" for r in rows)
    (tmp_path / "c.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    paths = [plain, str(tmp_path / "c.jsonl.gz"), str(tmp_path / "c.json")]
    try:
        import zstandard

        (tmp_path / "c.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(open(plain, "rb").read()))
        paths.append(str(tmp_path / "c.jsonl.zst"))
    except ImportError:
        pass
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows), tmp_path / "c.parquet", row_group_size=3)
        paths.append(str(tmp_path / "c.parquet"))
    except ImportError:
        pass
    for p in paths:
        got = list(readers.iter_records(p))
        assert [(r.id, r.text) for r in got] == [(r["id"], r["text"]) for r in rows], p
        assert all(r.error is None for r in got)
        shards = list(readers.plan(p, target=1))  # as many shards as the format allows
        assert [(r.id, r.text) for s in shards for r in readers.read_shard(s)] == [(r.id, r.text) for r in got]


def test_jsonl_byte_ranges_keep_line_numbers(tmp_path):
    rows = _records(50)
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    shards = list(readers.plan(path, target=300))
    assert len(shards) > 5
    assert [s.start for s in shards[1:]] == [s.end for s in shards[:-1]]
    got = [r for s in shards for r in readers.read_shard(s)]
    assert [r.line for r in got] == list(range(1, 51))
    assert [r.id for r in got] == [r["id"] for r in rows]


def test_guided_jsonl_shards_shrink_towards_the_end(tmp_path):
    rows = _records(200)
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    shards = list(readers.plan(path, target=10_000, share=4, least=300))
    sizes = [s.end - s.start for s in shards]
    assert sizes[0] > 2 * sizes[-2]  # big first, small last (the very last is what is left)
    assert max(sizes) < 10_000 + 1000 and all(n >= 300 for n in sizes[:-1])
    got = [r for s in shards for r in readers.read_shard(s)]
    assert [r.line for r in got] == list(range(1, 201))


def test_json_array_streams_across_small_blocks(tmp_path, monkeypatch):
    rows = _records(12)
    (tmp_path / "c.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    monkeypatch.setattr(readers, "_BLOCK", 64)  # every record spans several reads
    got = list(readers.iter_records(str(tmp_path / "c.json")))
    assert [r.id for r in got] == [r["id"] for r in rows]
    assert got[0].line == 2 and got[1].line > got[0].line


def test_bad_records_are_reported_with_file_and_line(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", _records(2),
                        ['{"id": "broken", "text": ', '{"id": "x"}', '[1, 2]', '', '{"id": "y", "text": 5}'])
    got = list(readers.iter_records(path))
    assert [r.error is None for r in got] == [True, True, False, False, False, False]
    assert got[2].line == 3 and "invalid JSON" in got[2].error
    assert got[3].id == "x" and "no 'text' field" in got[3].error
    assert got[5].line == 7 and "not text" in got[5].error


def test_bad_json_array_does_not_crash(tmp_path):
    (tmp_path / "c.json").write_text('[{"id": 1, "text": "fine"}, {"id": 2, "text": ', encoding="utf-8")
    got = list(readers.iter_records(str(tmp_path / "c.json")))
    assert got[0].text == "fine" and "invalid JSON" in got[1].error
    (tmp_path / "d.json").write_text('{"id": 1}', encoding="utf-8")
    assert "array" in list(readers.iter_records(str(tmp_path / "d.json")))[0].error


def test_nested_text_and_id_fields(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", [{"doc": {"body": "Hello."}, "meta": {"url": "u1"}}])
    (rec,) = readers.iter_records(path, text_field="doc.body", id_field="meta.url")
    assert (rec.id, rec.text) == ("u1", "Hello.")


# -- the runner -----------------------------------------------------------------------------

def test_findings_name_the_record_and_its_line(tmp_path, artefact_rules):
    path = _write_jsonl(tmp_path / "c.jsonl", _records(3))
    _, results, found = _run([path], artefact_rules)
    nav = [f for f in found if f["rule"] == "A101"]
    assert [f["record"] for f in nav] == ["r1", "r2"]
    assert all(f["path"] == path and f["line"] == 1 for f in nav)
    more = [f for f in found if f["rule"] == "A102"]
    assert [f["line"] for f in more] == [5, 5]


def test_notices_for_bad_records_name_file_and_line(tmp_path, artefact_rules):
    path = _write_jsonl(tmp_path / "c.jsonl", _records(2), ["not json"])
    _, results, _ = _run([path], artefact_rules)
    notices = [n for r in results for n in r.notices]
    assert len(notices) == 1 and notices[0].startswith(f"{path}:3:") and "invalid JSON" in notices[0]


def test_a_corpus_of_bad_records_reports_a_few_and_counts_the_rest(tmp_path, artefact_rules, capsys):
    path = _write_jsonl(tmp_path / "c.jsonl", _records(1), ["not json"] * 50)
    r, results, _ = _run([path], artefact_rules)
    assert sum(len(x.notices) for x in results) == runner_mod.MAX_BAD_RECORDS
    assert r.bad_records == {path: 50}
    assert f"{path}: 30 more records could not be linted (50 in all)" in capsys.readouterr().err


@pytest.fixture
def corpus_rule(monkeypatch):
    monkeypatch.setitem(KINDS, corpus_kind.NAME, corpus_kind)
    return corpus_kind.rule()


def test_two_jobs_give_identical_findings_and_corpus_pass(tmp_path, artefact_rules, corpus_rule, monkeypatch):
    monkeypatch.setattr(runner_mod, "SMALL_RUN", 0)  # use the pool even for a small corpus
    monkeypatch.setattr(readers, "TARGET", 2000)  # and cut the file into many shards
    monkeypatch.setattr(runner_mod, "MIN_SHARD", 0)
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:02d}.txt").write_text(ARTICLE if i % 2 else CLEAN, encoding="utf-8")
    path = _write_jsonl(tmp_path / "c.jsonl", _records(120))
    rules = artefact_rules + [corpus_rule]
    _, res1, one = _run([str(folder), path], rules, jobs=1)
    _, res2, two = _run([str(folder), path], rules, jobs=2)
    assert one == two
    assert [(r.path, getattr(r, "record", None)) for r in res1] == [(r.path, getattr(r, "record", None)) for r in res2]
    shared = [f for f in one if f["rule"] == "X901"]
    assert len(shared) == 150  # every file and record: two first lines, each shared


def test_workers_replaced_midway_keep_order_and_findings(tmp_path, artefact_rules, corpus_rule, monkeypatch):
    monkeypatch.setattr(runner_mod, "SMALL_RUN", 0)
    monkeypatch.setattr(readers, "TARGET", 2000)
    monkeypatch.setattr(runner_mod, "MIN_SHARD", 0)
    path = _write_jsonl(tmp_path / "c.jsonl", _records(120))
    rules = artefact_rules + [corpus_rule]
    _, res1, one = _run([path], rules, jobs=1)
    monkeypatch.setattr(runner_mod, "RECYCLE", 2000)  # a new pool every couple of shards
    _, res2, two = _run([path], rules, jobs=2)
    assert one == two
    assert [r.record for r in res1] == [r.record for r in res2]


def test_replaced_workers_exit_before_new_ones_start(tmp_path, artefact_rules, monkeypatch):
    """Two pools never hold memory at once: every worker of the old pool has exited when the
    next pool is made."""
    import multiprocessing

    monkeypatch.setattr(runner_mod, "SMALL_RUN", 0)
    monkeypatch.setattr(readers, "TARGET", 2000)
    monkeypatch.setattr(runner_mod, "MIN_SHARD", 0)
    monkeypatch.setattr(runner_mod, "RECYCLE", 2000)
    made, real = [], runner_mod._executor

    def executor(*args):
        made.append([p.pid for p in multiprocessing.active_children()])
        return real(*args)

    monkeypatch.setattr(runner_mod, "_executor", executor)
    _run([_write_jsonl(tmp_path / "c.jsonl", _records(120))], artefact_rules, jobs=2)
    assert len(made) > 2
    assert all(alive == [] for alive in made)


def test_warm_up_lints_every_example_then_freezes(rules, monkeypatch):
    """The parent lints every rule's examples before forking, so workers inherit the tables
    rules load on first use instead of each loading its own; frozen, the collector leaves them
    be (a collection would touch, and so copy, their pages)."""
    import gc

    from lint.config import Settings

    seen, real = set(), runner_mod.lint_text

    def lint_text(text, rules, **kw):
        seen.update((r.id, text) for r in rules)
        return real(text, rules, **kw)

    monkeypatch.setattr(runner_mod, "lint_text", lint_text)
    chosen = select_rules(rules, ["typo", "A1"])
    runner_mod.warm_up(chosen, Settings())
    assert seen == {(r.id, t) for r in chosen for t in r.examples.get("flag", []) + r.examples.get("pass", [])}
    assert gc.get_freeze_count() > 0
    gc.unfreeze()


def _worker_dies(task, state=None):
    os._exit(3)


def test_a_worker_that_dies_stops_the_run_instead_of_hanging(tmp_path, artefact_rules, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setattr(runner_mod, "SMALL_RUN", 0)
    monkeypatch.setattr(runner_mod, "_run_task", _worker_dies)
    path = _write_jsonl(tmp_path / "c.jsonl", _records(20))
    with pytest.raises(BrokenProcessPool):
        _run([path], artefact_rules, jobs=2)


# -- cache ----------------------------------------------------------------------------------

def test_cache_hits_misses_and_invalidation(tmp_path, rules, artefact_rules):
    folder = tmp_path / "files"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(ARTICLE, encoding="utf-8")
    cache_dir = str(tmp_path / "cache")

    def run(rs):
        cache = Cache(cache_dir, rs, Settings())
        _, _, found = _run([str(folder)], rs, cache=cache)
        return cache, found

    c1, first = run(artefact_rules)
    assert (c1.hits, c1.misses) == (0, 5)
    c2, again = run(artefact_rules)
    assert (c2.hits, c2.misses) == (5, 0) and again == first
    (folder / "3.txt").write_text(CLEAN, encoding="utf-8")
    c3, changed = run(artefact_rules)
    assert (c3.hits, c3.misses) == (4, 1)
    assert not [f for f in changed if f["path"].endswith("3.txt")]
    c4, _ = run(select_rules(rules, ["A101"]))  # another rule set: a fresh cache
    assert (c4.hits, c4.misses) == (0, 5)


def test_cache_renames_findings_of_identical_content(tmp_path, artefact_rules):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    _, _, first = _run([str(tmp_path / "a.txt")], artefact_rules,
                       cache=Cache(str(tmp_path / "cache"), artefact_rules, Settings()))
    cache = Cache(str(tmp_path / "cache"), artefact_rules, Settings())
    _, _, found = _run([str(tmp_path / "b.txt")], artefact_rules, cache=cache)
    assert cache.hits == 1 and first
    assert found == [dict(f, path=str(tmp_path / "b.txt")) for f in first]


def test_cache_skips_reading_files_whose_size_and_mtime_are_unchanged(tmp_path, artefact_rules, monkeypatch):
    import os
    import time

    files = [tmp_path / f"{i}.txt" for i in range(3)]
    old = time.time() - 3600
    for f in files:
        f.write_text(ARTICLE, encoding="utf-8")
        os.utime(f, (old, old))
    (tmp_path / "new.txt").write_text(CLEAN, encoding="utf-8")  # just written: never trusted by its stat
    reads = []
    real = runner_mod._read_bytes
    monkeypatch.setattr(runner_mod, "_read_bytes", lambda p: reads.append(os.path.basename(p)) or real(p))

    def run():
        reads.clear()
        cache = Cache(str(tmp_path / "cache"), artefact_rules, Settings())
        return cache, _run([str(tmp_path)], artefact_rules, cache=cache)[2]

    c1, first = run()
    assert c1.misses == 4 and len(reads) == 4
    c2, again = run()
    assert again == first and c2.hits == 4 and reads == ["new.txt"]
    files[1].write_text(CLEAN + "x" * (len(ARTICLE) - len(CLEAN)), encoding="utf-8")  # same size, new mtime
    os.utime(files[1], (old + 60, old + 60))
    c3, changed = run()
    assert sorted(reads) == ["1.txt", "new.txt"] and c3.misses == 1
    assert [f for f in changed if f["path"].endswith("1.txt")] != [f for f in first if f["path"].endswith("1.txt")]


def test_cache_keeps_the_corpus_pass_until_a_summary_changes(tmp_path, artefact_rules, corpus_rule, monkeypatch):
    for i in range(4):
        (tmp_path / f"{i}.txt").write_text(ARTICLE if i < 3 else CLEAN, encoding="utf-8")
    rules = artefact_rules + [corpus_rule]
    calls = []
    real = corpus_kind.check_corpus
    monkeypatch.setattr(corpus_kind, "check_corpus", lambda items, rule: calls.append(1) or real(items, rule))

    def run():
        return _run([str(tmp_path)], rules, cache=Cache(str(tmp_path / "cache"), rules, Settings()))[2]

    first = run()
    assert calls == [1] and len([f for f in first if f["rule"] == "X901"]) == 3  # 0-2 share a first line
    assert run() == first and calls == [1]  # nothing changed: the pass is not run again
    (tmp_path / "2.txt").write_text(CLEAN, encoding="utf-8")
    changed = run()
    assert calls == [1, 1]
    assert len([f for f in changed if f["rule"] == "X901"]) == 4  # now 2.txt shares 3.txt's too


# -- annotated output -----------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".parquet"])
def test_annotated_corpus_and_failing_records(tmp_path, artefact_rules, corpus_rule, suffix):
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    rows = _records(9)
    rows[0]["text"] = "A lone first line.\n\nNothing else to see.\n"  # unique: passes everything
    path = _write_jsonl(tmp_path / "c.jsonl", rows)
    out, failing = str(tmp_path / f"out{suffix}"), str(tmp_path / f"failing{suffix}")
    ann = annotate.Annotator(out, failing, "warning")
    _run([path], artefact_rules + [corpus_rule], annotator=ann)
    got = list(annotate.read_rows(out))
    assert [r["id"] for r in got] == [r["id"] for r in rows]
    assert got[1]["meta"] == rows[1]["meta"] and got[1]["text"] == rows[1]["text"]
    for r in got:
        assert r["seedlint_path"] == path and r["seedlint_record"] == r["id"]
        assert r["seedlint_artefact"] == len(r["seedlint_findings"])
        assert r["seedlint_typo"] == 0 and r["seedlint_off_topic"] == 0
        assert r["seedlint_pass"] == (not r["seedlint_findings"])
    assert got[0]["seedlint_pass"] is True
    assert {f["rule"] for f in got[1]["seedlint_findings"]} >= {"A101", "A102", "X901"}  # corpus pass merged
    assert [r["id"] for r in annotate.read_rows(failing)] == [r["id"] for r in got if not r["seedlint_pass"]]


def test_cli_streams_jsonl_and_annotates(tmp_path):
    path = _write_jsonl(tmp_path / "c.jsonl", _records(4), ["{oops"])
    out = tmp_path / "ann.jsonl"
    proc = subprocess.run([sys.executable, "-m", "lint", "--isolated", "--no-cache", "--select", "A101",
                           "--output-format", "jsonl", "--annotate", str(out), path],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [(f["rule"], f["record"]) for f in lines] == [("A101", "r1"), ("A101", "r2")]
    assert f"{path}:5:" in proc.stderr
    assert [r["seedlint_pass"] for r in annotate.read_rows(str(out))] == [True, False, False, True]


# -- progress -------------------------------------------------------------------------------

def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io

    from lint import progress

    assert not progress.wanted(io.StringIO())

    class Tty(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert progress.wanted(Tty())
    monkeypatch.setenv("CI", "true")
    assert not progress.wanted(Tty())


def test_progress_line_shows_rate_and_eta():
    from lint.progress import line

    text = line(1234, 50e6, 100e6, 10.0)
    assert "1,234 records" in text and "5.0 MB/s" in text and "50%" in text and "ETA 0:10" in text
    assert "ETA" not in line(10, 5e6, 0, 1.0)  # unknown total: no ETA
