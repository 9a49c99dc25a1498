"""Per-document summaries for the corpus pass, kept on disk until the pass runs.

Every document of a run leaves one small summary per corpus-level rule (see `lint.engine`);
a corpus of millions of records leaves millions of them, which must not sit in memory while
the per-document pass runs. `Summaries` appends each ``(path, record, summary)`` item, pickled,
to an anonymous temporary file, and its offset to another (`SpilledArray`: the last block of
offsets stays in memory), so memory does not grow with the number of documents; the corpus pass
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
_WINDOW = 1 << 14  # offsets read back at once when streaming the items


class Summaries(Sequence):
    """One rule's ``(path, record, summary)`` items in input order. ``add`` takes the summary
    already pickled (as workers send it); reading gives it back unpickled."""

    def __init__(self, folder: str | None = None):
        self._file = tempfile.TemporaryFile(dir=folder, prefix="seedlint-summaries-")
        self._offsets = SpilledArray("Q", folder)
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
        fd, n = self._file.fileno(), len(self._offsets)
        paths: dict = {}  # one string per corpus file, not one per record
        for first in range(0, n, _WINDOW):
            last = min(first + _WINDOW, n)
            offsets = self._offsets[first:last]  # of items first..last-1, then where the last ends
            offsets.append(self._offsets[last] if last < n else self._end)
            m, i = last - first, 0
            while i < m:
                start = offsets[i]
                j = i + 1  # take frames while they fit in one read (always at least one)
                while j < m and offsets[j] - start < _READ:
                    j += 1
                block = os.pread(fd, offsets[j] - start, start)
                for k in range(i, j):
                    yield _decode(block[offsets[k] - start:offsets[k + 1] - start], paths)
                i = j

    def flush(self):
        """Write what is buffered: processes forked now read every item (and no buffer of
        this one's is written twice)."""
        self._file.flush()

    def close(self):
        self._file.close()
        self._offsets.close()


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


class SpilledArray:
    """An append-only array of integers (an `array` type code) of which only the last block
    stays in memory: each full block is written to a temporary file, read back by index,
    slice or in order. Processes forked after an append read what it appended."""

    BLOCK = 1 << 14  # items held in memory before they are written
    PAGE = 512  # items read back at once for reading by index
    PAGES = 64  # pages kept for reading by index

    def __init__(self, code: str = "Q", folder: str | None = None):
        self.code, self._width, self._folder = code, array(code).itemsize, folder
        self._file = None  # unbuffered: what is written is on disk for every reader
        self._on_disk = 0  # items in the file, a multiple of BLOCK
        self._tail = array(code)  # the items after them
        self._pages: dict = {}  # page number -> array, oldest first

    def append(self, value):
        self._tail.append(value)
        if len(self._tail) >= self.BLOCK:
            if self._file is None:
                self._file = tempfile.TemporaryFile(dir=self._folder, prefix="seedlint-array-", buffering=0)
            os.pwrite(self._file.fileno(), self._tail.tobytes(), self._on_disk * self._width)
            self._on_disk += len(self._tail)
            self._tail = array(self.code)

    def __len__(self):
        return self._on_disk + len(self._tail)

    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return self._range(start, stop) if step == 1 else array(self.code, [self[j] for j in range(start, stop, step)])
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(i)
        if i >= self._on_disk:
            return self._tail[i - self._on_disk]
        p, k = divmod(i, self.PAGE)
        page = self._pages.get(p)
        if page is None:
            if len(self._pages) >= self.PAGES:
                del self._pages[next(iter(self._pages))]
            page = self._pages[p] = self._range(p * self.PAGE, min((p + 1) * self.PAGE, self._on_disk))
        return page[k]

    def _range(self, start, stop) -> array:
        """Items start..stop-1 as an array: one read for those on disk."""
        out = array(self.code)
        if start < min(stop, self._on_disk):
            w = self._width
            out.frombytes(os.pread(self._file.fileno(), (min(stop, self._on_disk) - start) * w, start * w))
        if stop > self._on_disk:
            out += self._tail[max(start - self._on_disk, 0):stop - self._on_disk]
        return out

    def __iter__(self):
        for start in range(0, self._on_disk, self.BLOCK):
            yield from self._range(start, start + self.BLOCK)
        yield from self._tail[:]  # a copy: appends while iterating are not seen

    def close(self):
        if self._file is not None:
            self._file.close()
            self._file = None
