"""The corpus pass's bounded memory: the document index moved to disk past a limit
(lint.corpus.index), integer arrays and summary offsets spilled to disk (lint.corpus.spill);
O401 gives the same findings with its index in memory or on disk."""

import os
import pickle
import random
from pathlib import Path

import pytest

from lint.corpus import index as corpus_index
from lint.corpus import spill
from lint.kinds import offtopic_corpus as oc

from test_offtopic_corpus_pass import _summaries, o401  # noqa: F401  (a fixture)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _docs(n=300, seed=5):
    """(record, keys) per document: some without a record, keys shared by few or many
    documents, some given twice by one document."""
    rng = random.Random(seed)
    common, rare = list(range(1, 4)), list(range(100, 400))
    docs = []
    for i in range(n):
        if rng.random() < 0.1:
            docs.append(None)
            continue
        keys = rng.sample(rare, rng.randint(0, 6)) + rng.sample(common, rng.randint(0, 2))
        if keys and rng.random() < 0.05:
            keys.append(keys[0])
        docs.append((bytes([i % 256]) * rng.randint(1, 40), keys + [10_000 + i]))  # and a key of its own
    return docs


def _answers(limit, cap=40):
    idx = corpus_index.DocIndex(limit)
    docs = _docs()
    for i, doc in enumerate(docs):
        if doc is not None:
            idx.add(i, *doc)
    idx.build(cap)
    try:
        keys = sorted({k for d in docs if d for k in d[1]}) + [99_999]
        postings = {}
        for k in keys:
            p = idx.postings([k])
            postings[k] = p and [(n, None if docs is None or n > cap else list(docs)) for n, docs in p]
        together = [(n, None if docs is None or n > cap else list(docs)) for n, docs in idx.postings(keys)]
        assert together == [p for k in keys for p in postings[k] or ()]
        ids = idx.ids()
        return (type(idx.store).__name__, [idx.record(i) for i in range(len(docs) + 2)], postings, ids,
                list(idx.records(ids[::-1])))
    finally:
        idx.close()


def test_index_on_disk_answers_as_in_memory():
    kind_mem, *memory = _answers(limit=10**9)
    for limit in (0, 1, 150):
        kind, *disk = _answers(limit)
        assert (kind_mem, kind) == ("MemoryIndex", "DiskIndex")
        assert disk == memory
    postings = memory[1]
    assert postings[10_001] == postings[99_999] == []  # keys of one document, or none
    assert any(p and p[0][0] == 2 for p in postings.values())
    assert max(p[0][0] for p in postings.values() if p) > 40  # some keys are past the cap


def test_disk_index_is_read_by_forked_processes_and_deleted_by_its_maker():
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork here")
    idx = corpus_index.DocIndex(0)
    for i, (record, keys) in enumerate(d for d in _docs() if d):
        idx.add(i, record, keys)
    idx.build(40)
    global _FORKED
    _FORKED = idx  # inherited by the forked workers
    expected = [_count(k) for k in range(100, 400)]
    assert any(expected)
    with mp.get_context("fork").Pool(2) as pool:
        got = pool.map(_count, range(100, 400))
    assert got == expected
    folder = os.path.dirname(idx.store.path)
    assert os.path.isdir(folder)
    idx.close()
    assert not os.path.exists(folder)


_FORKED = None


def _dead_pid() -> int:
    import subprocess
    import sys

    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()  # reaped: no process has this pid now (reuse within the test is vanishingly rare)
    return p.pid


