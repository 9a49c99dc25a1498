"""Known-misspelling lists, read from packages installed beside seedlint (nothing is bundled):
``codespell`` is codespell's ``dictionary.txt`` (misspellings collected from Wikipedia's lists
and real fixes, CC BY-SA 3.0). A hit is reported without the frequency test, because the
list's entries were checked by people; the list only adds precision-safe hits and a
suggestion, the dictionary detector does not depend on it."""

from __future__ import annotations

import bisect
import importlib.util
from functools import lru_cache
from pathlib import Path

from .vocabulary import cached


class Table:
    """One list as sorted misspellings and their corrections: two strings in the cache file,
    split on load (a dict of 60,000 entries takes several times longer to load)."""

    def __init__(self, wrong: str = "", right: str = ""):
        self.wrong = wrong.split("\n") if wrong else []
        self.right = right.split("\n") if right else []
        self._listed = None

    def listed(self) -> frozenset:
        if self._listed is None:
            self._listed = frozenset(self.wrong)
        return self._listed

    def get(self, word: str):
        if word not in (self._listed or self.listed()):  # most words are not: a set says so fastest
            return None
        i = bisect.bisect_left(self.wrong, word)
        if i < len(self.wrong) and self.wrong[i] == word:
            return self.right[i].split(",")
        return None


class Lists:
    """The named lists merged: ``get(word)`` -> [corrections] or None."""

    def __init__(self, tables: list[Table]):
        self.tables = tables

    def get(self, word: str):
        for table in self.tables:
            found = table.get(word)
            if found is not None:
                return found
        return None

    def listed(self) -> frozenset:
        """Every misspelling of the lists."""
        if len(self.tables) == 1:
            return self.tables[0].listed()
        return frozenset().union(*(t.listed() for t in self.tables))


@lru_cache(maxsize=8)
def load(names: tuple[str, ...]) -> Lists:
    """The named lists; a list whose package is absent is skipped."""
    return Lists([_codespell() for name in names if name == "codespell"])


def _codespell() -> Table:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.origin:
        return Table()
    path = Path(spec.origin).parent / "data" / "dictionary.txt"
    try:
        return Table(*cached("codespell", path, lambda: _parse(path)))
    except OSError:
        return Table()


def _parse(path: Path) -> tuple[str, str]:
    out = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    for line in lines:
        wrong, _, right = line.partition("->")
        wrong = wrong.strip()
        fixes = [w.strip() for w in right.split(",") if w.strip()]
        if wrong.isalpha() and wrong.islower() and fixes:
            out[wrong] = ",".join(fixes)
    keys = sorted(out)
    return "\n".join(keys), "\n".join(out[k] for k in keys)
