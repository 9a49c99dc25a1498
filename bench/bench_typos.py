#!/usr/bin/env python3
"""Typo detection: seedlint beside codespell and pyspellchecker, through the same scorer.

    python3 bench/bench_typos.py /path/to/eval/typos [--scorer /path/to/score_injected.py] [--out DIR]

Quality: every tool runs through ``score_injected.py`` (docs/ and controls/): recall overall
and on non-word items, precision, false alarms per 10,000 words of the untouched controls.
seedlint runs twice: its typo rules as shipped (T101 with codespell's list, T102, T104) and
with every codespell-derived list switched off (T101 replaced by a copy with
``misspelling_lists: []``). Real-word items are reported separately.

Speed: the typo pass alone (every typo rule's ``check`` on pre-read texts, one core, CPU time, the
vocabulary already loaded; first pass with empty caches, then a second pass), vocabulary load
time, and codespell on the same files (CPU time of the child process, start-up included).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
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


def speed(folder: Path) -> dict:
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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    subprocess.run(["codespell", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"corpus_mb": round(mb, 2), "vocabulary_load_s": round(load_s, 3),
            "seedlint_typo_pass_mb_s_cold": round(passes[0], 2),
            "seedlint_typo_pass_mb_s_warm": round(passes[1], 2),
            "codespell_mb_s_cpu": round(mb / cpu, 2), "codespell_mb_s_wall": round(mb / wall, 2)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("suite", type=Path, help="the typos suite folder (docs/, controls/, labels.jsonl)")
    ap.add_argument("--scorer", type=Path, help="score_injected.py (default: beside the suite folder)")
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "bench_typos")
    ap.add_argument("--skip-quality", action="store_true")
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
    sp = speed(args.suite / "controls")
    print(json.dumps(sp, indent=1))
    (args.out / "summary.json").write_text(json.dumps({"quality": rows, "speed": sp}, indent=1) + "\n")


if __name__ == "__main__":
    main()