def test_leftover_folders_of_killed_runs_are_swept_and_live_ones_kept(tmp_path):
    dead, old = _dead_pid(), corpus_index.STALE_AFTER + 60

    def folder(name, age):
        d = tmp_path / name
        d.mkdir()
        (d / "index.sqlite").write_bytes(b"x")
        for p in (d / "index.sqlite", d):
            os.utime(p, (p.stat().st_atime, p.stat().st_mtime - age))
        return d

    killed = folder(f"seedlint-index-{dead}-abc", old)
    recent = folder(f"seedlint-index-{dead}-def", 0)          # owner gone, but written lately
    running = folder(f"seedlint-index-{os.getpid()}-ghi", old)  # owner alive
    unknown = folder("seedlint-index-xyz12345", old)             # no pid in the name: not ours to judge
    other = folder(f"other-{dead}-abc", old)
    idx = corpus_index.DiskIndex(str(tmp_path))
    try:
        assert not killed.exists()
        assert all(d.exists() for d in (recent, running, unknown, other))
        assert os.path.basename(idx._dir).startswith(f"seedlint-index-{os.getpid()}-")
    finally:
        idx.close()
    assert not os.path.exists(idx._dir)


def _count(k):
    return [n for n, _ in _FORKED.postings([k])]


def test_spilled_array_reads_back_across_blocks(monkeypatch):
    monkeypatch.setattr(spill.SpilledArray, "BLOCK", 64)
    monkeypatch.setattr(spill.SpilledArray, "PAGE", 16)
    monkeypatch.setattr(spill.SpilledArray, "PAGES", 2)
    values = [random.Random(1).getrandbits(40) for _ in range(1000)]
    a = spill.SpilledArray("Q")
    for v in values:
        a.append(v)
    assert len(a) == 1000 and a._on_disk == 960  # all but the last block on disk
    assert list(a) == values
    assert [a[i] for i in range(999, -1, -7)] == values[999::-7]
    assert a[-1] == values[-1]
    assert list(a[50:970]) == values[50:970] and list(a[::3]) == values[::3]
    with pytest.raises(IndexError):
        a[1000]
    a.close()


def test_summaries_with_offsets_on_disk(monkeypatch):
    monkeypatch.setattr(spill.SpilledArray, "BLOCK", 32)
    monkeypatch.setattr(spill, "_WINDOW", 10)
    monkeypatch.setattr(spill, "_READ", 100)
    items = spill.Summaries()
    data = [("p", str(i), "x" * (i * 13 % 200)) for i in range(500)]
    for path, rec, s in data:
        items.add(path, rec, pickle.dumps(s))
    assert list(items) == data
    assert [items[i] for i in range(0, 500, 3)] == data[::3]
    items.close()


def test_o401_index_on_disk_gives_the_same_findings(o401, monkeypatch):  # noqa: F811
    items = _summaries(seed=13)
    memory = oc.check_corpus(items, o401)
    assert memory
    for limit in (0, 37):
        monkeypatch.setattr(oc, "MEMORY_DOCS", limit)
        assert oc.check_corpus(items, o401) == memory
    monkeypatch.setattr(oc, "FAN_OUT_MIN", 1)
    from lint.runner import _fan_out

    fan_out = _fan_out(2)
    if fan_out is None:
        pytest.skip("no fork here")
    assert oc.check_corpus(items, o401, fan_out=fan_out) == memory  # forked workers read the database


def test_o401_on_real_reports_with_the_index_on_disk(rules, monkeypatch, tmp_path):
    """The seeds (five reports of one story, one with a spliced passage) as corpus records:
    the same findings with the index in memory and on disk from the third document on."""
    import json

    from lint.config import Settings
    from lint.runner import Runner

    rule = next(r for r in rules if r.id == "O401")
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    corpus = tmp_path / "reports.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts)))
    made, real = [], corpus_index.DiskIndex
    monkeypatch.setattr(corpus_index, "DiskIndex", lambda *a: made.append(1) or real(*a))
    found = []
    for limit in (10**9, 2):
        monkeypatch.setattr(oc, "MEMORY_DOCS", limit)
        run = Runner([rule], Settings(), jobs=1)
        for _ in run.run([str(corpus)]):
            pass
        found.append(run.finish())
    assert found[0] and found[0] == found[1]
    assert made == [1]  # the second run's index did go to disk
