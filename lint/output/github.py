"""``github``: GitHub Actions workflow commands, one annotation per finding, shown on the
pull request's diff; then the text summary. Chosen by default when GITHUB_ACTIONS=true.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``. Values are
escaped as the runner expects (``%`` ``\\r`` ``\\n`` always; ``:`` and ``,`` inside
properties). Columns are only sent for single-line findings: GitHub rejects them otherwise.
"""

from __future__ import annotations

from ._ci import relative_path
from .text import Tally, summary

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f, title: str) -> str:
    props = [("file", relative_path(f.path)), ("line", f.line)]
    if f.end_line == f.line:
        props += [("col", f.column), ("endColumn", f.end_column)]
    props += [("endLine", f.end_line), ("title", title)]
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props)
    return f"::{LEVELS[f.severity]} {head}::{escape_data(f.message)}"


class Stream:
    """Annotations as each document is done, the summary at the end."""

    def __init__(self, out, run):
        self.out, self.run, self.tally = out, run, Tally()
        self.names = {r.id: r.name for r in run.rules}

    def add(self, findings):
        for f in findings:
            title = f"seedlint {f.rule}"
            if self.names.get(f.rule):
                title += f" ({self.names[f.rule]})"
            if f.record is not None:
                title += f" in record {f.record}"
            self.out.write(annotation(f, title) + "\n")
        self.tally.add(findings)

    def close(self):
        self.out.write(summary(self.tally, self.run) + "\n")


stream = Stream


def write(findings, stream, run):
    s = Stream(stream, run)
    s.add(findings)
    s.close()
