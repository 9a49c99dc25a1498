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

import bisect
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
# A newline whose next non-blank text starts in lower case (group 1 ends at that letter).
_LOWER_NEXT = re.compile(r"\n(?=(\s*)[a-z])")


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
    """(i, j, finding) for each line i whose sentence runs on into the next non-blank line j.
    Only line breaks followed (across blank lines) by a lower-case letter can qualify: one scan
    for those (a search for a newline, fast) instead of a look at every line."""
    text = doc.text
    if not _LOWER_NEXT.search(text):
        return
    starts, texts = doc.line_starts, doc.line_texts
    for m in _LOWER_NEXT.finditer(text):  # (the newlines of blank lines in a gap fail on `a`)
        i = bisect.bisect_right(starts, m.start()) - 1
        j = bisect.bisect_right(starts, m.end(1)) - 1
        blank = j > i + 1
        if (blank and rule.options["blank_lines"]) or (not blank and rule.options["hard_wraps"]):
            cur, nxt = texts[i], texts[j]
            a, b = cur.rstrip(), nxt.lstrip()
            if (a and _ENDS_OPEN.search(a) and _STARTS_LOWER.match(b)
                    and len(a.split()) >= rule.options["min_words_before"]
                    and not _STRUCTURAL.match(a) and not _STRUCTURAL.match(b)
                    and not _CODE.search(cur) and not _CODE.search(nxt)):
                s = starts[i] + len(a)
                e = starts[j] + len(nxt) - len(b)
                fix = Fix(s, e, " ") if rule.fix else None
                last = a.split()[-1]
                f = rule.finding(doc, starts[i] + len(a) - len(last), e + len(b.split()[0]), fix=fix,
                                 before=last, after=b.split()[0])
                yield i, j, f
