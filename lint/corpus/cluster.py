"""Linting a corpus on a Ray cluster with Ray Data (``pip install 'seedlint[ray]'``).

    python -m lint.corpus.cluster INPUT OUT [--failing-records OUT2] [--select A,typo]
        [--text-field text] [--id-field id] [--fail-level warning] [--address auto]

or from Python::

    from lint.corpus.cluster import lint_corpus
    lint_corpus("s3://bucket/crawl/*.jsonl.gz", "s3://bucket/annotated/", select=["artefact"])

INPUT is anything Ray Data reads: JSONL (plain or compressed) or Parquet files, folders or
globs, local or on object storage; OUT and OUT2 are folders of Parquet files with the columns of
`lint.corpus.annotate` (the input's columns plus ``seedlint_findings``, per-category counts and
``seedlint_pass``). ``--address`` joins a running cluster (``auto``, ``ray://host:10001``);
without it Ray starts a local one on this machine.

How it runs: a pool of actors each loads the rules once and lints batches of records
(`map_batches`); per-record summaries for the corpus pass travel in a column, the driver's
machine runs the corpus pass on them (on the same records in the same order: the dataset
preserves order), and a second `map_batches` adds its findings before writing. The pass runs
as ``seedlint -j N`` runs it (`lint.runner.Runner.finish`: summaries spilled to disk, the index
built once, documents judged in forked workers on every core of the machine), in a process
spawned for it: the driver itself must not fork, Ray's threads are alive in it. Records without
an id field are named ``#<hash of the text>`` here, since rows have no line numbers on a cluster.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys

from ..finding import SEVERITIES
from . import Record, annotate, make_record

SUMMARY = "_seedlint_summary"


def _findings_type():
    import pyarrow as pa

    fields = [(k, pa.int64() if k in ("line", "column", "end_line", "end_column") else pa.string())
              for k in annotate.FIELDS]
    return pa.list_(pa.struct(fields))


def _output_schema(schema, with_summary):
    import pyarrow as pa

    from ..finding import CATEGORIES

    cols = [f for f in schema if not f.name.startswith("seedlint_") and f.name != SUMMARY]
    cols += [pa.field("seedlint_path", pa.string()), pa.field("seedlint_record", pa.string()),
             pa.field("seedlint_findings", _findings_type())]
    cols += [pa.field("seedlint_" + c.replace("-", "_"), pa.int64()) for c in CATEGORIES]
    cols.append(pa.field("seedlint_pass", pa.bool_()))
    if with_summary:
        cols.append(pa.field(SUMMARY, pa.binary()))
    return pa.schema(cols)


class LintBatch:
    """A Ray actor: loads the rules once, then lints batches (pyarrow tables) of records."""

    def __init__(self, rules, settings, fail_level, path_column):
        self.rules = _loaded(rules)  # (source, id) for rules that could not be pickled
        self.settings, self.level, self.path_column = settings, SEVERITIES.index(fail_level), path_column

    def __call__(self, batch):
        import pyarrow as pa

        from ..engine import corpus_rules
        from ..runner import lint_records

        keep_summary = bool(corpus_rules(self.rules))
        rows = batch.to_pylist()
        records = [self._record(row) for row in rows]
        out = []
        for row, result in zip(rows, lint_records(records, self.rules, self.settings)):
            path = row.pop(self.path_column, None) if self.path_column else None
            new = annotate.annotate(row, result.path if path is None else path, result.record,
                                    [annotate.finding_row(f) for f in result.findings], self.level)
            if keep_summary:
                new[SUMMARY] = pickle.dumps(result.summaries)
            out.append(new)
        schema = batch.schema
        if self.path_column:
            schema = schema.remove(schema.get_field_index(self.path_column))
        return pa.Table.from_pylist(out, schema=_output_schema(schema, keep_summary))

    def _record(self, row) -> Record:
        path = str(row.get(self.path_column, "")) if self.path_column else ""
        text = row.get(self.settings.text_field) if isinstance(row, dict) else None
        fallback = "#" + hashlib.blake2b(str(text).encode(), digest_size=6).hexdigest()
        return make_record(path, row, 0, self.settings.text_field, self.settings.id_field, original=row,
                           fallback_id=fallback)


class AddCorpusFindings:
    """The second pass: merge the corpus pass's findings into their rows, drop the summaries."""

    def __init__(self, extra_ref, fail_level):
        import ray

        self.extra = ray.get(extra_ref) if isinstance(extra_ref, ray.ObjectRef) else extra_ref
        self.level = SEVERITIES.index(fail_level)

    def __call__(self, batch):
        import pyarrow as pa

        schema = _output_schema(batch.schema, False)
        rows = batch.drop_columns([SUMMARY]).to_pylist()
        for i, row in enumerate(rows):
            more = self.extra.get((row["seedlint_path"], row["seedlint_record"]))
            if more:
                rows[i] = annotate.annotate(row, row["seedlint_path"], row["seedlint_record"],
                                            row["seedlint_findings"] + more, self.level)
        return pa.Table.from_pylist(rows, schema=schema)


def read_dataset(ray, source, path_column="seedlint_source"):
    """Parquet when every path says so, JSONL (plain or compressed) otherwise."""
    paths = [str(p) for p in (source if isinstance(source, (list, tuple)) else [source])]
    read = ray.data.read_parquet if all(p.lower().endswith(".parquet") for p in paths) else ray.data.read_json
    return read(paths, include_paths=True).rename_columns({"path": path_column})


def _shippable(rules):
    """The rules themselves when they pickle (compiled once, here), else where to load them."""
    try:
        pickle.dumps(rules)
        return rules
    except Exception:
        return [(r.source, r.id) for r in rules]


