"""offtopic-teaser: a line that advertises another article (a teaser headline).

Pages interleave links to other stories with the text, and extraction keeps them as lines of
their own: "ALSO READ: How the Fed Lost Control", "Related: …", "The History of Coffee »",
"Best CRMs of 2026 Read more", "Battle for Syria's Oil Pits …: https://…". Shapes recognised:

- ``wrapper``: a teaser label (``labels``) followed by a headline;
- ``arrow``: a headline ending in », →, › or "(Read more)" / "Read more";
- ``link``: a headline followed by a bare URL;
- ``note``: a bracketed editor's note at the start of a line whose words are foreign to the
  article (a note about another story);
- ``headline``: a short line without final punctuation, in the body between prose paragraphs,
  whose content words are foreign to the rest of the document (only with ``bare_headlines``:
  subheadings look the same, so it is off by default).

A teaser whose headline mostly reuses the article's words links to a related story of the same
site: scraping chrome for the artefact rules, not off-topic text (``min_foreign``).
A document with more than ``max_per_document`` teaser lines carries a site's own related-links
box: that is scraping chrome (artefact rules), not an insertion, so nothing is reported.
The message lists the headline's words that the article never uses (the evidence).

Cost: without ``bare_headlines`` a line can only have a shape when it opens with a label, "[" or
"read/see/view more", ends in an arrow, or holds "read more" or "http"; these are found by
C-speed searches of the whole document and a look at each line's last character, and only
such lines (and the line above a "read more") are judged.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from . import Option

OPTIONS = {
    "labels": Option(list, ["also read", "read more", "read also", "read next", "see also", "related",
                            "recommended", "more", "don't miss", "must read", "up next", "trending",
                            "popular", "editor's pick", "you may also like", "also see", "more from"],
                     doc="teaser labels that open a line, before ':' or a dash"),
    "min_words": Option(int, 3, doc="a headline has at least this many words"),
    "max_words": Option(int, 16, doc="and at most this many"),
    "max_per_document": Option(int, 2, doc="more teaser lines than this: a site's link box, not a splice"),
    "bare_headlines": Option(bool, False, doc="also report label-less headline lines foreign to the text"),
    "min_foreign": Option(float, 0.4, doc="share of a teaser's rare words absent from the text: below it, "
                                          "the link points to a related story of the site (an artefact)"),
    "min_foreign_bare": Option(float, 0.75, doc="the same for bare headlines and editor's notes"),
}
SCOPES = ("line",)

_URL = r"https?://\S+"
_ARROW = re.compile(r"^(?P<h>.+?)\s*(?:[»›→]+|>>|\(read more\)|read more\W*|…\s*read more\W*)$", re.I)
_LINK = re.compile(rf"^(?P<h>[^:]+?(?::[^:]+?)?)\s*[:\-–—|]\s*(?P<u>{_URL})$")
_ARROW_LAST = frozenset("»›→>)")  # how an arrow teaser can end, unless in "read more"
_READ_MORE = re.compile(r"^(?:read|see|view) (?:more|full story)\W*$", re.I)
_NOTE = re.compile(r"^\[(?:editor[’']?s?[’']? note|ed\. note|note)\s*[:\-–—]", re.I)


def prepare(rule):
    """(label pattern for one stripped line, pattern finding the lines that open with a label,
    "[" or "read/see/view more" in the document with a newline put in front)."""
    labels = "|".join(re.escape(x).replace("'", "['’]") for x in rule.options["labels"])
    return (re.compile(rf"^(?:{labels})\s*(?::|\||-|–|—)\s*(?P<h>.+)$", re.I),
            re.compile(rf"\n[^\S\n]*(?:{labels}|\[|(?:read|see|view) (?:more|full story))", re.I))


def _words(text: str) -> int:
    return len(text.split())


def check(doc, rule):
    from ..topic.cohesion import profile
    from ..topic.lexicon import bag, surfaces

    opts = rule.options
    label_rx, _ = rule.compiled

    def foreign(line: str, text: str):
        total = profile(doc).total  # only for documents with a teaser-shaped line
        own, b = bag(line), bag(text)
        mass = sum(b.values())
        alone = sorted(((x, k) for k, x in b.items() if total.get(k, 0.0) - own.get(k, 0.0) < 1e-9), reverse=True)
        share = sum(x for x, _ in alone) / mass if mass else 0.0
        return share, [k for _, k in alone]

    hits, shaped = [], 0
    for ln, text, prev, nxt in _judged_lines(doc, rule):
        shape, head = _shape(label_rx, text, opts, prev, nxt)
        if shape is None:
            continue
        shaped += 1
        share, words = foreign(ln.text, head)
        if share < opts["min_foreign_bare" if shape in ("note", "headline") else "min_foreign"]:
            continue
        hits.append((ln, shape, share, words))
    if shaped > opts["max_per_document"]:
        return
    for ln, shape, share, words in hits:
        s = ln.start + len(ln.text) - len(ln.text.lstrip())
        evidence = ", ".join(surfaces(ln.text, words)) or "none"
        yield rule.finding(doc, s, ln.start + len(ln.text.rstrip()), shape=shape,
                           foreign=evidence, foreign_share=f"{share:.0%}")


def _judged_lines(doc, rule):
    """(line, stripped text, previous and next non-blank line or None) of every non-blank
    line that may have a teaser shape, in document order."""
    from ..topic.lexicon import lowered

    texts = doc.line_texts
    low = lowered(doc)
    if rule.options["bare_headlines"] or low is None:  # every line is judged
        numbers = range(len(texts))
    else:
        numbers = _candidate_lines(doc, low, rule.compiled[1])
    for n in numbers:
        text = texts[n].strip()
        if not text:
            continue
        yield doc.line(n), text, _neighbour(doc, n, -1), _neighbour(doc, n, 1)


def _neighbour(doc, n: int, step: int):
    """The nearest non-blank line before (step -1) or after (step 1) line ``n``, or None."""
    texts = doc.line_texts
    n += step
    while 0 <= n < len(texts):
        if texts[n].strip():
            return doc.line(n)
        n += step
    return None


def _candidate_lines(doc, low: str, opening) -> list[int]:
    """Numbers of the lines that can have a shape other than ``headline``, sorted."""
    starts = doc.line_starts
    positions = [m.start() for m in opening.finditer("\n" + doc.text)]  # one ahead: the newline
    below = [bisect_right(starts, i) - 1 for i in positions]  # lines that open with a cue
    for needle, text in (("read more", low), ("http", doc.text)):
        i = text.find(needle)
        while i >= 0:
            positions.append(i)
            i = text.find(needle, text.find("\n", i) % (len(text) + 1))  # the next line on
    numbers = {bisect_right(starts, i) - 1 for i in positions}
    texts = doc.line_texts
    numbers.update(n for n, t in enumerate(texts) if t.rstrip()[-1:] in _ARROW_LAST)  # ends in an arrow
    for n in below:  # "Read more" under a headline: the headline is the line above
        n -= 1
        while n >= 0 and not texts[n].strip():
            n -= 1
        if n >= 0:
            numbers.add(n)
    return sorted(numbers)


def _shape(label_rx, text, opts, prev, nxt):
    """(shape, headline text) or (None, None); ``prev``/``nxt``: the neighbouring non-blank
    lines (None at the ends)."""
    lo, hi = opts["min_words"], opts["max_words"]
    m = label_rx.match(text)
    if m and lo <= _words(m.group("h")) <= hi and not m.group("h").rstrip().endswith("."):
        return "wrapper", m.group("h")
    m = _ARROW.match(text) if text[-1] in _ARROW_LAST or "read more" in text.lower() else None
    if m and lo <= _words(m.group("h")) <= hi and not m.group("h").rstrip().endswith((".", "!")):
        return "arrow", m.group("h")
    m = _LINK.match(text) if "http" in text else None
    if m and lo <= _words(m.group("h")) <= hi:
        return "link", m.group("h")
    if nxt is not None and _READ_MORE.match(nxt.text.strip()) and lo <= _words(text) <= hi:
        return "label-below", text
    if _NOTE.match(text):
        return "note", text
    if (opts["bare_headlines"] and lo + 2 <= _words(text) <= hi - 2 and prev is not None and nxt is not None
            and not text.endswith(tuple(".!?:;,\"”)…")) and text[:1].isupper()
            and _prose(prev.text) and _prose(nxt.text)):
        return "headline", text
    return None, None


def _prose(text: str) -> bool:
    return len(text.split()) >= 12 and text.rstrip().endswith(tuple(".!?\"”’)"))
