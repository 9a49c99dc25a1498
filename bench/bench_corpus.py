#!/usr/bin/env python3
"""Corpus-scale speed and memory, with codespell and datatrove's C4 filter measured in the same run.

    python3 bench/bench_corpus.py DATA [--mb 20] [--speedup-select SEL] [--big-mb 1000] [--big-select SEL]
        [--skip-big] [--only big|speedup|overhead] [--jobs 2] [--big-ignore SEL] [--overhead-mb 3]

DATA is a folder made by ``bench/make_corpus.py DATA --mb 60`` (made here when missing). From its
corpus.jsonl the first ``--mb`` MB are the sample; the same articles as .txt files feed codespell.
Measures, each as CPU seconds (user+sys of the process tree, so a busy machine does not skew
it) and MB/s per core:
- seedlint -j 1 on the sample: the default rule set, artefact rules only, typo rules only
  (whole command: start-up, JSON decoding and output included);
- codespell on the sample's files, datatrove's C4QualityFilter in-process on the same texts
  (``pip install codespell datatrove spacy`` here if missing; neither is a seedlint dependency);
- speed-up of -j 2 over -j 1 on the sample (``--speedup-select`` rules, default: the default set),
  by wall clock, meaningful on an otherwise idle machine only;
- peak memory linting a ``--big-mb`` JSONL file: RSS of the largest process, and RSS and PSS of the
  whole process tree (RSS counts pages a forked parent shares with its workers once per process;
  PSS splits them among the sharers, so tree PSS is the real footprint, tree RSS an upper bound); with
  -j 2 and ``--big-select`` rules (default: the default set); the file repeats DATA's corpus
  under fresh ids, which is quick to make and as hard to lint;
- where the whole command's CPU goes (``--overhead-mb`` sample, -j 1): start-up, tables rules load
  on first use, per-document rules, corpus summaries, the corpus pass, and the rest (reading, JSON,
  spill, output), against the same work done in-process;
- the ten slowest rules of the default set, MB/s each, for whoever wants to speed them up.
``--only typo`` times the typo rules and codespell alone (``--runs`` each, alternating; medians and
their ratio); ``--only big`` measures the peak memory alone (give ``--big-mb 100,300,1000`` to see the slope with
corpus size); ``--only speedup`` the -j 2 speed-up alone; ``--only overhead`` the CPU split alone.
Prints a Markdown report; writes nothing outside DATA.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def ensure(module, *packages):
    if importlib.util.find_spec(module) is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *packages], check=True)


def timed(cmd, **kw):
    """(cpu seconds of the process tree, wall seconds, peak RSS MB of the largest process, peak tree RSS MB,
    peak tree PSS MB). Tree figures are sampled every half second. RSS counts a page shared by a forked
    parent and its workers (copy-on-write tables, memory-mapped indexes) once per process; PSS divides it
    among the processes sharing it, so the tree's PSS is what the run really holds."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    peak = {"rss": 0, "pss": 0}
    threading.Thread(target=_watch_tree, args=(proc, peak), daemon=True).start()
    _, _, usage = os.wait4(proc.pid, 0)  # this child and its workers only (not earlier children)
    proc.returncode = 0
    wall = time.perf_counter() - t
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, peak["rss"] / 1024, peak["pss"] / 1024


def _watch_tree(proc, peak):
    while os.path.exists(f"/proc/{proc.pid}/status") and proc.returncode is None:
        rss, pss = _tree_memory_kb(proc.pid)
        peak["rss"], peak["pss"] = max(peak["rss"], rss), max(peak["pss"], pss)
        time.sleep(0.5)


def _tree_memory_kb(pid) -> tuple[int, int]:
    """(RSS, PSS) in kB summed over ``pid`` and its descendants."""
    children = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
                children.setdefault(int(stat[1]), []).append(int(d))
            except OSError:
                pass
    rss = pss = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            for line in open(f"/proc/{p}/smaps_rollup"):
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
        except OSError:
            pass
    return rss, pss


