"""``github``: GitHub Actions workflow commands, one annotation per finding, shown on the
pull request's diff; then the text summary. Chosen by default when GITHUB_ACTIONS=true.

``::warning file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::message``. Values are
escaped as the runner expects (``%`` ``\\r`` ``\\n`` always; ``:`` and ``,`` inside
properties). Columns are only sent for single-line findings: GitHub rejects them otherwise.
"""

from __future__ import annotations

from ._ci import relative_path
from .text import summary

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


def write(findings, stream, run):
    names = {r.id: r.name for r in run.rules}
    for f in findings:
        title = f"seedlint {f.rule}"
        if names.get(f.rule):
            title += f" ({names[f.rule]})"
        if f.record is not None:
            title += f" in record {f.record}"
        stream.write(annotation(f, title) + "\n")
    stream.write(summary(findings, run) + "\n")
