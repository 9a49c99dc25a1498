"""chrome-section: a section of the page template, found by its heading, reported whole.

Share bars, newsletter boxes, tag lists and disclosure boxes often come with a heading of
their own ("Share this article", "Sign up for our newsletter", "Tags", "Required
Disclosures"). Their bodies vary (icons, a sign-up pitch in full sentences, a list of
topics), but the heading names what they are. A heading whose text, without Markdown marks
and a trailing colon, matches one of ``headings`` opens such a section; the section runs to
the next heading of the same or a higher level (a bold line standing alone counts as a
heading below every Markdown level) or to the end of the document, and is reported as one
block, heading included.

Options
- ``headings``: regular expressions, matched case-insensitively against the whole heading text.
- ``max_lines`` (default 30): a longer section is left alone - a heading that opens half the
  document is more likely the article's own (a guide to sharing, a post about tags).
- ``body``: ``section`` (default) reports the heading and its whole section; ``links`` only the
  heading and the run of link lines right under it (lines of three words or fewer may sit
  between them), and only when there is at least one - for headings such as "Related
  articles" that a page also puts above a block of its own text.
"""

from __future__ import annotations

import re

from ..prefilter import register
from . import Option
from .existence import delete_lines

OPTIONS = {"headings": Option(list, [], required=True), "max_lines": Option(int, 30),
           "body": Option(str, "section", choices=("section", "links"))}
SCOPES = ("document",)

# "## Heading", or a line that is nothing but bold text (a heading the page styled by hand); led
# by its newline, not by "^": a search for a literal first character is several times faster
_HEADING = re.compile(r"\n(?: {0,3}(#{1,6})[ \t]+([^\n]+?)[ \t#]*"
                      r"|[ \t]*(?:\*\*|__)([^*_\n]{2,80})(?:\*\*|__)[ \t]*:?[ \t]*)(?=\n|\Z)")
_MARKS = re.compile(r"\]\([^)\n]*\)|[*_`\[\]]")
_BOLD_LEVEL = 7
_LINK = re.compile(r"!?\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\([^)\n]*\)")
_WORD = re.compile(r"\w+")


# Every heading holds "#", "**" or "__": found by the document's one literal scan.
_HEAD_IDS = register(("#", "**", "__"))


def literal_gate(rule):
    """For the engine: a document without heading marks has no section to report."""
    return None if _HEAD_IDS is None else (_HEAD_IDS, False)


def prepare(rule):
    if not rule.options["headings"]:
        raise ValueError("chrome-section needs headings")
    return re.compile("|".join(f"(?:{h})" for h in rule.options["headings"]), re.IGNORECASE)


def check(doc, rule):
    names = rule.compiled
    text = doc.text
    heads = _headings(doc)
    if not heads:
        return
    reported = -1  # end of the last section reported: headings inside it are its own
    for k, (start, level, title) in enumerate(heads):
        if start < reported or not names.fullmatch(_MARKS.sub("", title).strip(" :.-–—\t")):
            continue
        end = next((s for s, lv, _ in heads[k + 1:] if lv <= level or (level == _BOLD_LEVEL and lv < level)),
                   len(doc.text))
        if rule.options["body"] == "links":
            end = _link_run_end(doc, start, next((s for s, _, _ in heads[k + 1:]), len(text)))
            if end is None:
                continue
        end = len(doc.text[:end].rstrip())
        top, last = doc.position(start)[0], doc.position(max(start, end - 1))[0]
        if last - top + 1 > rule.options["max_lines"]:
            continue
        reported = end
        start += len(doc.text[start:end]) - len(doc.text[start:end].lstrip())
        yield rule.finding(doc, start, end, fix=delete_lines(doc, start, end, safe=False),
                           lines=last - top + 1, match=title.strip()[:60])


def _headings(doc):
    """(start, level, title) of every heading, found once per document for all the rules."""
    heads = doc.__dict__.get("_chrome_headings")
    if heads is None:
        text = doc.text
        nl = text.find("\n")
        first = _HEADING.match("\n" + (text[:nl] if nl >= 0 else text))  # no newline before the first line
        found = ([(0, first)] if first else []) + [(m.start() + 1, m) for m in _HEADING.finditer(text)]
        heads = doc.__dict__["_chrome_headings"] = [
            (s, len(m.group(1)) if m.group(1) else _BOLD_LEVEL, m.group(2) or m.group(3)) for s, m in found]
    return heads


def _link_run_end(doc, start, limit):
    """End of the run of link lines under the heading at ``start`` (before ``limit``, the next
    heading), or None when no link line follows it."""
    end, links = None, 0
    line = doc.position(start)[0]  # the heading's line number = index of the line after it
    for span in doc.lines[line:]:
        if span.start >= limit:
            break
        t = span.text
        if not t.strip():
            continue
        shown = _LINK.sub(lambda m: m.group(1), t)
        linked = sum(len(m.group(1)) for m in _LINK.finditer(t)) if "](" in t else 0
        if linked and linked >= 0.5 * len(shown.strip(" \t*_#>|-•·")):
            links += 1
        elif len(_WORD.findall(shown)) > 3:
            break
        end = span.end
    return end if links else None
