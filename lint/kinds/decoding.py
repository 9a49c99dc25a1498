"""decoding: bytes that were not valid UTF-8 when the file was read.

seedlint reads such files with replacement (nothing is lost from the report, and the file is
never rewritten unless ``--fix`` is asked for); the reader records where each undecodable
byte sequence was and this kind reports it at its line, so the user can re-fetch or re-decode
the source. It has no options.
"""

from __future__ import annotations

OPTIONS: dict = {}
SCOPES = ("document",)
TEXT_EXAMPLES = False  # invalid UTF-8 cannot be written in a YAML text; tested in tests/test_sources.py


def check(doc, rule):
    for offset, raw in getattr(doc, "decode_errors", ()):
        yield rule.finding(doc, offset, offset + 1, bytes=raw)
