"""A corpus-pass kind for the tests (no built-in kind needs the corpus pass yet): it flags the
first line of every document whose first line another document shares. `register()` adds it
to the kinds; Ray workers call it through ``worker_process_setup_hook``."""

from collections import Counter

from lint.finding import Finding
from lint.kinds import KINDS
from lint.rules import Rule

NAME = "test-shared-first-line"
OPTIONS = {}


def check(doc, rule):
    return iter(())


def summarize(doc, rule):
    return doc.lines[0].text


def check_corpus(items, rule):
    counts = Counter(s for _, _, s in items)
    return [Finding(path, 1, 1, 1, 2, rule.id, rule.category, rule.severity, f"shared by {counts[s]} documents",
                    record=rec) for path, rec, s in items if counts[s] > 1]


def register():
    import sys

    KINDS[NAME] = sys.modules[__name__]


def rule() -> Rule:
    return Rule(id="X901", kind=NAME, category="artefact", severity="warning", message="m", description="d",
                examples={}, source=__file__)
