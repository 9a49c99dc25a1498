"""The Ray Data engine against a local cluster started here: same findings as one machine."""

import json
import os
import signal
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pq = pytest.importorskip("pyarrow.parquet")

import corpus_kind  # noqa: E402  (tests/ is on sys.path)
from lint.config import Settings  # noqa: E402
from lint.corpus import annotate  # noqa: E402
from lint.corpus.cluster import lint_corpus  # noqa: E402
from lint.engine import select_rules  # noqa: E402
from lint.kinds import KINDS  # noqa: E402
from lint.rules import load_rules  # noqa: E402
from lint.runner import Runner  # noqa: E402

TESTS = Path(__file__).resolve().parent
TEXTS = ["Skip to main content\n\nThe council met on Tuesday.\n\nRead more »\n",
         "Skip to main content\n\nA quiet day in the city.\n",
         "Officials said the plan was ready.\n\nIt will be published soon.\n"]


@pytest.fixture(scope="module")
def cluster():
    signal.alarm(600)  # a wedged cluster fails this test instead of hanging CI
    # the test kind must exist in every Ray worker too
    path = os.pathsep.join([str(TESTS), str(TESTS.parent)])
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
                 runtime_env={"env_vars": {"PYTHONPATH": path}, "worker_process_setup_hook": "corpus_kind.register"})
    except Exception as e:  # e.g. no shared memory in a container: say so rather than fail the suite
        signal.alarm(0)
        pytest.skip(f"cannot start a local Ray cluster here: {type(e).__name__}: {e}")
    yield
    ray.shutdown()
    signal.alarm(0)


def test_ray_matches_the_local_runner(tmp_path, cluster, monkeypatch):
    monkeypatch.setitem(KINDS, corpus_kind.NAME, corpus_kind)
    rows = [{"id": f"r{i}", "text": TEXTS[i % 3] + f"\nNumber {i}.\n", "lang": "en"} for i in range(30)]
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    rules = select_rules(load_rules(), ["A101", "A102"]) + [corpus_kind.rule()]
    local_out = str(tmp_path / "local.jsonl")
    run = Runner(rules, Settings(), jobs=1, annotator=annotate.Annotator(local_out, None))
    list(run.run([str(src)]))
    run.finish()
    local = {r["id"]: r for r in annotate.read_rows(local_out)}

    stats = lint_corpus(str(src), str(tmp_path / "out"), str(tmp_path / "failing"), rules=rules)
    got = pq.read_table(tmp_path / "out").to_pylist()
    assert stats["records"] == 30 and stats["corpus_findings"] > 0
    assert [r["id"] for r in got] == [r["id"] for r in rows]  # order kept
    for r in got:
        want = local[r["id"]]
        assert r["seedlint_findings"] == want["seedlint_findings"]
        assert (r["seedlint_artefact"], r["seedlint_pass"]) == (want["seedlint_artefact"], want["seedlint_pass"])
        assert r["seedlint_path"].endswith("c.jsonl") and r["lang"] == "en"
    failing = pq.read_table(tmp_path / "failing").to_pylist()
    assert {r["id"] for r in failing} == {k for k, v in local.items() if not v["seedlint_pass"]}
    assert stats["failed"] == len(failing)


def test_ray_o401_pass_runs_as_on_one_machine(tmp_path, cluster):
    """O401 over five reports of one story (the seeds, one with a spliced passage): the corpus
    pass, run by a process the driver spawns (with workers it forks), finds what a local -j 2 run
    finds."""
    seeds = sorted((TESTS.parent / "seeds").glob("*.txt"))
    src = tmp_path / "seeds.jsonl"
    src.write_text("".join(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8")}) + "\n" for p in seeds),
                   encoding="utf-8")
    rules = select_rules(load_rules(), ["O401"])
    run = Runner(rules, Settings(), jobs=2)
    list(run.run([str(src)]))
    local = run.finish()
    assert local
    stats = lint_corpus(str(src), str(tmp_path / "out"), rules=rules)
    got = {r["id"]: r["seedlint_findings"] for r in pq.read_table(tmp_path / "out").to_pylist()}
    assert stats["corpus_findings"] == len(local)
    assert sorted((f.record, f.line, f.message) for f in local) == sorted(
        (rid, f["line"], f["message"]) for rid, fs in got.items() for f in fs)
