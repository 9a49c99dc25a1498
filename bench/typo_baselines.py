#!/usr/bin/env python3
"""Baseline typo checkers as linters for score_injected.py: print JSON findings for a folder.

    typo_baselines.py codespell --output-format json FOLDER
    typo_baselines.py pyspellchecker --output-format json FOLDER   # capitalised tokens skipped

codespell runs with its defaults (dictionaries clear,rare); pyspellchecker judges every
lower-case word token (capitalised ones are skipped, as a fair reading of names).
"""

import json
import re
import subprocess
import sys
from pathlib import Path

_CODESPELL = re.compile(r"^(.*?):(\d+): (\S+) ==> ")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")


def codespell(folder: Path) -> list:
    out = subprocess.run(["codespell", str(folder)], capture_output=True, text=True).stdout
    findings = []
    lines_of = {}
    for row in out.splitlines():
        m = _CODESPELL.match(row)
        if not m:
            continue
        path, line, word = m.group(1), int(m.group(2)), m.group(3)
        if path not in lines_of:
            lines_of[path] = Path(path).read_text(encoding="utf-8").split("\n")
        text = lines_of[path][line - 1]
        w = re.search(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", text)
        col = w.start() + 1 if w else None
        f = {"path": path, "line": line, "category": "typo", "rule": "codespell"}
        if col:
            f.update(column=col, end_line=line, end_column=col + len(word))
        findings.append(f)
    return findings


def pyspellchecker(folder: Path) -> list:
    from spellchecker import SpellChecker

    sc = SpellChecker()
    findings = []
    for path in sorted(folder.glob("*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for m in _TOKEN.finditer(line):
                word = m.group().replace("’", "'")
                if word.islower() and sc.unknown([word]):
                    findings.append({"path": str(path), "line": n, "column": m.start() + 1, "end_line": n,
                                     "end_column": m.end() + 1, "category": "typo", "rule": "pyspellchecker"})
    return findings


def main():
    tool, folder = sys.argv[1], Path(sys.argv[-1])
    print(json.dumps({"codespell": codespell, "pyspellchecker": pyspellchecker}[tool](folder)))


if __name__ == "__main__":
    main()
