"""``json``: one JSON array of findings; ``jsonl``: one finding per line. Both stream: findings
are written as each document is done."""

from __future__ import annotations


def json_lines(findings) -> str:
    """The findings' JSON objects, one a line (no final newline): what the cache stores."""
    return "\n".join([f.to_json() for f in findings])


def _lines(findings) -> str:
    """`json_lines`, taken from the cache for a cached file's findings when it has them."""
    if getattr(findings, "counts", True) == ():  # a cached file without findings
        return ""
    stored = getattr(findings, "json_lines", None)
    text = stored and stored()
    return json_lines(findings) if text is None else text


class JsonlStream:
    def __init__(self, stream, run):
        self.out = stream

    def add(self, findings):
        text = _lines(findings)
        if text:
            self.out.write(text + "\n")

    def close(self):
        pass


class JsonStream:
    def __init__(self, stream, run):
        self.out, self.first = stream, True
        stream.write("[")

    def add(self, findings):
        text = _lines(findings)  # no newline inside a JSON object: the newlines separate them
        if text:
            self.out.write(("\n " if self.first else ",\n ") + text.replace("\n", ",\n "))
            self.first = False

    def close(self):
        self.out.write("]\n" if self.first else "\n]\n")


stream_json, stream_jsonl = JsonStream, JsonlStream


def write_json(findings, stream, run):
    s = JsonStream(stream, run)
    s.add(findings)
    s.close()


def write_jsonl(findings, stream, run):
    s = JsonlStream(stream, run)
    s.add(findings)
    s.close()
