"""``json``: one JSON array of findings; ``jsonl``: one finding per line. Both stream: findings
are written as each document is done."""

from __future__ import annotations


class JsonlStream:
    def __init__(self, stream, run):
        self.out = stream

    def add(self, findings):
        if findings:
            self.out.write("".join([f.to_json() + "\n" for f in findings]))

    def close(self):
        pass


class JsonStream:
    def __init__(self, stream, run):
        self.out, self.first = stream, True
        stream.write("[")

    def add(self, findings):
        for f in findings:
            self.out.write(("\n " if self.first else ",\n ") + f.to_json())
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
