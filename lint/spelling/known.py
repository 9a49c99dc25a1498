"""Known-misspelling lists, read from packages installed beside seedlint (nothing is bundled):
``codespell`` is codespell's ``dictionary.txt`` (misspellings collected from Wikipedia's lists
and real fixes, CC BY-SA 3.0). A hit is reported without the frequency test, because the
list's entries were checked by people; the list only adds precision-safe hits and a
suggestion, the dictionary detector does not depend on it."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=8)
def load(names: tuple[str, ...]) -> dict:
    """misspelling -> [corrections] for the named lists; lists whose package is absent are skipped."""
    out: dict[str, list[str]] = {}
    for name in names:
        if name == "codespell":
            out.update(_codespell())
    return out


def _codespell() -> dict:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.origin:
        return {}
    path = Path(spec.origin).parent / "data" / "dictionary.txt"
    out = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    for line in lines:
        wrong, _, right = line.partition("->")
        wrong = wrong.strip()
        fixes = [w.strip() for w in right.split(",") if w.strip()]
        if wrong.isalpha() and wrong.islower() and fixes:
            out[wrong] = fixes
    return out
