"""A211 (footer-run kind): the rest of a text after a chrome line near its end."""

import pytest

from lint.document import Document
from lint.engine import lint_text, select_rules
from lint.kinds import footer_run
from lint.rules import Rule

PROSE = ("The council approved the budget on Tuesday after a long debate about the new library, "
         "the bus lanes and the swimming pool, and the mayor promised work would start soon.")
BIO = "Jane Doe is a reporter who covers city hall. She lives in Leeds with two cats."
LONG_PROSE = " ".join([PROSE] * 2)  # a paragraph of over 40 words


def footer_lines(rules, paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    _, found = lint_text(text, select_rules(rules, ["A211"]))
    return [(f.line, f.end_line) for f in found if f.rule == "A211"], text.split("\n")


def test_everything_after_a_late_anchor_is_one_block(rules):
    paras = [PROSE] * 8 + ["By Jane Doe", BIO, "[Privacy](/privacy) | [Terms](/terms)"]
    got, lines = footer_lines(rules, paras)
    assert len(got) == 1
    first, last = got[0]
    assert lines[first - 1] == BIO and lines[last - 1].startswith("[Privacy]")


def test_anchor_high_in_the_text_leaves_the_article_alone(rules):
    """A byline under the title has the story after it: more than max_share of the text."""
    paras = ["By Jane Doe"] + [PROSE] * 3
    assert footer_lines(rules, paras)[0] == []


def test_anchor_outside_the_window_is_not_used(rules):
    paras = [PROSE] * 30 + ["By Jane Doe"] + ["Short line."] * 25
    assert footer_lines(rules, paras)[0] == []


def test_story_going_on_after_the_anchor_is_not_a_footer(rules):
    """Two paragraphs of prose after the chrome line: the story was interrupted, not ended."""
    paras = [PROSE] * 20 + ["**Share this article**", LONG_PROSE, LONG_PROSE]
    assert footer_lines(rules, paras)[0] == []
    paras = [PROSE] * 20 + ["**Share this article**", LONG_PROSE]  # one bio-sized paragraph
    assert footer_lines(rules, paras)[0] != []


TEASERS = ["[Floods close the coast road](/a)", "[Council race goes to a recount](/b)",
           "[Tram fares rise in June](/c)"]


def test_interrupting_anchor_needs_chrome_after_it(rules):
    """An advertisement marker ends the story when teaser cards follow it, not when the story
    goes on after it (its first line is prose, or half its lines are)."""
    story = [PROSE] * 12
    assert footer_lines(rules, story + ["Advertisement"] + TEASERS)[0] != []
    assert footer_lines(rules, story + ["Advertisement", PROSE] + TEASERS)[0] == []
    assert footer_lines(rules, story + ["Advertisement", "March 3, 2024", PROSE, PROSE])[0] == []
    # a link line of eight words is a teaser, not prose
    assert footer_lines(rules, story + ["Read more", "[Why the council said no to the new bridge.](/c)"])[0] != []


def test_later_anchor_ends_the_story_when_the_first_interrupts_it(rules):
    paras = [PROSE] * 12 + ["Advertisement", PROSE, "**Share this article**", BIO]
    got, lines = footer_lines(rules, paras)
    assert len(got) == 1 and lines[got[0][0] - 1] == BIO


def test_long_line_is_never_an_anchor(rules):
    """A sentence that holds a footer phrase is not an anchor, even though its rule flags it."""
    long_line = "All rights reserved, the court said, belong to the author and not to the publisher of the book."
    paras = [PROSE] * 8 + [long_line, BIO]
    _, found = lint_text("\n\n".join(paras), select_rules(rules, ["A210"]))
    assert found  # A210 flags the line ...
    assert footer_lines(rules, paras)[0] == []  # ... but it is too long to end the story
    assert footer_lines(rules, [PROSE] * 8 + ["All rights reserved.", BIO])[0] != []


def test_gate_never_hides_an_anchor(rules):
    """The cheap gate is a necessary condition: on texts where an anchor rule fires on a short
    line, the gate of that rule passes."""
    by_id = {r.id: r for r in rules}
    anchors = [by_id[i] for i in by_id["A211"].options["anchors"]]
    texts = ["By [Reuters](#)", "**Share this article**", "© 2024 Example News. All rights reserved.",
             "## Related articles\n\n[A story](/a)", "Leave a comment", "Written by **Jane Doe**",
             "[Rebecca Norris](/author/215462/rebecca-norris/)", "Follow us on Twitter"]
    texts += [t for r in anchors for t in r.examples.get("flag", [])]
    checked = 0
    for text in texts:
        doc = Document(text)
        for anchor in anchors:
            fired = {f.line for f in anchor.check(doc)}
            short = [ln for i, ln in enumerate(doc.line_texts, 1) if i in fired and len(ln.split()) <= 16]
            if short:
                hay = "\n".join(short)
                delinked = footer_run._LINK.sub(r"\1", hay) if "](" in hay else None
                pair = None if delinked is None else (delinked, delinked.lower())
                assert footer_run._gate(anchor)(hay, hay.lower(), pair), (anchor.id, text)
                checked += 1
    assert checked >= len(anchors)


def _rule(**options):
    base = {"anchors": ["A210"], "window": 20, "max_share": 0.25, "anchor_max_words": 16,
            "max_prose_lines": 1}
    base.update(options)
    return Rule(id="X1", kind="footer-run", category="artefact", severity="warning", message="m",
                description="d", examples={}, scope="document", options=base)


@pytest.mark.parametrize("options, error", [
    ({"anchors": []}, "needs anchors"),
    ({"anchors": ["NOPE1"]}, "unknown rule"),
    ({"anchors": ["A211"]}, "cannot be footer-run"),
    ({"max_share": 0}, "max_share"),
    ({"interrupting": ["A107"]}, "also be in anchors"),
])
def test_prepare_rejects_bad_options(options, error):
    with pytest.raises(ValueError, match=error):
        footer_run.prepare(_rule(**options))
