"""``json``: one JSON array of findings; ``jsonl``: one finding per line, streamable."""

from __future__ import annotations

import json


def write_json(findings, stream, run):
    stream.write("[")
    for i, f in enumerate(findings):
        stream.write(",\n " if i else "\n ")
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False))
    stream.write("\n]\n" if findings else "]\n")


def write_jsonl(findings, stream, run):
    for f in findings:
        stream.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
