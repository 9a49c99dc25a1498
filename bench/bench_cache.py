#!/usr/bin/env python3
"""How long a cached rerun of seedlint on an unchanged folder of ~10,000 files takes.

    python3 bench/bench_cache.py DATA [--mb 45] [--runs 3] [--cache-dir DIR]

Makes ``DATA/files`` with `bench/make_corpus.py` unless it is there (about 223 articles per MB:
``--mb 45`` gives 10,059 files), lints it once to fill the cache (the "cold" row), then reruns
``seedlint DATA/files`` (this checkout's, as ``python -m lint``) and reports the median of
``--runs`` wall and CPU (user+sys of the child) times: the default rules with the text report
and with ``--output-format json`` (both written in full, to /dev/null), the artefact rules only,
and a small folder (``seeds/``) after the big one (it must read little of the cache). The rows
that need another rule set fill their own cache first. Compare CPU times on a busy machine;
the load average is printed. Then the size of the default rules' cache folder, per kind of
shard (see `lint.cache`), in MB per 10,000 files.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(args, cache_dir) -> tuple[float, float, int]:
    """(wall, cpu) seconds of one ``python -m lint`` run, and its exit status."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "SEEDLINT_NO_CACHE")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    with open(os.devnull, "w") as out:
        rc = subprocess.run([sys.executable, "-m", "lint", "--isolated", "--no-progress", "--cache-dir", cache_dir,
                             *args], cwd=ROOT, env=env, stdout=out).returncode
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, rc


def _median(args, cache_dir, runs):
    times = [_run(args, cache_dir) for _ in range(runs)]
    if any(rc not in (0, 1) for *_, rc in times):
        sys.exit(f"seedlint failed: {args}")
    return statistics.median(w for w, _, _ in times), statistics.median(c for _, c, _ in times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data")
    ap.add_argument("--mb", type=float, default=45)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--cache-dir", help="default DATA/cache")
    a = ap.parse_args()
    data = Path(a.data).resolve()
    files = data / "files"
    if not files.is_dir() or not any(files.iterdir()):
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(data), "--mb", str(a.mb)],
                       check=True)
    cache_dir = str(Path(a.cache_dir).resolve() if a.cache_dir else data / "cache")
    n = sum(1 for _ in files.iterdir())
    mb = sum(p.stat().st_size for p in files.iterdir()) / 1e6
    # byte-compiled modules, as an installed seedlint has them (some shells disable writing them)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lint")], check=True)

    rows = []
    folder = [str(files)]
    cold = _run(folder, cache_dir)  # fills the cache (or finds it full from an earlier run)
    rows.append(("default rules, first run (fills the cache)", cold[0], cold[1]))
    rows.append(("default rules, text report", *_median(folder, cache_dir, a.runs)))
    rows.append(("default rules, `--output-format json`", *_median(["--output-format", "json", *folder], cache_dir,
                                                                   a.runs)))
    artefact = ["--select", "artefact", *folder]
    _run(artefact, cache_dir)
    rows.append(("artefact rules only, text report", *_median(artefact, cache_dir, a.runs)))
    seeds = [str(ROOT / "seeds")]
    _run(seeds, cache_dir)
    rows.append(("`seeds/` (5 files) after the big folder", *_median(seeds, cache_dir, a.runs)))

    print(f"{n} files, {mb:.1f} MB in {files}; cache in {cache_dir}; median of {a.runs} reruns; "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| run | wall s | CPU s |\n|---|---:|---:|")
    for name, wall, cpu in rows:
        print(f"| {name} | {wall:.2f} | {cpu:.2f} |")
    print(f"\ncache of the default rules, MB per 10,000 files: {_sizes(cache_dir, folder, n)}")
    return 0


def _sizes(cache_dir, folder, n) -> str:
    """The size of the cache folder the default rules' run used, by kind of shard (the first
    letter of its files' names), per 10,000 files."""
    sys.path.insert(0, str(ROOT))
    from lint.cache import USED

    _run(folder, cache_dir)  # the default rules' folder is now the one used last
    used = max((p for p in Path(cache_dir).iterdir() if p.is_dir()), key=lambda p: (p / USED).stat().st_mtime
               if (p / USED).exists() else 0)
    kinds: dict = {}
    for p in used.iterdir():
        kinds[p.name[0]] = kinds.get(p.name[0], 0) + p.stat().st_size
    scale = 1e4 / n / 1e6
    parts = ", ".join(f"{k} {v * scale:.1f}" for k, v in sorted(kinds.items()) if v * scale >= 0.05)
    return f"{sum(kinds.values()) * scale:.1f} ({parts})"


if __name__ == "__main__":
    sys.exit(main())
