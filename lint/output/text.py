"""``text``: ``path:line:col: severity rule message``, one per line, then a summary.

Colour on a terminal; none with NO_COLOR set, in a pipe or a file. Streams: each document's
findings are written as it is done, and the summary is kept as counts, not findings."""

from __future__ import annotations

from collections import Counter

_COLOURS = {"error": "31", "warning": "33", "info": "36", "path": "1", "rule": "35", "dim": "2"}


def _paint(kind, text):
    return f"\x1b[{_COLOURS[kind]}m{text}\x1b[0m"


class Tally:
    """What the summary and --statistics need, counted as findings go by."""

    def __init__(self):
        self.severity: Counter = Counter()
        self.rules: Counter = Counter()
        self.fixable: Counter = Counter()  # rule -> findings with a fix
        self.safe_fixes = 0
        self.total = 0
        self._documents: set = set()  # hashes of (path, record): a corpus record counts as a file

    def add(self, findings):
        if not findings:
            return self
        # Counted in C (Counter.update of a list): a cached rerun of a big folder prints
        # tens of thousands of findings, and a loop of += per finding was a third of it.
        self.total += len(findings)
        self.severity.update([f.severity for f in findings])
        self.rules.update([f.rule for f in findings])
        for f in findings:
            if f.fix is not None:
                self.fixable[f.rule] += 1
                self.safe_fixes += f.fix.safe
        self._documents.update({hash((f.path, f.record)) for f in findings})
        return self

    @property
    def documents(self) -> int:
        return len(self._documents)


class Stream:
    """The text report, one `add` per document's findings, `close` for the summary."""

    def __init__(self, stream, run):
        self.out, self.run, self.tally = stream, run, Tally()

    def add(self, findings):
        if not self.run.colour:  # the common case (a pipe, a file, CI): one write, no colour calls
            self.out.write("".join(
                f"{f.path}{'' if f.record is None else f'[{f.record}]'}:{f.line}:{f.column}: {f.severity} "
                f"{f.rule} {f.message}{'' if f.fix is None else '  (fix available)'}\n" for f in findings))
            self.tally.add(findings)
            return
        c, write = _paint, self.out.write
        for f in findings:
            where = f"{f.path}:{f.line}:{f.column}:"
            if f.record is not None:
                where = f"{f.path}[{f.record}]:{f.line}:{f.column}:"
            tail = "  (fix available)" if f.fix is not None else ""
            write(f"{c('path', where)} {c(f.severity, f.severity)} {c('rule', f.rule)} {f.message}"
                  f"{c('dim', tail)}\n")
        self.tally.add(findings)

    def close(self):
        if self.run.statistics:
            write_statistics(self.tally, self.out, self.run)
        self.out.write(summary(self.tally, self.run) + "\n")


def stream(out, run):
    return Stream(out, run)


def write(findings, stream, run):
    s = Stream(stream, run)
    s.add(findings)
    s.close()


def write_statistics(tally, stream, run):
    by_id = {r.id: r for r in run.rules}
    for rule, n in tally.rules.most_common():
        r = by_id.get(rule)
        mark = "[*]" if tally.fixable[rule] else "   "
        stream.write(f"{n:6d}  {rule:<6} {mark} {r.category if r else '':<13} {r.name if r else ''}\n")
    if run.baseline_suppressed:
        stream.write(f"{run.baseline_suppressed:6d}  suppressed by the baseline\n")


def summary(findings, run) -> str:
    """The closing line; ``findings`` is a `Tally` or a list of findings."""
    tally = findings if isinstance(findings, Tally) else Tally().add(findings)
    sev, total = tally.severity, tally.total
    if not total:
        text = f"All clear: no findings in {run.files} file{'s' * (run.files != 1)}."
    else:
        parts = ", ".join(f"{sev[s]} {s}" for s in ("error", "warning", "info") if sev[s])
        text = (f"Found {total} finding{'s' * (total != 1)} ({parts}) in {tally.documents} of "
                f"{run.files} file{'s' * (run.files != 1)}.")
        if tally.safe_fixes:
            text += f" {tally.safe_fixes} fixable with --fix."
    if run.baseline_suppressed:
        text += f" {run.baseline_suppressed} suppressed by the baseline."
    return text
