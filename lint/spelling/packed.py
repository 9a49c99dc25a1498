"""Word lists packed into a few large objects: the words as one string cut at stored offsets, and
an open-addressing hash table (crc32, linear probing) of their positions.

A list or set of 300,000 strings is 300,000 objects whose reference counts change whenever they
are looked up (bisection, indexing); a worker forked from the process that loaded them then copies
every page it touches, tens of MB each. Packed, the data are read and never written, so forked
workers share them, and a list is several times smaller.
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Sequence

LOAD = 0.3  # fill of the hash table: one probe, rarely two, for a hit or a miss


class Packed(Sequence):
    """A sequence of words (``packed[i]``, ``len``, iteration) with ``find(word)``: its
    position, or -1 (a hash lookup). Built by `pack`, from the tuple it returns (marshal-able)."""

    def __init__(self, text: str, starts: bytes, slots: bytes = b""):
        self.text = text  # the words, each followed by "\n"
        self.starts = memoryview(starts).cast("I")  # word i is text[starts[i]:starts[i + 1] - 1]
        self.slots = memoryview(slots).cast("I") if slots else None  # word position + 1, 0: empty
        self.mask = len(self.slots) - 1 if slots else 0

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self)
        return self.text[self.starts[i]:self.starts[i + 1] - 1]

    def __iter__(self):
        return iter(self.text[:-1].split("\n") if self.text else ())

    def find(self, word: str) -> int:
        slots, starts, text, mask = self.slots, self.starts, self.text, self.mask
        h = zlib.crc32(word.encode("utf-8", "surrogatepass")) & mask
        while True:
            i = slots[h]
            if not i:
                return -1
            if text[starts[i - 1]:starts[i] - 1] == word:
                return i - 1
            h = (h + 1) & mask

    def __contains__(self, word: str) -> bool:
        return self.find(word) >= 0


def pack(words: list[str], hashed: bool = True) -> tuple[str, bytes, bytes]:
    """`Packed`'s arguments for ``words`` without newlines (hashed: distinct ones)."""
    starts, pos = array("I", [0]), 0
    for w in words:
        pos += len(w) + 1
        starts.append(pos)
    slots = b""
    if hashed:
        size = 1 << max(4, (int(len(words) / LOAD)).bit_length())
        table = array("I", bytes(4 * size))
        mask = size - 1
        for i, w in enumerate(words):
            h = zlib.crc32(w.encode("utf-8", "surrogatepass")) & mask
            while table[h]:
                h = (h + 1) & mask
            table[h] = i + 1
        slots = table.tobytes()
    return "".join(w + "\n" for w in words), starts.tobytes(), slots
