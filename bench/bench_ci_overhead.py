#!/usr/bin/env python3
"""What the CI side costs on top of linting: the baseline (write, filter), the inline
suppression pass and each report format, in CPU milliseconds, on one core.

    python bench/bench_ci_overhead.py DIR [--select SELECTORS]

DIR is any folder of .txt/.md articles (e.g. seeds/ or
/work/shared/eval/artefacts/naive-markdown/docs). Everything runs in this process, after one
lint of every file, so the numbers are the overhead of lint.baseline, lint.suppress and
lint.output.*, not of the rules.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from lint import baseline, sources, suppress  # noqa: E402
from lint.cli import Run  # noqa: E402
from lint.engine import lint_text, select_rules  # noqa: E402
from lint.output import writer  # noqa: E402
from lint.rules import load_rules  # noqa: E402


def cpu_ms(fn, repeat=3):
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best * 1000


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--select", default="")
    args = ap.parse_args()
    rules = select_rules(load_rules(), [s for s in args.select.split(",") if s])
    findings, documents = [], {}
    t = time.process_time()
    for path, err in sources.discover([args.folder], (".txt", ".md")):
        src = sources.read(path)
        if err or src.error or src.skipped:
            continue
        doc, found = lint_text(src.text, rules, path=path)
        documents[path] = doc
        findings.extend(found)
    lint_ms = (time.process_time() - t) * 1000
    run = Run(rules=rules, files=len(documents), documents=documents)
    print(f"{len(documents)} files, {len(findings)} findings; linting took {lint_ms:.0f} ms CPU")

    by_path = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    rows = [("suppress (no comments)",
             cpu_ms(lambda: [suppress.apply(d, by_path.get(p, []), rules) for p, d in documents.items()]))]
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "baseline.json")
        rows.append(("baseline write", cpu_ms(lambda: baseline.write(base, findings, documents))))
        known = baseline.load(base)
        rows.append(("baseline filter", cpu_ms(lambda: known.filter(findings, documents))))
    for fmt in ("text", "json", "github", "sarif", "junit", "gitlab"):
        rows.append((f"format {fmt}", cpu_ms(lambda: writer(fmt)(findings, io.StringIO(), run))))
    per = 1000 / max(len(findings), 1)
    for name, ms in rows:
        print(f"{name:<24} {ms:8.1f} ms  ({ms * per:7.1f} ms per 1000 findings, {100 * ms / lint_ms:5.1f}% of linting)")


if __name__ == "__main__":
    main()
