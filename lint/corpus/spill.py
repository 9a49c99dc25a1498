"""Per-document summaries for the corpus pass, kept on disk until the pass runs.

Every document of a run leaves one small summary per corpus-level rule (see `lint.engine`);
a corpus of millions of records leaves millions of them, which must not sit in memory while
the per-document pass runs. `Summaries` appends each ``(path, record, summary)`` item, pickled,
to an anonymous temporary file and keeps only its offset (8 bytes) in memory; the corpus pass
reads the items back in input order, streaming, or one by one by index.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from array import array
from collections.abc import Sequence

_READ = 1 << 20  # bytes per read when streaming the items back
# items kept decoded for reading by index: a corpus pass reads a story's reports again for each
# of its fellows (summaries are small; a few MB at most)
_RECENT = 1024


class Summaries(Sequence):
    """One rule's ``(path, record, summary)`` items in input order. ``add`` takes the summary
    already pickled (as workers send it); reading gives it back unpickled."""

    def __init__(self, folder: str | None = None):
        self._file = tempfile.TemporaryFile(dir=folder, prefix="seedlint-summaries-")
        self._offsets = array("Q")
        self._end = 0
        self._hash = hashlib.blake2b(digest_size=20)
        self._recent: dict = {}  # index -> item, oldest first

    def add(self, path, record, blob: bytes):
        frame = pickle.dumps((path, record, blob), pickle.HIGHEST_PROTOCOL)
        self._offsets.append(self._end)
        self._file.write(frame)
        self._end += len(frame)
        self._hash.update(frame)

    def digest(self) -> str:
        """A hash of every item in order: equal digests, equal corpus-pass input."""
        return self._hash.hexdigest()

    def __len__(self):
        return len(self._offsets)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self._offsets)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        item = self._recent.get(i)
        if item is None:
            self._file.flush()
            start = self._offsets[i]
            end = self._offsets[i + 1] if i + 1 < n else self._end
            item = _decode(os.pread(self._file.fileno(), end - start, start), {})
            if len(self._recent) >= _RECENT:
                del self._recent[next(iter(self._recent))]
            self._recent[i] = item
        return item

    def __iter__(self):
        """Stream the items back with large sequential reads."""
        self._file.flush()
        fd, offsets, n = self._file.fileno(), self._offsets, len(self._offsets)
        paths: dict = {}  # one string per corpus file, not one per record
        i = 0
        while i < n:
            start = offsets[i]
            j = i + 1  # take frames while they fit in one read (always at least one)
            while j < n and offsets[j] - start < _READ:
                j += 1
            stop = offsets[j] if j < n else self._end
            block = os.pread(fd, stop - start, start)
            for k in range(i, j):
                a = offsets[k] - start
                b = (offsets[k + 1] if k + 1 < n else self._end) - start
                yield _decode(block[a:b], paths)
            i = j

    def flush(self):
        """Write what is buffered: processes forked now read every item (and no buffer of
        this one's is written twice)."""
        self._file.flush()

    def close(self):
        self._file.close()


def _decode(frame: bytes, paths: dict):
    path, record, blob = pickle.loads(frame)
    return paths.setdefault(path, sys.intern(path) if isinstance(path, str) else path), record, pickle.loads(blob)


class SummaryStore(dict):
    """rule id -> `Summaries`, created on first use; ``close`` deletes the files."""

    def __init__(self, folder: str | None = None):
        super().__init__()
        self.folder = folder

    def add(self, rule_id, path, record, blob):
        items = self.get(rule_id)
        if items is None:
            items = self[rule_id] = Summaries(self.folder)
        items.add(path, record, blob)

    def flush(self):
        for items in self.values():
            items.flush()

    def close(self):
        for items in self.values():
            items.close()
        self.clear()