def sample(data: Path, mb: float):
    out = data / f"sample-{mb:g}mb"
    jsonl, files = out / "corpus.jsonl", out / "files"
    if not jsonl.exists():
        files.mkdir(parents=True, exist_ok=True)
        size = 0
        with open(data / "corpus.jsonl", encoding="utf-8") as src, open(jsonl, "w", encoding="utf-8") as dst:
            for line in src:
                rec = json.loads(line)
                dst.write(line)
                (files / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
                size += len(line.encode())
                if size >= mb * 1e6:
                    break
    texts = [json.loads(line)["text"] for line in open(jsonl, encoding="utf-8")]
    return jsonl, files, texts, sum(len(t.encode()) for t in texts) / 1e6


def seedlint(*args):
    return [sys.executable, "-m", "lint", "--isolated", "--no-cache", "--no-progress", "--output-format", "jsonl",
            "-o", os.devnull, *args]


def c4_cpu(texts) -> float:
    ensure("datatrove", "datatrove", "spacy")
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    f = C4QualityFilter()
    f.filter(Document(text=texts[0], id="warm-up"))  # loads the tokenizer
    t = time.process_time()
    for i, text in enumerate(texts):
        f.filter(Document(text=text, id=str(i)))
    return time.process_time() - t


def rule_profile(texts, top=10):
    sys.path.insert(0, str(ROOT))
    from lint.document import Document
    from lint.engine import select_rules
    from lint.rules import load_rules

    rules = select_rules(load_rules())
    mb = sum(len(t.encode()) for t in texts) / 1e6
    cost = {}
    for r in rules:
        docs = [Document(t) for t in texts]
        t = time.process_time()
        for d in docs:
            list(r.check(d))
        cost[r.id] = time.process_time() - t
    return mb, sorted(cost.items(), key=lambda kv: -kv[1])[:top]


def make_big(data: Path, mb: float) -> Path:
    big = data / f"big-{mb:g}mb.jsonl"
    if not big.exists():
        lines = (data / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
        size, copy = 0, 0
        with open(big, "w", encoding="utf-8") as fh:
            while size < mb * 1e6:
                for line in lines:
                    rec = json.loads(line)
                    rec["id"] = f"{rec['id']}-{copy}"
                    out = json.dumps(rec, ensure_ascii=False) + "\n"
                    fh.write(out)
                    size += len(out.encode())
                    if size >= mb * 1e6:
                        break
                copy += 1
    return big


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("--mb", type=float, default=20)
    ap.add_argument("--big-mb", default="1000", help="MB of the big JSONL file; a comma-separated list for several")
    ap.add_argument("--only", choices=("big", "speedup", "overhead", "typo"))
    ap.add_argument("--overhead-mb", type=float, default=3, help="MB of the sample for the overhead split")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the big-file run")
    ap.add_argument("--big-select", default="")
    ap.add_argument("--big-ignore", default="", help="rules to leave out of the big-file run")
    ap.add_argument("--speedup-select", default="")
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--runs", type=int, default=1, help="runs of each speed-up command (the median counts)")
    a = ap.parse_args()
    data = Path(a.data)
    if not (data / "corpus.jsonl").exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(data), "--mb", "60",
                        "--files", "0"], check=True)
    if a.only == "big":
        return big_runs(data, a)
    jsonl, files, texts, mb = sample(data, a.mb)
    print(f"# seedlint corpus benchmark\n\nsample: {len(texts)} articles, {mb:.1f} MB of text "
          f"({jsonl}); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    if a.only == "speedup":
        return speedup(jsonl, a, a.runs)
    if a.only == "overhead":
        return overhead(data, a.overhead_mb)
    if a.only == "typo":
        return typo_vs_codespell(jsonl, files, mb, a.runs)
    print("| what | CPU s | MB/s per core | wall s |\n|---|---|---|---|")
    rate = {}
    for name, sel in (("seedlint default rules", []), ("seedlint artefact rules", ["--select", "artefact"]),
                      ("seedlint typo rules", ["--select", "typo"])):
        cpu, wall, *_ = timed(seedlint("-j", "1", *sel, str(jsonl)), cwd=ROOT)
        rate[name] = mb / cpu
        print(f"| {name} | {cpu:.1f} | {rate[name]:.2f} | {wall:.1f} |", flush=True)
    ensure("codespell_lib", "codespell")
    cpu, wall, *_ = timed([sys.executable, "-m", "codespell_lib", str(files)])
    rate["codespell"] = mb / cpu
    print(f"| codespell (files) | {cpu:.1f} | {rate['codespell']:.2f} | {wall:.1f} |", flush=True)
    cpu = c4_cpu(texts)
    rate["c4"] = mb / cpu
    print(f"| datatrove C4QualityFilter | {cpu:.1f} | {rate['c4']:.2f} | - |", flush=True)
    print(f"\nratios: typo rules / codespell = {rate['seedlint typo rules'] / rate['codespell']:.2f}; "
          f"artefact rules / C4 filter = {rate['seedlint artefact rules'] / rate['c4']:.1f}; "
          f"default rules = {rate['seedlint default rules']:.2f} MB/s per core (aim 10)")

    speedup(jsonl, a, a.runs)
    overhead(data, a.overhead_mb)
    if not a.skip_big:
        big_runs(data, a)

    pmb, slow = rule_profile(texts[:300])
    print(f"\nslowest rules of the default set (on {pmb:.1f} MB, check() only, MB/s):")
    for rid, sec in slow:
        print(f"  {rid:6} {pmb / sec:8.1f}")


def typo_vs_codespell(jsonl, files, mb, runs):
    """The typo rules' whole command and codespell's, run in turn ``runs`` times (so load swings hit
    both alike); CPU seconds each, the medians' ratio of MB/s."""
    import statistics

    ensure("codespell_lib", "codespell")
    typo, spell = [], []
    for _ in range(runs):
        typo.append(timed(seedlint("-j", "1", "--select", "typo", str(jsonl)), cwd=ROOT)[0])
        spell.append(timed([sys.executable, "-m", "codespell_lib", str(files)])[0])
    t, c = statistics.median(typo), statistics.median(spell)
    print(f"typo rules CPU s {' '.join(f'{x:.2f}' for x in typo)} (median {t:.2f}, {mb / t:.2f} MB/s); codespell "
          f"{' '.join(f'{x:.2f}' for x in spell)} (median {c:.2f}, {mb / c:.2f} MB/s); ratio {c / t:.2f}; "
          f"load average {os.getloadavg()[0]:.1f}")


def overhead(data: Path, mb: float, runs=3):
    """Where the whole command's CPU goes besides the rules: ``seedlint -j 1`` on a small sample
    against the same work done in-process (parse + per-document rules, corpus summaries, the
    corpus pass), the start-up (the command on an empty corpus) and the tables rules load on
    first use (this process's first in-process run less the later ones). Medians of ``runs``."""
    import statistics

    sys.path.insert(0, str(ROOT))
    from lint.config import Settings
    from lint.engine import corpus_pass, lint_text, select_rules, summarize
    from lint.rules import load_rules

    jsonl, _, texts, size = sample(data, mb)
    empty = data / "empty.jsonl"
    empty.write_text("")
    command = statistics.median(timed(seedlint("-j", "1", str(jsonl)), cwd=ROOT)[0] for _ in range(runs))
    start = statistics.median(timed(seedlint("-j", "1", str(empty)), cwd=ROOT)[0] for _ in range(runs))
    rules, settings = select_rules(load_rules()), Settings()
    phases = {"rules": [], "summaries": [], "corpus pass": []}
    for _ in range(runs + 1):  # the first run also loads the tables
        check = summ = 0.0
        items: dict = {}
        for i, text in enumerate(texts):
            t = time.process_time()
            doc, _ = lint_text(text, rules, path="x", record=str(i), settings=settings)
            u = time.process_time()
            for rid, s in summarize(doc, rules).items():
                items.setdefault(rid, []).append(("x", str(i), s))
            check, summ = check + u - t, summ + time.process_time() - u
        t = time.process_time()
        corpus_pass(items, rules)
        phases["rules"].append(check)
        phases["summaries"].append(summ)
        phases["corpus pass"].append(time.process_time() - t)
    inside = {k: statistics.median(v[1:]) for k, v in phases.items()}
    tables = sum(v[0] for v in phases.values()) - sum(inside.values())
    rest = command - start - tables - sum(inside.values())
    print(f"\nwhole command vs in-process work, {size:.1f} MB, -j 1, default rules (CPU s, median of {runs}; "
          f"load average {os.getloadavg()[0]:.1f}): command {command:.2f} = start-up {start:.2f} + tables loaded "
          f"on first use {tables:.2f} + " + " + ".join(f"{k} {v:.2f}" for k, v in inside.items())
          + f" + the rest (reading, JSON, spill, output) {rest:.2f} ({100 * rest / command:.0f}%)", flush=True)


# The seedlint command with the parent's CPU time and its workers' (RUSAGE_CHILDREN) read at the
# boundaries of the run's phases, written as JSON to $SEEDLINT_BENCH_PHASES at exit.
_PHASE_DRIVER = r"""
import atexit, json, os, resource, sys, time
from lint import cli, runner

marks = {"warm_up": 0.0}

def now():
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), c.ru_utime + c.ru_stime

def mark(name):
    marks[name] = now()
    marks["parent_mb_" + name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # peak so far

warm_up, run, finish = runner.warm_up, runner.Runner.run, runner.Runner.finish

def timed_warm_up(*a, **k):
    t = time.process_time()
    warm_up(*a, **k)
    marks["warm_up"] += time.process_time() - t

def timed_run(self, paths):
    mark("run")
    yield from run(self, paths)
    mark("run_end")

def timed_finish(self):
    mark("finish")
    try:
        return finish(self)
    finally:
        mark("finish_end")

runner.warm_up, runner.Runner.run, runner.Runner.finish = timed_warm_up, timed_run, timed_finish
atexit.register(lambda: (mark("exit"), json.dump(marks, open(os.environ["SEEDLINT_BENCH_PHASES"], "w"))))
sys.argv[0] = "seedlint"
sys.exit(cli.main())
"""


def phases(args, cwd):
    """`timed` for ``seedlint ARGS`` plus the CPU seconds of its phases: ``pre`` (start-up, warm-up
    before forking), ``during`` (the parent while workers lint: reading, spill, output), ``workers``,
    ``pass`` and ``pass_workers`` (the corpus pass in the parent and in processes it forks),
    ``post`` (between and after: output)."""
    import tempfile

    cmd = seedlint(*args)
    with tempfile.NamedTemporaryFile(suffix=".json") as fh:
        env = dict(os.environ, SEEDLINT_BENCH_PHASES=fh.name)
        cpu, wall, *mem = timed([cmd[0], "-c", _PHASE_DRIVER, *cmd[3:]], cwd=cwd, env=env)
        m = json.load(open(fh.name))
    (r, rc), (e, ec), (f, fc), (fe, fec), (x, _) = (m[k] for k in ("run", "run_end", "finish", "finish_end", "exit"))
    split = {"pre": r + m["warm_up"], "during": e - r - m["warm_up"], "workers": ec - rc + (fc - ec),
             "pass": fe - f, "pass_workers": fec - fc, "post": (f - e) + (x - fe)}
    return cpu, wall, (*mem, m["parent_mb_finish"], m["parent_mb_exit"]), split


def estimate(cpu1, split, cores):
    """Wall seconds of the two runs on an idle machine with ``cores`` cores, from CPU time alone:
    -j 1 takes its CPU time; -j N takes its serial parts, plus the workers' CPU shared over the
    cores with the parent's concurrent work (or that work alone, if it is the longer), plus the
    corpus pass's forked part over the cores. Load-independent as far as CPU time is: it ignores
    a last shard finishing alone (shards shrink towards the end for that) and start-up waits."""
    s = split
    serial = s["pre"] + s["pass"] + s["post"]
    parallel = max((s["workers"] + s["during"]) / cores, s["during"]) + s["pass_workers"] / cores
    return cpu1, serial + parallel, serial


def speedup(jsonl, a, runs=1):

    sel = ["--select", a.speedup_select] if a.speedup_select else []
    load = os.getloadavg()[0]
    one, two = [], []
    for _ in range(runs):
        one.append(phases(["-j", "1", *sel, str(jsonl)], ROOT))
        two.append(phases(["-j", "2", *sel, str(jsonl)], ROOT))
    pick = lambda rs: sorted(rs, key=lambda r: r[0])[len(rs) // 2]  # the median run by CPU time
    (c1, w1, _, s1), (c2, w2, (rss, tree, pss, *_), s2) = pick(one), pick(two)
    wall1, wall2, serial = estimate(c1, s2, 2)
    print(f"\nspeed-up -j 2 over -j 1 ({a.speedup_select or 'default'} rules, {runs} run(s) each, median by CPU): "
          f"wall {w1:.1f} s / {w2:.1f} s = {w1 / w2:.2f}x (meaningful on an idle machine only; load average "
          f"{load:.1f} before, {os.getloadavg()[0]:.1f} after)")
    print(f"CPU {c1:.1f} s vs {c2:.1f} s (parallel overhead {100 * (c2 / c1 - 1):+.0f}%); -j 2 split, CPU s: "
          + ", ".join(f"{k} {v:.2f}" for k, v in s2.items()))
    print(f"estimate from CPU time (idle 2-core machine): {wall1:.1f} s / {wall2:.1f} s = {wall1 / wall2:.2f}x; "
          f"serial CPU (pre + pass + post) {serial:.2f} s = serial fraction {serial / c1:.3f} of the -j 1 CPU "
          f"(Amdahl bound on 2 cores {1 / (serial / c1 + (1 - serial / c1) / 2):.2f}x)")
    print("-j 1 split, CPU s: " + ", ".join(f"{k} {v:.2f}" for k, v in s1.items()))
    print(f"-j 2 peak RSS {rss:.0f} MB (largest process), {tree:.0f} MB (tree RSS), {pss:.0f} MB (tree PSS)")


def big_runs(data, a):
    sel = (["--select", a.big_select] if a.big_select else []) + (["--ignore", a.big_ignore] if a.big_ignore else [])
    for mb in (float(x) for x in str(a.big_mb).split(",")):
        big = make_big(data, mb)
        size = big.stat().st_size / 1e6
        load = os.getloadavg()[0]
        cpu, wall, (biggest, tree, pss, parent, parent_end), split = phases(["-j", str(a.jobs), *sel, str(big)], ROOT)
        but = f" but {a.big_ignore}" if a.big_ignore else ""
        print(f"\n{size:.0f} MB JSONL, -j {a.jobs}, {a.big_select or 'default'} rules{but}: peak RSS {biggest:.0f} MB "
              f"(largest process), {tree:.0f} MB RSS and {pss:.0f} MB PSS (whole tree, sampled), parent's peak RSS "
              f"{parent:.0f} MB before the corpus pass, {parent_end:.0f} MB at exit; {cpu:.0f} CPU s, "
              f"{wall:.0f} s wall; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after; CPU s by phase: "
              + ", ".join(f"{k} {v:.2f}" for k, v in split.items()), flush=True)


if __name__ == "__main__":
    main()
