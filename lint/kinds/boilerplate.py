"""boilerplate: blocks of page chrome found by their shape and their neighbours (jusText-style).

Menus, link lists, social buttons and footers have no telling phrase, but they have a shape:
lines that are mostly link text, or have no readable words at all (icons, images), standing
together. Each line is classed

- ``chrome``: links or images with no words once Markdown is stripped (icons), or at least
  ``link_density`` of its visible characters are link text;
- ``prose``: at least ``prose_words`` words, mostly not links;
- ``short``: anything else (headings, labels, list items) - judged by its neighbours.

A run of ``chrome`` and ``short`` lines (blank lines do not break it) that holds at least
``min_chrome`` chrome lines, with chrome the majority, is reported as one block, trimmed to
start and end on chrome lines: a short line is boilerplate only between chrome lines, never at
the edge next to prose (a heading above a list of links is the article's).

Whole-page scrapes (at least ``page_share`` of the document's lines are chrome, some of it
above the first paragraph of prose and some below the last; or simply most lines chrome; or
a chrome-dense header and footer around the densest stretch of prose, for pages whose first
lines read like prose) get a second, context-aware pass: the article is taken to be the densest stretch of prose (the
best-scoring span, prose lines counting their words and chrome lines against, widened to the
nearest chrome on either side), and the short lines outside it that sit among chrome are
reported as well - the menus, section labels and
footer fragments around the story.

Options
- ``link_density`` (default 0.5), ``prose_words`` (default 12), ``min_chrome`` (default 3),
  ``page_share`` (default 0.1; 0 turns the page pass off). Outside whole-page scrapes
  only blocks of word-less chrome (icon and image links) and menus above the first paragraph
  (link labels of at most four words) are reported: in extracted text a list of links is as
  often the article's own (sources, products) as a menu.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..prefilter import register
from . import Option
from .existence import delete_lines

OPTIONS = {
    "link_density": Option(float, 0.5),
    "prose_words": Option(int, 12),
    "min_chrome": Option(int, 3),
    "page_share": Option(float, 0.1),
}
SCOPES = ("document",)

CHROME, SHORT, PROSE = "chrome", "short", "prose"
# [text](url) and ![alt](src), with one level of nested brackets (a linked image inside a link).
_LINK = re.compile(r"(!?)\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
                   r"(?:\s+\"[^\"\n]*\")?\)")
_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
_DECOR = re.compile(r"[*_#>|`~=]+|^\s*(?:[-+•·]|\d{1,3}[.)])\s+")
_WORD = re.compile(r"\w+")
_LIST_NUMBER = re.compile(r"\s*\d{1,3}[.)]\s+")  # the one word _DECOR removes (not after a leading mark)
_TITLE = re.compile(r"\s{0,3}#\s")  # a page's one level-1 heading is its headline


def visible(text: str) -> tuple[str, int]:
    """The line as a reader sees it (link text kept, images, URLs and Markdown marks dropped)
    and how many of its characters are link text."""
    linked = 0
    if "](" in text:
        def keep_text(m):
            nonlocal linked
            if m.group(1):
                return " "
            inner = m.group(2)
            if "![" in inner:  # (every image holds one)
                inner = _IMAGE.sub(" ", inner)
            inner = inner.strip()
            linked += len(inner)
            return inner

        text = _LINK.sub(keep_text, text)
    return _DECOR.sub(" ", text).strip(), linked


def line_class(text: str, link_density: float, prose_words: int) -> str:
    """chrome, short or prose, from the line's visible text and how much of it is link text."""
    if "](" not in text and "_" not in text:
        # No link, and _DECOR only drops non-word marks and a leading list number: count the
        # words in place, stopping at the threshold (most lines of a page take this path).
        lead = 1 if _LIST_NUMBER.match(text) else 0
        return PROSE if _has_words(max(prose_words, 1) + lead)(text) else SHORT  # 0 words: short
    shown, linked = visible(text)
    if not _WORD.search(shown):  # no words
        return CHROME if "](" in text else SHORT  # an icon or image link; a bare separator is neutral
    if linked and linked >= link_density * len(shown):
        return CHROME
    return PROSE if _has_words(max(prose_words, 1))(shown) else SHORT


@lru_cache(maxsize=8)
def _has_words(n):
    """A test for "at least n words (\\w+ runs)" that stops after the n-th."""
    try:  # possessive quantifiers (Python 3.11+): no backtracking into a word
        return re.compile(r"\W*+(?:\w++\W*+){%d}" % n).match
    except re.error:
        return lambda text: len(_WORD.findall(text)) >= n


_LINK_IDS = register(("](",))  # found by the document's one literal scan (None without the package)


def literal_gate(rule):
    """For the engine: no link, no chrome (see `check`)."""
    return None if _LINK_IDS is None else (_LINK_IDS, False)


