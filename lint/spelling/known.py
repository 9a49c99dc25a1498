"""Known-misspelling lists, read from packages installed beside seedlint (nothing is bundled):
``codespell`` is codespell's ``dictionary.txt`` (misspellings collected from Wikipedia's lists
and real fixes, CC BY-SA 3.0). A hit is reported without the frequency test, because the
list's entries were checked by people; the list only adds precision-safe hits and a
suggestion, the dictionary detector does not depend on it."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .packed import Packed, pack
from .vocabulary import cached


class Table:
    """One list as packed misspellings (`lint.spelling.packed`, looked up by hash) and their
    corrections at the same positions: a few large objects, quick to load, which forked
    workers share without touching."""

    def __init__(self, wrong: tuple | None = None, right: tuple | None = None):
        self.wrong = Packed(*(wrong or pack([])))
        self.right = Packed(*(right or pack([], hashed=False)))

    def get(self, word: str):
        i = self.wrong.find(word)
        return self.right[i].split(",") if i >= 0 else None


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


@lru_cache(maxsize=8)
def load(names: tuple[str, ...]) -> Lists:
    """The named lists; a list whose package is absent is skipped."""
    return Lists([_codespell() for name in names if name == "codespell"])


def signature(names: tuple[str, ...]) -> str:
    """What the named lists depend on (each list file's size and time), for the caches of
    tables derived from them: they are rebuilt when a package holding a list changes."""
    tags = []
    for name in names:
        path = _codespell_path() if name == "codespell" else None
        try:
            st = path.stat() if path else None
        except OSError:
            st = None
        tags.append(f"{name}-{st.st_size}-{int(st.st_mtime)}" if st else f"{name}-absent")
    return ".".join(tags)


def _codespell_path() -> Path | None:
    spec = importlib.util.find_spec("codespell_lib")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "data" / "dictionary.txt"


def _codespell() -> Table:
    path = _codespell_path()
    if path is None:
        return Table()
    try:
        return Table(*cached("misspellings", path, lambda: _packed(*cached("codespell", path, lambda: _parse(path)))))
    except OSError:
        return Table()


def _packed(wrong: str, right: str):
    return pack(wrong.split("\n")), pack(right.split("\n"), hashed=False)


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
