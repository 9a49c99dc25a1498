"""honorific: "Mr Putin" in one sentence, plain "Putin" everywhere else.

A courtesy title used once is a seam: that sentence was written to another house style
(a pasted or rewritten passage). Reported when a surname takes Mr/Mrs/Ms/Dr exactly once and
appears bare at least ``min_bare`` times.
"""

from __future__ import annotations

import re

from ..facts.report import related
from . import Option
from ..facts import lazy_re, matches_at

OPTIONS = {"min_bare": Option(int, 3)}
SCOPES = ()

_TITLED = lazy_re(r"\b(?P<title>Mr|Mrs|Ms|Dr|Mx)\.?\s+(?P<name>[A-Z][\w'’-]+)")


def _title_spots(text):
    """Where a title can begin: an "M" before "r", "s" or "x" (Mr, Mrs, Ms, Mx: one search for
    all four), and "Dr"."""
    spots = []
    for lead, seconds in (("M", "rsx"), ("Dr", "")):
        i = text.find(lead)
        while i >= 0:
            if not seconds or (i + 1 < len(text) and text[i + 1] in seconds):
                spots.append(i)
            i = text.find(lead, i + 1)
    return spots


def check(doc, rule):
    text = doc.text
    uses = {}
    for m in matches_at(_TITLED, text, _title_spots(text)):
        uses.setdefault(m["name"], []).append(m)
    for name, ms in uses.items():
        if len(ms) != 1:
            continue
        m = ms[0]
        bare = [b for b in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
                if not re.search(r"(?:Mr|Mrs|Ms|Dr|Mx)\.?\s+$", text[max(0, b.start() - 5):b.start()])]
        if len(bare) < rule.options["min_bare"]:
            continue
        f = rule.finding(doc, m.start(), m.end(), title=m["title"], name=name, bare=len(bare),
                         bare_line=doc.position(bare[0].start())[0])
        f.related.append(related(doc, bare[0].start(), bare[0].end(), "without the title"))
        yield f