def lint_corpus(source, out, failing=None, select=None, ignore=(), text_field="text", id_field="id",
                fail_level="warning", address=None, concurrency=None, batch_size=256, rules=None):
    """Lint ``source`` on a Ray cluster, write the annotated corpus to ``out`` (Parquet files)
    and the failing records to ``failing``; ``rules`` (loaded `Rule`s) replaces ``select`` and
    ``ignore``. Returns ``{"records", "failed", "corpus_findings"}``."""
    import ray

    from ..config import Settings
    from ..engine import corpus_rules, select_rules
    from ..rules import load_rules

    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, log_to_driver=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # the corpus pass sees records in input order
    rules = rules if rules is not None else select_rules(load_rules(), select, ignore)
    settings = Settings(text_field=text_field, id_field=id_field)
    pool = concurrency or max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = read_dataset(ray, source)
    # an autoscaling pool from one actor: a fixed pool holding every CPU would starve the readers
    compute = ray.data.ActorPoolStrategy(min_size=1, max_size=pool)
    linted = ds.map_batches(
        LintBatch, batch_format="pyarrow", batch_size=batch_size, compute=compute,
        fn_constructor_args=(_shippable(rules), settings, fail_level, "seedlint_source"))
    found = []
    if corpus_rules(rules):
        linted = linted.materialize()  # lint once; read the summaries, then add the corpus findings
        found = corpus_findings(linted, corpus_rules(rules), settings)
        extra: dict = {}
        for f in found:
            extra.setdefault((f.path, f.record), []).append(annotate.finding_row(f))
        linted = linted.map_batches(AddCorpusFindings, batch_format="pyarrow", compute=compute,
                                    fn_constructor_args=(ray.put(extra), fail_level))
    linted = linted.materialize()
    linted.write_parquet(out)
    stats = {"records": linted.count(), "corpus_findings": len(found)}
    try:
        from ray.data.expressions import col

        bad = linted.filter(expr=col("seedlint_pass") == False)  # noqa: E712  (an expression, not a test)
    except ImportError:  # Ray before expressions
        bad = linted.filter(expr="seedlint_pass == False")
    stats["failed"] = bad.count()
    if failing:
        bad.write_parquet(failing)
    return stats


def corpus_findings(linted, rules, settings, jobs=None) -> list:
    """The corpus pass over ``linted``'s summaries with ``rules`` (corpus rules), on ``jobs``
    cores of this machine (default: all): the summaries go to a file, a process spawned here
    reads them and runs the pass as ``seedlint -j N`` does."""
    import multiprocessing as mp
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    from ..runner import default_jobs

    with tempfile.NamedTemporaryFile(prefix="seedlint-summaries-") as fh:
        for batch in linted.select_columns(["seedlint_path", "seedlint_record", SUMMARY]).iter_batches(
                batch_format="pyarrow", batch_size=4096):
            for path, rid, blob in zip(*(batch.column(i).to_pylist() for i in range(3))):
                for rule_id, packed in pickle.loads(blob).items():
                    pickle.dump((rule_id, path, rid, packed), fh, pickle.HIGHEST_PROTOCOL)
        fh.flush()
        kinds = {r.kind: r.module.__name__ for r in rules}  # kinds added at run time (tests) too
        with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
            return pool.submit(_pass_from_file, fh.name, _shippable(rules), kinds, settings,
                               jobs or default_jobs()).result()


def _pass_from_file(path, rules, kinds, settings, jobs) -> list:
    """In the spawned process: `Runner.finish` over the summaries in ``path``."""
    import importlib

    from ..kinds import KINDS
    from ..runner import Runner

    for kind, module in kinds.items():
        if kind not in KINDS:
            KINDS[kind] = importlib.import_module(module)
    run = Runner(_loaded(rules), settings, jobs=jobs)
    with open(path, "rb") as fh:
        while True:
            try:
                rule_id, name, record, packed = pickle.load(fh)
            except EOFError:
                break
            run.summaries.add(rule_id, name, record, packed)
    return run.finish()


def _loaded(rules):
    """`_shippable`'s rules as `Rule`s again."""
    if not rules or not isinstance(rules[0], tuple):
        return rules
    from pathlib import Path

    from ..rules import load_rule_file

    loaded = {}
    for source in dict.fromkeys(src for src, _ in rules):
        loaded.update((r.id, r) for r, _ in load_rule_file(Path(source)))
    return [loaded[i] for _, i in rules]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m lint.corpus.cluster", description=__doc__.split("\n")[0])
    p.add_argument("source", nargs="+", help="JSONL or Parquet files, folders or globs (any Ray Data path)")
    p.add_argument("out", help="folder for the annotated corpus (Parquet)")
    p.add_argument("--failing-records", help="folder for the records that fail (Parquet)")
    p.add_argument("--select", help="comma-separated rule selectors (default: the default rule set)")
    p.add_argument("--ignore", help="comma-separated rule selectors to leave out")
    p.add_argument("--text-field", default="text")
    p.add_argument("--id-field", default="id")
    p.add_argument("--fail-level", default="warning", choices=SEVERITIES)
    p.add_argument("--address", help="Ray cluster to join (default: start a local one)")
    a = p.parse_args(argv)
    split = lambda v: [s.strip() for s in (v or "").split(",") if s.strip()]  # noqa: E731
    stats = lint_corpus(a.source, a.out, a.failing_records, split(a.select), split(a.ignore), a.text_field,
                        a.id_field, a.fail_level, a.address)
    print(f"seedlint: {stats['records']} records, {stats['failed']} failing, "
          f"{stats['corpus_findings']} corpus-pass findings; annotated corpus in {a.out}", file=sys.stderr)
    return 1 if stats["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
