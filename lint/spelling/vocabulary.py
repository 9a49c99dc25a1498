"""The English vocabulary: every lower-case word of wordfreq's large English list, with its
Zipf frequency (log10 of occurrences per billion words, kept as tenths in one byte).

wordfreq itself takes ~1 s to import and decode, so the first use compiles the list into a
compact cache file (``$XDG_CACHE_HOME/seedlint``, else ``~/.cache/seedlint``) that later runs
load in a few tens of milliseconds, beside the tables derived from it (deletion indexes, the
whole vocabulary's an 18 MB file read by memory map; each
word's commonest frequent neighbour, the typo kind's slip-capable words): a few seconds once
per install. Nothing is downloaded: the data ships inside wordfreq.

The words are packed (`lint.spelling.packed`: one string and a hash table, not 300,000 string
objects), so workers forked from a process that loaded them share them without copying.
"""

from __future__ import annotations

import bisect
import importlib.util
import marshal
import mmap
import os
import re
import time
import zlib
from array import array
from pathlib import Path

from .packed import Packed, pack

FORMAT = 7
COMMON_ZIPF = 36  # words this common (Zipf x10) are never judged
FREQUENT_ZIPF = 30
NEIGHBOUR_MIN_ZIPF = 20  # words this common are judged against their frequent neighbours only
_WORD = re.compile(r"^[a-z]+(?:'[a-z]+)*$")
_loaded = None


class Vocabulary:
    """Sorted words (a `Packed` list: each word's id is its rank) and their Zipf frequencies x10
    (0 = unknown)."""

    def __init__(self, words: Packed, zipfs: bytes, common: str | list[str] | None = None):
        self.words = words
        self.zipfs = zipfs
        self._common = common
        self._frequent = None
        self._best = None
        self._edits = None

    @property
    def common(self) -> frozenset:
        """The words of Zipf >= `COMMON_ZIPF` (built on first use: the typo kind holds them in
        a larger set of its own)."""
        if not isinstance(self._common, frozenset):
            common = self._common
            if isinstance(common, str):
                common = common.split("\n")
            elif common is None:
                common = [w for w, z in zip(self.words, self.zipfs) if z >= COMMON_ZIPF]
            self._common = frozenset(common)
        return self._common

    def edit_index(self) -> "EditIndex":
        """Every word filed under itself and its one-letter deletions (the symmetric-deletion
        index of the whole vocabulary): the known words one edit away from any string in a
        dozen lookups instead of ~54n+25 generated edits. A memory-mapped file beside the
        vocabulary (built once, a few seconds): nothing to load, pages read on first use."""
        if self._edits is None:
            self._edits = EditIndex(self.words, self.zipfs, _mapped("edits", lambda: _build_edit_index(self.words)))
        return self._edits

    def frequent_deletes(self) -> "DeletesIndex":
        """One-deletion index of the words with Zipf >= 3 (about 22,000; deletion -> words
        joined by spaces): enough to find the readings that could make a word in use a slip,
        at a fraction of a full neighbourhood. Cached beside the vocabulary."""
        if self._frequent is None:
            self._frequent = DeletesIndex(*_cached("frequent", lambda: _flatten(
                _build_deletes(self, FREQUENT_ZIPF))))
        return self._frequent

    def with_best_neighbour(self, word: str) -> tuple[int, int]:
        """(Zipf x10 of the word, Zipf x10 of its commonest neighbour of Zipf >= 3 one edit
        away), the second precomputed for the words of Zipf >= 2 (0 for the others, and
        (0, 0) for unknown words). Most rare words are far from any word common enough to
        make them a slip, which this settles without a search."""
        if self._best is None:
            self._best = _cached("best", lambda: _build_best(self))
        i = self.words.find(word)
        return (self.zipfs[i], self._best[i]) if i >= 0 else (0, 0)

    def among(self, candidates: set) -> set:
        """The candidates that are words."""
        return {w for w in candidates if self.zipf(w)}

    def __contains__(self, word: str) -> bool:
        return self.words.find(word) >= 0

    def find(self, word: str) -> int:
        """The word's id (its rank in sorted order), -1 for an unknown word."""
        return self.words.find(word)

    def zipf(self, word: str) -> int:
        i = self.words.find(word)
        return self.zipfs[i] if i >= 0 else 0


