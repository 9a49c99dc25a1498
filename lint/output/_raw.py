"""Writing report lines the cache keeps ready as UTF-8 bytes (see `lint.cache`) to a text
stream, in order with its text: a warm run of ten thousand files then neither decodes them
from the cache nor encodes them again for the output (tens of MB for a JSON report)."""

from __future__ import annotations

import codecs
import io
import os


class Writer:
    """``text(s)`` and ``raw(b)`` to one stream, in the order they were called."""

    def __init__(self, out):
        self.out = out
        self.buffer = out.buffer if _plain_utf8(out) else None
        self._text_pending = False

    def text(self, s: str):
        if s:
            self.out.write(s)
            self._text_pending = True

    def raw(self, *parts: bytes):
        if self.buffer is None:
            self.out.write(b"".join(parts).decode("utf-8"))
            return
        if self._text_pending:  # the text layer's buffer goes first
            self.out.flush()
            self._text_pending = False
        for p in parts:
            self.buffer.write(p)


def _plain_utf8(out) -> bool:
    """A text file or stdout that would write the same bytes: UTF-8 (whatever its error handler:
    the bytes were encoded strictly) and no newline translation (seedlint opens its output files
    with the default newline, which translates to os.linesep)."""
    if not isinstance(out, io.TextIOWrapper) or os.linesep != "\n":
        return False
    try:
        return codecs.lookup(out.encoding).name == "utf-8"
    except LookupError:
        return False


def encode(text: str) -> bytes | None:
    """``text`` as UTF-8, or None when it cannot be (a lone surrogate): then the caller renders it."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return None
