"""``text``: ``path:line:col: severity rule message``, one per line, then a summary.

Colour on a terminal; none with NO_COLOR set, in a pipe or a file. Streams: each document's
findings are written as it is done, and the summary is kept as counts, not findings."""

from __future__ import annotations

from collections import Counter

from ._raw import Writer

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
        self._pending: list = []  # counts of cached files, until `settle`

    def add(self, findings):
        counts = getattr(findings, "counts", None)
        if counts is not None:  # a cached file's (`lint.cache.CachedFindings`): counted when it was linted
            return self.add_counts(counts, findings.name)
        if not findings:
            return self
        if self._pending:  # keep the order rules are first counted in (ties in --statistics)
            self.settle()
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

    def add_counts(self, counts, path):
        """Add one document's findings counted as ((rule, severity, findings, fixable, safe), ...);
        summed by `settle` (`summary` calls it), mostly over equal tuples: ten thousand cached
        files add their counts in a few milliseconds."""
        if counts:
            self._pending += counts
            self._documents.add(hash((path, None)))
            if len(self._pending) > 1 << 16:  # memory stays flat on a huge cached folder
                self.settle()
        return self

    def settle(self):
        """Sum the counts `add_counts` kept, in the order they came (ties in --statistics keep it)."""
        if self._pending:
            groups = Counter(self._pending)
            self._pending = []
            for (rule, sev, n, fixable, safe), times in groups.items():
                self.total += n * times
                self.severity[sev] += n * times
                self.rules[rule] += n * times
                if fixable:
                    self.fixable[rule] += fixable * times
                    self.safe_fixes += safe * times
        return self

    @property
    def documents(self) -> int:
        return len(self._documents)


class Stream:
    """The text report, one `add` per document's findings, `close` for the summary."""

    def __init__(self, stream, run):
        self.out, self.run, self.tally = stream, run, Tally()
        self.writer = Writer(stream)

    def add(self, findings):
        if not self.run.colour:  # the common case (a pipe, a file, CI): one write, no colour calls
            stored = getattr(findings, "text_lines", None)  # a cached file's lines (UTF-8), as rendered then
            lines = stored and stored()
            if lines is None:
                self.writer.text(plain_lines(findings))
            elif lines:
                self.writer.raw(lines)
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


def plain_lines(findings) -> str:
    """The report's lines for these findings, without colour (what the cache stores)."""
    return "".join(
        f"{f.path}{'' if f.record is None else f'[{f.record}]'}:{f.line}:{f.column}: {f.severity} "
        f"{f.rule} {f.message}{'' if f.fix is None else '  (fix available)'}\n" for f in findings)


def stream(out, run):
    return Stream(out, run)


def write(findings, stream, run):
    s = Stream(stream, run)
    s.add(findings)
    s.close()


def write_statistics(tally, stream, run):
    tally.settle()
    by_id = {r.id: r for r in run.rules}
    for rule, n in tally.rules.most_common():
        r = by_id.get(rule)
        mark = "[*]" if tally.fixable[rule] else "   "
        stream.write(f"{n:6d}  {rule:<6} {mark} {r.category if r else '':<13} {r.name if r else ''}\n")
    if run.baseline_suppressed:
        stream.write(f"{run.baseline_suppressed:6d}  suppressed by the baseline\n")


def summary(findings, run) -> str:
    """The closing line; ``findings`` is a `Tally` or a list of findings."""
    tally = (findings if isinstance(findings, Tally) else Tally().add(findings)).settle()
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
