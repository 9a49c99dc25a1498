#!/usr/bin/env python3
"""Throughput of the artefact rules on one core, in MB/s, with the slowest rules.

    python bench/bench_artefacts_speed.py [--corpus DIR] [--pages DIR] [--mb 30] [--select artefact] [--ignore IDS]

Texts: the ``.txt``/``.md`` files under ``--corpus`` (default: a news-like corpus written by
bench/make_corpus.py into a temporary folder) plus, with ``--pages``, real scraped pages
(e.g. /work/shared/eval/artefacts/naive-markdown/docs), cycled until ``--mb`` megabytes are
loaded. Every text is parsed once (``Document``) and the selected rules run on it as in a real
run (``lint.engine.lint_document``: rules whose literals the document lacks are skipped), in
this process, on one core. The headline is the median of ``--runs`` passes (CPU time of this
process, so a busy machine skews it less; each pass starts from fresh documents, so it
includes the parse, the views and any per-document pre-filter scan); a separate pass times
each rule through the same engine call (the first rule to ask for a view of the document pays
for computing it, as in a real run) and the parse alone (lines, paragraphs, sentences).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
sys.path.insert(0, ROOT)

from lint.document import Document  # noqa: E402
from lint.engine import lint_document, run_rules, select_rules  # noqa: E402
from lint.rules import load_rules  # noqa: E402


def texts_under(folder):
    for root, _, names in os.walk(folder):
        for n in sorted(names):
            if n.endswith((".txt", ".md")):
                with open(os.path.join(root, n), encoding="utf-8", errors="replace") as fh:
                    yield fh.read()


def load(args):
    sources = []
    if args.corpus:
        sources.append(list(texts_under(args.corpus)))
    else:
        with tempfile.TemporaryDirectory(prefix="seedlint-speed-") as out:  # (removed once read)
            subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make_corpus.py"), out, "--mb", str(args.mb)],
                           check=True, stdout=subprocess.DEVNULL)
            sources.append(list(texts_under(os.path.join(out, "files"))))
    if args.pages:
        sources.append(list(texts_under(args.pages)))
    budget = args.mb * 1_000_000 / len(sources)
    texts = []
    for src in sources:
        size = 0
        for t in itertools.cycle(src) if src else ():
            if size >= budget:
                break
            texts.append(t)
            size += len(t.encode("utf-8"))
    return texts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of .txt/.md files (default: generate one with make_corpus.py)")
    ap.add_argument("--pages", help="folder of real scraped pages to mix in")
    ap.add_argument("--mb", type=float, default=30)
    ap.add_argument("--select", default="artefact")
    ap.add_argument("--ignore", default="", help="selectors to leave out, as seedlint --ignore")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    rules = select_rules(load_rules(), args.select.split(","), [s for s in args.ignore.split(",") if s])
    texts = load(args)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    for rule in rules:  # compile outside the timed passes
        for _ in rule.check(Document(texts[0])):
            pass

    def one_pass():
        t0 = time.process_time()
        for text in texts:
            lint_document(Document(text), rules)
        return time.process_time() - t0

    totals = [one_pass() for _ in range(args.runs)]
    total = statistics.median(totals)
    print(f"{len(texts)} documents, {mb:.1f} MB, {len(rules)} rules ({args.select}): median {total:.2f} s "
          f"of {args.runs}, {mb / total:.1f} MB/s on one core (runs: {', '.join(f'{mb / t:.1f}' for t in totals)}); "
          f"load average {os.getloadavg()[0]:.1f}")
    t0 = time.process_time()
    sentences = 0.0
    for text in texts:
        doc = Document(text)
        doc.lines, doc.paragraphs
        s = time.process_time()
        doc.sentences  # not an artefact rule's view: the typo, off-topic and contradiction passes use it
        sentences += time.process_time() - s
    parse = time.process_time() - t0
    print(f"   parse alone (lines, paragraphs, sentences): {mb / parse:.1f} MB/s; "
          f"sentences {1000 * sentences / mb:.1f} ms/MB of it")
    per_rule = defaultdict(float)
    for text in texts:
        doc = Document(text)
        for rule in rules:
            one = [rule]
            s = time.process_time()
            run_rules(doc, one)
            per_rule[rule.id] += time.process_time() - s
    for rid, t in sorted(per_rule.items(), key=lambda kv: -kv[1])[:10]:
        print(f"   {rid:6} {t:6.2f} s  {1000 * t / mb:5.1f} ms/MB")


if __name__ == "__main__":
    main()
