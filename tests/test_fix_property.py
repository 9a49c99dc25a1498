"""Property tests of safe fixes on the line-labelled artefact DEV set (skipped when it is absent).

For pages drawn by hypothesis from every variant, and for documents hypothesis assembles from
labelled lines: safe fixes delete no line labelled ``article`` (ambiguous rows excluded, as the
scorer does) and change no text outside the spans they fix. The full sweep over every page is
bench/fix_safety.py; here a sample keeps the suite fast."""

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lint.engine import lint_text, select_rules
from lint.fixer import lines_deleted_by, trace_fixes
from lint.rules import load_rules

DATA = Path(os.environ.get("SEEDLINT_EVAL", Path(__file__).resolve().parents[2] / "shared" / "eval")) / "artefacts"
if not DATA.is_dir():
    DATA = Path("/work/shared/eval/artefacts")
pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="artefact DEV set not present")


@lru_cache(maxsize=1)
def labelled():
    """[(variant, doc, {line: row})] for every page, and the pooled rows: article, short
    article (8 words or fewer) and artefact."""
    pages, pool = [], {"article": [], "short": [], "artefact": []}
    for variant in sorted(p.name for p in DATA.iterdir() if (p / "labels.jsonl").is_file()):
        rows = {}
        for raw in open(DATA / variant / "labels.jsonl", encoding="utf-8"):
            row = json.loads(raw)
            if not row["ambiguous"]:
                rows.setdefault(row["doc"], {})[row["line"]] = row
                pool[row["label"]].append(row["text"])
                if row["label"] == "article" and len(row["text"].split()) <= 8:
                    pool["short"].append(row["text"])
        pages += [(variant, doc, lines) for doc, lines in sorted(rows.items())]
    return pages, pool


@lru_cache(maxsize=1)
def rules():
    return select_rules(load_rules())


def fix(text):
    selected = rules()
    _, found = lint_text(text, selected)
    return trace_fixes(text, found, lambda t: lint_text(t, selected)[1])


def check(text, article_lines):
    trace = fix(text)
    out, origin, touched = trace.fixed.text, trace.origin, trace.touched
    lines = text.split("\n")
    gone = lines_deleted_by(text, trace) & article_lines
    assert not gone, [lines[n - 1] for n in sorted(gone)]
    where = {o: i for i, o in enumerate(origin) if o >= 0}
    start = 0
    for line in lines:
        span = range(start, start + len(line))
        start += len(line) + 1
        if line.strip() and not touched.intersection(span):
            # untouched by every fix of every round: still there, byte-identical
            assert span[0] in where and out[where[span[0]]:where[span[0]] + len(line)] == line, line


SETTINGS = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.data())
def test_safe_fixes_on_dev_pages(data):
    pages, _ = labelled()
    variant, doc, rows = data.draw(st.sampled_from(pages))
    text = (DATA / variant / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
    check(text, {n for n, r in rows.items() if r["label"] == "article"})


@SETTINGS
@given(st.data())
def test_safe_fixes_on_assembled_documents(data):
    _, pool = labelled()
    # short article lines (labels, dates, credits a page shows as content) are where a broad
    # safe deletion would bite: they get their own share of the draws
    picks = data.draw(st.lists(st.tuples(st.sampled_from(["article", "short", "artefact"]), st.integers(0, 10**9),
                                         st.sampled_from(["\n", "\n\n"])), min_size=1, max_size=30))
    lines, article, seen = [], set(), set()
    for label, k, gap in picks:
        text = pool[label][k % len(pool[label])]
        if text in seen:  # a repeated line is a duplicate paragraph, which a fix rightly deletes
            continue
        seen.add(text)
        lines.append(text)
        if label != "artefact":
            article.add(len(lines))
        if gap == "\n\n":
            lines.append("")
    check("\n".join(lines) + "\n", article)
