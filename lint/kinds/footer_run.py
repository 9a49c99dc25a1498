"""footer-run: the rest of the page after a line of page chrome near its end.

Extractors cut the story out of a page but often keep what follows it: the author's bio, an
affiliate disclosure, "More from ..." cards with their teaser sentences, a newsletter box, the
site's footer. Many of these lines read like prose, so line rules cannot tell them from the
article; what gives them away is where they sit. When a line near the end of a document is
page chrome by one of the ``anchors`` rules (a byline after the story, a share or comment
prompt, a chrome-section heading, a publisher footer), every line after it is the page's
footer and is reported as one block. The anchor line itself is left to its own rule.

Options
- ``anchors``: ids of built-in rules whose findings mark where the footer starts.
- ``window`` (default 20): the anchor must be among the last ``window`` non-blank lines.
- ``max_share`` (default 0.25): what follows the anchor may hold at most this share of the
  document's characters. A chrome line high up in a short text (a byline under the title, a
  share bar above the story) has the article after it, not a footer.
- ``anchor_max_words`` (default 16): only lines of at most this many words can be anchors
  (chrome lines are short; a long line that mentions a newsletter is better left to its rule).
- ``max_prose_lines`` (default 1): the lines after the anchor may hold at most this many
  paragraphs of prose (lines of 40 words or more). A footer holds a bio or a disclosure at
  most; paragraph after paragraph is the story going on after an interruption.
- ``interrupting`` (default none): anchors (ids also in ``anchors``) that end a story as often
  as they interrupt it: an advertisement marker, an inline "Read more" link, a newsletter box,
  a date line of a live blog. After one of these the rest must read as page chrome: its first
  line is not a sentence of prose, and fewer than half of its lines are (a prose line: 8 words
  or more, ending in sentence punctuation, not only a link). Headlines of teaser cards, link
  lists, dates and headings pass; the story going on after an ad slot does not.

When the first anchor has the story after it, a later one may still end the story.

Cheap on most texts: only the lines that may hold the anchor are looked at, and a text whose
end has no short line, or none that could match an anchor rule's patterns (a test of
literals, then one search), is done. Otherwise the end of the text is parsed again as a small
document on which the anchor rules run, so the cost does not grow with the text's length.
"""

from __future__ import annotations

import bisect
import re

from ..prefilter import FOLD_UNSAFE, compile_pattern, first_char_class, required_literals
from . import Option
from .existence import _LINK, delete_lines  # (the gate delinks as existence does)

OPTIONS = {
    "anchors": Option(list, [], required=True),
    "window": Option(int, 20),
    "max_share": Option(float, 0.25),
    "anchor_max_words": Option(int, 16),
    "max_prose_lines": Option(int, 1),
    "interrupting": Option(list, []),
}
_PROSE_WORDS = 40  # a line of this many words is a paragraph of prose
_SENTENCE_WORDS = 8  # after an interrupting anchor, a line of this many words ending a sentence is prose
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]*_\s]*$")
SCOPES = ("document",)

_BUILTIN: dict = {}  # rule id -> built-in Rule, loaded on first use (one process, one load)
_GATES: dict = {}  # rule id -> cheap test on a text: can the rule fire on one of its lines?


def _builtin_rules() -> dict:
    if not _BUILTIN:
        from ..rules import load_rules

        _BUILTIN.update((r.id, r) for r in load_rules())
    return _BUILTIN


def prepare(rule):
    ids = rule.options["anchors"]
    if not ids or not all(isinstance(i, str) for i in ids):
        raise ValueError("footer-run needs anchors: a list of rule ids")
    rules = _builtin_rules()
    unknown = [i for i in ids if i not in rules]
    if unknown:
        raise ValueError(f"footer-run anchors: unknown rule id(s) {', '.join(unknown)}")
    if any(rules[i].kind == "footer-run" for i in ids):
        raise ValueError("footer-run anchors cannot be footer-run rules")
    if not set(rule.options.get("interrupting", ())) <= set(ids):
        raise ValueError("footer-run: interrupting anchors must also be in anchors")
    if rule.options["window"] < 1 or not 0 < rule.options["max_share"] <= 1:
        raise ValueError("footer-run needs window >= 1 and 0 < max_share <= 1")
    return tuple(ids)


def _gate(anchor):
    """A necessary condition for ``anchor`` to fire on a line of a text (``low``: the text
    lower-cased; ``delinked``: None, or the text with links reduced to their words and that
    lower-cased), far cheaper than
    running it on a small document. A line rule of kind existence needs one of the words of its
    ``prefilter`` and one of the literals every match of its patterns holds
    (`lint.prefilter.required_literals`), then a match of its
    patterns: at a line start after decoration when it judges whole lines, anywhere otherwise
    (also in the text with links reduced to their words, for rules that judge a line by its
    link text). A chrome-section needs a heading. Any other kind: always worth running."""
    gate = _GATES.get(anchor.id)
    if gate is None:
        gate = _GATES[anchor.id] = _make_gate(anchor)
    return gate


