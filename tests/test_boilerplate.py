"""A110 (boilerplate kind): which pages count as whole-page scrapes."""

import pytest

from lint.engine import lint_text, select_rules
from lint.kinds.boilerplate import _WORD, PROSE, SHORT, line_class, visible

PROSE_LINE = ("The minister resigned on Tuesday after a week of pressure from his own party, "
              "the opposition and the unions, aides said.")
BLURB = "Our team helps small businesses grow with tools that make every day a little easier for you."


def links(*words):
    return [f"* [{w}](/{w.lower()})" for w in words]


def flagged_lines(rules, text):
    _, found = lint_text(text, select_rules(rules, ["A110"]))
    return {n for f in found for n in range(f.line, f.end_line + 1)}


def test_page_whose_menu_holds_a_prose_blurb_is_still_a_whole_page(rules):
    """A sentence-long menu blurb must not pass for the first paragraph: the chrome-dense
    header and footer around the story still make it a whole-page scrape."""
    head = [*links("Home", "Products"), BLURB, *links("Pricing", "Blog"), "Log in"]
    article = ["# Minister resigns", PROSE_LINE, PROSE_LINE, "## Reaction", PROSE_LINE, PROSE_LINE]
    tail = [*links("About", "Careers", "Privacy"), "Copyright 2025 Example Ltd"]
    lines = [*head, *article, *tail]
    got = flagged_lines(rules, "\n".join(lines) + "\n")
    assert lines.index(BLURB) + 1 in got  # the blurb goes with the menu
    assert len(lines) in got  # so does the footer's copyright line
    assert not got & {i + 1 for i, ln in enumerate(lines) if ln in article}


def test_extracted_article_with_a_few_links_at_both_ends_is_not_a_page(rules):
    """A story that opens with a section link and ends with related links, but whose text
    before and after its densest stretch is mostly prose and short lines, keeps that text."""
    intro = ["## Background", *(["A short note on context."] * 12), PROSE_LINE]
    lines = [*links("Politics"), *intro, *links("Vote", "Poll"), *([PROSE_LINE] * 6),
             *(["Figures in brackets are estimates."] * 8), *links("Related", "More", "Archive")]
    got = flagged_lines(rules, "\n".join(lines) + "\n")
    assert not got & {i + 1 for i, ln in enumerate(lines) if "[" not in ln}


def test_cards_beside_the_story_on_a_whole_page_are_cut(rules):
    """Staff or product cards (a sentence and a couple of links each) after the story are the
    page's, not the article's, even though each card holds a full sentence."""
    card = ["Jane is an experienced adviser who answers new questions quickly and stays "
            "available to students late in the evening.", "[Chat with me](/chat)", "[Profile](/jane)"]
    article = ["# Minister resigns", PROSE_LINE, PROSE_LINE, PROSE_LINE, PROSE_LINE]
    lines = [*links("Home", "World", "Business", "Sport"), *article, *(card * 3),
             *links("About", "Careers", "Privacy")]
    got = flagged_lines(rules, "\n".join(lines) + "\n")
    assert not got & {i + 1 for i, ln in enumerate(lines) if ln in article}
    blurbs = [i + 1 for i, ln in enumerate(lines) if ln == card[0]]
    assert set(blurbs[1:]) <= got  # the card touching the story may pass for its last paragraph


@pytest.mark.parametrize("text", [
    "1. one two three four five six seven eight nine ten eleven twelve",  # the number is a mark
    "12) one two three four five six seven eight nine ten eleven",
    "1.5 million people left the city in the first week of the long and hard war",
    "> 1. one two three four five six seven eight nine ten eleven twelve",
    "**Bold** words: one two three four five six seven eight nine ten",
    "don't stop, won't stop: it's the end of an era that ran for years",
    "snake_case words split in two once the marks go: a b c d e f g h",
    "__init__", "", "   ", "* * *", "٣. one two three four five six seven eight nine ten eleven twelve",
])
@pytest.mark.parametrize("prose_words", [0, 1, 12, 13])
def test_link_free_lines_are_classed_as_by_their_visible_words(text, prose_words):
    """Link-free lines take a shortcut that must agree with counting the visible words."""
    words = len(_WORD.findall(visible(text)[0]))
    expected = PROSE if words and words >= prose_words else SHORT
    assert line_class(text, 0.5, prose_words) == expected
