"""Corpus inputs: JSONL (plain, .gz, .zst), JSON arrays and Parquet, read as records.

A corpus file holds many articles, each a record with a text field (default ``text``) and an id
field (default ``id``; dotted paths such as ``metadata.url`` reach nested fields). Every record
is linted as its own `Document`; findings carry the corpus file as ``path``, the record id as
``record`` and lines counted within the record's text. A record without an id is named by its
position: ``#<line>`` in JSONL files (the line it starts on), ``#<row>`` (1-based) elsewhere.

Reading streams with bounded memory: uncompressed JSONL is split into byte ranges that
workers read themselves, Parquet into row groups, compressed JSONL and JSON arrays into batches
of records decoded as they are read. See `lint.corpus.readers`.
"""

from __future__ import annotations

from dataclasses import dataclass

SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".jsonl.zst", ".ndjson.zst", ".json", ".parquet")


def is_corpus(path: str) -> bool:
    return path.lower().endswith(SUFFIXES)


@dataclass
class Record:
    path: str  # the corpus file
    id: str  # the id field's value, or #<line> / #<row>
    line: int  # where the record starts in the file (JSONL, JSON) or its 1-based row (Parquet)
    text: str | None = None
    original: object = None  # the raw JSON line (bytes) or the record (dict), kept for annotation
    error: str | None = None  # why this record cannot be linted (invalid JSON, no text field)


def field_value(record: dict, name: str):
    """``record[name]``, following dots into nested mappings when there is no such flat key."""
    if name in record:
        return record[name]
    value = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def make_record(path, data, line, text_field, id_field, original=None, fallback_id=None) -> Record:
    rid = field_value(data, id_field) if isinstance(data, dict) else None
    rid = str(rid) if rid is not None else (fallback_id or f"#{line}")
    if not isinstance(data, dict):
        return Record(path, rid, line, error=f"expected a JSON object, got {type(data).__name__}")
    text = field_value(data, text_field)
    if text is None:
        return Record(path, rid, line, original=original,
                      error=f"no {text_field!r} field (set --text-field)")
    if not isinstance(text, str):
        return Record(path, rid, line, original=original,
                      error=f"field {text_field!r} is {type(text).__name__}, not text")
    return Record(path, rid, line, text=text, original=original)
