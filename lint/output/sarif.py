"""``sarif``: SARIF 2.1.0, for GitHub code scanning (``github/codeql-action/upload-sarif``) and
other SARIF viewers.

One run; the driver lists every rule of the run with its description, help (with examples)
and default level; each result has ruleId/ruleIndex, level, message, a region (1-based
lines, columns in code points: ``columnKind`` says so), a repository-relative URI, the fix
when there is one, and ``partialFingerprints`` so code scanning tracks findings as lines move.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ._ci import fingerprints, relative_path, rules_used

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFO_URI = "https://pypi.org/project/seedlint/"


def write(findings, stream, run):
    rules = rules_used(findings, run)
    index = {rid: i for i, (rid, _) in enumerate(rules)}
    results = [_result(f, index[f.rule], fp, run.documents.get(f.path))
               for f, fp in zip(findings, fingerprints(findings, run))]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "seedlint", "version": __version__, "semanticVersion": __version__,
                "informationUri": INFO_URI,
                "rules": [_descriptor(rid, r) for rid, r in rules],
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(os.getcwd()).as_uri() + "/"}},
            "invocations": [{"executionSuccessful": True}],
            "columnKind": "unicodeCodePoints",
            "results": [],  # written below
        }],
    }
    if run.baseline_suppressed:
        log["runs"][0]["properties"] = {"baselineSuppressed": run.baseline_suppressed}
    # one result per line: readable, and the C JSON encoder (indent= is pure Python, 10x slower)
    head = json.dumps(log, indent=1, ensure_ascii=False)
    cut = head.rindex('"results": []')
    stream.write(head[:cut] + '"results": [')
    stream.write(",".join("\n  " + json.dumps(r, ensure_ascii=False) for r in results))
    stream.write("\n" + head[cut + len('"results": ['):] + "\n")


def _descriptor(rule_id, rule) -> dict:
    if rule is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    desc = " ".join(rule.description.split())
    flag = "\n    ...\n".join("\n".join("    " + ln for ln in t.strip().splitlines())
                                for t in rule.examples.get("flag", [])[:3])
    help_text = desc + (f"\n\nFlags, for example:\n{flag}" if flag else "")
    d = {
        "id": rule.id,
        "shortDescription": {"text": desc.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": desc},
        "help": {"text": help_text, "markdown": help_text.replace("\n    ", "\n\n    ", 1) if flag else desc},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"tags": ["seedlint", rule.category], "precision": "medium",
                       "problem.severity": {"info": "recommendation"}.get(rule.severity, rule.severity)},
    }
    if rule.name:
        d["name"] = rule.name
    return d


def _location(f, doc) -> dict:
    path = relative_path(f.path)
    artifact = ({"uri": quote(path), "uriBaseId": "%SRCROOT%"} if not os.path.isabs(path)
                else {"uri": Path(path).as_uri()})
    region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}
    if f.excerpt:
        region["snippet"] = {"text": f.excerpt}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _result(f, rule_index, fp, doc) -> dict:
    loc = _location(f, doc)
    r = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [loc],
        "partialFingerprints": {"seedlintMatchHash/v1": fp},
    }
    if f.fix is not None and doc is not None and not doc.crlf:
        (sl, sc), (el, ec) = doc.position(f.fix.start), doc.position(f.fix.end)
        r["fixes"] = [{
            "description": {"text": "Remove it" if not f.fix.replacement else f"Replace with {f.fix.replacement!r}"},
            "artifactChanges": [{
                "artifactLocation": loc["physicalLocation"]["artifactLocation"],
                "replacements": [{"deletedRegion": {"startLine": sl, "startColumn": sc, "endLine": el,
                                                    "endColumn": ec},
                                  "insertedContent": {"text": f.fix.replacement}}],
            }],
        }]
    props = {"category": f.category}
    if f.record is not None:
        props["record"] = f.record
    if f.suggestions:
        props["suggestions"] = f.suggestions
    r["properties"] = props
    return r
