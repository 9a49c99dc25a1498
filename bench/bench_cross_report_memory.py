#!/usr/bin/env python3
"""Parent memory and CPU time of the C901/C902 corpus pass (cross-report contradictions).

    python3 bench/bench_cross_report_memory.py CORPUS [--root DIR] [--memory-docs N] [--rules C901,C902]

Lints CORPUS (a file or folder, as seedlint takes it) with only the given rules (no cache), then times the corpus pass (``Runner.finish``) alone: its CPU time (process_time) and
the growth of this process's resident memory during it (sampled every 5 ms by a thread, peak
minus the RSS at the start of the pass). ``--root`` runs another checkout's ``lint`` (a
"before" worktree); ``--memory-docs`` sets ``lint.kinds.cross_report.MEMORY_DOCS`` (reports
kept in memory before the index moves to disk), so a small corpus shows the bounded case.
Prints one JSON line: the rules, qualifying reports (summaries), findings, CPU s, RSS MB.

Measured 2026-11-23 on `make_corpus.py --mb 1000` (223,893 records; 5,048 C901 and 26,026 C902
reports; 5,604 findings, identical), load average 2.7-6 (shared), one run each (-j 2):
before (list + name dict) RSS growth 61.3 MB, CPU 2.93 s; after (MEMORY_DOCS 20,000: C901 in
memory, C902 on disk) 17.3 MB, 5.32 s; after with --memory-docs 2000 (both on disk) 11.5 MB, 6.34 s.
check_corpus alone on those summaries, medians of 3 (C901 / C902): before 1.25 / 0.28 s,
after 3.34 (memory) / 1.54 (disk) s, all on disk 3.74 / 1.40 s: every candidate pair (1.6M for
C901) decodes the other's packed story.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--memory-docs", type=int)
    ap.add_argument("--rules", default="C901,C902")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="workers of the per-document pass (not timed)")
    args = ap.parse_args()
    sys.path.insert(0, args.root)
    from lint import rules as rules_mod
    from lint.config import Settings
    from lint.kinds import cross_report
    from lint.runner import Runner

    assert cross_report.__file__.startswith(os.path.abspath(args.root)), cross_report.__file__
    if args.memory_docs is not None:
        cross_report.MEMORY_DOCS = args.memory_docs
    wanted = args.rules.split(",")
    rules = [r for r in rules_mod.load_rules([]) if r.id in wanted]
    assert sorted(r.id for r in rules) == sorted(wanted), [r.id for r in rules]
    run = Runner(rules, Settings(), jobs=args.jobs)
    for _ in run.run([args.corpus]):
        pass
    summaries = {r.id: sum(1 for _, _, s in run.summaries.get(r.id, []) if s) for r in rules}
    peak, done = [rss_mb()], threading.Event()

    def sample():
        while not done.wait(0.005):
            peak[0] = max(peak[0], rss_mb())

    start_rss = rss_mb()
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu = time.process_time()
    found = run.finish()
    cpu = time.process_time() - cpu
    done.set()
    sampler.join()
    peak[0] = max(peak[0], rss_mb())
    print(json.dumps({"rules": wanted, "reports": summaries, "findings": len(found), "cpu_s": round(cpu, 2),
                      "rss_start_mb": round(start_rss, 1), "rss_growth_mb": round(peak[0] - start_rss, 1),
                      "memory_docs": args.memory_docs}))


if __name__ == "__main__":
    main()
