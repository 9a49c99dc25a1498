#!/usr/bin/env python3
"""Typo detection: seedlint beside codespell and pyspellchecker, through the same scorer.

    python3 bench/bench_typos.py /path/to/eval/typos [--scorer /path/to/score_injected.py] [--out DIR]
    python3 bench/bench_typos.py /path/to/eval/typos --skip-quality --speed-on corpus.jsonl

Quality: every tool runs through ``score_injected.py`` (docs/ and controls/): recall overall
and on non-word items, precision, false alarms per 10,000 words of the untouched controls.
seedlint runs twice: its typo rules as shipped (T101 with codespell's list, T102, T104) and
with every codespell-derived list switched off (T101 replaced by a copy with
``misspelling_lists: []``). Real-word items are reported separately.

Speed: the typo pass alone (every typo rule's ``check`` on pre-read texts, one core, CPU time, the
vocabulary already loaded; a first pass with empty caches, then a second pass), vocabulary load
time, and codespell on the same files (CPU time of the child process, start-up included); each
measured in 3 fresh processes, medians reported with the load average. The speed corpus is the
suite's controls/ (real article text), or ``--speed-on`` a folder of .txt files or a JSONL file
with a ``text`` field (written out as .txt files for codespell).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent


def score(suite: Path, scorer: Path, cmd: str, name: str, out: Path) -> dict:
    res = out / f"{name}.json"
    subprocess.run([sys.executable, str(scorer), str(suite), "--cmd", cmd, "--name", name,
                    "--json", str(res)], check=True, stdout=subprocess.DEVNULL)
    return json.loads(res.read_text())["result"]


def no_lists_rules(tmp: Path) -> Path:
    """A copy of T101 as T191 with every known-misspelling list off."""
    text = (ROOT / "rules/typo/T101-misspelling.yaml").read_text(encoding="utf-8")
    text = text.replace("id: T101", "id: T191").replace("name: misspelling", "name: misspelling-no-lists")
    lines = [ln for ln in text.splitlines() if not ln.startswith("misspelling_lists:")]
    (tmp / "T191.yaml").write_text("\n".join(lines + ["misspelling_lists: []"]) + "\n", encoding="utf-8")
    return tmp


def speed_worker(folder: Path) -> dict:
    """One process: load time, first and second pass of the typo rules, MB/s of CPU time."""
    sys.path.insert(0, str(ROOT))
    from lint.document import Document
    from lint.rules import load_rules
    from lint.spelling import vocabulary

    rules = [r for r in load_rules() if r.category == "typo"]
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    t = time.process_time()
    vocabulary.load()
    load_s = time.process_time() - t
    passes = []
    for _ in range(2):
        t = time.process_time()
        for text in texts:
            doc = Document(text)
            doc.settings = None
            for rule in rules:
                list(rule.check(doc))
        passes.append(mb / (time.process_time() - t))
    return {"corpus_mb": round(mb, 2), "load_s": load_s, "cold": passes[0], "warm": passes[1]}


def speed(folder: Path, runs: int = 3) -> dict:
    from statistics import median

    rows = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--speed-worker", str(folder)],
                             check=True, capture_output=True, text=True).stdout
        rows.append(json.loads(out))
    cpus = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(["codespell", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    mb = rows[0]["corpus_mb"]
    return {"corpus": str(folder), "corpus_mb": mb, "runs": runs,
            "vocabulary_load_s": round(median(r["load_s"] for r in rows), 3),
            "seedlint_typo_pass_mb_s_cold": round(median(r["cold"] for r in rows), 2),
            "seedlint_typo_pass_mb_s_warm": round(median(r["warm"] for r in rows), 2),
            "codespell_mb_s_cpu": round(mb / median(cpus), 2),
            "load_average": os.getloadavg()}


def as_folder(path: Path) -> Path:
    """A folder of .txt files: the path itself, or a JSONL file's texts written out."""
    if path.is_dir():
        return path
    out = Path(tempfile.mkdtemp(prefix="bench_typos_"))
    with path.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            (out / f"{i:06d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", type=Path, help="the typos suite folder (docs/, controls/, labels.jsonl)")
    ap.add_argument("--scorer", type=Path, help="score_injected.py (default: beside the suite folder)")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bench_typos")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--speed-on", type=Path, help="speed corpus: .txt folder or JSONL (default: controls/)")
    args = ap.parse_args()
    scorer = args.scorer or args.suite.resolve().parent / "score_injected.py"
    args.out.mkdir(parents=True, exist_ok=True)
    adapter = f"{shlex.quote(sys.executable)} {shlex.quote(str(HERE / 'typo_baselines.py'))}"
    rows = {}
    if not args.skip_quality:
        tmp = no_lists_rules(Path(tempfile.mkdtemp()))
        runs = {
            "seedlint": "seedlint --no-cache --select typo",
            "seedlint-no-lists": f"seedlint --no-cache --rules {shlex.quote(str(tmp))} --select typo --ignore T101",
            "codespell": f"{adapter} codespell",
            "pyspellchecker": f"{adapter} pyspellchecker",
        }
        for name, cmd in runs.items():
            r = score(args.suite, scorer, cmd, name, args.out)
            kinds = r["by_kind"]
            rows[name] = {"recall": r["recall"], "non_word_recall": kinds["non-word"]["recall"],
                          "real_word_recall": kinds["real-word"]["recall"], "precision": r["precision"],
                          "fp_per_10k_words_controls": r["fp_per_10k_words_controls"]}
        print(f"{'tool':<20}{'recall':>8}{'non-word':>10}{'real-word':>11}{'precision':>11}{'FP/10k':>8}")
        for name, r in rows.items():
            print(f"{name:<20}{r['recall']:>8.3f}{r['non_word_recall']:>10.3f}{r['real_word_recall']:>11.3f}"
                  f"{r['precision']:>11.3f}{r['fp_per_10k_words_controls']:>8.2f}")
    folder = as_folder(args.speed_on) if args.speed_on else args.suite / "controls"
    try:
        sp = speed(folder)
    finally:
        if args.speed_on and folder != args.speed_on:
            shutil.rmtree(folder)  # the texts written out for codespell
    print(json.dumps(sp, indent=1))
    (args.out / "summary.json").write_text(json.dumps({"quality": rows, "speed": sp}, indent=1) + "\n")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--speed-worker":
        print(json.dumps(speed_worker(Path(sys.argv[2]))))
    else:
        main()