def check(doc, rule):
    o = rule.options
    if not doc.has_links:  # chrome lines are links: without one there is nothing to find
        return
    filled = [i for i, blank in enumerate(doc._blank) if not blank]
    if not filled:
        return
    all_texts = doc.line_texts
    lines = [all_texts[i] for i in filled]  # the text of each non-blank line
    density, words = o["link_density"], o["prose_words"]
    # Chrome lines hold a link: class those first. Too few chrome lines make neither a block
    # (min_chrome) nor a whole page (5), and the rest of the lines need no look.
    classes = [line_class(t, density, words) if "](" in t else None for t in lines]
    chrome = classes.count(CHROME)
    if chrome < 5 and chrome < max(1, o["min_chrome"]):
        return
    _class_rest(lines, classes, density, words)
    page = o["page_share"] and chrome >= 5 and (_whole_page(classes, o["page_share"])
                                                 or _framed(lines, classes))
    flagged = set(_chrome_blocks(classes, o["min_chrome"]))
    if page:
        flagged.update(_outside_article(lines, classes))
        flagged.update(k for k, c in enumerate(classes) if c == CHROME)
        flagged -= {k for k, t in enumerate(lines) if _TITLE.match(t)}
    else:  # in extracted text a list of links is often the article's own (sources, products)
        first = classes.index(PROSE) if PROSE in classes else len(classes)
        flagged = {k for k in flagged if not _WORD.search(visible(lines[k])[0])
                   or (k < first and _menu_item(lines[k]))}
    starts = doc.line_starts
    for a, b in _runs(sorted(flagged)):
        start, end = starts[filled[a]], starts[filled[b]] + len(lines[b])
        n = b - a + 1
        yield rule.finding(doc, start, end, fix=delete_lines(doc, start, end, safe=False),
                           lines=n, match=lines[a].strip()[:60])


def _class_rest(lines, classes, density, words):
    """Fill in the classes of the lines without a link (None in ``classes``): `line_class`'s
    path for a line with neither link nor "_", with its two word tests made once."""
    need = max(words, 1)
    has_n, has_more = _has_words(need), _has_words(need + 1)
    too_short = 2 * need - 1  # n words take at least 2n - 1 characters
    list_number = _LIST_NUMBER.match
    for k, c in enumerate(classes):
        if c is None:
            t = lines[k]
            if len(t) < too_short:
                classes[k] = SHORT
            elif "_" in t:
                classes[k] = line_class(t, density, words)
            else:
                classes[k] = PROSE if (has_more if list_number(t) else has_n)(t) else SHORT


def _menu_item(text):
    """A menu entry: a link label of a few words."""
    return len(_WORD.findall(visible(text)[0])) <= 4


def _whole_page(classes, share):
    """A whole-page scrape: chrome is common and stands both above the first paragraph of prose
    (menus) and below the last one (footers), or a whole menu stands above it (a page can end
    in a prose footer), or most of its lines are chrome. Lists of links inside an article do
    not make a page."""
    chrome = classes.count(CHROME)
    if PROSE not in classes or chrome < share * len(classes):
        return False
    if chrome >= max(15, 0.4 * len(classes)):  # mostly links: a page, whatever its layout
        return True
    first, last = classes.index(PROSE), len(classes) - 1 - classes[::-1].index(PROSE)
    above, below = classes[:first].count(CHROME), classes[last + 1:].count(CHROME)
    return (above >= 3 and below >= 3) or above >= 5


def _chrome_blocks(classes, min_chrome):
    i, n = 0, len(classes)
    while i < n:
        if classes[i] != CHROME:
            i += 1
            continue
        j = i
        while j + 1 < n and classes[j + 1] != PROSE:
            j += 1
        while classes[j] != CHROME:  # trim trailing short lines
            j -= 1
        block = classes[i:j + 1]
        if block.count(CHROME) >= min_chrome and 2 * block.count(CHROME) > len(block):
            yield from range(i, j + 1)
        i = j + 1


def _article_span(lines, classes, chrome_cost=8):
    """The densest stretch of prose: the best-scoring span, prose lines counting their words,
    chrome lines -chrome_cost and short lines -1 (first and last line index, or None)."""
    best, best_span, run, run_start = 0, None, 0, 0
    for k, c in enumerate(classes):
        score = len(lines[k].split()) if c == PROSE else (-chrome_cost if c == CHROME else -1)
        if run <= 0:
            run, run_start = 0, k
        run += score
        if run > best:
            best, best_span = run, (run_start, k)
    return best_span


def _framed(lines, classes, need=3, density=0.15):
    """A whole-page scrape whose first lines read like prose (a menu blurb, a teaser): the
    densest stretch of prose has a header and a footer of page chrome around it - at least
    ``need`` chrome lines on each side, and chrome no rarer than ``density`` of the lines there.
    Extracted text may keep a few links around the story, but not a chrome-dense frame."""
    span = _article_span(lines, classes)
    if span is None:
        return False
    a, b = span
    above, below = classes[:a].count(CHROME), classes[b + 1:].count(CHROME)
    return (above >= need and below >= need
            and above >= density * a and below >= density * (len(classes) - 1 - b))


def _outside_article(lines, classes):
    """Every non-chrome line outside the article: the best-scoring span of prose, widened over
    the short lines (title, byline, subheads) up to the nearest chrome on each side. Here a chrome
    line costs as much as a long sentence: on a whole page the story is one dense stretch, and
    the link-studded cards, staff blurbs and teasers next to it are not part of it. (Telling a
    whole page from extracted text uses the gentler cost: there the span should be generous.)"""
    best_span = _article_span(lines, classes, chrome_cost=16)
    if best_span is None:
        return
    a, b = best_span
    while a > 0 and classes[a - 1] != CHROME:  # the title and byline above the first paragraph
        a -= 1
    while b + 1 < len(classes) and classes[b + 1] != CHROME:
        b += 1
    for k, c in enumerate(classes):
        if c != CHROME and not a <= k <= b:
            yield k


def _runs(indices):
    if not indices:
        return
    a = b = indices[0]
    for k in indices[1:]:
        if k == b + 1:
            b = k
        else:
            yield a, b
            a = b = k
    yield a, b
