#!/usr/bin/env python3
"""O401 (offtopic-corpus) at corpus scale: summary size and corpus-pass time against corpus size.

    python3 bench/bench_offtopic_corpus.py CORPUS.jsonl [--docs 1000,10000,50000] [-j 2]
    python3 bench/bench_offtopic_corpus.py FOLDER [...]        # a folder of .txt/.md files

Summarizes the first max(--docs) records with the O401 rule (the per-document step, in -j
worker processes), then times ``check_corpus`` (CPU time, median of --repeat) on the first N
summaries for each N, and reports the pickled summary size per document (what the runner
spills to disk and reads back). Make a corpus with bench/make_corpus.py (``--jsonl-only``).
The pass should grow about linearly with N; the summary should stay near 1 KB per news article.
With ``--pass-jobs N`` each size is also timed judged in N forked processes, as ``seedlint -j N``
runs it: the parent's CPU (reading the summaries, the index: the serial part) and the workers'.
"""
from __future__ import annotations

import argparse
import json
import pickle
import statistics
import sys
import time
import tracemalloc
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _texts(source: Path, limit: int):
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.suffix in (".txt", ".md"))[:limit]
        return [(str(p), p.read_text(encoding="utf-8")) for p in files]
    out = []
    with source.open(encoding="utf-8") as fh:
        for line in fh:
            if len(out) >= limit:
                break
            rec = json.loads(line)
            out.append((str(rec.get("id", len(out))), rec["text"]))
    return out


_RULE = []


def _summarize(item):
    from lint.document import Document
    from lint.engine import summarize
    from lint.rules import load_rules

    if not _RULE:
        _RULE.append(next(r for r in load_rules() if r.id == "O401"))
    name, text = item
    blob = pickle.dumps(summarize(Document(text, path=name), _RULE)["O401"], pickle.HIGHEST_PROTOCOL)
    return name, blob


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source", type=Path, help="a JSONL corpus (records with 'text') or a folder of files")
    ap.add_argument("--docs", default="1000,10000,50000", help="corpus sizes to time the corpus pass on")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="processes for the per-document summaries")
    ap.add_argument("--repeat", type=int, default=3, help="timing runs per size; the median counts")
    ap.add_argument("--pass-jobs", type=int, default=0, help="also time the pass in this many forked processes")
    ap.add_argument("--summaries", type=Path, help="keep the summaries in this pickle and reuse them "
                                                   "(delete it after changing the summary)")
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.docs.split(",")]
    if args.summaries and args.summaries.exists():
        blobs = pickle.loads(args.summaries.read_bytes())[: max(sizes)]
    else:
        texts = _texts(args.source, max(sizes))
        t0 = time.perf_counter()
        with Pool(args.jobs) as pool:
            blobs = pool.map(_summarize, texts, chunksize=64)
        print(f"{len(texts)} documents summarized in {time.perf_counter() - t0:.1f} s wall ({args.jobs} processes)")
        if args.summaries:
            args.summaries.write_bytes(pickle.dumps(blobs, pickle.HIGHEST_PROTOCOL))
    sizes_b = [len(b) for _, b in blobs]
    print(f"O401 summary: mean {statistics.mean(sizes_b):.0f} B/doc, median {statistics.median(sizes_b):.0f}, "
          f"max {max(sizes_b)}")

    from lint.rules import load_rules

    rule = next(r for r in load_rules() if r.id == "O401")
    items = [(name, None, pickle.loads(b)) for name, b in blobs]
    print("| documents | corpus pass (CPU s, median) | µs per document | findings | pass memory (tracemalloc peak) |")
    print("|---:|---:|---:|---:|---:|")
    for n in sizes:
        if n > len(items):
            break
        times, found = [], []
        for _ in range(args.repeat):
            c0 = time.process_time()
            found = rule.module.check_corpus(items[:n], rule)
            times.append(time.process_time() - c0)
        t = statistics.median(times)
        tracemalloc.start()  # the pass's own allocations (index, names, signatures), not the items
        rule.module.check_corpus(items[:n], rule)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(f"| {n} | {t:.3f} | {t / n * 1e6:.1f} | {len(found)} | {peak / 1e6:.1f} MB |", flush=True)
        if args.pass_jobs > 1:
            _time_fanned(items[:n], rule, args.pass_jobs, found)
    return 0


def _time_fanned(items, rule, jobs, expected):
    import resource

    from lint.runner import _fan_out

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    c0, w0 = time.process_time(), time.perf_counter()
    found = rule.module.check_corpus(items, rule, fan_out=_fan_out(jobs))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(f"|   in {jobs} processes | parent {time.process_time() - c0:.3f} + workers {workers:.3f} CPU s, "
          f"{time.perf_counter() - w0:.2f} s wall | | {'same' if found == expected else 'DIFFERENT'} findings | |",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
