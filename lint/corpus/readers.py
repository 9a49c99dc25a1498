"""Splitting corpus files into shards and reading a shard's records.

A shard is a piece of work a worker process can do on its own:
- `JsonlRange`: a byte range of an uncompressed JSONL file, cut at line ends, with the number
  of its first line (the planner counts newlines once while cutting);
- `ParquetGroups`: some row groups of a Parquet file;
- `Records`: records already decoded by the planner, for inputs that cannot be cut
  (gzip/zstd JSONL, JSON arrays): the planner streams them in batches of about `TARGET` bytes.
Every reader keeps at most one shard (or one read block) in memory.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field

from . import Record, make_record

TARGET = 4 << 20  # bytes of input per shard: small enough to balance cores, big enough to amortise
_BLOCK = 1 << 20


@dataclass
class JsonlRange:
    path: str
    start: int
    end: int
    first_line: int
    size: int = 0  # input bytes, for progress


@dataclass
class ParquetGroups:
    path: str
    groups: list
    first_row: int
    size: int = 0


@dataclass
class Records:
    path: str
    records: list = field(default_factory=list)
    size: int = 0


# -- planning ---------------------------------------------------------------------------------

def plan(path: str, text_field="text", id_field="id", target=TARGET, share=0, least=0):
    """Yield the shards of one corpus file, in file order, of about ``target`` bytes each. With
    ``share`` (uncompressed JSONL), a shard is at most 1/share of what is left, and at least
    ``least`` bytes: shards shrink towards the end of the file, so the workers finish together."""
    low = path.lower()
    if low.endswith(".parquet"):
        yield from _plan_parquet(path, target)
    elif low.endswith((".jsonl", ".ndjson")):
        yield from _plan_jsonl(path, target, share, least)
    else:
        batch, size = [], 0
        for rec in iter_records(path, text_field, id_field):
            batch.append(rec)
            size += len(rec.text or "") + 64
            if size >= target:
                yield Records(path, batch, size)
                batch, size = [], 0
        if batch:
            yield Records(path, batch, size)


def _plan_jsonl(path, target, share=0, least=0):
    """Byte ranges of about ``want`` bytes each, cut after the first newline at or beyond it;
    every byte is read once, to count the lines each range starts on."""
    with open(path, "rb") as fh:
        total = os.fstat(fh.fileno()).st_size
        start, line = 0, 1
        while start < total:
            want = max(1, least, min(target, (total - start) // share)) if share else max(1, target)
            end, lines = start, 0
            while end < total:
                block = fh.read(min(_BLOCK, want - (end - start)) if end - start < want else _BLOCK)
                if not block:
                    break
                if end - start + len(block) >= want:  # past the size: stop at the next newline
                    cut = block.find(b"\n", max(0, want - (end - start) - 1))
                    if cut >= 0:
                        block = block[:cut + 1]
                        fh.seek(end + cut + 1)
                        end += cut + 1
                        lines += block.count(b"\n")
                        break
                end += len(block)
                lines += block.count(b"\n")
            yield JsonlRange(path, start, end, line, end - start)
            start, line = end, line + lines


def _plan_parquet(path, target):
    import pyarrow.parquet as pq

    meta = pq.ParquetFile(path).metadata
    groups, size, row, first = [], 0, 0, 0
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        groups.append(i)
        size += rg.total_byte_size
        row += rg.num_rows
        if size >= target:
            yield ParquetGroups(path, groups, first, size)
            groups, size, first = [], 0, row
    if groups:
        yield ParquetGroups(path, groups, first, size)


# -- reading ----------------------------------------------------------------------------------

def read_shard(shard, text_field="text", id_field="id"):
    """Yield the `Record`s of a shard."""
    if isinstance(shard, Records):
        yield from shard.records
    elif isinstance(shard, JsonlRange):
        with open(shard.path, "rb") as fh:
            fh.seek(shard.start)
            data = fh.read(shard.end - shard.start)
        yield from _jsonl_lines(shard.path, data.split(b"\n"), shard.first_line, text_field, id_field)
    elif isinstance(shard, ParquetGroups):
        yield from _parquet_rows(shard, text_field, id_field)
    else:
        raise TypeError(f"not a corpus shard: {shard!r}")


def iter_records(path: str, text_field="text", id_field="id"):
    """Every record of a corpus file, streamed (the planner's reader; tests use it too)."""
    low = path.lower()
    if low.endswith(".parquet"):
        for shard in _plan_parquet(path, TARGET):
            yield from _parquet_rows(shard, text_field, id_field)
    elif low.endswith(".json"):
        with open(path, "rb") as fh:
            yield from _json_array(path, io.TextIOWrapper(fh, encoding="utf-8", errors="replace"),
                                   text_field, id_field)
    else:
        with _open_binary(path) as fh:
            line = 1
            while True:
                lines = fh.readlines(_BLOCK)
                if not lines:
                    break
                yield from _jsonl_lines(path, lines, line, text_field, id_field)
                line += len(lines)


def _open_binary(path):
    low = path.lower()
    if low.endswith(".gz"):
        import gzip

        return gzip.open(path, "rb")
    if low.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise OSError("reading .zst needs the zstandard package: pip install 'seedlint[corpus]'") from None
        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(open(path, "rb"), closefd=True))
    return open(path, "rb")


