"""honorific: "Mr Putin" in one sentence, plain "Putin" everywhere else.

A courtesy title used once is a seam: that sentence was written to another house style
(a pasted or rewritten passage). Reported when a surname takes Mr/Mrs/Ms/Dr exactly once and
appears bare at least ``min_bare`` times.
"""

from __future__ import annotations

import re

from ..facts.report import related
from . import Option
from ..facts import finditer_at, lazy_re

OPTIONS = {"min_bare": Option(int, 3)}
SCOPES = ()

_TITLED = lazy_re(r"\b(?P<title>Mr|Mrs|Ms|Dr|Mx)\.?\s+(?P<name>[A-Z][\w'’-]+)")


def check(doc, rule):
    text = doc.text
    if "M" not in text and "Dr" not in text:
        return
    uses = {}
    for m in finditer_at(_TITLED, text, ("Mr", "Ms", "Dr", "Mx")):  # "Mrs" begins with "Mr"
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