class DeletesIndex:
    """deletion -> the words it comes from, joined by spaces. Kept as a sorted list of keys
    searched by bisection and one string of values cut at stored offsets: loads several times
    faster than a dict of a few hundred thousand keys (only a few words per document are
    looked up)."""

    def __init__(self, keys: str, values: str, offsets: bytes):
        self.keys = keys.split("\n")
        self.values = values
        self.offsets = array("I")
        self.offsets.frombytes(offsets)

    def get(self, key: str, default=None):
        i = bisect.bisect_left(self.keys, key)
        if i < len(self.keys) and self.keys[i] == key:
            return self.values[self.offsets[i]:self.offsets[i + 1]]
        return default


EDIT_BUCKETS = 1 << 21  # hash buckets of the edit index (about 1.2 keys each)


class EditIndex:
    """Bucket (crc32 of a key, 21 bits) -> ids of the words filed under keys in it: a table of
    bucket starts, then the ids. Hash collisions only add candidates, which the caller's
    one-edit test drops."""

    def __init__(self, words: Packed, zipfs: bytes, data):
        table = memoryview(data).cast("I")
        self.starts = table[:EDIT_BUCKETS + 1]
        self.ids = table[EDIT_BUCKETS + 1:]
        self.words = words
        self.zipfs = zipfs

    def candidates(self, word: str) -> set[str]:
        """A superset of the known words one edit from ``word`` (and perhaps ``word``)."""
        return self.candidates_of([word] + [word[:i] + word[i + 1:] for i in range(len(word))])

    def candidates_of(self, keys, min_zipf: int = 0) -> set[str]:
        """A superset of the words of Zipf x10 >= ``min_zipf`` that are a key or a key plus
        one letter."""
        starts, ids, crc, mask = self.starts, self.ids, zlib.crc32, EDIT_BUCKETS - 1
        found = set()
        for k in keys:
            b = crc(k.encode()) & mask
            s, e = starts[b], starts[b + 1]
            if s != e:
                found.update(ids[s:e])
        words = self.words
        if min_zipf:
            zipfs = self.zipfs
            return {words[i] for i in found if zipfs[i] >= min_zipf}
        return {words[i] for i in found}


def _build_edit_index(words) -> bytes:
    crc, mask = zlib.crc32, EDIT_BUCKETS - 1
    pairs = []
    for i, w in enumerate(words):
        for k in {w} | {w[:j] + w[j + 1:] for j in range(len(w))}:
            pairs.append((crc(k.encode()) & mask) << 20 | i)
    pairs.sort()
    counts = array("I", bytes(4 * (EDIT_BUCKETS + 1)))
    for p in pairs:
        counts[(p >> 20) + 1] += 1
    for b in range(EDIT_BUCKETS):
        counts[b + 1] += counts[b]
    ids = array("I", (p & 0xFFFFF for p in pairs))
    return counts.tobytes() + ids.tobytes()


def _mapped(name: str, build):
    """``build()``'s bytes as a read-only memory map of a file in the cache folder (rebuilt
    when the vocabulary's data changes); the bytes themselves if the folder is not writable."""
    st = _source().stat()
    path = cache_dir() / f"{name}-{FORMAT}-{st.st_size}-{int(st.st_mtime)}.map"
    for _ in range(2):
        try:
            with open(path, "rb") as f:
                data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            _used(path)
            return data
        except (OSError, ValueError):
            pass
        data = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            _prune(path, name, ".map")
        except OSError:
            return data  # a read-only home still works, only slower
        build = lambda data=data: data  # noqa: E731 (written: map it)
    return data


def load() -> Vocabulary:
    global _loaded
    if _loaded is None:
        words, zipfs, common = _cached("packed", lambda: _pack(*_cached("vocab", _build)))
        _loaded = Vocabulary(Packed(*words), zipfs, common)
    return _loaded


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "seedlint"


def source() -> Path:
    """wordfreq's data file: caches derived from it are rebuilt when it changes."""
    return _source()


def _source() -> Path:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.origin:
        raise RuntimeError("the typo rules need the 'wordfreq' package (pip install wordfreq)")
    return Path(spec.origin).parent / "data" / "large_en.msgpack.gz"


def _cached(name, build):
    return cached(name, _source(), build)