def _make_gate(anchor):
    o = anchor.options
    if anchor.kind == "chrome-section":
        return lambda text, low, delinked: "#" in text or "**" in text or "__" in text
    if anchor.kind != "existence" or anchor.scope not in (None, "line"):
        return lambda text, low, delinked: True
    rx = anchor.compiled[0]  # existence's expression (not compiled yet): its alternatives and flags
    body = "|".join(rx.parts)
    flags = rx.flags
    literals = required_literals(body, flags & ~re.MULTILINE)
    holds = compile_pattern("|".join(map(re.escape, sorted(literals)))).search if literals else None
    # the rule's own prefilter: words one of which every line it flags holds
    listed = compile_pattern("|".join(map(re.escape, o["prefilter"]))).search if o["prefilter"] else None
    whole = o["whole_unit"] or o["report"] == "unit"
    if whole:  # led by a newline, which re finds fast; [^\w\n]|_ covers any decoration
        # (and a look-ahead for the characters a match can start with, when known: at most line
        # starts it fails at once, where re would enter every alternative of the body)
        first = first_char_class(body, flags, same_flags=True)
        ahead = f"(?={first})" if first else ""
        search = compile_pattern(r"\n(?:[^\w\n]|_)*" + ahead + "(?:" + body + ")", flags).search
        lead = "\n"
    else:
        search, lead = compile_pattern(body, flags).search, ""

    def gate(text, low, delinked):
        hays = (text, delinked[0]) if whole and delinked is not None else (text,)
        if low is not None:  # None: lower-casing is no stand-in for case-blind matching here
            for test in (listed, holds):
                if test is not None and not test(low) and not (len(hays) > 1 and test(delinked[1])):
                    return False
        return any(search(lead + h) for h in hays)
    return gate


def check(doc, rule):
    texts, starts, text = doc.line_texts, doc.line_starts, doc.text
    last = len(texts) - 1
    while last >= 0 and (not texts[last] or texts[last].isspace()):
        last -= 1
    if last <= 0:
        return
    end = starts[last] + len(texts[last])
    # an anchor on line k leaves the text from line k + 1 on, which must be short enough
    first = max(0, bisect.bisect_left(starts, end - rule.options["max_share"] * len(text)) - 1)
    window = rule.options["window"]
    for i in range(last, first - 1, -1):  # and among the last `window` non-blank lines
        if texts[i] and not texts[i].isspace():
            window -= 1
            if not window:
                first = i
                break
    if first >= last:
        return
    max_words = rule.options["anchor_max_words"]
    # (split no further than one word past the limit: a long line costs no more than a short one)
    short = [t for t in texts[first:last] if len(t.split(None, max_words)) <= max_words and t.strip()]
    if not short:
        return  # most texts end in paragraphs of prose: no line there can be an anchor
    hay = "\n".join(short)
    delinked = _LINK.sub(r"\1", hay) if "](" in hay else None
    low = hay.lower()
    if not hay.isascii() and (len(low) != len(hay) or FOLD_UNSAFE.search(hay)):
        low = None
    if delinked is not None:
        delinked = delinked, delinked.lower()
    rules = _builtin_rules()
    candidates = [rules[rid] for rid in rule.compiled if _gate(rules[rid])(hay, low, delinked)]
    if not candidates:
        return
    from ..document import Document

    tail = Document(doc.text[starts[first]:end], path=doc.path, record=doc.record)
    tail.settings = getattr(doc, "settings", None)
    tail.decode_errors = []
    fired: dict = {}  # line in the tail -> ids of the anchors that fired on it
    for anchor in candidates:
        for f in anchor.check(tail):
            fired.setdefault(f.line, set()).add(anchor.id)
    interrupting = set(rule.options["interrupting"])
    for k in sorted(fired):
        line = first + k  # 0-based index of the line after the anchor
        if line > last or len(texts[line - 1].split(None, max_words)) > max_words:
            continue  # an anchor on the last line leaves nothing after it; long lines are no anchors
        after = [t for t in texts[line:last + 1] if t.strip()]
        prose = sum(1 for t in after if t.count(" ") >= _PROSE_WORDS - 1 and len(t.split()) >= _PROSE_WORDS)
        if prose > rule.options["max_prose_lines"]:
            continue  # paragraph after paragraph: the story goes on after an interruption
        if fired[k] <= interrupting and not _reads_as_chrome(after):
            continue
        while not texts[line].strip():
            line += 1
        start = starts[line]
        anchor = texts[first + k - 1].strip()
        yield rule.finding(doc, start, end, fix=delete_lines(doc, start, end, safe=False),
                           lines=last - line + 1, anchor=anchor[:60])
        return


def _is_sentence(line):
    """A line of prose: enough words, ending a sentence, more than a link."""
    words = _LINK.sub(r"\1", line).split()
    if len(words) < _SENTENCE_WORDS or not _SENTENCE_END.search(line):
        return False
    return _LINK.sub("", line).strip(" \t*_#>-•|") != ""


def _reads_as_chrome(after):
    """What follows an interrupting anchor is chrome, not the story going on: it does not
    open with a sentence of prose, and fewer than half its lines are prose."""
    prose = [_is_sentence(t) for t in after]
    return not prose[0] and 2 * sum(prose) < len(prose)
