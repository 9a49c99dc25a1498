"""A one-line progress bar on stderr for long runs: records, MB, MB/s and ETA.

Shown only when stderr is a terminal and not in CI (``CI`` set), never in pipes or files; it
appears after the first second, so short runs print nothing, and redraws at most 5 times a second.
"""

from __future__ import annotations

import os
import sys
import time


def wanted(stream=None) -> bool:
    stream = stream or sys.stderr
    return (hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("CI")
            and os.environ.get("TERM") != "dumb")


class Progress:
    def __init__(self, total_bytes: int = 0, stream=None):
        self.total = total_bytes
        self.stream = stream or sys.stderr
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, records: int, done_bytes: int):
        now = time.monotonic()
        if now - self.last < 0.2 or now - self.start < 1.0:
            return
        self.last = now
        self.shown = True
        self.stream.write("\r\x1b[K" + line(records, done_bytes, self.total, now - self.start))
        self.stream.flush()

    def close(self):
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def line(records, done, total, elapsed) -> str:
    rate = done / elapsed / 1e6 if elapsed > 0 else 0.0
    text = f"seedlint: {records:,} records  {done / 1e6:,.1f} MB  {rate:,.1f} MB/s"
    if total and rate > 0 and done <= total:
        left = (total - done) / 1e6 / rate
        text += f"  {100 * done / total:3.0f}%  ETA {int(left // 60)}:{int(left % 60):02d}"
    return text
