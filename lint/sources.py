"""Finding and reading the files to lint. Nothing here ever writes.

`discover` expands the paths the user gave into files (recursing into folders, keeping the
configured extensions, skipping hidden folders); `read` turns one file into text or a
reason it cannot be linted. Invalid UTF-8 is decoded with replacement and remembered, so the
``decoding`` rule can report it at its line; binary files are skipped with a notice.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatch

BINARY_SNIFF = 8192


@dataclass
class Source:
    path: str  # as the user would write it
    text: str = ""
    decode_errors: list = field(default_factory=list)  # (offset in text, raw bytes)
    bom: bool = False
    skipped: str | None = None  # why it was not read (a notice, not an error)
    error: str | None = None  # unreadable: a usage error (exit 2)


def discover(paths, extensions=(".txt", ".md"), exclude=(), force_exclude=False):
    """Yield (path, error) for every file to lint; error is set for paths that do not exist."""
    for p in paths:
        if p == "-":
            yield p, None
            continue
        if not os.path.exists(p):
            yield p, "no such file or directory"
            continue
        if os.path.isfile(p):
            if force_exclude and matches_glob(p, exclude):
                continue
            yield p, None  # named explicitly: linted whatever its extension
            continue
        suffixes = tuple(extensions)
        for root, dirs, files in os.walk(p):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not matches_glob(os.path.join(root, d), exclude))
            prefix = os.path.join(root, "")  # a cached rerun of a big folder walks it in a few ms
            for name in sorted(files):
                if name.lower().endswith(suffixes) and not (exclude and matches_glob(prefix + name, exclude)):
                    yield prefix + name, None


def matches_glob(path, patterns) -> bool:
    """Whether a path matches one of the exclude/per-file-ignores globs: by name, by path
    (as given or absolute: config globs are anchored to the config's folder), or as a file
    inside a matching folder."""
    if not patterns:
        return False
    norm = path.replace(os.sep, "/")
    if norm.startswith("./"):
        norm = norm[2:]
    full = os.path.realpath(path).replace(os.sep, "/")  # config globs are anchored to the config's folder
    name = os.path.basename(norm)
    return any(fnmatch(name, pat) or any(fnmatch(p, pat.rstrip("/")) or fnmatch(p, pat.rstrip("/") + "/*")
                                         for p in (norm, full))
               for pat in patterns)


def read(path) -> Source:
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                raw = fh.read()
    except OSError as e:
        return Source(path, error=f"cannot read: {e.strerror or e}")
    return decode(path, raw)


def decode(path, raw: bytes) -> Source:
    if b"\x00" in raw[:BINARY_SNIFF] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Source(path, skipped="binary file (NUL bytes), skipped")
    bom = raw.startswith(b"\xef\xbb\xbf")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Source(path, text=raw.decode("utf-16"), bom=True)
        except UnicodeDecodeError:
            return Source(path, skipped="undecodable UTF-16 file, skipped")
    try:
        return Source(path, text=raw.decode("utf-8"), bom=bom)
    except UnicodeDecodeError:
        pass
    errors, parts, pos, offset = [], [], 0, 0
    while True:
        try:
            chunk = raw[pos:].decode("utf-8")
            parts.append(chunk)
            break
        except UnicodeDecodeError as e:
            good = raw[pos:pos + e.start].decode("utf-8")
            parts.append(good + "\ufffd")
            offset += len(good)
            errors.append((offset, raw[pos + e.start:pos + e.end].hex()))
            offset += 1
            pos += e.end
    text = "".join(parts)
    if "\r" in text:  # the Document normalises CRLF: keep the offsets in its terms
        errors = [(o - text.count("\r\n", 0, o), b) for o, b in errors]
    return Source(path, text=text, decode_errors=errors, bom=bom)
