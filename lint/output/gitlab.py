"""``gitlab``: GitLab Code Quality report (a JSON array), for ``artifacts:reports:codequality``.

Each issue has description, check_name, fingerprint (stable across runs and unique in the
report), severity (info, minor, major) and location.path / location.lines.begin.
"""

from __future__ import annotations

import json

from ._ci import fingerprints, relative_path

SEVERITY = {"info": "info", "warning": "minor", "error": "major"}


def write(findings, stream, run):
    categories = {r.id: r.category for r in run.rules}
    issues = []
    for f, fp in zip(findings, fingerprints(findings, run)):
        issues.append({
            "type": "issue",
            "description": f"{f.rule} {f.message}" + (f" (record {f.record})" if f.record is not None else ""),
            "check_name": f.rule,
            "categories": ["Style"] if categories.get(f.rule, f.category) == "style" else ["Bug Risk"],
            "fingerprint": fp,
            "severity": SEVERITY[f.severity],
            "location": {"path": relative_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
        })
    stream.write("[" + ",".join("\n " + json.dumps(i, ensure_ascii=False) for i in issues) + "\n]\n")