def cached(name: str, source: Path, build, version: str = ""):
    """``build()``'s result, kept in the cache folder as long as ``source`` is unchanged (so
    an upgrade of the package holding the data rebuilds it) and ``version`` too (what else
    the result depends on, such as the code that computes it)."""
    st = source.stat()
    tag = f"{FORMAT}{'.' + version if version else ''}"
    path = cache_dir() / f"{name}-{tag}-{st.st_size}-{int(st.st_mtime)}.bin"
    try:
        data = marshal.loads(path.read_bytes())
        _used(path)
        return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(data))
        os.replace(tmp, path)
        _prune(path, name, ".bin")
    except OSError:
        pass  # a read-only home still works, only slower
    return data


KEEP = 4  # builds of one cache kept for other versions or other copies of the data


def _prune(path: Path, name: str, suffix: str):
    """Earlier formats go. Other versions, or builds from other copies of the data, stay, the
    `KEEP` most recently used: two installs (or checkouts) may share the folder and would
    otherwise rebuild in turn (each fresh install of the package holding the data is another
    copy; a throw-away one, such as a test's, must not push out the copy in daily use)."""
    same = []
    for other in path.parent.glob(f"{name}-*{suffix}"):
        if not other.name.startswith((f"{name}-{FORMAT}-", f"{name}-{FORMAT}.")):
            other.unlink(missing_ok=True)
        elif other != path:
            same.append(other)
    for stale in sorted(same, key=_mtime, reverse=True)[KEEP:]:
        stale.unlink(missing_ok=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _used(path: Path):
    """Mark a cache file as just used (its time orders `_prune`), at most once a minute."""
    try:
        if path.stat().st_mtime < time.time() - 60:
            os.utime(path)
    except OSError:
        pass


def _build():
    import math

    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", "large")
    pairs = sorted((w, min(255, round(math.log10(f * 1e9) * 10)))
                   for w, f in freqs.items() if _WORD.match(w))
    common = "\n".join(w for w, z in pairs if z >= COMMON_ZIPF)
    return "\n".join(w for w, _ in pairs), bytes(z for _, z in pairs), common


def _pack(words: str, zipfs: bytes, common: str):
    """The vocabulary cache's tuple with the words packed (`Vocabulary`'s arguments)."""
    return pack(words.split("\n")), zipfs, common


def _flatten(index: dict) -> tuple[str, str, bytes]:
    """A dict of strings as ``DeletesIndex`` stores it."""
    keys = sorted(index)
    offsets, pos = array("I", [0]), 0
    for k in keys:
        pos += len(index[k])
        offsets.append(pos)
    return "\n".join(keys), "".join(index[k] for k in keys), offsets.tobytes()


def _build_best(vocab: Vocabulary) -> bytes:
    """``Vocabulary.with_best_neighbour``'s second value for every word: the Zipf of its
    commonest neighbour among the words of Zipf >= 3, found through the one-deletion index
    (what ``suggest.frequent_neighbours`` finds); 0 below Zipf 2."""
    frequent = vocab.frequent_deletes()
    index = {k: frequent.get(k) for k in frequent.keys}
    zipf = {w: z for w, z in zip(vocab.words, vocab.zipfs) if z >= FREQUENT_ZIPF}
    best = bytearray(len(vocab.words))
    for i, (w, z) in enumerate(zip(vocab.words, vocab.zipfs)):
        if z < NEIGHBOUR_MIN_ZIPF:
            continue
        top = 0
        for k in [w] + [w[:j] + w[j + 1:] for j in range(len(w))]:
            found = index.get(k)
            if found is not None:
                for c in found.split():
                    if c != w and zipf[c] > top:
                        top = zipf[c]
        best[i] = top
    return bytes(best)


def _build_deletes(vocab: Vocabulary, min_zipf: int) -> dict:
    """Each word of Zipf x10 >= ``min_zipf`` filed under itself and its one-letter deletions."""
    index: dict[str, str] = {}

    def add(k, w):
        index[k] = index[k] + " " + w if k in index else w

    for w, z in zip(vocab.words, vocab.zipfs):
        if z >= min_zipf:
            add(w, w)
            for i in range(len(w)):
                add(w[:i] + w[i + 1:], w)
    return index
