"""The incremental cache for folders of files (ruff's ``.ruff_cache`` idea).

An entry maps a file's content (BLAKE2 of its bytes, its suffix and the rules that apply to it)
to its findings, notices and corpus summaries. Entries live in one pickle per *fingerprint*:
seedlint's version, the selected rules' YAML, the settings and the size and mtime of every
module and data file of the package, so editing a rule, a setting or the code starts afresh.
Re-running on an unchanged folder looks each file up by its size and mtime (files that changed,
or could have changed unseen, are read and hashed): no reading, no parsing.
The corpus pass is cached too, per rule, keyed by a hash of every summary it reads (in order),
so an unchanged folder does not pay for cross-document rules either.

Only plain files are cached; stdin and corpus files are always linted. Findings are stored as
plain tuples, not objects: unpickling ten thousand files' findings is most of a cached run.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import os
import pickle
import tempfile
import time
from pathlib import Path

from . import __version__
from .finding import Finding, Fix

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
        self.dirty = False
        self.started_ns = time.time_ns()
        gc.disable()  # unpickling many small objects: the collector would triple the time
        try:
            with open(self.file, "rb") as fh:
                self.entries = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.entries = {}
        finally:
            gc.enable()

    def known_key(self, path, st):
        """The content key recorded for this file when its size and mtime were the same, or None:
        an unchanged file is looked up without reading it."""
        where = ("stat", os.path.abspath(path))
        entry = self.entries.get(where)
        if entry is not None and entry[0] == st.st_size and entry[1] == st.st_mtime_ns:
            self.used.add(where)
            return entry[2]
        return None

    def remember(self, path, st, key):
        # a file written in the second before this run started could change again within the
        # same mtime tick and keep its stat: such files are hashed every time, never trusted
        if st.st_mtime_ns < self.started_ns - 2_000_000_000:
            where = ("stat", os.path.abspath(path))
            self.entries[where] = (st.st_size, st.st_mtime_ns, key)
            self.used.add(where)
            self.dirty = True

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
        return _unpack(entry, name)

    def put(self, key, result):
        if result.error is None:  # read errors are about the moment, not the content
            self.entries[key] = _pack(result)
            self.used.add(key)
            self.dirty = True

    def get_corpus(self, rule_id, digest):
        """The corpus pass's findings for one rule over summaries with this digest, or None."""
        entry = self.entries.get(("corpus", rule_id, digest))
        if entry is not None:
            self.used.add(("corpus", rule_id, digest))
            return [_finding(row) for row in entry]
        return None

    def put_corpus(self, rule_id, digest, findings):
        self.entries[("corpus", rule_id, digest)] = [_row(f) for f in findings]
        self.used.add(("corpus", rule_id, digest))
        self.dirty = True

    def save(self):
        if not self.dirty:
            return  # nothing new
        self.dirty = False
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


_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))
_FIX = _FIELDS.index("fix")


def _row(f) -> tuple:
    row = [getattr(f, n) for n in _FIELDS]
    if f.fix is not None:
        row[_FIX] = (f.fix.start, f.fix.end, f.fix.replacement, f.fix.safe)
    return tuple(row)


def _finding(row) -> Finding:
    f = Finding(*row)
    if f.fix is not None:
        f.fix = Fix(*f.fix)
    return f


def _pack(result) -> tuple:
    return (type(result).__name__, result.path, [_row(f) for f in result.findings], result.notices,
            result.summaries, getattr(result, "size", 0))


def _unpack(entry, name):
    from .engine import Result
    from .runner import RecordResult

    kind, path, rows, notices, summaries, size = entry
    findings = [_finding(row) for row in rows]
    if path != name:
        for f in findings:
            f.path = name
        notices = [n.replace(path, name, 1) for n in notices]
    if kind == "Result":
        return Result(name, findings=findings, notices=list(notices), summaries=summaries)
    return RecordResult(name, findings=findings, notices=list(notices), summaries=summaries, size=size)
