"""comment-section: a page's comment thread, from its heading to the end of the document.

Readers' comments are prose, so line rules cannot tell them from the article; what gives them
away is the thread's frame. A line that opens a comment section on its own ("50 Comments",
"Leave a Reply", "Discussion about this post", "12 thoughts on “…”", "Comments are closed")
followed by at least ``min_replies`` reply markers ("Reply" buttons or links, ``#comment-``
anchors, "Jane says:", "March 10, 2021 at 7:57 AM", "3 likes"), the first of them within
``max_gap`` lines, starts the thread (a "Comments" entry of the top menu is followed by the
article, not by replies). Comments
come after the article, and what follows them (the page footer) is no article either, so the
finding runs from the opening line to the end of the document. A lone "Comments" heading
without reply markers after it (an article about comments, an empty widget) is left to A108.

Options
- ``min_replies`` (default 2): reply markers needed after the opening line.
- ``max_gap`` (default 40): lines allowed between the opening line and the first reply marker.
"""

from __future__ import annotations

import re

from ..prefilter import folded, lines_holding, lines_of, register
from . import Option
from .existence import delete_lines

OPTIONS = {"min_replies": Option(int, 2), "max_gap": Option(int, 40)}
SCOPES = ("document",)

# The opening line, standing alone (Markdown heading, list and emphasis marks ignored).
_OPENER = re.compile(
    r"^[ \t#*_>]*(?:\d+\s+(?:comments?|responses?|replies)"
    r"|comments?(?:\s*\(\d+\))?|leave a (?:reply|comment)|post a comment|add a comment"
    r"|discussion about this post|join the (?:discussion|conversation)|(?:reader|user)s?'? comments"
    r"|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) thoughts? on\b.{0,120}"
    r"|\d+ (?:comments|responses|replies) (?:to|on)\b.{0,120}"
    r"|(?:these )?comments are closed\.?)[ \t*_:]*$",
    re.IGNORECASE | re.MULTILINE)
# What comment threads are made of, line by line.
_REPLY = re.compile(
    r"^[ \t*_\-]*\[?[ \t]*reply[ \t]*\]?(?:\(|[ \t]*$)|replytocom=|#comment-\d|\bsays:[ \t]*$"
    r"|^\W*(?:reply|like|report|share)(?:[ \t]*[|·•]?[ \t]*(?:reply|like|report|share))+\W*$"
    r"|^[^\n]{0,60}\b\d{4},?[ \t]+(?:at[ \t]+)?\d{1,2}:\d{2}[ \t]*(?:am|pm)\b[^\n]{0,20}$"  # "March 10, 2021 at 7:57 AM"
    r"|^\W*\d+[ \t]+(?:likes?|replies)\W*$",
    re.IGNORECASE | re.MULTILINE)
_CUES = ("comment", "repl", "thought", "discussion", "conversation", "respons")
_CUE = re.compile("|".join(_CUES), re.IGNORECASE)
_CUE_IDS = register(_CUES)  # found by the document's one literal scan (None without the package)


def literal_gate(rule):
    """For the engine: no cue word, no thread (see `_cue_lines`)."""
    return None if _CUE_IDS is None else (_CUE_IDS, False)


def check(doc, rule):
    text = doc.text
    low = folded(doc)  # lower-cased once per document, shared with the other rules
    if low is None:
        low = doc.__dict__.get("_lower") or text.lower()
    if len(low) == len(text):
        candidates = _cue_lines(doc, low)
    else:  # lower-casing shifted offsets (rare scripts): find the cue words in the text itself
        candidates = sorted({doc.position(m.start())[0] - 1 for m in _CUE.finditer(text)})
    need, gap = rule.options["min_replies"], rule.options["max_gap"]
    for line in candidates:
        s = doc.line_starts[line]
        m = _OPENER.match(text, s, _line_end(text, s))
        if not m:
            continue
        replies = 0
        for r in _REPLY.finditer(text, m.end()):
            if not replies and doc.position(r.start())[0] - (line + 1) > gap:
                break
            replies += 1
            if replies >= need:
                break
        if replies < need:
            continue
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        end = len(text.rstrip())
        lines = doc.position(end - 1)[0] - line
        yield rule.finding(doc, start, end, fix=delete_lines(doc, start, end, safe=False),
                           lines=lines, match=m.group().strip()[:60])
        return


def _cue_lines(doc, low):
    """Indices of the lines holding a cue word, in order: only they can open a thread (finding
    literals is much faster than trying an anchored pattern at every position)."""
    if _CUE_IDS is not None and low is doc.__dict__.get("_lower"):  # the shared scan's text
        return sorted(lines_of(doc, _CUE_IDS))
    return sorted(lines_holding(low, doc.line_starts, _CUES))


def _line_end(text, s):
    e = text.find("\n", s)
    return len(text) if e == -1 else e
