"""``text``: ``path:line:col: severity rule message``, one per line, then a summary.

Colour on a terminal; none with NO_COLOR set, in a pipe or a file."""

from __future__ import annotations

from collections import Counter

_COLOURS = {"error": "31", "warning": "33", "info": "36", "path": "1", "rule": "35", "dim": "2"}


def write(findings, stream, run):
    colour = run.colour

    def c(kind, text):
        return f"\x1b[{_COLOURS[kind]}m{text}\x1b[0m" if colour else text

    for f in findings:
        where = f"{f.path}:{f.line}:{f.column}:"
        if f.record is not None:
            where = f"{f.path}[{f.record}]:{f.line}:{f.column}:"
        tail = f"  (fix available)" if f.fix is not None else ""
        stream.write(f"{c('path', where)} {c(f.severity, f.severity)} {c('rule', f.rule)} {f.message}"
                     f"{c('dim', tail)}\n")
    if run.statistics:
        write_statistics(findings, stream, run)
    stream.write(summary(findings, run) + "\n")


def write_statistics(findings, stream, run):
    counts = Counter(f.rule for f in findings)
    fixable = Counter(f.rule for f in findings if f.fix is not None)
    by_id = {r.id: r for r in run.rules}
    for rule, n in counts.most_common():
        r = by_id.get(rule)
        mark = "[*]" if fixable[rule] else "   "
        stream.write(f"{n:6d}  {rule:<6} {mark} {r.category if r else '':<13} {r.name if r else ''}\n")
    if run.baseline_suppressed:
        stream.write(f"{run.baseline_suppressed:6d}  suppressed by the baseline\n")


def summary(findings, run) -> str:
    sev = Counter(f.severity for f in findings)
    files = len({(f.path, f.record) for f in findings})  # a corpus record counts as a file
    if not findings:
        text = f"All clear: no findings in {run.files} file{'s' * (run.files != 1)}."
    else:
        parts = ", ".join(f"{sev[s]} {s}" for s in ("error", "warning", "info") if sev[s])
        text = (f"Found {len(findings)} finding{'s' * (len(findings) != 1)} ({parts}) in {files} of "
                f"{run.files} file{'s' * (run.files != 1)}.")
        nfix = sum(1 for f in findings if f.fix is not None and f.fix.safe)
        if nfix:
            text += f" {nfix} fixable with --fix."
    if run.baseline_suppressed:
        text += f" {run.baseline_suppressed} suppressed by the baseline."
    return text
