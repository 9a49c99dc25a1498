"""``json``: one JSON array of findings; ``jsonl``: one finding per line. Both stream: findings
are written as each document is done."""

from __future__ import annotations


from ._raw import Writer, encode

_SEP = ",\n "  # between a JSON array's objects; no newline occurs inside one


def json_lines(findings) -> str:
    """The findings' JSON objects as the array lists them, ``_SEP`` between them: what the cache
    stores, as UTF-8 (the JSON Lines report has a newline for each ``_SEP``)."""
    return _SEP.join([f.to_json() for f in findings])


def _lines(findings) -> bytes:
    """`json_lines` as UTF-8, taken from the cache for a cached file's findings when it has them."""
    if getattr(findings, "counts", True) == ():  # a cached file without findings
        return b""
    stored = getattr(findings, "json_lines", None)
    lines = stored and stored()
    if lines is None:
        text = json_lines(findings)
        lines = encode(text)
        if lines is None:
            return text
    return lines


class JsonlStream:
    def __init__(self, stream, run):
        self.writer = Writer(stream)

    def add(self, findings):
        lines = _lines(findings)
        if isinstance(lines, str):
            self.writer.text(lines.replace(_SEP, "\n") + "\n")
        elif lines:
            self.writer.raw(lines.replace(b",\n ", b"\n"), b"\n")

    def close(self):
        pass


class JsonStream:
    def __init__(self, stream, run):
        self.writer, self.first = Writer(stream), True
        self.writer.text("[")

    def add(self, findings):
        lines = _lines(findings)
        if lines:
            sep = "\n " if self.first else _SEP
            if isinstance(lines, str):
                self.writer.text(sep + lines)
            else:
                self.writer.raw(sep.encode(), lines)
            self.first = False

    def close(self):
        self.writer.text("]\n" if self.first else "\n]\n")


stream_json, stream_jsonl = JsonStream, JsonlStream


def write_json(findings, stream, run):
    s = JsonStream(stream, run)
    s.add(findings)
    s.close()


def write_jsonl(findings, stream, run):
    s = JsonlStream(stream, run)
    s.add(findings)
    s.close()
