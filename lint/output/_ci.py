"""What the CI formats (github, sarif, junit, gitlab) share: repository-relative paths, stable
fingerprints, rule lookup and text that XML can carry."""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from ..baseline import keys


def relative_path(path: str) -> str:
    """The path relative to the working directory (the repository root in CI), with '/'."""
    if path == "-" or path.startswith("<"):
        return path
    return _relative(path, os.getcwd())


@lru_cache(maxsize=4096)  # every finding of a file asks again
def _relative(path, cwd):
    full = os.path.normpath(os.path.join(cwd, path))
    rel = os.path.relpath(full, cwd)
    return (full if rel.startswith("..") else rel).replace(os.sep, "/")


def fingerprints(findings, run) -> list[str]:
    """One stable id per finding: path, rule, hash of the matched text and its lines, and the
    occurrence number among identical ones, so equal artefacts in one file stay distinct."""
    seen: Counter = Counter()
    out = []
    for path, rule, digest in keys(findings, run.documents, os.getcwd()):
        base = f"{path}:{rule}:{digest}"
        seen[base] += 1
        out.append(fingerprint_text(f"{base}:{seen[base]}"))
    return out


def fingerprint_text(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def rules_used(findings, run) -> list:
    """The rules of the run (for metadata), in id order, plus any rule a finding names that the
    run does not list."""
    by_id = {r.id: r for r in run.rules}
    for f in findings:
        by_id.setdefault(f.rule, None)
    return sorted(by_id.items())


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """XML 1.0 cannot carry control characters even escaped; scraped text has them."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