def _loads():
    try:
        import orjson

        return orjson.loads, orjson.JSONDecodeError
    except ImportError:
        return json.loads, ValueError


def _jsonl_lines(path, lines, first_line, text_field, id_field):
    loads, error = _loads()
    for n, raw in enumerate(lines, first_line):
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        try:
            data = loads(raw)
        except error as e:
            yield Record(path, f"#{n}", n, error=f"invalid JSON ({_short(e)}), record skipped")
            continue
        except UnicodeDecodeError:
            data = json.loads(raw.decode("utf-8", "replace"))
        yield make_record(path, data, n, text_field, id_field, original=raw)


def _short(e) -> str:
    return str(e).split("\n")[0][:120]


def _json_array(path, fh, text_field, id_field):
    """Stream the elements of a top-level JSON array without loading the whole file."""
    dec = json.JSONDecoder()
    buf, pos, line, row, eof = "", 0, 1, 0, False

    def fill():
        nonlocal buf, pos, eof
        chunk = fh.read(_BLOCK)
        eof = not chunk
        buf = buf[pos:] + chunk
        pos = 0

    def skip(chars):
        nonlocal pos, line
        while True:
            while pos < len(buf) and buf[pos] in chars:
                line += buf[pos] == "\n"
                pos += 1
            if pos < len(buf) or eof:
                return
            fill()

    fill()
    skip(" \t\r\n\ufeff")
    if buf[pos:pos + 1] != "[":
        yield Record(path, "#1", line, error="a .json corpus must hold one array of records")
        return
    pos += 1
    while True:
        skip(" \t\r\n,")
        if pos >= len(buf) or buf[pos] == "]":
            return
        while True:
            try:
                data, end = dec.raw_decode(buf, pos)
                break
            except json.JSONDecodeError as e:
                if eof:
                    yield Record(path, f"#{row + 1}", line, error=f"invalid JSON ({_short(e)}), rest of file skipped")
                    return
                fill()
        row += 1
        start_line = line
        line += buf.count("\n", pos, end)
        pos = end
        yield make_record(path, data, start_line, text_field, id_field, original=data, fallback_id=f"#{row}")


def _parquet_rows(shard, text_field, id_field):
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(shard.path)
    names = pf.schema_arrow.names
    if text_field.split(".")[0] not in names:
        yield Record(shard.path, "#1", 1, error=f"no {text_field!r} column (columns: {', '.join(names)})")
        return
    row = shard.first_row
    for batch in pf.iter_batches(batch_size=1024, row_groups=shard.groups):
        for data in batch.to_pylist():
            row += 1
            yield make_record(shard.path, data, row, text_field, id_field, original=data,
                              fallback_id=f"#{row}")
