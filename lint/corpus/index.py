"""A corpus pass's index of the run's documents, in memory up to a limit, on disk past it.

A corpus-level rule that looks documents up by key (O401: which documents name this person)
keeps, per document, a small record and the keys it is filed under. `DocIndex` holds them in
memory for the first ``limit`` documents of the run; at the next one it moves them to a
temporary SQLite database (`DiskIndex`) and adds the rest there, so memory stays bounded
however many documents the run has. The answers are the same either way:

- ``record(i)``: document i's record (bytes), None if it was not added; ``records(ids)`` those
  of several documents (all added), in order;
- ``postings(keys)``: for each of ``keys`` that at least two documents are filed under (a key
  a document gives twice counts twice), ``(count, docs)``: the documents in order of addition,
  as an ``array("I")``, or None on disk when there are more than the ``cap`` given to
  ``build`` (only their number is kept then).

SQLite keeps a bounded page cache (`CACHE_KB` per process) and sorts the postings with its
external sorter (temporary files). Processes forked after ``build`` read the database through
connections of their own (a SQLite connection must not cross a fork); only the process that
made it deletes it, in ``close``. A run killed outright (SIGKILL, power loss) cannot delete
its folder; the next run's `DiskIndex` removes such leftovers (`sweep_stale`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
import time
from array import array
from collections import OrderedDict
from itertools import filterfalse, groupby
from operator import itemgetter

CACHE_KB = 2 << 10  # SQLite page cache (and sorter memory) per process: the OS caches the file too
# records kept in memory once read, per process: a document's fellow reports are read again
# for each other report of the story, a SQLite query costs more than the comparison
KEPT_RECORDS = 8192
_BATCH = 8192  # rows written per transaction
_IN = 512  # ids looked up per statement
_INHERITED: list = []  # connections a forked process inherited: kept so that it never closes them
PREFIX = "seedlint-index-"  # + the owner's pid + "-" + mkdtemp's random part
# a leftover is removed only when its owner is gone AND nothing in it changed for this long: a
# /tmp shared across PID namespaces (containers) may hold a live run whose pid is not ours to see
STALE_AFTER = 24 * 3600
_PLACES = {1 << k: "(" + ", ".join("?" * (1 << k)) + ")" for k in range(_IN.bit_length())}


class DocIndex:
    """Records and postings in memory for documents numbered below ``limit``, all on disk
    once a document at or past it is added (documents come in increasing order)."""

    def __init__(self, limit: int, folder: str | None = None):
        self.limit, self.folder = limit, folder
        self.store = MemoryIndex()

    def add(self, i: int, record: bytes, keys):
        if i >= self.limit and isinstance(self.store, MemoryIndex):
            memory, self.store = self.store, DiskIndex(self.folder)  # first: a failed move is still closed (deleted)
            memory.move_to(self.store)
        self.store.add(i, record, keys)

    def build(self, cap: int):
        self.store.build(cap)

    def record(self, i: int):
        return self.store.record(i)

    def records(self, ids):
        return self.store.records(ids)

    def postings(self, keys) -> list:
        return self.store.postings(keys)

    def ids(self) -> list:
        """Every document added, in order."""
        return self.store.ids()

    def close(self):
        self.store.close()


class MemoryIndex:
    def __init__(self):
        self._records: list = []  # doc -> record or None
        self._index: dict = {}  # key -> its one doc (an int), then an array of its docs

    def add(self, i, record, keys):
        while len(self._records) < i:
            self._records.append(None)
        self._records.append(record)
        index = self._index
        for k in keys:
            docs = index.get(k)
            if docs is None:
                index[k] = i
            elif type(docs) is int:
                index[k] = array("I", (docs, i))
            else:
                docs.append(i)

    def move_to(self, disk):
        for i, record in enumerate(self._records):
            if record is not None:
                disk.add(i, record, ())
        for k, docs in self._index.items():
            disk.add_pairs(k, [docs] if type(docs) is int else docs)
        self.__init__()

    def build(self, cap):
        # keys of one document are never looked up
        self._index = {k: docs for k, docs in self._index.items() if type(docs) is not int}

    def record(self, i):
        return self._records[i] if i < len(self._records) else None

    def records(self, ids):
        return map(self._records.__getitem__, ids)

    def postings(self, keys):
        return [(len(docs), docs) for docs in map(self._index.get, keys) if docs is not None]

    def ids(self):
        return [i for i, r in enumerate(self._records) if r is not None]

    def close(self):
        pass


def sweep_stale(folder: str, now: float | None = None) -> list[str]:
    """Delete the index folders in ``folder`` left by runs that died without cleaning up: the
    pid in the name is no live process and no file in it changed for `STALE_AFTER` seconds.
    Returns the folders deleted. Folders it cannot read or judge are left alone."""
    now = time.time() if now is None else now
    gone = []
    try:
        names = [n for n in os.listdir(folder) if n.startswith(PREFIX)]
    except OSError:
        return gone
    for name in names:
        pid, sep, _ = name[len(PREFIX):].partition("-")
        if not (sep and pid.isdigit()) or _alive(int(pid)):
            continue
        path = os.path.join(folder, name)
        try:
            newest = max([os.stat(path).st_mtime]
                         + [os.stat(os.path.join(path, f)).st_mtime for f in os.listdir(path)])
        except OSError:
            continue
        if now - newest >= STALE_AFTER:
            shutil.rmtree(path, ignore_errors=True)
            gone.append(path)
    return gone


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but is not ours (EPERM), or cannot tell: keep its folder
        return True
    return True


class DiskIndex:
    """The same in a temporary SQLite database: ``docs`` (id -> record) and, once built,
    ``postings`` (key -> count, docs); until then the (key, doc) pairs wait unsorted."""

    def __init__(self, folder: str | None = None):
        sweep_stale(folder or tempfile.gettempdir())
        self._dir = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder)
        self.path = os.path.join(self._dir, "index.sqlite")
        self._owner = os.getpid()
        self._pid, self._db = None, None
        try:
            db = self._connect()
            db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, record BLOB)")
            db.execute("CREATE TABLE pairs (key INTEGER, doc INTEGER)")
            db.execute("CREATE TABLE postings (key INTEGER PRIMARY KEY, n INTEGER, docs BLOB)")
        except BaseException:
            self.close()  # nobody else can: the folder is not left behind
            raise
        self._docs, self._pairs = [], []
        self._kept: OrderedDict = OrderedDict()  # id -> record, oldest first

    def _connect(self):
        if self._pid != os.getpid():  # first use in this process (or a forked one)
            if self._db is not None:  # inherited: never used nor closed here (SQLite: not across a fork)
                _INHERITED.append(self._db)
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            for pragma in ("journal_mode=OFF", "synchronous=OFF", "temp_store=FILE", f"cache_size=-{CACHE_KB}"):
                db.execute("PRAGMA " + pragma)
            self._pid, self._db = os.getpid(), db
        return self._db

    def add(self, i, record, keys):
        self._docs.append((i, record))
        self._pairs.extend(zip(keys, [i] * len(keys)))
        if len(self._pairs) >= _BATCH or len(self._docs) >= _BATCH:
            self._write()

    def add_pairs(self, key, docs):
        """``key`` for each of ``docs``, in that order (moving a memory index)."""
        self._pairs.extend(zip([key] * len(docs), docs))
        if len(self._pairs) >= _BATCH:
            self._write()

    def _write(self):
        db = self._connect()
        db.execute("BEGIN")
        db.executemany("INSERT INTO docs VALUES (?, ?)", self._docs)
        db.executemany("INSERT INTO pairs VALUES (?, ?)", self._pairs)
        db.execute("COMMIT")
        self._docs, self._pairs = [], []

    def build(self, cap):
        self._write()
        db = self._connect()
        db.execute("BEGIN")
        rows, batch = [], "INSERT INTO postings VALUES (?, ?, ?)"
        # in order of addition within a key, as the memory index has them
        for key, pairs in groupby(db.execute("SELECT key, doc FROM pairs ORDER BY key, rowid"), itemgetter(0)):
            docs = array("I", map(itemgetter(1), pairs))
            if len(docs) > 1:
                rows.append((key, len(docs), docs.tobytes() if len(docs) <= cap else None))
                if len(rows) >= _BATCH:
                    db.executemany(batch, rows)
                    rows = []
        db.executemany(batch, rows)
        db.execute("DROP TABLE pairs")
        db.execute("COMMIT")
        # closed: processes forked now (the pass's workers) inherit no connection; reads reopen one
        db.close()
        self._pid, self._db = None, None

    def record(self, i):
        row = self._connect().execute("SELECT record FROM docs WHERE id = ?", (i,)).fetchone()
        return None if row is None else row[0]

    def records(self, ids):
        kept = self._kept
        missing = list(filterfalse(kept.__contains__, ids))
        for rows in self._select("SELECT id, record FROM docs WHERE id IN ", missing):
            kept.update(rows)  # (id, record) pairs, read in C
        found = list(map(kept.__getitem__, ids))
        while len(kept) > KEPT_RECORDS:
            kept.popitem(False)
        return found

    def postings(self, keys):
        out = []
        for rows in self._select("SELECT key, n, docs FROM postings WHERE key IN ", keys):
            for _, n, blob in rows:
                docs = None
                if blob is not None:
                    docs = array("I")
                    docs.frombytes(blob)
                out.append((n, docs))
        return out

    def _select(self, query, ids):
        """Cursors over the rows of ``query`` followed by a list of ``ids``: at most _IN per
        statement, padded to a power of two (a few statements, each prepared once)."""
        ids, execute = list(ids), self._connect().execute
        for a in range(0, len(ids), _IN):
            part = ids[a:a + _IN]
            size = 1 << (len(part) - 1).bit_length()
            yield execute(query + _PLACES[size], part + [-1] * (size - len(part)))  # -1: no document, no key

    def ids(self):
        return [i for (i,) in self._connect().execute("SELECT id FROM docs ORDER BY id")]

    def close(self):
        if os.getpid() != self._owner:
            return  # a forked reader: the database is the parent's to delete
        if self._db is not None and self._pid == self._owner:
            self._db.close()
        self._db = None
        shutil.rmtree(self._dir, ignore_errors=True)
