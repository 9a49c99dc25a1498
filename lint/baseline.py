"""The baseline: known findings recorded once (``--write-baseline FILE``) and then let through
(``--baseline FILE``), so that only new findings fail a check.

An entry is keyed by the file (relative to the baseline's folder, so the baseline works from
any working directory), the rule and a hash of the matched text together with the lines it
sits on, never by line numbers: findings stay suppressed when text above them moves, and come
back when their own text changes. Identical keys are counted, so a second copy of a known
artefact is new. Entries that match nothing any more are *stale*: reported, so the baseline
shrinks as the data is cleaned.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

VERSION = 1


class BaselineError(Exception):
    pass


def _relpath(path: str, base_dir: str) -> str:
    if path == "-" or path.startswith("<"):
        return path
    return _relpath_from(path, base_dir, os.getcwd())


@lru_cache(maxsize=4096)  # every finding of a file asks again
def _relpath_from(path, base_dir, cwd):
    return os.path.relpath(os.path.join(cwd, path), base_dir).replace(os.sep, "/")


def fingerprint(finding, document=None) -> str:
    """A hash of the rule, the matched text and the full lines around it."""
    text = document.text if document is not None else ""
    if text and finding.end <= len(text):
        line_start = text.rfind("\n", 0, finding.start) + 1
        line_end = text.find("\n", finding.end)
        context = text[line_start:line_end if line_end >= 0 else len(text)]
        matched = text[finding.start:finding.end]
    else:  # no document (e.g. a corpus record): the excerpt is all there is
        context, matched = "", finding.excerpt
    data = "\x1f".join([finding.rule, matched, " ".join(context.split())])
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def keys(findings, documents, base_dir) -> list[tuple]:
    """(path, rule, hash) per finding. ``documents`` may parse a file on each access, so each
    file is fetched once per run of findings in it."""
    out, path, doc = [], None, None
    for f in findings:
        if f.path != path:
            path, doc = f.path, documents.get(f.path)
        where = _relpath(f.path, base_dir) + (f"[{f.record}]" if f.record is not None else "")
        out.append((where, f.rule, fingerprint(f, doc)))
    return out


def write(path: str, findings, documents) -> int:
    """Record ``findings``; returns the number of entries written."""
    base_dir = os.path.dirname(os.path.abspath(path))
    counts: Counter = Counter()
    excerpts = {}
    for f, k in zip(findings, keys(findings, documents, base_dir)):
        counts[k] += 1
        excerpts.setdefault(k, " ".join(f.excerpt.split())[:80])
    entries = [{"path": p, "rule": r, "hash": h, "count": counts[(p, r, h)], "excerpt": excerpts[(p, r, h)]}
               for p, r, h in sorted(counts)]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"seedlint-baseline": VERSION, "entries": entries}, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    return len(entries)


@dataclass
class Baseline:
    path: str
    counts: Counter = field(default_factory=Counter)  # (path, rule, hash) -> how many
    excerpts: dict = field(default_factory=dict)

    @property
    def base_dir(self) -> str:
        return os.path.dirname(os.path.abspath(self.path))

    def filter(self, findings, documents, rule_ids=None, corpus_rule_ids=()) -> tuple[list, int, list]:
        """(new findings, how many were suppressed, stale entries).

        Only entries for the files linted now and the rules that ran can be stale: a hook
        that lints one file must not call the rest of the baseline stale. Corpus rules'
        findings depend on the other files too, so theirs are stale only in a run over every
        file the baseline names."""
        left = Counter(self.counts)
        new, suppressed = [], 0
        for f, k in zip(findings, keys(findings, documents, self.base_dir)):
            if left[k] > 0:
                left[k] -= 1
                suppressed += 1
            else:
                new.append(f)
        linted = {_relpath(p, self.base_dir) for p in documents}
        whole = {p.split("[", 1)[0] for p, _, _ in self.counts} <= linted

        def can_be_stale(path, rule):
            return (path.split("[", 1)[0] in linted and (rule_ids is None or rule in rule_ids)
                    and (whole or rule not in corpus_rule_ids))

        stale = [{"path": p, "rule": r, "count": n, "excerpt": self.excerpts.get((p, r, h), "")}
                 for (p, r, h), n in sorted(left.items()) if n > 0 and can_be_stale(p, r)]
        return new, suppressed, stale


def load(path: str) -> Baseline:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except OSError as e:
        raise BaselineError(f"{path}: cannot read baseline: {e.strerror or e}") from None
    except json.JSONDecodeError as e:
        raise BaselineError(f"{path}: not a seedlint baseline (invalid JSON: {e})") from None
    if not isinstance(data, dict) or data.get("seedlint-baseline") != VERSION:
        raise BaselineError(f"{path}: not a seedlint baseline (version {VERSION} expected)")
    b = Baseline(path)
    for e in data.get("entries", []):
        try:
            k = (e["path"], e["rule"], e["hash"])
            b.counts[k] += int(e.get("count", 1))
        except (KeyError, TypeError, ValueError):
            raise BaselineError(f"{path}: malformed entry {e!r}") from None
        b.excerpts[k] = e.get("excerpt", "")
    return b
