"""The annotated corpus: a copy of every record with its findings, ready to filter on.

``--annotate OUT`` writes each corpus record (all its original fields) plus
- ``seedlint_path``: the corpus file it came from, ``seedlint_record``: its record id,
- ``seedlint_findings``: a list of {rule, category, severity, line, column, end_line,
  end_column, message, excerpt},
- ``seedlint_<category>``: the number of findings per category (``seedlint_off_topic``, ...),
- ``seedlint_pass``: false when a finding reaches ``--fail-level``;
``--failing-records OUT`` writes the records that do not pass (datatrove's exclusion writer).
OUT ending in ``.parquet`` is written as Parquet (needs pyarrow), anything else as JSONL
(``.gz`` compressed). Rows stream in input order. Corpus-pass findings only exist once every
record is read, so when there are some the files are rewritten once, streaming, to add them.
"""

from __future__ import annotations

import json
import os

from ..finding import CATEGORIES, SEVERITIES

FIELDS = ("rule", "category", "severity", "line", "column", "end_line", "end_column", "message", "excerpt")


def finding_row(f) -> dict:
    return {k: getattr(f, k) for k in FIELDS}


class Annotator:
    def __init__(self, out: str | None, failing: str | None = None, fail_level: str = "warning"):
        self.discard = out is None  # only the failing records were asked for
        self.out, self.failing = out or f"{failing}.seedlint-all.jsonl", failing
        self.level = SEVERITIES.index(fail_level)
        self._tmp = [_tmp_name(out)] + ([_tmp_name(failing)] if failing else [])
        self.writer = open_writer(self._tmp[0], out)
        self.fail_writer = open_writer(self._tmp[1], failing) if failing else None
        self.rows = self.failed = 0

    def add(self, result):
        """One corpus record's `RecordResult` (with its ``original``)."""
        if result.original is None:
            return
        row = annotate(_as_dict(result.original), result.path, result.record,
                       [finding_row(f) for f in result.findings], self.level)
        self._write(row)

    def _write(self, row):
        self.rows += 1
        self.writer.write(row)
        if not row["seedlint_pass"]:
            self.failed += 1
            if self.fail_writer:
                self.fail_writer.write(row)

    def close(self, corpus_findings=()):
        """Add the corpus pass's findings (rewriting once if there are any) and finish."""
        self.writer.close()
        if self.fail_writer:
            self.fail_writer.close()
        extra: dict = {}
        for f in corpus_findings:
            if f.record is not None:
                extra.setdefault((f.path, f.record), []).append(finding_row(f))
        if not extra:
            for tmp, final in zip(self._tmp, [self.out, self.failing]):
                os.replace(tmp, final)
            if self.discard:
                os.remove(self.out)
            return
        self.rows = self.failed = 0
        self.writer = open_writer(_tmp_name(self.out, 2), self.out)
        self.fail_writer = open_writer(_tmp_name(self.failing, 2), self.failing) if self.failing else None
        for row in read_rows(self._tmp[0]):
            more = extra.get((row["seedlint_path"], row["seedlint_record"]))
            if more:
                row = annotate(row, row["seedlint_path"], row["seedlint_record"],
                               row["seedlint_findings"] + more, self.level)
            self._write(row)
        for tmp in self._tmp:
            os.remove(tmp)
        self._tmp = [_tmp_name(self.out, 2)] + ([_tmp_name(self.failing, 2)] if self.failing else [])
        self.close()


def annotate(record: dict, path: str, rid: str, findings: list, level: int) -> dict:
    row = {k: v for k, v in record.items() if not k.startswith("seedlint_")}
    row["seedlint_path"] = path
    row["seedlint_record"] = rid
    row["seedlint_findings"] = findings
    for c in CATEGORIES:
        row["seedlint_" + c.replace("-", "_")] = sum(1 for f in findings if f["category"] == c)
    row["seedlint_pass"] = not any(SEVERITIES.index(f["severity"]) >= level for f in findings)
    return row


def _as_dict(original) -> dict:
    if isinstance(original, (bytes, bytearray)):
        return json.loads(original)
    return original


def _tmp_name(path, n=1):
    return f"{path}.seedlint-tmp{n}{'.parquet' if path.endswith('.parquet') else ''}"


# -- writers ------------------------------------------------------------------------------------

def open_writer(path: str, final: str):
    return ParquetWriter(path) if final.lower().endswith(".parquet") else JsonlWriter(path, final)


class JsonlWriter:
    def __init__(self, path, final):
        if final.lower().endswith(".gz"):
            import gzip

            self.fh = gzip.open(path, "wt", encoding="utf-8")
        else:
            self.fh = open(path, "w", encoding="utf-8")

    def write(self, row):
        self.fh.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")

    def close(self):
        self.fh.close()


class ParquetWriter:
    """Rows buffered into record batches; the schema is the first batch's (later rows are cast
    to it: a field the first batch lacked is dropped, a missing one is null)."""

    BATCH = 2048

    def __init__(self, path):
        import pyarrow  # noqa: F401  (fail early with ImportError when missing)

        self.path, self.rows, self.writer = path, [], None

    def write(self, row):
        self.rows.append(row)
        if len(self.rows) >= self.BATCH:
            self._flush()

    def _flush(self):
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.rows:
            return
        if self.writer is None:
            table = pa.Table.from_pylist(self.rows)
            self.writer = pq.ParquetWriter(self.path, table.schema)
        else:
            table = pa.Table.from_pylist(self.rows, schema=self.writer.schema_arrow)
        self.writer.write_table(table)
        self.rows = []

    def close(self):
        self._flush()
        if self.writer is None:  # no rows at all: still leave a valid (empty) file
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.table({"seedlint_record": pa.array([], pa.string())}), self.path)
        else:
            self.writer.close()


def read_rows(path: str):
    """Stream the rows of an annotated file (JSONL or Parquet)."""
    if path.lower().endswith(".parquet"):
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            yield from batch.to_pylist()
        return
    import gzip

    opener = gzip.open if _is_gzip(path) else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _is_gzip(path):
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"
