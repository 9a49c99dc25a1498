"""broken-sentence: a sentence cut in two by a line or paragraph break.

Extractors split a sentence where the page had a hard break, an inline ad or a pull quote:

    Qassem Soleimani, who was one of the key figures in Syria's war as the architect of Iranian

    military operations in the Middle East, had just arrived in Iraq ...

A break is reported when the text before it is prose that stops mid-sentence (no terminal
punctuation, ends in a word or comma, is long enough to be prose rather than a heading) and
the text after it continues in lower case. Headings, list items, table rows, quotes and
code are never considered, and neither are chains of such breaks (text double-spaced line by
line, or an unmarked list; more than three in a document): only a break that stands alone is a
sentence cut by the page. The fix joins the two parts with one space.

Options
- ``min_words_before`` (default 6): words the first part needs to count as prose.
- ``blank_lines`` (default true): report breaks across blank lines (a split paragraph);
  ``hard_wraps`` (default false): also report single line breaks, which are normal in
  hard-wrapped text.
"""

from __future__ import annotations

import re

from ..finding import Fix
from . import Option

OPTIONS = {
    "min_words_before": Option(int, 6),
    "blank_lines": Option(bool, True),
    "hard_wraps": Option(bool, False),
}
SCOPES = ("document",)
_STRUCTURAL = re.compile(r"^\s*(?:#|[*+-]\s|\d+[.)]\s|>|\||!\[|\[[^\]]*\]\([^)]*\)\s*$)")
# Code (indented blocks, statements) breaks lines on purpose.
_CODE = re.compile(r"^(?: {4}|\t)|[;{}]\s*(?://.*)?$|//|=>|:=")
_ENDS_OPEN = re.compile(r"(?:[A-Za-z\u00c0-\u024f]{2,}|,)$")
_STARTS_LOWER = re.compile(r"^[a-z]")


def prepare(rule):
    if rule.fix not in (None, "join"):
        raise ValueError("broken-sentence supports only fix: join")
    return None


def check(doc, rule):
    breaks = list(_breaks(doc, rule))
    if len(breaks) > 3:  # a text broken everywhere is laid out that way, not cut by the page
        return
    # Every line of a paragraph split from the next one is double-spaced hard wrapping, a
    # layout of the whole text rather than a sentence cut by removed page furniture: report
    # only breaks that stand alone.
    for k, (i, j, finding) in enumerate(breaks):
        isolated = (k == 0 or breaks[k - 1][1] != i) and (k == len(breaks) - 1 or breaks[k + 1][0] != j)
        if isolated:
            yield finding


def _breaks(doc, rule):
    lines = doc.lines
    n = len(lines)
    i = 0
    while i < n - 1:
        cur = lines[i]
        j = i + 1
        while j < n and not lines[j].text.strip():
            j += 1
        if j >= n:
            break
        nxt = lines[j]
        blank = j > i + 1
        if (blank and rule.options["blank_lines"]) or (not blank and rule.options["hard_wraps"]):
            a, b = cur.text.rstrip(), nxt.text.lstrip()
            if (a and _ENDS_OPEN.search(a) and _STARTS_LOWER.match(b)
                    and len(a.split()) >= rule.options["min_words_before"]
                    and not _STRUCTURAL.match(a) and not _STRUCTURAL.match(b)
                    and not _CODE.search(cur.text) and not _CODE.search(nxt.text)):
                s = cur.start + len(a)
                e = nxt.start + len(nxt.text) - len(b)
                fix = Fix(s, e, " ") if rule.fix else None
                last = a.split()[-1]
                f = rule.finding(doc, cur.start + len(a) - len(last), e + len(b.split()[0]), fix=fix,
                                 before=last, after=b.split()[0])
                yield i, j, f
        i = j
