"""The incremental cache for folders of files (ruff's ``.ruff_cache`` idea).

An entry maps a file's content (BLAKE2 of its bytes, its suffix and the rules that apply to it)
to its findings, notices and corpus summaries. Entries live in one pickle per *fingerprint*:
seedlint's version, the selected rules' YAML, the settings and the size and mtime of every
module and data file of the package, so editing a rule, a setting or the code starts afresh.
Re-running on an unchanged folder reads and hashes each file and looks it up: no parsing.

Only plain files are cached; stdin and corpus files are always linted.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__

MAX_ENTRIES = 200_000  # beyond this, only the entries of the latest run are kept


def fingerprint(rules, settings) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    for r in rules:
        h.update(f"{r.id}\0{r.source}\0".encode())
        try:
            h.update(Path(r.source).read_bytes())
        except OSError:
            pass
    skip = {"jobs", "output_format", "fail_level", "source"}
    h.update(repr(sorted((k, repr(v)) for k, v in vars(settings).items() if k not in skip)).encode())
    package = Path(__file__).resolve().parent
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.stat(os.path.join(root, name))
            h.update(f"{root}/{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, folder: str, rules, settings):
        self.folder = Path(folder)
        self.file = self.folder / f"{fingerprint(rules, settings)}.pickle"
        self.entries: dict = {}
        self.used: set = set()
        self.hits = self.misses = 0
        gc.disable()  # unpickling many small objects: the collector would triple the time
        try:
            with open(self.file, "rb") as fh:
                self.entries = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.entries = {}
        finally:
            gc.enable()

    @staticmethod
    def key(name: str, raw: bytes, rule_ids=()) -> bytes:
        h = hashlib.blake2b(raw, digest_size=20)
        h.update(f"\0{os.path.splitext(name)[1].lower()}\0{','.join(rule_ids)}".encode())
        return h.digest()

    def get(self, key, name):
        """The cached `Result` for ``key``, renamed to ``name``, or None."""
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        self.used.add(key)
        result = entry
        if result.path != name:
            result = dataclasses.replace(
                result, path=name, findings=[dataclasses.replace(f, path=name) for f in result.findings],
                notices=[n.replace(result.path, name, 1) for n in result.notices])
        return result

    def put(self, key, result):
        if result.error is None:  # read errors are about the moment, not the content
            self.entries[key] = result
            self.used.add(key)

    def save(self):
        if not self.misses:
            return  # nothing new
        entries = self.entries if len(self.entries) <= MAX_ENTRIES else {k: self.entries[k] for k in self.used}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by seedlint\n*\n")
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.file)
        except OSError:
            pass  # a read-only tree just runs uncached
