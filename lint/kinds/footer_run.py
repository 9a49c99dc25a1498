"""footer-run: the rest of the page after a line of page chrome near its end.

Extractors cut the story out of a page but often keep what follows it: the author's bio, an
affiliate disclosure, "More from ..." cards with their teaser sentences, a newsletter box, the
site's footer. Many of these lines read like prose, so line rules cannot tell them from the
article; what gives them away is where they sit. When a line near the end of a document is
page chrome by one of the ``anchors`` rules (a byline or date line after the story, a share,
newsletter or "Read more" prompt, a chrome-section heading, a publisher footer), every line
after it is the page's footer and is reported as one block. The anchor line itself is left to
its own rule.

Options
- ``anchors``: ids of built-in rules whose findings mark where the footer starts.
- ``window`` (default 20): the anchor must be among the last ``window`` non-blank lines.
- ``max_share`` (default 0.25): what follows the anchor may hold at most this share of the
  document's characters. A chrome line high up in a short text (a byline under the title, a
  share bar above the story) has the article after it, not a footer.

Only the last ``window`` lines are parsed again (a small document of the tail, on which the
anchor rules run), so the cost per document does not grow with its length.
"""

from __future__ import annotations

from . import Option
from .existence import delete_lines

OPTIONS = {
    "anchors": Option(list, [], required=True),
    "window": Option(int, 20),
    "max_share": Option(float, 0.25),
}
SCOPES = ("document",)

_BUILTIN: dict = {}  # rule id -> built-in Rule, loaded on first use (one process, one load)


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
    if rule.options["window"] < 1 or not 0 < rule.options["max_share"] <= 1:
        raise ValueError("footer-run needs window >= 1 and 0 < max_share <= 1")
    return tuple(ids)


def check(doc, rule):
    from ..document import Document

    texts = doc.line_texts
    window, last, first = rule.options["window"], None, None
    for i in range(len(texts) - 1, -1, -1):  # the last `window` non-blank lines, from the end
        if texts[i].strip():
            last = i if last is None else last
            first = i
            window -= 1
            if not window:
                break
    if last is None:
        return
    base = doc.line_starts[first]
    tail = Document(doc.text[base:], path=doc.path, record=doc.record)
    tail.settings = getattr(doc, "settings", None)
    tail.decode_errors = []
    rules = _builtin_rules()
    anchor_lines = set()
    for rid in rule.compiled:
        anchor_lines.update(f.line for f in rules[rid].check(tail))
    if not anchor_lines:
        return
    total = max(1, len(doc.text.strip()))
    end = doc.line_starts[last] + len(texts[last])
    for k in sorted(anchor_lines):
        line = first + k  # 0-based index of the line after the anchor
        if line > last:
            break
        start = doc.line_starts[line]
        if end - start > rule.options["max_share"] * total:
            continue  # too much text after it: the article goes on
        while not texts[line].strip():
            line += 1
        start = doc.line_starts[line]
        anchor = texts[first + k - 1].strip()
        yield rule.finding(doc, start, end, fix=delete_lines(doc, start, end, safe=False),
                           lines=last - line + 1, anchor=anchor[:60])
        return
